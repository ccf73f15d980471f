// The control plane's bad-input table (faults, journal filters and matchers, documents): each row
// gets its HTTP status and stable `code` (openapi/control-plane.yaml ControlErrorCode), a sentence
// in `error`, and changes nothing: no fault is added or removed, the journal is as it was, the stub
// still serves. BAD-INPUT.md's second table is rendered from these rows.
import { connect } from 'node:net';
import type { ControlErrorCode } from '@tim-marks/types/control-plane';
import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stub } from '../../src/stub.js';
import { c2c, call, testStub } from '../helpers.js';
import { cell, syncDocSection } from './doc-table.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
});
afterAll(() => stub.close());

interface Row {
  group: string;
  input: string;
  method: 'GET' | 'POST' | 'DELETE';
  path: string;
  /** A JSON value to send, or raw text. */
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  status: number;
  code: ControlErrorCode;
}

const rows: Row[] = [];
const faultRow = (input: string, body: unknown, code: ControlErrorCode = 'invalid-fault', status = 400) =>
  rows.push({ group: 'POST /__stub/faults', input, method: 'POST', path: 'faults', body, status, code });

faultRow('a body that is not JSON `{`', undefined, 'invalid-json');
rows[rows.length - 1]!.raw = '{';
faultRow('an array `[]`', []);
faultRow('`null`', null);
faultRow('an unknown kind `boom`', { kind: 'boom' });
faultRow('no kind, no code (`{ command, count: 2 }`, the old form needs a code)', {
  command: 'markContact',
  count: 2,
});
faultRow('an unknown field `Count` (a typo must not widen a fault)', { kind: 'drop', Count: 1 });
faultRow('a `__proto__` member', JSON.parse('{"kind":"drop","__proto__":{"count":1}}'));
faultRow('command `nope`', { kind: 'drop', command: 'nope' }, 'unknown-command');
faultRow('sdkAppId of no app', { kind: 'drop', sdkAppId: 9 }, 'unknown-app', 404);
faultRow('sdkAppId as a string', { kind: 'drop', sdkAppId: '1400000000' }, 'invalid-input');
faultRow('From_Account empty', { kind: 'drop', From_Account: '' });
faultRow('count 0', { kind: 'drop', count: 0 });
faultRow('count 1.5', { kind: 'drop', count: 1.5 });
faultRow('probability 2', { kind: 'drop', probability: 2 });
faultRow('probability as a string', { kind: 'drop', probability: '0.5' });
faultRow('count and probability together', { kind: 'drop', count: 1, probability: 0.5 });
faultRow('error: code 0 (success is not a fault)', { kind: 'error', code: 0 });
faultRow('error: code 51008 (item-level only)', { kind: 'error', code: 51008 });
faultRow('error: code 123456 (not in the catalogue)', { kind: 'error', code: 123456 });
faultRow('error: code as a string `"50004"`', { kind: 'error', code: '50004' });
faultRow('error: ErrorInfo of 1025 characters', { kind: 'error', code: 50004, ErrorInfo: 'x'.repeat(1025) });
faultRow('item-error: no conversations named', { kind: 'item-error', ResultCode: 51008 });
faultRow('item-error: ResultCode 50004 (request-level only)', {
  kind: 'item-error',
  ResultCode: 50004,
  To_Account: ['a'],
});
faultRow('item-error: an empty To_Account', { kind: 'item-error', ResultCode: 51008, To_Account: [''] });
faultRow('item-error: on get_contact_group (no per-item results)', {
  kind: 'item-error',
  ResultCode: 51008,
  To_Account: ['a'],
  command: 'getContactGroup',
});
faultRow('http: status 200', { kind: 'http', status: 200 });
faultRow('http: status 503.5', { kind: 'http', status: 503.5 });
faultRow('http: a body of 65,537 characters', { kind: 'http', status: 503, body: 'x'.repeat(65_537) });
faultRow('http: a contentType with CR LF (header injection)', {
  kind: 'http',
  status: 503,
  contentType: 'text/plain\r\nSet-Cookie: a=b',
});
faultRow('latency: no latencyMs', { kind: 'latency' });
faultRow('latency: -1', { kind: 'latency', latencyMs: -1 });
faultRow('latency: 600,001 ms (over the 10-minute bound)', { kind: 'latency', latencyMs: 600_001 });
faultRow('latency: 1.5 ms', { kind: 'latency', latencyMs: 1.5 });
faultRow('latency: { min: 5, max: 1 }', { kind: 'latency', latencyMs: { min: 5, max: 1 } });
faultRow('latency: { min: 1 } alone', { kind: 'latency', latencyMs: { min: 1 } });
faultRow('latency: { mean: -1, stddev: 1 }', { kind: 'latency', latencyMs: { mean: -1, stddev: 1 } });
faultRow('hang: maxMs 0', { kind: 'hang', maxMs: 0 });
faultRow('hang: maxMs 600,001 (a hang must end)', { kind: 'hang', maxMs: 600_001 });
faultRow(
  'a form post (`Content-Type: application/x-www-form-urlencoded`)',
  undefined,
  'unsupported-media-type',
  415,
);
Object.assign(rows[rows.length - 1]!, {
  raw: 'kind=drop',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
});

