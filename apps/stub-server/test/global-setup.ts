// The CLI tests spawn `node dist/cli.js`, and the nx test target only builds the dependencies
// (^build). So: build this app, and each dependency, when its dist is older than its sources (other
// packages' tests spawn this dist too: it is not rewritten needlessly while they may be reading it).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT = join(APP_DIR, '..', '..');
const TSC = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function newest(dir: string): number {
  if (!existsSync(dir)) return 0;
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

function build(dir: string): void {
  execFileSync(process.execPath, [TSC, '-p', 'tsconfig.build.json'], { cwd: dir, stdio: 'inherit' });
}

export default function setup(): void {
  for (const dir of ['packages/types', 'packages/usersig', 'apps/stub-server'].map((path) =>
    join(ROOT, path),
  )) {
    const stale =
      newest(join(dir, 'dist')) <
      Math.max(newest(join(dir, 'src')), statSync(join(dir, 'package.json')).mtimeMs);
    if (stale || !existsSync(join(dir, 'dist', 'index.js'))) build(dir);
  }
  // The documents the built stub serves (/__stub/docs…): rendered again when a spec changed.
  const page = join(APP_DIR, 'dist', 'assets', 'docs.html');
  const specs = ['openapi.yaml', 'control-plane.yaml'].map(
    (name) => statSync(join(ROOT, 'openapi', name)).mtimeMs,
  );
  if (!existsSync(page) || statSync(page).mtimeMs < Math.max(...specs)) {
    execFileSync(process.execPath, [join(APP_DIR, 'scripts', 'assets.mjs')], { stdio: 'inherit' });
  }
}
