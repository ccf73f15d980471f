import { randomInt } from 'node:crypto';
import { COMMANDS, type CommandName, LIMITS, type ResponseEnvelope } from '@tim-marks/types';
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
    signal: AbortSignal;
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

/** A fresh `random` for each request, from the OS's CSPRNG, over the full unsigned 32-bit range. */
export function freshRandom(): number {
  return randomInt(0, LIMITS.randomMax + 1);
}

export function commandPath(command: CommandName, identity: Identity, userSig: string): string {
  const query = new URLSearchParams({
    sdkappid: String(identity.sdkAppId),
    identifier: identity.identifier,
    usersig: userSig,
    random: String(freshRandom()),
    contenttype: 'json',
  });
  return `${COMMANDS[command]}?${query.toString()}`;
}

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

  const request = new AbortController();
  let timedOut = false;
  const onAbort = () => request.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const onTimeout = () => {
    timedOut = true;
    request.abort(new Error('timeout'));
  };
  // The system clock's plain timer costs a fraction of a promise-based sleep with a signal; this
  // runs for every send.
  const systemTimer = input.clock === systemClock ? setTimeout(onTimeout, input.timeoutMs) : undefined;
  const timer = systemTimer === undefined ? new AbortController() : undefined;
  if (timer !== undefined) input.clock.sleep(input.timeoutMs, timer.signal).then(onTimeout, () => {});

  try {
    const answer = await input.dispatcher.request({
      origin: input.origin,
      path: commandPath(command, input.identity, input.userSig),
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input.body),
      signal: request.signal,
    });
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
    if (timedOut) return { ok: false, error: new TimMarksTimeoutError(site, input.timeoutMs, input.attempt) };
    return { ok: false, error: new TimMarksNetworkError(site, cause, input.attempt) };
  } finally {
    if (systemTimer !== undefined) clearTimeout(systemTimer);
    timer?.abort();
    signal?.removeEventListener('abort', onAbort);
  }
}
