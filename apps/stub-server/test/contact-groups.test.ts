// Conversation groups: create_contact_group, update_contact_group, del_contact_group,
// search_contact_group, and get_contact_group's GroupItem / ContactGroupId — every rule and code of
// the spec's x-assumptions, through HTTP (every answer is also checked against the spec's schema).
import { ErrorCode, LIMITS } from '@tim-marks/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MemoryStore } from '../src/store/memory.js';
import type { Stub } from '../src/stub.js';
import { type Answer, allContacts, c2c, call, controlRequest, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
});
afterAll(() => stub.close());
beforeEach(async () => {
  await stub.control.reset();
  stub.control.setEdition(stub.sdkAppId, 'ultimate');
});

const user = (to: string) => ({ Type: 1, To_Account: to });
const grp = (id: string) => ({ Type: 2, ToGroupId: id });

const create = (name: unknown, contacts: unknown[] = [], from = 'user0') =>
  call(stub, 'createContactGroup', {
    From_Account: from,
    GroupContactItem: [{ GroupName: name, ContactItem: contacts }],
  });
const rename = (oldName: string, newName: unknown, from = 'user0') =>
  call(stub, 'updateContactGroup', {
    From_Account: from,
    UpdateType: 1,
    UpdateGroup: { UpdateGroupType: 1, OldGroupName: oldName, NewGroupName: newName },
  });
const members = (name: string, items: [1 | 2, unknown][], from = 'user0') =>
  call(stub, 'updateContactGroup', {
    From_Account: from,
    UpdateType: 1,
    UpdateGroup: {
      UpdateGroupType: 2,
      OldGroupName: name,
      ContactUpdateItem: items.map(([ContactOptType, ContactItem]) => ({ ContactOptType, ContactItem })),
    },
  });
const del = (name: string, from = 'user0') =>
  call(stub, 'delContactGroup', { From_Account: from, GroupName: [name] });
const search = (contacts: unknown[], from = 'user0') =>
  call(stub, 'searchContactGroup', { From_Account: from, ContactItem: contacts });
const groupsOf = async (from = 'user0') =>
  (await call(stub, 'getContactGroup', { From_Account: from, StartIndex: 0 })).GroupItem;
const codes = (answer: Answer) =>
  ((answer.GroupResultItem as { ResultItem: { ResultCode: number }[] }[])[0]?.ResultItem ?? []).map(
    (r) => r.ResultCode,
  );

