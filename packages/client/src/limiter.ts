import type { Clock } from './clock.js';

// Admission: when may a call be sent? Two rules, applied together, first come first served:
//
// 1. The rate: fewer than `limit` calls of one command in its window. The server counts a call when
//    it *arrives*, `u` after we send it, and u varies from call to call; so each call counts here
//    from its send until `windowMs` after the latest it can have arrived:
//      - while unanswered: it counts (it may still arrive);
//      - once answered after a round trip r: until `sentAt + (r - rMin) + windowMs`, where rMin is
//        the fastest recent round trip. A call answered r - rMin late cannot have arrived more than
//        that late (the answer came back no faster than the fastest), and a call that was not late
//        leaves the window exactly `windowMs` after its send.
//    Behind a steady round trip every call leaves on time, so the throughput is `limit / windowMs`
//    whatever the latency (holding the slot until the answer gave `limit / (windowMs + r)`); a call
//    that stalled on its way holds its slot just as long as it was late, and no other call does.
//    When a new fastest round trip shows that earlier answers were later than they looked (a slow
//    first second), every answered call in the window is extended by the difference.
//    Each 60007 the server still answers (once per stall) widens every window by 10 ms, given back
//    at 1 ms per 20 answers: a backstop for what round trips cannot see.
//    Past a short burst, the sends of one command are paced at `limit / windowMs`: a whole window
//    sent at once queues at the server and in the client, and every call of it comes back late.
// 2. The connections: at most `inFlightBudget()` calls in flight, sized by Little's law from the
//    rate the limiter allows and the round trip observed (`rate x RTT x 2`), never above
//    `maxInFlight` (the pool's connections). So a granted call always finds a free connection and
//    leaves at once: a request queued inside the pool after its stamp would be late by design.

/** What admission reads of the round trips: the fastest and the longest recent one. */
export interface LatencyModel {
  /** The fastest recent round trip, in ms (how late a call was is measured from it). */
  readonly low: number;
  /** The longest recent round trip, in ms (for the connection budget). */
  readonly high: number;
  record(rttMs: number): void;
}

/** Recent round trips (send to answer) of one client: the fastest and the longest of the last 256. */
export class LatencyEstimate implements LatencyModel {
  private readonly samples: Float64Array;
  private count = 0;
  private next = 0;
  private sinceRefresh = 0;
  private highMs = 0;
  private lowMs = Number.POSITIVE_INFINITY;

  constructor(
    /**
     * How many recent round trips are kept: more than one window of a command at the ceiling (200),
     * not many more, so that a slow start (connections opening, a cold JIT) or an old route is
     * forgotten in about a second at the ceiling.
     */
    size = 256,
  ) {
    this.samples = new Float64Array(size);
  }

  record(rttMs: number): void {
    this.samples[this.next] = rttMs;
    this.next = (this.next + 1) % this.samples.length;
    if (this.count < this.samples.length) this.count += 1;
    // A new extreme counts at once; samples leaving the ring are forgotten every 64th answer
    // (re-reading the ring on every answer would cost more than the rest of the call).
    if (rttMs > this.highMs) this.highMs = rttMs;
    if (rttMs < this.lowMs) this.lowMs = rttMs;
    this.sinceRefresh += 1;
    if (this.sinceRefresh >= 64) this.refresh();
  }

  private refresh(): void {
    this.sinceRefresh = 0;
    let high = 0;
    let low = Number.POSITIVE_INFINITY;
    for (let i = 0; i < this.count; i += 1) {
      const sample = this.samples[i] as number;
      if (sample > high) high = sample;
      if (sample < low) low = sample;
    }
    this.highMs = high;
    this.lowMs = low;
  }

  /** The longest recent round trip, in ms (0 before the first answer). */
  get high(): number {
    return this.highMs;
  }

