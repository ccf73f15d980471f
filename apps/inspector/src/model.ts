// The control-plane shapes the page reads and sends, generated from openapi/control-plane.yaml
// (@tim-marks/types/control-plane): the page declares none of its own.
export type {
  AppStateDocument as AppState,
  CommandSeries,
  ContactGroupState,
  ConversationState,
  Fault,
  FaultKind,
  FaultList,
  FaultSpec,
  Health as HealthAnswer,
  JournalEntry,
  LatencyDistribution,
  RequestFilter,
  RequestList,
  SecondStats,
  StatsAnswer,
  StubStateDocument as StubState,
} from '@tim-marks/types/control-plane';
