// Security properties a team relies on when it points anything at the stub: the signature check is
// constant-time, secrets never reach the logs, the control plane stays off on a non-loopback address
// unless asked for (and the stub says so), and request size and slow-client timeouts are on by default.
import * as crypto from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS, ErrorCode } from '@tim-marks/types';
import { sign } from '@tim-marks/usersig';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Stub } from '../../src/stub.js';
import { c2c, call, callUrl, controlRequest, testStub } from '../helpers.js';
import { runCli, startCli } from '../process.js';

// Every timingSafeEqual call goes through this spy; by default it answers what the real one does.
const spy = vi.hoisted(() => ({ calls: [] as [Buffer, Buffer][], force: undefined as boolean | undefined }));
vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof import('node:crypto')>();
  const timingSafeEqual = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
    spy.calls.push([
      Buffer.from(a.buffer, a.byteOffset, a.byteLength),
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    ]);
    const real = original.timingSafeEqual(a, b);
    return spy.force ?? real;
  };
  return { ...original, default: { ...original, timingSafeEqual }, timingSafeEqual };
});

const mark = { From_Account: 'user0', MarkItem: [c2c('user1')] };

describe('the UserSig signature comparison', () => {
  let stub: Stub;
  beforeEach(async () => {
    spy.calls.length = 0;
    spy.force = undefined;
    stub = await testStub({ secretKey: 'the-real-key' });
  });
  afterEach(() => stub.close());

  it('is made by crypto.timingSafeEqual on equal-length buffers, and by nothing else', async () => {
    const forged = sign({ sdkAppId: stub.sdkAppId, identifier: stub.admin, secretKey: 'a-guessed-key' });
    const refused = await call(stub, 'markContact', mark, { query: { usersig: forged } });
    expect(refused.ErrorCode).toBe(ErrorCode.USERSIG_SIGNATURE);
    expect(spy.calls).toHaveLength(1);
    const [expected, actual] = spy.calls[0] as [Buffer, Buffer];
    expect(expected.length).toBe(actual.length);
    expect(expected.equals(actual)).toBe(false);

    // If timingSafeEqual says "equal", the forged signature passes: no other comparison decides.
    spy.force = true;
    const admitted = await call(stub, 'markContact', mark, { query: { usersig: forged } });
    expect(admitted.ErrorCode).toBe(ErrorCode.OK);
    expect(crypto.timingSafeEqual).toBeDefined();
  });

  it('is not reached for UserSigs that fail before the signature (no oracle on the key)', async () => {
    for (const usersig of ['garbage', sign({ sdkAppId: 1, identifier: stub.admin, secretKey: 'x' })]) {
      const answer = await call(stub, 'markContact', mark, { query: { usersig } });
      expect(answer.ErrorCode).not.toBe(ErrorCode.OK);
    }
    expect(spy.calls).toHaveLength(0);
  });
});

describe('logs at debug level over a full session', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tim-marks-security-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('never contain the secret key or any UserSig used, across every command, failure and restart', async () => {
    const secretKey = 'secret-key-that-must-never-be-logged-2f9c1e';
    const lines: string[] = [];
    const options = {
      secretKey,
      logLevel: 'debug' as const,
      logSink: (line: string) => lines.push(line),
      stateFile: join(dir, 'state.json'),
      rateLimit: 0,
      requestTimeoutMs: 300,
      headersTimeoutMs: 300,
      timeoutCheckIntervalMs: 50,
    };
    let stub = await testStub(options);
    const base = { sdkAppId: stub.sdkAppId, identifier: stub.admin, secretKey };
    const used = [stub.adminUserSig];
    const withSig = (usersig: string) => ({ query: { usersig } });
    try {
      // Every command, successfully.
      await call(stub, 'accountImport', { UserID: 'alice' });
      await call(stub, 'multiaccountImport', { Accounts: ['bob', 'carol'] });
      await call(stub, 'createGroup', { Type: 'Public', Name: 'Team', GroupId: 'team' });
      await call(stub, 'markContact', mark);
      await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
      await call(stub, 'destroyGroup', { GroupId: 'team' });
      // Every UserSig failure, and a non-admin.
      const failing = [
        sign({ ...base, secretKey: 'wrong' }),
        sign({ ...base, identifier: 'user0' }),
        sign({ ...base, sdkAppId: 1400000099 }),
        sign({ ...base, expireSeconds: 1, now: 1000 }),
        `${stub.adminUserSig.slice(0, 20)}`,
      ];
      used.push(...failing);
      for (const usersig of failing) await call(stub, 'markContact', mark, withSig(usersig));
      const user0 = stub.userSig('user0');
      used.push(user0);
      await call(stub, 'markContact', mark, { identifier: 'user0', query: { usersig: user0 } });
      // Bad bodies, an unknown path carrying a UserSig, the ceiling, an injected fault.
      await call(stub, 'markContact', undefined, { raw: '{' });
      await call(stub, 'markContact', { From_Account: 5, MarkItem: [] });
      await callUrl(`${stub.url}/v4/nope?usersig=${stub.adminUserSig}&secret=${secretKey}`, {});
      stub.control.setRateLimit(stub.sdkAppId, 1);
      for (let i = 0; i < 3; i++)
        await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
      stub.control.setRateLimit(stub.sdkAppId, 0);
      await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
      stub.control.injectFault({ command: 'markContact', code: ErrorCode.INTERNAL_ERROR, count: 1 });
      await call(stub, 'markContact', mark);
      // A slow client cut off by the timeout.
      await new Promise<void>((resolve) => {
        const socket = connect(stub.port, '127.0.0.1');
        socket.on('close', () => resolve());
        socket.on('data', () => {}); // read, or 'close' never comes
        socket.on('error', () => {});
        socket.write(
          `POST ${COMMANDS.markContact}?usersig=${stub.adminUserSig} HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n{`,
        );
      });
      // The control plane.
      await controlRequest(stub, 'GET', 'stats');
      const state = await controlRequest(stub, 'GET', 'state');
      await controlRequest(stub, 'PUT', 'state', state.body);
      await controlRequest(stub, 'POST', 'seed', { accounts: ['dave'] });
    } finally {
      await stub.close();
    }
    // A restart on the state file logs the snapshot and the journal.
    stub = await testStub(options);
    await stub.close();

    const logs = lines.join('\n');
    for (const command of [
      'account_import',
      'multiaccount_import',
      'create_group',
      'mark_contact',
      'get_contact_group',
      'destroy_group',
    ]) {
      expect(logs).toMatch(new RegExp(`DEBUG POST /v4/\\w+/${command} → 0`));
    }
    for (const code of [70009, 70013, 70014, 70001, 70003, 50003, 60003, 60015, 60009, 60007, 50004]) {
      expect(logs, String(code)).toContain(`→ ${code} `);
    }
    expect(logs).toMatch(/state file .* replayed|snapshot/);
    expect(logs).not.toContain(secretKey);
    expect(logs).not.toContain(secretKey.slice(0, 16));
    for (const usersig of used) expect(logs).not.toContain(usersig);
    expect(logs).not.toMatch(/usersig=/i);
    expect(logs).not.toMatch(/eJ[wy][0-9A-Za-z*_-]{40,}/); // nothing shaped like a UserSig at all
  });
});

