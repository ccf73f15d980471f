#!/usr/bin/env node
// Generates packages/types/src/generated/* from openapi/openapi.yaml:
//   openapi.ts    — openapi-typescript's `paths` / `components` / `operations`
//   constants.ts  — the runtime catalogue: error codes, limits, regions, commands, named mark positions
//   document.ts   — the whole document as data, so the stub compiles its validators without a YAML parser
//   control-plane.ts — openapi-typescript's types of openapi/control-plane.yaml (the stub's /__stub/ operations)
// `--check` regenerates in memory and fails when a committed file differs (run by `npm test`).
// `--spec FILE --out DIR` generates from another document into another folder (the rename test uses it).
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import openapiTS, { astToString } from 'openapi-typescript';
import { parse } from 'yaml';
import { validatorsModule } from './generate-validators.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const { values: args } = parseArgs({
  options: { check: { type: 'boolean' }, spec: { type: 'string' }, out: { type: 'string' } },
});
const specPath = args.spec ? resolve(args.spec) : join(root, 'openapi', 'openapi.yaml');
const outDir = args.out ? resolve(args.out) : join(here, '..', 'src', 'generated');
const check = args.check === true;

const HEADER = `// GENERATED from openapi/openapi.yaml by packages/types/scripts/generate.mjs. Do not edit:\n// change the spec and run \`npm run generate\`.\n`;

const spec = parse(await readFile(specPath, 'utf8'));
// The control plane's document is generated alongside the API's own, except for another --spec.
const controlPlanePath = args.spec ? undefined : join(root, 'openapi', 'control-plane.yaml');

async function typesModule(document = spec, header = HEADER, options = {}) {
  const ast = await openapiTS(document, { alphabetize: false, exportType: false, ...options });
  return `${header}/* eslint-disable */\n${astToString(ast)}`;
}

const controlPlane =
  controlPlanePath === undefined ? undefined : parse(await readFile(controlPlanePath, 'utf8'));
const CONTROL_PLANE_HEADER = HEADER.replace('openapi/openapi.yaml', 'openapi/control-plane.yaml');

async function controlPlaneModule() {
  // A member with a default is optional in a request (the stub fills it in), not required.
  return typesModule(controlPlane, CONTROL_PLANE_HEADER, { defaultNonNullable: false });
}

function controlPlaneDocumentModule() {
  return `${CONTROL_PLANE_HEADER}
/** The control plane's OpenAPI document as data (JSON-compatible): the stub checks imported states with its schemas. */
export const controlPlaneDocument: Record<string, unknown> = ${JSON.stringify(controlPlane, null, 2)};
`;
}

function constantsModule() {
  const codes = spec['x-error-codes'];
  const limits = { ...spec['x-limits'] };
  delete limits['x-assumption'];
  const regions = Object.fromEntries(
    spec.servers.filter((s) => s['x-region'] !== 'local').map((s) => [s['x-region'], s.url]),
  );
  const localServer = spec.servers.find((s) => s['x-region'] === 'local')?.url;
  const commands = {};
  for (const [path, item] of Object.entries(spec.paths)) {
    const op = item.post;
    commands[op.operationId] = path;
  }
  const named = spec.components.schemas.MarkPosition['x-named-positions'];
  const catalogue = Object.fromEntries(
    codes.map((c) => [
      c.code,
      {
        code: c.code,
        name: c.name,
        meaning: c.meaning,
        level: c.level,
        retryable: c.retryable,
        scope: c.scope,
      },
    ]),
  );
  const byName = Object.fromEntries(codes.map((c) => [c.name, c.code]));
  const lit = (v) => JSON.stringify(v, null, 2);
  // Self-contained (no imports) on purpose: the k6 scripts load this file by relative path.
  return `${HEADER}
/** Every error code of the API, from \`x-error-codes\`: meaning, level (request / item / both), whether a retry can help. */
export const ERROR_CATALOGUE = ${lit(catalogue)} as const;

/** Error codes by name, so that code reads \`ErrorCode.RATE_LIMITED\` instead of 60007. */
export const ErrorCode = ${lit(byName)} as const;

export type ErrorCodeName = keyof typeof ErrorCode;
export type ErrorCodeValue = (typeof ErrorCode)[ErrorCodeName];
export type ErrorLevel = 'request' | 'item' | 'request-or-item';
export interface ErrorCatalogueEntry {
  readonly code: number;
  readonly name: string;
  readonly meaning: string;
  readonly level: ErrorLevel;
  readonly retryable: boolean;
  readonly scope: string;
}

/** The limits of \`x-limits\`. CustomMark and name limits count UTF-8 bytes. */
export const LIMITS = ${lit(limits)} as const;

/** The regional domains (\`servers[].x-region\`). */
export const REGIONS = ${lit(regions)} as const;
export type Region = keyof typeof REGIONS;

/** Where the tim-marks stub listens by default. */
export const LOCAL_STUB_URL = ${lit(localServer)};

/** Every command of the document: operationId → path. */
export const COMMANDS = ${lit(commands)} as const;
export type CommandName = keyof typeof COMMANDS;
export type CommandPath = (typeof COMMANDS)[CommandName];

/** The IM-reserved standard-mark bit positions with a meaning (\`MarkPosition.x-named-positions\`). */
export const StandardMark = ${lit(named)} as const;
export type StandardMarkName = keyof typeof StandardMark;
`;
}

function documentModule() {
  return `${HEADER}
/** The OpenAPI document as data (JSON-compatible). */
export const openapiDocument: Record<string, unknown> = ${JSON.stringify(spec, null, 2)};
`;
}

const files = {
  'openapi.ts': await typesModule(),
  'constants.ts': constantsModule(),
  'document.ts': documentModule(),
  'validators.ts': validatorsModule(spec, HEADER),
  ...(controlPlane === undefined
    ? {}
    : {
        'control-plane.ts': await controlPlaneModule(),
        'control-plane-document.ts': controlPlaneDocumentModule(),
      }),
};

const stale = [];
if (!check) await mkdir(outDir, { recursive: true });
for (const [name, content] of Object.entries(files)) {
  const path = join(outDir, name);
  if (check) {
    const current = await readFile(path, 'utf8').catch(() => '');
    if (current !== content) stale.push(relative(root, path));
  } else {
    await writeFile(path, content);
  }
}
if (check) {
  if (stale.length) {
    console.error(
      `generated files are stale: ${stale.join(', ')}\nrun \`npm run generate\` and commit the result`,
    );
    process.exit(1);
  }
  console.log(
    `generated files are fresh (${Object.keys(files).length} files match openapi/openapi.yaml and openapi/control-plane.yaml)`,
  );
} else {
  console.log(
    `wrote ${Object.keys(files)
      .map((f) => relative(root, join(outDir, f)))
      .join(', ')}`,
  );
}
