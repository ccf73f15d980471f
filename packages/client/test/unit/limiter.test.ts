import { afterEach, describe, expect, it, vi } from 'vitest';
import { LIMITS, mark, SlidingWindowLimiter, TimMarksAbortError } from '../../src/index.js';
import { FakeApi } from '../support/fake-api.js';
import { ManualClock, settle } from '../support/manual-clock.js';

/** Starts `count` acquisitions and tracks which were admitted. */
function acquireMany(limiter: SlidingWindowLimiter, count: number) {
  const releases: (() => void)[] = [];
  for (let i = 0; i < count; i += 1) void limiter.acquire().then((release) => releases.push(release));
  return releases;
}

describe('SlidingWindowLimiter', () => {
  it('admits N at once, then the next only when the oldest call leaves the sliding second', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(LIMITS.callsPerSecondPerCommand, LIMITS.rateWindowMs, clock);
    const releases = acquireMany(limiter, 250);
    await settle();
    expect(releases).toHaveLength(200);
    expect(limiter.waiting).toBe(50);

    // The first 200 are answered over 100 ms: 20 answers every 10 ms.
    for (let tick = 0; tick < 10; tick += 1) {
      for (const release of releases.slice(tick * 20, tick * 20 + 20)) release();
      await clock.advance(10);
    }
    expect(releases).toHaveLength(200);

    // The first 20 were stamped at t=0: they leave the window at t=1000, not a millisecond earlier.
    await clock.advance(1000 - 100 - 1);
    expect(releases).toHaveLength(200);
    await clock.advance(1);
    expect(releases).toHaveLength(220);
    await clock.advance(10);
    expect(releases).toHaveLength(240);
    await clock.advance(10);
    expect(releases).toHaveLength(250);
    expect(limiter.waiting).toBe(0);
  });

  it('counts a call in flight until its answer arrives, however long that takes', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(2, 1000, clock);
    const releases = acquireMany(limiter, 3);
    await settle();
    expect(releases).toHaveLength(2);
    // Five seconds later the two calls are still unanswered: the third still waits.
    await clock.advance(5000);
    expect(releases).toHaveLength(2);
    releases[0]?.();
    await clock.advance(999);
    expect(releases).toHaveLength(2);
    await clock.advance(1);
    expect(releases).toHaveLength(3);
  });

  it('never admits more than N in any window, with arrivals spread over time', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(5, 1000, clock);
    const admitted: number[] = [];
    for (let i = 0; i < 40; i += 1) {
      void limiter.acquire().then((release) => {
        admitted.push(clock.now());
        release();
      });
      await clock.advance(37);
    }
    await clock.advance(10_000);
    expect(admitted).toHaveLength(40);
    for (const start of admitted) {
      expect(admitted.filter((t) => t >= start && t < start + 1000).length).toBeLessThanOrEqual(5);
    }
  });

  it('serves waiters first come, first served', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(1, 1000, clock);
    const order: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      void limiter.acquire().then((release) => {
        order.push(i);
        release();
      });
    }
    await clock.advance(5000);
    expect(order).toEqual([0, 1, 2, 3]);
  });

  it('lets an AbortSignal cancel the wait, and frees its place in the queue', async () => {
    const clock = new ManualClock();
    const limiter = new SlidingWindowLimiter(1, 1000, clock);
    const first = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('stop'));
    await expect(waiting).rejects.toThrow('stop');
    expect(limiter.waiting).toBe(0);
    first();
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

    await clock.advance(1000);
    await vi.waitFor(() => expect(api.sentOf('getContactGroup')).toHaveLength(6));
    await clock.advance(1000);
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
    await clock.advance(1000);
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