describe('create_contact_group', () => {
  it('answers the official example shape: the group with GroupId 1 and one ResultItem per conversation', async () => {
    expect(await create('test0', [user('user1')])).toEqual({
      GroupResultItem: [
        {
          GroupItem: { GroupName: 'test0', GroupId: 1 },
          ResultItem: [{ ContactItem: user('user1'), ResultCode: 0, ResultInfo: '' }],
        },
      ],
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      ErrorDisplay: '',
    });
  });

  it('numbers groups per user from 1 and never reuses the id of a deleted group', async () => {
    expect((await create('a')).GroupResultItem).toMatchObject([{ GroupItem: { GroupId: 1 } }]);
    expect((await create('b')).GroupResultItem).toMatchObject([{ GroupItem: { GroupId: 2 } }]);
    expect((await create('other', [], 'user1')).GroupResultItem).toMatchObject([
      { GroupItem: { GroupId: 1 } },
    ]);
    await del('b');
    expect((await create('c')).GroupResultItem).toMatchObject([{ GroupItem: { GroupId: 3 } }]);
    expect(await groupsOf()).toEqual([
      { GroupName: 'a', GroupId: 1 },
      { GroupName: 'c', GroupId: 3 },
    ]);
  });

  it('creates an empty group when ContactItem is []', async () => {
    expect((await create('empty', [])).ErrorCode).toBe(0);
    expect(await groupsOf()).toEqual([{ GroupName: 'empty', GroupId: 1 }]);
  });

  it('51011: a name empty, over 32 UTF-8 bytes, or already used; names are case-sensitive', async () => {
    for (const name of ['', 'x'.repeat(33), '组'.repeat(11), 42]) {
      const answer = await create(name);
      expect(answer.ErrorCode, JSON.stringify(name)).toBe(ErrorCode.CONTACT_GROUP_NAME);
      expect(answer.ActionStatus).toBe('FAIL');
    }
    expect((await create('x'.repeat(32))).ErrorCode).toBe(0);
    expect((await create('组'.repeat(10))).ErrorCode).toBe(0);
    expect((await create('Work')).ErrorCode).toBe(0);
    expect((await create('work')).ErrorCode).toBe(0);
    const again = await create('Work');
    expect(again.ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NAME);
    expect(again.ErrorInfo).toContain('Work');
    expect(await groupsOf()).toHaveLength(4);
  });

  it('51010: the 21st group of a user; deleting one frees its place', async () => {
    for (let i = 0; i < LIMITS.contactGroupsPerUser; i++) expect((await create(`g${i}`)).ErrorCode).toBe(0);
    const over = await create('one too many', [user('x')]);
    expect(over.ErrorCode).toBe(ErrorCode.CONTACT_GROUP_COUNT);
    expect((await search([user('x')])).ContactResultItem).toEqual([]);
    await del('g0');
    expect((await create('one too many')).ErrorCode).toBe(0);
  });

  it('51006: more than 100 conversations; nothing is created', async () => {
    const contacts = Array.from({ length: LIMITS.contactGroupItemsPerCall + 1 }, (_, i) => user(`u${i}`));
    expect((await create('big', contacts)).ErrorCode).toBe(ErrorCode.MARK_ITEM_COUNT);
    expect((await create('big', contacts.slice(1))).ErrorCode).toBe(0);
  });

  it('50002: GroupContactItem holding no group or two groups', async () => {
    for (const GroupContactItem of [
      [],
      [
        { GroupName: 'a', ContactItem: [] },
        { GroupName: 'b', ContactItem: [] },
      ],
      'a',
    ]) {
      const answer = await call(stub, 'createContactGroup', { From_Account: 'user0', GroupContactItem });
      expect(answer.ErrorCode).toBe(ErrorCode.INVALID_PARAMETER);
    }
    expect(await groupsOf()).toEqual([]);
  });

  it('50001 for an unknown From_Account, 50002 / 60015 for a missing or non-string one', async () => {
    expect((await create('a', [], 'nobody')).ErrorCode).toBe(ErrorCode.ACCOUNT_NOT_IMPORTED);
    const missing = await call(stub, 'createContactGroup', {
      GroupContactItem: [{ GroupName: 'a', ContactItem: [] }],
    });
    expect(missing.ErrorCode).toBe(ErrorCode.INVALID_PARAMETER);
    const number = await call(stub, 'createContactGroup', {
      From_Account: 7,
      GroupContactItem: [{ GroupName: 'a', ContactItem: [] }],
    });
    expect(number.ErrorCode).toBe(ErrorCode.ACCOUNT_TYPE);
  });

  it('fails bad conversations alone (50002, 60015, 51007) and still creates the group with the others', async () => {
    await stub.control.seed({ groups: [{ GroupId: 'team' }, { GroupId: 'gone' }] });
    await call(stub, 'destroyGroup', { GroupId: 'gone' });
    const answer = await create('mixed', [
      user('ok'),
      { Type: 1 },
      { Type: 1, To_Account: 5 },
      { Type: 3, To_Account: 'x' },
      grp('team'),
      grp('gone'),
      grp('never'),
      user('ok'),
    ]);
    expect(answer.ErrorCode).toBe(0);
    expect(codes(answer)).toEqual([0, 50002, 60015, 50002, 0, 51007, 51007, 0]);
    const items = await allContacts(stub, 'user0');
    expect(items).toEqual([
      { Type: 1, To_Account: 'ok', StandardMark: '0', ContactGroupId: [1], Timestamp: expect.any(Number) },
      { Type: 2, ToGroupId: 'team', StandardMark: '0', ContactGroupId: [1], Timestamp: expect.any(Number) },
    ]);
  });
});

