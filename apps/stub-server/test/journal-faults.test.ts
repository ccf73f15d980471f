// The request journal and the faults of every kind (openapi/control-plane.yaml), through the built
// stub (dist/cli.js) as a user's CI would reach it: over HTTP, with the control plane's own rules.
import { readFileSync } from 'node:fs';
import type { Fault, JournalEntry, RequestList } from '@tim-marks/types/control-plane';
import { Agent, request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  c2c,
  call,
  commandQuery,
  controlRequest,
  group,
  type Remote,
  rawStatus as rawStatus_,
  remote,
} from './helpers.js';
import { APP_DIR, type StubProcess, startCli } from './process.js';

let cli: StubProcess;
let stub: Remote;

beforeAll(async () => {
  cli = await startCli(['--port', '0', '--rate-limit', '0', '--log-level', 'warn']);
  stub = remote(cli.url);
  await call(stub, 'createGroup', { Owner_Account: 'user0', Type: 'Public', GroupId: 'g1', Name: 'g1' });
});
afterAll(async () => {
  cli.child.kill('SIGTERM');
  await cli.exited;
});
beforeEach(async () => {
  await controlRequest(stub, 'DELETE', 'faults');
  await controlRequest(stub, 'DELETE', 'requests');
});

async function journal(query = ''): Promise<RequestList> {
  const { status, body } = await controlRequest(stub, 'GET', `requests${query}`);
  expect(status, JSON.stringify(body)).toBe(200);
  return body as unknown as RequestList;
}

async function addFault(spec: Record<string, unknown>): Promise<Fault> {
  const { status, body } = await controlRequest(stub, 'POST', 'faults', spec);
  expect(status, JSON.stringify(body)).toBe(200);
  return body.fault as Fault;
}

