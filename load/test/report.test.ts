import { describe, expect, it } from 'vitest';
import {
  aggregateSeries,
  clientSeries,
  judgeWindow,
  type LoadReport,
  perSecondMetric,
  perSecondSvg,
  perSecondTable,
  renderHtml,
  renderText,
  type StubSeries,
} from '../shared/report.ts';
import { loadReport, type SummaryInput } from '../shared/summary.ts';
import { judgeAggregate } from '../src/aggregate.ts';

const series = (maxAcceptedInWindow: number, accepted: number[]): StubSeries => ({
  sdkAppId: 1400000000,
  command: 'markContact',
  ceiling: 200,
  maxAcceptedInWindow,
  totals: { accepted: accepted.reduce((a, b) => a + b, 0), refused: 0, errors: 0 },
  seconds: accepted.map((n, i) => ({ t: 1_764_000_000 + i, accepted: n, refused: 400 - n, errors: 0 })),
});

describe('the window verdict', () => {
  it('holds when no sliding window and no calendar second admitted more than the ceiling', () => {
    expect(judgeWindow(series(200, [200, 199, 200]), 200)).toMatchObject({
      ok: true,
      maxAcceptedInSecond: 200,
    });
  });

  it('fails on a sliding window over the ceiling even when every calendar second is under it', () => {
    const verdict = judgeWindow(series(260, [180, 190]), 200);
    expect(verdict.ok).toBe(false);
    expect(verdict.problems).toEqual([
      'markContact: 260 calls accepted within one 1000 ms window (ceiling 200)',
    ]);
  });

  it('names every calendar second over the ceiling', () => {
    expect(judgeWindow(series(400, [400, 200]), 200).problems).toHaveLength(2);
  });
});

describe('per-second counts', () => {
  it('are rebuilt from the k6 submetrics declared per command and second, trailing silence dropped', () => {
    const counts = {
      [perSecondMetric('calls_accepted', 'markContact', 0)]: 150,
      [perSecondMetric('calls_refused', 'markContact', 0)]: 0,
      [perSecondMetric('calls_accepted', 'markContact', 1)]: 200,
      [perSecondMetric('calls_refused', 'markContact', 1)]: 200,
      [perSecondMetric('calls_accepted', 'markContact', 2)]: 0,
      [perSecondMetric('calls_refused', 'markContact', 2)]: 0,
      'calls_accepted{phase:overload}': 999,
    };
    expect(clientSeries(counts)).toEqual([
      {
        command: 'markContact',
        source: 'client',
        seconds: [
          { t: 0, accepted: 150, refused: 0 },
          { t: 1, accepted: 200, refused: 200 },
        ],
      },
    ]);
  });

  it('print as a table with a phase column and a mark on seconds over the ceiling', () => {
    const table = perSecondTable(
      [{ command: 'markContact', source: 'stub', seconds: series(0, [200, 201]).seconds }],
      200,
      (t) => (t % 2 ? 'b' : 'a'),
    );
    expect(table.split('\n')).toEqual([
      'second  phase  markContact ok  60007',
      '    +0      a             200    200',
      '    +1      b           201 !    199',
      '',
    ]);
  });

  it('draw as an inline SVG bar chart with the ceiling line', () => {
    const svg = perSecondSvg(
      { command: 'markContact', source: 'stub', seconds: series(0, [200, 150]).seconds },
      200,
    );
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('ceiling 200/s');
    expect(svg).toContain('second 1: 150 accepted, 250 refused (60007)');
  });
});

const k6Data: SummaryInput = {
  metrics: {
    http_reqs: { type: 'counter', contains: 'default', values: { count: 1200, rate: 400 } },
    http_req_duration: {
      type: 'trend',
      contains: 'time',
      values: { med: 1.1, 'p(90)': 2.5, 'p(99)': 9.5, max: 20 },
    },
    http_req_failed: {
      type: 'rate',
      contains: 'default',
      values: { rate: 0 },
      thresholds: { 'rate==0': { ok: true } },
    },
    calls_accepted: { type: 'counter', contains: 'default', values: { count: 600 } },
    calls_refused: { type: 'counter', contains: 'default', values: { count: 600 } },
    'calls_refused{phase:overload}': {
      type: 'counter',
      contains: 'default',
      values: { count: 600 },
      thresholds: { 'count>0': { ok: true } },
    },
    [perSecondMetric('calls_accepted', 'markContact', 0)]: {
      type: 'counter',
      contains: 'default',
      values: { count: 200 },
      thresholds: { 'count>=0': { ok: true } },
    },
  },
  root_group: { checks: [{ name: 'markContact: OK or 60007 with HTTP 200', passes: 1200, fails: 0 }] },
  state: { testRunDurationMs: 3000 },
  setup_data: { stub: false },
};

