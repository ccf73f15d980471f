// The provider states the client's pact names, set up through the stub's provider-state vocabulary
// (src/provider-states.ts, the same code POST /__stub/provider-states runs): no state is defined here.
// Before every interaction the stub is reset to its configured start.
import { KEEP_RECORDED_USERSIG, NOT_STATES } from '../../src/provider-states.js';
import type { Stub } from '../../src/stub.js';

type StateHandler = (params?: unknown) => Promise<Record<string, string>>;

export interface ProviderStates {
  /** Any state name: the vocabulary decides (an unknown name fails with the closest ones). */
  handlers: Record<string, StateHandler>;
  /** Run before each interaction: the stub as started (reset, Ultimate edition, configured ceiling). */
  reset(): Promise<void>;
  /** What went wrong in a setup. Pact only logs a failing state handler; the tests assert this is empty. */
  errors: string[];
}

export function providerStates(stub: Stub): ProviderStates {
  const app = stub.apps[0];
  if (app === undefined) throw new Error('the stub has no app');
  const { sdkAppId } = app;
  const errors: string[] = [];
  const handlers = new Proxy({} as Record<string, StateHandler>, {
    get: (_target, name) =>
      typeof name === 'string' && !NOT_STATES.has(name)
        ? async (params?: unknown) => {
            try {
              return await stub.control.providerState({
                state: name,
                params: (params ?? {}) as Record<string, unknown>,
              });
            } catch (error) {
              errors.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
              throw error;
            }
          }
        : undefined,
  });
  const reset = async () => {
    await stub.control.reset(sdkAppId);
    // Any state's teardown puts back the app's configured edition and ceiling.
    await stub.control.providerState({ state: KEEP_RECORDED_USERSIG, action: 'teardown', sdkAppId });
  };
  return { handlers, reset, errors };
}
