// Where the consumer's pacts go. Kept free of imports so that the global setup can use it without
// loading Pact's native core in vitest's main process.
import { fileURLToPath } from 'node:url';

export const CONSUMER = 'tim-marks-client';
export const PROVIDER = 'tim-marks-stub';
/** `pacts/` at the workspace root: committed, so that a contract change shows in review. */
export const PACTS_DIR = fileURLToPath(new URL('../../../../pacts/', import.meta.url));

/** Pact files this consumer writes, whatever the provider: `tim-marks-client-<provider>.json`. */
export function isOwnPactFile(name: string): boolean {
  return name.startsWith(`${CONSUMER}-`) && name.endsWith('.json');
}
