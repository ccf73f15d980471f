// Telling a 60007 caused by timing jitter from a wrong limiter, from the client's own measurements.
//
// In a paced phase no `perMs` span holds more than `rate` starts of one command (the driver's window
// guard). A correct sliding-window limiter refuses call i only when its window already holds `rate`
// admitted calls; at least one of them, j, started at or before start_i - perMs (the others do not fit
// after it). For j to still be in the server's window, the server must have stamped it more than
// `perMs - windowMs` (the pacing margin) after it started: start_j + delay_j > start_i - windowMs, and
// delay_j is at most j's latency. A refusal with no such j cannot come from a correct limiter.

import type { LoopStall } from '@tim-marks/types/control-plane';

export interface TimedCall {
  startedAt: number;
  latencyMs: number;
}

/**
 * True when some admitted call explains the refusal of `refused` as jitter. `admitted` holds the same
 * command's admitted calls, sorted by start.
 */
export function explainedByJitter(
  refused: TimedCall,
  admitted: readonly TimedCall[],
  perMs: number,
  windowMs: number,
): boolean {
  const latest = refused.startedAt - perMs;
  const windowStart = refused.startedAt - windowMs;
  // The last admitted call that started at or before `latest` (binary search), then older ones.
  let lo = 0;
  let hi = admitted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (admitted[mid]!.startedAt <= latest) lo = mid + 1;
    else hi = mid;
  }
  const maxLatency = admitted.reduce((max, call) => Math.max(max, call.latencyMs), 0);
  for (let k = lo - 1; k >= 0; k--) {
    const call = admitted[k]!;
    if (call.startedAt + maxLatency <= windowStart) break;
    if (call.startedAt + call.latencyMs > windowStart) return true;
  }
  return false;
}

export interface DueCall extends TimedCall {
  dueAt: number;
}

/**
 * True when a second of overload that admitted `accepted` calls instead of `ceiling` is explained by a
 * delay. Let the second be [a, a + 1000) and L = ceiling - accepted. The last call the server refused in
 * it, handled at a + 1000 - d, met a full window, so at least L admissions fell in (a - d, a); and
 * nothing was handled in the last d ms. Without a stall, admissions come no faster than arrivals (one per
 * `arrivalGapMs`), so d >= L gaps; with a stall just before `a`, queued calls are admitted in a bunch and
 * expire in a bunch one second later, faster than arrivals can refill the window (the echo of a stall).
 * Either way some call waited at least half of L gaps: across the second's end, or answered around its
 * start. A shortfall with no such call cannot come from a sliding window under overload.
 */
export function shortfallExplained(
  secondEndMs: number,
  accepted: number,
  ceiling: number,
  calls: readonly DueCall[],
  arrivalGapMs: number,
): boolean {
  // One call of slack: the arrival grid need not line up with the window's edge.
  const stretch = Math.max(0, ceiling - accepted - 1) * arrivalGapMs;
  const secondStart = secondEndMs - 1000;
  return calls.some((call) => {
    const answeredAt = call.startedAt + call.latencyMs;
    if (answeredAt - call.dueAt < stretch / 2) return false;
    const acrossEnd = call.dueAt <= secondEndMs && answeredAt >= secondEndMs;
    const aroundStart = Math.abs(answeredAt - secondStart) <= stretch;
    return acrossEnd || aroundStart;
  });
}

/** A second in which the stub reported its event loop held up (GET /__stub/stats `stalls`). */
export type StubStall = LoopStall;

/**
 * True when the stub itself reported its event loop held up, in second `second` or either neighbour,
 * for as long as `shortfallExplained` asks some call to have waited. While it is held the stub admits
 * nothing, and the calls queued meanwhile are admitted in a bunch that expires in a bunch a second
 * later. The driver cannot see such a stall when the machine keeps the stub's process off the CPU
 * between two of its calls; the stub's event-loop delay does.
 */
export function stallExplained(
  second: number,
  accepted: number,
  ceiling: number,
  stalls: readonly StubStall[],
  arrivalGapMs: number,
): boolean {
  const stretch = Math.max(0, ceiling - accepted - 1) * arrivalGapMs;
  return stalls.some((stall) => Math.abs(stall.t - second) <= 1 && stall.maxDelayMs >= stretch / 2);
}
