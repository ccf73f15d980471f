// One ceiling for every replica: two stubs on one Redis (`--store redis://…`) admit 200 calls per
// second between them, not 200 each, on one node and on a 3-master Redis Cluster (the window's keys
// share a slot, or the script would fail with CROSSSLOT); a Redis that does not answer makes the call
// answer 50004 (retryable) rather than hang, and the ceiling is back once Redis is.
import { once } from 'node:events';
import { type AddressInfo, connect, createServer, type Socket } from 'node:net';
import { ErrorCode } from '@tim-marks/types';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ceilingKeys, RedisWindow, type WindowClient } from '../src/ceiling-redis.js';
import { CeilingUnavailable } from '../src/limiter.js';
import { type RunScript, scriptRunner } from '../src/store/redis-runner.js';
import type { Stub } from '../src/stub.js';
import { type Answer, c2c, call, rawBurst, testStub } from './helpers.js';
import {
  type RedisCluster,
  type RedisNode,
  redisInstalled,
  startRedis,
  startRedisCluster,
} from './redis-harness.js';

const SDKAPPID = 1400000000;
const READ = { From_Account: 'user0', StartIndex: 0 };
const COMMAND = 'v4/recentcontact/get_contact_group';

/**
 * Two replicas on one store. A burst of 300 at once queues up to 300 scripts in Redis, and this loaded
 * test machine may take longer than the 80 ms a call waits: the exactness tests give the ceiling
 * `ceilingTimeoutMs` long enough that every call gets Redis's decision (the timeout has its own tests).
 */
async function replicas(url: string, prefix: string, ceilingTimeoutMs?: number): Promise<Stub[]> {
  const store = `${url}?prefix=${encodeURIComponent(prefix)}`;
  const stubs: Stub[] = [];
  for (let i = 0; i < 2; i++) {
    stubs.push(
      await testStub({
        store,
        ceilingTimeoutMs,
        rateLimit: 200,
        config: { apps: [{ sdkAppId: SDKAPPID, accounts: ['user0'] }] },
      }),
    );
  }
  return stubs;
}

/** The ceiling's decisions in a burst's answers: admitted calls answer anything but 60007 and the ceiling's 50004. */
function decisions(answers: readonly Answer[]) {
  const unavailable = answers.filter((a) =>
    a.ErrorInfo.startsWith('the shared ceiling (Redis) is unavailable'),
  );
  const refused = count(answers, ErrorCode.RATE_LIMITED);
  return {
    admitted: answers.length - refused - unavailable.length,
    refused,
    unavailable: unavailable.length,
  };
}

/** Sends `n` reads split evenly across the replicas, all at once (pipelined on up to 10 sockets each). */
async function burst(stubs: readonly Stub[], n: number): Promise<Answer[]> {
  const answers = await Promise.all(
    stubs.map((stub, i) => {
      const calls = Math.floor(n / stubs.length) + (i < n % stubs.length ? 1 : 0);
      return rawBurst(
        stub.commandUrl('getContactGroup'),
        READ,
        calls,
        'getContactGroup',
        Math.min(10, calls),
      );
    }),
  );
  return answers.flat();
}

const count = (answers: readonly Answer[], code: number) =>
  answers.filter((a) => a.ErrorCode === code).length;

function statsOf(stub: Stub) {
  const series = stub.control.stats({ sdkAppId: SDKAPPID, command: 'getContactGroup' }).series[0];
  if (series === undefined) throw new Error('no stats for getContactGroup');
  return series;
}

/** The aggregate the load harness computes: counts add up, the busiest window is the largest reported. */
function aggregate(stubs: readonly Stub[]) {
  const all = stubs.map(statsOf);
  return {
    accepted: all.reduce((sum, s) => sum + s.totals.accepted, 0),
    refused: all.reduce((sum, s) => sum + s.totals.refused, 0),
    errors: all.reduce((sum, s) => sum + s.totals.errors, 0),
    maxAcceptedInWindow: Math.max(...all.map((s) => s.maxAcceptedInWindow)),
    each: all.map((s) => s.totals.accepted),
  };
}

/**
 * Bursts of `n` every 100 ms, at most `attempts` of them, until one is admitted whole; how many the
 * last one admitted. For the replicas with the default 80 ms wait after Redis was away.
 */
