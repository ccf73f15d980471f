// Where things are in the repository, found from this file so that src (vitest) and dist (node) agree.
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRepoRoot(from: string): string {
  let dir = from;
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no nx.json above ${from}: run from the tim-marks repository`);
    dir = parent;
  }
  return dir;
}

export const REPO_ROOT = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
export const LOAD_DIR = join(REPO_ROOT, 'load');
export const K6_DIR = join(LOAD_DIR, 'k6');
export const OUT_DIR = join(LOAD_DIR, 'out');
export const STUB_CLI = join(REPO_ROOT, 'apps/stub-server/dist/cli.js');
export const USERSIG_CLI = join(REPO_ROOT, 'packages/usersig/dist/cli.js');
