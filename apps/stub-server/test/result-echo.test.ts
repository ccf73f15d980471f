// Regression: a failed item's ResultItem used to echo whatever the request sent (an OptType of 4, a
// numeric To_Account), which broke the spec's MarkResultItem schema. The echo now keeps only the
// well-typed fields, and `call` validates every answer against the spec.
import { ErrorCode } from '@tim-marks/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stub } from '../src/stub.js';
import { call, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
});
afterAll(() => stub.close());

describe('ResultItem echoes', () => {
  it('keep only the well-typed fields of a failed item, and stay schema-valid', async () => {
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [
        { OptType: 4, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1] },
        { OptType: 1, ContactItem: { Type: 1, To_Account: 42 }, SetMark: [1] },
        { OptType: 1, ContactItem: 'user1', SetMark: [1] },
        { OptType: 2, ContactItem: { Type: 1, To_Account: 'user2' }, CustomMark: 'ok' },
      ],
    });
    expect(answer.ResultItem).toEqual([
      {
        ContactItem: { Type: 1, To_Account: 'user1' },
        ResultCode: ErrorCode.INVALID_PARAMETER,
        ResultInfo: expect.any(String),
      },
      {
        OptType: 1,
        ContactItem: { Type: 1 },
        ResultCode: ErrorCode.ACCOUNT_TYPE,
        ResultInfo: expect.any(String),
      },
      { OptType: 1, ResultCode: ErrorCode.INVALID_PARAMETER, ResultInfo: expect.any(String) },
      { OptType: 2, ContactItem: { Type: 1, To_Account: 'user2' }, ResultCode: 0, ResultInfo: '' },
    ]);
  });
});