describe('the summary of a k6 run', () => {
  const context = {
    scenario: 'overload',
    description: 'twice the ceiling',
    target: 'http://x',
    rate: 200,
    durationS: 3,
  };

  it('keeps the thresholds that carry a verdict, and charts the client counts when there is no stub', () => {
    const report = loadReport(k6Data, { ...context, stubSeries: [] });
    expect(report.passed).toBe(true);
    expect(report.thresholds.map((t) => `${t.metric}: ${t.expression}`)).toEqual([
      'calls_refused{phase:overload}: count>0',
      'http_req_failed: rate==0',
    ]);
    expect(report.perSecond).toEqual([
      { command: 'markContact', source: 'client', seconds: [{ t: 0, accepted: 200, refused: 0 }] },
    ]);
    expect(report.window).toEqual([]);
  });

  it("charts the stub's own count and judges its window when the target is the stub", () => {
    const report = loadReport(
      { ...k6Data, setup_data: { stub: true } },
      { ...context, stubSeries: [series(201, [200, 200])] },
    );
    expect(report.perSecond[0]?.source).toBe('stub');
    expect(report.window[0]?.ok).toBe(false);
  });

  it('fails when a check failed', () => {
    const failing = { ...k6Data, root_group: { checks: [{ name: 'x', passes: 1, fails: 1 }] } };
    expect(loadReport(failing, { ...context, stubSeries: [] }).passed).toBe(false);
  });
});

describe('the rendered summaries', () => {
  const report: LoadReport = {
    ...loadReport(k6Data, {
      scenario: 'overload',
      description: 'twice the <ceiling>',
      target: 'http://127.0.0.1:1',
      rate: 200,
      durationS: 3,
      stubSeries: [series(200, [200, 199])],
    }),
    finishedAt: '2026-01-01T00:00:00.000Z',
  };

  it('text: figures, checks, thresholds, the window and the table, then the verdict', () => {
    const text = renderText(report);
    expect(text).toContain('scenario overload: twice the <ceiling>');
    expect(text).toContain('✓ markContact: OK or 60007 with HTTP 200  1200 passed');
    expect(text).toContain('✓ stub window markContact: at most 200 accepted in any 1000 ms');
    expect(text).toContain("per second (stub's count");
    expect(text.trimEnd().endsWith('PASSED')).toBe(true);
  });

  it('HTML: self-contained (inline SVG, no remote script, style or image) and escaped', () => {
    const html = renderHtml(report);
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<(script|link|img)\b/);
    expect(html).not.toMatch(/(src|href)=/);
    expect(html).toContain('twice the &#60;ceiling&#62;');
  });
});

describe('the aggregate of several replicas', () => {
  const series = (maxAcceptedInWindow: number, seconds: [number, number, number][]): StubSeries => ({
    sdkAppId: 1,
    command: 'markContact',
    ceiling: 200,
    maxAcceptedInWindow,
    totals: {
      accepted: seconds.reduce((n, s) => n + s[1], 0),
      refused: seconds.reduce((n, s) => n + s[2], 0),
      errors: 0,
    },
    seconds: seconds.map(([t, accepted, refused]) => ({ t, accepted, refused, errors: 0 })),
  });

  it('adds seconds and totals up, and keeps the largest window any replica reported', () => {
    const [merged] = aggregateSeries([
      [
        series(180, [
          [10, 100, 5],
          [11, 90, 0],
        ]),
      ],
      [
        series(200, [
          [11, 100, 7],
          [12, 3, 0],
        ]),
      ],
    ]);
    expect(merged).toMatchObject({
      maxAcceptedInWindow: 200,
      totals: { accepted: 293, refused: 12, errors: 0 },
      seconds: [
        { t: 10, accepted: 100, refused: 5 },
        { t: 11, accepted: 190, refused: 7 },
        { t: 12, accepted: 3, refused: 0 },
      ],
    });
  });

  it('fails replicas with windows of their own: their seconds add up over the ceiling', () => {
    const [merged] = aggregateSeries([[series(200, [[10, 200, 50]])], [series(200, [[10, 200, 50]])]]);
    const verdict = judgeAggregate([merged as StubSeries], 200, 2);
    expect(verdict.ok).toBe(false);
    expect(verdict.failures).toEqual(['markContact: second 10 accepted 400 (ceiling 200)']);
  });

  it('judges the inner seconds of an overload: at least 95% of the ceiling', () => {
    const overloaded = series(200, [
      [1, 50, 3],
      [2, 199, 150],
      [3, 185, 160],
      [4, 120, 40],
      [5, 200, 0],
    ]);
    const verdict = judgeAggregate([overloaded], 200, 2);
    expect(verdict.overload).toEqual([{ command: 'markContact', seconds: 2, minAccepted: 185 }]);
    expect(verdict.failures).toEqual([
      'markContact: second 3 was overloaded (160 refused) but admitted only 185, below 190',
    ]);
    expect(verdict.text).toContain('aggregate of 2 replicas');
  });

  it('fails an overload run that never held the target in overload for a full second', () => {
    const short = series(200, [
      [1, 150, 20],
      [2, 120, 0],
      [3, 160, 5],
    ]);
    expect(judgeAggregate([short], 200, 2, false).ok).toBe(true);
    expect(judgeAggregate([short], 200, 2, true).failures).toEqual([
      "markContact: no full second of overload to judge: the load fell short of twice the ceiling (see the segments' dropped iterations)",
    ]);
  });
});
