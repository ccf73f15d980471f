// The control plane (the README, "Control plane"), over HTTP and in-process.
import { COMMANDS, ErrorCode } from '@tim-marks/types';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import type { Stub } from '../src/stub.js';
import { allContacts, c2c, call, controlRequest, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({
    config: {
      apps: [
        {
          sdkAppId: 1400000000,
          accounts: ['user0', 'user1'],
          groups: [{ GroupId: 'seeded', Owner_Account: 'user0' }],
        },
        { sdkAppId: 1400000001, edition: 'pro', rateLimit: 50 },
      ],
    },
  });
});
afterAll(() => stub.close());
beforeEach(async () => {
  const { status } = await controlRequest(stub, 'POST', 'reset', {});
  expect(status).toBe(200);
  await controlRequest(stub, 'DELETE', 'faults');
});

describe('GET /__stub/health', () => {
  it('answers uptime, apps, version and the store state', async () => {
    const { status, body } = await controlRequest(stub, 'GET', 'health');
    expect(status).toBe(200);
    expect(body).toEqual({
      ok: true,
      uptimeMs: expect.any(Number),
      apps: [1400000000, 1400000001],
      version: '0.1.0',
      store: expect.objectContaining({
        kind: inject('storeUrl') ? expect.stringMatching(/^redis/) : 'memory',
        state: 'connected',
      }),
    });
  });
});

describe('POST /__stub/reset', () => {
  it('clears accounts, groups and marks, and re-seeds the configured ones', async () => {
    await call(stub, 'accountImport', { UserID: 'extra' });
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    await call(stub, 'destroyGroup', { GroupId: 'seeded' });
    expect((await controlRequest(stub, 'POST', 'reset', {})).body).toEqual({ ok: true });
    expect(await allContacts(stub, 'user0')).toEqual([]);
    expect((await call(stub, 'markContact', { From_Account: 'extra', MarkItem: [c2c('a')] })).ErrorCode).toBe(
      50001,
    );
    const group = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [{ OptType: 1, ContactItem: { Type: 2, ToGroupId: 'seeded' }, SetMark: [1] }],
    });
    expect((group.ResultItem as { ResultCode: number }[])[0]?.ResultCode).toBe(0);
  });

  it('resets one app only when given its sdkAppId, and clears its stats and limiter window', async () => {
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    await stub.control.seed({ sdkAppId: 1400000001, accounts: ['other'] });
    await controlRequest(stub, 'POST', 'reset', { sdkAppId: 1400000000 });
    expect(await allContacts(stub, 'user0')).toHaveLength(0);
    expect(
      stub.control.stats({ sdkAppId: 1400000000, command: 'markContact' }).series[0]?.totals.accepted,
    ).toBe(0);
    const other = await call(stub, 'accountImport', { UserID: 'probe' }, { sdkAppId: 1400000001 });
    expect(other.ErrorCode).toBe(0);
    const state = await stub.control.exportState();
    expect(state.apps[1]?.accounts).toContain('other');
  });

  it('answers 404 for an unknown app and 400 for a bad one', async () => {
    expect(await controlRequest(stub, 'POST', 'reset', { sdkAppId: 1 })).toMatchObject({
      status: 404,
      body: { ok: false },
    });
    expect(await controlRequest(stub, 'POST', 'reset', { sdkAppId: 'x' })).toMatchObject({
      status: 400,
      body: { ok: false },
    });
  });
});

