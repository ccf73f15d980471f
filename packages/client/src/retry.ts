/** How failed sends are retried. */
export interface RetryOptions {
  /** Retries after the first send (so at most `retries + 1` sends). Default 3. */
  retries?: number;
  /** Step of the first retry; it doubles each time. Default 300 ms. */
  minDelayMs?: number;
  /** Cap of one delay. Default 3000 ms. */
  maxDelayMs?: number;
}

export interface RetryPolicy {
  retries: number;
  minDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, minDelayMs: 300, maxDelayMs: 3000 };

export function retryPolicy(options: RetryOptions | false | undefined): RetryPolicy {
  if (options === false) return { ...DEFAULT_RETRY, retries: 0 };
  return { ...DEFAULT_RETRY, ...options };
}

/**
 * The wait before retry number `retry` (1-based): exponential, capped, with "equal jitter" — half
 * fixed, half random — so that callers who failed together do not come back together, while each
 * still waits at least half the step. With the defaults: 150–300, 300–600, 600–1200 ms, which
 * together always outlast the API's one-second rate window (a 60007 burst is over by the last retry).
 */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const step = Math.min(policy.maxDelayMs, policy.minDelayMs * 2 ** (retry - 1));
  return step / 2 + random() * (step / 2);
}
