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
function fixed(margin: number, high = 0): LatencyModel {
  return { margin, high, record() {} };
}

/** Starts `count` acquisitions of `command` and collects the tickets as they are granted. */
function acquireMany(admission: Admission, count: number, command = 'markContact', answer = false): Ticket[] {
  const tickets: Ticket[] = [];
  for (let i = 0; i < count; i += 1) {
    void admission.acquire(command).then((ticket) => {
      tickets.push(ticket);
      if (answer) ticket.done();
    });
  }
  return tickets;
}

describe('LatencyEstimate', () => {
  it('uses a 100 ms margin until eight round trips are known, then their spread', () => {
    const latency = new LatencyEstimate();
    for (const rtt of [300, 310, 305, 320, 300, 302, 301]) latency.record(rtt);
    expect(latency.margin).toBe(100);
    latency.record(304);
    // Fastest 300; of eight, the 90th percentile is the 7th: 310.
    expect(latency.margin).toBe(10);
    expect(latency.high).toBe(320);
  });

  it('leaves the slowest tenth out of the margin (stalls), but not out of the longest round trip', () => {
    const latency = new LatencyEstimate();
    for (let i = 0; i < 100; i += 1) latency.record(i % 10 === 9 ? 900 : 150 + (i % 10));
    expect(latency.margin).toBe(8);
    expect(latency.high).toBe(900);
  });

  it('forgets round trips older than its last 256 (within 64 answers)', () => {
    const latency = new LatencyEstimate();
    latency.record(900);
    // The ring is re-read every 64th answer: 256 + 64 later the 900 is gone.
    for (let i = 0; i < 320; i += 1) latency.record(50);
    expect(latency.high).toBe(50);
    expect(latency.margin).toBe(0);
  });
});

describe('Admission: the rate, stamped at send time', () => {
  it('lets a burst go at once, paces the rest at limit per window, and never sends N + 1 within the widened window', async () => {
    const clock = new ManualClock();
    const t0 = clock.now();
    // A measured margin of 40 ms: the effective window is 1000 + 40 + 2 (whole-ms clock).
    const admission = new Admission({
      limit: 200,
      windowMs: 1000,
      maxInFlight: 1000,
      clock,
      latency: fixed(40, 10_000),
    });
    expect(admission.effectiveWindowMs).toBe(1042);
    expect(admission.burst).toBe(20);
    const sentAt: number[] = [];
    for (let i = 0; i < 450; i += 1)
      void admission.acquire('markContact').then((t) => sentAt.push(t.sentAt - t0));
    await settle();
    expect(sentAt).toHaveLength(20);
    // Then one every 5 ms (200 per 1000 ms): 180 more by t = 900.
    await clock.advance(900);
    expect(sentAt).toHaveLength(200);
    // The window is full until the first stamps leave it, 1042 ms after they were sent.
    await clock.advance(1041 - 900);
    expect(sentAt).toHaveLength(200);
    await clock.advance(1);
    expect(sentAt.length).toBeGreaterThan(200);
    await clock.advance(5000);
    expect(sentAt).toHaveLength(450);
    for (const start of sentAt) {
      expect(sentAt.filter((t) => t >= start && t < start + 1042).length).toBeLessThanOrEqual(200);
    }
  });

  it('lets a small limit go whole at once (the burst is at least 20)', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: 3, windowMs: 1000, maxInFlight: 100, clock, latency: fixed(0) });
    const tickets = acquireMany(admission, 5);
    await settle();
    expect(tickets).toHaveLength(3);
  });

  it('does not hold a slot until the answer: unanswered calls leave the window on time', async () => {
    const clock = new ManualClock();
    const admission = new Admission({
      limit: 2,
      windowMs: 1000,
      maxInFlight: 100,
      clock,
      latency: fixed(0),
    });
    const tickets = acquireMany(admission, 3);
    await settle();
    expect(tickets).toHaveLength(2);
    // Neither answer has come, yet the third call goes once the first two sends leave the window
    // (the old limiter held it until an answer: a throughput of limit per window + latency).
    await clock.advance(1002);
    expect(tickets).toHaveLength(3);
    expect(admission.inFlightCount).toBe(3);
  });

  it('never sends more than N in any span of the effective window, arrivals spread over time', async () => {
    const clock = new ManualClock();
    const admission = new Admission({
      limit: 5,
      windowMs: 1000,
      maxInFlight: 100,
      clock,
      latency: fixed(30),
    });
    const sentAt: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      void admission.acquire('getContactGroup').then((ticket) => {
        sentAt.push(ticket.sentAt);
        ticket.done();
      });
      await clock.advance(37);
    }
    await clock.advance(10_000);
    expect(sentAt).toHaveLength(40);
    const span = admission.effectiveWindowMs;
    for (const start of sentAt) {
      expect(sentAt.filter((t) => t >= start && t < start + span).length).toBeLessThanOrEqual(5);
    }
  });

  it('widens the window by 10 ms for each 60007 the server answers, and gives it back slowly', async () => {
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

  it('records each answered round trip for the margin and the budget', async () => {
    const clock = new ManualClock();
    const admission = new Admission({ limit: 200, windowMs: 1000, maxInFlight: 128, clock });
    for (let i = 0; i < 8; i += 1) {
      const ticket = await admission.acquire('markContact');
      await clock.advance(150 + i);
      ticket.done();
    }
    expect(admission.latency.high).toBe(157);
    // 150..157: the 90th percentile of eight is the 7th, 156.
    expect(admission.latency.margin).toBe(6);
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
