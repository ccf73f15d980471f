// The ceiling check CI runs without k6: the shared scenarios (ceiling, then recovery = overload + ceiling),
// shortened, driven by the open-model driver against the stub, judged on the stub's own per-second stats.
import { setTimeout as sleep } from 'node:timers/promises';
import type { Pool } from 'undici';
import {
  getContactGroupRequest,
  markContactRequest,
  setupRequests,
  type World,
  world,
} from '../shared/payloads.ts';
import {
  CEILING,
  EXPECTATIONS,
  LOADED_COMMANDS,
  type LoadedCommand,
  type ScenarioName,
  type TimedPhase,
  timeline,
  WINDOW_MS,
} from '../shared/plan.ts';
import {
  judgeWindow,
  type PerSecondSeries,
  perSecondTable,
  type StubSeries,
  type WindowVerdict,
} from '../shared/report.ts';
import { type Credentials, commandPath } from '../shared/request.ts';
import { judge } from './answers.ts';
import { isStub, resetStub, stubStats } from './control.ts';
import { type DriveReport, drive, warmPool } from './driver.ts';

export interface CheckRun {
  scenario: Exclude<ScenarioName, 'smoke'>;
  seconds: number;
}

/** The CI plan: ~13 s of load. The overload phase of `recovery` is checked as the `overload` scenario is. */
export const CI_PLAN: readonly CheckRun[] = [
  { scenario: 'ceiling', seconds: 4 },
  { scenario: 'recovery', seconds: 9 },
];

export interface CheckOptions extends Credentials {
  baseUrl: string;
  /** The rate under test; default the spec's ceiling. */
  rate?: number;
  plan?: readonly CheckRun[];
  seed?: number;
  commands?: readonly LoadedCommand[];
  log?: (line: string) => void;
}

export interface PhaseResult {
  scenario: string;
  phase: TimedPhase;
  startedAt: number;
  endedAt: number;
  sent: number;
  late: number;
  maxLatenessMs: number;
  accepted: number;
  acceptedByCommand: Record<string, number>;
  refused: number;
  /** 60007 answers due after the phase's settling time. */
  refusedAfterSettle: number;
  failed: number;
  /** Accepted answers that were not a clean success (first few reasons in `problems`). */
  unclean: number;
  problems: string[];
}

export interface CheckReport {
  ok: boolean;
  failures: string[];
  rate: number;
  stub: boolean;
  phases: PhaseResult[];
  stats: StubSeries[];
  window: WindowVerdict[];
  table: string;
}

function summarizePhase(scenario: string, phase: TimedPhase, report: DriveReport): PhaseResult {
  const result: PhaseResult = {
    scenario,
    phase,
    startedAt: report.startedAt,
    endedAt: report.endedAt,
    sent: report.results.length,
    late: report.late,
    maxLatenessMs: report.maxLatenessMs,
    accepted: 0,
    acceptedByCommand: {},
    refused: 0,
    refusedAfterSettle: 0,
    failed: 0,
    unclean: 0,
    problems: [],
  };
  for (const call of report.results) {
    const judged = judge(call);
    if (judged.outcome === 'accepted') {
      result.accepted++;
      result.acceptedByCommand[call.tag] = (result.acceptedByCommand[call.tag] ?? 0) + 1;
    }
    if (judged.outcome === 'refused') {
      result.refused++;
      if (call.dueAt - report.startedAt >= EXPECTATIONS.settleMs) result.refusedAfterSettle++;
    }
    if (judged.outcome === 'failed') result.failed++;
    if (judged.outcome === 'accepted' && judged.problem) result.unclean++;
    if (judged.problem && result.problems.length < 5) result.problems.push(`${call.tag}: ${judged.problem}`);
  }
  return result;
}

/** Calendar seconds that lie wholly inside a phase: the ones whose count must be near the ceiling. */
export function fullSeconds(startedAt: number, endedAt: number): number[] {
  const seconds: number[] = [];
  for (let t = Math.ceil(startedAt / 1000); (t + 1) * 1000 <= endedAt; t++) seconds.push(t);
  return seconds;
}

/** What each phase's expectation demands, as failure sentences (empty = passed). */
export function phaseFailures(result: PhaseResult, rate: number, stats: readonly StubSeries[]): string[] {
  const { phase } = result;
  const where = `${result.scenario}/${phase.name} at ${phase.rate}/s`;
  const failures: string[] = [];
  if (result.failed > 0)
    failures.push(`${where}: ${result.failed} calls failed (${result.problems.join('; ')})`);
  if (result.unclean > 0) {
    failures.push(
      `${where}: ${result.unclean} accepted calls did not succeed (${result.problems.join('; ')})`,
    );
  }
  if (phase.expect === 'no-refusals' && result.refused > 0) {
    failures.push(`${where}: ${result.refused} calls refused with 60007 at the ceiling`);
  }
  if (phase.expect === 'settles' && result.refusedAfterSettle > 0) {
    failures.push(
      `${where}: ${result.refusedAfterSettle} calls refused with 60007 after the first ${WINDOW_MS} ms`,
    );
  }
  if (phase.expect === 'split') {
    if (result.refused === 0) failures.push(`${where}: no call was refused with 60007 at twice the ceiling`);
    // Without the stub's stats, only the totals can be judged: a sliding window admits at most the
    // ceiling per second of the phase, plus one second of edge.
    for (const [command, accepted] of Object.entries(result.acceptedByCommand)) {
      if (stats.length === 0 && accepted > rate * (phase.durationS + 1)) {
        failures.push(`${where}: ${command} accepted ${accepted} calls in ${phase.durationS} s`);
      }
    }
    const floor = Math.ceil(rate * EXPECTATIONS.overloadMinShare);
    for (const series of stats) {
      for (const t of fullSeconds(result.startedAt, result.endedAt)) {
        const accepted = series.seconds.find((s) => s.t === t)?.accepted ?? 0;
        if (accepted < floor) {
          failures.push(
            `${where}: ${series.command} second ${t} accepted ${accepted} < ${floor} (98% of ${rate})`,
          );
        }
      }
    }
  }
  return failures;
}

