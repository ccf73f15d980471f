// The chart's columns: one value per second of the window, including the seconds the stats omit.
import { describe, expect, it } from 'vitest';
import { chartColumns, windowTotals } from '../src/series.js';

describe('chartColumns', () => {
  it('fills the seconds without calls with zeros and drops those outside the window', () => {
    const columns = chartColumns(
      [
        { t: 95, accepted: 9, refused: 9, errors: 9 },
        { t: 98, accepted: 200, refused: 200, errors: 1 },
        { t: 100, accepted: 5, refused: 0, errors: 0 },
      ],
      100,
      4,
    );
    expect(columns).toEqual({
      t: [97, 98, 99, 100],
      accepted: [0, 200, 0, 5],
      refused: [0, 200, 0, 0],
      errors: [0, 1, 0, 0],
    });
    expect(windowTotals(columns)).toEqual({ accepted: 205, refused: 200, errors: 1, peak: 200 });
  });
});
