import { afterEach, describe, expect, it } from 'vitest';
import { createClient, ErrorCode, type MarkItem, mark, TimMarksValidationError } from '../../src/index.js';
import { FakeApi } from '../support/fake-api.js';

type Client = ReturnType<FakeApi['client']>;

let api: FakeApi;
afterEach(async () => api?.close());

const c2c = { Type: 1, To_Account: 'user1' } as const;
const ok: MarkItem = { OptType: 1, ContactItem: c2c, SetMark: [1] };

/** Sends `items` (a good one first) and answers the error, checking nothing reached the network. */
async function refused(items: unknown[], request: object = {}): Promise<TimMarksValidationError> {
  api = new FakeApi().listen();
  const error = await api
    .client()
    .markContact({ From_Account: 'user0', MarkItem: items, ...request } as never)
    .catch((e: unknown) => e);
  expect(api.sent).toHaveLength(0);
  expect(error).toBeInstanceOf(TimMarksValidationError);
  return error as TimMarksValidationError;
}

describe('local validation of markContact (before the network, with the server codes)', () => {
  it.each([
    ['position 0', { ...ok, SetMark: [0] }, 'MarkItem[1].SetMark[0]'],
    ['position 65', { ...ok, SetMark: [65] }, 'MarkItem[1].SetMark[0]'],
    ['position -1', { ...ok, ClearMark: [-1] }, 'MarkItem[1].ClearMark[0]'],
    ['position 1.5', { ...ok, SetMark: [1.5] }, 'MarkItem[1].SetMark[0]'],
    ['position "1"', { ...ok, SetMark: ['1'] }, 'MarkItem[1].SetMark[0]'],
    ['SetMark not an array', { ...ok, SetMark: 1 }, 'MarkItem[1].SetMark'],
    [
      'CustomMark over 256 UTF-8 bytes',
      { OptType: 2, ContactItem: c2c, CustomMark: '标'.repeat(86) },
      'MarkItem[1].CustomMark',
    ],
    ['CustomMark not a string', { OptType: 2, ContactItem: c2c, CustomMark: 7 }, 'MarkItem[1].CustomMark'],
    ['no To_Account', { ...ok, ContactItem: { Type: 1 } }, 'MarkItem[1].ContactItem.To_Account'],
    [
      'empty To_Account',
      { ...ok, ContactItem: { Type: 1, To_Account: '' } },
      'MarkItem[1].ContactItem.To_Account',
    ],
    ['no ToGroupId', { ...ok, ContactItem: { Type: 2 } }, 'MarkItem[1].ContactItem.ToGroupId'],
    [
      'To_Account on a group',
      { ...ok, ContactItem: { Type: 2, To_Account: 'x' } },
      'MarkItem[1].ContactItem.ToGroupId',
    ],
    ['Type 3', { ...ok, ContactItem: { Type: 3, To_Account: 'x' } }, 'MarkItem[1].ContactItem.Type'],
    ['no ContactItem', { OptType: 1, SetMark: [1] }, 'MarkItem[1].ContactItem'],
    ['OptType 4', { ...ok, OptType: 4 }, 'MarkItem[1].OptType'],
    ['OptType missing', { ContactItem: c2c, SetMark: [1] }, 'MarkItem[1].OptType'],
    ['OptType 1 without positions', { OptType: 1, ContactItem: c2c }, 'MarkItem[1].OptType'],
    [
      'OptType 1 with empty lists',
      { OptType: 1, ContactItem: c2c, SetMark: [], ClearMark: [] },
      'MarkItem[1].OptType',
    ],
    ['OptType 2 without CustomMark', { OptType: 2, ContactItem: c2c }, 'MarkItem[1].OptType'],
    ['OptType 3 without CustomMark', { OptType: 3, ContactItem: c2c, SetMark: [1] }, 'MarkItem[1].OptType'],
    ['OptType 3 without positions', { OptType: 3, ContactItem: c2c, CustomMark: 'x' }, 'MarkItem[1].OptType'],
    ['OptType 1 with a CustomMark it would ignore', { ...ok, CustomMark: 'x' }, 'MarkItem[1].OptType'],
    [
      'OptType 2 with positions it would ignore',
      { OptType: 2, ContactItem: c2c, CustomMark: 'x', SetMark: [1] },
      'MarkItem[1].OptType',
    ],
    ['a position both set and cleared', { ...ok, SetMark: [1, 2], ClearMark: [3, 2] }, 'MarkItem[1].SetMark'],
    ['an item that is not an object', 'star', 'MarkItem[1]'],
  ])('refuses %s with 50002 and the item index', async (_, item, field) => {
    const error = await refused([ok, item]);
    expect(error).toMatchObject({
      code: ErrorCode.INVALID_PARAMETER,
      itemIndex: 1,
      field,
      attempts: 0,
      command: 'markContact',
    });
  });

  it('refuses a numeric To_Account with 60015, as the server would', async () => {
    const error = await refused([ok, { ...ok, ContactItem: { Type: 1, To_Account: 42 } }]);
    expect(error).toMatchObject({ code: ErrorCode.ACCOUNT_TYPE, itemIndex: 1 });
  });

  it('refuses a numeric From_Account with 60015 and a missing one with 50002', async () => {
    expect(await refused([ok], { From_Account: 1 })).toMatchObject({
      code: ErrorCode.ACCOUNT_TYPE,
      field: 'From_Account',
    });
    expect(await refused([ok], { From_Account: undefined })).toMatchObject({
      code: ErrorCode.INVALID_PARAMETER,
      field: 'From_Account',
    });
  });

  it('refuses a From_Account over 32 UTF-8 bytes with 50002, as the server does (the whole request)', async () => {
    for (const From_Account of ['a'.repeat(33), '好'.repeat(11)]) {
      expect(await refused([ok], { From_Account })).toMatchObject({
        code: ErrorCode.INVALID_PARAMETER,
        field: 'From_Account',
        itemIndex: undefined,
        errorInfo: 'must be at most 32 UTF-8 bytes',
      });
    }
  });

  it('refuses a To_Account over 32 UTF-8 bytes and a ToGroupId over 48 with 50002 on their item', async () => {
    expect(
      await refused([ok, { ...ok, ContactItem: { Type: 1, To_Account: 'b'.repeat(40) } }]),
    ).toMatchObject({
      code: ErrorCode.INVALID_PARAMETER,
      itemIndex: 1,
      field: 'MarkItem[1].ContactItem.To_Account',
    });
    expect(await refused([ok, { ...ok, ContactItem: { Type: 2, ToGroupId: 'g'.repeat(49) } }])).toMatchObject(
      {
        code: ErrorCode.INVALID_PARAMETER,
        itemIndex: 1,
        field: 'MarkItem[1].ContactItem.ToGroupId',
      },
    );
  });

  it('refuses more than 64 positions in one list, and takes 64 with repeats', async () => {
    const error = await refused([ok, { ...ok, SetMark: Array(65).fill(2) }]);
    expect(error).toMatchObject({ itemIndex: 1, field: 'MarkItem[1].SetMark' });
    api = new FakeApi().listen();
    await api
      .client()
      .markContact({ From_Account: 'user0', MarkItem: [{ ...ok, SetMark: Array(64).fill(2) }] });
    expect(api.sent).toHaveLength(1);
  });

  it('refuses a request with no MarkItem with 51006', async () => {
    expect(await refused([])).toMatchObject({ code: ErrorCode.MARK_ITEM_COUNT, itemIndex: undefined });
  });

  it('checks every item before the first call of a split request: nothing is applied', async () => {
    const items = Array.from(
      { length: 250 },
      (_, i): MarkItem => ({ OptType: 1, ContactItem: { Type: 1, To_Account: `u${i}` }, SetMark: [1] }),
    );
    items[180] = { ...ok, SetMark: [99] };
    const error = await refused(items);
    expect(error.itemIndex).toBe(180);
    expect(error.message).toContain('MarkItem[180].SetMark[0]');
  });

  it('accepts the limits themselves: positions 1 and 64, 256 bytes, an empty CustomMark', async () => {
    api = new FakeApi().listen();
    await api.client().markContact({
      From_Account: 'user0',
      MarkItem: [
        { OptType: 3, ContactItem: c2c, SetMark: [1, 64], ClearMark: [33], CustomMark: `${'€'.repeat(85)}x` },
        { OptType: 2, ContactItem: { Type: 2, ToGroupId: '@TGS#1' }, CustomMark: '' },
      ],
    });
    expect(api.sent).toHaveLength(1);
  });

  it('sends only the fields of the spec', async () => {
    api = new FakeApi().listen();
    await api.client().markContact({
      From_Account: 'user0',
      MarkItem: [{ ...ok, ContactItem: { ...c2c, Extra: 1 }, Note: 'x' } as MarkItem],
    });
    expect(api.sent[0]?.body.MarkItem).toEqual([ok]);
  });
});

