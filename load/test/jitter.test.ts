import { describe, expect, it } from 'vitest';
import { explainedByJitter, shortfallExplained } from '../src/jitter.ts';

/** Admitted calls on a grid: `count` calls `gap` ms apart from `from`, each answered after `latency` ms. */
function grid(from: number, count: number, gap: number, latency = 1) {
  return Array.from({ length: count }, (_, i) => ({
    startedAt: from + i * gap,
    latencyMs: latency,
    dueAt: from + i * gap,
  }));
}

describe('a 60007 in a paced phase', () => {
  const perMs = 1050;
  it('is unexplained when every earlier call was answered promptly: the limiter is wrong', () => {
    const admitted = grid(0, 400, 5.25);
    expect(explainedByJitter({ startedAt: 2100, latencyMs: 1 }, admitted, perMs, 1000)).toBe(false);
  });

  it('is explained when a call that started a pacing window earlier was still in flight a window later', () => {
    const admitted = grid(0, 400, 5.25);
    admitted[200] = { ...admitted[200]!, latencyMs: 80 }; // started at 1050, stuck until 1130
    expect(explainedByJitter({ startedAt: 2110, latencyMs: 1 }, admitted, perMs, 1000)).toBe(true);
  });

  it('is not excused by a delay shorter than the pacing margin', () => {
    const admitted = grid(0, 400, 5.25);
    admitted[200] = { ...admitted[200]!, latencyMs: 40 };
    expect(explainedByJitter({ startedAt: 2110, latencyMs: 1 }, admitted, perMs, 1000)).toBe(false);
  });
});

describe('an overload second below the floor (95% of the ceiling)', () => {
  const gap = 2.5; // 400 calls/s
  const end = 10_000;
  it('is unexplained when calls flowed and were answered promptly around it', () => {
    expect(shortfallExplained(end, 180, 200, grid(8000, 1600, gap), gap)).toBe(false);
  });

  it('is explained by a call stuck across the end of the second for long enough', () => {
    const calls = grid(8000, 1600, gap);
    calls.push({ dueAt: end - 30, startedAt: end - 30, latencyMs: 45 });
    expect(shortfallExplained(end, 190, 200, calls, gap)).toBe(true);
  });

  it('is explained by the echo of a stall at its start (a bunch admitted then expires together)', () => {
    const calls = grid(8000, 1600, gap);
    calls.push({ dueAt: end - 1000 - 40, startedAt: end - 1000 - 40, latencyMs: 40 });
    expect(shortfallExplained(end, 190, 200, calls, gap)).toBe(true);
  });

  it('needs a delay in proportion to the calls missing', () => {
    const calls = grid(8000, 1600, gap);
    calls.push({ dueAt: end - 5, startedAt: end - 5, latencyMs: 8 });
    expect(shortfallExplained(end, 150, 200, calls, gap)).toBe(false);
  });
});
