// v4/recentcontact/mark_contact: what is applied, what fails alone, what fails the whole request.
import { ErrorCode, LIMITS, StandardMark } from '@tim-marks/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Stub } from '../src/stub.js';
import { type Answer, allContacts, c2c, call, group, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
});
afterAll(() => stub.close());
beforeEach(async () => {
  await stub.control.reset();
});

const results = (answer: Answer) =>
  (answer.ResultItem as { ResultCode: number; ResultInfo: string }[]).map((r) => r.ResultCode);

async function marksOf(from: string) {
  return allContacts(stub, from);
}

describe('mark_contact applies marks', () => {
  it('answers the official example as the official page shows it', async () => {
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [
        { OptType: 3, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1, 2, 3], CustomMark: 'abcd' },
      ],
    });
    expect(answer).toEqual({
      ResultItem: [
        { OptType: 3, ContactItem: { Type: 1, To_Account: 'user1' }, ResultCode: 0, ResultInfo: '' },
      ],
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      ErrorDisplay: '',
    });
    const [contact] = await marksOf('user0');
    expect(contact).toEqual({
      Type: 1,
      To_Account: 'user1',
      StandardMark: '111',
      CustomMark: 'abcd',
      Timestamp: expect.any(Number),
    });
    expect(Math.abs((contact?.Timestamp as number) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('sets and clears bits 1..64 without touching the others', async () => {
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('user1', { SetMark: [1, 4, 32, 33, 64] })],
    });
    expect((await marksOf('user0'))[0]?.StandardMark).toBe(`1${'0'.repeat(30)}11${'0'.repeat(27)}1001`);
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('user1', { SetMark: [2], ClearMark: [64, 33, 5] })],
    });
    expect((await marksOf('user0'))[0]?.StandardMark).toBe(`1${'0'.repeat(27)}1011`);
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('user1', { SetMark: [StandardMark.Hide], ClearMark: [32] })],
    });
    expect((await marksOf('user0'))[0]?.StandardMark).toBe('1011');
  });

  it('OptType 2 sets only the custom mark, OptType 1 only the standard mark', async () => {
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [
        { OptType: 2, ContactItem: { Type: 1, To_Account: 'user1' }, CustomMark: 'vip', SetMark: [5] },
      ],
    });
    expect(await marksOf('user0')).toMatchObject([{ StandardMark: '0', CustomMark: 'vip' }]);
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('user1', { CustomMark: 'ignored' })],
    });
    expect(await marksOf('user0')).toMatchObject([{ StandardMark: '1', CustomMark: 'vip' }]);
  });

  it('an empty CustomMark clears it; CustomMark is absent from get_contact_group when none is set', async () => {
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [
        { OptType: 3, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1], CustomMark: 'x' },
      ],
    });
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [{ OptType: 2, ContactItem: { Type: 1, To_Account: 'user1' }, CustomMark: '' }],
    });
    const [contact] = await marksOf('user0');
    expect(contact).not.toHaveProperty('CustomMark');
    expect(contact?.StandardMark).toBe('1');
  });

  it('counts CustomMark in UTF-8 bytes: 256 bytes pass, 257 fail that item alone', async () => {
    const ok256 = `${'语'.repeat(85)}a`; // 85 × 3 + 1 = 256 bytes, 86 characters
    const over = '语'.repeat(86); // 258 bytes, 86 characters
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [
        { OptType: 2, ContactItem: { Type: 1, To_Account: 'a' }, CustomMark: ok256 },
        { OptType: 2, ContactItem: { Type: 1, To_Account: 'b' }, CustomMark: over },
      ],
    });
    expect(results(answer)).toEqual([0, ErrorCode.INVALID_PARAMETER]);
    expect((answer.ResultItem as { ResultInfo: string }[])[1]?.ResultInfo).toContain('256 UTF-8 bytes');
    expect(await marksOf('user0')).toMatchObject([{ To_Account: 'a', CustomMark: ok256 }]);
  });

  it('marks group conversations of existing groups', async () => {
    await stub.control.seed({ groups: [{ GroupId: 'team-1' }] });
    const answer = await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [group('team-1')] });
    expect(results(answer)).toEqual([0]);
    expect(await marksOf('user0')).toMatchObject([{ Type: 2, ToGroupId: 'team-1', StandardMark: '1' }]);
  });

  it('does not require To_Account to be imported (marks are independent of accounts)', async () => {
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('never-imported')],
    });
    expect(results(answer)).toEqual([0]);
  });

  it('removes a conversation once it has no bit and no custom mark left', async () => {
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1'), c2c('user2')] });
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('user1', { SetMark: [], ClearMark: [1] })],
    });
    expect((await marksOf('user0')).map((c) => c.To_Account)).toEqual(['user2']);
  });

  it('applies items in request order, several on the same conversation included', async () => {
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [
        c2c('user1', { SetMark: [1, 2] }),
        c2c('user1', { SetMark: [], ClearMark: [1] }),
        c2c('user1', { SetMark: [3] }),
      ],
    });
    expect(results(answer)).toEqual([0, 0, 0]);
    expect(await marksOf('user0')).toMatchObject([{ StandardMark: '110' }]);
  });
});

