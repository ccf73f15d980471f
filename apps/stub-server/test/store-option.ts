// The store a test stub runs on: with STORE=redis|cluster the run's Redis (test/store-setup.ts), each
// stub under a key prefix of its own so that tests never see each other's state; else memory.
//
// The suites on the run's Redis judge behaviour, not this machine's timing: on a loaded 2-core machine
// Redis's answer can come later than the ceiling's 80 ms or a store command's 500 ms, and the call would
// answer 50004. So their stubs wait longer; those fail-fast rules have their own tests
// (ceiling-redis.test.ts, redis-store.test.ts, redis-runner.test.ts), which set their own timeouts.
import { inject } from 'vitest';
import type { StubOptions } from '../src/stub.js';

const COMMAND_TIMEOUT_MS = 5_000;
const CEILING_TIMEOUT_MS = 1_000;

let stubsOnRedis = 0;

/** `redis://…?prefix=…&commandTimeout=…` for a new stub, or undefined (the memory store). */
function testStore(): string | undefined {
  const url = inject('storeUrl');
  if (!url) return undefined;
  const prefix = encodeURIComponent(`t${process.pid}.${++stubsOnRedis}.${Date.now()}:`);
  return `${url}?prefix=${prefix}&commandTimeout=${COMMAND_TIMEOUT_MS}`;
}

/** What to spread into StubOptions for the run's store: `{ store, ceilingTimeoutMs }`, or nothing (memory). */
export function storeOption(): Pick<StubOptions, 'store' | 'ceilingTimeoutMs'> {
  const store = testStore();
  return store === undefined ? {} : { store, ceilingTimeoutMs: CEILING_TIMEOUT_MS };
}
