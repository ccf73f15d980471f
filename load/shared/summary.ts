// From k6's end-of-test data to a LoadReport (shared/report.ts). Pure code: the k6 script fetches the
// stub's series itself and passes them in, so that this mapping can be tested under Node.
import { CEILING } from './plan.ts';
import {
  type CheckOutcome,
  clientSeries,
  judgeWindow,
  type LoadReport,
  type PerSecondSeries,
  type StubSeries,
  type ThresholdOutcome,
} from './report.ts';

interface MetricSummary {
  type: string;
  contains: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

/** The part of k6's summary data (the argument of handleSummary) this harness reads. */
export interface SummaryInput {
  metrics: Record<string, MetricSummary>;
  root_group: { checks: CheckOutcome[] };
  state: { testRunDurationMs: number };
  setup_data?: { stub?: boolean };
}

export interface SummaryContext {
  scenario: string;
  description: string;
  target: string;
  rate: number;
  durationS: number;
  /** The stub's series of the loaded commands; empty when the target is not the stub. */
  stubSeries: StubSeries[];
}

const PER_SECOND = /^calls_(accepted|refused)\{command:[^,}]+,second:\d+\}$/;

function value(input: SummaryInput, metric: string, stat: string): number | undefined {
  return input.metrics[metric]?.values[stat];
}

function ms(n: number | undefined): string {
  return n === undefined ? '—' : `${n.toFixed(2)} ms`;
}

function figures(input: SummaryInput): LoadReport['figures'] {
  const count = (m: string) => String(value(input, m, 'count') ?? 0);
  const reqs = value(input, 'http_reqs', 'count') ?? 0;
  const rate = value(input, 'http_reqs', 'rate') ?? 0;
  return [
    { label: 'HTTP requests', value: `${reqs} (${rate.toFixed(1)}/s)` },
    { label: 'calls accepted', value: count('calls_accepted') },
    { label: 'calls refused (60007)', value: count('calls_refused') },
    {
      label: 'HTTP failures',
      value: `${((value(input, 'http_req_failed', 'rate') ?? 0) * 100).toFixed(2)} %`,
    },
    { label: 'dropped iterations', value: count('dropped_iterations') },
    { label: 'latency median', value: ms(value(input, 'http_req_duration', 'med')) },
    { label: 'latency p(90)', value: ms(value(input, 'http_req_duration', 'p(90)')) },
    { label: 'latency p(99)', value: ms(value(input, 'http_req_duration', 'p(99)')) },
    { label: 'latency max', value: ms(value(input, 'http_req_duration', 'max')) },
    { label: 'run time', value: `${(input.state.testRunDurationMs / 1000).toFixed(1)} s` },
  ];
}

/** The thresholds that carry a verdict (the per-second counters are bookkeeping, always true). */
function thresholds(input: SummaryInput): ThresholdOutcome[] {
  return Object.entries(input.metrics)
    .filter(([metric]) => !PER_SECOND.test(metric))
    .flatMap(([metric, summary]) =>
      Object.entries(summary.thresholds ?? {}).map(([expression, outcome]) => ({
        metric,
        expression,
        ok: outcome.ok,
      })),
    )
    .sort((a, b) => a.metric.localeCompare(b.metric));
}

export function loadReport(input: SummaryInput, context: SummaryContext): LoadReport {
  const perSecond: PerSecondSeries[] =
    context.stubSeries.length > 0
      ? context.stubSeries.map((s) => ({ command: s.command, source: 'stub', seconds: s.seconds }))
      : clientSeries(
          Object.fromEntries(
            Object.entries(input.metrics)
              .filter(([name]) => PER_SECOND.test(name))
              .map(([name, m]) => [name, m.values.count ?? 0]),
          ),
        );
  const checks = input.root_group.checks;
  const t = thresholds(input);
  return {
    scenario: context.scenario,
    description: context.description,
    target: context.target,
    stub: input.setup_data?.stub === true,
    rate: context.rate,
    ceiling: CEILING,
    durationS: context.durationS,
    finishedAt: new Date().toISOString(),
    passed: t.every((x) => x.ok) && checks.every((c) => c.fails === 0),
    thresholds: t,
    checks,
    figures: figures(input),
    perSecond,
    window: context.stubSeries.map((s) => judgeWindow(s, context.rate)),
  };
}