describe('update_contact_group', () => {
  it('renames a group, keeping its id and members', async () => {
    await create('old', [user('a')]);
    const answer = await rename('old', 'new');
    expect(answer.GroupResultItem).toEqual([{ GroupItem: { GroupName: 'new', GroupId: 1 }, ResultItem: [] }]);
    expect(await groupsOf()).toEqual([{ GroupName: 'new', GroupId: 1 }]);
    expect((await search([user('a')])).ContactResultItem).toMatchObject([{ ContactGroupId: [1] }]);
  });

  it('renaming to its own name succeeds; to another group’s name is 51011; to a bad name is 51011', async () => {
    await create('a');
    await create('b');
    expect((await rename('a', 'a')).ErrorCode).toBe(0);
    expect((await rename('a', 'b')).ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NAME);
    expect((await rename('a', '')).ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NAME);
    expect((await rename('a', 'y'.repeat(33))).ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NAME);
    const absent = await call(stub, 'updateContactGroup', {
      From_Account: 'user0',
      UpdateType: 1,
      UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'a' },
    });
    expect(absent.ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NAME);
    expect(await groupsOf()).toEqual([
      { GroupName: 'a', GroupId: 1 },
      { GroupName: 'b', GroupId: 2 },
    ]);
  });

  it('51009 for an unknown OldGroupName (rename or members), names compare case-sensitively', async () => {
    await create('Work');
    expect((await rename('work', 'x')).ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NOT_FOUND);
    expect((await rename('nope', '')).ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NOT_FOUND);
    expect((await members('nope', [[1, user('a')]])).ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NOT_FOUND);
  });

  it('adds and removes conversations; both are idempotent; an emptied group stays', async () => {
    await create('g', [user('a')]);
    const answer = await members('g', [
      [1, user('b')],
      [1, user('a')],
      [2, user('a')],
      [2, user('never')],
    ]);
    expect(answer.GroupResultItem).toEqual([
      {
        GroupItem: { GroupName: 'g', GroupId: 1 },
        ResultItem: [
          { ContactOptType: 1, ContactItem: user('b'), ResultCode: 0, ResultInfo: '' },
          { ContactOptType: 1, ContactItem: user('a'), ResultCode: 0, ResultInfo: '' },
          { ContactOptType: 2, ContactItem: user('a'), ResultCode: 0, ResultInfo: '' },
          { ContactOptType: 2, ContactItem: user('never'), ResultCode: 0, ResultInfo: '' },
        ],
      },
    ]);
    expect((await allContacts(stub, 'user0')).map((c) => c.To_Account)).toEqual(['b']);
    await members('g', [[2, user('b')]]);
    expect(await allContacts(stub, 'user0')).toEqual([]);
    expect(await groupsOf()).toEqual([{ GroupName: 'g', GroupId: 1 }]);
  });

  it('51006 for no ContactUpdateItem or more than 100; 50002 for a bad UpdateType or UpdateGroupType', async () => {
    await create('g');
    expect((await members('g', [])).ErrorCode).toBe(ErrorCode.MARK_ITEM_COUNT);
    const many = Array.from({ length: 101 }, (_, i) => [1, user(`u${i}`)] as [1, unknown]);
    expect((await members('g', many)).ErrorCode).toBe(ErrorCode.MARK_ITEM_COUNT);
    for (const body of [
      {
        From_Account: 'user0',
        UpdateType: 2,
        UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'g', NewGroupName: 'h' },
      },
      { From_Account: 'user0', UpdateType: 1, UpdateGroup: { UpdateGroupType: 3, OldGroupName: 'g' } },
      { From_Account: 'user0', UpdateType: 1 },
      { From_Account: 'user0', UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, NewGroupName: 'h' } },
    ]) {
      expect((await call(stub, 'updateContactGroup', body)).ErrorCode, JSON.stringify(body)).toBe(
        ErrorCode.INVALID_PARAMETER,
      );
    }
  });

  it('fails a bad item alone (50002 for ContactOptType 3 or a bad ContactItem, 51007 on add)', async () => {
    await create('g');
    const answer = await call(stub, 'updateContactGroup', {
      From_Account: 'user0',
      UpdateType: 1,
      UpdateGroup: {
        UpdateGroupType: 2,
        OldGroupName: 'g',
        ContactUpdateItem: [
          { ContactOptType: 3, ContactItem: user('a') },
          { ContactOptType: 1, ContactItem: { Type: 1 } },
          { ContactOptType: 1, ContactItem: grp('missing') },
          { ContactOptType: 1, ContactItem: user('ok') },
        ],
      },
    });
    expect(codes(answer)).toEqual([50002, 50002, 51007, 0]);
  });
});

