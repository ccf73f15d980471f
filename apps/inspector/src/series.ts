// Turns the control plane's per-second stats (GET /__stub/stats, which lists only the seconds that
// had calls) into the columns a chart draws: one value per second of the window, zeros included.
import type { SecondStats } from './model.js';

export interface ChartColumns {
  /** Unix seconds, oldest first, one per second of the window. */
  t: number[];
  accepted: number[];
  refused: number[];
  errors: number[];
}

export function chartColumns(seconds: readonly SecondStats[], nowSecond: number, span: number): ChartColumns {
  const columns: ChartColumns = { t: [], accepted: [], refused: [], errors: [] };
  const at = new Map(seconds.map((s) => [s.t, s]));
  for (let t = nowSecond - span + 1; t <= nowSecond; t++) {
    const second = at.get(t);
    columns.t.push(t);
    columns.accepted.push(second?.accepted ?? 0);
    columns.refused.push(second?.refused ?? 0);
    columns.errors.push(second?.errors ?? 0);
  }
  return columns;
}

/** The totals of the window the chart shows. */
export function windowTotals(columns: ChartColumns): {
  accepted: number;
  refused: number;
  errors: number;
  peak: number;
} {
  const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
  return {
    accepted: sum(columns.accepted),
    refused: sum(columns.refused),
    errors: sum(columns.errors),
    peak: Math.max(0, ...columns.accepted),
  };
}
