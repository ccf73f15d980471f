// The stub's control plane (/__stub/, not part of the Tencent API): present only when the target is the stub.

import type {
  Health,
  CommandSeries as StubSeries,
  StatsAnswer as StubStats,
} from '@tim-marks/types/control-plane';
import http from 'k6/http';
import { COMMANDS, type LoadedCommand } from '../../shared/plan.ts';

const CONTROL = { tags: { name: '__stub', control: 'yes' }, responseType: 'text' as const };

/** True when the target answers the stub's health probe: only then are stats and resets available. */
export function isStub(baseUrl: string): boolean {
  const res = http.get(`${baseUrl}/__stub/health`, { ...CONTROL, timeout: '5s' });
  if (res.status !== 200 || typeof res.body !== 'string') return false;
  try {
    return (JSON.parse(res.body) as Partial<Health>).ok === true;
  } catch {
    return false;
  }
}

/** Clears the app's accounts, marks, stats and limiter windows, so that maxAcceptedInWindow covers this run only. */
export function resetStub(baseUrl: string, sdkAppId: number): boolean {
  const res = http.post(`${baseUrl}/__stub/reset`, JSON.stringify({ sdkAppId }), {
    ...CONTROL,
    headers: { 'Content-Type': 'application/json' },
  });
  return res.status === 200;
}

/** The stub's per-second series of each loaded command over the last `seconds`. */
export function stubStats(
  baseUrl: string,
  sdkAppId: number,
  commands: readonly LoadedCommand[],
  seconds: number,
): StubSeries[] {
  return commands.flatMap((command) => {
    const path = COMMANDS[command].slice(1);
    const res = http.get(
      `${baseUrl}/__stub/stats?sdkappid=${sdkAppId}&command=${encodeURIComponent(path)}&seconds=${seconds}`,
      CONTROL,
    );
    if (res.status !== 200 || typeof res.body !== 'string') return [];
    const stats = JSON.parse(res.body) as StubStats;
    return (stats.series ?? []).map((series) => ({ ...series, command }));
  });
}