/** A raw POST of a command: status, body text, or the error of a connection that broke. */
async function post(
  command: 'markContact' | 'getContactGroup',
  body: unknown,
  timeoutMs?: number,
): Promise<{ status: number; text: string } | { error: string }> {
  const dispatcher = new Agent({
    ...(timeoutMs === undefined ? {} : { headersTimeout: timeoutMs, bodyTimeout: timeoutMs }),
  });
  try {
    const response = await request(commandQuery(stub, command), {
      method: 'POST',
      dispatcher,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: response.statusCode, text: await response.body.text() };
  } catch (error) {
    return { error: (error as { code?: string }).code ?? String(error) };
  } finally {
    await dispatcher.destroy();
  }
}

/** Polls the journal until an entry satisfies `test` (hangs and drops are noted when the socket closes). */
async function entryWhere(test: (entry: JournalEntry) => boolean): Promise<JournalEntry> {
  for (let i = 0; i < 100; i++) {
    const found = (await journal('?limit=50')).requests.find(test);
    if (found !== undefined) return found;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no such journal entry');
}

const star = (to: string) => c2c(to, { OptType: 1, SetMark: [1] });

describe('GET /__stub/requests', () => {
  it('notes each call: app, command, redacted query, parsed body, answer with per-item codes, latency', async () => {
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [star('user1'), star('user2')] });
    const list = await journal();
    expect(list).toMatchObject({ ok: true, enabled: true, total: 1, dropped: 0, capacity: 10_000 });
    const [entry] = list.requests;
    expect(entry).toMatchObject({
      sdkAppId: 1400000000,
      command: 'v4/recentcontact/mark_contact',
      query: {
        sdkappid: '1400000000',
        identifier: 'administrator',
        usersig: '[redacted]',
        contenttype: 'json',
      },
      body: { From_Account: 'user0', MarkItem: [star('user1'), star('user2')] },
      answer: { outcome: 'answered', httpStatus: 200, ActionStatus: 'OK', ErrorCode: 0, ResultCodes: [0, 0] },
    });
    expect(entry?.id).toEqual(expect.any(Number));
    expect(Date.parse(entry?.time ?? '')).toBeGreaterThan(0);
    expect(entry?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(JSON.stringify(list)).not.toMatch(/eJ[A-Za-z0-9*_-]{40}/); // no UserSig anywhere
  });

  it('answers newest first, filtered by command, From_Account, ErrorCode, sdkAppId, since and limit', async () => {
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [star('user1')] });
    await call(stub, 'markContact', { From_Account: 'user3', MarkItem: [star('user1')] });
    await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    await call(stub, 'markContact', { From_Account: 'nobody', MarkItem: [star('user1')] }); // 71000-ish: never imported
    const all = await journal();
    expect(all.total).toBe(4);
    const ids = all.requests.map((e) => e.id);
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect((await journal('?command=markContact')).total).toBe(3);
    expect((await journal('?command=v4/recentcontact/get_contact_group')).total).toBe(1);
    expect((await journal('?From_Account=user0')).total).toBe(2);
    expect((await journal('?ErrorCode=0')).total).toBe(3);
    const failed = all.requests[0]?.answer.ErrorCode as number;
    expect(failed).not.toBe(0);
    expect((await journal(`?ErrorCode=${failed}`)).requests.map((e) => e.body)).toEqual([
      { From_Account: 'nobody', MarkItem: [star('user1')] },
    ]);
    expect((await journal('?sdkAppId=1400000000')).total).toBe(4);
    expect((await journal('?sdkAppId=1')).total).toBe(0);
    const oldest = all.requests[3]?.id as number;
    expect((await journal(`?since=${oldest}`)).total).toBe(3);
    expect(
      (await journal(`?since=${encodeURIComponent(all.requests[0]?.time ?? '')}`)).total,
    ).toBeGreaterThanOrEqual(1);
    const limited = await journal('?limit=2');
    expect(limited.total).toBe(4);
    expect(limited.requests.map((e) => e.id)).toEqual(ids.slice(0, 2));
  });

  it('notes calls the gate refused (body not read), bodies that are not JSON, and cuts bodies over 16 KiB', async () => {
    const refused = await call(stub, 'markContact', {}, { query: { usersig: 'not-a-usersig' } });
    expect(refused.ErrorCode).not.toBe(0);
    await call(stub, 'markContact', undefined, { raw: '{"From_Account": ' });
    const big = { From_Account: 'user0', MarkItem: [star('user1')], Padding: 'x'.repeat(20_000) };
    await call(stub, 'markContact', big);
    const [large, raw, gate] = (await journal()).requests;
    expect(gate).toMatchObject({ body: null, answer: { ErrorCode: refused.ErrorCode } });
    expect(gate?.bodyBytes).toBeUndefined();
    expect(raw).toMatchObject({ body: '{"From_Account": ', answer: { ErrorCode: 60003 } });
    expect(large?.bodyTruncated).toBe(true);
    expect(large?.bodyBytes).toBe(Buffer.byteLength(JSON.stringify(big)));
    expect(typeof large?.body).toBe('string');
    expect(String(large?.body).length).toBe(16 * 1024);
  });

  it('refuses malformed filters with 400 and a stable code', async () => {
    for (const [query, code] of [
      ['?limit=0', 'invalid-filter'],
      ['?limit=abc', 'invalid-filter'],
      ['?since=yesterday', 'invalid-filter'],
      ['?ErrorCode=x', 'invalid-filter'],
      ['?From=user0', 'invalid-filter'],
      ['?command=nope', 'unknown-command'],
    ] as const) {
      const { status, body } = await controlRequest(stub, 'GET', `requests${query}`);
      expect([status, body.code], query).toEqual([400, code]);
      expect(body.error).toEqual(expect.any(String));
    }
  });
});

describe('DELETE /__stub/requests', () => {
  it('empties the journal; ids keep increasing', async () => {
    await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    const before = (await journal()).requests[0]?.id as number;
    expect(await controlRequest(stub, 'DELETE', 'requests')).toEqual({
      status: 200,
      body: { ok: true, removed: 1 },
    });
    expect((await journal()).total).toBe(0);
    await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    expect((await journal()).requests[0]?.id).toBeGreaterThan(before);
  });
});

