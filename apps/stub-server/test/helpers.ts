// Test helpers: a stub on 127.0.0.1 port 0, requests through undici, and a check of every answer
// the tests see against the spec's response schema.
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { COMMANDS, type CommandName } from '@tim-marks/types';
import { sign } from '@tim-marks/usersig';
import { type Dispatcher, request } from 'undici';
import { expect } from 'vitest';
import { DEFAULT_ADMIN, DEFAULT_SDKAPPID, DEVELOPMENT_SECRET_KEY } from '../src/defaults.js';
import { compileEnvelopeValidator, compileResponseValidators, createAjv } from '../src/schemas.js';
import { appOf, recordsOf } from '../src/store/journal-records.js';
import { MemoryStore } from '../src/store/memory.js';
import { type Stub, type StubOptions, startStub } from '../src/stub.js';
import { storeOption } from './store-option.js';

export type Answer = Record<string, unknown> & {
  ActionStatus: 'OK' | 'FAIL';
  ErrorCode: number;
  ErrorInfo: string;
};

const ajv = createAjv();
const responseValidators = compileResponseValidators(ajv);
const envelopeValidator = compileEnvelopeValidator(ajv);

/** Checks an answer against the spec: the command's response schema, or the envelope alone. */
export function expectValidAnswer(command: CommandName | undefined, body: Answer): void {
  const validate = command === undefined ? envelopeValidator : responseValidators[command];
  if (validate(body)) return;
  const errors = validate.errors ?? [];
  expect.fail(
    `answer does not match the spec (${command ?? 'envelope'}): ${JSON.stringify(errors)}\n${JSON.stringify(body)}`,
  );
}

/** What the request helpers need of a stub: in-process, or a CLI process seen from outside. */
export type Remote = Pick<Stub, 'url' | 'commandUrl'>;

/** A stub running elsewhere (a CLI process), reached with a UserSig signed here. */
export function remote(
  url: string,
  { secretKey = DEVELOPMENT_SECRET_KEY, sdkAppId = DEFAULT_SDKAPPID, admin = DEFAULT_ADMIN } = {},
): Remote {
  const signed = new Map<string, string>();
  return {
    url,
    commandUrl(command, query = {}) {
      const app = query.sdkAppId ?? sdkAppId;
      const identifier = query.identifier ?? admin;
      const key = `${app}/${identifier}`;
      let usersig = signed.get(key);
      if (usersig === undefined) {
        usersig = sign({ sdkAppId: app, identifier, secretKey });
        signed.set(key, usersig);
      }
      const params = new URLSearchParams({
        sdkappid: String(app),
        identifier,
        usersig: query.usersig ?? usersig,
        random: String(query.random ?? Math.floor(Math.random() * 4294967296)),
        contenttype: 'json',
      });
      return `${url}${COMMANDS[command]}?${params}`;
    },
  };
}

export async function testStub(options: StubOptions = {}): Promise<Stub> {
  // Without a store or state file of its own, the stub runs on the run's store (store-option.ts).
  const runStore = options.store === undefined && options.stateFile === undefined ? storeOption() : {};
  return startStub({
    host: '127.0.0.1',
    port: 0,
    logLevel: 'silent',
    ...runStore,
    ...options,
    // An explicit `store: undefined` in options means "none of its own", not "no store".
    ...(runStore.store ? { store: runStore.store } : {}),
  });
}

export interface CallOptions {
  /** Query parameters to override (undefined removes one). */
  query?: Record<string, string | undefined>;
  /** A raw body instead of JSON.stringify(body). */
  raw?: string;
  method?: string;
  sdkAppId?: number;
  identifier?: string;
  /** An undici dispatcher (a warmed-up Pool for bursts); default the global one. */
  dispatcher?: Dispatcher;
}

export function commandQuery(stub: Remote, command: CommandName, options: CallOptions = {}): string {
  const url = new URL(
    stub.commandUrl(command, {
      ...(options.sdkAppId === undefined ? {} : { sdkAppId: options.sdkAppId }),
      ...(options.identifier === undefined ? {} : { identifier: options.identifier }),
    }),
  );
  for (const [name, value] of Object.entries(options.query ?? {})) {
    if (value === undefined) url.searchParams.delete(name);
    else url.searchParams.set(name, value);
  }
  return url.toString();
}

/** POSTs a command and answers its (spec-checked) JSON body. */
export async function call(
  stub: Remote,
  command: CommandName,
  body: unknown,
  options: CallOptions = {},
): Promise<Answer> {
  return callUrl(commandQuery(stub, command, options), body, options, command);
}

