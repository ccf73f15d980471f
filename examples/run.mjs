#!/usr/bin/env node
// The worked example as a test (nx run examples:test, part of `npm test`; never cached): team-x-inbox
// is copied to a fresh folder outside the repository, installs the packed @tim-marks/types,
// @tim-marks/usersig and @tim-marks/stub-server tarballs and its own @pact-foundation/pact from the
// registry (--prefer-offline: the npm cache first), and runs its own `npm test`: the consumer pact
// with pact-js, `tim-marks-stub verify ./pacts` (must pass) and the deliberate mismatch (must fail
// with a readable report; that test asserts the text and the exit code).
//
// The tarballs are packed from copies of the built packages: packing in place would rewrite their
// package.json (pack-manifest.mjs) under the client's consumer test, which may pack them meanwhile.
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = fileURLToPath(new URL('../', import.meta.url));
const PROJECT = fileURLToPath(new URL('./team-x-inbox/', import.meta.url));
const PACKAGES = {
  '@tim-marks/types': 'packages/types',
  '@tim-marks/usersig': 'packages/usersig',
  '@tim-marks/stub-server': 'apps/stub-server',
};
const PACT_VERSION = '16.5.0';
const keep = process.argv.includes('--keep');
/** The environment without the workspace settings an `npm run` or nx parent may leave in it. */
const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^npm_config_workspaces?$/i.test(key)),
);

function run(command, args, options = {}) {
  process.stdout.write(`$ ${command} ${args.join(' ')}\n`);
  return execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...options });
}

/**
 * Copies the files a built workspace package ships. A dist/ being rewritten meanwhile (another test's
 * `npm start` rebuilding) must not be copied half-written: the package must load where it is, and no
 * file may change while it is copied; otherwise the copy is taken again a little later.
 */
async function copyPackage(name, folder, into, files) {
  const copy = join(into, 'src', name.replace('/', '+'));
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
    if (problem === undefined && stamps() === before) return copy;
    if (attempt === 5)
      throw new Error(`${name}: its dist/ ${problem ?? 'kept changing while copied'}; rebuild it`);
    await new Promise((resolve) => setTimeout(resolve, 5000));
  }
}

/** Packs a built workspace package from a copy of the files it ships, without its workspace-only export condition. */
async function pack(name, folder, into) {
  const listing = JSON.parse(
    run('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(REPO, folder), env: npmEnv }),
  );
  const copy = await copyPackage(name, folder, into, listing[0].files);
  const manifest = JSON.parse(readFileSync(join(copy, 'package.json'), 'utf8'));
  for (const target of Object.values(manifest.exports ?? {})) {
    if (typeof target === 'object' && target !== null) delete target['@tim-marks/source'];
  }
  delete manifest.scripts?.prepack;
  delete manifest.scripts?.postpack;
  writeFileSync(join(copy, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  const packed = JSON.parse(
    run('npm', ['pack', '--json', '--pack-destination', into], { cwd: copy, env: npmEnv }),
  );
  return join(into, packed[0].filename);
}

for (const folder of Object.values(PACKAGES)) {
  const built = join(REPO, folder, 'dist', 'index.js');
  try {
    readFileSync(built);
  } catch {
    throw new Error(`${built} is missing: npx nx run examples:test builds it first`);
  }
}

const work = mkdtempSync(join(tmpdir(), 'tim-marks-example-'));
let status = 1;
try {
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const specs = [];
  for (const [name, folder] of Object.entries(PACKAGES)) specs.push(await pack(name, folder, tarballs));
  const app = join(work, 'team-x-inbox');
  cpSync(PROJECT, app, {
    recursive: true,
    filter: (source) =>
      !/[/\\](node_modules|pacts|pacts-broken)([/\\]|$)/.test(source.slice(PROJECT.length - 1)),
  });
  const env = { ...npmEnv, PACT_DO_NOT_TRACK: 'true' };
  run(
    'npm',
    [
      'install',
      '--no-audit',
      '--no-fund',
      '--prefer-offline',
      '--save-exact',
      ...specs,
      `@pact-foundation/pact@${PACT_VERSION}`,
    ],
    { cwd: app, env },
  );
  const linked = readdirSync(join(app, 'node_modules', '@tim-marks'));
  process.stdout.write(`installed from tarballs: ${linked.map((n) => `@tim-marks/${n}`).join(', ')}\n`);
  process.stdout.write('$ npm test   (in the example project)\n');
  try {
    process.stdout.write(
      execFileSync('npm', ['test'], { cwd: app, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }),
    );
    status = 0;
  } catch (error) {
    process.stdout.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    process.stdout.write(`the example's npm test failed (exit ${error.status})\n`);
  }
} catch (error) {
  process.stdout.write(`${error.stdout ?? ''}${error.stderr ?? ''}${error.message}\n`);
} finally {
  if (keep) process.stdout.write(`kept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}
process.stdout.write(`\nexample: ${status === 0 ? 'passed' : 'failed'}\n`);
process.exitCode = status;
