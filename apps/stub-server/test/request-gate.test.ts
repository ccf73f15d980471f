// Every request-level check before a command runs, its code, and the order of the checks.
import { connect } from 'node:net';
import { ErrorCode } from '@tim-marks/types';
import { sign } from '@tim-marks/usersig';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stub } from '../src/stub.js';
import { c2c, call, callUrl, commandQuery, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({
    config: {
      apps: [
        { sdkAppId: 1400000000, admins: ['administrator', 'ops'], accounts: ['user0', 'user1', 'plain'] },
        { sdkAppId: 1400000001, secretKey: 'another-key', accounts: ['user0'] },
      ],
    },
  });
});
afterAll(() => stub.close());

const mark = { From_Account: 'user0', MarkItem: [c2c('user1')] };

describe('the request gate', () => {
  it('accepts a well-formed call', async () => {
    const answer = await call(stub, 'markContact', mark);
    expect(answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' });
  });

  it('answers 60009 in the usual envelope (HTTP 200) for an unknown path', async () => {
    for (const path of [
      '/v4/recentcontact/nope',
      '/',
      '/v4/recentcontact/mark_contact/',
      '/V4/recentcontact/mark_contact',
    ]) {
      const answer = await callUrl(`${stub.url}${path}?sdkappid=1400000000`, {});
      expect(answer).toEqual({
        ActionStatus: 'FAIL',
        ErrorCode: ErrorCode.UNKNOWN_RESOURCE,
        ErrorInfo: expect.stringContaining(path),
        ErrorDisplay: '',
      });
    }
  });

  it('answers 60008 for a method other than POST', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const answer = await callUrl(commandQuery(stub, 'markContact'), undefined, { method });
      expect(answer.ErrorCode).toBe(ErrorCode.SERVICE_TIMEOUT);
      expect(answer.ErrorInfo).toContain('POST');
    }
  });

  it('answers 60012 without sdkappid and 60002 when it is not a number', async () => {
    const missing = await call(stub, 'markContact', mark, { query: { sdkappid: undefined } });
    expect(missing.ErrorCode).toBe(ErrorCode.MISSING_SDKAPPID);
    const empty = await call(stub, 'markContact', mark, { query: { sdkappid: '' } });
    expect(empty.ErrorCode).toBe(ErrorCode.MISSING_SDKAPPID);
    for (const sdkappid of ['abc', '-1', '14e8', ' 1400000000', '1400000000.0']) {
      const answer = await call(stub, 'markContact', mark, { query: { sdkappid } });
      expect(answer.ErrorCode, sdkappid).toBe(ErrorCode.HTTP_PARSE_ERROR);
    }
  });

  it('answers 60002 for a random outside 0..4294967295, not an integer, or missing', async () => {
    for (const random of ['4294967296', '-1', '1.5', 'x', '', '99999999999', undefined]) {
      const answer = await call(stub, 'markContact', mark, { query: { random } });
      expect(answer.ErrorCode, String(random)).toBe(ErrorCode.HTTP_PARSE_ERROR);
      expect(answer.ErrorInfo).toContain('random');
    }
    for (const random of ['0', '4294967295', '00042']) {
      expect((await call(stub, 'markContact', mark, { query: { random } })).ErrorCode, random).toBe(0);
    }
  });

  it('answers 60002 when contenttype is not exactly json', async () => {
    for (const contenttype of ['JSON', 'xml', '', 'json ', undefined]) {
      const answer = await call(stub, 'markContact', mark, { query: { contenttype } });
      expect(answer.ErrorCode, String(contenttype)).toBe(ErrorCode.HTTP_PARSE_ERROR);
    }
  });

  it('answers 60002 for a query string that is not valid percent-encoding', async () => {
    const url = `${commandQuery(stub, 'markContact')}&identifier=%E0%A4%A`;
    const broken = url.replace('identifier=', 'identifier=%zz');
    expect((await callUrl(broken, mark)).ErrorCode).toBe(ErrorCode.HTTP_PARSE_ERROR);
  });

  it('answers 60006 for an SDKAppID the stub does not serve', async () => {
    const answer = await call(stub, 'markContact', mark, { query: { sdkappid: '1400009999' } });
    expect(answer.ErrorCode).toBe(ErrorCode.INVALID_SDKAPPID);
  });

  it('answers the UserSig codes of @tim-marks/usersig', async () => {
    const base = { sdkAppId: stub.sdkAppId, identifier: 'administrator', secretKey: stub.secretKey };
    const cases: [string | undefined, number][] = [
      [undefined, ErrorCode.USERSIG_EMPTY],
      ['', ErrorCode.USERSIG_EMPTY],
      ['not-a-usersig', ErrorCode.USERSIG_INVALID],
      [sign({ ...base, expireSeconds: 10, now: 1_000_000 }), ErrorCode.USERSIG_EXPIRED],
      [sign({ ...base, secretKey: 'wrong-key' }), ErrorCode.USERSIG_SIGNATURE],
      [sign({ ...base, identifier: 'ops' }), ErrorCode.USERSIG_IDENTIFIER],
      [sign({ ...base, sdkAppId: 1400000001, secretKey: 'another-key' }), ErrorCode.USERSIG_SDKAPPID],
    ];
    for (const [usersig, code] of cases) {
      const answer = await call(stub, 'markContact', mark, { query: { usersig } });
      expect(answer.ErrorCode, String(code)).toBe(code);
      expect(answer.ActionStatus).toBe('FAIL');
    }
  });

  it('answers 60004 when the URL has no identifier', async () => {
    const answer = await call(stub, 'markContact', mark, { query: { identifier: undefined } });
    expect(answer.ErrorCode).toBe(ErrorCode.ACCOUNT_OR_SIGNATURE);
  });

  it('verifies each app with its own secret key and admins', async () => {
    const other = await call(
      stub,
      'markContact',
      { From_Account: 'user0', MarkItem: [c2c('x')] },
      { sdkAppId: 1400000001 },
    );
    expect(other.ErrorCode).toBe(0);
    const secondAdmin = await call(stub, 'markContact', mark, { identifier: 'ops' });
    expect(secondAdmin.ErrorCode).toBe(0);
  });

  it('answers 50003 on recentcontact commands and 60010 elsewhere when the identifier is not an admin', async () => {
    const options = { identifier: 'plain' };
    expect((await call(stub, 'markContact', mark, options)).ErrorCode).toBe(ErrorCode.ADMIN_REQUIRED);
    expect(
      (await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 }, options)).ErrorCode,
    ).toBe(ErrorCode.ADMIN_REQUIRED);
    expect((await call(stub, 'accountImport', { UserID: 'z' }, options)).ErrorCode).toBe(ErrorCode.NOT_ADMIN);
    expect((await call(stub, 'multiaccountImport', { Accounts: ['z'] }, options)).ErrorCode).toBe(
      ErrorCode.NOT_ADMIN,
    );
    expect((await call(stub, 'createGroup', { Type: 'Public', Name: 'n' }, options)).ErrorCode).toBe(
      ErrorCode.NOT_ADMIN,
    );
    expect((await call(stub, 'destroyGroup', { GroupId: 'g' }, options)).ErrorCode).toBe(ErrorCode.NOT_ADMIN);
  });

  it('answers 60003 for a body that is not a JSON object', async () => {
    for (const raw of ['{', '', 'null', '[]', '42', '"text"', '{"From_Account":"user0",}']) {
      const answer = await call(stub, 'markContact', undefined, { raw });
      expect(answer.ErrorCode, raw).toBe(ErrorCode.INVALID_JSON);
    }
  });

  it('answers 60003 for a body that is not valid UTF-8 or nests deeper than 64 levels', async () => {
    const { request } = await import('undici');
    const invalid = Buffer.concat([
      Buffer.from('{"From_Account":"user0","X":"'),
      Buffer.from([0xff, 0xfe]),
      Buffer.from('"}'),
    ]);
    const response = await request(commandQuery(stub, 'markContact'), { method: 'POST', body: invalid });
    expect(((await response.body.json()) as { ErrorCode: number }).ErrorCode).toBe(ErrorCode.INVALID_JSON);
    const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
    const body = (depth: number) =>
      `{"From_Account":"user0","MarkItem":[${JSON.stringify(c2c('user1'))}],"X":${nested(depth)}}`;
    expect((await call(stub, 'markContact', undefined, { raw: body(63) })).ErrorCode).toBe(0);
    const deep = await call(stub, 'markContact', undefined, { raw: body(64) });
    expect(deep.ErrorCode).toBe(ErrorCode.INVALID_JSON);
    expect(deep.ErrorInfo).toContain('64 levels');
    const echoed = `{"From_Account":"user0","MarkItem":[{"OptType":1,"ContactItem":${nested(100_000)},"SetMark":[1]}]}`;
    expect((await call(stub, 'markContact', undefined, { raw: echoed })).ErrorCode).toBe(
      ErrorCode.INVALID_JSON,
    );
    // Brackets inside strings do not count.
    const brackets = {
      From_Account: 'user0',
      MarkItem: [{ OptType: 2, ContactItem: { Type: 1, To_Account: 'b' }, CustomMark: '['.repeat(200) }],
    };
    expect((await call(stub, 'markContact', brackets)).ErrorCode).toBe(0);
  });

  it('checks in the documented order: path, method, query, app, UserSig, admin, then the body', async () => {
    // Everything wrong at once: each fix reveals the next check.
    const url = (path: string, query: string) => `${stub.url}${path}?${query}`;
    expect((await callUrl(url('/v4/nope', ''), undefined, { method: 'GET' })).ErrorCode).toBe(60009);
    expect(
      (await callUrl(url('/v4/recentcontact/mark_contact', 'random=x'), undefined, { method: 'GET' }))
        .ErrorCode,
    ).toBe(60008);
    expect(
      (await callUrl(url('/v4/recentcontact/mark_contact', 'random=x'), undefined, { raw: '{' })).ErrorCode,
    ).toBe(60012);
    expect(
      (await callUrl(url('/v4/recentcontact/mark_contact', 'sdkappid=1&random=x'), undefined, { raw: '{' }))
        .ErrorCode,
    ).toBe(60002);
    expect(
      (
        await callUrl(
          url('/v4/recentcontact/mark_contact', 'sdkappid=1&random=1&contenttype=json'),
          undefined,
          { raw: '{' },
        )
      ).ErrorCode,
    ).toBe(60006);
    const app = 'sdkappid=1400000000&random=1&contenttype=json';
    expect(
      (await callUrl(url('/v4/recentcontact/mark_contact', app), undefined, { raw: '{' })).ErrorCode,
    ).toBe(70002);
    const plain = `${app}&identifier=plain&usersig=${stub.userSig('plain')}`;
    expect(
      (await callUrl(url('/v4/recentcontact/mark_contact', plain), undefined, { raw: '{' })).ErrorCode,
    ).toBe(50003);
    expect((await call(stub, 'markContact', undefined, { raw: '{' })).ErrorCode).toBe(60003);
  });

  it('answers 60008 and closes the connection for a body over 1 MiB', async () => {
    const big = JSON.stringify({
      From_Account: 'user0',
      MarkItem: [c2c('user1', { CustomMark: 'x'.repeat(1_100_000) })],
    });
    const declared = await rawExchange(
      `POST ${new URL(commandQuery(stub, 'markContact')).pathname}${new URL(commandQuery(stub, 'markContact')).search} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(big)}\r\n\r\n`,
    );
    expect(declared).toMatch(/^HTTP\/1\.1 200 /);
    expect(declared).toMatch(/connection: close/i);
    expect(JSON.parse(declared.slice(declared.indexOf('\r\n\r\n') + 4)).ErrorCode).toBe(
      ErrorCode.SERVICE_TIMEOUT,
    );

    // A chunked body has no declared length: it is cut off once it grows past the limit.
    const url = new URL(commandQuery(stub, 'markContact'));
    const chunked = await rawExchange(
      `POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n${(1_100_000).toString(16)}\r\n${'x'.repeat(1_100_000)}\r\n0\r\n\r\n`,
    );
    expect(JSON.parse(chunked.slice(chunked.indexOf('\r\n\r\n') + 4)).ErrorCode).toBe(
      ErrorCode.SERVICE_TIMEOUT,
    );
  });

  it('answers malformed HTTP with the 60002 envelope, never a framework page', async () => {
    const answer = await rawExchange('NOT-HTTP\r\n\r\n');
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4))).toMatchObject({
      ActionStatus: 'FAIL',
      ErrorCode: ErrorCode.HTTP_PARSE_ERROR,
    });
  });

  it('answers oversized headers with the 60008 envelope', async () => {
    const answer = await rawExchange(
      `POST /v4/recentcontact/mark_contact HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).ErrorCode).toBe(
      ErrorCode.SERVICE_TIMEOUT,
    );
  });

  it('answers JSON content with HTTP 200 even to a request without a Host header', async () => {
    const url = new URL(commandQuery(stub, 'markContact'));
    const body = JSON.stringify(mark);
    const answer = await rawExchange(
      `POST ${url.pathname}${url.search} HTTP/1.1\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 200 /);
    expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).ErrorCode).toBe(0);
  });
});

