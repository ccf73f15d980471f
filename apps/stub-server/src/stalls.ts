// The seconds in which the stub's event loop was held up, for the control plane's stats. A load check
// that sees fewer admitted calls in a second than a sliding window gives under overload must tell a
// wrong limiter from a stub that could not run: its own long task, or the machine keeping the process
// off the CPU (the driver cannot see either). Node's event-loop delay histogram, read and reset once a
// second, gives the longest hold-up of each second; only seconds past STALL_MIN_MS are kept.
import { type IntervalHistogram, monitorEventLoopDelay } from 'node:perf_hooks';
import type { LoopStall } from '@tim-marks/types/control-plane';
import { monotonicSecond, STATS_HISTORY_SECONDS } from './stats.js';

export type { LoopStall };

/** A second is listed when its event loop was held up this long or longer. */
export const STALL_MIN_MS = 20;
/** The histogram's sampling period: its delays include it. */
const RESOLUTION_MS = 10;

export class LoopStalls {
  private readonly histogram: IntervalHistogram = monitorEventLoopDelay({ resolution: RESOLUTION_MS });
  private readonly timer: NodeJS.Timeout;
  private readonly second = new Float64Array(STATS_HISTORY_SECONDS).fill(-1);
  private readonly maxDelayMs = new Float64Array(STATS_HISTORY_SECONDS);

  constructor() {
    this.histogram.enable();
    this.timer = setInterval(() => this.sample(), 1000);
    this.timer.unref();
  }

  /** The listed seconds among the `seconds` up to `nowSecond`, oldest first. */
  series(nowSecond: number, seconds: number): LoopStall[] {
    const list: LoopStall[] = [];
    const span = Math.min(Math.max(1, seconds), STATS_HISTORY_SECONDS);
    for (let t = nowSecond - span + 1; t <= nowSecond; t++) {
      const slot = t % STATS_HISTORY_SECONDS;
      if (this.second[slot] === t) list.push({ t, maxDelayMs: this.maxDelayMs[slot]! });
    }
    return list;
  }

  close(): void {
    clearInterval(this.timer);
    this.histogram.disable();
  }

  private sample(): void {
    const delayMs = Math.max(0, this.histogram.max / 1e6 - RESOLUTION_MS);
    this.histogram.reset();
    if (delayMs < STALL_MIN_MS) return;
    const t = monotonicSecond();
    const slot = t % STATS_HISTORY_SECONDS;
    this.second[slot] = t;
    this.maxDelayMs[slot] = Math.round(delayMs * 10) / 10;
  }
}
