// The control plane can wipe or rewrite the whole state, so it refuses what a web page can forge
// (issue rows 7, 8, 16): a foreign Host (DNS rebinding) or Origin, form-style content types, bodies
// past its limit (413, read as they stream, the stub unharmed), imports past the API's own limits;
// and with --control-token, any request without the bearer token.
import { connect } from 'node:net';
import { ErrorCode, LIMITS } from '@tim-marks/types';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stub } from '../../src/stub.js';
import { c2c, call, rawStatus as rawStatus_, testStub } from '../helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
  await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
});
afterAll(() => stub.close());

async function control(
  method: string,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await request(`${stub.url}/__stub/${path}`, {
    method: method as 'POST',
    headers,
    ...(body === undefined ? {} : { body }),
  });
  return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
}

const rawStatus = (head: string) => rawStatus_(stub.port, head);

describe('requests a web page could forge', () => {
  it('refuses a foreign Host (DNS rebinding) with 403 and changes nothing', async () => {
    const before = await stub.control.exportState();
    for (const host of ['evil.example', 'evil.example:8080', '10.0.0.5', '127.0.0.1.evil.example']) {
      expect(await rawStatus(`GET /__stub/state HTTP/1.1\r\nHost: ${host}\r\n\r\n`), host).toBe(403);
      expect(
        await rawStatus(
          `POST /__stub/reset HTTP/1.1\r\nHost: ${host}\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}`,
        ),
        host,
      ).toBe(403);
    }
    // No Host at all (HTTP/1.0): refused too.
    expect(await rawStatus('GET /__stub/state HTTP/1.0\r\n\r\n')).toBe(403);
    // An absolute-form target naming a foreign authority.
    expect(await rawStatus('GET http://evil.example/__stub/state HTTP/1.1\r\nHost: localhost\r\n\r\n')).toBe(
      403,
    );
    expect(await stub.control.exportState()).toEqual(before);
    // Loopback names pass.
    for (const host of ['localhost', `localhost:${stub.port}`, '127.0.0.1', '[::1]:80', 'stub.localhost']) {
      expect(await rawStatus(`GET /__stub/health HTTP/1.1\r\nHost: ${host}\r\n\r\n`), host).toBe(200);
    }
  });

  it('refuses a foreign Origin and form content types; nothing is reset, no fault added', async () => {
    const before = await stub.control.exportState();
    const foreign = await control(
      'POST',
      'reset',
      { origin: 'https://evil.example', 'content-type': 'application/json' },
      '{}',
    );
    expect(foreign).toMatchObject({
      status: 403,
      body: { ok: false, error: expect.stringMatching(/origin/) },
    });
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=x',
    ]) {
      expect((await control('POST', 'reset', { 'content-type': type }, '{}')).status, type).toBe(415);
      const fault = await control(
        'POST',
        'faults',
        { 'content-type': type },
        '{"command":"markContact","code":50004}',
      );
      expect(fault.status, type).toBe(415);
    }
    expect((await control('POST', 'reset', {}, '{}')).status).toBe(415);
    expect(await stub.control.exportState()).toEqual(before);
    expect(
      (await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] })).ErrorCode,
    ).toBe(0);
    // A loopback Origin (a local tool's page) is fine.
    expect((await control('GET', 'health', { origin: `http://localhost:${stub.port}` })).status).toBe(200);
  });
});

describe('the body limit', () => {
  /** Sends a chunked body of `total` bytes, 16 KiB at a time, until the server answers: its status. */
  // The stub answers 413 and closes while the client is still writing; the writes already in flight
  // then make the kernel reset the connection, and a reset can discard the 413 before it is read
  // (no lingering close in node:http). So a streamed refusal is 413 or that reset; either way the
  // stub stopped reading, which the memory and health checks below prove.
  const REFUSED = [413, 'reset'];

  function streamChunked(port: number, total: number): Promise<number | 'reset'> {
    return new Promise((resolve, reject) => {
      const socket = connect(port, '127.0.0.1');
      let text = '';
      let answered = false;
      socket.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
        if (match) {
          answered = true;
          socket.destroy();
          resolve(Number(match[1]));
        }
      });
      socket.on('error', (error: NodeJS.ErrnoException) => {
        if (answered) return;
        answered = true;
        if (error.code === 'EPIPE' || error.code === 'ECONNRESET') resolve('reset');
        else reject(error);
      });
      socket.on('connect', async () => {
        socket.write(
          'POST /__stub/seed HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n',
        );
        const piece = `4000\r\n${' '.repeat(0x4000)}\r\n`;
        for (let sent = 0; sent < total && !answered && !socket.destroyed; sent += 0x4000) {
          if (!socket.write(piece)) await new Promise((r) => socket.once('drain', r));
        }
        if (!answered && !socket.destroyed) socket.write('0\r\n\r\n');
      });
    });
  }

  it('answers 413 to a declared or streamed body past the limit, and the stub stays well', async () => {
    const small = await testStub({ controlBodyLimitBytes: 64 * 1024 });
    try {
      const big = JSON.stringify({ accounts: Array.from({ length: 10_000 }, (_, i) => `u${i}`) });
      const declared = await request(`${small.url}/__stub/seed`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: big,
      });
      expect(declared.statusCode).toBe(413);
      await declared.body.dump();
      // Streamed without a Content-Length: counted as it arrives.
      expect(REFUSED).toContain(await streamChunked(small.port, 1024 * 1024));
      const health = await request(`${small.url}/__stub/health`);
      expect(health.statusCode).toBe(200);
      await health.body.dump();
    } finally {
      await small.close();
    }
  });

  it('defaults to a few MiB: a 512 MiB seed is refused with 413 once 8 MiB arrived, never held', async () => {
    const rss = process.memoryUsage().rss;
    expect(REFUSED).toContain(await streamChunked(stub.port, 512 * 1024 * 1024));
    expect(
      await rawStatus(
        `POST /__stub/seed HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: ${512 * 1024 * 1024}\r\n\r\n`,
      ),
    ).toBe(413);
    // Far from the gigabyte the old limit let one request take.
    expect(process.memoryUsage().rss - rss).toBeLessThan(256 * 1024 * 1024);
    const health = await request(`${stub.url}/__stub/health`);
    expect(health.statusCode).toBe(200);
    await health.body.dump();
  });
});

