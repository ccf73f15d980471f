// Several local stub replicas sharing one store and one ceiling: `--store URL` when given, else a
// redis-server started here (Debian's package) on a free port with a temporary directory, stopped after
// the run. One replica needs no Redis: it keeps its own memory store unless --store says otherwise.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type StubProcess, startStubProcess } from './stub-process.ts';

export interface Replicas {
  urls: string[];
  /** The store the replicas share (`redis://…`), or undefined for one replica on its memory store. */
  store: string | undefined;
  /** True when the redis-server was started for this run. */
  startedRedis: boolean;
  stop(): Promise<void>;
}

export interface ReplicaOptions {
  count: number;
  /** A `--store` URL for every replica; default: a redis-server started here when count > 1. */
  store?: string;
  secretKey: string;
  /** More stub arguments, e.g. ['--rate-limit', '0']. */
  args?: readonly string[];
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Tries for a free port; another process may take it between our check and redis-server's bind. */
const PORT_ATTEMPTS = 5;

/** A throwaway redis-server: no persistence, loopback only, its own temporary directory. */
export async function startRedisServer(
  pickPort: () => Promise<number> = freePort,
): Promise<{ url: string; stop(): Promise<void> }> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startRedisServerOn(await pickPort());
    } catch (error) {
      const taken = error instanceof Error && error.message.includes('Address already in use');
      if (!taken || attempt >= PORT_ATTEMPTS) throw error;
    }
  }
}

async function startRedisServerOn(port: number): Promise<{ url: string; stop(): Promise<void> }> {
  const dir = mkdtempSync(join(tmpdir(), 'tim-marks-load-redis-'));
  const args = [
    '--port',
    String(port),
    '--bind',
    '127.0.0.1',
    '--dir',
    dir,
    '--save',
    '',
    '--appendonly',
    'no',
  ];
  const child: ChildProcess = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`redis-server did not start in 10 s:\n${output}`)),
        10_000,
      );
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          error.code === 'ENOENT'
            ? new Error(
                'redis-server is not installed (apt-get install redis-server), or give --store redis://HOST:PORT',
              )
            : error,
        );
      });
      // 'close', not 'exit': by then its output (which says why) has been read to the end.
      child.once('close', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited (${code}) before it was ready:\n${output}`));
      });
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { url: `redis://127.0.0.1:${port}`, stop };
}

export async function startReplicas(options: ReplicaOptions): Promise<Replicas> {
  const redis = options.store === undefined && options.count > 1 ? await startRedisServer() : undefined;
  const store = options.store ?? redis?.url;
  const stubs: StubProcess[] = [];
  const stop = async () => {
    await Promise.all(stubs.map((stub) => stub.stop()));
    await redis?.stop();
  };
  try {
    for (let i = 0; i < options.count; i++) {
      stubs.push(
        await startStubProcess({
          secretKey: options.secretKey,
          args: [...(store === undefined ? [] : ['--store', store]), ...(options.args ?? [])],
        }),
      );
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { urls: stubs.map((stub) => stub.url), store, startedRedis: redis !== undefined, stop };
}