  /** The fastest recent round trip, in ms (Infinity before the first answer). */
  get low(): number {
    return this.lowMs;
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

/** The calls in the window and the waiting callers of one command. */
class CommandQueue {
  /** The pacing bucket: sends allowed now without waiting for the pace (see Admission.burst). */
  tokens = Number.POSITIVE_INFINITY;
  refilledAt = 0;
  /** Calls sent and not answered: they count until they are. */
  flying = 0;
  /**
   * When each answered call leaves the window, less `shift`: a min-heap. Extending every answered
   * call at once (see `extend`) moves `shift`, not the entries, so their order holds.
   */
  private readonly leaving: number[] = [];
  private shift = 0;
  readonly waiters: Waiter[] = [];

  /** Calls in the window (call `prune` first). */
  get count(): number {
    return this.flying + this.leaving.length;
  }

  /** The first time an answered call leaves the window, or Infinity. */
  get nextLeave(): number {
    const first = this.leaving[0];
    return first === undefined ? Number.POSITIVE_INFINITY : first + this.shift;
  }

  /** Every answered call in the window stays `ms` longer. */
  extend(ms: number): void {
    this.shift += ms;
  }

  /** An answered call counts until `until`. */
  leaveAt(at: number): void {
    const until = at - this.shift;
    const heap = this.leaving;
    let i = heap.push(until) - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if ((heap[parent] as number) <= until) break;
      heap[i] = heap[parent] as number;
      i = parent;
    }
    heap[i] = until;
  }

  /** Drops the answered calls that have left the window by `now`. */
  prune(at: number): void {
    const now = at - this.shift;
    const heap = this.leaving;
    while (heap.length > 0 && (heap[0] as number) <= now) {
      const last = heap.pop() as number;
      if (heap.length === 0) break;
      let i = 0;
      for (;;) {
        const left = 2 * i + 1;
        if (left >= heap.length) break;
        const right = left + 1;
        const child = right < heap.length && (heap[right] as number) < (heap[left] as number) ? right : left;
        if ((heap[child] as number) >= last) break;
        heap[i] = heap[child] as number;
        i = child;
      }
      heap[i] = last;
    }
  }
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
/** Added to the window: the clock is read in whole milliseconds, the server's is finer. */
const MARGIN_FLOOR_MS = 2;

/**
 * Decides when each call of one client may be sent: the rate of its command (each call counting
 * from its send until a window after the latest it can have arrived) and the client's calls in
 * flight (sized from the rate and the observed round trip). Waiters are served first come, first
 * served.
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

  /** How long an on-time call counts after its send: the server's window, widened by what 60007s taught. */
  get effectiveWindowMs(): number {
    return this.windowMs + this.refusalMarginMs + MARGIN_FLOOR_MS;
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

  /** Calls of `command` that count in its window now (in flight included). */
  sentInWindow(command: string): number {
    const queue = this.queues.get(command);
    if (queue === undefined) return 0;
    queue.prune(this.clock.now());
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
      this.stamp(queue);
      this.inFlight += 1;
      return new GrantedCall(this, queue, now);
    }
    this.inFlight += 1;
    return new GrantedCall(this, undefined, now);
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
   * the server and in the client: its calls come back late, hold their slots longer and the
   * throughput falls. Paced, the sends of a busy command stay smooth and on time.
   */
  get burst(): number {
    if (this.limit === false) return Number.POSITIVE_INFINITY;
    return Math.min(this.limit, Math.max(MIN_BURST, Math.ceil(this.limit / 10)));
  }

  /**
   * When a call of this command may go: now, or when the window or the pace allows it (Infinity:
   * when an answer arrives; finished() pumps then).
   */
  private readyAt(queue: CommandQueue, now: number): number {
    const limit = this.limit as number;
    queue.prune(now);
    if (queue.count >= limit) return queue.nextLeave;
    const perMs = limit / this.windowMs;
    queue.tokens = Math.min(this.burst, queue.tokens + (now - queue.refilledAt) * perMs);
    queue.refilledAt = now;
    if (queue.tokens >= 1) return now;
    return now + Math.ceil((1 - queue.tokens) / perMs);
  }

  private stamp(queue: CommandQueue): void {
    queue.flying += 1;
    queue.tokens -= 1;
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
        this.stamp(queue);
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
        waiter.resolve(new GrantedCall(this, this.limit === false ? undefined : waiter.queue, now));
      }
    }
    // Blocked by the rate: wake when the first answered call leaves the window (or, all in flight,
    // at the next answer). Blocked by the connections: the next answer pumps.
    if (wakeAt < this.timerAt && wakeAt !== Number.POSITIVE_INFINITY) this.arm(wakeAt, now);
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

  /**
   * A granted call was answered (or failed): free its connection, learn its round trip, and keep
   * it in its command's window until `windowMs` after the latest it can have arrived.
   */
  finished(queue: CommandQueue | undefined, sentAt: number): void {
    const now = this.clock.now();
    const rtt = now - sentAt;
    this.inFlight -= 1;
    const fastest = this.latency.low;
    this.latency.record(rtt);
    // A new fastest round trip: every call answered before it was later than it looked then
    // (a slow start, connections opening, a busy first second): extend them all by the difference.
    if (this.latency.low < fastest && fastest !== Number.POSITIVE_INFINITY && this.limit !== false) {
      for (const other of this.queues.values()) other.extend(fastest - this.latency.low);
    }
    if (this.refusalMarginMs > 0) this.refusalMarginMs = Math.max(0, this.refusalMarginMs - REFUSAL_DECAY_MS);
    if (queue !== undefined) {
      queue.flying -= 1;
      const late = Math.max(0, rtt - this.latency.low);
      const until = sentAt + late + this.effectiveWindowMs;
      if (until > now) queue.leaveAt(until);
    }
    this.pump();
  }
}

class GrantedCall implements Ticket {
  private finished = false;
  constructor(
    private readonly admission: Admission,
    private readonly queue: CommandQueue | undefined,
    readonly sentAt: number,
  ) {}

  done(): void {
    if (this.finished) return;
    this.finished = true;
    this.admission.finished(this.queue, this.sentAt);
  }
}