describe('the control plane on a non-loopback address, through the CLI', () => {
  it('is off and says so on stderr; --control turns it on and says that too', async () => {
    const off = await startCli(['--host', '0.0.0.0', '--port', '0', '--log-level', 'warn']);
    try {
      expect(off.stderr()).toMatch(/control plane is off.*not loopback.*--control/);
      expect(off.stdout()).toMatch(/control plane: off/);
      const port = new URL(off.url).port;
      const health = await request(`http://127.0.0.1:${port}/__stub/health`);
      expect(health.statusCode).toBe(200);
      expect(((await health.body.json()) as { ErrorCode: number }).ErrorCode).toBe(
        ErrorCode.UNKNOWN_RESOURCE,
      );
      const reset = await request(`http://127.0.0.1:${port}/__stub/reset`, { method: 'POST', body: '{}' });
      expect(((await reset.body.json()) as { ErrorCode: number }).ErrorCode).toBe(ErrorCode.UNKNOWN_RESOURCE);
    } finally {
      off.child.kill('SIGTERM');
      await off.exited;
    }
    // Open to anyone who reaches the port, it would need a token: without one the CLI refuses.
    const refused = await runCli(['--host', '0.0.0.0', '--port', '0', '--control']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--control-token/);
    const on = await startCli(['--host', '0.0.0.0', '--port', '0', '--log-level', 'warn', '--control'], {
      TIM_STUB_CONTROL_TOKEN: 'a-token-only-the-team-knows',
    });
    try {
      expect(on.stderr()).toMatch(
        /control plane .* is on at non-loopback host 0\.0\.0\.0 because --control was given/,
      );
      const url = `http://127.0.0.1:${new URL(on.url).port}/__stub/health`;
      const anonymous = await request(url);
      expect(anonymous.statusCode).toBe(401);
      await anonymous.body.dump();
      const health = await request(url, { headers: { authorization: 'Bearer a-token-only-the-team-knows' } });
      expect(((await health.body.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      on.child.kill('SIGTERM');
      await on.exited;
    }
  });
});

describe('limits on by default', () => {
  /** Sends `text`, then nothing more; answers what the server wrote before closing. */
  function hang(stub: Stub, text: string): Promise<string> {
    return new Promise((resolve) => {
      const socket = connect(stub.port, '127.0.0.1');
      let received = '';
      socket.on('data', (chunk) => {
        received += chunk.toString();
      });
      socket.on('close', () => resolve(received));
      socket.on('error', () => {});
      socket.write(text);
    });
  }

  function codeOf(raw: string): number {
    expect(raw).toMatch(/^HTTP\/1\.1 200 /);
    return (JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4)) as { ErrorCode: number }).ErrorCode;
  }

  it('refuses a body over 1 MiB and cuts off clients that never finish their headers or body', {
    timeout: 40_000,
  }, async () => {
    // No size or timeout option: the defaults the CLI also runs with.
    const stub = await testStub();
    try {
      const path = new URL(stub.commandUrl('markContact'));
      const target = `${path.pathname}${path.search}`;
      const big = hang(
        stub,
        `POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Length: ${1024 * 1024 + 1}\r\n\r\n{`,
      );
      const slowHeaders = hang(stub, `POST ${target} HTTP/1.1\r\nHost: x\r\n`);
      const slowBody = hang(stub, `POST ${target} HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n{`);
      expect(codeOf(await big)).toBe(ErrorCode.SERVICE_TIMEOUT);
      // Meanwhile the stub serves others.
      expect((await call(stub, 'markContact', mark)).ErrorCode).toBe(0);
      expect(codeOf(await slowHeaders)).toBe(ErrorCode.SERVICE_TIMEOUT);
      expect(codeOf(await slowBody)).toBe(ErrorCode.SERVICE_TIMEOUT);
    } finally {
      await stub.close();
    }
  });
});
