// Turning a run's counts into verdicts and readable output: the per-second table, the text summary and the
// HTML summary with an inline SVG chart. Pure code, shared by the k6 scripts and the Node ceiling check.
import type { CommandSeries } from '@tim-marks/types/control-plane';
import { WINDOW_MS } from './plan.ts';

/** One second of one command: calls the limiter admitted, and calls answered 60007. */
export interface SecondCounts {
  /** Unix second (stub stats) or second of the run (client counts). */
  t: number;
  accepted: number;
  refused: number;
  errors?: number;
}

/** One command's series as the stub's GET /__stub/stats answers it (openapi/control-plane.yaml). */
export type StubSeries = CommandSeries;

export interface PerSecondSeries {
  command: string;
  /** `stub`: the stub's own count per calendar second; `client`: what the load tool saw, per second of the run. */
  source: 'stub' | 'client';
  seconds: SecondCounts[];
}

export interface WindowVerdict {
  command: string;
  ceiling: number;
  maxAcceptedInWindow: number;
  /** The busiest calendar second. */
  maxAcceptedInSecond: number;
  ok: boolean;
  problems: string[];
}

/**
 * The replicas' stats as one target's: per (app, command), per-second counts and totals add up, and the
 * busiest window is the largest any replica reports. That maximum is exact when the replicas share their
 * ceiling (the stub's Redis window: each replica reports the shared window's count at its own
 * admissions, and the busiest moment is some replica's admission). Replicas with windows of their own
 * would each report their own, and the sum of their seconds shows them over the ceiling.
 */
export function aggregateSeries(perReplica: readonly (readonly StubSeries[])[]): StubSeries[] {
  const merged = new Map<string, StubSeries>();
  for (const series of perReplica.flat()) {
    const key = `${series.sdkAppId}/${series.command}`;
    const into = merged.get(key);
    if (into === undefined) {
      merged.set(key, {
        ...series,
        totals: { ...series.totals },
        seconds: series.seconds.map((second) => ({ ...second })),
      });
      continue;
    }
    into.maxAcceptedInWindow = Math.max(into.maxAcceptedInWindow, series.maxAcceptedInWindow);
    into.totals.accepted += series.totals.accepted;
    into.totals.refused += series.totals.refused;
    into.totals.errors += series.totals.errors;
    for (const second of series.seconds) {
      const same = into.seconds.find((s) => s.t === second.t);
      if (same === undefined) into.seconds.push({ ...second });
      else {
        same.accepted += second.accepted;
        same.refused += second.refused;
        same.errors = (same.errors ?? 0) + (second.errors ?? 0);
      }
    }
    into.seconds.sort((a, b) => a.t - b.t);
  }
  return [...merged.values()];
}

/** The ceiling holds when no sliding window, and therefore no calendar second, admitted more than it. */
export function judgeWindow(series: StubSeries, ceiling: number): WindowVerdict {
  const maxAcceptedInSecond = Math.max(0, ...series.seconds.map((s) => s.accepted));
  const problems: string[] = [];
  if (series.maxAcceptedInWindow > ceiling) {
    problems.push(
      `${series.command}: ${series.maxAcceptedInWindow} calls accepted within one ${WINDOW_MS} ms window (ceiling ${ceiling})`,
    );
  }
  for (const second of series.seconds) {
    if (second.accepted > ceiling) {
      problems.push(`${series.command}: second ${second.t} accepted ${second.accepted} (ceiling ${ceiling})`);
    }
  }
  return {
    command: series.command,
    ceiling,
    maxAcceptedInWindow: series.maxAcceptedInWindow,
    maxAcceptedInSecond,
    ok: problems.length === 0,
    problems,
  };
}

/** The name of the per-second counter of one command, as a k6 submetric (declared as a threshold so k6 keeps it). */
export function perSecondMetric(
  metric: 'calls_accepted' | 'calls_refused',
  command: string,
  second: number,
): string {
  return `${metric}{command:${command},second:${second}}`;
}

