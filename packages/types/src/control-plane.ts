// The control plane's shapes (/__stub/ of the tim-marks stub) under their schema names, generated
// from openapi/control-plane.yaml. The stub, the load harness (Node and k6, by `import type`) and the
// tests all use these: nothing here is typed by hand. The one value is the document itself, with
// which the stub checks an imported state; k6 imports only types from here, by path.
import type { components, operations, paths } from './generated/control-plane.js';

export { controlPlaneDocument } from './generated/control-plane-document.js';
export type { components, operations, paths };

type Schemas = components['schemas'];

export type ControlOk = Schemas['Ok'];
export type Cleared = Schemas['Cleared'];
export type ControlErrorCode = Schemas['ControlErrorCode'];
export type ControlErrorAnswer = Schemas['ControlErrorAnswer'];
export type Health = Schemas['Health'];
export type StoreHealth = Schemas['StoreHealth'];
export type ResetRequest = Schemas['ResetRequest'];
export type StubStateDocument = Schemas['StubState'];
export type AppStateDocument = Schemas['AppState'];
export type ConversationState = Schemas['ConversationState'];
export type ContactGroupsState = Schemas['ContactGroupsState'];
export type ContactGroupState = Schemas['ContactGroupState'];
export type SeedRequest = Schemas['SeedRequest'];
export type SeedGroup = Schemas['SeedGroup'];
export type SeedContactGroup = Schemas['SeedContactGroup'];

export type SecondStats = Schemas['SecondStats'];
export type CommandTotals = Schemas['CommandTotals'];
export type CommandSeries = Schemas['CommandSeries'];
export type StatsAnswer = Schemas['StatsAnswer'];
export type LoopStall = Schemas['LoopStall'];
export type StatsQuery = NonNullable<operations['stats']['parameters']['query']>;

export type JournalAnswer = Schemas['JournalAnswer'];
export type JournalEntry = Schemas['JournalEntry'];
export type RequestList = Schemas['RequestList'];
export type RequestFilter = NonNullable<operations['listRequests']['parameters']['query']>;
export type RequestMatcher = Schemas['RequestMatcher'];
export type RequestCount = Schemas['RequestCount'];

export type LatencyDistribution = Schemas['LatencyDistribution'];
export type UniformLatency = Schemas['UniformLatency'];
export type NormalLatency = Schemas['NormalLatency'];
export type FaultScope = Schemas['FaultScope'];
export type ErrorFault = Schemas['ErrorFault'];
export type ItemErrorFault = Schemas['ItemErrorFault'];
export type HttpFault = Schemas['HttpFault'];
export type LatencyFault = Schemas['LatencyFault'];
export type DropFault = Schemas['DropFault'];
export type HangFault = Schemas['HangFault'];
export type FaultSpec = Schemas['FaultSpec'];
export type FaultKind = FaultSpec['kind'];
export type LegacyFaultSpec = Schemas['LegacyFaultSpec'];
export type FaultState = Schemas['FaultState'];
export type Fault = Schemas['Fault'];
export type FaultList = Schemas['FaultList'];
export type FaultAdded = Schemas['FaultAdded'];

export type ProviderStateRequest = Schemas['ProviderStateRequest'];
export type ProviderStateValues = Schemas['ProviderStateValues'];
export type ProviderStateDefinition = Schemas['ProviderStateDefinition'];
export type ProviderStateList = Schemas['ProviderStateList'];
