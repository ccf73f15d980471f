// A team's own provider states (--state-handlers FILE): an ES module whose default export (or
// `stateHandlers` export) maps a state name to `async (params, control) => values?`, or to
// `{ setup, teardown }`. A name may hold `{placeholders}`: "{user} owns the shop {shop}" matches
// "alice owns the shop s-1" with params { user: 'alice', shop: 's-1' } (the pact's own params win).
// A team's handler wins over the stub's vocabulary for the same name.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { templatePattern } from '../provider-states.js';
import type { ControlClient } from './control-client.js';

type Params = Record<string, unknown>;
// A handler may return nothing (undefined) or values for Pact's provider-state injection.
export type TeamStateFunction = (params: Params, control: ControlClient) => unknown;

export interface TeamHandler {
  setup: TeamStateFunction;
  teardown?: TeamStateFunction | undefined;
  /** The pact's params with the ones the name carries. */
  params(given: Params | undefined): Params;
}

export interface TeamStateHandlers {
  find(state: string): TeamHandler | undefined;
}

export async function loadStateHandlers(file: string): Promise<TeamStateHandlers> {
  const module = (await import(pathToFileURL(resolve(file)).href)) as Record<string, unknown>;
  const table = (module.default ?? module.stateHandlers) as Record<string, unknown> | undefined;
  if (typeof table !== 'object' || table === null) {
    throw new Error(
      'export default { "state name": async (params, control) => { … } } (or export const stateHandlers)',
    );
  }
  const entries = Object.entries(table).map(([name, value]) => {
    const handler =
      typeof value === 'function'
        ? { setup: value as TeamStateFunction }
        : typeof value === 'object' &&
            value !== null &&
            typeof (value as { setup?: unknown }).setup === 'function'
          ? (value as { setup: TeamStateFunction; teardown?: TeamStateFunction })
          : undefined;
    if (handler === undefined) throw new Error(`"${name}" must be a function or { setup, teardown }`);
    return { name, pattern: templatePattern(name), handler };
  });
  return {
    find(state) {
      for (const { name, pattern, handler } of entries) {
        const match = name === state ? ({ groups: {} } as RegExpExecArray) : pattern.exec(state);
        if (match === null) continue;
        return {
          setup: handler.setup,
          teardown: handler.teardown,
          params: (given) => ({ ...(match.groups ?? {}), ...(given ?? {}) }),
        };
      }
      return undefined;
    },
  };
}
