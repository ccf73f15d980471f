// The API's scripts and commands on one Redis node (src/store/redis-runner.ts), against a real
// redis-server: the command timeout is about Redis, never about this process being slow to read its answer.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectRedis, parseStoreOption, type RedisSpec } from '../src/store/redis-connection.js';
import { redisRunner, type Script, scriptRunner } from '../src/store/redis-runner.js';
import { REDIS_CLI, type RedisNode, redisInstalled, startRedis } from './redis-harness.js';

const TIMEOUT_MS = 100;
const lua = 'return ARGV[1]';
const echo: Script = {
  name: 'echo',
  numberOfKeys: 0,
  lua,
  sha: createHash('sha1').update(lua).digest('hex'),
};

/** Holds this process's event loop, as a busy CPU or a long garbage collection would. */
function stallFor(ms: number): void {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

describe.skipIf(!redisInstalled())('scriptRunner on one node', () => {
  let node: RedisNode;
  let client: Redis;

  beforeAll(async () => {
    node = await startRedis();
    const spec = parseStoreOption(`${node.url}?commandTimeout=${TIMEOUT_MS}`) as RedisSpec;
    client = (await connectRedis(spec, { commandTimeoutMs: TIMEOUT_MS })) as Redis;
    client.on('error', () => {});
  });
  afterAll(async () => {
    client?.disconnect();
    await node?.destroy();
  });

  it('runs a script Redis has not cached (NOSCRIPT, then EVAL)', async () => {
    await client.script('FLUSH');
    await expect(scriptRunner(client, TIMEOUT_MS)(echo, ['first'])).resolves.toBe('first');
  });

  it('takes the answer Redis sent while this process was stalled past the timeout, not a timeout', async () => {
    const run = scriptRunner(client, TIMEOUT_MS);
    await run(echo, ['cached']);
    for (let round = 0; round < 5; round++) {
      const answer = run(echo, [`round ${round}`]);
      // The command leaves at the end of this event-loop turn; then the loop is held for three
      // timeouts while Redis answers at once.
      await new Promise((resolve) => setImmediate(resolve));
      stallFor(TIMEOUT_MS * 3);
      await expect(answer).resolves.toBe(`round ${round}`);
    }
  });

  it('runs the plain commands (SET, EXISTS) under the same rule', async () => {
    const { command } = redisRunner(client, TIMEOUT_MS);
    const set = command('set', ['runner:k', '1']);
    await new Promise((resolve) => setImmediate(resolve));
    stallFor(TIMEOUT_MS * 3);
    await expect(set).resolves.toBe('OK');
    await expect(command('exists', ['runner:k'])).resolves.toBe(1);
  });

  it('still times out a command Redis does not answer', async () => {
    const run = scriptRunner(client, TIMEOUT_MS);
    await run(echo, ['cached']);
    // CLIENT PAUSE WRITE holds scripts (and lets UNPAUSE through): Redis accepts the command, answers later.
    execFileSync(REDIS_CLI, ['-p', String(node.port), 'CLIENT', 'PAUSE', '1000', 'WRITE']);
    try {
      await expect(run(echo, ['held'])).rejects.toThrow('Command timed out');
    } finally {
      execFileSync(REDIS_CLI, ['-p', String(node.port), 'CLIENT', 'UNPAUSE']);
    }
  });
});
