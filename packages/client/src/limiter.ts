import type { Clock } from './clock.js';

// Admission: when may a call be sent? Two rules, applied together, first come first served:
//
// 1. The rate: fewer than `limit` calls of one command sent in the last `windowMs + margin`. A call
//    is stamped when it is *sent* (admission hands the request to undici at once, see rule 2). The
//    server counts it on arrival, `send + u` later, where the one-way delay u varies between calls;
//    calls sent inside any span of `windowMs + spread(u)` are the only ones that can arrive inside
//    one server window. The spread of u is bounded by the spread of the round trips we observe, so
//    that is the margin, measured, not guessed (fastest to 90th percentile: see LatencyEstimate),
//    plus what the server's own 60007s taught (each stall widens the window by 10 ms, given back at 1 ms
//    per 20 answers). Behind a steady 300 ms the margin is
//    a few milliseconds, and the throughput `limit / (windowMs + margin)` stays near the ceiling
//    whatever the latency (holding the slot until the answer cost `limit / (windowMs + RTT)`).
//    Past a short burst, the sends of one command are paced at `limit / windowMs`: bursts make the
//    round trips spread (and so the margin grow); paced sends keep them steady.
// 2. The connections: at most `inFlightBudget()` calls in flight, sized by Little's law from the
//    rate the limiter allows and the round trip observed (`rate x RTT x 2`), never above
//    `maxInFlight` (the pool's connections). So a granted call always finds a free connection and
//    leaves at once: a request queued inside the pool after its stamp could reach the server in a
//    burst the window did not see.

/** What admission reads of the round trips: the margin of the rate window and the longest recent one. */
export interface LatencyModel {
  /** Widening of the rate window, in ms. */
  readonly margin: number;
  /** The longest recent round trip, in ms. */
  readonly high: number;
  record(rttMs: number): void;
}

/**
 * Recent round trips (send to answer) of one client, for the margin and the connection budget.
 *
 * The margin is the spread of the round trips from the fastest to the 90th percentile, not to the
 * slowest: the slowest tenth is mostly this process or the machine stalling (a GC, another busy
 * process), which delays the answer, not the request's arrival, and widening the window for it would
 * cost every call. A request that really arrived that late meets a 60007, which is retried like any
 * other (the bench counts them).
 */
export class LatencyEstimate implements LatencyModel {
  private readonly samples: Float64Array;
  private readonly sorted: Float64Array;
  private count = 0;
  private next = 0;
  private sinceRefresh = 0;
  private highMs = 0;
  private spreadMs = 0;

  constructor(
    /**
     * How many recent round trips are kept: more than one window of a command at the ceiling (200),
     * not many more, so that a slow start (connections opening, a cold JIT) is forgotten in about a
     * second at the ceiling.
     */
    size = 256,
    /** The margin used before `warmup` round trips are known. */
    private readonly initialMarginMs = 100,
    private readonly warmup = 8,
  ) {
    this.samples = new Float64Array(size);
    this.sorted = new Float64Array(size);
  }

  record(rttMs: number): void {
    this.samples[this.next] = rttMs;
    this.next = (this.next + 1) % this.samples.length;
    if (this.count < this.samples.length) this.count += 1;
    // Sorting the ring on every answer would cost more than the rest of the call; every 64th answer
    // is fresh enough (a new maximum counts at once, for the connection budget).
    if (rttMs > this.highMs) this.highMs = rttMs;
    this.sinceRefresh += 1;
    if (this.sinceRefresh >= 64 || this.count <= this.warmup) this.refresh();
  }

  private refresh(): void {
    this.sinceRefresh = 0;
    const sorted = this.sorted.subarray(0, this.count);
    sorted.set(this.samples.subarray(0, this.count));
    sorted.sort();
    const low = sorted[0] ?? 0;
    this.highMs = sorted[this.count - 1] ?? 0;
    this.spreadMs = (sorted[Math.floor((this.count - 1) * 0.9)] ?? low) - low;
  }

  /** The longest recent round trip, in ms (0 before the first answer). */
  get high(): number {
    return this.highMs;
  }

