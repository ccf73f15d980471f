// The store a test stub runs on: with STORE=redis|cluster the run's Redis (test/store-setup.ts), each
// stub under a key prefix of its own so that tests never see each other's state; else memory.
import { inject } from 'vitest';

let stubsOnRedis = 0;

/** `redis://…?prefix=…` for a new stub, or undefined (the memory store). */
export function testStore(): string | undefined {
  const url = inject('storeUrl');
  if (!url) return undefined;
  return `${url}?prefix=${encodeURIComponent(`t${process.pid}.${++stubsOnRedis}.${Date.now()}:`)}`;
}

/** `{ store }` to spread into StubOptions, or nothing. */
export function storeOption(): { store?: string } {
  const store = testStore();
  return store === undefined ? {} : { store };
}
