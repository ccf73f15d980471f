// The one place a Redis client is made from `--store redis://HOST:PORT[/DB]` (or `rediss://`): the
// Redis store and the global ceiling share it. Settings are fail-fast, because a stub that waits for
// a missing Redis turns every call into a hang: no offline queue (a command while disconnected fails
// at once instead of piling up in memory), a short command timeout (a stalled Redis answers 50004 in
// half a second; a stopped one fails at once), no retry of a command that was in flight when the connection dropped (it may
// or may not have run: the caller answers 50004 and the client retries), and reconnection by itself
// in the background, forever, with a short capped back-off.
//
// One node or a Redis Cluster: the URL names any node; a node that reports `cluster_enabled:1` makes
// the connection a Cluster client seeded with it (every key a script touches must then share one
// slot, which the store's hash tags guarantee).
import { Cluster, Redis, type RedisOptions } from 'ioredis';

export type StoreSpec =
  | { kind: 'memory' }
  | {
      kind: 'redis';
      /** The URL as given, with any password replaced by `***` (for logs, health and banners). */
      display: string;
      host: string;
      port: number;
      db: number;
      tls: boolean;
      username: string | undefined;
      password: string | undefined;
      /** Put before every key (`?prefix=NAME`): several stub deployments (or tests) share one Redis. */
      prefix: string;
      /** `?commandTimeout=MS`: an API call's Redis command not answered by then answers 50004. */
      commandTimeoutMs: number;
    };

export const DEFAULT_REDIS_PORT = 6379;
/** Every key of the stub starts with this unless `?prefix=` says otherwise. */
export const DEFAULT_KEY_PREFIX = 'tm:';

export class StoreOptionError extends Error {
  override name = 'StoreOptionError';
}

