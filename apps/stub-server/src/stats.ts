// Per (SDKAppID, command) counters for the control plane's stats: totals since the last reset and
// one bucket per second for the last hour, in fixed arrays indexed by second modulo an hour. Seconds
// come from a clock that cannot step back (monotonicSecond): when the wall clock is set back, the
// same second is not counted twice. A window shared across replicas counts in its store's second
// (Redis TIME), so that the replicas' counts add up second by second.
import { performance } from 'node:perf_hooks';
import type { CommandSeries, SecondStats } from '@tim-marks/types/control-plane';
import type { CeilingWindow } from './limiter.js';

export type { CommandSeries, SecondStats };

/**
 * Unix seconds as a monotonic clock tells them: the process's start time (performance.timeOrigin,
 * read once) plus the monotonic time since. Equal to the wall clock unless the wall clock was set
 * since the start; it never goes back.
 */
export function monotonicSecond(): number {
  return Math.floor((performance.timeOrigin + performance.now()) / 1000);
}

export const STATS_HISTORY_SECONDS = 3600;

export class CommandCounter {
  readonly window: CeilingWindow;
  accepted = 0;
  refused = 0;
  errors = 0;
  private readonly second = new Float64Array(STATS_HISTORY_SECONDS).fill(-1);
  private readonly acceptedAt = new Uint32Array(STATS_HISTORY_SECONDS);
  private readonly refusedAt = new Uint32Array(STATS_HISTORY_SECONDS);
  private readonly errorsAt = new Uint32Array(STATS_HISTORY_SECONDS);

  constructor(
    readonly sdkAppId: number,
    /** The command's path without the leading slash, as the stats answer names it. */
    readonly command: string,
    window: CeilingWindow,
  ) {
    this.window = window;
  }

  /**
   * Passes a call through the ceiling and counts it; false means it is refused (60007). A shared window
   * answers with a promise, and the call is counted in the second of the shared clock (Redis's), so that
   * the replicas' per-second counts add up to the shared window's, second by second. Its rejection
   * (CeilingUnavailable) is passed on uncounted: the caller answers 50004 and counts that as an error.
   */
  admit(nowMs: number, unixSecond: number): boolean | Promise<boolean> {
    const decision = this.window.admit(nowMs);
    if (typeof decision === 'boolean') return this.count(decision, unixSecond);
    return decision.then(({ admitted, second }) => this.count(admitted, second));
  }

  private count(admitted: boolean, unixSecond: number): boolean {
    const slot = this.slot(unixSecond);
    if (admitted) {
      this.accepted++;
      this.acceptedAt[slot]!++;
      return true;
    }
    this.refused++;
    this.refusedAt[slot]!++;
    return false;
  }

  /** Counts an admitted call whose answer carried a non-zero ErrorCode. */
  error(unixSecond: number): void {
    this.errors++;
    this.errorsAt[this.slot(unixSecond)]!++;
  }

  /** Clears the counts, and the window (a promise when the window is shared). */
  reset(): void | Promise<void> {
    this.accepted = 0;
    this.refused = 0;
    this.errors = 0;
    this.second.fill(-1);
    return this.window.reset();
  }

  series(nowSecond: number, seconds: number): CommandSeries {
    const list: SecondStats[] = [];
    const span = Math.min(Math.max(1, seconds), STATS_HISTORY_SECONDS);
    for (let t = nowSecond - span + 1; t <= nowSecond; t++) {
      const slot = t % STATS_HISTORY_SECONDS;
      if (this.second[slot] !== t) continue;
      const accepted = this.acceptedAt[slot]!;
      const refused = this.refusedAt[slot]!;
      const errors = this.errorsAt[slot]!;
      if (accepted + refused + errors > 0) list.push({ t, accepted, refused, errors });
    }
    return {
      sdkAppId: this.sdkAppId,
      command: this.command,
      ceiling: this.window.ceiling,
      maxAcceptedInWindow: this.window.maxInWindow,
      totals: { accepted: this.accepted, refused: this.refused, errors: this.errors },
      seconds: list,
    };
  }

  private slot(unixSecond: number): number {
    const slot = unixSecond % STATS_HISTORY_SECONDS;
    if (this.second[slot] !== unixSecond) {
      this.second[slot] = unixSecond;
      this.acceptedAt[slot] = 0;
      this.refusedAt[slot] = 0;
      this.errorsAt[slot] = 0;
    }
    return slot;
  }
}
