// The stub's control plane (/__stub/, see the stub's README): health, reset and per-second stats.

import type {
  Health,
  CommandSeries as StubSeries,
  StatsAnswer as StubStats,
} from '@tim-marks/types/control-plane';
import { request } from 'undici';
import { COMMANDS, type LoadedCommand } from '../shared/plan.ts';

async function json(url: string, init: { method?: 'GET' | 'POST'; body?: unknown } = {}): Promise<unknown> {
  const res = await request(url, {
    method: init.method ?? 'GET',
    headers: { 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  const text = await res.body.text();
  if (res.statusCode !== 200)
    throw new Error(`${init.method ?? 'GET'} ${url}: HTTP ${res.statusCode} ${text}`);
  return JSON.parse(text);
}

/** True when `baseUrl` is a tim-marks stub with its control plane on. */
export async function isStub(baseUrl: string): Promise<boolean> {
  try {
    return ((await json(`${baseUrl}/__stub/health`)) as Partial<Health>).ok === true;
  } catch {
    return false;
  }
}

export async function resetStub(baseUrl: string, sdkAppId: number): Promise<void> {
  await json(`${baseUrl}/__stub/reset`, { method: 'POST', body: { sdkAppId } });
}

/** What a stub's stats say of a run: one series per command, named by operationId, and its stalls. */
export interface StubCounts {
  series: StubSeries[];
  /** The seconds in which the stub's event loop was held up 20 ms or more (every answer lists them). */
  stalls: StubStats['stalls'];
}

export async function stubStats(
  baseUrl: string,
  sdkAppId: number,
  commands: readonly LoadedCommand[],
  seconds = 300,
): Promise<StubCounts> {
  const answers = await Promise.all(
    commands.map(async (command) => {
      const path = encodeURIComponent(COMMANDS[command].slice(1));
      const stats = (await json(
        `${baseUrl}/__stub/stats?sdkappid=${sdkAppId}&command=${path}&seconds=${seconds}`,
      )) as StubStats;
      return {
        series: stats.series.filter((s) => s.sdkAppId === sdkAppId).map((s) => ({ ...s, command })),
        stalls: stats.stalls,
      };
    }),
  );
  return { series: answers.flatMap((answer) => answer.series), stalls: answers[0]?.stalls ?? [] };
}