  /**
   * How much later than its send stamp a call may reach the server, relative to the others: the
   * 90th percentile round trip minus the fastest (100 ms until eight are known).
   */
  get margin(): number {
    return this.count < this.warmup ? this.initialMarginMs : this.spreadMs;
  }
}

/** A granted call: `sentAt` is its stamp; `done()` when its answer (or failure) arrives. */
export interface Ticket {
  readonly sentAt: number;
  /** Frees its connection and records its round trip. Idempotent. */
  done(): void;
}

interface Waiter {
  queue: CommandQueue;
  resolve(ticket: Ticket): void;
  reject(reason: unknown): void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
}

/** The send stamps and the waiting callers of one command. */
class CommandQueue {
  /** The pacing bucket: sends allowed now without waiting for the pace (see Admission.burst). */
  tokens = Number.POSITIVE_INFINITY;
  refilledAt = 0;

  /** Send stamps, oldest first; those before `head` have left the window. */
  private times: number[] = [];
  private head = 0;

  /** Stamps inside the window. */
  get count(): number {
    return this.times.length - this.head;
  }

  /** The oldest stamp inside the window (call only when count > 0). */
  get oldest(): number {
    return this.times[this.head] as number;
  }

  push(time: number): void {
    this.times.push(time);
  }

  /** Drops the stamps at or before `horizon`. */
  dropUntil(horizon: number): void {
    const times = this.times;
    while (this.head < times.length && (times[this.head] as number) <= horizon) this.head += 1;
    // Compact now and then, not on every drop: a shift per call would copy the whole window.
    if (this.head > 256 && this.head * 2 > times.length) {
      this.times = times.slice(this.head);
      this.head = 0;
    }
  }
  readonly waiters: Waiter[] = [];
}

export interface AdmissionOptions {
  /** Calls of one command per window; `false` = no rate rule (the connection rule still holds). */
  limit: number | false;
  windowMs: number;
  /** The most calls in flight at once (the pool's connections). */
  maxInFlight: number;
  clock: Clock;
  latency?: LatencyModel;
}

/** The fewest calls in flight allowed before any round trip is known, and the floor after. */
export const MIN_IN_FLIGHT = 16;
/**
 * Spare share of the connection budget over Little's law. The rate rule lets a window's calls go
 * in a burst; a budget of just rate x RTT would spread each burst over several round trips and
 * cost throughput (measured: 180/s behind 300 ms with 1.25).
 */
const IN_FLIGHT_HEADROOM = 2;
/** What one 60007 adds to the window, what each answer takes back, and the most it can add. */
const REFUSAL_STEP_MS = 10;
const REFUSAL_DECAY_MS = 0.05;
/** Refusals closer than this to the last one counted are the same stall. */
const REFUSAL_QUIET_MS = 250;
const MAX_REFUSAL_MARGIN_MS = 500;
/** Calls of one command that may always go at once (unless the window is full). */
const MIN_BURST = 20;
/** Added to the measured margin: the clock is read in whole milliseconds, the server's is finer. */
const MARGIN_FLOOR_MS = 2;

/**
 * Decides when each call of one client may be sent: the rate of its command (stamped at send time,
 * window widened by the measured spread of round trips) and the client's calls in flight (sized from
 * the rate and the observed round trip). Waiters are served first come, first served.
 */
export class Admission {
  readonly limit: number | false;
  readonly windowMs: number;
  readonly maxInFlight: number;
  readonly latency: LatencyModel;
  private readonly clock: Clock;
  private readonly queues = new Map<string, CommandQueue>();
  /** Every waiter of every command, in arrival order. */
  private waiters: Waiter[] = [];
  private inFlight = 0;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(options: AdmissionOptions) {
    const { limit, windowMs, maxInFlight } = options;
    if (limit !== false && (!Number.isSafeInteger(limit) || limit < 1)) {
      throw new RangeError('limit must be an integer >= 1');
    }
    if (!(windowMs > 0)) throw new RangeError('windowMs must be > 0');
    if (!Number.isSafeInteger(maxInFlight) || maxInFlight < 1)
      throw new RangeError('maxInFlight must be an integer >= 1');
    this.limit = limit;
    this.windowMs = windowMs;
    this.maxInFlight = maxInFlight;
    this.clock = options.clock;
    this.latency = options.latency ?? new LatencyEstimate();
  }