describe('GET and PUT /__stub/state', () => {
  it('exports the whole state and imports it back (round trip)', async () => {
    await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [
        c2c('zed', { SetMark: [1, 64] }),
        { OptType: 2, ContactItem: { Type: 1, To_Account: 'amy' }, CustomMark: 'vip' },
        { OptType: 1, ContactItem: { Type: 2, ToGroupId: 'seeded' }, SetMark: [3] },
      ],
    });
    const { status, body: exported } = await controlRequest(stub, 'GET', 'state');
    expect(status).toBe(200);
    expect(exported).toMatchObject({
      version: 1,
      apps: [
        {
          sdkAppId: 1400000000,
          accounts: ['user0', 'user1'],
          groups: [
            { GroupId: 'seeded', Type: 'Public', Name: 'seeded', Owner_Account: 'user0', dissolved: false },
          ],
          marks: {
            user0: [
              {
                Type: 1,
                To_Account: 'zed',
                StandardMark: '9223372036854775809',
                Timestamp: expect.any(Number),
                firstMarkedSeq: 0,
              },
              { Type: 1, To_Account: 'amy', StandardMark: '0', CustomMark: 'vip', firstMarkedSeq: 1 },
              { Type: 2, ToGroupId: 'seeded', StandardMark: '4', firstMarkedSeq: 2 },
            ],
          },
        },
        { sdkAppId: 1400000001, accounts: [], groups: [], marks: {} },
      ],
    });
    const before = await allContacts(stub, 'user0');
    await controlRequest(stub, 'POST', 'reset', {});
    expect(await allContacts(stub, 'user0')).toEqual([]);
    expect(await controlRequest(stub, 'PUT', 'state', exported)).toEqual({ status: 200, body: { ok: true } });
    expect(await allContacts(stub, 'user0')).toEqual(before);
    expect((await controlRequest(stub, 'GET', 'state')).body).toEqual(exported);
  });

  it('imports a hand-written state, ordered by firstMarkedSeq', async () => {
    const state = {
      version: 1,
      apps: [
        {
          sdkAppId: 1400000000,
          accounts: ['ann'],
          groups: [],
          marks: {
            ann: [
              { Type: 1, To_Account: 'second', StandardMark: '2', Timestamp: 1700000000, firstMarkedSeq: 5 },
              {
                Type: 1,
                To_Account: 'first',
                StandardMark: '18446744073709551615',
                Timestamp: 1700000001,
                firstMarkedSeq: 1,
              },
            ],
          },
        },
      ],
    };
    expect((await controlRequest(stub, 'PUT', 'state', state)).status).toBe(200);
    expect(await allContacts(stub, 'ann')).toEqual([
      { Type: 1, To_Account: 'first', StandardMark: '1'.repeat(64), Timestamp: 1700000001 },
      { Type: 1, To_Account: 'second', StandardMark: '10', Timestamp: 1700000000 },
    ]);
    // Apps the state does not list are emptied.
    expect((await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('a')] })).ErrorCode).toBe(
      50001,
    );
  });

  it('refuses an invalid state with 400 and a message naming the field, changing nothing', async () => {
    const bad: [unknown, RegExp][] = [
      [{ apps: [] }, /version/],
      [{ version: 1, apps: [{ sdkAppId: 1400000000, accounts: [], groups: [] }] }, /marks/],
      [
        { version: 1, apps: [{ sdkAppId: 1400000000, accounts: [], groups: [], marks: { ghost: [] } }] },
        /ghost is not in apps\[0\]\.accounts/,
      ],
      [
        {
          version: 1,
          apps: [
            {
              sdkAppId: 1400000000,
              accounts: ['a'],
              groups: [],
              marks: {
                a: [
                  {
                    Type: 1,
                    To_Account: 'b',
                    StandardMark: '18446744073709551616',
                    Timestamp: 0,
                    firstMarkedSeq: 0,
                  },
                ],
              },
            },
          ],
        },
        /StandardMark/,
      ],
      [{ version: 1, apps: [{ sdkAppId: 5, accounts: [], groups: [], marks: {} }] }, /5/],
    ];
    for (const [state, message] of bad) {
      const { status, body } = await controlRequest(stub, 'PUT', 'state', state);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(body.ok).toBe(false);
      expect(body.error).toMatch(message);
    }
    expect((await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('a')] })).ErrorCode).toBe(
      0,
    );
  });
});

