import { defineConfig } from 'vitest/config';

// The consumer side of the contract (test/pact/*.pact.ts): the real client against Pact's mock
// server, writing pacts/ at the workspace root. Not part of `vitest run` (which includes *.test.ts).
const conditions = ['@tim-marks/source', 'node', 'import', 'default'];
const nodeConditions = ['@tim-marks/source', 'node'];

// Pact's native core reports usage unless told not to; forks inherit this.
process.env.PACT_DO_NOT_TRACK = 'true';

export default defineConfig({
  resolve: { conditions },
  // vitest hands ssr.resolve.conditions to Node (--conditions) for external packages too. With
  // `import` among them, `require()` of a dual package loads its ESM file: express 5's router then
  // gets a module namespace from require('is-promise') and Pact's verifier proxy answers 500.
  ssr: { resolve: { conditions: nodeConditions, externalConditions: nodeConditions } },
  test: {
    include: ['test/pact/**/*.pact.ts'],
    // Pact's native mock server lives in the test process: one fork per file, and one file at a time,
    // because every file merges into the same pact file.
    pool: 'forks',
    fileParallelism: false,
    globalSetup: ['test/pact/global-setup.ts'],
    env: { PACT_DO_NOT_TRACK: 'true' },
    testTimeout: 20_000,
  },
});
