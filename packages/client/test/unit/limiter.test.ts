import { afterEach, describe, expect, it, vi } from 'vitest';
import { mark, TimMarksAbortError } from '../../src/index.js';
import {
  Admission,
  LatencyEstimate,
  type LatencyModel,
  MIN_IN_FLIGHT,
  type Ticket,
} from '../../src/limiter.js';
import { FakeApi } from '../support/fake-api.js';
import { ManualClock, settle } from '../support/manual-clock.js';

/** A latency estimate that has seen `count` round trips of these lengths (in order, cycling). */
function seen(rtts: number[], count = 8): LatencyEstimate {
  const latency = new LatencyEstimate();
  for (let i = 0; i < count; i += 1) latency.record(rtts[i % rtts.length] as number);
  return latency;
}

/** Round trips as the test declares them: answers recorded by `done()` do not move them. */
function fixed(low: number, high = low): LatencyModel {
  return { low, high, record() {} };
}

/** Starts `count` acquisitions of `command` and collects the tickets as they are granted. */
function acquireMany(admission: Admission, count: number, command = 'markContact'): Ticket[] {
  const tickets: Ticket[] = [];
  for (let i = 0; i < count; i += 1) void admission.acquire(command).then((ticket) => tickets.push(ticket));
  return tickets;
}

/** `count` calls answered `rtt` ms after they are sent; the send times, relative to the start. */
function answered(
  admission: Admission,
  clock: ManualClock,
  count: number,
  rtt: (i: number) => number,
): number[] {
  const t0 = clock.now();
  const sentAt: number[] = [];
  for (let i = 0; i < count; i += 1) {
    void admission.acquire('markContact').then(async (ticket) => {
      sentAt.push(ticket.sentAt - t0);
      await clock.sleep(rtt(i));
      ticket.done();
    });
  }
  return sentAt;
}

describe('LatencyEstimate', () => {
  it('knows the fastest and the longest round trip', () => {
    const latency = new LatencyEstimate();
    for (const rtt of [300, 310, 305, 320, 299, 302]) latency.record(rtt);
    expect(latency.low).toBe(299);
    expect(latency.high).toBe(320);
  });

  it('forgets round trips older than its last 256 (within 64 answers)', () => {
    const latency = new LatencyEstimate();
    latency.record(900);
    latency.record(5);
    // The ring is re-read every 64th answer: 256 + 64 later the 900 and the 5 are gone.
    for (let i = 0; i < 320; i += 1) latency.record(50);
    expect(latency.high).toBe(50);
    expect(latency.low).toBe(50);
  });
});

