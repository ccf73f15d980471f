// The redis-server the runner starts for --replicas (src/replicas.ts): the free port it picks may be
// taken by another process before redis-server binds it (a busy machine hands out ports all the time).
import { once } from 'node:events';
import { type AddressInfo, createConnection, createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { redisInstalled } from '../../apps/stub-server/test/redis-harness.ts';
import { freePort, startRedisServer } from '../src/replicas.ts';

/** PING over a raw socket: what answers on the URL's port is that redis-server. */
async function ping(url: string): Promise<string> {
  const socket = createConnection({ host: '127.0.0.1', port: Number(new URL(url).port) });
  socket.write('PING\r\n');
  const [reply] = (await once(socket, 'data')) as [Buffer];
  socket.destroy();
  return reply.toString().trim();
}

describe.skipIf(!redisInstalled())('startRedisServer', () => {
  it('starts on another port when the one it picked was taken meanwhile', async () => {
    const squatter = createServer().listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    const taken = (squatter.address() as AddressInfo).port;
    const picked: number[] = [];
    const pick = async () => {
      const port = picked.length === 0 ? taken : await freePort();
      picked.push(port);
      return port;
    };
    const redis = await startRedisServer(pick);
    try {
      expect(picked).toHaveLength(2);
      expect(redis.url).toBe(`redis://127.0.0.1:${picked[1]}`);
      expect(await ping(redis.url)).toBe('+PONG');
    } finally {
      await redis.stop();
      squatter.close();
    }
  });

  it('says why when every port it tries is taken', async () => {
    const squatter = createServer().listen(0, '127.0.0.1');
    await once(squatter, 'listening');
    const taken = (squatter.address() as AddressInfo).port;
    try {
      await expect(startRedisServer(async () => taken)).rejects.toThrow(/Address already in use/);
    } finally {
      squatter.close();
    }
  });
});
