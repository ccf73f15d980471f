// A budget for large request bodies, so that requests which are each cheap enough (a few ms of CPU,
// see BENCHMARKS.md "Worst request") cannot, arriving at the ceiling, take the event loop from every
// other client: each one parsed holds the loop for its milliseconds, so the share of time spent on
// them must stay well under 1% for other clients' p99 to hold. A body of LARGE_BODY_BYTES or more
// (no request the API means to take is that large: a 100-item mark_contact with every field is
// about 15 KB) is parsed only while the bucket below has the bytes for it; past it the body is
// answered 60011 (APP_RATE_LIMITED, retryable) without being parsed: unread, with the connection
// closed, when its Content-Length says so in advance. Bodies under LARGE_BODY_BYTES never count.

/** Bodies this large or larger count against the budget. */
export const LARGE_BODY_BYTES = 64 * 1024;
/** Default bytes of large bodies parsed per second, sustained: 1 MiB (one body at the limit). */
export const DEFAULT_LARGE_BODY_BYTES_PER_SECOND = 1024 * 1024;
/** The bucket holds this many seconds of budget: a burst of a few large bodies is taken at once. */
export const LARGE_BODY_BURST_SECONDS = 4;

/** A token bucket of bytes, refilled continuously. 0 bytes a second: no budget. */
export class LargeBodyBudget {
  private tokens: number;
  private readonly depth: number;
  private last = Number.NEGATIVE_INFINITY;

  constructor(readonly bytesPerSecond: number = DEFAULT_LARGE_BODY_BYTES_PER_SECOND) {
    this.depth = bytesPerSecond * LARGE_BODY_BURST_SECONDS;
    this.tokens = this.depth;
  }

  /** Whether a body of `bytes` may be parsed now (`nowMs` from a monotonic clock); charges it if so. */
  admit(bytes: number, nowMs: number): boolean {
    if (bytes < LARGE_BODY_BYTES || this.bytesPerSecond === 0) return true;
    if (this.last !== Number.NEGATIVE_INFINITY) {
      this.tokens = Math.min(this.depth, this.tokens + ((nowMs - this.last) / 1000) * this.bytesPerSecond);
    }
    this.last = nowMs;
    // A body larger than the whole bucket is still taken when the bucket is full, so that no size
    // under the body limit is refused for ever.
    if (this.tokens < Math.min(bytes, this.depth)) return false;
    this.tokens -= bytes;
    return true;
  }
}