describe('POST /__stub/requests/count', () => {
  const count = async (matcher: unknown) => {
    const { status, body } = await controlRequest(stub, 'POST', 'requests/count', matcher);
    expect(status, JSON.stringify(body)).toBe(200);
    return body.count;
  };

  it('counts calls matching a command and a partial body (arrays as subsets, any order)', async () => {
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [star('user1'), star('user2')] });
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [star('user2')] });
    await call(stub, 'markContact', {
      From_Account: 'user4',
      MarkItem: [group('g1', { OptType: 1, SetMark: [2] })],
    });
    await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    expect(await count({ command: 'markContact' })).toBe(3);
    expect(await count({ command: 'v4/recentcontact/mark_contact', From_Account: 'user0' })).toBe(2);
    const toUser2 = { MarkItem: [{ ContactItem: { To_Account: 'user2' } }] };
    expect(await count({ command: 'markContact', body: toUser2 })).toBe(2);
    const both = {
      MarkItem: [{ ContactItem: { To_Account: 'user2' } }, { ContactItem: { To_Account: 'user1' } }],
    };
    expect(await count({ command: 'markContact', body: both })).toBe(1);
    expect(
      await count({ command: 'markContact', body: { MarkItem: [{ ContactItem: { ToGroupId: 'g1' } }] } }),
    ).toBe(1);
    expect(await count({ command: 'markContact', body: { MarkItem: [{ SetMark: [2] }] } })).toBe(1);
    expect(await count({ command: 'markContact', body: { From_Account: 'user9' } })).toBe(0);
    expect(await count({ command: 'markContact', body: { MarkItem: [{ OptType: '1' }] } })).toBe(0); // JSON equality
    expect(await count({ command: 'markContact', ErrorCode: 0, sdkAppId: 1400000000 })).toBe(3);
  });

  it('refuses a malformed matcher with 400 and a stable code', async () => {
    for (const [matcher, code] of [
      [{}, 'invalid-matcher'],
      [[], 'invalid-matcher'],
      [{ command: 'markContact', body: {}, To: 'x' }, 'invalid-matcher'],
      [{ command: 'markContact', ErrorCode: 'zero' }, 'invalid-matcher'],
      [{ command: 'mark' }, 'unknown-command'],
    ] as const) {
      const { status, body } = await controlRequest(stub, 'POST', 'requests/count', matcher);
      expect([status, body.code], JSON.stringify(matcher)).toEqual([400, code]);
    }
  });
});

