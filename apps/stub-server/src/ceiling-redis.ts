// The ceiling shared by every replica on one Redis: the sliding window of one (app, command) is a sorted
// set of the admissions of the last window, scored by Redis's own clock (TIME, in microseconds), and
// every admission is one Lua script — trim, count, admit or refuse — so that two replicas never both
// take the last place. The replicas' clocks play no part, so a replica whose clock is off cannot stretch
// the window. Both keys of a window carry the same hash tag: one script touches one Redis Cluster slot.
//
// When Redis does not answer within `timeoutMs` (stopped, restarting, unreachable, slow) the admission
// rejects with CeilingUnavailable and the call is answered 50004 (retryable): a call is never admitted
// without the shared window's word, and never waits for it much longer than that (the admission runs
// through the store's script runner, redis-runner.ts, whose one watchdog notices a stalled command
// within timeoutMs and a fifth; on a Cluster, ioredis's command timeout). A script that Redis still
// runs after the answer was given counts an admission that was not used: the ceiling errs on the safe side.
import { createHash } from 'node:crypto';
import { LIMITS } from '@tim-marks/types';
import { Cluster } from 'ioredis';
import {
  CeilingUnavailable,
  type CeilingWindow,
  type CeilingWindowFactory,
  type SharedDecision,
  SlidingWindow,
} from './limiter.js';
import { connectRedis, type RedisSpec } from './store/redis-connection.js';
import { type RunScript, type Script, scriptRunner } from './store/redis-runner.js';

/**
 * KEYS[1] the log (sorted set: member "seconds.micros:seq", score microseconds), KEYS[2] the sequence
 * that keeps members unique when two admissions share a microsecond. ARGV[1] the ceiling (0: off, every
 * call is admitted and logged; the stub does not call it then), ARGV[2] the window in ms. Returns {admitted (1 or 0), calls in the window
 * counting this one when admitted, Redis's Unix second}. An entry leaves the window once it is windowMs old, as in the
 * in-process window (limiter.ts). Redis 7 replicates a script's effects, so TIME in a writing script is fine.
 */