describe('del_contact_group', () => {
  it('deletes by name and answers the deleted group; members leave (and the list, when nothing else holds them)', async () => {
    await create('a', [user('only-grouped'), user('marked'), user('both')]);
    await create('b', [user('both')]);
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('marked')] });
    expect(await del('a')).toEqual({
      GroupItem: [{ GroupName: 'a', GroupId: 1 }],
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      ErrorDisplay: '',
    });
    const items = await allContacts(stub, 'user0');
    expect(items.map((c) => [c.To_Account, c.ContactGroupId])).toEqual([
      ['marked', undefined],
      ['both', [2]],
    ]);
    expect(await groupsOf()).toEqual([{ GroupName: 'b', GroupId: 2 }]);
  });

  it('51009 for an unknown name; 50002 unless GroupName holds exactly one name', async () => {
    expect((await del('nope')).ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NOT_FOUND);
    await create('a');
    for (const GroupName of [[], ['a', 'b'], 'a', [1]]) {
      const answer = await call(stub, 'delContactGroup', { From_Account: 'user0', GroupName });
      expect(answer.ErrorCode, JSON.stringify(GroupName)).toBe(ErrorCode.INVALID_PARAMETER);
    }
    expect((await del('A')).ErrorCode).toBe(ErrorCode.CONTACT_GROUP_NOT_FOUND);
    expect((await del('a', 'nobody')).ErrorCode).toBe(ErrorCode.ACCOUNT_NOT_IMPORTED);
  });
});

describe('search_contact_group', () => {
  it('answers the named conversations that have a mark or a group, in request order, once each, with every group', async () => {
    await create('g', [user('a')]);
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('b', { OptType: 3, CustomMark: 'note' })],
    });
    const answer = await search([user('b'), user('none'), user('a'), user('b')]);
    expect(answer).toEqual({
      ContactResultItem: [
        { Type: 1, To_Account: 'b', StandardMark: '1', CustomMark: 'note', Timestamp: expect.any(Number) },
        { Type: 1, To_Account: 'a', StandardMark: '0', ContactGroupId: [1], Timestamp: expect.any(Number) },
      ],
      GroupItem: [{ GroupName: 'g', GroupId: 1 }],
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      ErrorDisplay: '',
    });
  });

  it('51006 for 0 or more than 300 conversations; 50002 for a bad one; 50001 for an unknown user', async () => {
    expect((await search([])).ErrorCode).toBe(ErrorCode.MARK_ITEM_COUNT);
    const many = Array.from({ length: LIMITS.searchContactItemsPerCall + 1 }, (_, i) => user(`u${i}`));
    expect((await search(many)).ErrorCode).toBe(ErrorCode.MARK_ITEM_COUNT);
    expect((await search(many.slice(1))).ErrorCode).toBe(0);
    expect((await search([{ Type: 1 }])).ErrorCode).toBe(ErrorCode.INVALID_PARAMETER);
    expect((await search([user('a')], 'nobody')).ErrorCode).toBe(ErrorCode.ACCOUNT_NOT_IMPORTED);
  });
});

