// An open-model arrival-rate driver on undici: calls start on their schedule whether or not earlier calls
// have answered (like k6's constant-arrival-rate), over a pre-warmed Pool with pipelining 1, so that a slow
// answer never delays the next call. Calls that could not start on time are counted, not hidden.
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { type Dispatcher, Pool } from 'undici';

export interface OutgoingCall {
  /** Path and query, e.g. `/v4/recentcontact/mark_contact?sdkappid=...`. */
  path: string;
  body: string;
}

/** One stream of calls at a constant arrival rate. */
export interface Stream<Tag extends string = string> {
  tag: Tag;
  /** Calls per `perMs` (default per second). */
  rate: number;
  perMs?: number;
  /** Builds call number `index` of the stream. */
  call(index: number): OutgoingCall;
}

export interface CallResult<Tag extends string = string> {
  tag: Tag;
  index: number;
  /** Unix ms the call was due, and when it started (wall clock, comparable with the server's seconds). */
  dueAt: number;
  startedAt: number;
  latencyMs: number;
  /** HTTP status, 0 when the call failed below HTTP. */
  status: number;
  body: string;
  error?: string;
}

export interface DriveReport<Tag extends string = string> {
  results: CallResult<Tag>[];
  /** Calls that started more than `lateToleranceMs` after their due time, or found no free connection. */
  late: number;
  maxLatenessMs: number;
  startedAt: number;
  endedAt: number;
}

export interface DriveOptions {
  durationMs: number;
  /**
   * Pace each stream as an honest client at a ceiling does: call i never starts less than
   * `windowMs` after call i - rate started, so that no window of `windowMs` holds more than `rate`
   * starts even after a late start (which would otherwise be followed by a burst). The margin beyond
   * the server's window absorbs the transport's jitter; see README "Pacing at the ceiling".
   */
  windowGuardMs?: number;
  /** How late a start may be and still count as on time; default 10 ms (two slots at 200/s). */
  lateToleranceMs?: number;
  timeoutMs?: number;
}

export interface PoolOptions {
  connections?: number;
  /** A path that answers quickly, used to open every connection before the run. */
  warmPath?: string;
}

/** What the driver needs of its connections: one target's Pool, or several replicas' (RoundRobin). */
export interface CallPool {
  request(options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData>;
  readonly stats: { readonly free: number };
  close(): Promise<void>;
}

/**
 * Replicas behind one CallPool: call i goes to replica i mod n, so that each replica gets an equal share
 * of every stream (what a round-robin load balancer in front of them does).
 */
export class RoundRobin implements CallPool {
  private next = 0;

  constructor(private readonly pools: readonly Pool[]) {
    if (pools.length === 0) throw new TypeError('RoundRobin needs at least one pool');
  }

  request(options: Dispatcher.RequestOptions): Promise<Dispatcher.ResponseData> {
    const pool = this.pools[this.next] as Pool;
    this.next = (this.next + 1) % this.pools.length;
    return pool.request(options);
  }

  get stats(): { free: number } {
    return { free: this.pools.reduce((free, pool) => free + pool.stats.free, 0) };
  }

  async close(): Promise<void> {
    await Promise.all(this.pools.map((pool) => pool.close()));
  }
}

/** Warmed pools to every origin, taken in turn; `connections` is per origin. */
export async function warmPools(origins: readonly string[], options: PoolOptions = {}): Promise<CallPool> {
  const pools = await Promise.all(origins.map((origin) => warmPool(origin, options)));
  return pools.length === 1 ? (pools[0] as Pool) : new RoundRobin(pools);
}

/** A Pool with every connection already open, so that no call of the run pays for a handshake. */
export async function warmPool(origin: string, options: PoolOptions = {}): Promise<Pool> {
  const connections = options.connections ?? 32;
  const pool = new Pool(origin, { connections, pipelining: 1, keepAliveTimeout: 60_000 });
  // Concurrent requests on a pipelining-1 pool each need their own connection.
  await Promise.all(
    Array.from({ length: connections }, async () => {
      const res = await pool.request({ method: 'GET', path: options.warmPath ?? '/' });
      await res.body.dump();
    }),
  );
  return pool;
}

/** Runs the streams together for `durationMs` and resolves once every call has answered. */
export async function drive<Tag extends string>(
  pool: CallPool,
  streams: readonly Stream<Tag>[],
  options: DriveOptions,
): Promise<DriveReport<Tag>> {
  const tolerance = options.lateToleranceMs ?? 10;
  const results: CallResult<Tag>[] = [];
  const inFlight = new Set<Promise<void>>();
  const totals = streams.map((s) => Math.floor((s.rate * options.durationMs) / (s.perMs ?? 1000)));
  const next = streams.map(() => 0);
  // Per stream, the start times of its last `rate` calls (a ring), for the window guard.
  const starts = streams.map((s) => new Float64Array(Math.max(1, Math.round(s.rate))));
  const guard = options.windowGuardMs;
  const allowedAt = (k: number, index: number) => {
    const ring = starts[k]!;
    const dueAt = t0 + dueOffset(k, index);
    return guard === undefined || index < ring.length
      ? dueAt
      : Math.max(dueAt, ring[index % ring.length]! + guard);
  };
  let late = 0;
  let maxLatenessMs = 0;
  // Both clocks: the monotonic one to schedule, the wall clock to line results up with the server's seconds.
  const t0 = performance.now() + 5;
  const wall0 = Date.now() + (t0 - performance.now());
  const dueOffset = (k: number, index: number) =>
    (index * (streams[k]?.perMs ?? 1000)) / (streams[k]?.rate ?? 1);

  const start = (k: number, index: number, now: number) => {
    const stream = streams[k]!;
    starts[k]![index % starts[k]!.length] = now;
    const lateness = now - (t0 + dueOffset(k, index));
    if (lateness > tolerance || pool.stats.free === 0) late++;
    maxLatenessMs = Math.max(maxLatenessMs, lateness);
    const { path, body } = stream.call(index);
    const result: CallResult<Tag> = {
      tag: stream.tag,
      index,
      dueAt: wall0 + dueOffset(k, index),
      startedAt: wall0 + (now - t0),
      latencyMs: 0,
      status: 0,
      body: '',
    };
    const pending = pool
      .request({
        method: 'POST',
        path,
        body,
        headers: { 'content-type': 'application/json' },
        headersTimeout: options.timeoutMs ?? 10_000,
        bodyTimeout: options.timeoutMs ?? 10_000,
      })
      .then(async (res) => {
        result.status = res.statusCode;
        result.body = await res.body.text();
      })
      .catch((error: unknown) => {
        result.error = error instanceof Error ? error.message : String(error);
      })
      .finally(() => {
        result.latencyMs = performance.now() - now;
        results.push(result);
        inFlight.delete(pending);
      });
    inFlight.add(pending);
  };

  for (;;) {
    const now = performance.now();
    let earliest = Number.POSITIVE_INFINITY;
    streams.forEach((_, k) => {
      while (next[k]! < totals[k]! && allowedAt(k, next[k]!) <= now) start(k, next[k]!++, now);
      if (next[k]! < totals[k]!) earliest = Math.min(earliest, allowedAt(k, next[k]!));
    });
    if (earliest === Number.POSITIVE_INFINITY) break;
    await sleep(Math.max(0, earliest - performance.now()));
  }
  const endedAt = wall0 + options.durationMs;
  while (inFlight.size > 0) await Promise.all(inFlight);
  results.sort((a, b) => a.dueAt - b.dueAt);
  return { results, late, maxLatenessMs, startedAt: wall0, endedAt };
}
