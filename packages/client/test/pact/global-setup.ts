// pact-js merges new interactions into an existing pact file, so an interaction that was renamed or
// removed would linger. Every consumer run therefore starts from no pact of this consumer.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isOwnPactFile, PACTS_DIR } from './pact-files.js';

export default function setup(): void {
  mkdirSync(PACTS_DIR, { recursive: true });
  for (const name of readdirSync(PACTS_DIR)) {
    if (isOwnPactFile(name)) rmSync(join(PACTS_DIR, name));
  }
}
