// Test helpers: a stub on 127.0.0.1 port 0, requests through undici, and a check of every answer
// the tests see against the spec's response schema.
import { COMMANDS, type CommandName } from '@tim-marks/types';
import { request } from 'undici';
import { expect } from 'vitest';
import {
  compileEnvelopeValidator,
  compileResponseValidators,
  createAjv,
  type ErrorObject,
} from '../src/schemas.js';
import { type Stub, type StubOptions, startStub } from '../src/stub.js';

export type Answer = Record<string, unknown> & {
  ActionStatus: 'OK' | 'FAIL';
  ErrorCode: number;
  ErrorInfo: string;
};

const ajv = createAjv();
const responseValidators = compileResponseValidators(ajv);
const envelopeValidator = compileEnvelopeValidator(ajv);

/**
 * A failed MarkItem is echoed as the client sent it, so an item failing because its OptType or
 * ContactItem is invalid (or missing) echoes that value (or leaves it out), which the spec's
 * MarkResultItem schema does not allow. That is the one tolerated difference (reported to the spec's owner); nothing else is.
 */
function toleratedEcho(body: Answer, error: ErrorObject): boolean {
  const missing = (error.params as { missingProperty?: string }).missingProperty;
  const match =
    /^\/ResultItem\/([0-9]+)\/(OptType|ContactItem)(\/|$)/.exec(error.instancePath) ??
    (missing === 'OptType' || missing === 'ContactItem'
      ? /^\/ResultItem\/([0-9]+)$/.exec(error.instancePath)
      : null);
  if (match === null) return false;
  const item = (body.ResultItem as { ResultCode: number }[] | undefined)?.[Number(match[1])];
  return item !== undefined && item.ResultCode !== 0;
}

/** Checks an answer against the spec: the command's response schema, or the envelope alone. */
export function expectValidAnswer(command: CommandName | undefined, body: Answer): void {
  const validate = command === undefined ? envelopeValidator : responseValidators[command];
  if (validate(body)) return;
  const errors = (validate.errors ?? []).filter((e) => !toleratedEcho(body, e));
  if (errors.length === 0) return;
  expect.fail(
    `answer does not match the spec (${command ?? 'envelope'}): ${JSON.stringify(errors)}\n${JSON.stringify(body)}`,
  );
}

export async function testStub(options: StubOptions = {}): Promise<Stub> {
  return startStub({ host: '127.0.0.1', port: 0, logLevel: 'silent', ...options });
}

export interface CallOptions {
  /** Query parameters to override (undefined removes one). */
  query?: Record<string, string | undefined>;
  /** A raw body instead of JSON.stringify(body). */
  raw?: string;
  method?: string;
  sdkAppId?: number;
  identifier?: string;
}

export function commandQuery(stub: Stub, command: CommandName, options: CallOptions = {}): string {
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
  stub: Stub,
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

/** Requests the control plane: status and JSON body. */
export async function controlRequest(
  stub: Stub,
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
export async function allContacts(stub: Stub, from: string): Promise<Record<string, unknown>[]> {
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