describe("local validation of the setup commands, with their services' codes", () => {
  it.each([
    ['importAccount of a 33-byte UserID', (c: Client) => c.importAccount({ UserID: 'u'.repeat(33) }), 70402],
    ['importAccount of a numeric UserID', (c: Client) => c.importAccount({ UserID: 5 as never }), 60015],
    ['importAccounts with an empty entry', (c: Client) => c.importAccounts({ Accounts: ['a', ''] }), 70402],
    ['importAccounts of nothing', (c: Client) => c.importAccounts({ Accounts: [] }), 70402],
    [
      'createGroup with a 31-byte Name',
      (c: Client) => c.createGroup({ Type: 'Public', Name: 'n'.repeat(31) }),
      10004,
    ],
    [
      'destroyGroup with a 49-byte GroupId',
      (c: Client) => c.destroyGroup({ GroupId: 'g'.repeat(49) }),
      10004,
    ],
  ])('refuses %s before sending', async (_, send, code) => {
    api = new FakeApi().listen();
    await expect(send(api.client())).rejects.toMatchObject({ code, name: 'TimMarksValidationError' });
    expect(api.sent).toHaveLength(0);
  });
});

describe('local validation of getContactGroup', () => {
  it.each([
    ['a negative StartIndex', { From_Account: 'u', StartIndex: -1 }, ErrorCode.INVALID_PARAMETER],
    ['a missing StartIndex', { From_Account: 'u' }, ErrorCode.INVALID_PARAMETER],
    ['a numeric From_Account', { From_Account: 5, StartIndex: 0 }, ErrorCode.ACCOUNT_TYPE],
  ])('refuses %s', async (_, request, code) => {
    api = new FakeApi().listen();
    await expect(api.client().getContactGroup(request as never)).rejects.toMatchObject({
      code,
      command: 'getContactGroup',
    });
    expect(api.sent).toHaveLength(0);
  });
});

