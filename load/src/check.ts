// The ceiling check CI runs without k6: the shared scenarios (ceiling, then recovery = overload followed
// by the ceiling), shortened, driven by the open-model driver, judged on the stub's own per-second stats.
import { setTimeout as sleep } from 'node:timers/promises';
import { contactGroupRequests, loadRequest, setupRequests, type World, world } from '../shared/payloads.ts';
import {
  CEILING,
  EXPECTATIONS,
  isRetryable,
  type LoadedCommand,
  PACING_MARGIN_MS,
  type ScenarioName,
  SETUP_ATTEMPTS,
  scenarioCommands,
  settleMs,
  type TimedPhase,
  timeline,
  WINDOW_MS,
} from '../shared/plan.ts';
import {
  aggregateSeries,
  judgeWindow,
  type PerSecondSeries,
  perSecondTable,
  type StubSeries,
  type WindowVerdict,
} from '../shared/report.ts';
import { type Credentials, commandPath, commandPaths } from '../shared/request.ts';
import { isStub, resetStub, stubStats } from './control.ts';
import { type CallPool, drive, type Stream, warmPools } from './driver.ts';
import { countScenario, fullSeconds, judgePhase, type PhaseResult, type PhaseRun } from './phase.ts';

export interface CheckRun {
  scenario: Exclude<ScenarioName, 'smoke'>;
  seconds: number;
}

/**
 * The CI plan, ~11 s of load: the ceiling for 3 s, then recovery: overload for 3 s (two full seconds to
 * judge, as the `overload` scenario is judged), then the ceiling again for 5 s.
 */
export const CI_PLAN: readonly CheckRun[] = [
  { scenario: 'ceiling', seconds: 3 },
  { scenario: 'recovery', seconds: 8 },
];

export interface CheckOptions extends Credentials {
  baseUrl: string;
  /**
   * Every replica of the target, `baseUrl` among them (default: `baseUrl` alone). Calls go to them in
   * turn; each is reset before the run, and the verdict is on their stats added up (aggregateSeries).
   */
  replicas?: readonly string[];
  /** The rate under test; default the spec's ceiling. */
  rate?: number;
  plan?: readonly CheckRun[];
  seed?: number;
  commands?: readonly LoadedCommand[];
  /** See PACING_MARGIN_MS in shared/plan.ts. */
  pacingMarginMs?: number;
  log?: (line: string) => void;
}

export interface CheckReport {
  ok: boolean;
  failures: string[];
  rate: number;
  pacingMarginMs: number;
  stub: boolean;
  /** How many replicas were driven; `stats` is their aggregate. */
  replicas: number;
  phases: PhaseResult[];
  stats: StubSeries[];
  window: WindowVerdict[];
  table: string;
}

interface Context {
  pool: CallPool;
  w: World;
  credentials: Credentials;
  /** Every command the plan drives (the world is set up for them, the stub's stats are read for them). */
  commands: readonly LoadedCommand[];
  /** The commands every run drives, when the caller fixed them; otherwise each scenario's own. */
  fixedCommands: readonly LoadedCommand[] | undefined;
  /** Calls made so far: each call's payload is generated from the seed and its index in the run. */
  offset: number;
}

function streams(
  context: Context,
  phase: Pick<TimedPhase, 'rate' | 'perMs'>,
  commands: readonly LoadedCommand[] = context.commands,
): Stream<LoadedCommand>[] {
  const { w, credentials, offset } = context;
  const path = commandPaths(credentials);
  return commands.map((command) => ({
    tag: command,
    rate: phase.rate,
    perMs: phase.perMs,
    call: (index: number) => ({
      path: path(command),
      body: JSON.stringify(loadRequest(command, w, offset + index)),
    }),
  }));
}

/** A setup call, sent again while it answers a code the spec marks retryable (as k6's setup does). */
async function post(pool: CallPool, path: string, body: unknown): Promise<{ ErrorCode?: number }> {
  for (let attempt = 1; ; attempt++) {
    const res = await pool.request({
      method: 'POST',
      path,
      body: JSON.stringify(body),
      headers: { 'content-type': 'application/json' },
    });
    const answer = (await res.body.json()) as { ErrorCode?: number };
    if (!isRetryable(answer.ErrorCode ?? 0) || attempt === SETUP_ATTEMPTS) return answer;
    await sleep(100 * attempt);
  }
}

