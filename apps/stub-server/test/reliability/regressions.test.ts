// Bugs the fuzz run and the bad-input table found in the stub, one regression test each.
import { ErrorCode } from '@tim-marks/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stub } from '../../src/stub.js';
import { call, testStub } from '../helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
});
afterAll(() => stub.close());

describe('get_contact_group StartIndex', () => {
  it('refuses integers past 2^53 − 1 with 50002 instead of answering NextStartIndex null', async () => {
    // `1` and 400 zeros parses as Infinity; 1e300 as an integer no page index can reach.
    for (const raw of [`1${'0'.repeat(400)}`, '1e300', '9007199254740992']) {
      const answer = await call(stub, 'getContactGroup', undefined, {
        raw: `{"From_Account":"user0","StartIndex":${raw}}`,
      });
      expect(answer, raw).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: ErrorCode.INVALID_PARAMETER });
      expect(answer.ErrorInfo).toMatch(/StartIndex/);
    }
    const last = await call(stub, 'getContactGroup', undefined, {
      raw: `{"From_Account":"user0","StartIndex":${Number.MAX_SAFE_INTEGER}}`,
    });
    expect(last).toMatchObject({ ErrorCode: 0, ContactItem: [], CompleteFlag: 1 });
  });
});
