// The client's retry policy against every kind of fault the stub injects (openapi/control-plane.yaml):
// what it retries (retryable codes, 502/503/504, broken connections, timeouts), what it does not
// (other codes, other statuses, item-level failures), counted on the stub's request journal.
import { ERROR_CATALOGUE } from '@tim-marks/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  ClientErrorCode,
  type ClientOptions,
  createClient,
  ErrorCode,
  mark,
  type RetryEvent,
  StandardMark,
  type TimMarksClient,
} from '../../src/index.js';
import {
  ADMIN,
  SDK_APP_ID,
  SECRET_KEY,
  type StubProcess,
  startStubProcess,
  stubMissing,
} from './stub-process.js';

const missing = stubMissing();

describe.skipIf(missing !== undefined)('retries against injected faults', () => {
  let stub: StubProcess;
  const clients: TimMarksClient[] = [];
  let retries: RetryEvent[] = [];

  function client(options: Partial<ClientOptions> = {}): TimMarksClient {
    const made = createClient({
      sdkAppId: SDK_APP_ID,
      identifier: ADMIN,
      secretKey: SECRET_KEY,
      baseUrl: stub.url,
      retry: { retries: 2, minDelayMs: 10, maxDelayMs: 20 },
      onRetry: (event) => retries.push(event),
      ...options,
    } as ClientOptions);
    clients.push(made);
    return made;
  }

  const star = (tim: TimMarksClient, to = 'user1') =>
    tim.markContact({ From_Account: 'user0', MarkItem: [mark.c2c(to).set(StandardMark.Star)] });
  const sent = () => stub.countRequests({ command: 'markContact' });

  beforeAll(async () => {
    stub = await startStubProcess({ rateLimit: 0 });
  }, 30_000);
  afterAll(async () => {
    await stub?.close();
  });
  beforeEach(async () => {
    await stub.reset();
    await stub.clearRequests();
    retries = [];
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((made) => made.close()));
  });

  const retryable = Object.values(ERROR_CATALOGUE).filter((e) => e.retryable);
  it.each(retryable.map((e) => [e.code, e.name]))(
    'error %i (%s, retryable in the catalogue): retried, then succeeds',
    async (code) => {
      await stub.addFault({ kind: 'error', code, command: 'markContact', count: 2 });
      const result = await star(client());
      expect(result.failed).toEqual([]);
      expect(retries.map((e) => e.error.code)).toEqual([code, code]);
      expect(await sent()).toBe(3);
    },
  );

  it('error 70003 (not retryable): thrown at once', async () => {
    await stub.addFault({ kind: 'error', code: ErrorCode.USERSIG_INVALID, command: 'markContact', count: 1 });
    const error = await star(client()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.USERSIG_INVALID, attempts: 1, retryable: false });
    expect(retries).toEqual([]);
    expect(await sent()).toBe(1);
  });

  it('item-error: reported in failed, not thrown, not retried; the other items are applied', async () => {
    await stub.addFault({
      kind: 'item-error',
      ResultCode: ErrorCode.CONVERSATION_LIMIT,
      To_Account: ['user2'],
    });
    const tim = client();
    const result = await tim.markContact({
      From_Account: 'user0',
      MarkItem: [mark.c2c('user1').set(StandardMark.Star), mark.c2c('user2').set(StandardMark.Star)],
    });
    expect(result.failed.map((f) => [f.index, f.resultItem.ResultCode])).toEqual([
      [1, ErrorCode.CONVERSATION_LIMIT],
    ]);
    expect(retries).toEqual([]);
    expect(await sent()).toBe(1);
  });

  it.each([502, 503, 504])('http %i: retried, then succeeds', async (status) => {
    await stub.addFault({ kind: 'http', status, command: 'markContact', count: 1 });
    expect((await star(client())).failed).toEqual([]);
    expect(retries.map((e) => e.error.code)).toEqual([ClientErrorCode.HTTP_STATUS]);
    expect(await sent()).toBe(2);
  });

  it('http 500: thrown at once (not a gateway in trouble)', async () => {
    await stub.addFault({ kind: 'http', status: 500, command: 'markContact', count: 1 });
    const error = await star(client()).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: ClientErrorCode.HTTP_STATUS,
      statusCode: 500,
      attempts: 1,
      retryable: false,
    });
    expect(await sent()).toBe(1);
  });

  it('drop: a broken connection is retried, then succeeds', async () => {
    await stub.addFault({ kind: 'drop', command: 'markContact', count: 1 });
    expect((await star(client())).failed).toEqual([]);
    expect(retries.map((e) => e.error.code)).toEqual([ClientErrorCode.NETWORK]);
    expect(await stub.countRequests({ command: 'markContact', ErrorCode: 0 })).toBe(1);
    expect((await stub.requests({ command: 'markContact' })).requests.map((e) => e.answer.outcome)).toEqual([
      'answered',
      'dropped',
    ]);
  });

  it('drop, every time: gives up after the bounded retries', async () => {
    await stub.addFault({ kind: 'drop', command: 'markContact' });
    const error = await star(client()).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ClientErrorCode.NETWORK, attempts: 3, retryable: true });
    expect(await sent()).toBe(3);
  });

  it('hang: the client times out, retries, then succeeds', async () => {
    await stub.addFault({ kind: 'hang', command: 'markContact', count: 1 });
    expect((await star(client({ timeoutMs: 300 }))).failed).toEqual([]);
    expect(retries.map((e) => e.error.code)).toEqual([ClientErrorCode.TIMEOUT]);
    expect(await stub.countRequests({ command: 'markContact', ErrorCode: 0 })).toBe(1);
  });

  it('latency under the timeout: answered, no retry', async () => {
    await stub.addFault({ kind: 'latency', command: 'markContact', latencyMs: { min: 50, max: 100 } });
    expect((await star(client({ timeoutMs: 5000 }))).failed).toEqual([]);
    expect(retries).toEqual([]);
    expect(await sent()).toBe(1);
  });
});