/** Creates the run's accounts and groups through the API's own setup commands. */
async function createWorld(context: Context): Promise<void> {
  const { imports, groups } = setupRequests(context.w);
  for (const request of imports) {
    const answer = await post(context.pool, commandPath('multiaccountImport', context.credentials), request);
    if (answer.ErrorCode !== 0) throw new Error(`multiaccount_import: ${JSON.stringify(answer)}`);
  }
  for (const request of groups) {
    const answer = await post(context.pool, commandPath('createGroup', context.credentials), request);
    // 10021: the group exists from an earlier run against a target that is not reset.
    if (answer.ErrorCode !== 0 && answer.ErrorCode !== 10021) {
      throw new Error(`create_group: ${JSON.stringify(answer)}`);
    }
  }
  if (!context.commands.includes('updateContactGroup')) return;
  for (const request of contactGroupRequests(context.w)) {
    const answer = await post(context.pool, commandPath('createContactGroup', context.credentials), request);
    // 51011: the user has the group from an earlier run against a target that is not reset.
    if (answer.ErrorCode !== 0 && answer.ErrorCode !== 51011) {
      throw new Error(`create_contact_group: ${JSON.stringify(answer)}`);
    }
  }
}

async function runScenario(
  context: Context,
  run: CheckRun,
  rate: number,
  margin: number,
  log: (line: string) => void,
): Promise<PhaseRun[]> {
  const driven = [];
  for (const phase of timeline(run.scenario, rate, run.seconds, margin)) {
    log(
      `${run.scenario}/${phase.name}: ${phase.rate} calls per ${phase.perMs} ms per command, ${phase.durationS} s`,
    );
    const commands = context.fixedCommands ?? scenarioCommands(run.scenario);
    const report = await drive(context.pool, streams(context, phase, commands), {
      durationMs: phase.durationS * 1000,
      // Paced phases hold a call back rather than burst after a late start (see DriveOptions).
      windowGuardMs: phase.expect === 'split' ? undefined : phase.perMs,
    });
    context.offset += report.results.length;
    driven.push({ phase, report });
  }
  return countScenario(run.scenario, driven, settleMs(margin));
}

function phaseLabel(phases: readonly PhaseResult[]): (t: number) => string {
  return (t) => {
    const inside = phases.find((p) => t * 1000 < p.endedAt && (t + 1) * 1000 > p.startedAt);
    if (inside) return inside.phase.name;
    return phases.length > 0 && (t + 1) * 1000 <= (phases[0]?.startedAt ?? 0) ? 'warm-up' : '';
  };
}

export async function runCeilingCheck(options: CheckOptions): Promise<CheckReport> {
  const rate = options.rate ?? CEILING;
  const margin = options.pacingMarginMs ?? PACING_MARGIN_MS;
  const log = options.log ?? (() => {});
  const replicas = options.replicas ?? [options.baseUrl];
  const stub = await isStub(options.baseUrl);
  // Every replica is reset (its stats, and the shared window and store once more: harmless).
  if (stub) for (const url of replicas) await resetStub(url, options.sdkAppId);
  const pool = await warmPools(replicas, {
    connections: 32,
    warmPath: stub ? '/__stub/health' : '/',
  });
  const context: Context = {
    pool,
    w: world(options.seed ?? 20240601),
    credentials: options,
    commands: options.commands ?? [
      ...new Set((options.plan ?? CI_PLAN).flatMap((run) => [...scenarioCommands(run.scenario)])),
    ],
    fixedCommands: options.commands,
    offset: 0,
  };
  const runs: PhaseRun[] = [];
  try {
    await createWorld(context);
    // Warm both processes' code paths (JIT, first-use compilation) at a quarter of the rate, off the record.
    const warm = await drive(pool, streams(context, { rate: Math.ceil(rate / 4), perMs: 1000 }), {
      durationMs: 500,
    });
    context.offset += warm.results.length;
    for (const run of options.plan ?? CI_PLAN) {
      // Let the window empty between scenarios, so that each starts as its k6 scenario would.
      await sleep(settleMs(margin) + 100);
      runs.push(...(await runScenario(context, run, rate, margin, log)));
    }
  } finally {
    await pool.close();
  }

  const counts = stub
    ? await Promise.all(replicas.map((url) => stubStats(url, options.sdkAppId, context.commands)))
    : [];
  const stats = aggregateSeries(counts.map((c) => c.series));
  // Any replica held up explains a second of the sum falling short.
  const stalls = counts.flatMap((c) => c.stalls);
  const window = stats.map((series) => judgeWindow(series, rate));
  const failures = [
    ...window.flatMap((verdict) => verdict.problems),
    ...runs.flatMap((r) => judgePhase(r, rate, stats, stalls)),
  ];
  const phases = runs.map((r) => r.result);
  const series: PerSecondSeries[] = stats.map((s) => ({
    command: s.command,
    source: 'stub',
    seconds: s.seconds,
  }));
  const table = perSecondTable(series, rate, phaseLabel(phases));
  return {
    ok: failures.length === 0,
    failures,
    rate,
    pacingMarginMs: margin,
    stub,
    replicas: replicas.length,
    phases,
    stats,
    window,
    table,
  };
}

