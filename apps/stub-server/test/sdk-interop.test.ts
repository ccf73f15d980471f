// What real server SDKs send, seen on the wire: UserSigs from Tencent's own TLSSigAPIv2 library,
// no Content-Type, the same `random` on every call, Accept-Encoding gzip, a usersig whose `*` is
// percent-encoded, account_import's older `Identifier`, multiaccount_import's `AccountList`, and
// paging that stops on NextStartIndex 0. Each is accepted today; these tests keep it so.
import { createRequire } from 'node:module';
import { decode, sign, verify } from '@tim-marks/usersig';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Stub } from '../src/stub.js';
import { type Answer, allContacts, call, expectValidAnswer, testStub } from './helpers.js';

interface TlsSigApi {
  genUserSig(userid: string, expire: number): string;
  genSig(userid: string, expire: number, userBuf: Buffer | null): string;
  _hmacsha256(identifier: string, time: number, expire: number, base64UserBuf: string | null): string;
}
const { Api } = createRequire(import.meta.url)('tls-sig-api-v2') as {
  Api: new (sdkAppId: number, key: string) => TlsSigApi;
};

let stub: Stub;
beforeAll(async () => {
  stub = await testStub();
});
afterAll(async () => {
  await stub?.close();
});

/** POSTs with exactly the given headers (undici adds only host, content-length, connection). */
async function post(
  command: Parameters<Stub['commandUrl']>[0],
  body: string,
  {
    headers = {},
    query = {},
  }: { headers?: Record<string, string>; query?: Parameters<Stub['commandUrl']>[1] } = {},
): Promise<Answer> {
  const response = await request(stub.commandUrl(command, query), { method: 'POST', headers, body });
  const text = await response.body.text();
  expect(response.statusCode, text).toBe(200);
  expect(response.headers['content-encoding']).toBeUndefined();
  const answer = JSON.parse(text) as Answer;
  expectValidAnswer(command, answer);
  return answer;
}

describe("Tencent's TLSSigAPIv2 (npm tls-sig-api-v2 1.0.2)", () => {
  const official = () => new Api(stub.sdkAppId, stub.secretKey);

  it('issues UserSigs, plain and with a userbuf, that the stub and our verify accept', async () => {
    const plain = official().genUserSig(stub.admin, 86400);
    const withUserBuf = official().genSig(stub.admin, 86400, Buffer.from([0, 1, 2, 250, 255]));
    for (const usersig of [plain, withUserBuf]) {
      expect(
        verify(usersig, { sdkAppId: stub.sdkAppId, identifier: stub.admin, secretKey: stub.secretKey }),
      ).toMatchObject({
        ok: true,
      });
      const answer = await post('getContactGroup', JSON.stringify({ From_Account: 'user0', StartIndex: 0 }), {
        query: { usersig },
      });
      expect(answer.ErrorCode).toBe(0);
    }
    expect(decode(withUserBuf)?.userBuf).toEqual(Buffer.from([0, 1, 2, 250, 255]));
  });

  it('computes, with its own HMAC, the signature our UserSigs carry', () => {
    for (const userBuf of [undefined, Buffer.from('room=42')]) {
      const ours = sign({ sdkAppId: stub.sdkAppId, identifier: 'user7', secretKey: stub.secretKey, userBuf });
      const decoded = decode(ours);
      expect(decoded).toBeDefined();
      const theirs = official()._hmacsha256(
        'user7',
        decoded?.time as number,
        decoded?.expire as number,
        decoded?.userBufBase64 ?? null,
      );
      expect(theirs).toBe(decoded?.sig);
    }
  });

  it('and, at the same second, issues the very same UserSig string as ours', () => {
    const now = 1767225600;
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now * 1000 + 123);
    try {
      const theirs = official().genSig('user7', 3600, Buffer.from('room=42'));
      const ours = sign({
        sdkAppId: stub.sdkAppId,
        identifier: 'user7',
        secretKey: stub.secretKey,
        expireSeconds: 3600,
        userBuf: Buffer.from('room=42'),
        now,
      });
      expect(ours).toBe(theirs);
      expect(
        sign({
          sdkAppId: stub.sdkAppId,
          identifier: 'user7',
          secretKey: stub.secretKey,
          expireSeconds: 3600,
          now,
        }),
      ).toBe(official().genUserSig('user7', 3600));
    } finally {
      spy.mockRestore();
    }
  });
});

describe('what SDKs send', () => {
  const page = JSON.stringify({ From_Account: 'user0', StartIndex: 0 });

  it('a body with no Content-Type at all is read as JSON', async () => {
    expect((await post('getContactGroup', page)).ErrorCode).toBe(0);
    const mark = {
      From_Account: 'user0',
      MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user2' }, SetMark: [3] }],
    };
    expect((await post('markContact', JSON.stringify(mark))).ErrorCode).toBe(0);
  });

  it('the same random on every call is not a replay', async () => {
    for (let i = 0; i < 5; i++) {
      expect((await post('getContactGroup', page, { query: { random: 99999999 } })).ErrorCode).toBe(0);
    }
  });

  it('Accept-Encoding: gzip is answered with plain JSON (no Content-Encoding), which every client reads', async () => {
    const answer = await post('getContactGroup', page, {
      headers: { 'accept-encoding': 'gzip, deflate', 'content-type': 'application/json; charset=utf-8' },
    });
    expect(answer.ErrorCode).toBe(0);
  });

  it('a usersig whose * are percent-encoded (%2A), as URL encoders of SDKs write it', async () => {
    // A UserSig with a `*` in it (base64 `+`): vary the validity until one has one.
    let usersig = '';
    for (let i = 0; !usersig.includes('*'); i++)
      usersig = sign({
        sdkAppId: stub.sdkAppId,
        identifier: stub.admin,
        secretKey: stub.secretKey,
        expireSeconds: 86400 + i,
      });
    const url = stub
      .commandUrl('getContactGroup', { usersig })
      .replace(/usersig=[^&]*/, `usersig=${usersig.replace(/\*/g, '%2A')}`);
    expect(url).toContain('%2A');
    const response = await request(url, { method: 'POST', body: page });
    expect(((await response.body.json()) as Answer).ErrorCode).toBe(0);
  });

  it('account_import with the older Identifier imports that account', async () => {
    expect(
      (await post('accountImport', JSON.stringify({ Identifier: 'legacy1', Nick: 'Legacy' }))).ErrorCode,
    ).toBe(0);
    const mark = {
      From_Account: 'legacy1',
      MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user0' }, SetMark: [1] }],
    };
    expect((await call(stub, 'markContact', mark)).ErrorCode).toBe(0);
  });

  it('multiaccount_import in the AccountList form answers FailAccounts, as the Accounts form does', async () => {
    const answer = await post(
      'multiaccountImport',
      JSON.stringify({
        AccountList: [
          { UserID: 'listed1', Nick: 'One', FaceUrl: 'https://example.com/1.png' },
          { UserID: '' },
          { UserID: 'x'.repeat(33) },
          { UserID: 'listed2' },
        ],
      }),
    );
    expect(answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, FailAccounts: ['', 'x'.repeat(33)] });
    for (const from of ['listed1', 'listed2']) {
      expect((await call(stub, 'getContactGroup', { From_Account: from, StartIndex: 0 })).ErrorCode).toBe(0);
    }
  });

  it('paging stops where SDKs stop: CompleteFlag 1 with NextStartIndex 0', async () => {
    const contacts = await allContacts(stub, 'user0');
    expect(contacts.length).toBeGreaterThan(0);
    const last = await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    expect(last).toMatchObject({ CompleteFlag: 1, NextStartIndex: 0 });
  });
});