describe('imports held to the API limits', () => {
  function stateWith(marks: unknown[], accounts = ['user0']) {
    return JSON.stringify({
      version: 1,
      apps: [{ sdkAppId: stub.sdkAppId, accounts, groups: [], marks: { user0: marks } }],
    });
  }
  const mark = (to: string, extra: Record<string, unknown> = {}) => ({
    Type: 1,
    To_Account: to,
    StandardMark: '1',
    Timestamp: 1,
    firstMarkedSeq: 0,
    ...extra,
  });
  const put = (body: string) => control('PUT', 'state', { 'content-type': 'application/json' }, body);

  it('refuses what the API would refuse, with its ErrorCode, and changes nothing', async () => {
    const before = await stub.control.exportState();
    const cases: [string, string, number][] = [
      [
        `${LIMITS.conversationsPerUser + 1} conversations for one user`,
        stateWith(
          Array.from({ length: LIMITS.conversationsPerUser + 1 }, (_, i) =>
            mark(`p${i}`, { firstMarkedSeq: i }),
          ),
        ),
        ErrorCode.CONVERSATION_LIMIT,
      ],
      ['a 300-byte To_Account', stateWith([mark('x'.repeat(300))]), ErrorCode.INVALID_PARAMETER],
      [
        'a 1000-byte CustomMark',
        stateWith([mark('p', { CustomMark: 'c'.repeat(1000) })]),
        ErrorCode.INVALID_PARAMETER,
      ],
      ['a 33-byte account', stateWith([], ['a'.repeat(33)]), ErrorCode.ACCOUNT_INVALID_PARAMETER],
      [
        'a conversation twice',
        stateWith([mark('p'), mark('p', { firstMarkedSeq: 1 })]),
        ErrorCode.INVALID_PARAMETER,
      ],
      [
        'a StandardMark past 64 bits',
        stateWith([mark('p', { StandardMark: '18446744073709551616' })]),
        ErrorCode.INVALID_PARAMETER,
      ],
    ];
    for (const [what, body, code] of cases) {
      const answer = await put(body);
      expect(answer.status, what).toBe(400);
      expect(answer.body, what).toMatchObject({ ok: false, ErrorCode: code });
    }
    const withGroups = (groups: unknown[], marks: unknown[] = []) =>
      JSON.stringify({
        version: 1,
        apps: [{ sdkAppId: stub.sdkAppId, accounts: ['user0'], groups, marks: { user0: marks } }],
      });
    const team = { GroupId: 'team', Type: 'Public', Name: 'Team', dissolved: false };
    for (const [what, body, code] of [
      ['a GroupId twice', withGroups([team, team]), ErrorCode.GROUP_ID_IN_USE],
      [
        'an owner not imported',
        withGroups([{ ...team, Owner_Account: 'nobody' }]),
        ErrorCode.GROUP_INVALID_PARAMETER,
      ],
      [
        'a group conversation of a group the state does not hold',
        withGroups([], [{ Type: 2, ToGroupId: 'ghost', StandardMark: '1', Timestamp: 1, firstMarkedSeq: 0 }]),
        ErrorCode.GROUP_UNRESOLVED,
      ],
    ] as [string, string, number][]) {
      const answer = await put(body);
      expect(answer, what).toMatchObject({ status: 400, body: { ok: false, ErrorCode: code } });
    }
    const seed = await control(
      'POST',
      'seed',
      { 'content-type': 'application/json' },
      JSON.stringify({ groups: [{ GroupId: 'g'.repeat(49) }] }),
    );
    expect(seed).toMatchObject({ status: 400, body: { ErrorCode: ErrorCode.GROUP_INVALID_PARAMETER } });
    expect(await stub.control.exportState()).toEqual(before);
    // Exactly at the limits: accepted.
    const full = stateWith(
      Array.from({ length: LIMITS.conversationsPerUser }, (_, i) =>
        mark(`p${i}`.padEnd(LIMITS.userIdMaxBytes, 'x'), {
          firstMarkedSeq: i,
          CustomMark: 'c'.repeat(LIMITS.customMarkMaxBytes),
        }),
      ),
    );
    expect((await put(full)).status).toBe(200);
    await stub.control.importState(before);
  });
});

describe('--control-token', () => {
  it('requires Authorization: Bearer <token> on every control call', async () => {
    const guarded = await testStub({ controlToken: 'sekrit-token' });
    try {
      const get = (headers: Record<string, string>) =>
        request(`${guarded.url}/__stub/health`, { headers }).then(async (r) => {
          await r.body.dump();
          return r.statusCode;
        });
      expect(await get({})).toBe(401);
      expect(await get({ authorization: 'Bearer wrong' })).toBe(401);
      expect(await get({ authorization: 'Basic sekrit-token' })).toBe(401);
      expect(await get({ authorization: 'Bearer sekrit-token' })).toBe(200);
    } finally {
      await guarded.close();
    }
  });
});
