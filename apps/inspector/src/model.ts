// The control-plane answers the page reads. Until the control plane's generated types exist, these
// mirror the stub's answers (apps/stub-server/src/control.ts, stats.ts, store/store.ts).
import type { SecondStats } from './series.js';

export interface HealthAnswer {
  ok: true;
  uptimeMs: number;
  apps: number[];
  version: string;
}

export interface CommandSeries {
  sdkAppId: number;
  command: string;
  ceiling: number;
  maxAcceptedInWindow: number;
  totals: { accepted: number; refused: number; errors: number };
  seconds: SecondStats[];
}

export interface StatsAnswer {
  ok: true;
  windowMs: number;
  series: CommandSeries[];
}

export interface MarkState {
  Type: 1 | 2;
  To_Account?: string;
  ToGroupId?: string;
  StandardMark: string;
  CustomMark?: string;
  Timestamp: number;
  firstMarkedSeq: number;
  ContactGroupId?: number[];
}

export interface ContactGroup {
  GroupId: number;
  GroupName: string;
}

export interface GroupRecord {
  GroupId: string;
  Type: string;
  Name: string;
  Owner_Account?: string;
  dissolved: boolean;
}

export interface AppState {
  sdkAppId: number;
  accounts: string[];
  groups: GroupRecord[];
  marks: Record<string, MarkState[]>;
  contactGroups?: Record<string, { NextGroupId: number; GroupItem: ContactGroup[] }>;
}

export interface StubState {
  version: 1;
  apps: AppState[];
}

export interface JournalAnswer {
  outcome: 'answered' | 'dropped' | 'hung';
  httpStatus: number | null;
  ActionStatus?: 'OK' | 'FAIL';
  ErrorCode?: number;
  ErrorInfo?: string;
  ResultCodes?: number[];
  fault?: string;
}

export interface JournalEntry {
  id: number;
  time: string;
  sdkAppId: number | null;
  command: string;
  query: Record<string, string>;
  body?: unknown;
  bodyBytes?: number;
  bodyTruncated?: boolean;
  answer: JournalAnswer;
  latencyMs: number;
}

export interface RequestList {
  ok: true;
  enabled: boolean;
  requests: JournalEntry[];
  total: number;
  dropped: number;
  capacity: number;
}

type Latency = number | { min: number; max: number } | { mean: number; stddev: number };

interface FaultScope {
  command?: string;
  sdkAppId?: number;
  From_Account?: string;
  count?: number;
  probability?: number;
}

export type FaultSpec = FaultScope &
  (
    | { kind: 'error'; code: number; ErrorInfo?: string; latencyMs?: Latency }
    | {
        kind: 'item-error';
        ResultCode: number;
        ResultInfo?: string;
        To_Account?: string[];
        ToGroupId?: string[];
        latencyMs?: Latency;
      }
    | { kind: 'http'; status: number; body?: string; contentType?: string; latencyMs?: Latency }
    | { kind: 'latency'; latencyMs: Latency }
    | { kind: 'drop'; latencyMs?: Latency }
    | { kind: 'hang'; maxMs?: number }
  );

export type Fault = FaultSpec & { id: string; fired: number; remaining?: number };

export interface FaultList {
  ok: true;
  faults: Fault[];
}