describe('faults', () => {
  it('lists, removes one by id, clears those of one app, and answers 404 for an unknown id', async () => {
    const a = await addFault({ kind: 'latency', command: 'markContact', latencyMs: { min: 1, max: 5 } });
    const b = await addFault({ kind: 'error', code: 50005, sdkAppId: 1400000000, probability: 0 });
    expect(a).toEqual({
      kind: 'latency',
      command: 'v4/recentcontact/mark_contact',
      latencyMs: { min: 1, max: 5 },
      id: a.id,
      fired: 0,
    });
    const listed = await controlRequest(stub, 'GET', 'faults');
    expect(listed).toEqual({ status: 200, body: { ok: true, faults: [a, b] } });
    expect((await controlRequest(stub, 'GET', 'faults?sdkAppId=1400000000')).body.faults).toEqual([b]);
    expect(await controlRequest(stub, 'DELETE', `faults/${a.id}`)).toEqual({
      status: 200,
      body: { ok: true },
    });
    const gone = await controlRequest(stub, 'DELETE', `faults/${a.id}`);
    expect([gone.status, gone.body.code]).toEqual([404, 'not-found']);
    expect(await controlRequest(stub, 'DELETE', 'faults?sdkAppId=1400000000')).toEqual({
      status: 200,
      body: { ok: true, removed: 1 },
    });
    expect((await controlRequest(stub, 'GET', 'faults')).body.faults).toEqual([]);
  });

  it('error: any request-level code of the catalogue in the HTTP-200 envelope, scoped by From_Account, count', async () => {
    const fault = await addFault({
      kind: 'error',
      code: 70003,
      From_Account: 'user5',
      count: 1,
      ErrorInfo: 'nope',
    });
    expect(
      (await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [star('user1')] })).ErrorCode,
    ).toBe(0);
    expect(await call(stub, 'markContact', { From_Account: 'user5', MarkItem: [star('user1')] })).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: 70003,
      ErrorInfo: 'nope',
      ErrorDisplay: '',
    });
    expect(
      (await call(stub, 'markContact', { From_Account: 'user5', MarkItem: [star('user1')] })).ErrorCode,
    ).toBe(0);
    expect((await controlRequest(stub, 'GET', 'faults')).body.faults).toEqual([]); // expired
    expect((await journal('?ErrorCode=70003')).requests[0]?.answer.fault).toBe(fault.id);
  });

  it('item-error: the chosen conversations fail with their ResultCode and are not applied; the others are', async () => {
    await addFault({ kind: 'item-error', ResultCode: 51008, To_Account: ['user7'], ToGroupId: ['g1'] });
    const answer = await call(stub, 'markContact', {
      From_Account: 'user6',
      MarkItem: [star('user7'), star('user8'), group('g1', { OptType: 1, SetMark: [1] })],
    });
    expect(answer.ActionStatus).toBe('OK');
    expect((answer.ResultItem as { ResultCode: number }[]).map((r) => r.ResultCode)).toEqual([
      51008, 0, 51008,
    ]);
    await controlRequest(stub, 'DELETE', 'faults');
    const page = await call(stub, 'getContactGroup', { From_Account: 'user6', StartIndex: 0 });
    const marked = JSON.stringify(page);
    expect(marked).toContain('user8');
    expect(marked).not.toContain('user7');
    expect(
      (await journal('?From_Account=user6&command=markContact')).requests[0]?.answer.ResultCodes,
    ).toEqual([51008, 0, 51008]);
  });

  it('http: a 5xx status with the given body; the command does not run', async () => {
    await addFault({
      kind: 'http',
      status: 502,
      body: '<html>bad gateway</html>',
      contentType: 'text/html',
      count: 1,
    });
    expect(await post('markContact', { From_Account: 'user0', MarkItem: [star('user9')] })).toEqual({
      status: 502,
      text: '<html>bad gateway</html>',
    });
    const page = await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    expect(JSON.stringify(page)).not.toContain('user9');
    expect((await journal('?command=markContact')).requests[0]?.answer).toMatchObject({
      outcome: 'answered',
      httpStatus: 502,
    });
  });

  it('latency: a fixed delay or a distribution, then the usual answer', async () => {
    await addFault({ kind: 'latency', command: 'getContactGroup', latencyMs: 150, count: 1 });
    await addFault({
      kind: 'latency',
      command: 'getContactGroup',
      latencyMs: { mean: 50, stddev: 0 },
      count: 1,
    });
    const answer = await call(stub, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    expect(answer.ErrorCode).toBe(0);
    // Both fired: their delays add up (a lower bound, not a timing assertion).
    expect((await journal()).requests[0]?.latencyMs).toBeGreaterThanOrEqual(195);
  });

  it('drop: the connection is destroyed without an answer', async () => {
    await addFault({ kind: 'drop', command: 'markContact', count: 1 });
    const result = await post('markContact', { From_Account: 'user0', MarkItem: [star('user1')] });
    expect(result).toEqual({ error: expect.stringMatching(/^UND_ERR_SOCKET|ECONNRESET/) });
    expect((await entryWhere((e) => e.answer.outcome === 'dropped')).answer).toMatchObject({
      httpStatus: null,
    });
  });

  it('hang: no answer until the client gives up; bounded by maxMs when it never does', async () => {
    await addFault({ kind: 'hang', command: 'getContactGroup', count: 2, maxMs: 600_000 });
    const gaveUp = await post('getContactGroup', { From_Account: 'user0', StartIndex: 0 }, 300);
    expect(gaveUp).toEqual({ error: 'UND_ERR_HEADERS_TIMEOUT' });
    const hung = await entryWhere((e) => e.answer.outcome === 'hung');
    expect(hung.latencyMs).toBeGreaterThanOrEqual(250);
    await controlRequest(stub, 'DELETE', 'faults');
    await addFault({ kind: 'hang', command: 'getContactGroup', count: 1, maxMs: 200 });
    const bounded = await post('getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    expect(bounded).toEqual({ error: expect.stringMatching(/^UND_ERR_SOCKET|ECONNRESET/) });
  });

  it('several faults: latencies add up, the first other one decides, and a probability of 0 never fires', async () => {
    await addFault({ kind: 'error', code: 50004, probability: 0 });
    await addFault({ kind: 'error', code: 50005, command: 'markContact' });
    await addFault({ kind: 'error', code: 60011, command: 'markContact' });
    expect(
      (await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [star('user1')] })).ErrorCode,
    ).toBe(50005);
    const [never, decided, later] = (await controlRequest(stub, 'GET', 'faults')).body.faults as Fault[];
    expect([never?.fired, decided?.fired, later?.fired]).toEqual([0, 1, 0]);
  });

  it('refuses bad faults with 400 and a stable code', async () => {
    for (const [spec, code] of [
      [{ kind: 'boom' }, 'invalid-fault'],
      [{ kind: 'error', code: 51007 }, 'invalid-fault'],
      [{ kind: 'error' }, 'invalid-fault'],
      [{ kind: 'item-error', ResultCode: 51007 }, 'invalid-fault'],
      [{ kind: 'item-error', ResultCode: 50004, To_Account: ['a'] }, 'invalid-fault'],
      [
        { kind: 'item-error', ResultCode: 51007, To_Account: ['a'], command: 'getContactGroup' },
        'invalid-fault',
      ],
      [{ kind: 'http', status: 404 }, 'invalid-fault'],
      [{ kind: 'latency' }, 'invalid-fault'],
      [{ kind: 'latency', latencyMs: { min: 5, max: 1 } }, 'invalid-fault'],
      [{ kind: 'latency', latencyMs: 600_001 }, 'invalid-fault'],
      [{ kind: 'hang', maxMs: 0 }, 'invalid-fault'],
      [{ kind: 'drop', count: 1, probability: 0.5 }, 'invalid-fault'],
      [{ kind: 'drop', colour: 'red' }, 'invalid-fault'],
      [{ kind: 'drop', command: 'nope' }, 'unknown-command'],
    ] as const) {
      const { status, body } = await controlRequest(stub, 'POST', 'faults', spec);
      expect([status, body.code], JSON.stringify(spec)).toEqual([400, code]);
    }
    const app = await controlRequest(stub, 'POST', 'faults', { kind: 'drop', sdkAppId: 9 });
    expect([app.status, app.body.code]).toEqual([404, 'unknown-app']);
  });
});

