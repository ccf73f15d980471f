#!/usr/bin/env node
// The worked example as a test (nx run examples:test, part of `npm test`; never cached): team-x-inbox
// is copied to a fresh folder outside the repository, installs the packed @tim-marks/types,
// @tim-marks/usersig and @tim-marks/stub-server tarballs and its own @pact-foundation/pact from the
// registry (--prefer-offline: the npm cache first), and runs its own `npm test`: the consumer pact
// with pact-js, `tim-marks-stub verify ./pacts` (must pass) and the deliberate mismatch (must fail
// with a readable report; that test asserts the text and the exit code).
//
// The tarballs are packed from copies of the built packages (tools/pack-copy.mjs).
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installTarballs, npmEnv, packFromCopy } from '../tools/pack-copy.mjs';

const PROJECT = fileURLToPath(new URL('./team-x-inbox/', import.meta.url));
const PACKAGES = {
  '@tim-marks/types': 'packages/types',
  '@tim-marks/usersig': 'packages/usersig',
  '@tim-marks/stub-server': 'apps/stub-server',
};
const PACT_VERSION = '16.5.0';
const keep = process.argv.includes('--keep');

const work = mkdtempSync(join(tmpdir(), 'tim-marks-example-'));
let status = 1;
try {
  const tarballs = join(work, 'tarballs');
  mkdirSync(tarballs);
  const specs = [];
  for (const [name, folder] of Object.entries(PACKAGES))
    specs.push((await packFromCopy(name, folder, tarballs)).path);
  const app = join(work, 'team-x-inbox');
  cpSync(PROJECT, app, {
    recursive: true,
    filter: (source) =>
      !/[/\\](node_modules|pacts|pacts-broken)([/\\]|$)/.test(source.slice(PROJECT.length - 1)),
  });
  const env = { ...npmEnv, PACT_DO_NOT_TRACK: 'true' };
  installTarballs(app, specs, [`@pact-foundation/pact@${PACT_VERSION}`], { PACT_DO_NOT_TRACK: 'true' });
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
