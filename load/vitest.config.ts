import { defineConfig } from 'vitest/config';

// Resolve workspace packages to their TypeScript sources, so tests never run against a stale dist.
const conditions = ['@tim-marks/source', 'node', 'import', 'default'];

export default defineConfig({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: { include: ['test/**/*.test.ts', 'src/**/*.test.ts'], pool: 'forks' },
});
