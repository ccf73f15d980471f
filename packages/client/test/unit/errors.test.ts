import { afterEach, describe, expect, it } from 'vitest';
import {
  ClientErrorCode,
  ERROR_CATALOGUE,
  ErrorCode,
  TimMarksApiError,
  TimMarksError,
  TimMarksHttpStatusError,
  TimMarksInvalidResponseError,
  TimMarksNetworkError,
} from '../../src/index.js';
import { FakeApi } from '../support/fake-api.js';

let api: FakeApi;
afterEach(async () => api?.close());

const page = { From_Account: 'user0', StartIndex: 0 };
async function caught(promise: Promise<unknown>): Promise<TimMarksError> {
  try {
    await promise;
  } catch (error) {
    return error as TimMarksError;
  }
  throw new Error('expected a failure');
}

describe('errors', () => {
  it('a request-level failure carries the ErrorCode, ErrorInfo, ErrorDisplay, catalogue entry and the answer', async () => {
    const answer = {
      ActionStatus: 'FAIL',
      ErrorCode: 50001,
      ErrorInfo: 'From_Account not imported',
      ErrorDisplay: '帐号不存在',
    };
    api = new FakeApi().listen(() => ({ body: answer }));
    const error = await caught(api.client().getContactGroup(page));
    expect(error).toBeInstanceOf(TimMarksApiError);
    expect(error).toBeInstanceOf(TimMarksError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      name: 'TimMarksApiError',
      code: ErrorCode.ACCOUNT_NOT_IMPORTED,
      errorInfo: 'From_Account not imported',
      errorDisplay: '帐号不存在',
      retryable: false,
      command: 'getContactGroup',
      attempts: 1,
      response: answer,
    });
    expect(error.entry).toBe(ERROR_CATALOGUE[50001]);
    expect(error.message).toContain('50001 ACCOUNT_NOT_IMPORTED');
  });

  it('an unknown API code keeps its number, with no catalogue entry', async () => {
    api = new FakeApi().listen(() => ({
      body: { ActionStatus: 'FAIL', ErrorCode: 91000, ErrorInfo: 'new' },
    }));
    const error = await caught(api.client().getContactGroup(page));
    expect(error).toMatchObject({ code: 91000, retryable: false });
    expect(error.entry).toBeUndefined();
  });

  it('a non-zero ErrorCode fails the request even with ActionStatus OK', async () => {
    api = new FakeApi().listen(() => ({ body: { ActionStatus: 'OK', ErrorCode: 50002, ErrorInfo: 'odd' } }));
    await expect(api.client().getContactGroup(page)).rejects.toMatchObject({ code: 50002 });
  });

  it('HTTP statuses other than 200 are TIM_HTTP_STATUS with the status', async () => {
    api = new FakeApi().listen(() => ({ status: 400, body: 'bad' }));
    const error = await caught(api.client().getContactGroup(page));
    expect(error).toBeInstanceOf(TimMarksHttpStatusError);
    expect(error).toMatchObject({ code: ClientErrorCode.HTTP_STATUS, statusCode: 400, retryable: false });
  });

  it.each([
    ['not JSON', '<html>'],
    ['JSON without the envelope', '{"hello":1}'],
    ['a JSON array', '[]'],
  ])('a body that is %s is TIM_INVALID_RESPONSE', async (_, body) => {
    api = new FakeApi().listen(() => ({ body }));
    const error = await caught(api.client().getContactGroup(page));
    expect(error).toBeInstanceOf(TimMarksInvalidResponseError);
    expect(error).toMatchObject({ code: 'TIM_INVALID_RESPONSE', retryable: false, attempts: 1 });
  });

  it('a network failure is TIM_NETWORK with its cause, after the retries', async () => {
    api = new FakeApi().networkError(4, new Error('ECONNRESET')).listen();
    const error = await caught(api.client({ retry: { minDelayMs: 1 } }).getContactGroup(page));
    expect(error).toBeInstanceOf(TimMarksNetworkError);
    expect(error).toMatchObject({ code: 'TIM_NETWORK', retryable: true, attempts: 4 });
    expect((error.cause as Error).message).toContain('ECONNRESET');
  });
});
