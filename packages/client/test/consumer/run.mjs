#!/usr/bin/env node
// The consumer test (nx run @tim-marks/client:test:consumer, part of `npm test`): the packages as a
// user gets them, outside the repository.
//
// 1. `npm pack` @tim-marks/types, @tim-marks/usersig and @tim-marks/client, each from a copy of what
//    it ships with the workspace-only export condition stripped as prepack does (tools/pack-copy.mjs;
//    the build is the nx target's dependsOn); each tarball holds dist, README, LICENSE and CHANGELOG
//    only, and passes publint and @arethetypeswrong/cli.
// 2. A fresh project in the OS temp folder (no workspace, no links) installs the three tarballs, its
//    own undici (CONSUMER_UNDICI, another 7.x than the client's), TypeScript and @types/node from
//    the registry (--prefer-offline: the npm cache first).
// 3. fixture/src/main.ts type-checks under moduleResolution node16 and bundler, and runs (ESM) against
//    the built stub; fixture/src/require.cjs runs from CommonJS.
import { execFileSync, spawn } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installTarballs, packFromCopy } from '../../../../tools/pack-copy.mjs';

const REPO = fileURLToPath(new URL('../../../../', import.meta.url));
const FIXTURE = fileURLToPath(new URL('./fixture/', import.meta.url));
const BIN = join(REPO, 'node_modules', '.bin');
const STUB = join(REPO, 'apps', 'stub-server', 'dist', 'cli.js');
const PACK_MANIFEST = join(REPO, 'tools', 'pack-manifest.mjs');
const PACKAGES = ['@tim-marks/types', '@tim-marks/usersig', '@tim-marks/client'];
/** The consumer's own versions, pinned: a different undici 7.x than the client's lockfile has. */
const CONSUMER_UNDICI = process.env.CONSUMER_UNDICI ?? '7.16.0';
const CONSUMER_TYPESCRIPT = '5.9.3';
const CONSUMER_TYPES_NODE = '20.19.25';
const SECRET_KEY = 'consumer-test-secret-key';
const keep = process.argv.includes('--keep');

let failures = 0;
function step(title) {
  process.stdout.write(`\n== ${title}\n`);
}
function run(command, args, options = {}) {
  process.stdout.write(`$ ${command} ${args.join(' ')}\n`);
  try {
    const output = execFileSync(command, args, {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
      ...options,
    });
    if (output.trim() !== '' && options.quiet !== true) process.stdout.write(`${output.trimEnd()}\n`);
    return output;
  } catch (error) {
    process.stdout.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    throw new Error(`${command} ${args.join(' ')} failed (exit ${error.status})`);
  }
}
function expect(condition, what) {
  process.stdout.write(`${condition ? 'ok' : 'not ok'} - ${what}\n`);
  if (!condition) failures += 1;
}

if (!existsSync(STUB)) throw new Error(`${STUB} is missing: npx nx run @tim-marks/stub-server:build`);
const work = mkdtempSync(join(tmpdir(), 'tim-marks-consumer-'));
const tarballs = join(work, 'tarballs');
const app = join(work, 'app');
mkdirSync(tarballs);
let stub;

