import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources, so tests never run against a stale dist.
const conditions = ['@tim-marks/source', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    pool: 'forks',
    // The payload tests generate thousands of calls: on a busy 2-core machine that can take longer
    // than vitest's 5 s default (seen at 7.6 s in a fresh clone's npm test). A limit, not a measure.
    testTimeout: 30_000,
  },
});