const other = (
  group: string,
  input: string,
  method: Row['method'],
  path: string,
  status: number,
  code: ControlErrorCode,
  body?: unknown,
) => rows.push({ group, input, method, path, status, code, ...(body === undefined ? {} : { body }) });
other('DELETE /__stub/faults', 'an id no fault has', 'DELETE', 'faults/fault-999999', 404, 'not-found');
other('DELETE /__stub/faults', '`?sdkAppId=abc`', 'DELETE', 'faults?sdkAppId=abc', 400, 'invalid-input');
other('DELETE /__stub/faults', '`?sdkAppId=` of no app', 'DELETE', 'faults?sdkAppId=9', 404, 'unknown-app');
other('GET /__stub/requests', '`limit=0`', 'GET', 'requests?limit=0', 400, 'invalid-filter');
other('GET /__stub/requests', '`limit=10001`', 'GET', 'requests?limit=10001', 400, 'invalid-filter');
other('GET /__stub/requests', '`limit=1e3`', 'GET', 'requests?limit=1e3', 400, 'invalid-filter');
other('GET /__stub/requests', '`since=yesterday`', 'GET', 'requests?since=yesterday', 400, 'invalid-filter');
other('GET /__stub/requests', '`ErrorCode=abc`', 'GET', 'requests?ErrorCode=abc', 400, 'invalid-filter');
other(
  'GET /__stub/requests',
  'an unknown filter `from=user0`',
  'GET',
  'requests?from=user0',
  400,
  'invalid-filter',
);
other('GET /__stub/requests', '`command=nope`', 'GET', 'requests?command=nope', 400, 'unknown-command');
const countRow = (input: string, body: unknown, code: ControlErrorCode = 'invalid-matcher') =>
  other('POST /__stub/requests/count', input, 'POST', 'requests/count', 400, code, body);
countRow('`{}` (no command)', {});
countRow('`null`', null);
countRow('an array', []);
countRow('an unknown member `Body`', { command: 'markContact', Body: {} });
countRow('From_Account as a number', { command: 'markContact', From_Account: 5 });
countRow('ErrorCode as a string', { command: 'markContact', ErrorCode: '0' });
countRow('command `nope`', { command: 'nope' }, 'unknown-command');
const stateRow = (input: string, body: unknown, status: number, code: ControlErrorCode) =>
  other('POST /__stub/provider-states', input, 'POST', 'provider-states', status, code, body);