describe('mark_contact item-level failures fail that item alone', () => {
  const bad: [string, unknown, number][] = [
    ['position 0', c2c('x', { SetMark: [0] }), ErrorCode.INVALID_PARAMETER],
    ['position 65', c2c('x', { SetMark: [65] }), ErrorCode.INVALID_PARAMETER],
    ['position -1', c2c('x', { ClearMark: [-1] }), ErrorCode.INVALID_PARAMETER],
    ['position 1.5', c2c('x', { SetMark: [1.5] }), ErrorCode.INVALID_PARAMETER],
    ['position "1"', c2c('x', { SetMark: ['1'] }), ErrorCode.INVALID_PARAMETER],
    ['set and clear one position', c2c('x', { SetMark: [2], ClearMark: [2] }), ErrorCode.INVALID_PARAMETER],
    ['OptType 1 without positions', c2c('x', { SetMark: [] }), ErrorCode.INVALID_PARAMETER],
    [
      'OptType 2 without CustomMark',
      { OptType: 2, ContactItem: { Type: 1, To_Account: 'x' } },
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      'OptType 3 without positions',
      { OptType: 3, ContactItem: { Type: 1, To_Account: 'x' }, CustomMark: 'c' },
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      'OptType 3 without CustomMark',
      { OptType: 3, ContactItem: { Type: 1, To_Account: 'x' }, SetMark: [1] },
      ErrorCode.INVALID_PARAMETER,
    ],
    ['OptType 4', c2c('x', { OptType: 4 }), ErrorCode.INVALID_PARAMETER],
    ['no OptType', { ContactItem: { Type: 1, To_Account: 'x' }, SetMark: [1] }, ErrorCode.INVALID_PARAMETER],
    ['no ContactItem', { OptType: 1, SetMark: [1] }, ErrorCode.INVALID_PARAMETER],
    [
      'Type 3',
      { OptType: 1, ContactItem: { Type: 3, To_Account: 'x' }, SetMark: [1] },
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      'C2C without To_Account',
      { OptType: 1, ContactItem: { Type: 1, ToGroupId: 'g' }, SetMark: [1] },
      ErrorCode.INVALID_PARAMETER,
    ],
    [
      'group without ToGroupId',
      { OptType: 1, ContactItem: { Type: 2, To_Account: 'x' }, SetMark: [1] },
      ErrorCode.INVALID_PARAMETER,
    ],
    ['empty To_Account', c2c(''), ErrorCode.INVALID_PARAMETER],
    ['To_Account over 32 bytes', c2c('é'.repeat(17)), ErrorCode.INVALID_PARAMETER],
    ['To_Account a number', c2c(12345), ErrorCode.ACCOUNT_TYPE],
    [
      'CustomMark a number',
      { OptType: 2, ContactItem: { Type: 1, To_Account: 'x' }, CustomMark: 5 },
      ErrorCode.INVALID_PARAMETER,
    ],
    ['an item that is not an object', 7, ErrorCode.INVALID_PARAMETER],
    ['unknown group', group('no-such-group'), ErrorCode.GROUP_UNRESOLVED],
  ];

  for (const [name, item, code] of bad) {
    it(`${name} → ${code}, the other items applied`, async () => {
      const answer = await call(stub, 'markContact', {
        From_Account: 'user0',
        MarkItem: [c2c('before'), item, c2c('after')],
      });
      expect(answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
      expect(results(answer)).toEqual([0, code, 0]);
      const info = (answer.ResultItem as { ResultInfo: string }[])[1]?.ResultInfo ?? '';
      expect(info.length).toBeGreaterThan(10);
      expect(info).toMatch(/MarkItem\[1\]/);
      expect((await marksOf('user0')).map((c) => c.To_Account)).toEqual(['before', 'after']);
    });
  }

  it('echoes OptType and ContactItem of every item, failed ones included', async () => {
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('a'), { OptType: 1, ContactItem: { Type: 2, ToGroupId: 'gone' }, SetMark: [1] }],
    });
    expect(answer.ResultItem).toEqual([
      { OptType: 1, ContactItem: { Type: 1, To_Account: 'a' }, ResultCode: 0, ResultInfo: '' },
      {
        OptType: 1,
        ContactItem: { Type: 2, ToGroupId: 'gone' },
        ResultCode: 51007,
        ResultInfo: expect.stringContaining('gone'),
      },
    ]);
  });

  it('refuses marks on a dissolved group (51007)', async () => {
    const created = await call(stub, 'createGroup', { Type: 'Public', Name: 'tmp' });
    const id = created.GroupId as string;
    expect(
      results(await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [group(id)] })),
    ).toEqual([0]);
    await call(stub, 'destroyGroup', { GroupId: id });
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [group(id, { SetMark: [2] })],
    });
    expect(results(answer)).toEqual([ErrorCode.GROUP_UNRESOLVED]);
    // What was marked before the group was dissolved is still there, unchanged.
    expect(await marksOf('user0')).toMatchObject([{ ToGroupId: id, StandardMark: '1' }]);
  });

  it('caps a user at 1000 marked conversations: the 1001st fails, updates still succeed', async () => {
    for (let batch = 0; batch < 10; batch++) {
      const MarkItem = Array.from({ length: 100 }, (_, i) => c2c(`peer${batch * 100 + i}`));
      expect(
        results(await call(stub, 'markContact', { From_Account: 'user0', MarkItem })).every((c) => c === 0),
      ).toBe(true);
    }
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [
        c2c('peer5', { SetMark: [2] }),
        c2c('one-more'),
        c2c('peer6', { SetMark: [], ClearMark: [1] }),
        c2c('now-fits'),
      ],
    });
    // The 1001st fails; clearing peer6's last bit frees a slot the next item takes.
    expect(results(answer)).toEqual([0, ErrorCode.CONVERSATION_LIMIT, 0, 0]);
    expect((answer.ResultItem as { ResultInfo: string }[])[1]?.ResultInfo).toContain(
      String(LIMITS.conversationsPerUser),
    );
    const all = await marksOf('user0');
    expect(all).toHaveLength(LIMITS.conversationsPerUser);
    expect(all.find((c) => c.To_Account === 'peer5')?.StandardMark).toBe('11');
    expect(all.at(-1)?.To_Account).toBe('now-fits');
    // Another user is not affected.
    expect(
      results(await call(stub, 'markContact', { From_Account: 'user1', MarkItem: [c2c('one-more')] })),
    ).toEqual([0]);
  });
});