describe('Admission: each call counts from its send until a window after it can have arrived', () => {
  it('keeps an on-time call exactly one window (+2 ms) from its send, not from its answer', async () => {
    const clock = new ManualClock();
    const admission = new Admission({
      limit: 2,
      windowMs: 1000,
      maxInFlight: 100,
      clock,
      latency: fixed(300),
    });
    // Both answered after 300 ms, the fastest round trip: on time.
    const sentAt = answered(admission, clock, 3, () => 300);
    await settle();
    expect(sentAt).toEqual([0, 0]);
    // The old limiter freed the slot a window after the answer (t = 1300): throughput limit per
    // (window + round trip). Now it is free a window after the send.
    await clock.advance(1001);
    expect(sentAt).toHaveLength(2);
    await clock.advance(1);
    expect(sentAt).toEqual([0, 0, 1002]);
  });

  it('keeps a late call as much longer as it was late, and no other call', async () => {
    const clock = new ManualClock();
    const admission = new Admission({
      limit: 2,
      windowMs: 1000,
      maxInFlight: 100,
      clock,
      latency: fixed(100),
    });
    // Call 0 comes back after 100 ms (on time), call 1 after 350 ms: up to 250 ms late.
    const sentAt = answered(admission, clock, 4, (i) => (i === 1 ? 350 : 100));
    await clock.advance(1002);
    expect(sentAt).toEqual([0, 0, 1002]);
    await clock.advance(249);
    expect(sentAt).toHaveLength(3);
    await clock.advance(1);
    expect(sentAt).toEqual([0, 0, 1002, 1252]);
  });

  it('extends the calls answered so far when a faster round trip shows they were late', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: 3, windowMs: 1000, maxInFlight: 100, clock });
    // A and B leave at t = 0 and come back at 300: the fastest known, so on time (until 1002).
    const a = await admission.acquire('markContact');
    const b = await admission.acquire('markContact');
    await clock.advance(300);
    a.done();
    b.done();
    // C leaves at 400 and comes back at 500: 100 ms. A and B were 200 ms late after all.
    await clock.advance(100);
    const c = await admission.acquire('markContact');
    await clock.advance(100);
    c.done();
    const d = acquireMany(admission, 1);
    // Not at 1002, when A and B would have left had they been on time, but at 1202.
    await clock.advance(1201 - 500);
    expect(d).toHaveLength(0);
    await clock.advance(1);
    expect(d).toHaveLength(1);
  });

  it('counts a call for as long as it is unanswered, however long that is', async () => {
    const clock = new ManualClock();
    const admission = new Admission({
      limit: 1,
      windowMs: 1000,
      maxInFlight: 100,
      clock,
      latency: fixed(10),
    });
    const tickets = acquireMany(admission, 2);
    await clock.advance(5000);
    expect(tickets).toHaveLength(1);
    // Answered at last, 4990 ms later than the fastest round trip: it may have arrived as late as
    // t = 4990, so it counts until 4990 + 1002.
    tickets[0]?.done();
    await clock.advance(991);
    expect(tickets).toHaveLength(1);
    await clock.advance(1);
    expect(tickets).toHaveLength(2);
  });

  it('lets a burst go at once, then paces at limit per window; never N + 1 sends in a window', async () => {
    const clock = new ManualClock();
    const admission = new Admission({
      limit: 200,
      windowMs: 1000,
      maxInFlight: 1000,
      clock,
      latency: fixed(0, 10_000), // the connection budget (1000) is not what binds here
    });
    expect(admission.burst).toBe(20);
    const sentAt = answered(admission, clock, 450, () => 0);
    await settle();
    expect(sentAt).toHaveLength(20);
    // Then one every 5 ms (200 per 1000 ms): 180 more by t = 900.
    await clock.advance(900);
    expect(sentAt).toHaveLength(200);
    // Full until the first calls leave the window, 1002 ms after they were sent.
    await clock.advance(101);
    expect(sentAt).toHaveLength(200);
    await clock.advance(1);
    expect(sentAt.length).toBeGreaterThan(200);
    await clock.advance(5000);
    expect(sentAt).toHaveLength(450);
    for (const start of sentAt) {
      expect(sentAt.filter((t) => t >= start && t < start + 1002).length).toBeLessThanOrEqual(200);
    }
  });

  it('lets a small limit go whole at once (the burst is at least 20)', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: 3, windowMs: 1000, maxInFlight: 100, clock, latency: fixed(0) });
    const tickets = acquireMany(admission, 5);
    await settle();
    expect(tickets).toHaveLength(3);
  });

  it('widens the window by 10 ms for each stall the server answers 60007 to, and gives it back slowly', async () => {
    const clock = new ManualClock();
    const admission = new Admission({
      limit: 1000,
      windowMs: 1000,
      maxInFlight: 100,
      clock,
      latency: fixed(0),
    });
    expect(admission.effectiveWindowMs).toBe(1002);
    admission.refused();
    // The same stall refuses several calls: counted once.
    admission.refused();
    expect(admission.effectiveWindowMs).toBe(1012);
    await clock.advance(250);
    admission.refused();
    expect(admission.effectiveWindowMs).toBe(1022);
    // 20 answers take back 1 ms.
    for (let i = 0; i < 20; i += 1) (await admission.acquire('markContact')).done();
    expect(admission.effectiveWindowMs).toBeCloseTo(1021, 6);
  });

  it('gives each command its own window: one at its rate does not hold up another', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: 1, windowMs: 1000, maxInFlight: 100, clock });
    const marks = acquireMany(admission, 3, 'markContact');
    const pages = acquireMany(admission, 1, 'getContactGroup');
    await settle();
    expect(marks).toHaveLength(1);
    expect(pages).toHaveLength(1);
  });

  it('serves waiters first come, first served', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: 1, windowMs: 1000, maxInFlight: 100, clock });
    const order: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      void admission.acquire('markContact').then((ticket) => {
        order.push(i);
        ticket.done();
      });
    }
    await clock.advance(10_000);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('lets an AbortSignal cancel the wait, and frees its place in the queue', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: 1, windowMs: 1000, maxInFlight: 100, clock });
    const first = await admission.acquire('markContact');
    const controller = new AbortController();
    const waiting = admission.acquire('markContact', controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(admission.waiting).toBe(0);
    first.done();
  });
});

