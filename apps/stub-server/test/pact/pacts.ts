// The pacts written by the consumer run (packages/client, `pact:consumer`) at the workspace root,
// and what the provider side reads from them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROVIDER = 'tim-marks-stub';
export const PACTS_DIR = fileURLToPath(new URL('../../../../pacts/', import.meta.url));

export interface PactQuery {
  [name: string]: string[];
}

export interface PactBody {
  content?: unknown;
  contentType?: string;
}

export interface Interaction {
  description: string;
  type: string;
  providerStates?: { name: string; params?: unknown }[];
  request: {
    method: string;
    path: string;
    query?: PactQuery;
    headers?: Record<string, string[]>;
    body?: PactBody;
  };
  response: { status: number; headers?: Record<string, string[]>; body?: PactBody };
}

export interface PactFile {
  consumer: { name: string };
  provider: { name: string };
  interactions: Interaction[];
  metadata: Record<string, unknown>;
}

export interface LoadedPact {
  file: string;
  pact: PactFile;
}

/** Every pact in pacts/ whose provider is the stub. Fails when there is none: the consumer run comes first. */
export function stubPacts(): LoadedPact[] {
  const loaded = readdirSync(PACTS_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => {
      const file = join(PACTS_DIR, name);
      return { file, pact: JSON.parse(readFileSync(file, 'utf8')) as PactFile };
    })
    .filter(({ pact }) => pact.provider?.name === PROVIDER);
  if (loaded.length === 0) {
    throw new Error(
      `no pact for ${PROVIDER} in ${PACTS_DIR}: run the consumer first (npm run pact:consumer -w @tim-marks/client)`,
    );
  }
  return loaded;
}

/** Every provider state the pacts name. */
export function statesNamed(pacts: readonly LoadedPact[]): string[] {
  const names = new Set<string>();
  for (const { pact } of pacts) {
    for (const interaction of pact.interactions) {
      for (const state of interaction.providerStates ?? []) names.add(state.name);
    }
  }
  return [...names].sort();
}
