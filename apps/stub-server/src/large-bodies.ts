// A budget for large request bodies, so that requests which are each cheap enough (a few ms of CPU,
// see BENCHMARKS.md "Worst request") cannot, arriving at the ceiling, take the event loop from every
// other client. A body of LARGE_BODY_BYTES or more (no request the API means to take is that large:
// a 100-item mark_contact with every field is about 15 KB) is parsed only while the bytes of such
// bodies parsed in the last second stay under the budget; past it the body is answered 60011
// (APP_RATE_LIMITED, retryable) without being parsed: unread, with the connection closed, when its
// Content-Length says so in advance. Bodies under LARGE_BODY_BYTES never count.

/** Bodies this large or larger count against the budget. */
export const LARGE_BODY_BYTES = 64 * 1024;
/** Default bytes of large bodies parsed per second: 4 MiB, a few requests at the 1 MiB body limit. */
export const DEFAULT_LARGE_BODY_BYTES_PER_SECOND = 4 * 1024 * 1024;

/** A token bucket of bytes, refilled continuously; its depth is one second of budget. 0: no budget. */
export class LargeBodyBudget {
  private tokens: number;
  private last = Number.NEGATIVE_INFINITY;

  constructor(readonly bytesPerSecond: number = DEFAULT_LARGE_BODY_BYTES_PER_SECOND) {
    this.tokens = bytesPerSecond;
  }

  /** Whether a body of `bytes` may be parsed now (`nowMs` from a monotonic clock); charges it if so. */
  admit(bytes: number, nowMs: number): boolean {
    if (bytes < LARGE_BODY_BYTES || this.bytesPerSecond === 0) return true;
    if (this.last !== Number.NEGATIVE_INFINITY) {
      this.tokens = Math.min(
        this.bytesPerSecond,
        this.tokens + ((nowMs - this.last) / 1000) * this.bytesPerSecond,
      );
    }
    this.last = nowMs;
    // A body larger than the whole budget is still taken when the bucket is full, so that no size
    // under the body limit is refused for ever.
    if (this.tokens < Math.min(bytes, this.bytesPerSecond)) return false;
    this.tokens -= bytes;
    return true;
  }
}
