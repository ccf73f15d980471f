// The control-plane shapes the page reads and sends, generated from openapi/control-plane.yaml
// (@tim-marks/types/control-plane): the page declares none of its own.
export type {
  AppStateDocument as AppState,
  CommandSeries,
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

import type { AppStateDocument } from '@tim-marks/types/control-plane';

// The contract leaves an app's `marks` and `contactGroups` open ("the store's format"), so the
// conversation shape the state browser reads is declared here, as the stub exports it
// (MarkState and ContactGroupsState in apps/stub-server/src/store/store.ts).

/** One conversation of a user in the exported state. */
export interface MarkState {
  Type: 1 | 2;
  To_Account?: string;
  ToGroupId?: string;
  /** The 64-bit standard mark as a decimal string. */
  StandardMark: string;
  CustomMark?: string;
  Timestamp: number;
  /** Position in the user's first-marked order (0 = marked first). */
  firstMarkedSeq: number;
  /** The user's conversation groups holding it (GroupItem.GroupId). */
  ContactGroupId?: number[];
}

/** A user's conversation group (GroupItem). */
export interface ContactGroup {
  GroupId: number;
  GroupName: string;
}

/** An app of the exported state, with the store's format spelled out. */
export type BrowsedApp = AppStateDocument & {
  marks: Record<string, MarkState[] | undefined>;
  contactGroups?: Record<string, { NextGroupId: number; GroupItem: ContactGroup[] } | undefined>;
};