export const ADMIT_SCRIPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window * 1000)
local n = redis.call('ZCARD', KEYS[1])
local ceiling = tonumber(ARGV[1])
if ceiling > 0 and n >= ceiling then return {0, n, tonumber(t[1])} end
local seq = redis.call('INCR', KEYS[2])
redis.call('ZADD', KEYS[1], now, t[1] .. '.' .. t[2] .. ':' .. seq)
redis.call('PEXPIRE', KEYS[1], window)
redis.call('PEXPIRE', KEYS[2], window)
return {1, n + 1, tonumber(t[1])}
`;

/** The admission as the store's script runner (redis-runner.ts) runs it: EVALSHA, EVAL on NOSCRIPT. */
export const ADMIT: Script = {
  name: 'ceilingAdmit',
  numberOfKeys: 2,
  lua: ADMIT_SCRIPT,
  sha: createHash('sha1').update(ADMIT_SCRIPT).digest('hex'),
};

/** What the window needs of a Redis client besides the script runner: ioredis's Redis and Cluster both have it. */
export interface WindowClient {
  del(...keys: string[]): Promise<number>;
  /** ioredis's connection state: anything but 'ready' refuses at once rather than queueing. */
  readonly status?: string;
}

export interface RedisCeilingOptions {
  /** Prefix of every key, the same as the store's. */
  keyPrefix: string;
  /** How long an admission waits for Redis before the call is answered 50004 (within the 100 ms promised). */
  timeoutMs: number;
}

export const DEFAULT_CEILING_TIMEOUT_MS = 80;

/** The keys of one window: `<prefix>ceiling:{<sdkappid>:<command>}:log` and `…:seq`, one hash slot. */
export function ceilingKeys(prefix: string, sdkAppId: number, command: string): [string, string] {
  const tag = `{${sdkAppId}:${command}}`;
  return [`${prefix}ceiling:${tag}:log`, `${prefix}ceiling:${tag}:seq`];
}

function unavailable(why: string): CeilingUnavailable {
  return new CeilingUnavailable(`the shared ceiling (Redis) is unavailable: ${why}`);
}

/** Why a command failed, as the ceiling says it: a timeout (the runner's or ioredis's) names the wait. */
function reason(error: unknown, timeoutMs: number): string {
  const text = error instanceof Error ? error.message : String(error);
  return text === 'Command timed out' ? `no answer within ${timeoutMs} ms` : text;
}

export class RedisWindow implements CeilingWindow {
  /** The largest shared-window count Redis reported at this replica's admissions. */
  private sharedMax = 0;
  /** With the ceiling off nothing goes to Redis; this replica's own calls are measured here instead. */
  private readonly local = new SlidingWindow(0);
  private readonly keys: [string, string];

  constructor(
    private readonly client: WindowClient,
    /** The connection's script runner: its one timeout (timeoutMs) bounds every admission. */
    private readonly run: RunScript,
    sdkAppId: number,
    command: string,
    public ceiling: number,
    private readonly options: RedisCeilingOptions,
    readonly windowMs: number = LIMITS.rateWindowMs,
  ) {
    this.keys = ceilingKeys(options.keyPrefix, sdkAppId, command);
  }

  get maxInWindow(): number {
    return Math.max(this.sharedMax, this.local.maxInWindow);
  }

  admit(now: number): boolean | Promise<SharedDecision> {
    // Off: nothing to share, so no round trip (and no 50004 when Redis is slow).
    if (this.ceiling <= 0) return this.local.admit(now);
    if (this.client.status !== undefined && this.client.status !== 'ready') {
      return Promise.reject(unavailable(`the connection is ${this.client.status}`));
    }
    return this.run(ADMIT, [...this.keys, this.ceiling, this.windowMs]).then(this.decided, this.failed);
  }

  /** The script's answer {admitted (1 or 0), calls in the window, Redis's Unix second}. */
  private readonly decided = (answer: unknown): SharedDecision => {
    const [admitted, inWindow, second] = answer as [number, number, number];
    // The count Redis returns is the shared window's: the largest one any replica saw is the exact
    // global figure, so the aggregate of the replicas' stats is their maximum (see README).
    if (inWindow > this.sharedMax) this.sharedMax = inWindow;
    return { admitted: admitted === 1, second };
  };

  /** Any failure of the admission's command (the runner's timeout included) answers 50004. */
  private readonly failed = (error: unknown): never => {
    throw unavailable(reason(error, this.options.timeoutMs));
  };

  /** Deletes the window. A control-plane call, not an admission: retried for up to about 2 s. */
  async reset(): Promise<void> {
    this.sharedMax = 0;
    this.local.reset();
    for (let attempt = 1; ; attempt++) {
      try {
        await within(this.client.del(...this.keys), this.options.timeoutMs);
        return;
      } catch (error) {
        if (attempt >= 20) throw error;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  }
}

/** Rejects with CeilingUnavailable when `promise` has not settled in `ms`, or settles with an error. */
function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(unavailable(`no answer within ${ms} ms`)), ms);
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(unavailable(error instanceof Error ? error.message : String(error)));
      },
    );
  });
}

/** Windows kept in Redis through `client`, one per (app, command). */
export function redisWindows(
  client: WindowClient,
  run: RunScript,
  options: RedisCeilingOptions,
): CeilingWindowFactory {
  return (sdkAppId, command, ceiling) => new RedisWindow(client, run, sdkAppId, command, ceiling, options);
}

/**
 * The shared ceiling of a stub on `--store redis://…`: a connection of its own (made by the store's
 * connection module, so with the same fail-fast settings), so that ceiling scripts never queue behind
 * the store's, and windows under the store's key prefix.
 */
export async function connectCeiling(
  spec: RedisSpec,
  timeoutMs = DEFAULT_CEILING_TIMEOUT_MS,
): Promise<{ windows: CeilingWindowFactory; close(): void }> {
  const client = await connectRedis(spec, { name: 'tim-marks-stub-ceiling', commandTimeoutMs: timeoutMs });
  client.on('error', () => {});
  // A Cluster client runs the admission as an ioredis-defined command (scriptRunner's Cluster path).
  client.defineCommand(ADMIT.name, { numberOfKeys: ADMIT.numberOfKeys, lua: ADMIT.lua });
  // Load the script on every master now, which also opens the connection to each (a Cluster client
  // connects to a node on its first command, and refuses that command: no offline queue). Otherwise
  // the first admissions after a start would answer 50004.
  const masters = client instanceof Cluster ? client.nodes('master') : [client];
  const deadline = Date.now() + 3_000;
  for (;;) {
    try {
      await Promise.all(masters.map((node) => node.script('LOAD', ADMIT_SCRIPT)));
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        client.disconnect();
        throw new Error(
          `cannot load the ceiling script into Redis at ${spec.display}: ${(error as Error).message}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    windows: redisWindows(client, scriptRunner(client, timeoutMs), { keyPrefix: spec.prefix, timeoutMs }),
    close: () => client.disconnect(),
  };
}
