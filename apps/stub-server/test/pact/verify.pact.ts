// Provider verification: every pact of the stub, replayed by Pact's verifier against the stub started
// in-process, each interaction after its provider states were set up through the control plane.
//
// The pact's usersig values were signed with the stub's fixed development key for its default app and
// admin, so the stub verifies them for real (a wrong key would answer 70009): no request filter
// rewrites anything the consumer sent.
import { Verifier } from '@pact-foundation/pact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_ADMIN, DEFAULT_SDKAPPID, DEVELOPMENT_SECRET_KEY } from '../../src/defaults.js';
import { matchState } from '../../src/provider-states.js';
import { type Stub, startStub } from '../../src/stub.js';
import { storeOption } from '../store-option.js';
import { PROVIDER, statesNamed, stubPacts } from './pacts.js';
import { providerStates } from './states.js';

/**
 * With a Pact Broker, set through the environment only (pacts/README.md): pact-core itself reads
 * PACT_BROKER_BASE_URL and PACT_BROKER_TOKEN (or _USERNAME/_PASSWORD) and then also verifies the
 * stub's pacts on the broker; PACT_PROVIDER_VERSION (and PACT_PROVIDER_BRANCH) with
 * PACT_BROKER_PUBLISH_VERIFICATION_RESULTS=true publishes the outcome. Without them: local pacts only.
 */
function brokerOptions(env: NodeJS.ProcessEnv) {
  return {
    ...(env.PACT_PROVIDER_VERSION ? { providerVersion: env.PACT_PROVIDER_VERSION } : {}),
    ...(env.PACT_PROVIDER_BRANCH ? { providerVersionBranch: env.PACT_PROVIDER_BRANCH } : {}),
    ...(env.PACT_BROKER_BASE_URL
      ? {
          consumerVersionSelectors: [
            { mainBranch: true },
            { matchingBranch: true },
            { deployedOrReleased: true },
          ],
        }
      : {}),
  };
}

describe('the stub honours the client’s pacts', () => {
  const pacts = stubPacts();
  let stub: Stub;

  beforeAll(async () => {
    stub = await startStub({ host: '127.0.0.1', port: 0, logLevel: 'silent', ...storeOption() });
  });
  afterAll(async () => {
    await stub?.close();
  });

  it('runs as the app the pacts were signed for', () => {
    expect([stub.sdkAppId, stub.admin, stub.secretKey]).toEqual([
      DEFAULT_SDKAPPID,
      DEFAULT_ADMIN,
      DEVELOPMENT_SECRET_KEY,
    ]);
  });

  it('finds every provider state the pacts name in the vocabulary', () => {
    const unknown = statesNamed(pacts).filter((name) => {
      try {
        matchState(name);
        return false;
      } catch {
        return true;
      }
    });
    expect(unknown).toEqual([]);
  });

  it('answers every interaction as the pacts say', async () => {
    const states = providerStates(stub);
    const outcome = await new Verifier({
      provider: PROVIDER,
      providerBaseUrl: stub.url,
      pactUrls: pacts.map(({ file }) => file),
      stateHandlers: states.handlers,
      beforeEach: states.reset,
      logLevel: 'warn',
      ...brokerOptions(process.env),
    })
      .verifyProvider()
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    // A failing state setup is only logged by Pact: report it before the verification's own verdict.
    expect(states.errors).toEqual([]);
    expect(outcome).toBeUndefined();
  });
});
