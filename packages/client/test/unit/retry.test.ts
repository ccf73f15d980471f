import { afterEach, describe, expect, it } from 'vitest';
import {
  ErrorCode,
  type RetryEvent,
  TimMarksAbortError,
  TimMarksApiError,
  TimMarksHttpStatusError,
  TimMarksNetworkError,
  TimMarksTimeoutError,
} from '../../src/index.js';
import { backoffDelay, DEFAULT_RETRY } from '../../src/retry.js';
import { defaultReply, FakeApi, fail, type Reply, type Sent } from '../support/fake-api.js';
import { ManualClock, settle } from '../support/manual-clock.js';

let api: FakeApi;
afterEach(async () => api?.close());

// Real timers with a 2 ms step keep these tests quick; the delays themselves are checked through onRetry.
const quick = { retry: { minDelayMs: 2, maxDelayMs: 8 } };
const page = { From_Account: 'user0', StartIndex: 0 };

/** Answers `replies` in turn, then the healthy answer. */
function script(...replies: Reply[]) {
  return (sent: Sent, index: number) => replies[index] ?? defaultReply(sent);
}

describe('retries', () => {
  it('retries 50004 and answers the success that follows', async () => {
    api = new FakeApi().listen(script(fail(ErrorCode.INTERNAL_ERROR)));
    const events: RetryEvent[] = [];
    const result = await api.client({ ...quick, onRetry: (e) => events.push(e) }).getContactGroup(page);
    expect(result.ActionStatus).toBe('OK');
    expect(api.sent).toHaveLength(2);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ command: 'getContactGroup', attempt: 1, error: { code: 50004 } });
  });

  it.each([
    ['50005', fail(ErrorCode.NETWORK_TIMEOUT)],
    ['60007', fail(ErrorCode.RATE_LIMITED)],
    ['HTTP 502', { status: 502, body: 'bad gateway' }],
    ['HTTP 503', { status: 503, body: 'unavailable' }],
    ['HTTP 504', { status: 504, body: 'timeout' }],
  ])('retries %s', async (_, reply) => {
    api = new FakeApi().listen(script(reply, reply));
    const result = await api.client(quick).getContactGroup(page);
    expect(result.ActionStatus).toBe('OK');
    expect(api.sent).toHaveLength(3);
  });

  it('retries a network error', async () => {
    api = new FakeApi().networkError(2).listen();
    const events: RetryEvent[] = [];
    await api.client({ ...quick, onRetry: (e) => events.push(e) }).getContactGroup(page);
    expect(events.map((e) => e.error)).toEqual([
      expect.any(TimMarksNetworkError),
      expect.any(TimMarksNetworkError),
    ]);
    expect(api.sent).toHaveLength(1);
  });

  it.each([
    ['50002', fail(ErrorCode.INVALID_PARAMETER), TimMarksApiError],
    ['50001', fail(ErrorCode.ACCOUNT_NOT_IMPORTED), TimMarksApiError],
    ['51013', fail(ErrorCode.NOT_ULTIMATE), TimMarksApiError],
    ['HTTP 500', { status: 500, body: 'oops' }, TimMarksHttpStatusError],
    ['HTTP 404', { status: 404, body: 'no' }, TimMarksHttpStatusError],
  ])('does not retry %s', async (_, reply, type) => {
    api = new FakeApi().listen(script(reply));
    const error = await api
      .client(quick)
      .getContactGroup(page)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject({ retryable: false, attempts: 1 });
    expect(api.sent).toHaveLength(1);
  });

  it('gives up after the bounded number of retries (default 3: four sends)', async () => {
    api = new FakeApi().listen(() => fail(ErrorCode.INTERNAL_ERROR, 'still broken'));
    const error = await api
      .client(quick)
      .getContactGroup(page)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimMarksApiError);
    expect(error).toMatchObject({ code: 50004, retryable: true, attempts: 4, errorInfo: 'still broken' });
    expect(api.sent).toHaveLength(1 + DEFAULT_RETRY.retries);
  });

  it('honours a chosen bound, and retry: false sends once', async () => {
    api = new FakeApi().listen(() => fail(ErrorCode.RATE_LIMITED));
    await expect(
      api.client({ retry: { retries: 1, minDelayMs: 1 } }).getContactGroup(page),
    ).rejects.toMatchObject({
      attempts: 2,
    });
    await expect(api.client({ retry: false }).getContactGroup(page)).rejects.toMatchObject({ attempts: 1 });
    expect(api.sent).toHaveLength(3);
  });

  it('backs off exponentially with jitter, within [step/2, step], capped', () => {
    const policy = { retries: 6, minDelayMs: 100, maxDelayMs: 1000 };
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0))).toEqual([50, 100, 200, 400, 500]);
    expect([1, 2, 3, 4, 5].map((n) => backoffDelay(n, policy, () => 0.999999))).toEqual(
      [100, 200, 400, 800, 1000].map((step) => expect.closeTo(step, 3)),
    );
    // The default steps outlast the one-second rate window even with the least jitter.
    const total = [1, 2, 3].reduce((sum, n) => sum + backoffDelay(n, DEFAULT_RETRY, () => 0), 0);
    expect(total).toBeGreaterThanOrEqual(1000);
  });

  it('tells onRetry the delay it is about to wait', async () => {
    api = new FakeApi().listen(script(fail(ErrorCode.INTERNAL_ERROR), fail(ErrorCode.INTERNAL_ERROR)));
    const events: RetryEvent[] = [];
    await api
      .client({ retry: { minDelayMs: 4, maxDelayMs: 100 }, random: () => 0, onRetry: (e) => events.push(e) })
      .getContactGroup(page);
    expect(events.map((e) => e.delayMs)).toEqual([2, 4]);
  });

  it('lets an AbortSignal cancel the wait before a retry', async () => {
    api = new FakeApi().listen(() => fail(ErrorCode.INTERNAL_ERROR));
    const controller = new AbortController();
    const client = api.client({
      // A one-minute backoff: only the abort can end this test quickly.
      retry: { minDelayMs: 60_000, maxDelayMs: 60_000 },
      onRetry: () => controller.abort(new Error('user gave up')),
    });
    const error = await client.getContactGroup(page, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimMarksAbortError);
    expect(error).toMatchObject({ code: 'TIM_ABORTED', attempts: 1, retryable: false });
    expect(api.sent).toHaveLength(1);
  });

  it('does not send at all with an already aborted signal', async () => {
    api = new FakeApi().listen();
    const error = await api
      .client()
      .getContactGroup(page, { signal: AbortSignal.abort() })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'TIM_ABORTED', attempts: 0 });
    expect(api.sent).toHaveLength(0);
  });

  it('lets an AbortSignal cancel a request in flight, and does not retry it', async () => {
    api = new FakeApi().slow(200).listen();
    const controller = new AbortController();
    const call = api.client().getContactGroup(page, { signal: controller.signal });
    await settle();
    controller.abort();
    await expect(call).rejects.toMatchObject({ code: 'TIM_ABORTED', attempts: 1 });
  });

  it('times out a send after timeoutMs (TIM_TIMEOUT) and retries it', async () => {
    api = new FakeApi().slow(300).listen();
    const clock = new ManualClock();
    const events: RetryEvent[] = [];
    const call = api
      .client({ clock, timeoutMs: 5000, retry: { minDelayMs: 10 }, onRetry: (e) => events.push(e) })
      .getContactGroup(page);
    await clock.advance(4999);
    expect(events).toHaveLength(0);
    await clock.advance(1);
    expect(events.map((e) => e.error)).toEqual([expect.any(TimMarksTimeoutError)]);
    expect(events[0]?.error).toMatchObject({ code: 'TIM_TIMEOUT', retryable: true, attempts: 1 });
    await clock.advance(10);
    await expect(call).resolves.toMatchObject({ ActionStatus: 'OK' });
  });

  it('answers TIM_TIMEOUT once the retries are used up', async () => {
    api = new FakeApi().slow(300, 2).listen();
    const clock = new ManualClock();
    const call = api
      .client({ clock, timeoutMs: 1000, retry: { retries: 1, minDelayMs: 10 } })
      .getContactGroup(page)
      .catch((e: unknown) => e);
    await clock.advance(1000);
    await clock.advance(10);
    await clock.advance(1000);
    const error = await call;
    expect(error).toBeInstanceOf(TimMarksTimeoutError);
    expect(error).toMatchObject({ code: 'TIM_TIMEOUT', attempts: 2 });
  });
});
