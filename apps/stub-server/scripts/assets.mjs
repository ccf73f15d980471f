#!/usr/bin/env node
// Part of the build: puts the stub's documents in dist/assets/ so the built stub serves them offline
// (src/documents.ts): both specs as they are, and each rendered by Redocly into one self-contained
// HTML page (scripts and styles inline, no CDN).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const openapi = join(here, '..', '..', '..', 'openapi');
const assets = join(here, '..', 'dist', 'assets');
mkdirSync(assets, { recursive: true });

for (const name of ['openapi.yaml', 'control-plane.yaml'])
  copyFileSync(join(openapi, name), join(assets, name));

const require = createRequire(import.meta.url);
const cliPackage = require.resolve('@redocly/cli/package.json');
const redocly = join(dirname(cliPackage), require(cliPackage).bin.redocly ?? require(cliPackage).bin);
const env = { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' };
for (const [spec, page] of [
  ['openapi.yaml', 'docs.html'],
  ['control-plane.yaml', 'control-plane-docs.html'],
]) {
  try {
    execFileSync(
      process.execPath,
      [redocly, 'build-docs', join(openapi, spec), '--inlineBundle', '--output', join(assets, page)],
      {
        env,
        stdio: 'pipe',
      },
    );
  } catch (error) {
    // Redocly's own banner is noise when it works; its output is the explanation when it fails.
    process.stderr.write(`${error.stdout ?? ''}${error.stderr ?? ''}`);
    console.error(`assets: rendering ${spec} failed`);
    process.exit(1);
  }
}
console.log(
  `assets: ${['openapi.yaml', 'control-plane.yaml', 'docs.html', 'control-plane-docs.html'].join(', ')} in dist/assets`,
);
