// judgePhase's floor on overload seconds: a correct window's drift passes, a too-strict limiter fails.
import { describe, expect, it } from 'vitest';
import type { LoadedCommand, TimedPhase } from '../shared/plan.ts';
import type { StubSeries } from '../shared/report.ts';
import type { CallResult } from '../src/driver.ts';
import { judgePhase, type PhaseRun } from '../src/phase.ts';

const RATE = 200;
const OVERLOAD: TimedPhase = {
  name: 'overload',
  rateFactor: 2,
  share: 1,
  expect: 'split',
  rate: 400,
  perMs: 1000,
  startS: 0,
  durationS: 3,
};

/** An overload phase from 10.5 s to 13.5 s (full seconds 11 and 12), every call answered in 1 ms. */
function run(acceptedPerSecond: Record<number, number>): { run: PhaseRun; stats: StubSeries[] } {
  const startedAt = 10_500;
  const calls: CallResult<LoadedCommand>[] = Array.from({ length: 1200 }, (_, i) => ({
    tag: 'markContact',
    index: i,
    dueAt: startedAt + i * 2.5,
    startedAt: startedAt + i * 2.5,
    latencyMs: 1,
    status: 200,
    body: '',
  }));
  const seconds = Object.entries(acceptedPerSecond).map(([t, accepted]) => ({
    t: Number(t),
    accepted,
    refused: 400 - accepted,
    errors: 0,
  }));
  const result = {
    scenario: 'recovery',
    phase: OVERLOAD,
    startedAt,
    endedAt: startedAt + 3000,
    sent: 1200,
    late: 0,
    maxLatenessMs: 0,
    latency: { p50: 1, p99: 1, max: 1 },
    accepted: 600,
    acceptedByCommand: { markContact: 600 },
    refused: 600,
    forbidden: 0,
    explainedByJitter: 0,
    shortfallsExplained: [],
    failed: 0,
    unclean: 0,
    problems: [],
  };
  const stats: StubSeries[] = [
    {
      sdkAppId: 1400000000,
      command: 'markContact',
      ceiling: RATE,
      maxAcceptedInWindow: RATE,
      totals: { accepted: 600, refused: 600, errors: 0 },
      seconds,
    },
  ];
  return { run: { result, calls }, stats };
}

describe('the overload floor (95% of the ceiling per full second)', () => {
  it('passes the few calls short that a correct window drifts by (seen: 191-194 of 200)', () => {
    const { run: phaseRun, stats } = run({ 10: 100, 11: 191, 12: 193, 13: 108 });
    expect(judgePhase(phaseRun, RATE, stats)).toEqual([]);
  });

  it('fails a second further below it with no delay to explain it: a limiter that admits too few', () => {
    const { run: phaseRun, stats } = run({ 10: 100, 11: 199, 12: 185, 13: 108 });
    expect(judgePhase(phaseRun, RATE, stats)).toEqual([
      'recovery/overload (400 calls per 1000 ms): markContact accepted 185 in second 12, below 190 (95% of 200) with no delay long enough to explain it',
    ]);
  });

  it('passes such a second when the stub reported its event loop held up then (a delay the driver cannot see)', () => {
    // 185 of 200: 14 arrival gaps of 2.5 ms short, so the stub must have been held 17.5 ms or more.
    const { run: phaseRun, stats } = run({ 10: 100, 11: 199, 12: 185, 13: 108 });
    const held = [{ t: 13, maxDelayMs: 42 }];
    expect(judgePhase(phaseRun, RATE, stats, held)).toEqual([]);
    expect(phaseRun.result.shortfallsExplained).toEqual(['markContact second 12: 185 (the stub stalled)']);
  });

  it('still fails it when the stall was too short, or two seconds away', () => {
    const failure =
      'recovery/overload (400 calls per 1000 ms): markContact accepted 185 in second 12, below 190 (95% of 200) with no delay long enough to explain it';
    for (const stall of [
      { t: 12, maxDelayMs: 15 },
      { t: 10, maxDelayMs: 400 },
    ]) {
      const { run: phaseRun, stats } = run({ 10: 100, 11: 199, 12: 185, 13: 108 });
      expect(judgePhase(phaseRun, RATE, stats, [stall])).toEqual([failure]);
    }
  });
});