describe('the mark builder validates as it goes', () => {
  it.each([
    ['set(0)', () => mark.c2c('u').set(0)],
    ['set(65)', () => mark.c2c('u').set(1, 65)],
    ['clear(1.5)', () => mark.group('@TGS#1').clear(1.5)],
    ['custom over 256 bytes', () => mark.c2c('u').custom('x'.repeat(257))],
    ['c2c("")', () => mark.c2c('')],
    ['c2c of 33 bytes', () => mark.c2c('x'.repeat(33))],
    ['group of 49 bytes', () => mark.group('g'.repeat(49))],
    ['group("")', () => mark.group('')],
  ])('%s throws 50002', (_, build) => {
    expect(build).toThrow(TimMarksValidationError);
    expect(build).toThrow(expect.objectContaining({ code: ErrorCode.INVALID_PARAMETER }));
  });
});

describe('conversation-group requests', () => {
  const tim = () =>
    createClient({
      sdkAppId: 1400000000,
      identifier: 'administrator',
      secretKey: 'k',
      baseUrl: 'http://127.0.0.1:1',
    });
  const refusal = async (promise: Promise<unknown>) => {
    const error = await promise.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimMarksValidationError);
    return error as TimMarksValidationError;
  };

  it('refuses a group name empty or over 32 UTF-8 bytes with 51011, before sending', async () => {
    for (const GroupName of ['', 'x'.repeat(33), '组'.repeat(11)]) {
      const error = await refusal(
        tim().createContactGroup({ From_Account: 'u', GroupContactItem: [{ GroupName, ContactItem: [] }] }),
      );
      expect(error.code).toBe(ErrorCode.CONTACT_GROUP_NAME);
      expect(error.field).toBe('GroupContactItem[0].GroupName');
    }
    const rename = await refusal(
      tim().updateContactGroup({
        From_Account: 'u',
        UpdateType: 1,
        UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'a', NewGroupName: '' },
      }),
    );
    expect(rename.code).toBe(ErrorCode.CONTACT_GROUP_NAME);
  });

  it('refuses more than 100 conversations in a create or update with 51006, and a bad ContactItem with 50002', async () => {
    const many = Array.from({ length: 101 }, (_, i) => ({ Type: 1 as const, To_Account: `u${i}` }));
    const create = await refusal(
      tim().createContactGroup({
        From_Account: 'u',
        GroupContactItem: [{ GroupName: 'g', ContactItem: many }],
      }),
    );
    expect(create.code).toBe(ErrorCode.MARK_ITEM_COUNT);
    const update = await refusal(
      tim().updateContactGroup({
        From_Account: 'u',
        UpdateType: 1,
        UpdateGroup: { UpdateGroupType: 2, OldGroupName: 'g', ContactUpdateItem: [] },
      }),
    );
    expect(update.code).toBe(ErrorCode.MARK_ITEM_COUNT);
    const bad = await refusal(
      tim().searchContactGroup({ From_Account: 'u', ContactItem: [{ Type: 1 } as never] }),
    );
    expect(bad.code).toBe(ErrorCode.INVALID_PARAMETER);
    const none = await refusal(tim().searchContactGroup({ From_Account: 'u', ContactItem: [] }));
    expect(none.code).toBe(ErrorCode.MARK_ITEM_COUNT);
    const two = await refusal(tim().delContactGroup({ From_Account: 'u', GroupName: ['a', 'b'] as never }));
    expect(two.field).toBe('GroupName');
  });
});