describe('POST /__stub/seed', () => {
  it('imports accounts and creates groups, default app or the one named', async () => {
    const { body } = await controlRequest(stub, 'POST', 'seed', {
      accounts: ['s1', 's2'],
      groups: [{ GroupId: 'g-1', Type: 'Work', Name: 'Work group' }, { GroupId: 'g-2' }],
    });
    expect(body).toEqual({ ok: true });
    const answer = await call(stub, 'markContact', {
      From_Account: 's1',
      MarkItem: [
        { OptType: 1, ContactItem: { Type: 2, ToGroupId: 'g-1' }, SetMark: [1] },
        { OptType: 1, ContactItem: { Type: 2, ToGroupId: 'g-2' }, SetMark: [1] },
      ],
    });
    expect((answer.ResultItem as { ResultCode: number }[]).map((r) => r.ResultCode)).toEqual([0, 0]);
    await controlRequest(stub, 'POST', 'seed', { sdkAppId: 1400000001, accounts: ['s3'] });
    expect((await call(stub, 'accountImport', { UserID: 's3' }, { sdkAppId: 1400000001 })).ErrorCode).toBe(0);
    expect((await stub.control.exportState()).apps[1]?.accounts).toEqual(['s3']);
  });

  it('refuses bad seeds with 400', async () => {
    for (const seed of [
      { accounts: [1] },
      { accounts: [''] },
      { groups: [{}] },
      { groups: [{ GroupId: 'g', Type: 'Club' }] },
      { accounts: 'x' },
    ]) {
      const { status, body } = await controlRequest(stub, 'POST', 'seed', seed);
      expect(status, JSON.stringify(seed)).toBe(400);
      expect(body.ok).toBe(false);
    }
  });
});

describe('GET /__stub/stats', () => {
  it('answers per-second counts, totals, ceiling and maxAcceptedInWindow per app and command', async () => {
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    await call(stub, 'markContact', { From_Account: 'stranger', MarkItem: [c2c('user1')] });
    await call(
      stub,
      'markContact',
      { From_Account: 'user0', MarkItem: [c2c('user1')] },
      { query: { usersig: 'bad' } },
    );
    const byPath = await controlRequest(
      stub,
      'GET',
      'stats?sdkappid=1400000000&command=v4/recentcontact/mark_contact',
    );
    const byName = await controlRequest(
      stub,
      'GET',
      'stats?sdkappid=1400000000&command=markContact&seconds=60',
    );
    expect(byPath.status).toBe(200);
    expect(byPath.body).toEqual({
      ok: true,
      windowMs: 1000,
      series: [
        {
          sdkAppId: 1400000000,
          command: 'v4/recentcontact/mark_contact',
          ceiling: 200,
          maxAcceptedInWindow: 2,
          totals: { accepted: 2, refused: 0, errors: 1 },
          seconds: expect.any(Array),
        },
      ],
      stalls: expect.any(Array),
    });
    expect(byName.body.series).toEqual(byPath.body.series);
    const seconds =
      (byPath.body.series as { seconds: { t: number; accepted: number; errors: number }[] }[])[0]?.seconds ??
      [];
    expect(seconds.reduce((n, s) => n + s.accepted, 0)).toBe(2);
    expect(seconds.reduce((n, s) => n + s.errors, 0)).toBe(1);
    expect(Math.abs((seconds.at(-1)?.t ?? 0) - Date.now() / 1000)).toBeLessThan(5);
  });

  it('lists the seconds in which its event loop was held up 20 ms or more', async () => {
    // The stub runs in this process: holding this loop for 150 ms holds the stub's.
    const heldAt = Date.now() / 1000;
    const until = performance.now() + 150;
    while (performance.now() < until) {
      // busy
    }
    await new Promise((resolve) => setTimeout(resolve, 1_100)); // the stub reads its delay once a second
    const { body } = await controlRequest(stub, 'GET', 'stats?command=markContact&seconds=10');
    const stalls = body.stalls as { t: number; maxDelayMs: number }[];
    const stall = stalls.find((s) => s.maxDelayMs >= 130);
    expect(stall, JSON.stringify(stalls)).toBeDefined();
    expect(Math.abs((stall?.t ?? 0) - heldAt)).toBeLessThanOrEqual(2);
  });

  it('lists every command of every app without filters, and refuses unknown ones', async () => {
    const all = await controlRequest(stub, 'GET', 'stats');
    // Two apps × every command of the spec.
    expect((all.body.series as unknown[]).length).toBe(2 * Object.keys(COMMANDS).length);
    const other = await controlRequest(
      stub,
      'GET',
      'stats?sdkappid=1400000001&command=/v4/im_open_login_svc/account_import',
    );
    expect((other.body.series as { ceiling: number }[])[0]?.ceiling).toBe(50);
    expect((await controlRequest(stub, 'GET', 'stats?command=nope')).status).toBe(400);
    expect((await controlRequest(stub, 'GET', 'stats?sdkappid=7')).status).toBe(404);
  });
});