describe('documents', () => {
  it('serves both specs as they are in openapi/, and the rendered references self-contained', async () => {
    for (const name of ['openapi.yaml', 'control-plane.yaml']) {
      const response = await request(`${cli.url}/__stub/${name}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^application\/yaml/);
      expect(await response.body.text()).toBe(readFileSync(`${APP_DIR}../../openapi/${name}`, 'utf8'));
    }
    for (const path of ['docs', 'docs/control-plane']) {
      const response = await request(`${cli.url}/__stub/${path}`);
      expect(response.statusCode).toBe(200);
      expect(response.headers['content-type']).toMatch(/^text\/html/);
      const html = await response.body.text();
      expect(html).toContain('<redoc');
      expect(html).not.toMatch(/<script[^>]+src=["']?https?:|<link[^>]+href=["']?https?:/);
    }
  });
});

describe('the control plane rules cover the new routes', () => {
  const rawStatus = (head: string) => rawStatus_(Number(new URL(cli.url).port), head);

  it('refuses a foreign Host or Origin, and POST without application/json', async () => {
    for (const target of [
      'GET /__stub/requests',
      'DELETE /__stub/faults/fault-1',
      'GET /__stub/docs',
      'GET /__stub/openapi.yaml',
    ]) {
      expect(await rawStatus(`${target} HTTP/1.1\r\nHost: attacker.example\r\n\r\n`), target).toBe(403);
      expect(
        await rawStatus(`${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: http://attacker.example\r\n\r\n`),
        target,
      ).toBe(403);
    }
    const count = await request(`${cli.url}/__stub/requests/count`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{"command":"markContact"}',
    });
    expect(count.statusCode).toBe(415);
    expect(((await count.body.json()) as { code: string }).code).toBe('unsupported-media-type');
  });
});

describe('--journal-size', () => {
  it('keeps the last N calls and counts the others as dropped; 0 turns the journal off', async () => {
    const small = await startCli(['--port', '0', '--journal-size', '2', '--log-level', 'warn']);
    const off = await startCli(['--port', '0', '--journal-size', '0', '--log-level', 'warn']);
    try {
      for (let i = 0; i < 3; i++) {
        await call(remote(small.url), 'getContactGroup', { From_Account: `user${i}`, StartIndex: 0 });
        await call(remote(off.url), 'getContactGroup', { From_Account: `user${i}`, StartIndex: 0 });
      }
      const kept = (await controlRequest({ url: small.url }, 'GET', 'requests'))
        .body as unknown as RequestList;
      expect(kept).toMatchObject({ enabled: true, total: 2, dropped: 1, capacity: 2 });
      expect(kept.requests.map((e) => (e.body as { From_Account: string }).From_Account)).toEqual([
        'user2',
        'user1',
      ]);
      expect((await controlRequest({ url: off.url }, 'GET', 'requests')).body).toEqual({
        ok: true,
        enabled: false,
        requests: [],
        total: 0,
        dropped: 0,
        capacity: 0,
      });
    } finally {
      small.child.kill('SIGTERM');
      off.child.kill('SIGTERM');
      await Promise.all([small.exited, off.exited]);
    }
  });
});
