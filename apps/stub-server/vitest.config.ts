import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources, so tests never run against a stale dist.
const conditions = ['@tim-marks/source', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    pool: 'forks',
    // Builds dist/ for the tests that spawn the CLI (the nx test target builds dependencies only).
    globalSetup: ['test/global-setup.ts', 'test/store-setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
