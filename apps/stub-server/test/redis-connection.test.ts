// `--store`: the URL's reading, and the shared connection against real servers (one node and a
// 3-master Cluster started by the harness): fail-fast while Redis is away, back by itself after.
import { Cluster } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCli } from '../src/cli-main.js';
import {
  connectionState,
  connectRedis,
  isUnavailable,
  parseStoreOption,
  type RedisClient,
  type RedisSpec,
  StoreOptionError,
} from '../src/store/redis-connection.js';
import {
  freePort,
  type RedisCluster,
  type RedisNode,
  redisInstalled,
  startRedis,
  startRedisCluster,
} from './redis-harness.js';

describe('parseStoreOption', () => {
  it('reads memory, redis:// and rediss:// with database, credentials and prefix', () => {
    expect(parseStoreOption('memory')).toEqual({ kind: 'memory' });
    expect(parseStoreOption('redis://cache.internal')).toMatchObject({
      kind: 'redis',
      host: 'cache.internal',
      port: 6379,
      db: 0,
      tls: false,
      prefix: 'tm:',
    });
    const spec = parseStoreOption('rediss://app:s%40cret@10.0.0.5:6380/3?prefix=staging:') as RedisSpec;
    expect(spec).toMatchObject({
      host: '10.0.0.5',
      port: 6380,
      db: 3,
      tls: true,
      username: 'app',
      password: 's@cret',
      prefix: 'staging:',
    });
    expect(spec.display).not.toContain('cret');
    expect(parseStoreOption('redis://[::1]:7000')).toMatchObject({ host: '::1', port: 7000 });
  });

  it.each([
    ['postgres://x', /scheme postgres is not supported/],
    ['redis-server:6379', /scheme redis-server is not supported/],
    ['localhost:6379', /scheme localhost is not supported|must be memory/],
    ['memroy', /must be memory, redis:\/\/HOST:PORT\[\/DB\] or rediss:\/\//],
    ['redis://h:6379/16', /database .* must be 0\.\.15/],
    ['redis://h:6379/x', /database .* must be 0\.\.15/],
    ['redis://h?timeout=1', /unknown parameter timeout/],
    ['redis://h?commandTimeout=0', /commandTimeout .* milliseconds/],
  ])('refuses %s with a clear message', (text, message) => {
    expect(() => parseStoreOption(text)).toThrow(StoreOptionError);
    expect(() => parseStoreOption(text)).toThrow(message);
  });

  it('--store and TIM_STUB_STORE: a bad value is a usage error naming the flag; memory is the default', () => {
    expect(parseCli(['--store', 'redis://h:1/99'], {})).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('--store the database'),
    });
    expect(parseCli([], { TIM_STUB_STORE: 'nope' })).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('TIM_STUB_STORE must be memory'),
    });
    expect(parseCli(['--store', 'redis://h:1', '--state-file', 'x.json'], {})).toMatchObject({
      kind: 'error',
      message: expect.stringContaining('cannot be combined'),
    });
    const run = parseCli(['--store', 'memory'], {});
    expect(run.kind).toBe('run');
    expect(run.kind === 'run' && run.options.store).toBeFalsy();
    const redis = parseCli(['--store', 'redis://127.0.0.1:6379/2'], {});
    expect(redis.kind === 'run' && redis.options.store).toBe('redis://127.0.0.1:6379/2');
  });
});

describe.skipIf(!redisInstalled())('connectRedis against real servers', () => {
  let node: RedisNode;
  let cluster: RedisCluster;
  const clients: RedisClient[] = [];

  beforeAll(async () => {
    node = await startRedis();
    cluster = await startRedisCluster();
  });
  afterAll(async () => {
    for (const c of clients) c.disconnect();
    await node?.destroy();
    await cluster?.destroy();
  });

  const connect = async (url: string) => {
    const client = await connectRedis(parseStoreOption(url) as RedisSpec, { connectTimeoutMs: 2000 });
    client.on('error', () => {});
    clients.push(client);
    return client;
  };

  it('one node: a plain client on the chosen database', async () => {
    const client = await connect(`${node.url}/2`);
    expect(client).not.toBeInstanceOf(Cluster);
    await client.set('k', 'v');
    expect(await client.get('k')).toBe('v');
    expect(connectionState(client)).toBe('connected');
  });

  it('a Cluster node: a Cluster client; keys sharing a hash tag run in one script', async () => {
    const client = await connect(cluster.url);
    expect(client).toBeInstanceOf(Cluster);
    const answer = await client.eval(
      "redis.call('SET', KEYS[1], 'a') redis.call('SET', KEYS[2], 'b') return redis.call('MGET', KEYS[1], KEYS[2])",
      2,
      '{1400:u}:x',
      '{1400:u}:y',
    );
    expect(answer).toEqual(['a', 'b']);
  });

  it('an unreachable Redis: the start fails with a message naming it', async () => {
    const port = await freePort();
    await expect(
      connectRedis(parseStoreOption(`redis://127.0.0.1:${port}`) as RedisSpec, { connectTimeoutMs: 500 }),
    ).rejects.toThrow(`cannot reach Redis at redis://127.0.0.1:${port}`);
  });

  it('Redis stopped: commands fail at once (no queue); restarted: the client is back by itself', async () => {
    const client = await connect(node.url);
    await client.set('durable', 'yes');
    await node.kill();
    const failure = await client.get('durable').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(isUnavailable(failure)).toBe(true);
    // The socket may refuse writes a moment before its 'close' event marks the client as reconnecting.
    for (let i = 0; i < 200 && connectionState(client) === 'connected'; i++) {
      await new Promise((r) => setTimeout(r, 5));
    }
    expect(connectionState(client)).toBe('reconnecting');
    await node.start();
    for (let i = 0; i < 200 && connectionState(client) !== 'connected'; i++) {
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(connectionState(client)).toBe('connected');
    // appendfsync always: what was acknowledged before the kill is there after it.
    expect(await client.get('durable')).toBe('yes');
  });
});