describe('POST /__stub/faults', () => {
  it('count: the next N calls answer the code (after authentication), then calls succeed', async () => {
    const { body } = await controlRequest(stub, 'POST', 'faults', {
      command: 'v4/recentcontact/mark_contact',
      code: 50004,
      count: 2,
    });
    // The form without `kind` of earlier versions is still taken: an `error` fault.
    expect(body).toEqual({
      ok: true,
      id: expect.any(String),
      fault: expect.objectContaining({ kind: 'error', code: 50004, count: 2, remaining: 2, fired: 0 }),
    });
    const bad = await call(
      stub,
      'markContact',
      { From_Account: 'user0', MarkItem: [c2c('a')] },
      { query: { usersig: 'x' } },
    );
    expect(bad.ErrorCode).toBe(ErrorCode.USERSIG_INVALID);
    const codes = [];
    for (let i = 0; i < 3; i++) {
      codes.push(
        (await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('a')] })).ErrorCode,
      );
    }
    expect(codes).toEqual([50004, 50004, 0]);
    // Other commands are untouched; the failed calls were counted as admitted errors.
    expect((await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 })).ErrorCode).toBe(0);
    expect(stub.control.stats({ sdkAppId: 1400000000, command: 'markContact' }).series[0]?.totals).toEqual({
      accepted: 3,
      refused: 0,
      errors: 2,
    });
  });

  it('answers in the normal envelope and changes nothing', async () => {
    await controlRequest(stub, 'POST', 'faults', { command: 'markContact', code: 50005, count: 1 });
    const answer = await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('a')] });
    expect(answer).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 50005,
      ErrorInfo: expect.any(String),
      ErrorDisplay: '',
    });
    expect(await allContacts(stub, 'user0')).toEqual([]);
  });

  it('probability 1 always fails, 0 never; a code alone fails every call; DELETE removes every fault', async () => {
    await controlRequest(stub, 'POST', 'faults', { command: 'accountImport', code: 50004, probability: 1 });
    await controlRequest(stub, 'POST', 'faults', { command: 'createGroup', code: 50004, probability: 0 });
    await controlRequest(stub, 'POST', 'faults', { command: 'destroyGroup', code: 50005 });
    for (let i = 0; i < 5; i++) {
      expect((await call(stub, 'accountImport', { UserID: 'x' })).ErrorCode).toBe(50004);
      expect((await call(stub, 'createGroup', { Type: 'Public', Name: 'g' })).ErrorCode).toBe(0);
      expect((await call(stub, 'destroyGroup', { GroupId: 'seeded' })).ErrorCode).toBe(50005);
    }
    expect(await controlRequest(stub, 'DELETE', 'faults')).toEqual({
      status: 200,
      body: { ok: true, removed: 3 },
    });
    expect((await call(stub, 'accountImport', { UserID: 'x' })).ErrorCode).toBe(0);
  });

  it('adds latency, scoped to one app when asked', async () => {
    await controlRequest(stub, 'POST', 'faults', {
      command: 'getContactGroup',
      latencyMs: 300,
      sdkAppId: 1400000000,
    });
    const started = Date.now();
    const answer = await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    expect(answer.ErrorCode).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    const other = await call(stub, 'accountImport', { UserID: 'u' }, { sdkAppId: 1400000001 });
    expect(other.ErrorCode).toBe(0);
  });

  it('refuses bad faults with 400', async () => {
    const bad = [
      { command: 'nope', code: 50004 },
      { command: 'markContact', code: 51007 }, // item-level: an item-error fault's code
      { command: 'markContact', code: 123456 },
      { command: 'markContact', count: 2 },
      { command: 'markContact', code: 50004, count: 0 },
      { command: 'markContact', code: 50004, probability: 2 },
      { command: 'markContact', code: 50004, count: 1, probability: 0.5 },
      { command: 'markContact' },
      { command: 'markContact', latencyMs: -5 },
    ];
    for (const fault of bad) {
      const { status, body } = await controlRequest(stub, 'POST', 'faults', fault);
      expect(status, JSON.stringify(fault)).toBe(400);
      expect(body.ok).toBe(false);
    }
    expect(
      (await controlRequest(stub, 'POST', 'faults', { command: 'markContact', code: 50004, sdkAppId: 9 }))
        .status,
    ).toBe(404);
  });

  it('is cleared by a reset', async () => {
    await controlRequest(stub, 'POST', 'faults', { command: 'markContact', code: 50004 });
    await controlRequest(stub, 'POST', 'reset', {});
    expect((await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('a')] })).ErrorCode).toBe(
      0,
    );
  });
});

