#!/usr/bin/env node
// Packing a workspace package: `strip` (prepack) removes the workspace-only `@tim-marks/source`
// export condition from package.json so the tarball's manifest names only files it ships (dist);
// `restore` (postpack) puts it back. Inside the repository the condition lets TypeScript and vitest
// read a sibling's src/*.ts without building it first; outside, it would point at a file that is not
// in the tarball. Run in the package's folder (npm runs pack scripts there).
import { readFileSync, writeFileSync } from 'node:fs';

const CONDITION = '@tim-marks/source';
const mode = process.argv[2];
if (mode !== 'strip' && mode !== 'restore') {
  process.stderr.write('usage: node tools/pack-manifest.mjs strip|restore (in a package folder)\n');
  process.exit(2);
}

const text = readFileSync('package.json', 'utf8');
const manifest = JSON.parse(text);
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