const PER_SECOND = /^calls_(accepted|refused)\{command:([^,}]+),second:(\d+)\}$/;

/** Rebuilds the client-side per-second series from counters named by perSecondMetric. */
export function clientSeries(counts: Record<string, number>): PerSecondSeries[] {
  const byCommand = new Map<string, Map<number, SecondCounts>>();
  for (const [name, count] of Object.entries(counts)) {
    const match = PER_SECOND.exec(name);
    if (!match) continue;
    const [, kind, command = '', second = '0'] = match;
    const seconds = byCommand.get(command) ?? new Map<number, SecondCounts>();
    byCommand.set(command, seconds);
    const t = Number(second);
    const entry = seconds.get(t) ?? { t, accepted: 0, refused: 0 };
    if (kind === 'accepted') entry.accepted += count;
    else entry.refused += count;
    seconds.set(t, entry);
  }
  return [...byCommand].map(([command, seconds]) => ({
    command,
    source: 'client' as const,
    // Trailing empty seconds are the bookkeeping of a graceful stop, not traffic.
    seconds: trimEmpty([...seconds.values()].sort((a, b) => a.t - b.t)),
  }));
}

function trimEmpty(seconds: SecondCounts[]): SecondCounts[] {
  let end = seconds.length;
  while (end > 0 && seconds[end - 1]!.accepted + seconds[end - 1]!.refused === 0) end--;
  return seconds.slice(0, end);
}

/**
 * A fixed-width per-second table: one row a second, one accepted/refused column pair per series, and a
 * label column (e.g. the phase) when `label` is given. "!" marks a second over the ceiling.
 */
export function perSecondTable(
  series: readonly PerSecondSeries[],
  ceiling: number,
  label?: (t: number) => string,
): string {
  if (series.length === 0) return '(no per-second data)\n';
  const times = [...new Set(series.flatMap((s) => s.seconds.map((x) => x.t)))].sort((a, b) => a - b);
  const first = times[0] ?? 0;
  const header = [
    'second',
    ...(label ? ['phase'] : []),
    ...series.flatMap((s) => [`${s.command} ok`, '60007']),
  ];
  const rows = times.map((t) => [
    t > 1e9 ? `+${t - first}` : String(t),
    ...(label ? [label(t)] : []),
    ...series.flatMap((s) => {
      const entry = s.seconds.find((x) => x.t === t);
      const accepted = entry?.accepted ?? 0;
      return [`${accepted}${accepted > ceiling ? ' !' : ''}`, String(entry?.refused ?? 0)];
    }),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]?.length ?? 0)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i] ?? 0)).join('  ');
  return `${[line(header), ...rows.map(line)].join('\n')}\n`;
}

export interface ThresholdOutcome {
  metric: string;
  expression: string;
  ok: boolean;
}

export interface CheckOutcome {
  name: string;
  passes: number;
  fails: number;
}

/** Everything a summary shows, independent of the tool that produced it. */
export interface LoadReport {
  scenario: string;
  description: string;
  target: string;
  stub: boolean;
  /** The rate under test (calls/s per command) and the spec's ceiling. */
  rate: number;
  ceiling: number;
  durationS: number;
  finishedAt: string;
  passed: boolean;
  thresholds: ThresholdOutcome[];
  checks: CheckOutcome[];
  figures: { label: string; value: string }[];
  perSecond: PerSecondSeries[];
  window: WindowVerdict[];
}

