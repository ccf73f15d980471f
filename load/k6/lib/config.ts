// Everything a run is configured with comes from the environment (k6 -e NAME=value or the shell).
import {
  CEILING,
  EXPECTATIONS,
  LOCAL_STUB_URL,
  PACING_MARGIN_MS,
  parseDurationS,
  SCENARIOS,
  type ScenarioName,
} from '../../shared/plan.ts';

export interface RunConfig {
  baseUrl: string;
  sdkAppId: number;
  identifier: string;
  userSig: string;
  /** The rate under test, calls/s per command (default: the spec's ceiling). */
  rate: number;
  /** Total duration of the scenario, seconds. */
  durationS: number;
  p99Ms: number;
  pacingMarginMs: number;
  /** Pre-allocated VUs per k6 scenario (phase × command); default: enough for 250 ms of latency. */
  vus: number | undefined;
  seed: number;
  users: number;
  groups: number;
  standardMarks: boolean;
  /** Where handleSummary writes summary.json and summary.html. */
  outDir: string;
  /**
   * Reset the stub in setup (default). A runner that splits the run over several k6 processes
   * (--execution-segment) resets once itself and sets RESET=0: a segment's reset would wipe what
   * another segment already set up.
   */
  reset: boolean;
}

function text(name: string, fallback?: string): string {
  const value = __ENV[name];
  if (value !== undefined && value !== '') return value;
  if (fallback !== undefined) return fallback;
  throw new Error(`${name} is required (set it with -e ${name}=... or in the environment)`);
}

function positiveNumber(name: string, fallback: number): number {
  const value = Number(text(name, String(fallback)));
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number`);
  return value;
}

export function runConfig(scenario: ScenarioName): RunConfig {
  const defaultDuration: number = SCENARIOS[scenario].durationS;
  return {
    baseUrl: text('BASE_URL', LOCAL_STUB_URL).replace(/\/+$/, ''),
    sdkAppId: positiveNumber('SDKAPPID', 1400000000),
    identifier: text('IDENTIFIER', 'administrator'),
    userSig: text('USERSIG'),
    rate: Math.round(positiveNumber('RATE', CEILING)),
    durationS: __ENV.DURATION ? parseDurationS(__ENV.DURATION) : defaultDuration,
    p99Ms: positiveNumber('P99_MS', EXPECTATIONS.p99Ms),
    pacingMarginMs: Number(text('PACING_MARGIN_MS', String(PACING_MARGIN_MS))),
    vus: __ENV.VUS ? Math.ceil(positiveNumber('VUS', 1)) : undefined,
    seed: Math.floor(positiveNumber('SEED', 20240601)),
    users: Math.floor(positiveNumber('USERS', 50)),
    groups: Math.floor(Number(text('GROUPS', '10'))),
    standardMarks: text('STANDARD_MARKS', '1') !== '0',
    outDir: text('OUT_DIR', '.').replace(/\/+$/, ''),
    reset: text('RESET', '1') !== '0',
  };
}
