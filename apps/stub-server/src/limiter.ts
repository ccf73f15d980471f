// The ceiling: a sliding window exact to the request. The window keeps the admission times of the
// last `windowMs` in a ring buffer (a deque of doubles): a call is admitted iff fewer than `ceiling`
// admissions remain in it. Refused calls are not recorded, so they do not count. The same deque
// gives, at every admission, the number admitted in the 1000 ms ending now, hence the largest number
// ever admitted in any sliding window (`maxAcceptedInWindow`), also with the ceiling off.
// This is the window of one process. With a shared store the window lives in Redis instead
// (ceiling-redis.ts), behind the same CeilingWindow interface, so that replicas share one ceiling.
import { LIMITS } from '@tim-marks/types';

/** A shared window's answer: the decision, and the Unix second it was made in by the window's own clock. */
export interface SharedDecision {
  admitted: boolean;
  second: number;
}

/**
 * One (app, command)'s window. `admit` answers at once when the window is in this process, and with a
 * promise when it is shared; a promise that rejects (CeilingUnavailable) means no decision could be had.
 */
export interface CeilingWindow {
  /** Calls admitted per window; 0 turns the ceiling off. */
  ceiling: number;
  readonly windowMs: number;
  /** The most calls admitted in any window since the last reset, as this process saw them. */
  readonly maxInWindow: number;
  admit(now: number): boolean | Promise<SharedDecision>;
  reset(): void | Promise<void>;
}

/** Makes the window of one (app, command); the command is its path without the leading slash. */
export type CeilingWindowFactory = (sdkAppId: number, command: string, ceiling: number) => CeilingWindow;

/** The shared window could not decide in time (its store is unreachable or slow): the call is answered 50004. */
export class CeilingUnavailable extends Error {
  override readonly name = 'CeilingUnavailable';
}

export const inProcessWindows: CeilingWindowFactory = (_sdkAppId, _command, ceiling) =>
  new SlidingWindow(ceiling);

export class SlidingWindow implements CeilingWindow {
  private times = new Float64Array(256);
  private head = 0;
  private size = 0;
  /** The most calls admitted in any window since the last reset. */
  maxInWindow = 0;

  constructor(
    /** Calls admitted per window; 0 turns the ceiling off. */
    public ceiling: number,
    readonly windowMs: number = LIMITS.rateWindowMs,
  ) {}

  /** Admits a call at `now` (monotonic milliseconds) or refuses it. */
  admit(now: number): boolean {
    const times = this.times;
    const mask = times.length - 1;
    while (this.size > 0 && now - (times[this.head] as number) >= this.windowMs) {
      this.head = (this.head + 1) & mask;
      this.size--;
    }
    if (this.ceiling > 0 && this.size >= this.ceiling) return false;
    if (this.size === times.length) this.grow();
    this.times[(this.head + this.size) & (this.times.length - 1)] = now;
    this.size++;
    if (this.size > this.maxInWindow) this.maxInWindow = this.size;
    return true;
  }

  /** How many calls were admitted in the window ending at `now`. */
  inWindow(now: number): number {
    let n = 0;
    const mask = this.times.length - 1;
    for (let i = 0; i < this.size; i++) {
      if (now - (this.times[(this.head + i) & mask] as number) < this.windowMs) n++;
    }
    return n;
  }

  reset(): void {
    this.head = 0;
    this.size = 0;
    this.maxInWindow = 0;
  }

  private grow(): void {
    const bigger = new Float64Array(this.times.length * 2);
    const mask = this.times.length - 1;
    for (let i = 0; i < this.size; i++) bigger[i] = this.times[(this.head + i) & mask] as number;
    this.times = bigger;
    this.head = 0;
  }
}