describe('mark_contact request-level failures change nothing', () => {
  async function expectUnchanged(body: unknown, code: number, info: RegExp) {
    const answer = await call(stub, 'markContact', body);
    expect(answer).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: code,
      ErrorInfo: expect.stringMatching(info),
      ErrorDisplay: '',
    });
    expect(await marksOf('user0')).toEqual([]);
  }

  it('no From_Account → 50002', () => expectUnchanged({ MarkItem: [c2c('a')] }, 50002, /From_Account/));
  it('From_Account a number → 60015', () =>
    expectUnchanged({ From_Account: 5, MarkItem: [c2c('a')] }, 60015, /From_Account/));
  it('From_Account empty → 50002', () =>
    expectUnchanged({ From_Account: '', MarkItem: [c2c('a')] }, 50002, /From_Account/));
  it('From_Account never imported → 50001', () =>
    expectUnchanged({ From_Account: 'stranger', MarkItem: [c2c('a')] }, 50001, /stranger/));
  it('no MarkItem → 51006', () => expectUnchanged({ From_Account: 'user0' }, 51006, /MarkItem/));
  it('empty MarkItem → 51006', () =>
    expectUnchanged({ From_Account: 'user0', MarkItem: [] }, 51006, /got 0/));
  it('101 MarkItems → 51006', () =>
    expectUnchanged(
      { From_Account: 'user0', MarkItem: Array.from({ length: 101 }, (_, i) => c2c(`p${i}`)) },
      51006,
      /1 to 100 .*got 101/,
    ));
  it('MarkItem not an array → 50002', () =>
    expectUnchanged({ From_Account: 'user0', MarkItem: {} }, 50002, /MarkItem/));

  it('100 MarkItems are accepted', async () => {
    const MarkItem = Array.from({ length: 100 }, (_, i) => c2c(`p${i}`));
    expect(results(await call(stub, 'markContact', { From_Account: 'user0', MarkItem }))).toHaveLength(100);
  });
});