/** Requests any URL of the stub, expecting the API's HTTP-200 envelope. */
export async function callUrl(
  url: string,
  body: unknown,
  options: CallOptions = {},
  command?: CommandName,
): Promise<Answer> {
  const response = await request(url, {
    ...(options.dispatcher === undefined ? {} : { dispatcher: options.dispatcher }),
    method: (options.method ?? 'POST') as 'POST',
    headers: { 'content-type': 'application/json' },
    body: options.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
  });
  const text = await response.body.text();
  expect(response.statusCode, text).toBe(200);
  expect(response.headers['content-type']).toMatch(/^application\/json/);
  const answer = JSON.parse(text) as Answer;
  expectValidAnswer(command, answer);
  return answer;
}

/** A raw request (any Host header: undici always sends the real one): the status line's code. */
export function rawStatus(port: number, head: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head));
    let text = '';
    socket.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = /^HTTP\/1\.1 (\d{3})/.exec(text);
      if (match) {
        socket.destroy();
        resolve(Number(match[1]));
      }
    });
    socket.on('error', reject);
  });
}

/** Requests the control plane: status and JSON body. */
export async function controlRequest(
  stub: Pick<Stub, 'url'>,
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await request(`${stub.url}/__stub/${path}`, {
    method: method as 'GET',
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.statusCode, body: (await response.body.json()) as Record<string, unknown> };
}

export function c2c(to: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { OptType: 1, ContactItem: { Type: 1, To_Account: to }, SetMark: [1], ...extra };
}

export function group(id: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { OptType: 1, ContactItem: { Type: 2, ToGroupId: id }, SetMark: [1], ...extra };
}

/** Reads every page of a user's marked conversations. */
export async function allContacts(stub: Remote, from: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start = 0;
  for (;;) {
    const page = await call(stub, 'getContactGroup', { From_Account: from, StartIndex: start });
    expect(page.ErrorCode).toBe(0);
    items.push(...(page.ContactItem as Record<string, unknown>[]));
    if (page.CompleteFlag === 1) return items;
    start = page.NextStartIndex as number;
  }
}

export { COMMANDS };

/**
 * Fires `n` identical POSTs as fast as the server can take them: raw HTTP/1.1, pipelined over a
 * few sockets, so that the client's own overhead does not spread a burst over the ceiling's window.
 * Answers the parsed (spec-checked) bodies.
 */
export async function rawBurst(
  url: string,
  body: unknown,
  n: number,
  command?: CommandName,
  sockets = 10,
): Promise<Answer[]> {
  const { connect } = await import('node:net');
  const target = new URL(url);
  const payload = JSON.stringify(body);
  const one = `POST ${target.pathname}${target.search} HTTP/1.1\r\nHost: ${target.host}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(payload)}\r\n\r\n${payload}`;
  const perSocket = Array.from(
    { length: sockets },
    (_, i) => Math.floor(n / sockets) + (i < n % sockets ? 1 : 0),
  );
  const opened = await Promise.all(
    perSocket.map(
      () =>
        new Promise<import('node:net').Socket>((resolve, reject) => {
          const socket = connect(Number(target.port), target.hostname, () => resolve(socket));
          socket.once('error', reject);
        }),
    ),
  );
  const results = await Promise.all(
    opened.map((socket, i) => {
      const answers = readAnswers(socket, perSocket[i] as number);
      socket.write(one.repeat(perSocket[i] as number));
      return answers;
    }),
  );
  const answers = results.flat();
  for (const answer of answers) expectValidAnswer(command, answer);
  return answers;
}

/**
 * Reads `count` raw HTTP/1.1 answers from a socket (each must be HTTP 200 with a JSON body), in the
 * order they arrive, then ends the socket.
 */
export function readAnswers(socket: import('node:net').Socket, count: number): Promise<Answer[]> {
  return new Promise((resolve, reject) => {
    const answers: Answer[] = [];
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const end = buffer.indexOf('\r\n\r\n');
        if (end < 0) break;
        const head = buffer.subarray(0, end).toString();
        const length = Number(/content-length: *([0-9]+)/i.exec(head)?.[1]);
        if (buffer.length < end + 4 + length) break;
        expect(head).toMatch(/^HTTP\/1\.1 200 /);
        answers.push(JSON.parse(buffer.subarray(end + 4, end + 4 + length).toString()) as Answer);
        buffer = buffer.subarray(end + 4 + length);
      }
      if (answers.length === count) {
        socket.end();
        resolve(answers);
      }
    });
    socket.on('error', reject);
  });
}

/** The state a state file (snapshot or journal: JSON lines of records) holds, in the export format. */
export function readStateFile(file: string): import('../src/store/store.js').StubState {
  const store = new MemoryStore();
  const apps = new Set<number>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line === '') continue;
    const records = recordsOf(JSON.parse(line));
    if (typeof records === 'string') throw new Error(`${file}: ${records}`);
    for (const entry of records) {
      apps.add(appOf(entry));
      store.replay(entry);
    }
  }
  return { version: 1, apps: [...apps].map((sdkAppId) => store.exportApp(sdkAppId)) };
}