  /**
   * Widening learnt from the server itself: each 60007 it answers (once per stall) adds REFUSAL_STEP_MS, each answer
   * without one takes back REFUSAL_DECAY_MS. The round trips cannot tell a late arrival from a late
   * answer; the server's refusals can, so the window settles just wide enough.
   */
  private refusalMarginMs = 0;
  private lastRefusalAt = Number.NEGATIVE_INFINITY;

  /** The window a send stamp counts in: the server's, widened by the measured margins. */
  get effectiveWindowMs(): number {
    return this.windowMs + this.latency.margin + this.refusalMarginMs + MARGIN_FLOOR_MS;
  }

  /** The server refused a call of ours for the rate (60007): widen the window. */
  refused(): void {
    // One stall of the link refuses several calls at once: count it once.
    const now = this.clock.now();
    if (now - this.lastRefusalAt < REFUSAL_QUIET_MS) return;
    this.lastRefusalAt = now;
    this.refusalMarginMs = Math.min(MAX_REFUSAL_MARGIN_MS, this.refusalMarginMs + REFUSAL_STEP_MS);
  }

  /**
   * How many calls may be in flight: Little's law for the rate the limiter allows (per command with
   * calls in the window) times the longest recent round trip, with headroom; within
   * [MIN_IN_FLIGHT, maxInFlight].
   */
  inFlightBudget(): number {
    if (this.limit === false) return this.maxInFlight;
    let active = 0;
    for (const queue of this.queues.values()) {
      if (queue.count > 0 || queue.waiters.length > 0) active += 1;
    }
    const rate = (Math.max(1, active) * this.limit) / this.windowMs;
    const need = Math.ceil(rate * this.latency.high * IN_FLIGHT_HEADROOM) + 1;
    return Math.min(this.maxInFlight, Math.max(MIN_IN_FLIGHT, need));
  }

  /** Calls of `command` stamped inside the effective window now. */
  sentInWindow(command: string): number {
    const queue = this.queues.get(command);
    if (queue === undefined) return 0;
    this.prune(queue, this.clock.now());
    return queue.count;
  }

  /** Calls sent and not yet answered. */
  get inFlightCount(): number {
    return this.inFlight;
  }

  /** Calls waiting to be sent. */
  get waiting(): number {
    return this.waiters.length;
  }

  /**
   * A Ticket at once when a call of `command` may be sent now and nobody waits before it; else
   * undefined (then `acquire`). Saves the promise and the queue on the path of every unhurried call.
   */
  tryAcquire(command: string): Ticket | undefined {
    if (this.waiters.length > 0 || this.inFlight >= this.inFlightBudget()) return undefined;
    const now = this.clock.now();
    if (this.limit !== false) {
      let queue = this.queues.get(command);
      if (queue === undefined) {
        queue = new CommandQueue();
        this.queues.set(command, queue);
      }
      if (this.readyAt(queue, now) > now) return undefined;
      this.stamp(queue, now);
    }
    this.inFlight += 1;
    return new GrantedCall(this, now);
  }

