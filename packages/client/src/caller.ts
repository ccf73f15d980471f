import { type CommandBodies, type CommandName, ErrorCode } from '@tim-marks/types';
import { type AttemptOutcome, attempt, type Identity, type RequestDispatcher } from './attempt.js';
import type { Clock } from './clock.js';
import { type CallSite, type ClientMethod, TimMarksAbortError, type TimMarksError } from './errors.js';
import type { Admission } from './limiter.js';
import { backoffDelay, type RetryPolicy } from './retry.js';
import type { UserSigSource } from './usersig.js';

/** Options of one call. */
export interface CallOptions {
  /** Cancels the call: waiting for the limiter, the request in flight, and the wait before a retry. */
  signal?: AbortSignal;
  /** Overrides the client's `timeoutMs` for each send of this call. */
  timeoutMs?: number;
}

/** What `onRetry` is told before each retry. */
export interface RetryEvent {
  /** The method called, e.g. `importAccounts`. */
  command: ClientMethod;
  /** The API command being sent (operationId), e.g. `multiaccountImport`. */
  operation: CommandName;
  /** The send that failed (1 = the first). */
  attempt: number;
  error: TimMarksError;
  /** The wait before the next send (0 after a re-sign on 70001). */
  delayMs: number;
}

export interface CallerConfig {
  dispatcher: RequestDispatcher;
  origin: string;
  identity: Identity;
  userSig: UserSigSource;
  timeoutMs: number;
  retry: RetryPolicy;
  clock: Clock;
  random: () => number;
  /** When each send may go: the rate of its command and the calls in flight. */
  admission: Admission;
  onRetry: ((event: RetryEvent) => void) | undefined;
}

/**
 * Sends one command with the client's policy: wait for the limiter, send, and on a retryable
 * failure wait (exponential backoff with jitter) and send again, up to `retry.retries` times. An
 * expired UserSig (70001) is re-signed once and sent again at once, outside the retry budget.
 */
export async function call<C extends CommandName>(
  config: CallerConfig,
  site: CallSite & { operation: C },
  body: CommandBodies[C]['request'],
  options: CallOptions = {},
): Promise<CommandBodies[C]['response']> {
  const { signal } = options;
  const command = site.operation;
  const timeoutMs = options.timeoutMs ?? config.timeoutMs;
  let sends = 0;
  let retriesUsed = 0;
  let resigned = false;

  for (;;) {
    let ticket = signal?.aborted ? undefined : config.admission.tryAcquire(command);
    if (ticket === undefined) {
      try {
        ticket = await config.admission.acquire(command, signal);
      } catch (reason) {
        throw new TimMarksAbortError(site, reason, sends);
      }
    }
    sends += 1;
    let outcome: AttemptOutcome;
    try {
      outcome = await attempt({
        dispatcher: config.dispatcher,
        origin: config.origin,
        identity: config.identity,
        userSig: config.userSig.current(),
        site,
        body,
        timeoutMs,
        clock: config.clock,
        signal,
        attempt: sends,
      });
    } finally {
      ticket.done();
    }
    if (outcome.ok) return outcome.response as CommandBodies[C]['response'];

    const { error } = outcome;
    if (error.code === ErrorCode.RATE_LIMITED) config.admission.refused();
    if (error.code === ErrorCode.USERSIG_EXPIRED && !resigned && config.userSig.renew()) {
      resigned = true;
      config.onRetry?.({ command: site.method, operation: command, attempt: sends, error, delayMs: 0 });
      continue;
    }
    if (!error.retryable || retriesUsed >= config.retry.retries) throw error;

    retriesUsed += 1;
    const delayMs = backoffDelay(retriesUsed, config.retry, config.random);
    config.onRetry?.({ command: site.method, operation: command, attempt: sends, error, delayMs });
    try {
      await config.clock.sleep(delayMs, signal);
    } catch (reason) {
      throw new TimMarksAbortError(site, signal?.reason ?? reason, sends);
    }
  }
}