/**
 * The report for a terminal: the per-second table, a paragraph per phase, the verdict. With
 * `expectFailure` (a run that proves the check can fail, e.g. against a stub without a limiter) the
 * verdict says whether the expected failures were seen, in words that do not read as a failed run.
 */
export function formatCheck(report: CheckReport, { expectFailure = false } = {}): string {
  const lines = [report.table.trimEnd(), ''];
  if (report.replicas > 1) {
    lines.push(
      `${report.replicas} replicas, calls sent to them in turn; the stub's counts are their sum`,
      '',
    );
  }
  for (const p of report.phases) {
    lines.push(
      `${p.scenario}/${p.phase.name}: ${p.phase.rate} calls per ${p.phase.perMs} ms per command, ${p.phase.durationS} s`,
      `  sent ${p.sent}, accepted ${p.accepted}, refused ${p.refused}, without a valid answer ${p.failed}`,
      `  latency p50 ${p.latency.p50.toFixed(1)} / p99 ${p.latency.p99.toFixed(1)} / max ${p.latency.max.toFixed(1)} ms; ` +
        `late starts ${p.late} (max ${p.maxLatenessMs.toFixed(1)} ms)`,
    );
    if (p.forbidden > 0) {
      lines.push(
        `  ${p.forbidden} forbidden 60007, ${p.explainedByJitter} explained by a delay beyond the pacing margin`,
      );
    }
    if (p.phase.expect === 'split') {
      // The figure the ceiling promises under overload: the leanest full second still near the ceiling.
      for (const series of report.stats) {
        const counts = fullSeconds(p.startedAt, p.endedAt).map(
          (t) => series.seconds.find((s) => s.t === t)?.accepted ?? 0,
        );
        if (counts.length > 0) {
          lines.push(
            `  ${series.command}: accepted per full second min ${Math.min(...counts)} / max ${Math.max(...counts)} (stub's count)`,
          );
        }
      }
    }
    for (const s of p.shortfallsExplained)
      lines.push(`  below ${EXPECTATIONS.overloadMinShare * 100}% but explained by a delay: ${s}`);
  }
  for (const w of report.window) {
    lines.push(
      `${w.command}: at most ${w.maxAcceptedInWindow} accepted in any ${WINDOW_MS} ms (ceiling ${w.ceiling})`,
    );
  }
  if (expectFailure) {
    lines.push(
      '',
      report.ok
        ? 'ceiling check passed where it had to fail: the check cannot tell a missing limiter'
        : 'ceiling check rejected this stub, as it had to:',
    );
    for (const failure of report.failures) lines.push(`  expected mismatch seen: ${failure}`);
  } else {
    lines.push('', report.ok ? 'ceiling check PASSED' : 'ceiling check FAILED');
    for (const failure of report.failures) lines.push(`  - ${failure}`);
  }
  return `${lines.join('\n')}\n`;
}
