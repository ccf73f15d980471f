import { type Clock, systemClock } from './clock.js';

interface Waiter {
  resolve(release: () => void): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/**
 * The server's rule, applied before sending: a call is admitted iff fewer than `limit` calls are in
 * the last `windowMs`; otherwise it waits until the oldest leaves the window. Waiters are served
 * first come, first served, across every concurrent caller.
 *
 * A call occupies its slot from admission until its answer arrives, and is then stamped with the
 * time of the answer. The server counts a call when it arrives, somewhere between our send and our
 * answer; stamping the answer's time is the only stamp that can never undercount, whatever the
 * latency. The price is a throughput of `limit` per (window + latency) instead of per window.
 */
export class SlidingWindowLimiter {
  readonly limit: number;
  readonly windowMs: number;
  private readonly clock: Clock;
  /** Answer times of finished calls still inside the window, oldest first. */
  private readonly stamps: number[] = [];
  private inFlight = 0;
  private readonly waiters: Waiter[] = [];
  private timerArmed = false;

  constructor(limit: number, windowMs: number, clock: Clock = systemClock) {
    if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError('limit must be an integer >= 1');
    if (!(windowMs > 0)) throw new RangeError('windowMs must be > 0');
    this.limit = limit;
    this.windowMs = windowMs;
    this.clock = clock;
  }

  /** Calls counted in the window right now (in flight included). */
  get occupied(): number {
    this.prune(this.clock.now());
    return this.inFlight + this.stamps.length;
  }

  /** Calls waiting for a slot. */
  get waiting(): number {
    return this.waiters.length;
  }

  /**
   * Resolves with a `release` function once a call may be sent; call `release` when its answer (or
   * failure) arrives. Rejects with the signal's reason if `signal` aborts while waiting.
   */
  acquire(signal?: AbortSignal): Promise<() => void> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { resolve, reject, signal, onAbort: undefined };
      if (signal !== undefined) {
        waiter.onAbort = () => {
          const index = this.waiters.indexOf(waiter);
          if (index >= 0) this.waiters.splice(index, 1);
          reject(signal.reason);
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      this.pump();
    });
  }

  private prune(now: number): void {
    while (this.stamps.length > 0 && (this.stamps[0] as number) <= now - this.windowMs) this.stamps.shift();
  }

  private pump(): void {
    const now = this.clock.now();
    this.prune(now);
    while (this.waiters.length > 0 && this.inFlight + this.stamps.length < this.limit) {
      const waiter = this.waiters.shift() as Waiter;
      if (waiter.onAbort !== undefined) waiter.signal?.removeEventListener('abort', waiter.onAbort);
      this.inFlight += 1;
      waiter.resolve(this.releaser());
    }
    // Still full: wake up when the oldest stamp leaves the window. When every slot is in flight,
    // the next release pumps instead.
    if (this.waiters.length > 0 && this.stamps.length > 0 && !this.timerArmed) {
      this.timerArmed = true;
      const wait = (this.stamps[0] as number) + this.windowMs - now;
      this.clock.sleep(wait).then(
        () => {
          this.timerArmed = false;
          this.pump();
        },
        () => {
          this.timerArmed = false;
        },
      );
    }
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.inFlight -= 1;
      this.stamps.push(this.clock.now());
      this.pump();
    };
  }
}