describe('in-process controls and unknown routes', () => {
  it('setEdition and setRateLimit change an app at run time', async () => {
    stub.control.setEdition(1400000001, 'ultimate');
    stub.control.setRateLimit(1400000001, 7);
    try {
      await stub.control.seed({ sdkAppId: 1400000001, accounts: ['u'] });
      const answer = await call(
        stub,
        'markContact',
        { From_Account: 'u', MarkItem: [c2c('a')] },
        { sdkAppId: 1400000001 },
      );
      expect(answer.ErrorCode).toBe(0);
      expect(stub.control.stats({ sdkAppId: 1400000001, command: 'markContact' }).series[0]?.ceiling).toBe(7);
    } finally {
      stub.control.setEdition(1400000001, 'pro');
      stub.control.setRateLimit(1400000001, 50);
    }
    expect(() => stub.control.setRateLimit(1400000001, -1)).toThrow(/rate limit/);
    expect(() => stub.control.setEdition(1, 'pro')).toThrow(/not an app/);
  });

  it('answers 404 for an unknown control route', async () => {
    expect(await controlRequest(stub, 'GET', 'nothing')).toMatchObject({ status: 404, body: { ok: false } });
    expect(await controlRequest(stub, 'POST', 'health', {})).toMatchObject({
      status: 404,
      body: { ok: false },
    });
  });

  it('answers 400 for a body that is not JSON', async () => {
    const { request } = await import('undici');
    const response = await request(`${stub.url}/__stub/seed`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{',
    });
    expect(response.statusCode).toBe(400);
    expect(await response.body.json()).toMatchObject({ ok: false, error: expect.stringContaining('JSON') });
  });
});

