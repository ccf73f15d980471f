// Real Redis servers for the tests: Debian's `redis-server` on a free 127.0.0.1 port with a temporary
// --dir (one node), or a local 3-master Redis Cluster (`--cluster-enabled yes`, then
// `redis-cli --cluster create … --cluster-replicas 0 --cluster-yes`). Each is torn down by stop(),
// and its directory removed. The node runs with AOF on (appendfsync always): a write Redis
// acknowledged survives a restart, which the fault tests rely on.
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';
export const REDIS_CLI = process.env.REDIS_CLI ?? 'redis-cli';

/** Whether redis-server can be run here (`.ci/run` installs it; a developer may lack it). */
export function redisInstalled(): boolean {
  return spawnSync(REDIS_SERVER, ['--version'], { stdio: 'ignore' }).status === 0;
}

/** A port free on 127.0.0.1 right now (the kernel picks it; a race with another process is unlikely). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Sends one inline command and resolves with the raw reply (`+PONG\r\n`, …); rejects when refused. */
function raw(port: number, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    let reply = '';
    socket.setTimeout(1000, () => socket.destroy(new Error('timeout')));
    socket.once('error', reject);
    socket.on('data', (chunk) => {
      reply += chunk.toString('utf8');
      const bulk = /^\$([0-9]+)\r\n/.exec(reply);
      const complete = bulk ? reply.length >= bulk[0].length + Number(bulk[1]) + 2 : reply.endsWith('\r\n');
      if (complete) {
        socket.end();
        resolve(reply);
      }
    });
    socket.write(`${command}\r\n`);
  });
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      if (await check()) return;
    } catch {
      // Not up yet.
    }
    if (Date.now() > deadline) throw new Error(`${what} did not happen within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface RedisNode {
  readonly port: number;
  readonly dir: string;
  /** `redis://127.0.0.1:PORT` */
  readonly url: string;
  /** Stops the server (SIGTERM: it finishes its AOF) and waits for it to exit. */
  stop(): Promise<void>;
  /** Kills the server at once (SIGKILL): what AOF must survive. */
  kill(): Promise<void>;
  /** Starts it again on the same port and directory (after stop or kill). */
  start(): Promise<void>;
  /** Stops it and removes its directory. */
  destroy(): Promise<void>;
}

interface NodeConfig {
  port: number;
  dir: string;
  extra: string[];
}

function launch(config: NodeConfig): ChildProcess {
  const args = [
    '--port',
    String(config.port),
    '--bind',
    '127.0.0.1',
    '--dir',
    config.dir,
    '--save',
    '',
    '--appendonly',
    'yes',
    '--appendfsync',
    'always',
    '--daemonize',
    'no',
    '--protected-mode',
    'no',
    '--loglevel',
    'warning',
    ...config.extra,
  ];
  // Not unref'd: a teardown awaiting its exit must keep the process alive until it has exited.
  return spawn(REDIS_SERVER, args, { stdio: 'ignore' });
}

async function startNode(dir: string, extra: () => Promise<string[]> = async () => []): Promise<RedisNode> {
  let child: ChildProcess | undefined;
  let config: NodeConfig | undefined;
  const exited = (c: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (c.exitCode !== null || c.signalCode !== null) resolve();
      else c.once('exit', () => resolve());
    });
  /** Launches and waits until THIS process answers on the port (another may have taken it meanwhile). */
  const launchAndWait = async (c: NodeConfig): Promise<void> => {
    const launched = launch(c);
    child = launched;
    try {
      await waitFor(`redis-server on port ${c.port}`, async () => {
        if (launched.exitCode !== null) throw new Error('exited');
        const info = await raw(c.port, 'INFO server');
        return info.includes(`process_id:${launched.pid}\r\n`);
      });
    } catch (error) {
      launched.kill('SIGKILL');
      child = undefined;
      throw error;
    }
  };
  for (let attempt = 0; ; attempt++) {
    const port = await freePort();
    const candidate = { port, dir, extra: await extra() };
    try {
      await launchAndWait(candidate);
      config = candidate;
      break;
    } catch (error) {
      // The free port was taken between the check and the bind: another port.
      if (attempt >= 4) throw error;
    }
  }
  const fixed = config as NodeConfig;
  const node: RedisNode = {
    port: fixed.port,
    dir,
    url: `redis://127.0.0.1:${fixed.port}`,
    start: () => launchAndWait(fixed),
    async stop() {
      if (child === undefined) return;
      const c = child;
      child = undefined;
      c.kill('SIGTERM');
      await exited(c);
    },
    async kill() {
      if (child === undefined) return;
      const c = child;
      child = undefined;
      c.kill('SIGKILL');
      await exited(c);
    },
    async destroy() {
      await node.kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return node;
}

/** One redis-server on a free port with a temporary directory. */
export function startRedis(): Promise<RedisNode> {
  return startNode(mkdtempSync(join(tmpdir(), 'tim-redis-')));
}

export interface RedisCluster {
  readonly nodes: RedisNode[];
  /** A node's URL: the stub finds the others through it. */
  readonly url: string;
  destroy(): Promise<void>;
}

/** Three masters, no replicas, all slots assigned, on free ports; `cluster_state:ok` when it resolves. */
export async function startRedisCluster(): Promise<RedisCluster> {
  const root = mkdtempSync(join(tmpdir(), 'tim-redis-cluster-'));
  const nodes: RedisNode[] = [];
  try {
    for (let i = 0; i < 3; i++) {
      const dir = join(root, `node${i}`);
      mkdirSync(dir);
      // The bus port is chosen too (by default it is port + 10000, which may be taken or past 65535).
      nodes.push(
        await startNode(dir, async () => [
          '--cluster-enabled',
          'yes',
          '--cluster-config-file',
          'nodes.conf',
          '--cluster-port',
          String(await freePort()),
          '--cluster-node-timeout',
          '2000',
        ]),
      );
    }
    await new Promise<void>((resolve, reject) => {
      execFile(
        REDIS_CLI,
        [
          '--cluster',
          'create',
          ...nodes.map((n) => `127.0.0.1:${n.port}`),
          '--cluster-replicas',
          '0',
          '--cluster-yes',
        ],
        { timeout: 30_000 },
        (error, _stdout, stderr) =>
          error ? reject(new Error(`redis-cli --cluster create: ${stderr}`)) : resolve(),
      );
    });
    for (const node of nodes) {
      await waitFor(`cluster_state:ok on port ${node.port}`, async () =>
        (await raw(node.port, 'CLUSTER INFO')).includes('cluster_state:ok'),
      );
    }
  } catch (error) {
    for (const node of nodes) await node.destroy();
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return {
    nodes,
    url: (nodes[0] as RedisNode).url,
    async destroy() {
      // Every node is signalled at once: none is left running if the process ends meanwhile.
      await Promise.all(nodes.map((node) => node.destroy()));
      rmSync(root, { recursive: true, force: true });
    },
  };
}
