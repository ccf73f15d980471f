import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  type ClientOptions,
  createClient,
  ErrorCode,
  hasMark,
  mark,
  type RetryEvent,
  readStandardMark,
  StandardMark,
  type TimMarksClient,
  TimMarksError,
} from '../../src/index.js';
import {
  ADMIN,
  SDK_APP_ID,
  SECRET_KEY,
  type StubProcess,
  startStubProcess,
  stubMissing,
} from './stub-process.js';

// A low ceiling makes a burst cheap to produce and quick to drain.
const CEILING = 20;
const missing = stubMissing();
if (missing !== undefined) console.warn(missing);

describe.skipIf(missing !== undefined)('against the stub server', () => {
  let stub: StubProcess;
  const clients: TimMarksClient[] = [];

  function client(options: Partial<ClientOptions> = {}): TimMarksClient {
    const made = createClient({
      sdkAppId: SDK_APP_ID,
      identifier: ADMIN,
      secretKey: SECRET_KEY,
      baseUrl: stub.url,
      rateLimit: CEILING,
      ...options,
    } as ClientOptions);
    clients.push(made);
    return made;
  }

  beforeAll(async () => {
    stub = await startStubProcess({ rateLimit: CEILING });
  }, 30_000);
  afterAll(async () => {
    await stub?.close();
  });
  beforeEach(async () => {
    await stub.reset();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((made) => made.close()));
  });

  it('marks conversations and reads them back', async () => {
    const tim = client();
    await tim.importAccounts({ Accounts: ['alice', 'bob', 'carol'] });
    const group = await tim.createGroup({ Owner_Account: 'alice', Type: 'Public', Name: 'team' });
    expect(group.GroupId).toEqual(expect.any(String));

    const result = await tim.markContact({
      From_Account: 'alice',
      MarkItem: [
        mark.c2c('bob').set(StandardMark.Star, StandardMark.Fold).custom('vip'),
        mark.group(group.GroupId as string).set(StandardMark.Unread),
      ],
    });
    expect(result.failed).toEqual([]);
    expect(result.ResultItem.map((item) => item.ResultCode)).toEqual([0, 0]);

    const contacts = [];
    for await (const contact of tim.contacts('alice')) contacts.push(contact);
    const bob = contacts.find((c) => c.Type === 1 && c.To_Account === 'bob');
    const team = contacts.find((c) => c.Type === 2 && c.ToGroupId === group.GroupId);
    expect(bob && readStandardMark(bob)).toEqual([1, 3]);
    expect(bob?.CustomMark).toBe('vip');
    expect(team && hasMark(team, StandardMark.Unread)).toBe(true);

    // Clearing works on the same conversation.
    await tim.markContact({
      From_Account: 'alice',
      MarkItem: [mark.c2c('bob').clear(StandardMark.Star).clearCustom()],
    });
    const again = [];
    for await (const contact of tim.contacts('alice')) again.push(contact);
    const bobAgain = again.find((c) => c.Type === 1 && c.To_Account === 'bob');
    expect(bobAgain && readStandardMark(bobAgain)).toEqual([3]);
    expect(bobAgain?.CustomMark ?? '').toBe('');
  });

  it('creates, fills, renames, searches, pages and deletes conversation groups', async () => {
    const tim = client();
    await tim.importAccounts({ Accounts: ['alice'] });
    const created = await tim.createContactGroup({
      From_Account: 'alice',
      GroupContactItem: [{ GroupName: 'work', ContactItem: [{ Type: 1, To_Account: 'bob' }] }],
    });
    expect(created.GroupResultItem?.[0]?.GroupItem).toEqual({ GroupName: 'work', GroupId: 1 });
    await tim.updateContactGroup({
      From_Account: 'alice',
      UpdateType: 1,
      UpdateGroup: {
        UpdateGroupType: 2,
        OldGroupName: 'work',
        ContactUpdateItem: [{ ContactOptType: 1, ContactItem: { Type: 1, To_Account: 'carol' } }],
      },
    });
    await tim.updateContactGroup({
      From_Account: 'alice',
      UpdateType: 1,
      UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'work', NewGroupName: 'Work 2' },
    });
    expect(await tim.contactGroups('alice')).toEqual([{ GroupName: 'Work 2', GroupId: 1 }]);
    const grouped = [];
    for await (const contact of tim.contacts('alice')) grouped.push(contact);
    expect(grouped.map((c) => [c.Type === 1 ? c.To_Account : c.ToGroupId, c.ContactGroupId])).toEqual([
      ['bob', [1]],
      ['carol', [1]],
    ]);
    // 301 names: two calls, merged in order.
    const names = Array.from({ length: 301 }, (_, i) => ({ Type: 1 as const, To_Account: `n${i}` }));
    const found = await tim.searchContactGroup({
      From_Account: 'alice',
      ContactItem: [...names, { Type: 1, To_Account: 'carol' }],
    });
    expect(found.ContactResultItem?.map((c) => c.Type === 1 && c.To_Account)).toEqual(['carol']);
    const deleted = await tim.delContactGroup({ From_Account: 'alice', GroupName: ['Work 2'] });
    expect(deleted.GroupItem).toEqual([{ GroupName: 'Work 2', GroupId: 1 }]);
    const missing = await tim
      .delContactGroup({ From_Account: 'alice', GroupName: ['Work 2'] })
      .catch((e) => e);
    expect(missing).toBeInstanceOf(TimMarksError);
    expect((missing as TimMarksError).code).toBe(ErrorCode.CONTACT_GROUP_NOT_FOUND);
  });

  it('splits 250 items into calls of at most 100, with every real result in order', async () => {
    const tim = client();
    const accounts = Array.from({ length: 250 }, (_, i) => `peer${i}`);
    const imported = await tim.importAccounts({ Accounts: ['owner', ...accounts] });
    expect(imported.FailAccounts ?? []).toEqual([]);

    const result = await tim.markContact({
      From_Account: 'owner',
      MarkItem: accounts.map((account, i) => mark.c2c(account).custom(`n${i}`)),
    });
    expect(result.calls).toBe(3);
    expect(result.failed).toEqual([]);
    expect(result.ResultItem.map((item) => item.ContactItem?.To_Account ?? '')).toEqual(accounts);

    const marks = new Map<string, string | undefined>();
    for await (const contact of tim.contacts('owner')) {
      if (contact.Type === 1) marks.set(contact.To_Account, contact.CustomMark);
    }
    expect(marks.size).toBe(250);
    expect(marks.get('peer0')).toBe('n0');
    expect(marks.get('peer249')).toBe('n249');
    const stats = await stub.stats('markContact');
    expect(stats?.totals.accepted).toBe(3);
  });

  it('reports item-level failures in failed without throwing, and applies the other items', async () => {
    const tim = client();
    await tim.importAccounts({ Accounts: ['dave', 'erin'] });
    const group = await tim.createGroup({ Type: 'Public', Name: 'gone' });
    await tim.destroyGroup({ GroupId: group.GroupId as string });

    const result = await tim.markContact({
      From_Account: 'dave',
      MarkItem: [
        mark.c2c('erin').set(StandardMark.Star),
        mark.group(group.GroupId as string).set(StandardMark.Star),
        mark.group('@TGS#never-created').custom('x'),
      ],
    });
    expect(result.ActionStatus).toBe('OK');
    expect(result.failed.map((f) => [f.index, f.resultItem.ResultCode, f.entry?.name])).toEqual([
      [1, ErrorCode.GROUP_UNRESOLVED, 'GROUP_UNRESOLVED'],
      [2, ErrorCode.GROUP_UNRESOLVED, 'GROUP_UNRESOLVED'],
    ]);
    const marked = [];
    for await (const contact of tim.contacts('dave')) marked.push(contact);
    expect(marked.map((c) => (c.Type === 1 ? c.To_Account : c.ToGroupId))).toEqual(['erin']);
  });

  it('throws request-level failures: an account that was never imported is 50001', async () => {
    const error = await client()
      .markContact({ From_Account: 'nobody', MarkItem: [mark.c2c('user1').custom('x')] })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimMarksError);
    expect(error).toMatchObject({ code: ErrorCode.ACCOUNT_NOT_IMPORTED, attempts: 1, retryable: false });
  });

  it('with the limiter off, a burst draws 60007 from the stub and the client retries it', async () => {
    const retries: RetryEvent[] = [];
    const tim = client({ rateLimit: false, onRetry: (e) => retries.push(e) });
    const burst = await Promise.allSettled(
      Array.from({ length: 3 * CEILING }, () =>
        tim.getContactGroup({ From_Account: 'user0', StartIndex: 0 }),
      ),
    );
    const stats = await stub.stats('getContactGroup');
    expect(stats?.totals.refused).toBeGreaterThan(0);
    expect(retries.some((e) => e.error.code === ErrorCode.RATE_LIMITED)).toBe(true);
    expect(stats?.maxAcceptedInWindow).toBeLessThanOrEqual(CEILING);
    // Whatever still failed after the retries failed with 60007, after the bounded number of sends.
    for (const outcome of burst) {
      if (outcome.status === 'rejected') expect(outcome.reason).toMatchObject({ code: 60007, attempts: 4 });
    }
  }, 30_000);

  // The limiter stamps calls when they are sent and widens the window by the spread of the round
  // trips it sees; a stall of this machine beyond that spread can still draw a 60007, which the
  // client retries. The contract is the caller's: every call succeeds, none sees a 60007, and the
  // stub never accepts more than the ceiling in a sliding second.
  it('with the limiter on, the same burst succeeds, no 60007 reaches the caller, the stub never exceeds the ceiling', async () => {
    const retries: RetryEvent[] = [];
    const tim = client({ onRetry: (e) => retries.push(e) });
    const burst = await Promise.all(
      Array.from({ length: 3 * CEILING }, () =>
        tim.getContactGroup({ From_Account: 'user0', StartIndex: 0 }),
      ),
    );
    expect(burst.every((page) => page.ActionStatus === 'OK')).toBe(true);
    const stats = await stub.stats('getContactGroup');
    expect(stats?.totals).toMatchObject({ accepted: 3 * CEILING });
    expect(stats?.maxAcceptedInWindow).toBeLessThanOrEqual(CEILING);
    expect(retries.every((event) => event.error.code === ErrorCode.RATE_LIMITED)).toBe(true);
    expect(retries.length).toBe(stats?.totals.refused);
  }, 30_000);

  it('re-signs the UserSig once when the stub answers 70001', async () => {
    // The client's clock starts two days behind (then is put right), so its first UserSig, valid for
    // one day, has expired by the stub's clock.
    let skewMs = 2 * 86400 * 1000;
    const retries: RetryEvent[] = [];
    const tim = client({
      userSigExpireSeconds: 86400,
      clock: {
        now: () => Date.now() - skewMs,
        sleep: (ms, signal) =>
          new Promise((resolve, reject) => {
            const timer = setTimeout(resolve, ms);
            signal?.addEventListener('abort', () => {
              clearTimeout(timer);
              reject(signal.reason);
            });
          }),
      },
      onRetry: (e) => {
        retries.push(e);
        skewMs = 0;
      },
    });
    const page = await tim.getContactGroup({ From_Account: 'user0', StartIndex: 0 });
    expect(page.ActionStatus).toBe('OK');
    expect(retries.map((e) => e.error.code)).toEqual([ErrorCode.USERSIG_EXPIRED]);
  });

  it('retries 50004 injected by the stub and succeeds', async () => {
    await stub.addFault({ command: 'markContact', code: ErrorCode.INTERNAL_ERROR, count: 2 });
    const retries: RetryEvent[] = [];
    const tim = client({ retry: { minDelayMs: 20 }, onRetry: (e) => retries.push(e) });
    const result = await tim.markContact({
      From_Account: 'user0',
      MarkItem: [mark.c2c('user1').set(StandardMark.Star)],
    });
    expect(result.failed).toEqual([]);
    expect(retries.map((e) => e.error.code)).toEqual([ErrorCode.INTERNAL_ERROR, ErrorCode.INTERNAL_ERROR]);
    const stats = await stub.stats('markContact');
    expect(stats?.totals).toMatchObject({ accepted: 3, errors: 2 });
    await stub.clearFaults();
  });

  it('gives up on a persistent 50004 after the bounded retries', async () => {
    await stub.addFault({ command: 'markContact', code: ErrorCode.INTERNAL_ERROR, probability: 1 });
    const error = await client({ retry: { retries: 2, minDelayMs: 10 } })
      .markContact({ From_Account: 'user0', MarkItem: [mark.c2c('user1').custom('x')] })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: ErrorCode.INTERNAL_ERROR, attempts: 3, retryable: true });
    await stub.clearFaults();
  });
});