try {
  step('pack');
  // From copies (tools/pack-copy.mjs): packing in place would change the packages' nx hash under the
  // tests running beside this one. The strip is prepack's own (tools/pack-manifest.mjs).
  const packed = [];
  for (const name of PACKAGES)
    packed.push(await packFromCopy(name, `packages/${name.split('/')[1]}`, tarballs));

  for (const entry of packed) {
    const paths = entry.files.map((file) => file.path).sort();
    const outside = paths.filter(
      (path) =>
        !/^(dist\/.+\.(js|d\.ts|js\.map)|bin\/[^/]+\.js|package\.json|README\.md|LICENSE|CHANGELOG\.md)$/.test(
          path,
        ),
    );
    process.stdout.write(`${entry.filename}: ${paths.length} files, ${(entry.size / 1024).toFixed(1)} kB\n`);
    expect(
      outside.length === 0,
      `${entry.name} ships dist (and bin), README, LICENSE, CHANGELOG only${outside.length ? `: ${outside}` : ''}`,
    );
    for (const required of [
      'package.json',
      'README.md',
      'LICENSE',
      'CHANGELOG.md',
      'dist/index.js',
      'dist/index.d.ts',
    ]) {
      expect(paths.includes(required), `${entry.name} ships ${required}`);
    }
    const manifest = JSON.parse(
      execFileSync('tar', ['-xzOf', join(tarballs, entry.filename), 'package/package.json'], {
        encoding: 'utf8',
      }),
    );
    expect(manifest.private === undefined, `${entry.name} is not private`);
    expect(
      !JSON.stringify(manifest.exports).includes('@tim-marks/source') &&
        !JSON.stringify(manifest.exports).includes('src/'),
      `${entry.name}'s exports name only dist (no workspace source condition)`,
    );
  }

  step("postpack's restore gives back the manifest prepack stripped");
  for (const name of PACKAGES) {
    const manifest = join(REPO, 'packages', name.split('/')[1], 'package.json');
    const scratch = mkdtempSync(join(work, 'manifest-'));
    cpSync(manifest, join(scratch, 'package.json'));
    run(process.execPath, [PACK_MANIFEST, 'strip'], { cwd: scratch, quiet: true });
    run(process.execPath, [PACK_MANIFEST, 'restore'], { cwd: scratch, quiet: true });
    expect(
      readFileSync(join(scratch, 'package.json'), 'utf8') === readFileSync(manifest, 'utf8'),
      `${name}: strip then restore leaves package.json as committed`,
    );
  }

  step('publint and @arethetypeswrong/cli on every tarball');
  for (const entry of packed) {
    const file = join(tarballs, entry.filename);
    const lint = run(join(BIN, 'publint'), ['run', file, '--strict']);
    expect(/All good!/.test(lint), `publint ${entry.filename}: no problem`);
    // ESM only (see the client README: require() of these packages works on Node >= 20.19).
    run(join(BIN, 'attw'), [file, '--profile', 'esm-only', '--format', 'ascii', '--no-color', '--no-emoji']);
    expect(true, `attw ${entry.filename}: no problem (esm-only profile)`);
  }

  step(`a fresh project outside the workspace: ${app}`);
  mkdirSync(app);
  cpSync(FIXTURE, app, { recursive: true });
  writeFileSync(
    join(app, 'package.json'),
    `${JSON.stringify({ name: 'tim-marks-consumer', private: true, type: 'module' }, null, 2)}\n`,
  );
  const specs = readdirSync(tarballs).map((name) => join(tarballs, name));
  installTarballs(app, specs, [
    `undici@${CONSUMER_UNDICI}`,
    `typescript@${CONSUMER_TYPESCRIPT}`,
    `@types/node@${CONSUMER_TYPES_NODE}`,
  ]);
  const tree = JSON.parse(run('npm', ['ls', '--all', '--json'], { cwd: app, quiet: true }));
  const undiciVersions = new Set();
  const walk = (node) => {
    for (const [name, child] of Object.entries(node.dependencies ?? {})) {
      if (name === 'undici') undiciVersions.add(child.version);
      walk(child);
    }
  };
  walk(tree);
  expect(
    undiciVersions.size === 1 && undiciVersions.has(CONSUMER_UNDICI),
    `one undici in the tree, the consumer's ${CONSUMER_UNDICI} (got ${[...undiciVersions].join(', ')})`,
  );
  const linked = run('find', ['node_modules/@tim-marks', '-maxdepth', '1', '-type', 'l'], {
    cwd: app,
    quiet: true,
  });
  expect(linked.trim() === '', 'the @tim-marks packages are installed copies, not links into the workspace');

  run(join(app, 'node_modules', '.bin', 'tim-marks-usersig'), ['--help'], { cwd: app, quiet: true });
  expect(true, "@tim-marks/usersig's CLI is installed as the bin tim-marks-usersig (--help exits 0)");

  step('type-check the consumer: moduleResolution node16, then bundler');
  run(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.node16.json'], { cwd: app });
  expect(true, 'tsc -p tsconfig.node16.json (module node16): no error');
  run(join(app, 'node_modules', '.bin', 'tsc'), ['-p', 'tsconfig.bundler.json'], { cwd: app });
  expect(true, 'tsc -p tsconfig.bundler.json (moduleResolution bundler): no error');

  step('run it against the built stub');
  stub = spawn(
    process.execPath,
    [STUB, '--host', '127.0.0.1', '--port', '0', '--rate-limit', '200', '--log-level', 'warn'],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TIM_STUB_SECRET_KEY: SECRET_KEY } },
  );
  const url = await new Promise((resolve, reject) => {
    let output = '';
    stub.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(output);
      if (match) resolve(match[1]);
    });
    stub.once('exit', (code) => reject(new Error(`the stub exited with ${code}: ${output}`)));
  });
  const env = { ...process.env, STUB_URL: url, STUB_SECRET_KEY: SECRET_KEY };
  run(process.execPath, ['out/main.js'], { cwd: app, env });
  expect(true, 'ESM consumer ran to the end');
  run(process.execPath, ['src/require.cjs'], { cwd: app, env });
  expect(true, 'CommonJS consumer ran to the end');
} catch (error) {
  failures += 1;
  process.stdout.write(`not ok - ${error.message}\n`);
} finally {
  if (stub !== undefined && stub.exitCode === null) {
    const exited = new Promise((resolve) => stub.once('exit', resolve));
    stub.kill('SIGTERM');
    await exited;
  }
  if (keep) process.stdout.write(`\nkept ${work}\n`);
  else rmSync(work, { recursive: true, force: true });
}

process.stdout.write(`\nconsumer test: ${failures === 0 ? 'passed' : `${failures} failed`}\n`);
process.exitCode = failures === 0 ? 0 : 1;