async function post(pool: Pool, path: string, body: unknown): Promise<{ ErrorCode?: number }> {
  const res = await pool.request({
    method: 'POST',
    path,
    body: JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
  });
  return (await res.body.json()) as { ErrorCode?: number };
}

/** Creates the run's accounts and groups through the API's own setup commands. */
async function createWorld(pool: Pool, credentials: Credentials, w: World): Promise<void> {
  const { imports, groups } = setupRequests(w);
  for (const request of imports) {
    const answer = await post(pool, commandPath('multiaccountImport', credentials), request);
    if (answer.ErrorCode !== 0) throw new Error(`multiaccount_import: ${JSON.stringify(answer)}`);
  }
  for (const request of groups) {
    const answer = await post(pool, commandPath('createGroup', credentials), request);
    if (answer.ErrorCode !== 0 && answer.ErrorCode !== 10021)
      throw new Error(`create_group: ${JSON.stringify(answer)}`);
  }
}

function label(phases: readonly PhaseResult[]): (t: number) => string {
  return (t) => {
    const inside = phases.find((p) => t * 1000 < p.endedAt && (t + 1) * 1000 > p.startedAt);
    return inside ? `${inside.phase.name} ${inside.phase.rate}/s` : '';
  };
}

export async function runCeilingCheck(options: CheckOptions): Promise<CheckReport> {
  const rate = options.rate ?? CEILING;
  const commands = options.commands ?? LOADED_COMMANDS;
  const log = options.log ?? (() => {});
  const credentials: Credentials = options;
  const stub = await isStub(options.baseUrl);
  if (stub) await resetStub(options.baseUrl, options.sdkAppId);
  const w = world(options.seed ?? 20240601);
  const pool = await warmPool(options.baseUrl, { connections: 32, warmPath: stub ? '/__stub/health' : '/' });
  const phases: PhaseResult[] = [];
  try {
    await createWorld(pool, credentials, w);
    let offset = 0;
    for (const run of options.plan ?? CI_PLAN) {
      // Let the limiter's window empty between scenarios, so that each starts as the k6 scenario would.
      await sleep(WINDOW_MS + 200);
      for (const phase of timeline(run.scenario, rate, run.seconds)) {
        log(`${run.scenario}/${phase.name}: ${phase.rate}/s per command for ${phase.durationS} s`);
        const base = offset;
        const report = await drive(
          pool,
          commands.map((command) => ({
            tag: command,
            rate: phase.rate,
            call: (index: number) => ({
              path: commandPath(command, credentials),
              body: JSON.stringify(
                command === 'markContact'
                  ? markContactRequest(w, base + index)
                  : getContactGroupRequest(w, base + index),
              ),
            }),
          })),
          { durationMs: phase.durationS * 1000 },
        );
        offset += report.results.length;
        phases.push(summarizePhase(run.scenario, phase, report));
      }
    }
  } finally {
    await pool.close();
  }

  const stats = stub ? await stubStats(options.baseUrl, options.sdkAppId, commands) : [];
  const window = stats.map((series) => judgeWindow(series, rate));
  const failures = [
    ...window.flatMap((verdict) => verdict.problems),
    ...phases.flatMap((result) => phaseFailures(result, rate, stats)),
  ];
  const series: PerSecondSeries[] = stats.map((s) => ({
    command: s.command,
    source: 'stub',
    seconds: s.seconds,
  }));
  const table = perSecondTable(series, rate, label(phases));
  return { ok: failures.length === 0, failures, rate, stub, phases, stats, window, table };
}

/** The report as lines for a terminal: the table, one line per phase, the verdict. */
export function formatCheck(report: CheckReport): string {
  const lines = [report.table.trimEnd(), ''];
  for (const p of report.phases) {
    lines.push(
      `${`${p.scenario}/${p.phase.name}`.padEnd(18)} ${String(p.phase.rate).padStart(4)}/s  sent ${p.sent}  ` +
        `accepted ${p.accepted}  refused ${p.refused}  failed ${p.failed}  late starts ${p.late} ` +
        `(max ${p.maxLatenessMs.toFixed(1)} ms)`,
    );
  }
  for (const w of report.window) {
    lines.push(
      `${w.command}: at most ${w.maxAcceptedInWindow} accepted in any ${WINDOW_MS} ms (ceiling ${w.ceiling})`,
    );
  }
  lines.push('', report.ok ? 'ceiling check PASSED' : 'ceiling check FAILED');
  for (const failure of report.failures) lines.push(`  - ${failure}`);
  return `${lines.join('\n')}\n`;
}
