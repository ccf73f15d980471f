import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { drive, warmPool } from '../src/driver.ts';

let server: Server | undefined;

afterEach(async () => {
  await new Promise((resolve) => server?.close(resolve) ?? resolve(undefined));
  server = undefined;
});

/** A target that answers every POST after `delayMs`, and counts the connections it was given. */
async function target(delayMs: number): Promise<{ origin: string; connections: () => number }> {
  let connections = 0;
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      setTimeout(
        () => res.end('{"ActionStatus":"OK","ErrorCode":0,"ErrorInfo":""}'),
        req.method === 'POST' ? delayMs : 0,
      );
    });
  });
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => connections,
  };
}

const call = () => ({ path: '/v4/recentcontact/mark_contact', body: '{}' });

describe('the arrival-rate driver', () => {
  it('opens every connection of the pool before the run', async () => {
    const t = await target(0);
    const pool = await warmPool(t.origin, { connections: 8 });
    expect(t.connections()).toBe(8);
    await drive(pool, [{ tag: 'a', rate: 50, call }], { durationMs: 200 });
    expect(t.connections()).toBe(8);
    await pool.close();
  });

  it('starts calls on their schedule whatever the answers take (open model)', async () => {
    const t = await target(800);
    const pool = await warmPool(t.origin, { connections: 32 });
    const report = await drive(pool, [{ tag: 'a', rate: 20, call }], { durationMs: 500 });
    await pool.close();
    expect(report.results).toHaveLength(10);
    expect(report.results.every((r) => r.status === 200)).toBe(true);
    // Every call had started before the first answer came back.
    const firstAnswer = Math.min(...report.results.map((r) => r.startedAt + r.latencyMs));
    expect(Math.max(...report.results.map((r) => r.startedAt))).toBeLessThan(firstAnswer);
  });

  it('drives several streams at their own rates, numbering each stream from 0', async () => {
    const t = await target(0);
    const pool = await warmPool(t.origin, { connections: 4 });
    const report = await drive(
      pool,
      [
        { tag: 'a', rate: 30, call },
        { tag: 'b', rate: 10, call },
        { tag: 'c', rate: 10, perMs: 250, call },
      ],
      { durationMs: 500 },
    );
    await pool.close();
    const indexes = (tag: string) => report.results.filter((r) => r.tag === tag).map((r) => r.index);
    expect(indexes('a')).toEqual([...Array(15).keys()]);
    expect(indexes('b')).toEqual([...Array(5).keys()]);
    expect(indexes('c')).toEqual([...Array(20).keys()]);
  });

  it('reports the calls it could not start on time, and with a window guard never bursts after them', async () => {
    const t = await target(0);
    const pool = await warmPool(t.origin, { connections: 4 });
    // Block the event loop for 200 ms in the middle of the run: the calls due meanwhile start late.
    setTimeout(() => {
      const until = performance.now() + 200;
      while (performance.now() < until) {}
    }, 350);
    const rate = 10;
    const perMs = 500;
    const report = await drive(pool, [{ tag: 'a', rate, perMs, call }], {
      durationMs: 1200,
      windowGuardMs: perMs,
    });
    await pool.close();
    expect(report.late).toBeGreaterThan(0);
    expect(report.maxLatenessMs).toBeGreaterThan(100);
    const starts = report.results.map((r) => r.startedAt);
    expect(starts).toHaveLength(24);
    for (let i = rate; i < starts.length; i++) {
      expect(starts[i]! - starts[i - rate]!).toBeGreaterThanOrEqual(perMs - 0.001);
    }
  });
});
