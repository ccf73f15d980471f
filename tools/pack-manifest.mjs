#!/usr/bin/env node
// Packing a workspace package: `strip` (prepack) removes the workspace-only `@tim-marks/source`
// export condition from package.json so the tarball's manifest names only files it ships (dist);
// `restore` (postpack) puts it back. Inside the repository the condition lets TypeScript and vitest
// read a sibling's src/*.ts without building it first; outside, it would point at a file that is not
// in the tarball. Run in the package's folder (npm runs pack scripts there).
import { readFileSync, writeFileSync } from 'node:fs';

const CONDITION = '@tim-marks/source';
const SOURCE_ENTRY = './src/index.ts';
const mode = process.argv[2];
if (mode !== 'strip' && mode !== 'restore') {
  process.stderr.write('usage: node tools/pack-manifest.mjs strip|restore (in a package folder)\n');
  process.exit(2);
}

const text = readFileSync('package.json', 'utf8');
const manifest = JSON.parse(text);
const root = manifest.exports?.['.'];
if (typeof root !== 'object' || root === null) {
  process.stderr.write(`${manifest.name}: exports["."] is not a conditions object\n`);
  process.exit(1);
}

if (mode === 'strip') {
  delete root[CONDITION];
} else if (!(CONDITION in root)) {
  // The condition must come first: Node and TypeScript take the first matching key.
  manifest.exports['.'] = { [CONDITION]: SOURCE_ENTRY, ...root };
}
const next = `${JSON.stringify(manifest, null, 2)}\n`;
if (next !== text) writeFileSync('package.json', next);
