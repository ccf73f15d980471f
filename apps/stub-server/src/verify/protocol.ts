// What `tim-marks-stub verify` hands its verification child (argv[2], JSON) and what comes back (IPC).
import type { Credentials } from './credentials.js';

export interface BrokerInput {
  url: string;
  token?: string | undefined;
  username?: string | undefined;
  password?: string | undefined;
  providerVersion?: string | undefined;
  providerBranch?: string | undefined;
  publish: boolean;
}

export interface ChildInput {
  provider: string;
  stubUrl: string;
  controlToken?: string | undefined;
  /** Each verified on its own, in this order. */
  pactFiles: string[];
  broker?: BrokerInput | undefined;
  stateHandlersFile?: string | undefined;
  credentials: Credentials;
  logLevel: 'error' | 'warn' | 'info' | 'debug';
}

/** One difference between what the pact expects and what the stub answered. */
export interface Mismatch {
  /** `$.ErrorCode`, `status`, `header Content-Type`, … */
  where: string;
  expected?: string | undefined;
  actual?: string | undefined;
  /** Pact's own sentence, when there is no expected/actual pair. */
  text?: string | undefined;
}

export interface InteractionOutcome {
  description: string;
  states: string[];
  ok: boolean;
  mismatches: Mismatch[];
  /** A provider state that could not be set up, with the reason. */
  stateFailure?: { state: string; message: string } | undefined;
}

export interface RunOutcome {
  /** The pact file, or the broker's URL. */
  source: string;
  consumer?: string | undefined;
  provider?: string | undefined;
  interactions: InteractionOutcome[];
  /** Pact's verdict for the whole source (false also when it could not run). */
  passed: boolean;
  /** Why the source could not be verified at all (an unreadable file, a broker error). */
  error?: string | undefined;
  /** Pact's own report, for --verbose. */
  output: string[];
}

export type ChildOutput = { kind: 'done'; runs: RunOutcome[] } | { kind: 'error'; message: string };
