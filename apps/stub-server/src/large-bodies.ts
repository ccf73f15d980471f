// A budget of event-loop time for large request bodies, so that requests which are each cheap
// enough (≤ 20 ms, see BENCHMARKS.md "Worst request") cannot, arriving at the ceiling, take the event
// loop from every other client. A body of LARGE_BODY_BYTES or more (no request the API means to take
// is that large: a 100-item mark_contact with every field is about 15 KB) is handled only while the
// bucket below holds time; the time its handling took (reading it into one buffer, JSON.parse, the
// rules, the answer) is then charged. Past the budget such a body is answered 60011 (APP_RATE_LIMITED,
// retryable) without being parsed: unread, with the connection closed, when its Content-Length says so
// in advance. Bodies under LARGE_BODY_BYTES never count.
//
// Why time and not bytes: what other clients feel is how long the loop is held, and bytes are a poor
// proxy for it: a 90 KB body of 30,000 empty items costs as much to parse as a 1 MiB string, so a
// budget of 1 MiB a second let ~11 of them a second through (3–4% of the loop, other clients' p99
// tripled; bench/worst.mjs). Each held stall delays the calls that arrive during it: a share of the
// loop well under 1% leaves other clients' p99 where it was.

/** Bodies this large or larger count against the budget. */
export const LARGE_BODY_BYTES = 64 * 1024;
/** Default milliseconds of handling large bodies per second, sustained: 0.5% of the event loop. */
export const DEFAULT_LARGE_BODY_MS_PER_SECOND = 5;
/** The bucket holds this many milliseconds: one request of the most expensive kind (≤ 20 ms) at once. */
export const LARGE_BODY_BURST_MS = 25;

/** A token bucket of milliseconds, refilled continuously. 0 ms a second: no budget. */
export class LargeBodyBudget {
  private tokens: number;
  private readonly depth: number;
  private last = Number.NEGATIVE_INFINITY;

  constructor(readonly msPerSecond: number = DEFAULT_LARGE_BODY_MS_PER_SECOND) {
    this.depth = Math.max(LARGE_BODY_BURST_MS, msPerSecond);
    this.tokens = this.depth;
  }

  /** Whether a body of `bytes` counts against the budget at all. */
  counts(bytes: number): boolean {
    return bytes >= LARGE_BODY_BYTES && this.msPerSecond !== 0;
  }

  /** Whether a body of `bytes` may be handled now (`nowMs` from a monotonic clock). The time it
   * takes is charged afterwards (`charge`): the bucket may go below zero, and then refuses until it
   * has refilled, so the long-run share of the loop stays at the rate whatever each body costs. */
  admit(bytes: number, nowMs: number): boolean {
    if (!this.counts(bytes)) return true;
    this.refill(nowMs);
    return this.tokens > 0;
  }

  /** Charges `ms` of handling a body of `bytes` that `admit` let through. */
  charge(bytes: number, ms: number): void {
    if (this.counts(bytes)) this.tokens -= ms;
  }

  private refill(nowMs: number): void {
    if (this.last !== Number.NEGATIVE_INFINITY) {
      this.tokens = Math.min(this.depth, this.tokens + ((nowMs - this.last) / 1000) * this.msPerSecond);
    }
    this.last = nowMs;
  }
}
