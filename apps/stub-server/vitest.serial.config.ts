import { defineConfig } from 'vitest/config';

// The tests that must run alone (test/*.serial.ts): `npm test` runs them after every other task
// (`test:serial`), as they rewrite what other tests read. Not part of `vitest run` (*.test.ts).
export default defineConfig({
  test: {
    include: ['test/**/*.serial.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 90_000,
  },
});