describe('editions (51013)', () => {
  it('refuses create, update and delete on a non-Ultimate app; search and get still work', async () => {
    await create('g', [user('a')]);
    for (const edition of ['pro', 'standard'] as const) {
      stub.control.setEdition(stub.sdkAppId, edition);
      for (const answer of [
        await create('h'),
        await rename('g', 'x'),
        await members('g', [[1, user('b')]]),
        await del('g'),
      ]) {
        expect(answer.ErrorCode).toBe(ErrorCode.NOT_ULTIMATE);
        expect(answer.ErrorInfo).toContain(edition);
      }
      expect((await search([user('a')])).ContactResultItem).toHaveLength(1);
      expect(await groupsOf()).toEqual([{ GroupName: 'g', GroupId: 1 }]);
    }
  });
});

describe('get_contact_group with groups', () => {
  it('lists grouped-only conversations with ContactGroupId ascending, in the order they entered the set', async () => {
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('m')] });
    await create('x', [user('g')]);
    await create('y', [user('g'), user('m')]);
    const items = await allContacts(stub, 'user0');
    expect(items.map((c) => [c.To_Account, c.StandardMark, c.ContactGroupId])).toEqual([
      ['m', '1', [2]],
      ['g', '0', [1, 2]],
    ]);
    // Clearing the mark of a grouped conversation keeps it listed (it is still grouped).
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [c2c('m', { SetMark: [], ClearMark: [1] })],
    });
    expect((await allContacts(stub, 'user0')).map((c) => c.To_Account)).toEqual(['m', 'g']);
  });
});

describe('the 1000 cap counts marked ∪ grouped conversations (51008)', () => {
  async function markMany(n: number, prefix: string) {
    for (let i = 0; i < n; i += 100) {
      const MarkItem = Array.from({ length: Math.min(100, n - i) }, (_, j) => c2c(`${prefix}${i + j}`));
      await call(stub, 'markContact', { From_Account: 'user0', MarkItem });
    }
  }

  it('fails the conversation that would be the 1001st alone; grouping a marked one is free', async () => {
    await markMany(999, 'm');
    const answer = await create('g', [user('m0'), user('new1'), user('new2')]);
    expect(codes(answer)).toEqual([0, 0, 51008]);
    const mark = await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('new3')] });
    expect((mark.ResultItem as { ResultCode: number }[])[0]?.ResultCode).toBe(51008);
    // Deleting the group frees new1's place.
    await del('g');
    expect((await create('h', [user('new2')])).GroupResultItem).toMatchObject([
      { ResultItem: [{ ResultCode: 0 }] },
    ]);
  });

  it('stays exact under concurrent group and mark writes', async () => {
    await markMany(900, 'm');
    for (let i = 0; i < 10; i++) await create(`g${i}`);
    // 10 group writes and 5 mark writes of 40 new conversations each race for the last 100 places.
    const writes: Promise<Answer>[] = [];
    for (let i = 0; i < 10; i++) {
      writes.push(
        members(
          `g${i}`,
          Array.from({ length: 40 }, (_, j) => [1, user(`g${i}-${j}`)] as [1, unknown]),
        ),
      );
    }
    for (let i = 0; i < 5; i++) {
      writes.push(
        call(stub, 'markContact', {
          From_Account: 'user0',
          MarkItem: Array.from({ length: 40 }, (_, j) => c2c(`k${i}-${j}`)),
        }),
      );
    }
    const answers = await Promise.all(writes);
    const results = answers.flatMap((a) =>
      a.GroupResultItem !== undefined
        ? codes(a)
        : (a.ResultItem as { ResultCode: number }[]).map((r) => r.ResultCode),
    );
    expect(results.filter((c) => c === 0)).toHaveLength(100);
    expect(results.filter((c) => c === 51008)).toHaveLength(500);
    expect(await allContacts(stub, 'user0')).toHaveLength(LIMITS.conversationsPerUser);
  });
});

