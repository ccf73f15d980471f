import { decode } from '@tim-marks/usersig';
import { afterEach, describe, expect, it } from 'vitest';
import { LIMITS, mark, StandardMark } from '../../src/index.js';
import { ADMIN, FakeApi, SDK_APP_ID } from '../support/fake-api.js';

let api: FakeApi;
afterEach(async () => api?.close());

describe('every request', () => {
  it('carries sdkappid, identifier, a valid usersig, a fresh random and contenttype=json', async () => {
    api = new FakeApi().listen();
    const client = api.client();
    for (let i = 0; i < 5; i += 1) await client.getContactGroup({ From_Account: 'user0', StartIndex: 0 });

    const randoms = new Set<string>();
    for (const { query, path } of api.sent) {
      expect(path).toBe('/v4/recentcontact/get_contact_group');
      expect([...query.keys()].sort()).toEqual([
        'contenttype',
        'identifier',
        'random',
        'sdkappid',
        'usersig',
      ]);
      expect(query.get('sdkappid')).toBe(String(SDK_APP_ID));
      expect(query.get('identifier')).toBe(ADMIN);
      expect(query.get('contenttype')).toBe('json');
      const random = Number(query.get('random'));
      expect(Number.isInteger(random)).toBe(true);
      expect(random).toBeGreaterThanOrEqual(0);
      expect(random).toBeLessThanOrEqual(LIMITS.randomMax);
      randoms.add(String(random));
      const sig = decode(query.get('usersig') ?? '');
      expect(sig).toMatchObject({ identifier: ADMIN, sdkAppId: SDK_APP_ID });
    }
    // Five draws from 2^32 values: equal ones mean the random is not fresh.
    expect(randoms.size).toBe(5);
  });

  it('POSTs a JSON body with the API field names to the command path', async () => {
    api = new FakeApi().listen();
    await api.client().markContact({
      From_Account: 'user0',
      MarkItem: [mark.c2c('user1').set(StandardMark.Star).custom('vip')],
    });
    const [sent] = api.sent;
    expect(sent?.path).toBe('/v4/recentcontact/mark_contact');
    expect(sent?.headers['content-type']).toBe('application/json');
    expect(sent?.body).toEqual({
      From_Account: 'user0',
      MarkItem: [
        { OptType: 3, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1], CustomMark: 'vip' },
      ],
    });
  });

  it('sends the setup commands to their own services', async () => {
    api = new FakeApi().listen();
    const client = api.client();
    await client.importAccount({ UserID: 'user1' });
    await client.importAccounts({ Accounts: ['user2', 'user3'] });
    const created = await client.createGroup({ Type: 'Public', Name: 'g', GroupId: '@TGS#g' });
    await client.destroyGroup({ GroupId: '@TGS#g' });
    expect(created.GroupId).toBe('@TGS#g');
    expect(api.sent.map((sent) => sent.path)).toEqual([
      '/v4/im_open_login_svc/account_import',
      '/v4/im_open_login_svc/multiaccount_import',
      '/v4/group_open_http_svc/create_group',
      '/v4/group_open_http_svc/destroy_group',
    ]);
    expect(api.sent[1]?.body).toEqual({ Accounts: ['user2', 'user3'] });
  });

  it('imports more than 100 accounts in calls of 100 and gathers FailAccounts', async () => {
    api = new FakeApi().listen((sent) => ({
      body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', FailAccounts: [sent.body.Accounts[0]] },
    }));
    const accounts = Array.from({ length: 150 }, (_, i) => `u${i}`);
    const result = await api.client().importAccounts({ Accounts: accounts });
    expect(api.sent.map((sent) => sent.body.Accounts.length)).toEqual([100, 50]);
    expect(result.FailAccounts).toEqual(['u0', 'u100']);
  });

  it('imports an AccountList in calls of 100 entries, in that form, and gathers FailAccounts', async () => {
    api = new FakeApi().listen((sent) => ({
      body: {
        ActionStatus: 'OK',
        ErrorCode: 0,
        ErrorInfo: '',
        FailAccounts: [sent.body.AccountList[0].UserID],
      },
    }));
    const AccountList = Array.from({ length: 120 }, (_, i) => ({ UserID: `u${i}`, Nick: `U ${i}` }));
    const result = await api.client().importAccounts({ AccountList });
    expect(api.sent.map((sent) => sent.body.AccountList.length)).toEqual([100, 20]);
    expect(api.sent[1]?.body.AccountList[0]).toEqual({ UserID: 'u100', Nick: 'U 100' });
    expect(result.FailAccounts).toEqual(['u0', 'u100']);
  });

  it('sends the deprecated Identifier as UserID, and refuses two different names before sending', async () => {
    api = new FakeApi().listen();
    const client = api.client();
    await client.importAccount({ Identifier: 'legacy', Nick: 'L' });
    expect(api.sent[0]?.body).toEqual({ UserID: 'legacy', Nick: 'L' });
    await expect(
      client.importAccount({ Identifier: 'a', UserID: 'b' } as unknown as { UserID: string }),
    ).rejects.toMatchObject({ name: 'TimMarksValidationError', code: 70402, field: 'Identifier' });
    expect(api.sent).toHaveLength(1);
  });
});