/** Reads `memory`, `redis://[USER:PASSWORD@]HOST[:PORT][/DB][?prefix=NAME]` or `rediss://…`. */
export function parseStoreOption(text: string): StoreSpec {
  const usage = 'memory, redis://HOST:PORT[/DB] or rediss://HOST:PORT[/DB]';
  if (text === 'memory') return { kind: 'memory' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StoreOptionError(`must be ${usage}, got ${JSON.stringify(text)}`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new StoreOptionError(`must be ${usage}; the scheme ${url.protocol.slice(0, -1)} is not supported`);
  }
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (host === '') throw new StoreOptionError(`${JSON.stringify(text)} names no host (${usage})`);
  const port = url.port === '' ? DEFAULT_REDIS_PORT : Number(url.port);
  const path = url.pathname.replace(/^\//, '');
  if (path !== '' && !/^(?:[0-9]|1[0-5])$/.test(path)) {
    throw new StoreOptionError(
      `the database in ${JSON.stringify(text)} must be 0..15, got ${JSON.stringify(path)}`,
    );
  }
  for (const name of url.searchParams.keys()) {
    if (name !== 'prefix' && name !== 'commandTimeout') {
      throw new StoreOptionError(
        `unknown parameter ${name} in the store URL (only prefix and commandTimeout)`,
      );
    }
  }
  const timeout = url.searchParams.get('commandTimeout') ?? String(DEFAULT_COMMAND_TIMEOUT_MS);
  if (!/^[0-9]{1,6}$/.test(timeout) || Number(timeout) < 1) {
    throw new StoreOptionError(
      `commandTimeout in the store URL must be milliseconds (1..999999), got ${JSON.stringify(timeout)}`,
    );
  }
  const password = url.password === '' ? undefined : decodeURIComponent(url.password);
  const shown = new URL(url.href);
  if (password !== undefined) shown.password = '***';
  return {
    kind: 'redis',
    display: shown.href,
    host,
    port,
    db: path === '' ? 0 : Number(path),
    tls: url.protocol === 'rediss:',
    username: url.username === '' ? undefined : decodeURIComponent(url.username),
    password,
    prefix: url.searchParams.get('prefix') ?? DEFAULT_KEY_PREFIX,
    commandTimeoutMs: Number(timeout),
  };
}

export type RedisSpec = Extract<StoreSpec, { kind: 'redis' }>;
export type RedisClient = Redis | Cluster;

export interface ConnectOptions {
  /** A command not answered in this time fails (the API answers 50004). Default DEFAULT_COMMAND_TIMEOUT_MS. */
  commandTimeoutMs?: number;
  /** How long the first connection may take before the stub refuses to start. Default 3000 ms. */
  connectTimeoutMs?: number;
  /** CLIENT SETNAME, seen in `CLIENT LIST`. */
  name?: string;
}

/**
 * A stopped or restarting Redis fails a command at once (connection refused or closed, or LOADING);
 * this bounds only a Redis that accepts and then stalls. Long enough not to fail healthy calls on a
 * busy 2-core machine, short enough that a stalled Redis answers 50004 in half a second.
 */
export const DEFAULT_COMMAND_TIMEOUT_MS = 500;

/** Reconnect after 20, 40, … ms, at most every 500 ms, forever: the stub heals by itself. */
const reconnectDelay = (times: number): number => Math.min(times * 20, 500);

function nodeOptions(spec: RedisSpec, options: ConnectOptions): RedisOptions {
  return {
    ...(spec.username === undefined ? {} : { username: spec.username }),
    ...(spec.password === undefined ? {} : { password: spec.password }),
    ...(spec.tls ? { tls: { servername: spec.host } } : {}),
    ...(options.name === undefined ? {} : { connectionName: options.name }),
    commandTimeout: options.commandTimeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS,
    connectTimeout: options.connectTimeoutMs ?? 3_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    enableReadyCheck: true,
    autoResubscribe: false,
    // Commands of concurrent requests issued in one tick go out in one write (and one read): the
    // stub's CPU per call, not Redis, is what limits it. (On one node the API's scripts bypass it:
    // redis-runner.ts corks the connection instead, which costs less per call.)
    enableAutoPipelining: true,
  };
}

/**
 * A connected client (one node, or a Cluster when the node says so). Rejects with a clear message
 * when Redis cannot be reached in `connectTimeoutMs`.
 */
export async function connectRedis(spec: RedisSpec, options: ConnectOptions = {}): Promise<RedisClient> {
  const base = nodeOptions(spec, options);
  const where = spec.display;
  // The probe may queue its one INFO until connected; the client it hands over may not.
  const probe = new Redis({
    ...base,
    host: spec.host,
    port: spec.port,
    db: spec.db,
    enableOfflineQueue: true,
    commandTimeout: options.connectTimeoutMs ?? 3_000,
    retryStrategy: () => null,
    lazyConnect: true,
  });
  // An 'error' event without a listener would end the process: errors surface as rejected commands.
  // The socket's own error (ECONNREFUSED, a TLS or auth failure) says more than "Connection is closed".
  let cause: Error | undefined;
  probe.on('error', (error: Error) => {
    cause ??= error;
  });
  let clustered: boolean;
  try {
    await probe.connect();
    clustered = /^cluster_enabled:1/m.test(await probe.info('cluster'));
  } catch (error) {
    probe.disconnect();
    throw new Error(`cannot reach Redis at ${where}: ${(cause ?? (error as Error)).message}`);
  }
  if (!clustered) {
    probe.options.retryStrategy = reconnectDelay;
    probe.options.enableOfflineQueue = false;
    probe.options.commandTimeout = base.commandTimeout;
    return probe;
  }
  probe.disconnect();
  if (spec.db !== 0) throw new Error(`Redis at ${where} is a cluster: it has only database 0`);
  const { db: _db, ...clusterNode } = base;
  const cluster = new Cluster([{ host: spec.host, port: spec.port }], {
    redisOptions: clusterNode,
    enableOfflineQueue: false,
    clusterRetryStrategy: reconnectDelay,
    // A slot moved while a node was down is looked up again, briefly; no command waits for long.
    retryDelayOnClusterDown: 50,
    retryDelayOnFailover: 50,
    retryDelayOnTryAgain: 50,
    maxRedirections: 4,
    scaleReads: 'master',
    enableAutoPipelining: true,
  });
  cluster.on('error', () => {});
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error('the cluster did not become ready')),
        options.connectTimeoutMs ?? 3_000,
      );
      cluster.once('ready', () => {
        clearTimeout(timer);
        resolve();
      });
    });
  } catch (error) {
    cluster.disconnect();
    throw new Error(`cannot reach the Redis Cluster at ${where}: ${(error as Error).message}`);
  }
  return cluster;
}

/** `connected` when commands can be sent now; otherwise Redis is being reconnected to. */
export function connectionState(client: RedisClient): 'connected' | 'reconnecting' | 'closed' {
  if (client.status === 'ready') return 'connected';
  if (client.status === 'end') return 'closed';
  return 'reconnecting';
}

/** A Redis error that means "not reachable right now" (the call may be retried), not a bug. */
export function isUnavailable(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const text = error.message;
  return (
    /Command timed out|Connection is closed|Stream isn't writeable|enableOfflineQueue|max retries|ECONNREFUSED|ECONNRESET|EPIPE|ETIMEDOUT|CLUSTERDOWN|TRYAGAIN|LOADING|MASTERDOWN|Cluster isn't ready|None of startup nodes|Failed to refresh slots/i.test(
      text,
    ) || error.name === 'MaxRetriesPerRequestError'
  );
}
