// Packing a built workspace package as `npm pack` would, without touching the workspace: the files it
// ships are copied to a folder of their own, pack-manifest.mjs strips the workspace-only export
// condition there (what `prepack` does), and `npm pack` runs in the copy.
//
// Tests that pack run beside tests that load these packages. Packing in place rewrites the package's
// package.json for a moment, which changes its nx hash: a concurrent `npm start` then rebuilds dist/
// under the feet of every process running the stub. A copy changes nothing in the repository.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const PACK_MANIFEST = fileURLToPath(new URL('./pack-manifest.mjs', import.meta.url));

/** The environment without the workspace settings an `npm run` or nx parent may leave in it. */
export const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_config_workspaces?$/i.test(key)),
);

/** Runs npm in `cwd`; on failure prints what npm said and throws a one-line error. */
function npm(args, cwd, env = npmEnv) {
  process.stdout.write(`$ npm ${args.join(' ')}   (in ${cwd})\n`);
  try {
    return execFileSync('npm', args, { cwd, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (error) {
    process.stdout.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`npm ${args[0]} failed (exit ${error.status}) in ${cwd}`);
  }
}

/**
 * Copies the files a built workspace package ships. A dist/ being rewritten meanwhile must not be
 * copied half-written: the package must load where it is, and no file may change while it is
 * copied; otherwise the copy is taken again a little later.
 */
async function copyShippedFiles(name, folder, copy, files) {
  if (!existsSync(join(REPO, folder, 'dist', 'index.js'))) {
    throw new Error(`${name}: ${folder}/dist/index.js is missing; build it first (npx nx run ${name}:build)`);
  }
  const stamps = () => files.map(({ path }) => statSync(join(REPO, folder, path)).mtimeMs).join();
  for (let attempt = 1; ; attempt++) {
    const before = stamps();
    let problem;
    try {
      execFileSync(process.execPath, ['--input-type=module', '-e', "await import('./dist/index.js')"], {
        cwd: join(REPO, folder),
        stdio: 'pipe',
      });
    } catch (error) {
      problem =
        String(error.stderr)
          .trim()
          .split('\n')
          .find((line) => /Error/.test(line)) ?? 'does not load';
    }
    rmSync(copy, { recursive: true, force: true });
    for (const { path } of files) {
      mkdirSync(join(copy, path, '..'), { recursive: true });
      cpSync(join(REPO, folder, path), join(copy, path));
    }
    if (problem === undefined && stamps() === before) return;
    if (attempt === 5)
      throw new Error(`${name}: its dist/ ${problem ?? 'kept changing while copied'}; rebuild it`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

/**
 * Packs the built workspace package in `folder` (relative to the repository) into `into`, and answers
 * npm's report of the tarball (`npm pack --json`: name, filename, size, files). `folder` must be built.
 */
export async function packFromCopy(name, folder, into) {
  const [listing] = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], join(REPO, folder)));
  const work = mkdtempSync(join(tmpdir(), 'tim-marks-pack-'));
  try {
    const copy = join(work, 'package');
    await copyShippedFiles(name, folder, copy, listing.files);
    execFileSync(process.execPath, [PACK_MANIFEST, 'strip'], { cwd: copy, stdio: 'inherit' });
    const [packed] = JSON.parse(
      npm(['pack', '--json', '--ignore-scripts', '--pack-destination', into], copy),
    );
    return { ...packed, path: join(into, packed.filename) };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Installs `tarballs` (paths from packFromCopy) and the registry packages `more` (`name@version`) into
 * the project at `app`, as a user would: exact versions, the npm cache first, no audit. `env` adds to
 * npm's environment.
 */
export function installTarballs(app, tarballs, more = [], env = {}) {
  const args = [
    'install',
    '--no-audit',
    '--no-fund',
    '--prefer-offline',
    '--save-exact',
    ...tarballs,
    ...more,
  ];
  return npm(args, app, { ...npmEnv, ...env });
}
