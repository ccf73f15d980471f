#!/usr/bin/env node
// Packing a workspace package. `prepack` builds it (nx: its dependencies first), then strips. Tests
// never pack in place: they pack copies and run `strip` there (tools/pack-copy.mjs).
// `strip` removes the workspace-only `@tim-marks/source`
// export condition from package.json so the tarball's manifest names only files it ships (dist);
// `restore` (postpack) puts it back. Inside the repository the condition lets TypeScript and vitest
// read a sibling's src/*.ts without building it first; outside, it would point at a file that is not
// in the tarball. Run in the package's folder (npm runs pack scripts there).
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

const CONDITION = '@tim-marks/source';
const arg = process.argv[2];
if (arg !== 'prepack' && arg !== 'strip' && arg !== 'restore') {
  process.stderr.write('usage: node tools/pack-manifest.mjs prepack|strip|restore (in a package folder)\n');
  process.exit(2);
}

const text = readFileSync('package.json', 'utf8');
const manifest = JSON.parse(text);
if (arg === 'prepack') {
  // npm puts the workspace's node_modules/.bin on PATH for pack scripts.
  execFileSync('nx', ['run', `${manifest.name}:build`, '--outputStyle=static'], { stdio: 'inherit' });
}
const mode = arg === 'prepack' ? 'strip' : arg;
const exports = manifest.exports;
if (typeof exports !== 'object' || exports === null) {
  process.stderr.write(`${manifest.name}: exports is not a subpath map\n`);
  process.exit(1);
}

for (const [subpath, target] of Object.entries(exports)) {
  // "./package.json": "./package.json" and other plain strings have no conditions.
  if (typeof target !== 'object' || target === null) continue;
  if (mode === 'strip') {
    delete target[CONDITION];
  } else if (!(CONDITION in target)) {
    // Each subpath's source is its built file's: ./dist/x.js ← ./src/x.ts.
    const source = /^\.\/dist\/(.+)\.js$/.exec(String(target.default ?? ''));
    if (source === null) continue;
    // The condition must come first: Node and TypeScript take the first matching key.
    exports[subpath] = { [CONDITION]: `./src/${source[1]}.ts`, ...target };
  }
}
const next = `${JSON.stringify(manifest, null, 2)}\n`;
if (next !== text) writeFileSync('package.json', next);
