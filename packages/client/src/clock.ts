import { setTimeout as delay } from 'node:timers/promises';

/**
 * Time as the client sees it. The limiter, the backoff, the per-attempt timeout and the UserSig
 * renewal all read it, so tests drive them with a manual clock instead of waiting.
 */
export interface Clock {
  /** Milliseconds since the unix epoch. */
  now(): number;
  /** Resolves after `ms`; rejects (with the signal's reason) as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, signal) => delay(Math.max(0, ms), undefined, signal === undefined ? undefined : { signal }),
};