async function admittedAgain(stubs: readonly Stub[], n: number, attempts: number): Promise<number> {
  let admitted = 0;
  for (let attempt = 0; attempt < attempts && admitted < n; attempt++) {
    admitted = decisions(await burst(stubs, n)).admitted;
    if (admitted < n) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return admitted;
}

async function closeAll(stubs: readonly Stub[]): Promise<void> {
  for (const stub of stubs) await stub.close();
}

describe.skipIf(!redisInstalled())('the ceiling shared through one Redis node', () => {
  let redis: RedisNode;
  /** Replicas that wait long for the shared window, and replicas with the default 80 ms. */
  let stubs: Stub[];
  let fast: Stub[];
  let admin: Redis;

  beforeAll(async () => {
    redis = await startRedis();
    stubs = await replicas(redis.url, 'ceiling-node:', 2_000);
    fast = await replicas(redis.url, 'ceiling-fast:');
    admin = new Redis(redis.port, '127.0.0.1', { lazyConnect: true });
    // The down-and-back test stops Redis under it: its reconnection errors are expected, not news.
    admin.on('error', () => {});
    await admin.connect();
  });
  afterAll(async () => {
    await closeAll([...(stubs ?? []), ...(fast ?? [])]);
    admin?.disconnect();
    await redis?.destroy();
  });
  beforeEach(async () => {
    for (const stub of [...stubs, ...fast]) await stub.control.reset();
  });

  it('admits exactly 200 of 300 calls sent to two replicas at once; each replica counts its own share', async () => {
    const answers = await burst(stubs, 300);
    expect(decisions(answers)).toEqual({ admitted: 200, refused: 100, unavailable: 0 });
    const sum = aggregate(stubs);
    expect(sum).toMatchObject({ accepted: 200, refused: 100, maxAcceptedInWindow: 200 });
    for (const accepted of sum.each) expect(accepted).toBeGreaterThan(0);
    // The second replica's refusal names the same ceiling as the first's.
    expect(answers.find((a) => a.ErrorCode === ErrorCode.RATE_LIMITED)?.ErrorInfo).toContain(
      `${COMMAND} is over its limit of 200 calls per second for sdkappid ${SDKAPPID}`,
    );
  });

  it('keeps the window as a sorted set under the store prefix; a reset through one replica clears it for all', async () => {
    await burst(stubs, 250);
    const [log, seq] = ceilingKeys('ceiling-node:', SDKAPPID, COMMAND);
    expect(log).toBe(`ceiling-node:ceiling:{${SDKAPPID}:${COMMAND}}:log`);
    expect(await admin.zcard(log)).toBe(200);
    await (stubs[0] as Stub).control.reset();
    expect(await admin.exists(log, seq)).toBe(0);
    expect(decisions(await burst(stubs.slice(1), 10)).admitted).toBe(10);
  });

  it('answers 50004 (retryable), never hangs, while Redis is stalled; admits again once it answers', async () => {
    // CLIENT PAUSE holds every client's commands: connections stay up, answers stop coming.
    await admin.call('CLIENT', 'PAUSE', '500', 'ALL');
    const answers = await burst(fast, 20);
    expect(count(answers, ErrorCode.INTERNAL_ERROR)).toBe(20);
    expect(answers[0]?.ErrorInfo).toMatch(
      /^the shared ceiling \(Redis\) is unavailable: .*: the call was not run, retry$/,
    );
    await admin.call('CLIENT', 'UNPAUSE');
    // Neither accepted nor refused: counted as errors of the command.
    expect(aggregate(fast)).toMatchObject({ accepted: 0, refused: 0, errors: 20 });
    // Admitted again once Redis answers within the 80 ms again: on a loaded machine that may take a
    // few tries (the wait itself has its own test: these replicas keep the default on purpose).
    expect(await admittedAgain(fast, 10, 50)).toBe(10);
  });

  it('answers 50004 at once while Redis is down, and admits again when it is back', async () => {
    await redis.stop();
    try {
      const answers = await burst(fast, 10);
      expect(count(answers, ErrorCode.INTERNAL_ERROR)).toBe(10);
      expect(decisions(answers).unavailable).toBe(10);
    } finally {
      await redis.start();
    }
    // The stub reconnects by itself (back-off at most 500 ms).
    expect(await admittedAgain(fast.slice(0, 1), 1, 100)).toBe(1);
  });
});

describe.skipIf(!redisInstalled())('the ceiling shared through a 3-master Redis Cluster', () => {
  let cluster: RedisCluster;
  let stubs: Stub[];

  beforeAll(async () => {
    cluster = await startRedisCluster();
    stubs = await replicas(cluster.url, 'ceiling-cluster:', 2_000);
  }, 60_000);
  afterAll(async () => {
    await closeAll(stubs ?? []);
    await cluster?.destroy();
  });

  it('admits exactly 200 of 300 calls sent to two replicas: one script, one slot, per admission', async () => {
    for (const stub of stubs) await stub.control.reset();
    const answers = await burst(stubs, 300);
    expect(decisions(answers)).toEqual({ admitted: 200, refused: 100, unavailable: 0 });
    expect(aggregate(stubs)).toMatchObject({ accepted: 200, refused: 100, maxAcceptedInWindow: 200 });
  });
});

/** A TCP relay to `port` that holds every chunk `delayMs` each way, in order: a Redis that far away. */
async function distantRedis(port: number, delayMs: number) {
  const sockets: Socket[] = [];
  const relay = createServer((near) => {
    const far = connect(port, '127.0.0.1');
    sockets.push(near, far);
    near.on('data', (chunk) => setTimeout(() => far.write(chunk), delayMs));
    far.on('data', (chunk) => setTimeout(() => near.write(chunk), delayMs));
    near.on('close', () => far.destroy());
    far.on('close', () => near.destroy());
    near.on('error', () => {});
    far.on('error', () => {});
  }).listen(0, '127.0.0.1');
  await once(relay, 'listening');
  return {
    url: `redis://127.0.0.1:${(relay.address() as AddressInfo).port}`,
    close() {
      for (const socket of sockets) socket.destroy();
      relay.close();
    },
  };
}

describe.skipIf(!redisInstalled())('the provider state "the {command} ceiling is exhausted" on Redis', () => {
  let redis: RedisNode;
  let relay: Awaited<ReturnType<typeof distantRedis>>;
  let stub: Stub;

  beforeAll(async () => {
    redis = await startRedis();
    // 5 ms each way: 200 admissions one after another would take over 2 s, twice the window.
    relay = await distantRedis(redis.port, 5);
    stub = await testStub({
      store: `${relay.url}?prefix=exhausted:`,
      ceilingTimeoutMs: 2_000,
      rateLimit: 200,
    });
  });
  afterAll(async () => {
    await stub?.close();
    relay?.close();
    await redis?.destroy();
  });

  it('fills the shared window even when every round trip to Redis is slow: the next call answers 60007', async () => {
    await expect(
      stub.control.providerState({ state: 'the mark_contact ceiling is exhausted' }),
    ).resolves.toEqual(expect.objectContaining({ command: 'v4/recentcontact/mark_contact' }));
    const answer = await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    expect(answer.ErrorCode).toBe(ErrorCode.RATE_LIMITED);
  });
});

describe('RedisWindow against a Redis that never answers', () => {
  /** A client whose commands never answer: Redis stalled. */
  const silent: WindowClient = { status: 'ready', del: () => new Promise(() => {}) };
  const never: RunScript = () => new Promise(() => {});
  const options = { keyPrefix: 'tm:', timeoutMs: 20 };

  it('rejects with CeilingUnavailable when Redis does not answer within the timeout', async () => {
    // A server that accepts the connection and never answers: the script runner's timeout decides.
    const sockets: Socket[] = [];
    const server = createServer((socket) => {
      sockets.push(socket);
      socket.resume();
    }).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const client = new Redis({
      port: (server.address() as AddressInfo).port,
      host: '127.0.0.1',
      // No handshake (HELLO, CLIENT SETINFO) for the server to answer: ready once connected.
      protocol: 2,
      disableClientInfo: true,
      enableReadyCheck: false,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    client.on('error', () => {});
    try {
      if (client.status !== 'ready') await once(client, 'ready');
      const window = new RedisWindow(client, scriptRunner(client, 20), SDKAPPID, COMMAND, 200, options);
      await expect(window.admit(0)).rejects.toThrow(CeilingUnavailable);
      await expect(window.admit(0)).rejects.toThrow(
        'the shared ceiling (Redis) is unavailable: no answer within 20 ms',
      );
    } finally {
      client.disconnect();
      for (const socket of sockets) socket.destroy();
      server.close();
    }
    const down = new RedisWindow(
      { ...silent, status: 'reconnecting' },
      never,
      SDKAPPID,
      COMMAND,
      200,
      options,
    );
    await expect(down.admit(0)).rejects.toThrow(
      'the shared ceiling (Redis) is unavailable: the connection is reconnecting',
    );
  });

  it('with the ceiling off, admits at once without Redis and measures its own calls', () => {
    const window = new RedisWindow(silent, never, SDKAPPID, COMMAND, 0, options);
    for (let i = 0; i < 300; i++) expect(window.admit(i)).toBe(true);
    expect(window.maxInWindow).toBe(300);
  });
});