export function renderText(report: LoadReport): string {
  const out: string[] = [];
  const mark = (ok: boolean) => (ok ? '✓' : '✗');
  out.push(`\n  scenario ${report.scenario}: ${report.description}`);
  const load =
    report.durationS > 0
      ? `, rate ${report.rate}/s per command (spec ceiling ${report.ceiling}/s), ${report.durationS} s`
      : '';
  out.push(`  target   ${report.target}${report.stub ? ' (stub)' : ''}${load}`);
  out.push('');
  for (const figure of report.figures) out.push(`  ${figure.label.padEnd(28, '.')} ${figure.value}`);
  if (report.checks.length > 0) {
    out.push('', '  checks');
    for (const c of report.checks) {
      out.push(
        `    ${mark(c.fails === 0)} ${c.name}  ${c.passes} passed${c.fails ? `, ${c.fails} failed` : ''}`,
      );
    }
  }
  if (report.thresholds.length > 0) {
    out.push('', '  thresholds');
    for (const t of report.thresholds) out.push(`    ${mark(t.ok)} ${t.metric}: ${t.expression}`);
  }
  if (report.window.length > 0) out.push('');
  for (const w of report.window) {
    out.push(
      `  ${mark(w.ok)} stub window ${w.command}: at most ${w.maxAcceptedInWindow} accepted in any 1000 ms ` +
        `(busiest calendar second ${w.maxAcceptedInSecond}, ceiling ${w.ceiling})`,
    );
    for (const p of w.problems) out.push(`      ${p}`);
  }
  if (report.perSecond.length > 0) {
    const source = report.perSecond[0]?.source === 'stub' ? "stub's count" : 'client count';
    out.push('', `  per second (${source}; "!" marks a second over the ceiling)`);
    out.push(
      ...perSecondTable(report.perSecond, report.rate)
        .trimEnd()
        .split('\n')
        .map((l) => `    ${l}`),
    );
  }
  out.push('', `  ${report.passed ? 'PASSED' : 'FAILED'}`, '');
  return out.join('\n');
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A stacked bar chart, accepted (green) under refused (red), with the ceiling as a dashed line. */
export function perSecondSvg(series: PerSecondSeries, ceiling: number): string {
  const seconds = series.seconds;
  const width = 720;
  const height = 240;
  const pad = { left: 44, right: 12, top: 16, bottom: 28 };
  const plotW = width - pad.left - pad.right;
  const plotH = height - pad.top - pad.bottom;
  const peak = Math.max(ceiling * 1.25, ...seconds.map((s) => s.accepted + s.refused), 1);
  const y = (v: number) => pad.top + plotH - (v / peak) * plotH;
  const slot = plotW / Math.max(seconds.length, 1);
  const bar = Math.max(1, slot * 0.8);
  const first = seconds[0]?.t ?? 0;
  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" ` +
      `role="img" aria-label="${escapeHtml(series.command)}: accepted and refused calls per second">`,
  );
  parts.push(`<rect x="0" y="0" width="${width}" height="${height}" fill="#fff"/>`);
  for (const tick of [0, 0.5, 1, 1.25].map((f) => Math.round(ceiling * f))) {
    parts.push(
      `<text x="${pad.left - 6}" y="${y(tick) + 4}" font-size="10" text-anchor="end" fill="#555">${tick}</text>`,
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(tick)}" y2="${y(tick)}" stroke="#eee"/>`,
    );
  }
  seconds.forEach((s, i) => {
    const x = pad.left + i * slot + (slot - bar) / 2;
    const label = `second ${s.t - first}: ${s.accepted} accepted, ${s.refused} refused (60007)`;
    parts.push(
      `<g><title>${label}</title>` +
        `<rect x="${x.toFixed(1)}" y="${y(s.accepted).toFixed(1)}" width="${bar.toFixed(1)}" ` +
        `height="${(y(0) - y(s.accepted)).toFixed(1)}" fill="${s.accepted > ceiling ? '#b45309' : '#15803d'}"/>` +
        `<rect x="${x.toFixed(1)}" y="${y(s.accepted + s.refused).toFixed(1)}" width="${bar.toFixed(1)}" ` +
        `height="${(y(s.accepted) - y(s.accepted + s.refused)).toFixed(1)}" fill="#dc2626"/></g>`,
    );
    if (seconds.length <= 40 || i % 5 === 0) {
      parts.push(
        `<text x="${(x + bar / 2).toFixed(1)}" y="${height - pad.bottom + 14}" font-size="9" text-anchor="middle" ` +
          `fill="#555">${s.t - first}</text>`,
      );
    }
  });
  parts.push(
    `<line x1="${pad.left}" x2="${width - pad.right}" y1="${y(ceiling)}" y2="${y(ceiling)}" stroke="#111" ` +
      `stroke-dasharray="6 4"/>`,
    `<text x="${width - pad.right}" y="${y(ceiling) - 4}" font-size="10" text-anchor="end">ceiling ${ceiling}/s</text>`,
    `<text x="${pad.left + plotW / 2}" y="${height - 4}" font-size="10" text-anchor="middle" fill="#555">` +
      `${series.source === 'stub' ? 'second (stub clock)' : 'second of the run'}</text>`,
    '</svg>',
  );
  return parts.join('');
}

