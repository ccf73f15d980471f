import { randomFillSync } from 'node:crypto';
import { COMMANDS, type CommandName, type ResponseEnvelope } from '@tim-marks/types';
import { type Clock, systemClock } from './clock.js';
import {
  type CallSite,
  TimMarksAbortError,
  TimMarksApiError,
  type TimMarksError,
  TimMarksHttpStatusError,
  TimMarksInvalidResponseError,
  TimMarksNetworkError,
  TimMarksTimeoutError,
} from './errors.js';

/**
 * What the client needs of an undici dispatcher: its promise-returning `request()`. Declared here
 * rather than as undici's `Dispatcher` so that a caller's own undici (any 6.x or 7.x, another copy
 * than the client's) fits structurally: an `Agent`, `Pool`, `ProxyAgent` or `MockAgent`.
 */
export interface RequestDispatcher {
  request(options: {
    origin: string;
    path: string;
    method: 'POST';
    headers: Record<string, string>;
    body: string;
    signal?: AbortSignal | undefined;
    headersTimeout?: number;
    bodyTimeout?: number;
  }): Promise<{
    statusCode: number;
    body: { text(): Promise<string>; dump(): Promise<unknown> };
  }>;
}

/** What every request carries in its query string. */
export interface Identity {
  sdkAppId: number;
  identifier: string;
}

export interface AttemptInput {
  dispatcher: RequestDispatcher;
  origin: string;
  identity: Identity;
  userSig: string;
  /** The method called and the command it sends. */
  site: CallSite;
  body: unknown;
  timeoutMs: number;
  clock: Clock;
  signal: AbortSignal | undefined;
  /** 1 for the first send. */
  attempt: number;
}

export type AttemptOutcome = { ok: true; response: ResponseEnvelope } | { ok: false; error: TimMarksError };

// Random values are drawn from the OS's CSPRNG a block at a time: one system call per 256 requests
// instead of one each (the per-call cost is what BENCHMARKS.md compares with a raw request).
const randomBlock = new Uint32Array(256);
let randomNext = randomBlock.length;

/** A fresh `random` for each request, from the OS's CSPRNG, over the full unsigned 32-bit range. */
export function freshRandom(): number {
  if (randomNext === randomBlock.length) {
    randomFillSync(randomBlock);
    randomNext = 0;
  }
  return randomBlock[randomNext++] as number;
}

/** The query up to `random=`, per command and UserSig: it only changes when the UserSig does. */
const prefixes = new WeakMap<Identity, Map<CommandName, { userSig: string; prefix: string }>>();

export function commandPath(command: CommandName, identity: Identity, userSig: string): string {
  let byCommand = prefixes.get(identity);
  if (byCommand === undefined) {
    byCommand = new Map();
    prefixes.set(identity, byCommand);
  }
  let cached = byCommand.get(command);
  if (cached === undefined || cached.userSig !== userSig) {
    const query = new URLSearchParams({
      sdkappid: String(identity.sdkAppId),
      identifier: identity.identifier,
      usersig: userSig,
    });
    cached = { userSig, prefix: `${COMMANDS[command]}?${query.toString()}&random=` };
    byCommand.set(command, cached);
  }
  return `${cached.prefix}${freshRandom()}&contenttype=json`;
}

const JSON_HEADERS: Record<string, string> = Object.freeze({ 'content-type': 'application/json' }) as Record<
  string,
  string
>;

/** undici's own timeouts, used with the system clock: no timer or AbortController of ours per send. */
const UNDICI_TIMEOUT_CODES = new Set(['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT']);

function isEnvelope(value: unknown): value is ResponseEnvelope {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const body = value as Record<string, unknown>;
  return (
    (body.ActionStatus === 'OK' || body.ActionStatus === 'FAIL') &&
    typeof body.ErrorCode === 'number' &&
    (body.ErrorInfo === undefined || typeof body.ErrorInfo === 'string')
  );
}

/**
 * Sends one request and classifies its outcome. Never throws: every failure comes back as a
 * TimMarksError for the retry policy to judge.
 */
export async function attempt(input: AttemptInput): Promise<AttemptOutcome> {
  const { site, signal } = input;
  const command = site.operation;
  if (signal?.aborted)
    return { ok: false, error: new TimMarksAbortError(site, signal.reason, input.attempt - 1) };

  // With the system clock, undici times the send itself (headersTimeout, then bodyTimeout) and the
  // caller's signal goes straight to it: nothing of ours per send. Another clock (a test's) keeps
  // its own timer and AbortController, so that a manual clock drives the timeout.
  const native = input.clock === systemClock;
  let timer: AbortController | undefined;
  let onAbort: (() => void) | undefined;
  let timedOut = false;
  const path = commandPath(command, input.identity, input.userSig);
  const body = JSON.stringify(input.body);

  try {
    let answer: Awaited<ReturnType<RequestDispatcher['request']>>;
    if (native) {
      answer = await input.dispatcher.request({
        origin: input.origin,
        path,
        method: 'POST',
        headers: JSON_HEADERS,
        body,
        signal,
        headersTimeout: input.timeoutMs,
        bodyTimeout: input.timeoutMs,
      });
    } else {
      const request = new AbortController();
      timer = new AbortController();
      onAbort = () => request.abort(signal?.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      input.clock.sleep(input.timeoutMs, timer.signal).then(
        () => {
          timedOut = true;
          request.abort(new Error('timeout'));
        },
        () => {},
      );
      answer = await input.dispatcher.request({
        origin: input.origin,
        path,
        method: 'POST',
        headers: JSON_HEADERS,
        body,
        signal: request.signal,
      });
    }
    if (answer.statusCode !== 200) {
      await answer.body.dump().catch(() => {});
      return { ok: false, error: new TimMarksHttpStatusError(site, answer.statusCode, input.attempt) };
    }
    const text = await answer.body.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return {
        ok: false,
        error: new TimMarksInvalidResponseError(site, 'the body is not JSON', input.attempt),
      };
    }
    if (!isEnvelope(parsed)) {
      return {
        ok: false,
        error: new TimMarksInvalidResponseError(site, 'no ActionStatus/ErrorCode in the body', input.attempt),
      };
    }
    if (parsed.ActionStatus !== 'OK' || parsed.ErrorCode !== 0) {
      return { ok: false, error: new TimMarksApiError(site, parsed, input.attempt) };
    }
    return { ok: true, response: parsed };
  } catch (cause) {
    if (signal?.aborted)
      return { ok: false, error: new TimMarksAbortError(site, signal.reason, input.attempt) };
    if (timedOut || UNDICI_TIMEOUT_CODES.has((cause as { code?: string } | null)?.code ?? ''))
      return { ok: false, error: new TimMarksTimeoutError(site, input.timeoutMs, input.attempt) };
    return { ok: false, error: new TimMarksNetworkError(site, cause, input.attempt) };
  } finally {
    if (timer !== undefined) {
      timer.abort();
      if (onAbort !== undefined) signal?.removeEventListener('abort', onAbort);
    }
  }
}
