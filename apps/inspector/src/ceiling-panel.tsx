// Panel 1: per command, the last minute of calls per second against the ceiling. Commands that had
// no call since the last reset are listed by name only, so the charts that matter stay in view.
import { control, withQuery } from './api.js';
import { CallsChart } from './chart.js';
import type { CommandSeries, StatsAnswer } from './model.js';
import { usePoll } from './poll.js';
import { chartColumns, windowTotals } from './series.js';
import { Problem, shortName } from './ui.js';

const SPAN_SECONDS = 60;

export function CeilingPanel(props: { sdkAppId: number | undefined; live: boolean }) {
  const { sdkAppId, live } = props;
  const stats = usePoll(
    () =>
      control<StatsAnswer>('GET', withQuery('/__stub/stats', { sdkappid: sdkAppId, seconds: SPAN_SECONDS })),
    1000,
    live,
    String(sdkAppId),
  );
  const nowSecond = Math.floor(Date.now() / 1000);
  const series = stats.data?.series ?? [];
  const busy = series.filter((s) => s.totals.accepted + s.totals.refused + s.totals.errors > 0);
  const idle = series.filter((s) => !busy.includes(s));
  return (
    <section class="panel" aria-labelledby="ceiling-title" id="ceiling">
      <header class="panel-head">
        <h2 id="ceiling-title">Calls per second</h2>
        <p class="hint">
          Last {SPAN_SECONDS} s per command: <span class="key accepted">accepted</span>{' '}
          <span class="key refused">refused (60007)</span> <span class="key ceiling">ceiling</span>
        </p>
      </header>
      <Problem error={stats.error} />
      {stats.data !== undefined && busy.length === 0 && (
        <p class="empty">No calls since the last reset. Charts appear here as calls arrive.</p>
      )}
      <div class="charts">
        {busy.map((s) => (
          <CommandChart
            key={`${s.sdkAppId} ${s.command}`}
            series={s}
            nowSecond={nowSecond}
            showApp={sdkAppId === undefined}
          />
        ))}
      </div>
      {idle.length > 0 && (
        <p class="idle">
          <span class="muted">No calls yet:</span> {idle.map((s) => shortName(s.command)).join(', ')}
        </p>
      )}
    </section>
  );
}

function CommandChart(props: { series: CommandSeries; nowSecond: number; showApp: boolean }) {
  const { series, nowSecond } = props;
  const columns = chartColumns(series.seconds, nowSecond, SPAN_SECONDS);
  const last = windowTotals(columns);
  const title = `${series.command}${props.showApp ? ` (app ${series.sdkAppId})` : ''}`;
  return (
    <figure class="command-chart" aria-label={`calls per second: ${series.command}`}>
      <figcaption>
        <span class="command-name">{title}</span>
        <span class="ceiling-note">{series.ceiling > 0 ? `ceiling ${series.ceiling}/s` : 'no ceiling'}</span>
      </figcaption>
      <CallsChart
        columns={columns}
        ceiling={series.ceiling}
        label={`${series.command}: ${last.accepted} accepted and ${last.refused} refused in the last ${SPAN_SECONDS} seconds`}
      />
      <dl class="totals" aria-label={`totals of ${series.command} in the last ${SPAN_SECONDS} seconds`}>
        <div>
          <dt>accepted</dt>
          <dd data-testid="accepted">{last.accepted}</dd>
        </div>
        <div class={last.refused > 0 ? 'refused-on' : undefined}>
          <dt>refused (60007)</dt>
          <dd data-testid="refused">{last.refused}</dd>
        </div>
        <div>
          <dt>errors</dt>
          <dd>{last.errors}</dd>
        </div>
        <div>
          <dt>peak</dt>
          <dd>{last.peak}/s</dd>
        </div>
        <div>
          <dt>since reset</dt>
          <dd>
            {series.totals.accepted} accepted, {series.totals.refused} refused
          </dd>
        </div>
      </dl>
    </figure>
  );
}