  /**
   * Resolves with a Ticket when a call of `command` may be sent (send it at once: the stamp is
   * taken now). Rejects with the signal's reason if `signal` aborts first.
   */
  acquire(command: string, signal?: AbortSignal): Promise<Ticket> {
    if (signal?.aborted) return Promise.reject(signal.reason);
    let queue = this.queues.get(command);
    if (queue === undefined) {
      queue = new CommandQueue();
      this.queues.set(command, queue);
    }
    const target = queue;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = { queue: target, resolve, reject, signal, onAbort: undefined };
      if (signal !== undefined) {
        waiter.onAbort = () => {
          this.remove(waiter);
          reject(signal.reason);
          // The queue moved: a waiter of another command behind this one may go now.
          this.pump();
        };
        signal.addEventListener('abort', waiter.onAbort, { once: true });
      }
      this.waiters.push(waiter);
      target.waiters.push(waiter);
      this.pump();
    });
  }

  private remove(waiter: Waiter): void {
    const all = this.waiters.indexOf(waiter);
    if (all >= 0) this.waiters.splice(all, 1);
    const own = waiter.queue.waiters.indexOf(waiter);
    if (own >= 0) waiter.queue.waiters.splice(own, 1);
  }

  /**
   * Calls of one command that may go at once; after them, one per `windowMs / limit` (5 ms at 200/s).
   * The window rule alone lets a whole window's calls go in one burst, and a burst of 200 queues at
   * the server and in the client: its round trips spread, the margin grows and the throughput falls.
   * Paced, the sends of a busy command stay smooth and the margin stays a few milliseconds.
   */
  get burst(): number {
    if (this.limit === false) return Number.POSITIVE_INFINITY;
    return Math.min(this.limit, Math.max(MIN_BURST, Math.ceil(this.limit / 10)));
  }

  /** When a call of this command may go: now, or the time the window or the pace allows it. */
  private readyAt(queue: CommandQueue, now: number): number {
    const limit = this.limit as number;
    this.prune(queue, now);
    if (queue.count >= limit) return queue.oldest + this.effectiveWindowMs;
    const perMs = limit / this.windowMs;
    queue.tokens = Math.min(this.burst, queue.tokens + (now - queue.refilledAt) * perMs);
    queue.refilledAt = now;
    if (queue.tokens >= 1) return now;
    return now + Math.ceil((1 - queue.tokens) / perMs);
  }

  private stamp(queue: CommandQueue, now: number): void {
    queue.push(now);
    queue.tokens -= 1;
  }

  private prune(queue: CommandQueue, now: number): void {
    const horizon = now - this.effectiveWindowMs;
    queue.dropUntil(horizon);
  }

  private pump(): void {
    if (this.waiters.length === 0) return;
    const now = this.clock.now();
    const budget = this.inFlightBudget();
    let wakeAt = Number.POSITIVE_INFINITY;
    const blocked = new Set<CommandQueue>();
    const granted: Waiter[] = [];
    // First come, first served per command; a command at its rate does not hold up another one.
    for (const waiter of this.waiters) {
      if (this.inFlight + granted.length >= budget) break;
      const queue = waiter.queue;
      if (blocked.has(queue)) continue;
      if (this.limit !== false) {
        const ready = this.readyAt(queue, now);
        if (ready > now) {
          blocked.add(queue);
          wakeAt = Math.min(wakeAt, ready);
          continue;
        }
        this.stamp(queue, now);
      }
      granted.push(waiter);
    }
    if (granted.length > 0) {
      const done = new Set(granted);
      this.waiters = this.waiters.filter((waiter) => !done.has(waiter));
      for (const waiter of granted) {
        const own = waiter.queue.waiters;
        own.splice(own.indexOf(waiter), 1);
        if (waiter.onAbort !== undefined) waiter.signal?.removeEventListener('abort', waiter.onAbort);
        this.inFlight += 1;
        waiter.resolve(this.ticket(now));
      }
    }
    // Blocked by the rate: wake when the oldest stamp leaves the window. Blocked by the connections:
    // the next answer pumps.
    if (wakeAt < this.timerAt) this.arm(wakeAt, now);
  }

  private arm(at: number, now: number): void {
    this.timerAt = at;
    this.clock.sleep(Math.max(0, at - now)).then(
      () => {
        if (this.timerAt === at) this.timerAt = Number.POSITIVE_INFINITY;
        this.pump();
      },
      () => {
        if (this.timerAt === at) this.timerAt = Number.POSITIVE_INFINITY;
      },
    );
  }

  private ticket(sentAt: number): Ticket {
    return new GrantedCall(this, sentAt);
  }

  /** A granted call was answered (or failed): free its place and learn its round trip. */
  finished(sentAt: number): void {
    this.inFlight -= 1;
    if (this.refusalMarginMs > 0) this.refusalMarginMs = Math.max(0, this.refusalMarginMs - REFUSAL_DECAY_MS);
    this.latency.record(this.clock.now() - sentAt);
    this.pump();
  }
}

class GrantedCall implements Ticket {
  private finished = false;
  constructor(
    private readonly admission: Admission,
    readonly sentAt: number,
  ) {}

  done(): void {
    if (this.finished) return;
    this.finished = true;
    this.admission.finished(this.sentAt);
  }
}