export function renderHtml(report: LoadReport): string {
  const ok = (pass: boolean) => `<span class="${pass ? 'pass' : 'fail'}">${pass ? '✓' : '✗'}</span>`;
  const rows = (cells: string[][]) =>
    cells.map((r) => `<tr>${r.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('');
  const charts = report.perSecond
    .map(
      (s) =>
        `<figure><figcaption>${escapeHtml(s.command)} — accepted <b class="acc">■</b> and refused (60007) ` +
        `<b class="ref">■</b> per second (${s.source === 'stub' ? "the stub's own count" : 'as the client saw it'})` +
        `</figcaption>${perSecondSvg(s, report.rate)}</figure>`,
    )
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>tim-marks load: ${escapeHtml(report.scenario)}</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:2em;color:#111;max-width:60em}
table{border-collapse:collapse;margin:.5em 0 1.5em}td,th{border:1px solid #ddd;padding:.25em .6em;text-align:left}
.pass{color:#15803d;font-weight:bold}.fail{color:#dc2626;font-weight:bold}.acc{color:#15803d}.ref{color:#dc2626}
figure{margin:1em 0}figcaption{margin-bottom:.3em}
</style></head><body>
<h1>${escapeHtml(report.scenario)}: ${report.passed ? ok(true) : ok(false)} ${report.passed ? 'passed' : 'FAILED'}</h1>
<p>${escapeHtml(report.description)}</p>
<p>Target <code>${escapeHtml(report.target)}</code>${report.stub ? ' (the tim-marks stub)' : ''}${
    report.durationS > 0
      ? `; rate under test ${report.rate}/s per command (spec ceiling ${report.ceiling}/s); ${report.durationS} s`
      : ''
  }; finished ${escapeHtml(report.finishedAt)}.</p>
<h2>Figures</h2><table>${rows(report.figures.map((f) => [escapeHtml(f.label), escapeHtml(f.value)]))}</table>
<h2>Per second</h2>${charts || '<p>No per-second data.</p>'}
${
  report.window.length > 0
    ? `<h2>Stub window</h2><table><tr><th></th><th>command</th><th>max accepted in any 1000 ms</th><th>busiest second</th><th>ceiling</th></tr>${rows(
        report.window.map((w) => [
          ok(w.ok),
          escapeHtml(w.command),
          String(w.maxAcceptedInWindow),
          String(w.maxAcceptedInSecond),
          String(w.ceiling),
        ]),
      )}</table>`
    : ''
}
<h2>Thresholds</h2><table>${rows(report.thresholds.map((t) => [ok(t.ok), escapeHtml(t.metric), escapeHtml(t.expression)]))}</table>
<h2>Checks</h2><table>${rows(report.checks.map((c) => [ok(c.fails === 0), escapeHtml(c.name), `${c.passes} passed`, `${c.fails} failed`]))}</table>
</body></html>
`;
}