describe('the control plane on a non-loopback host', () => {
  it('is off unless asked for, and the API answers 60009 on its paths', async () => {
    const lines: string[] = [];
    const open = await testStub({ host: '0.0.0.0', logLevel: 'warn', logSink: (line) => lines.push(line) });
    try {
      expect(open.controlEnabled).toBe(false);
      expect(lines.join('\n')).toMatch(/control plane is off.*--control/);
      const { request } = await import('undici');
      const response = await request(`http://127.0.0.1:${open.port}/__stub/health`);
      expect(response.statusCode).toBe(200);
      expect(((await response.body.json()) as { ErrorCode: number }).ErrorCode).toBe(
        ErrorCode.UNKNOWN_RESOURCE,
      );
    } finally {
      await open.close();
    }
    // Without a token it would be open to anyone who reaches the port: refused.
    await expect(testStub({ host: '0.0.0.0', control: true })).rejects.toThrow(/--control-token/);
    const forced = await testStub({
      host: '0.0.0.0',
      control: true,
      controlToken: 'a-long-random-token',
      logLevel: 'warn',
      logSink: (line) => lines.push(line),
    });
    try {
      expect(forced.controlEnabled).toBe(true);
      expect(lines.join('\n')).toMatch(/control plane .* is on at non-loopback host 0\.0\.0\.0/);
      const { request } = await import('undici');
      expect((await request(`http://127.0.0.1:${forced.port}/__stub/health`)).statusCode).toBe(401);
      const authorized = await request(`http://127.0.0.1:${forced.port}/__stub/health`, {
        headers: { authorization: 'Bearer a-long-random-token' },
      });
      expect(authorized.statusCode).toBe(200);
      await authorized.body.dump();
    } finally {
      await forced.close();
    }
  });

  it('--no-control turns it off on loopback too', async () => {
    const off = await testStub({ control: false });
    try {
      const { request } = await import('undici');
      const response = await request(`${off.url}/__stub/health`);
      expect(((await response.body.json()) as { ErrorCode: number }).ErrorCode).toBe(
        ErrorCode.UNKNOWN_RESOURCE,
      );
    } finally {
      await off.close();
    }
  });
});

describe('stub.control (in-process)', () => {
  it('reads, counts and clears the journal, and lists, adds and removes faults', async () => {
    const local = await testStub({ rateLimit: 0 });
    try {
      const { control } = local;
      control.clearRequests();
      await call(local, 'markContact', {
        From_Account: 'user0',
        MarkItem: [c2c('user1', { OptType: 1, SetMark: [1] })],
      });
      const list = control.requests({ command: 'markContact' });
      expect(list).toMatchObject({ enabled: true, total: 1, dropped: 0 });
      expect(list.requests[0]?.query.usersig).toBe('[redacted]');
      expect(
        control.countRequests({
          command: 'markContact',
          body: { MarkItem: [{ ContactItem: { To_Account: 'user1' } }] },
        }),
      ).toBe(1);
      expect(() => control.countRequests({ command: 'nope' })).toThrow(
        expect.objectContaining({ name: 'ControlError', code: 'unknown-command', status: 400 }),
      );
      const fault = control.addFault({ kind: 'error', code: 50005, command: 'markContact', count: 1 });
      expect(control.faults()).toEqual([fault]);
      expect(
        (await call(local, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] })).ErrorCode,
      ).toBe(50005);
      expect(control.faults()).toEqual([]);
      const latency = control.addFault({ kind: 'latency', latencyMs: 5 });
      control.removeFault(latency.id);
      expect(() => control.removeFault(latency.id)).toThrow(
        expect.objectContaining({ code: 'not-found', status: 404 }),
      );
      expect(() => control.addFault({ kind: 'http', status: 200 } as never)).toThrow(
        expect.objectContaining({ code: 'invalid-fault' }),
      );
      expect(control.clearRequests()).toBe(2);
      expect(control.requests().total).toBe(0);
    } finally {
      await local.close();
    }
  });
});

describe('a hang and a graceful stop', () => {
  it('close() ends a hang at once instead of waiting for its maxMs', async () => {
    const local = await testStub({ rateLimit: 0 });
    local.control.addFault({ kind: 'hang', command: 'getContactGroup', maxMs: 600_000 });
    const pending = call(local, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 }).catch(
      (error: unknown) => error,
    );
    for (let i = 0; i < 100 && local.control.faults()[0]?.fired !== 1; i++) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    // Within the test's own timeout, far below the hang's 10 minutes.
    await local.close();
    expect(await pending).toMatchObject({ code: expect.stringMatching(/^UND_ERR_SOCKET|ECONNRESET/) });
  });
});