describe('state, journal and seed', () => {
  it('exports and imports groups (GET / PUT /__stub/state) without change', async () => {
    await create('a', [user('x')]);
    await create('b', [user('x'), user('y')]);
    await del('a');
    const state = await stub.control.exportState();
    const app = state.apps.find((s) => s.sdkAppId === stub.sdkAppId);
    expect(app?.contactGroups).toEqual({
      user0: { NextGroupId: 3, GroupItem: [{ GroupName: 'b', GroupId: 2 }] },
    });
    await stub.control.reset();
    expect(await groupsOf()).toEqual([]);
    const put = await controlRequest(stub, 'PUT', 'state', state);
    expect(put.status).toBe(200);
    expect(await stub.control.exportState()).toEqual(state);
    expect((await create('c')).GroupResultItem).toMatchObject([{ GroupItem: { GroupId: 3 } }]);
  });

  it('refuses an imported state whose ContactGroupId names no group of the user', async () => {
    await create('a', [user('x')]);
    const state = await stub.control.exportState();
    const app = state.apps.find((s) => s.sdkAppId === stub.sdkAppId);
    (app?.marks.user0 as { ContactGroupId?: number[] }[])[0] = {
      ...(app?.marks.user0?.[0] as object),
      ContactGroupId: [9],
    };
    const put = await controlRequest(stub, 'PUT', 'state', state);
    expect(put.status).toBe(400);
    expect(JSON.stringify(put.body)).toContain('ContactGroupId 9');
  });

  it('journal records replay to the same state (snapshot records too)', () => {
    const journal: unknown[] = [];
    const store = new MemoryStore({ onWrite: (entry) => journal.push(JSON.parse(JSON.stringify(entry))) });
    store.importAccounts(1, ['u']);
    store.createContactGroup(1, 'u', 'a', [{ type: 1, id: 'x', add: true }], 10);
    store.createContactGroup(
      1,
      'u',
      'b',
      [
        { type: 1, id: 'x', add: true },
        { type: 1, id: 'y', add: true },
      ],
      11,
    );
    store.applyMarks(
      1,
      'u',
      [{ type: 1, id: 'y', setHi: 0, setLo: 1, clearHi: 0, clearLo: 0, custom: undefined }],
      12,
    );
    store.updateContactGroup(1, 'u', 'b', { newName: 'B' }, 13);
    store.delContactGroup(1, 'u', 'a', 14);
    const replayed = new MemoryStore();
    for (const entry of journal) replayed.replay(entry as Parameters<MemoryStore['replay']>[0]);
    expect(replayed.exportApp(1)).toEqual(store.exportApp(1));
    const fromSnapshot = new MemoryStore();
    for (const entry of store.snapshotRecords(1)) fromSnapshot.replay(JSON.parse(JSON.stringify(entry)));
    expect(fromSnapshot.exportApp(1)).toEqual(store.exportApp(1));
  });

  it('seeds conversation groups through POST /__stub/seed', async () => {
    const seeded = await controlRequest(stub, 'POST', 'seed', {
      accounts: ['alice'],
      contactGroups: [{ From_Account: 'alice', GroupName: 'folder', ContactItem: [user('bob')] }],
    });
    expect(seeded.status).toBe(200);
    expect((await search([user('bob')], 'alice')).ContactResultItem).toMatchObject([{ ContactGroupId: [1] }]);
    const bad = await controlRequest(stub, 'POST', 'seed', {
      contactGroups: [{ From_Account: 'alice', GroupName: 'z'.repeat(33) }],
    });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain(String(ErrorCode.CONTACT_GROUP_NAME));
  });
});