stateRow('`{}` (no state)', {}, 400, 'invalid-input');
stateRow(
  'an unknown state `alice has starred bob`',
  { state: 'alice has starred bob' },
  404,
  'unknown-provider-state',
);
stateRow('an edition `gold`', { state: 'an app with edition gold' }, 400, 'invalid-input');
stateRow('position 65', { state: 'alice has marked bob with 65 and custom mark x' }, 400, 'invalid-input');
stateRow('`action: "reset"`', { state: 'alice is imported', action: 'reset' }, 400, 'invalid-input');
stateRow('an app it does not serve', { state: 'alice is imported', sdkAppId: 9 }, 404, 'unknown-app');
rows.push({
  group: 'Documents and unknown routes',
  input: '`GET /__stub/docs` with `Host: attacker.example` (DNS rebinding)',
  method: 'GET',
  path: 'docs',
  headers: { host: 'attacker.example' },
  status: 403,
  code: 'forbidden',
});
other(
  'Documents and unknown routes',
  '`GET /__stub/openapi.json` (no such document)',
  'GET',
  'openapi.json',
  404,
  'not-found',
);
other(
  'Documents and unknown routes',
  '`PUT /__stub/faults`',
  'PUT' as Row['method'],
  'faults',
  404,
  'not-found',
  {},
);

/** Sends a row over a raw socket (any Host header, any body) and answers status and JSON body. */
function send(row: Row): Promise<{ status: number; contentType: string; body: Record<string, unknown> }> {
  const body = row.raw ?? (row.body === undefined ? '' : JSON.stringify(row.body));
  const headers: Record<string, string> = {
    host: `127.0.0.1:${stub.port}`,
    ...(row.body !== undefined || row.raw !== undefined ? { 'content-type': 'application/json' } : {}),
    ...row.headers,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  const head = `${row.method} /__stub/${row.path} HTTP/1.1\r\n${Object.entries(headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\r\n')}\r\n\r\n`;
  return new Promise((resolve, reject) => {
    const socket = connect(stub.port, '127.0.0.1', () => socket.end(head + body));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const split = text.indexOf('\r\n\r\n');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1]);
      const contentType = /\r\ncontent-type: ([^\r]*)/i.exec(text.slice(0, split))?.[1] ?? '';
      try {
        resolve({ status, contentType, body: JSON.parse(text.slice(split + 4)) });
      } catch (error) {
        reject(new Error(`not JSON: ${text}`, { cause: error }));
      }
    });
  });
}

describe('control-plane bad input', () => {
  it.each(rows.map((row, i) => [`${i + 1}. ${row.group}: ${row.input}`, row] as const))(
    '%s',
    async (_, row) => {
      await stub.control.reset();
      stub.control.clearRequests();
      const kept = stub.control.addFault({
        kind: 'latency',
        command: 'getContactGroup',
        latencyMs: 0,
        probability: 0,
      });
      await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
      const journal = stub.control.requests();

      const reply = await send(row);

      expect([reply.status, reply.body.code], JSON.stringify(reply.body)).toEqual([row.status, row.code]);
      expect(reply.contentType).toMatch(/^application\/json/);
      expect(reply.body.ok).toBe(false);
      expect(reply.body.error).toEqual(expect.stringMatching(/\w+ \w+/));
      expect(stub.control.faults()).toEqual([kept]);
      expect(stub.control.requests()).toEqual(journal);
      const health = await request(`${stub.url}/__stub/health`);
      expect(health.statusCode).toBe(200);
      await health.body.dump();
    },
  );
});

function renderTable(): string {
  const lines: string[] = [`${rows.length} rows in ${new Set(rows.map((r) => r.group)).size} groups.`];
  let group = '';
  rows.forEach((row, i) => {
    if (row.group !== group) {
      group = row.group;
      lines.push('', `### ${group}`, '', '| # | input | answer | code |', '|---|---|---|---|');
    }
    lines.push(`| ${i + 1} | ${cell(row.input)} | ${row.status} | \`${row.code}\` |`);
  });
  return `${lines.join('\n').trim()}\n`;
}

const START =
  '<!-- control table: generated from test/reliability/control-bad-input.test.ts; BAD_INPUT_DOC=write npm run test -w @tim-marks/stub-server -- bad-input -->';
const END = '<!-- end of control table -->';

describe('BAD-INPUT.md (control plane)', () => {
  it('lists exactly the rows of this table', () => {
    syncDocSection(START, END, renderTable());
  });
});
