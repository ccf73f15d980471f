import { randomInt } from 'node:crypto';
import { COMMANDS, type CommandName, LIMITS, type ResponseEnvelope } from '@tim-marks/types';
import type { Dispatcher } from 'undici';
import type { Clock } from './clock.js';
import {
  TimMarksAbortError,
  TimMarksApiError,
  type TimMarksError,
  TimMarksHttpStatusError,
  TimMarksInvalidResponseError,
  TimMarksNetworkError,
  TimMarksTimeoutError,
} from './errors.js';

/** What every request carries in its query string. */
export interface Identity {
  sdkAppId: number;
  identifier: string;
}

export interface AttemptInput {
  dispatcher: Dispatcher;
  origin: string;
  identity: Identity;
  userSig: string;
  command: CommandName;
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
  const { command, signal } = input;
  if (signal?.aborted)
    return { ok: false, error: new TimMarksAbortError(command, signal.reason, input.attempt - 1) };

  const request = new AbortController();
  const timer = new AbortController();
  let timedOut = false;
  const onAbort = () => request.abort(signal?.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  input.clock.sleep(input.timeoutMs, timer.signal).then(
    () => {
      timedOut = true;
      request.abort(new Error('timeout'));
    },
    () => {},
  );

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
      return { ok: false, error: new TimMarksHttpStatusError(command, answer.statusCode, input.attempt) };
    }
    const text = await answer.body.text();
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return {
        ok: false,
        error: new TimMarksInvalidResponseError(command, 'the body is not JSON', input.attempt),
      };
    }
    if (!isEnvelope(parsed)) {
      return {
        ok: false,
        error: new TimMarksInvalidResponseError(
          command,
          'no ActionStatus/ErrorCode in the body',
          input.attempt,
        ),
      };
    }
    if (parsed.ActionStatus !== 'OK' || parsed.ErrorCode !== 0) {
      return { ok: false, error: new TimMarksApiError(command, parsed, input.attempt) };
    }
    return { ok: true, response: parsed };
  } catch (cause) {
    if (signal?.aborted)
      return { ok: false, error: new TimMarksAbortError(command, signal.reason, input.attempt) };
    if (timedOut)
      return { ok: false, error: new TimMarksTimeoutError(command, input.timeoutMs, input.attempt) };
    return { ok: false, error: new TimMarksNetworkError(command, cause, input.attempt) };
  } finally {
    timer.abort();
    signal?.removeEventListener('abort', onAbort);
  }
}