describe('Admission: calls in flight sized from the limit and the observed round trip', () => {
  it('allows MIN_IN_FLIGHT before any round trip is known', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: 200, windowMs: 1000, maxInFlight: 128, clock });
    const tickets = acquireMany(admission, 40);
    await settle();
    expect(tickets).toHaveLength(MIN_IN_FLIGHT);
    // An answer frees a connection: the next waiter goes at once, no timer involved.
    tickets[0]?.done();
    await settle();
    expect(tickets).toHaveLength(MIN_IN_FLIGHT + 1);
  });

  it("grows to rate x round trip x 2 (Little's law, doubled for bursts) behind a slow link", () => {
    const clock = new ManualClock();
    const admission = new Admission({
      limit: 200,
      windowMs: 1000,
      maxInFlight: 128,
      clock,
      latency: seen([300]),
    });
    void admission.acquire('markContact');
    // 200 calls/s x 0.3 s = 60 in flight; x 2 = 120; + 1.
    expect(admission.inFlightBudget()).toBe(121);
    // A second busy command doubles the rate the pool must carry, up to the connections given.
    void admission.acquire('getContactGroup');
    expect(admission.inFlightBudget()).toBe(128);
  });

  it('never lets more than maxInFlight fly, so a granted call never queues inside the pool', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: false, windowMs: 1000, maxInFlight: 3, clock });
    const tickets = acquireMany(admission, 10);
    await settle();
    expect(tickets).toHaveLength(3);
    for (const ticket of [...tickets]) ticket.done();
    await settle();
    expect(tickets).toHaveLength(6);
  });

  it('records each answered round trip', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: 200, windowMs: 1000, maxInFlight: 128, clock });
    for (let i = 0; i < 8; i += 1) {
      const ticket = await admission.acquire('markContact');
      await clock.advance(150 + i);
      ticket.done();
    }
    expect(admission.latency.high).toBe(157);
    expect(admission.latency.low).toBe(150);
  });
});

describe('the client limiter', () => {
  let api: FakeApi;
  afterEach(async () => api?.close());

  it('holds every concurrent caller of one client to the ceiling of each command', async () => {
    api = new FakeApi().listen();
    const clock = new ManualClock();
    const client = api.client({ rateLimit: 3, clock });
    const calls = Array.from({ length: 7 }, () =>
      client.getContactGroup({ From_Account: 'u', StartIndex: 0 }),
    );
    // Another command has its own ceiling.
    const other = client.importAccount({ UserID: 'x' });
    await vi.waitFor(() => expect(api.sentOf('getContactGroup')).toHaveLength(3));
    await other;
    await settle();
    expect(api.sentOf('getContactGroup')).toHaveLength(3);

    // The window is one second plus a margin (100 ms until eight round trips are known).
    await clock.advance(1200);
    await vi.waitFor(() => expect(api.sentOf('getContactGroup')).toHaveLength(6));
    await clock.advance(1200);
    await Promise.all(calls);
    expect(api.sentOf('getContactGroup')).toHaveLength(7);
  });

  it('counts each chunk of a long markContact as a call', async () => {
    api = new FakeApi().listen();
    const clock = new ManualClock();
    const client = api.client({ rateLimit: 2, clock });
    const items = Array.from({ length: 301 }, (_, i) => mark.c2c(`u${i}`).custom('x'));
    const done = client.markContact({ From_Account: 'u', MarkItem: items });
    await vi.waitFor(() => expect(api.sent).toHaveLength(2));
    await settle();
    expect(api.sent).toHaveLength(2);
    await clock.advance(1200);
    const result = await done;
    expect(result.calls).toBe(4);
  });

  it('can be turned off', async () => {
    api = new FakeApi().listen();
    const client = api.client({ rateLimit: false, clock: new ManualClock() });
    await Promise.all(
      Array.from({ length: 300 }, () => client.getContactGroup({ From_Account: 'u', StartIndex: 0 })),
    );
    expect(api.sent).toHaveLength(300);
  });

  it('turns an abort while waiting for a slot into TIM_ABORTED, without sending', async () => {
    api = new FakeApi().listen();
    const clock = new ManualClock();
    const client = api.client({ rateLimit: 1, clock });
    await client.getContactGroup({ From_Account: 'u', StartIndex: 0 });
    const controller = new AbortController();
    const waiting = client.getContactGroup(
      { From_Account: 'u', StartIndex: 0 },
      { signal: controller.signal },
    );
    await settle();
    controller.abort();
    const error = await waiting.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimMarksAbortError);
    expect(error).toMatchObject({ code: 'TIM_ABORTED', attempts: 0, command: 'getContactGroup' });
    expect(api.sent).toHaveLength(1);
  });
});
