#!/usr/bin/env node
// Part of the build: copies the inspector page (apps/inspector/dist, built by nx before this app:
// see implicitDependencies) into dist/ui/, where the built stub serves it at /__stub/ui
// (src/inspector-page.ts). The stub never imports the inspector's code; it serves its files.
import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const page = fileURLToPath(new URL('../../inspector/dist/', import.meta.url));
const target = fileURLToPath(new URL('../dist/ui/', import.meta.url));
if (!existsSync(join(page, 'index.html'))) {
  console.error(
    `inspector-page: ${page}index.html is missing: build the page first (npx nx run @tim-marks/stub-server:build builds it, then the stub)`,
  );
  process.exit(1);
}
rmSync(target, { recursive: true, force: true });
cpSync(page, target, { recursive: true });
console.log('inspector-page: the inspector page in dist/ui');
