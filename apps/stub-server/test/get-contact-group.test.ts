// v4/recentcontact/get_contact_group: format, first-marked order and paging.
import { ErrorCode, LIMITS } from '@tim-marks/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Stub } from '../src/stub.js';
import { c2c, call, group, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
});
afterAll(() => stub.close());
beforeEach(async () => {
  await stub.control.reset();
});

const page = (from: string, start: number) =>
  call(stub, 'getContactGroup', { From_Account: from, StartIndex: start });

describe('get_contact_group', () => {
  it('answers an imported user without marks with an empty, complete page', async () => {
    expect(await page('user0', 0)).toEqual({
      ContactItem: [],
      GroupItem: [],
      CompleteFlag: 1,
      NextStartIndex: 0,
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      ErrorDisplay: '',
    });
  });

  it('writes StandardMark in binary, most significant bit first, without leading zeros', async () => {
    await stub.control.seed({ groups: [{ GroupId: 'g1' }] });
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [
        c2c('a', { SetMark: [4] }),
        c2c('b', { SetMark: [64] }),
        c2c('c', { SetMark: [1, 33] }),
        { OptType: 2, ContactItem: { Type: 1, To_Account: 'd' }, CustomMark: 'only custom' },
        group('g1', { SetMark: [32] }),
      ],
    });
    const answer = await page('user0', 0);
    expect(answer.ContactItem).toEqual([
      { Type: 1, To_Account: 'a', StandardMark: '1000', Timestamp: expect.any(Number) },
      { Type: 1, To_Account: 'b', StandardMark: `1${'0'.repeat(63)}`, Timestamp: expect.any(Number) },
      { Type: 1, To_Account: 'c', StandardMark: `1${'0'.repeat(31)}1`, Timestamp: expect.any(Number) },
      {
        Type: 1,
        To_Account: 'd',
        StandardMark: '0',
        CustomMark: 'only custom',
        Timestamp: expect.any(Number),
      },
      { Type: 2, ToGroupId: 'g1', StandardMark: `1${'0'.repeat(31)}`, Timestamp: expect.any(Number) },
    ]);
    // No conversation group: no ContactGroupId, GroupItem empty.
    expect(answer.GroupItem).toEqual([]);
  });

  it('orders by first-marked time; an update keeps the place, a removed and re-marked conversation goes last', async () => {
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('a'), c2c('b'), c2c('c')] });
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('a', { SetMark: [2] })] });
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('b', { SetMark: [], ClearMark: [1] })],
    });
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('b')] });
    const answer = await page('user0', 0);
    expect((answer.ContactItem as { To_Account: string }[]).map((c) => c.To_Account)).toEqual([
      'a',
      'c',
      'b',
    ]);
  });

  it(`pages ${LIMITS.getContactGroupPageSize} at a time: 250 marks are 3 pages`, async () => {
    for (let batch = 0; batch < 3; batch++) {
      const size = batch < 2 ? 100 : 50;
      const MarkItem = Array.from({ length: size }, (_, i) =>
        c2c(`peer${String(batch * 100 + i).padStart(3, '0')}`),
      );
      await call(stub, 'markContact', { From_Account: 'user0', MarkItem });
    }
    const seen: string[] = [];
    const pages = [];
    let start = 0;
    for (;;) {
      const answer = await page('user0', start);
      pages.push({
        count: (answer.ContactItem as unknown[]).length,
        CompleteFlag: answer.CompleteFlag,
        NextStartIndex: answer.NextStartIndex,
      });
      seen.push(...(answer.ContactItem as { To_Account: string }[]).map((c) => c.To_Account));
      if (answer.CompleteFlag === 1) break;
      start = answer.NextStartIndex as number;
    }
    expect(pages).toEqual([
      { count: 100, CompleteFlag: 0, NextStartIndex: 100 },
      { count: 100, CompleteFlag: 0, NextStartIndex: 200 },
      { count: 50, CompleteFlag: 1, NextStartIndex: 0 },
    ]);
    expect(seen).toEqual(Array.from({ length: 250 }, (_, i) => `peer${String(i).padStart(3, '0')}`));
    // A StartIndex in the middle of a page, and one past the end.
    const middle = await page('user0', 240);
    expect((middle.ContactItem as unknown[]).length).toBe(10);
    expect(middle.CompleteFlag).toBe(1);
    const past = await page('user0', 1000);
    expect(past).toMatchObject({ ContactItem: [], CompleteFlag: 1, NextStartIndex: 0, ErrorCode: 0 });
  });

  it('updates Timestamp on every change', async () => {
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('a')] });
    const first = ((await page('user0', 0)).ContactItem as { Timestamp: number }[])[0]?.Timestamp as number;
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('a', { SetMark: [3] })] });
    const second = ((await page('user0', 0)).ContactItem as { Timestamp: number }[])[0]?.Timestamp as number;
    expect(second).toBeGreaterThan(first);
  });

  it('answers 50001 for a user never imported, 60015 / 50002 for bad fields', async () => {
    expect((await page('stranger', 0)).ErrorCode).toBe(ErrorCode.ACCOUNT_NOT_IMPORTED);
    const bad: [unknown, number][] = [
      [{ From_Account: 5, StartIndex: 0 }, ErrorCode.ACCOUNT_TYPE],
      [{ StartIndex: 0 }, ErrorCode.INVALID_PARAMETER],
      [{ From_Account: 'user0' }, ErrorCode.INVALID_PARAMETER],
      [{ From_Account: 'user0', StartIndex: -1 }, ErrorCode.INVALID_PARAMETER],
      [{ From_Account: 'user0', StartIndex: 1.5 }, ErrorCode.INVALID_PARAMETER],
      [{ From_Account: 'user0', StartIndex: '0' }, ErrorCode.INVALID_PARAMETER],
      [{ From_Account: '', StartIndex: 0 }, ErrorCode.INVALID_PARAMETER],
    ];
    for (const [body, code] of bad) {
      const answer = await call(stub, 'getContactGroup', body);
      expect(answer.ErrorCode, JSON.stringify(body)).toBe(code);
      expect(answer.ActionStatus).toBe('FAIL');
      expect(answer.ErrorInfo).not.toBe('');
    }
  });
});
