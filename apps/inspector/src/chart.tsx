// One command's calls per second over the last minute: accepted as a stepped area, refused (60007)
// stacked on top of it (so the red is the offered load above what was admitted), and the ceiling as
// a dashed line. uPlot draws on a canvas; the figure's caption says the same in text.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import type { ChartColumns } from './series.js';

export const COLORS = {
  accepted: '#2f6fde',
  refused: '#d23c3c',
  ceiling: '#5b6270',
} as const;

const HEIGHT = 170;

/** `HH:MM` on whole minutes, `:SS` between them: the window is one minute wide. */
function timeLabels(_u: uPlot, splits: number[]): string[] {
  return splits.map((t) => {
    const date = new Date(t * 1000);
    const two = (n: number) => String(n).padStart(2, '0');
    return date.getSeconds() === 0
      ? `${two(date.getHours())}:${two(date.getMinutes())}`
      : `:${two(date.getSeconds())}`;
  });
}

function options(width: number, readout: (text: string) => void): uPlot.Options {
  const stepped = uPlot.paths.stepped?.({ align: 1 });
  return {
    width,
    height: HEIGHT,
    padding: [8, 8, 0, 0],
    cursor: { drag: { x: false, y: false } },
    // The panel's key names the series; the values under the cursor go to the readout line.
    legend: { show: false },
    hooks: {
      setCursor: [
        (u) => {
          const i = u.cursor.idx;
          const t = i === null || i === undefined ? undefined : u.data[0][i];
          if (i === null || i === undefined || t === undefined) return readout('');
          const time = new Date(t * 1000).toLocaleTimeString([], { hour12: false });
          const accepted = u.data[1]?.[i] ?? 0;
          readout(`${time}: ${accepted} accepted, ${(u.data[2]?.[i] ?? 0) - accepted} refused`);
        },
      ],
    },
    scales: {
      x: { time: true },
      // Always show the ceiling, and the peak when the offered load goes above it.
      y: { range: (u, _min, max) => [0, Math.max(max, Number(u.data[3]?.[0] ?? 0)) * 1.15 || 10] },
    },
    axes: [
      { stroke: '#5b6270', grid: { stroke: '#eceef2' }, ticks: { stroke: '#d9dce3' }, values: timeLabels },
      { stroke: '#5b6270', grid: { stroke: '#eceef2' }, ticks: { stroke: '#d9dce3' }, size: 44 },
    ],
    bands: [{ series: [2, 1], fill: 'rgba(210, 60, 60, 0.28)' }],
    series: [
      {},
      {
        label: 'accepted',
        stroke: COLORS.accepted,
        fill: 'rgba(47, 111, 222, 0.16)',
        width: 1.5,
        points: { show: false },
        ...(stepped === undefined ? {} : { paths: stepped }),
      },
      {
        // Drawn at accepted + refused; the band below fills down to the accepted line.
        label: 'refused (60007)',
        stroke: COLORS.refused,
        width: 1.5,
        points: { show: false },
        ...(stepped === undefined ? {} : { paths: stepped }),
      },
      { label: 'ceiling', stroke: COLORS.ceiling, dash: [6, 4], width: 1, points: { show: false } },
    ],
  };
}

export function CallsChart(props: { columns: ChartColumns; ceiling: number; label: string }) {
  const host = useRef<HTMLDivElement>(null);
  const readout = useRef<HTMLParagraphElement>(null);
  const plot = useRef<uPlot | undefined>(undefined);
  const { columns, ceiling } = props;
  const data: uPlot.AlignedData = [
    columns.t,
    columns.accepted,
    columns.refused.map((refused, i) => refused + (columns.accepted[i] ?? 0)),
    columns.t.map(() => (ceiling > 0 ? ceiling : null)),
  ];

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const show = (text: string) => {
      if (readout.current !== null) readout.current.textContent = text === '' ? '\u00a0' : text;
    };
    const chart = new uPlot(options(Math.max(200, element.clientWidth), show), data, element);
    plot.current = chart;
    const resize = new ResizeObserver(() =>
      chart.setSize({ width: Math.max(200, element.clientWidth), height: HEIGHT }),
    );
    resize.observe(element);
    return () => {
      resize.disconnect();
      chart.destroy();
      plot.current = undefined;
    };
  }, []);

  useEffect(() => {
    plot.current?.setData(data);
  });

  return (
    <>
      <div class="chart" ref={host} role="img" aria-label={props.label} />
      <p class="readout" ref={readout} aria-hidden="true">
        {'\u00a0'}
      </p>
    </>
  );
}
