import { defineConfig } from 'vitest/config';

// The provider side of the contract (test/pact/*.pact.ts): the client's pacts verified against the
// stub started in-process, and checked against the OpenAPI document. Needs the pacts the consumer run
// writes (nx runs @tim-marks/client:pact:consumer first). Not part of `vitest run` (*.test.ts).
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
    // STORE=redis|cluster: the stubs verified run on a Redis started for the run (test/store-setup.ts).
    globalSetup: ['test/store-setup.ts'],
    // Pact's native verifier runs in the test process; one file at a time keeps the stubs' timing calm.
    pool: 'forks',
    fileParallelism: false,
    env: { PACT_DO_NOT_TRACK: 'true' },
    testTimeout: 120_000,
    hookTimeout: 30_000,
  },
});
