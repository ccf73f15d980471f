// A budget of event-loop time for large request bodies, so that requests which are each cheap
// enough (≤ 20 ms, see BENCHMARKS.md "Worst request") cannot, arriving at the ceiling, take the event
// loop from every other client. A body of LARGE_BODY_BYTES or more (no request the API means to take
// is that large: a 100-item mark_contact with every field is about 15 KB) is handled only while the
// bucket below holds time: an estimate from its size is taken when it is let in, and whatever more its
// handling took (reading it into one buffer, JSON.parse, the rules, the answer) once it is answered.
// Past the budget such a body is answered 60011 (APP_RATE_LIMITED, retryable) without being parsed:
// unread, with the connection closed, when its Content-Length says so in advance. Bodies under
// LARGE_BODY_BYTES never count.
//
// Why time and not bytes: what other clients feel is how long the loop is held, and bytes are a poor
// proxy for it: a 90 KB body of 30,000 empty items costs as much to parse as a 1 MiB string, so a
// budget of 1 MiB a second let ~11 of them a second through (3–4% of the loop, other clients' p99
// tripled; bench/worst.mjs); the size only gives the least a body is charged. Each held stall delays
// the calls that arrive during it: a share of the loop well under 1%, one stall at a time, leaves
// other clients' p99 where it was.

/** Bodies this large or larger count against the budget. */
export const LARGE_BODY_BYTES = 64 * 1024;
/** Default milliseconds of handling large bodies per second, sustained: 0.5% of the event loop. */
export const DEFAULT_LARGE_BODY_MS_PER_SECOND = 5;
/**
 * What a MiB of large body is charged when it is let in, before it is handled: a little over the
 * most any shape has cost (bench/worst.mjs: 8.9 ms of CPU for a 1 MiB body). Charging only once a body
 * is answered let every body that arrived meanwhile in on the same tokens (7 to 17 admitted in 4 s
 * at the ceiling instead of about 3), and their stalls, each of several milliseconds, were what
 * doubled other clients' p99.
 */
export const LARGE_BODY_MS_PER_MIB = 10;
/** The bucket holds this many milliseconds: one request of the most expensive kind at a time. */
export const LARGE_BODY_BURST_MS = 12;

const MIB = 1024 * 1024;

/**
 * A token bucket of milliseconds, refilled continuously. A large body takes its estimated cost from
 * the bucket when it is let in (`admit`), and what its handling took beyond that once it is answered
 * (`charge`). 0 ms a second: no budget.
 */
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

  /** The milliseconds a body of `bytes` is charged when it is let in. */
  estimate(bytes: number): number {
    return (bytes / MIB) * LARGE_BODY_MS_PER_MIB;
  }

  /**
   * Whether a body of `bytes` may be handled now (`nowMs` from a monotonic clock); if so its estimate
   * is taken from the bucket at once, so that bodies arriving together cannot share the same tokens.
   * A full bucket lets in any body, however large the body limit was set.
   */
  admit(bytes: number, nowMs: number): boolean {
    if (!this.counts(bytes)) return true;
    this.refill(nowMs);
    const estimate = this.estimate(bytes);
    if (this.tokens < Math.min(estimate, this.depth)) return false;
    this.tokens -= estimate;
    return true;
  }

  /** Charges what handling a body of `bytes` that `admit` let in took (`ms`) beyond its estimate. */
  charge(bytes: number, ms: number): void {
    if (this.counts(bytes)) this.tokens -= Math.max(0, ms - this.estimate(bytes));
  }

  private refill(nowMs: number): void {
    if (this.last !== Number.NEGATIVE_INFINITY) {
      this.tokens = Math.min(this.depth, this.tokens + ((nowMs - this.last) / 1000) * this.msPerSecond);
    }
    this.last = nowMs;
  }
}
