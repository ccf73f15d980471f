// handleSummary: summary.json and summary.html in OUT_DIR, and a text summary on stdout. k6's own
// textSummary lives at a remote jslib URL, unreachable offline, so the text is rendered by shared/report.ts.
import { CEILING, type LoadedCommand, type ScenarioName, type TimedPhase } from '../../shared/plan.ts';
import {
  type CheckOutcome,
  clientSeries,
  judgeWindow,
  type LoadReport,
  type PerSecondSeries,
  renderHtml,
  renderText,
  type StubSeries,
  type ThresholdOutcome,
} from '../../shared/report.ts';
import type { RunConfig } from './config.ts';

interface MetricSummary {
  type: string;
  contains: string;
  values: Record<string, number>;
  thresholds?: Record<string, { ok: boolean }>;
}

/** The part of k6's summary data this harness reads. */
export interface SummaryInput {
  metrics: Record<string, MetricSummary>;
  root_group: { checks: CheckOutcome[] };
  state: { testRunDurationMs: number };
  setup_data?: { stub?: boolean };
}

export interface SummaryContext {
  scenario: ScenarioName;
  description: string;
  config: RunConfig;
  phases: readonly TimedPhase[];
  stubSeries(stub: boolean): StubSeries[];
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

export function report(input: SummaryInput, context: SummaryContext): LoadReport {
  const stub = input.setup_data?.stub === true;
  const series = context.scenario === 'smoke' ? [] : context.stubSeries(stub);
  const perSecond: PerSecondSeries[] =
    series.length > 0
      ? series.map((s) => ({ command: s.command, source: 'stub', seconds: s.seconds }))
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
    target: context.config.baseUrl,
    stub,
    rate: context.config.rate,
    ceiling: CEILING,
    durationS: context.phases.reduce((sum, p) => sum + p.durationS, 0),
    finishedAt: new Date().toISOString(),
    passed: t.every((x) => x.ok) && checks.every((c) => c.fails === 0),
    thresholds: t,
    checks,
    figures: figures(input),
    perSecond,
    window: series.map((s) => judgeWindow(s, context.config.rate)),
  };
}

export function summarize(input: SummaryInput, context: SummaryContext): Record<string, string> {
  const r = report(input, context);
  const { userSig: _secret, ...config } = context.config;
  const json = {
    report: r,
    config,
    phases: context.phases,
    commands: ['markContact', 'getContactGroup'] as LoadedCommand[],
    k6: input,
  };
  return {
    stdout: renderText(r),
    [`${context.config.outDir}/summary.json`]: `${JSON.stringify(json, null, 2)}\n`,
    [`${context.config.outDir}/summary.html`]: renderHtml(r),
  };
}
