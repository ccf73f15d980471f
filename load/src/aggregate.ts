// The verdict on the whole target after a distributed run (several k6 segments, several replicas): each
// k6 segment judges only what it sent, so the ceiling is judged here once more on the stub's own counts,
// added up over the replicas (aggregateSeries).
import { EXPECTATIONS, WINDOW_MS } from '../shared/plan.ts';
import { judgeWindow, perSecondTable, type StubSeries, type WindowVerdict } from '../shared/report.ts';

export interface AggregateVerdict {
  ok: boolean;
  failures: string[];
  window: WindowVerdict[];
  /** Per command: the seconds judged as overloaded and the fewest calls admitted in one of them. */
  overload: { command: string; seconds: number; minAccepted: number | undefined }[];
  text: string;
}

/**
 * At most `rate` admitted in any window, and, in every second of overload, at least
 * EXPECTATIONS.overloadMinShare of it. A second of overload is one in which the stub refused calls;
 * the first and last of a run of such seconds are only partly overloaded and are not judged.
 */
export function judgeAggregate(
  stats: readonly StubSeries[],
  rate: number,
  replicas: number,
  /** The scenario drives twice the ceiling: then a run without a full second of overload fails (the generator fell short). */
  expectOverload = false,
): AggregateVerdict {
  const window = stats.map((series) => judgeWindow(series, rate));
  const failures = window.flatMap((verdict) => verdict.problems);
  const floor = Math.ceil(rate * EXPECTATIONS.overloadMinShare);
  const overload = stats.map((series) => {
    const judged = innerOverloadSeconds(series);
    for (const second of judged) {
      if (second.accepted < floor) {
        failures.push(
          `${series.command}: second ${second.t} was overloaded (${second.refused} refused) but admitted only ${second.accepted}, below ${floor}`,
        );
      }
    }
    const minAccepted = judged.length > 0 ? Math.min(...judged.map((s) => s.accepted)) : undefined;
    if (expectOverload && judged.length === 0) {
      failures.push(
        `${series.command}: no full second of overload to judge: the load fell short of twice the ceiling (see the segments' dropped iterations)`,
      );
    }
    return { command: series.command, seconds: judged.length, minAccepted };
  });
  const lines = [
    `aggregate of ${replicas} replica${replicas === 1 ? '' : 's'} (the stub's own counts, added up)`,
    perSecondTable(
      stats.map((series) => ({ command: series.command, source: 'stub' as const, seconds: series.seconds })),
      rate,
    ).trimEnd(),
  ];
  for (const verdict of window) {
    lines.push(
      `${verdict.ok ? '✓' : '✗'} ${verdict.command}: at most ${verdict.maxAcceptedInWindow} accepted in any ${WINDOW_MS} ms (ceiling ${verdict.ceiling}), busiest second ${verdict.maxAcceptedInSecond}`,
    );
  }
  for (const o of overload) {
    if (o.minAccepted === undefined) continue;
    lines.push(
      `${o.minAccepted >= floor ? '✓' : '✗'} ${o.command}: at least ${o.minAccepted} accepted in each of ${o.seconds} overloaded seconds (floor ${floor})`,
    );
  }
  const ok = failures.length === 0;
  lines.push(ok ? 'aggregate ceiling check PASSED' : 'aggregate ceiling check FAILED');
  for (const failure of failures) lines.push(`  - ${failure}`);
  return { ok, failures, window, overload, text: `${lines.join('\n')}\n` };
}

function innerOverloadSeconds(series: StubSeries): StubSeries['seconds'] {
  const inner: StubSeries['seconds'] = [];
  let run: StubSeries['seconds'] = [];
  const flush = () => {
    inner.push(...run.slice(1, -1));
    run = [];
  };
  for (const second of [...series.seconds].sort((a, b) => a.t - b.t)) {
    const contiguous = run.length === 0 || second.t === (run.at(-1)?.t ?? 0) + 1;
    if (second.refused > 0 && contiguous) run.push(second);
    else {
      flush();
      if (second.refused > 0) run.push(second);
    }
  }
  flush();
  return inner;
}