describe('slow clients', () => {
  it('are cut off with 60008 while other clients are served', async () => {
    const slow = await testStub({
      requestTimeoutMs: 600,
      headersTimeoutMs: 500,
      timeoutCheckIntervalMs: 100,
    });
    try {
      const port = Number(new URL(slow.url).port);
      const socket = connect(port, '127.0.0.1');
      const received = new Promise<string>((resolve) => {
        let text = '';
        socket.on('data', (chunk) => {
          text += chunk.toString();
        });
        socket.on('close', () => resolve(text));
      });
      // Headers promise a body that never comes.
      const url = new URL(commandQuery(slow, 'markContact'));
      socket.write(`POST ${url.pathname}${url.search} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{`);
      const served = await call(slow, 'markContact', mark);
      expect(served.ErrorCode).toBe(0);
      const answer = await received;
      expect(answer).toMatch(/^HTTP\/1\.1 200 /);
      expect(JSON.parse(answer.slice(answer.indexOf('\r\n\r\n') + 4)).ErrorCode).toBe(
        ErrorCode.SERVICE_TIMEOUT,
      );
    } finally {
      await slow.close();
    }
  });
});

/** Sends raw bytes and answers everything the server writes before it closes (or 2 s). */
function rawExchange(text: string): Promise<string> {
  return new Promise((resolve) => {
    const port = Number(new URL(stub.url).port);
    const socket = connect(port, '127.0.0.1');
    let received = '';
    const done = () => resolve(received);
    socket.on('data', (chunk) => {
      received += chunk.toString();
    });
    socket.on('close', done);
    socket.on('error', done);
    socket.setTimeout(2000, () => socket.destroy());
    socket.write(text);
  });
}

export { request };