describe('editions', () => {
  it('refuses standard marks on a non-Ultimate app (51013, nothing applied), custom marks still work', async () => {
    for (const edition of ['pro', 'standard'] as const) {
      stub.control.setEdition(stub.sdkAppId, edition);
      try {
        const refused = await call(stub, 'markContact', {
          From_Account: 'user0',
          MarkItem: [{ OptType: 2, ContactItem: { Type: 1, To_Account: 'a' }, CustomMark: 'c' }, c2c('b')],
        });
        expect(refused).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: ErrorCode.NOT_ULTIMATE });
        expect(refused.ErrorInfo).toContain(edition);
        const both = await call(stub, 'markContact', {
          From_Account: 'user0',
          MarkItem: [
            { OptType: 3, ContactItem: { Type: 1, To_Account: 'a' }, CustomMark: 'c', SetMark: [1] },
          ],
        });
        expect(both.ErrorCode).toBe(ErrorCode.NOT_ULTIMATE);
        expect(await marksOf('user0')).toEqual([]);
        const custom = await call(stub, 'markContact', {
          From_Account: 'user0',
          MarkItem: [{ OptType: 2, ContactItem: { Type: 1, To_Account: 'a' }, CustomMark: 'c' }],
        });
        expect(results(custom)).toEqual([0]);
        await stub.control.reset();
      } finally {
        stub.control.setEdition(stub.sdkAppId, 'ultimate');
      }
    }
  });
});

describe('concurrency', () => {
  it('never loses a bit or a mark when many requests update one conversation at once', async () => {
    const requests = Array.from({ length: 64 }, (_, i) =>
      call(stub, 'markContact', {
        From_Account: 'user0',
        MarkItem: [
          c2c('hot', { SetMark: [i + 1] }),
          { OptType: 2, ContactItem: { Type: 1, To_Account: `custom-${i}` }, CustomMark: `m${i}` },
        ],
      }),
    );
    const answers = await Promise.all(requests);
    expect(answers.every((a) => results(a).every((c) => c === 0))).toBe(true);
    const all = await marksOf('user0');
    expect(all.find((c) => c.To_Account === 'hot')?.StandardMark).toBe('1'.repeat(64));
    expect(all).toHaveLength(65);
    // And clearing them concurrently leaves nothing behind.
    await Promise.all(
      Array.from({ length: 64 }, (_, i) =>
        call(stub, 'markContact', {
          From_Account: 'user0',
          MarkItem: [c2c('hot', { SetMark: [], ClearMark: [i + 1] })],
        }),
      ),
    );
    expect((await marksOf('user0')).find((c) => c.To_Account === 'hot')).toBeUndefined();
  });
});
