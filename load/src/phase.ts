// Counting one phase of the ceiling check and judging it against its expectation (shared/plan.ts).
import { EXPECTATIONS, type LoadedCommand, type TimedPhase, WINDOW_MS } from '../shared/plan.ts';
import type { StubSeries } from '../shared/report.ts';
import { judge } from './answers.ts';
import type { CallResult, DriveReport } from './driver.ts';
import {
  explainedByJitter,
  type StubStall,
  shortfallExplained,
  stallExplained,
  type TimedCall,
} from './jitter.ts';

export interface PhaseResult {
  scenario: string;
  phase: TimedPhase;
  startedAt: number;
  endedAt: number;
  sent: number;
  late: number;
  maxLatenessMs: number;
  latency: { p50: number; p99: number; max: number };
  accepted: number;
  acceptedByCommand: Record<string, number>;
  refused: number;
  /** 60007 answers the phase forbids: all of them at the ceiling, those after the settling time in recovery. */
  forbidden: number;
  /** Of `forbidden`, those a correct limiter gives only after a delay beyond the pacing margin (jitter.ts). */
  explainedByJitter: number;
  /** Seconds of overload below the floor (EXPECTATIONS.overloadMinShare) that a measured delay explains (jitter.ts). */
  shortfallsExplained: string[];
  failed: number;
  /** Accepted answers that were not a clean success (first few reasons in `problems`). */
  unclean: number;
  problems: string[];
}

/** A phase as driven: its counts, and the calls themselves for the judgement (kept out of reports). */
export interface PhaseRun {
  result: PhaseResult;
  calls: CallResult<LoadedCommand>[];
}

function percentiles(values: readonly number[]): PhaseResult['latency'] {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), max: sorted.at(-1) ?? 0 };
}

/**
 * Counts the phases of one scenario run. The jitter rule looks across phases: in recovery, the calls
 * admitted at the end of the overload phase are what the first recovery calls meet in the window.
 */
export function countScenario(
  scenario: string,
  driven: readonly { phase: TimedPhase; report: DriveReport<LoadedCommand> }[],
  settleMs: number,
): PhaseRun[] {
  const judged = driven.map(({ report }) => report.results.map((call) => ({ call, ...judge(call) })));
  const admitted = new Map<string, TimedCall[]>();
  for (const { call, outcome } of judged.flat()) {
    if (outcome === 'accepted') admitted.set(call.tag, [...(admitted.get(call.tag) ?? []), call]);
  }
  for (const calls of admitted.values()) calls.sort((a, b) => a.startedAt - b.startedAt);

  return driven.map(({ phase, report }, i): PhaseRun => {
    const result: PhaseResult = {
      scenario,
      phase,
      startedAt: report.startedAt,
      endedAt: report.endedAt,
      sent: report.results.length,
      late: report.late,
      maxLatenessMs: report.maxLatenessMs,
      latency: percentiles(report.results.map((call) => call.latencyMs)),
      accepted: 0,
      acceptedByCommand: {},
      refused: 0,
      forbidden: 0,
      explainedByJitter: 0,
      shortfallsExplained: [],
      failed: 0,
      unclean: 0,
      problems: [],
    };
    for (const { call, outcome, problem } of judged[i] ?? []) {
      if (outcome === 'accepted') {
        result.accepted++;
        result.acceptedByCommand[call.tag] = (result.acceptedByCommand[call.tag] ?? 0) + 1;
        if (problem) result.unclean++;
      } else if (outcome === 'refused') {
        result.refused++;
        const forbidden =
          phase.expect === 'no-refusals' ||
          (phase.expect === 'settles' && call.startedAt - report.startedAt >= settleMs);
        if (forbidden) {
          result.forbidden++;
          // Without a margin any delay at all explains a refusal: then every one counts against the target.
          const margin = phase.perMs - WINDOW_MS;
          if (margin > 0 && explainedByJitter(call, admitted.get(call.tag) ?? [], phase.perMs, WINDOW_MS)) {
            result.explainedByJitter++;
          }
        }
      } else {
        result.failed++;
      }
      if (problem && result.problems.length < 5) result.problems.push(`${call.tag}: ${problem}`);
    }
    return { result, calls: report.results };
  });
}

/** Calendar seconds that lie wholly inside a phase: the ones whose count must be near the ceiling. */
export function fullSeconds(startedAt: number, endedAt: number): number[] {
  const seconds: number[] = [];
  for (let t = Math.ceil(startedAt / 1000); (t + 1) * 1000 <= endedAt; t++) seconds.push(t);
  return seconds;
}

/**
 * What the phase's expectation demands, as failure sentences (empty = passed). Records in the result the
 * overload seconds below the floor that a delay explains.
 */
export function judgePhase(
  run: PhaseRun,
  rate: number,
  stats: readonly StubSeries[],
  stalls: readonly StubStall[] = [],
): string[] {
  const { result, calls } = run;
  const { phase } = result;
  const where = `${result.scenario}/${phase.name} (${phase.rate} calls per ${phase.perMs} ms)`;
  const failures: string[] = [];
  if (result.failed > 0)
    failures.push(`${where}: ${result.failed} calls failed (${result.problems.join('; ')})`);
  if (result.unclean > 0) {
    failures.push(
      `${where}: ${result.unclean} accepted calls did not succeed (${result.problems.join('; ')})`,
    );
  }
  const unexplained = result.forbidden - result.explainedByJitter;
  if (unexplained > 0) {
    failures.push(
      `${where}: ${unexplained} calls refused with 60007 ` +
        `${phase.expect === 'settles' ? 'once the window had passed' : 'at the ceiling'}, ` +
        'with no delay beyond the pacing margin to explain them',
    );
  }
  if (phase.expect !== 'split') return failures;

  if (result.refused === 0) failures.push(`${where}: no call was refused with 60007 at twice the ceiling`);
  if (stats.length === 0) {
    // Without the stub's stats only totals can be judged: a sliding window admits at most the ceiling
    // per second of the phase, plus one second of edge.
    for (const [command, accepted] of Object.entries(result.acceptedByCommand)) {
      if (accepted > rate * (phase.durationS + 1)) {
        failures.push(`${where}: ${command} accepted ${accepted} calls in ${phase.durationS} s`);
      }
    }
  }
  const floor = Math.ceil(rate * EXPECTATIONS.overloadMinShare);
  for (const series of stats) {
    const own = calls.filter((call) => call.tag === series.command);
    for (const t of fullSeconds(result.startedAt, result.endedAt)) {
      const accepted = series.seconds.find((s) => s.t === t)?.accepted ?? 0;
      if (accepted >= floor) continue;
      const gapMs = phase.perMs / phase.rate;
      if (shortfallExplained((t + 1) * 1000, accepted, rate, own, gapMs)) {
        result.shortfallsExplained.push(`${series.command} second ${t}: ${accepted}`);
      } else if (stallExplained(t, accepted, rate, stalls, gapMs)) {
        result.shortfallsExplained.push(`${series.command} second ${t}: ${accepted} (the stub stalled)`);
      } else {
        failures.push(
          `${where}: ${series.command} accepted ${accepted} in second ${t}, below ${floor} ` +
            `(${EXPECTATIONS.overloadMinShare * 100}% of ${rate}) with no delay long enough to explain it`,
        );
      }
    }
  }
  return failures;
}
