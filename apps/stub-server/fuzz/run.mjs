#!/usr/bin/env node
// The stub's fuzz run: schemathesis throws generated calls at every operation of the spec, and the
// stub must answer each one inside the spec (no server error, HTTP 200 as documented, JSON, a body
// that matches the operation's response schema), without crashing or hanging.
//
//   npm run fuzz -w @tim-marks/stub-server [-- --seed N --max-examples N --workers N]
//
// Builds nothing: it runs dist/cli.js (nx runs the `build` target first). schemathesis comes from the
// Python virtual environment at the repository root (.venv), created on first use (venv.mjs). Starts the stub
// on port 0 with a secret key of its own and no ceiling, signs a UserSig for the admin, runs
// schemathesis with a fixed seed, prints the figures, stops the stub, and exits non-zero on any
// failure, error, crash, or when fewer than MIN_CALLS calls reached the stub.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openapiDocument } from '@tim-marks/types';
import { sign } from '@tim-marks/usersig';
import { ensureSchemathesis } from './venv.mjs';

const FUZZ_DIR = fileURLToPath(new URL('.', import.meta.url));
const APP_DIR = join(FUZZ_DIR, '..');
const ROOT = join(APP_DIR, '..', '..');
const CLI = join(APP_DIR, 'dist', 'cli.js');
const CHECKS = [
  'not_a_server_error',
  'status_code_conformance',
  'content_type_conformance',
  'response_schema_conformance',
];
const MIN_CALLS = 1000;
const SDKAPPID = 1400000000;
const ADMIN = 'administrator';

function parseArgs(argv) {
  const options = { seed: 20251126, maxExamples: 150, workers: 1 };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const next = () => {
      const value = Number(argv[++i]);
      if (!Number.isInteger(value) || value < 1) throw new Error(`${arg} needs a positive integer`);
      return value;
    };
    if (arg === '--seed') options.seed = next();
    else if (arg === '--max-examples') options.maxExamples = next();
    else if (arg === '--workers') options.workers = next();
    else throw new Error(`unknown argument ${arg}`);
  }
  return options;
}

function fail(message) {
  process.stderr.write(`fuzz: ${message}\n`);
  process.exit(1);
}

/** The environment without the stub's own variables, so a developer's TIM_STUB_* cannot change the run. */
function cleanEnv(extra) {
  const env = {};
  for (const [name, value] of Object.entries(process.env)) {
    if (!name.startsWith('TIM_STUB_')) env[name] = value;
  }
  return { ...env, ...extra };
}

/** Starts dist/cli.js on port 0; resolves once it prints its `listening on` line. */
function startStub(secretKey) {
  const child = spawn(
    process.execPath,
    [
      CLI,
      '--port',
      '0',
      '--config',
      join(FUZZ_DIR, 'stub-config.json'),
      '--rate-limit',
      '0',
      '--log-level',
      'debug',
    ],
    { env: cleanEnv({ TIM_STUB_SECRET_KEY: secretKey }), stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const stub = { child, url: '', exit: undefined, answered: 0, codes: new Map(), errors: [], stderrTail: [] };
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => {
      stub.exit = { code, signal };
      resolve(stub.exit);
    });
  });
  stub.exited = exited;
  let pending = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) {
      // `DEBUG POST /v4/... → 50002 in 0.12 ms`: one line per API call the stub answered.
      const call = / DEBUG \S+ (\S+) → (\d+) in /.exec(line);
      if (call !== null) {
        stub.answered++;
        const key = `${call[1]} ${call[2]}`;
        stub.codes.set(key, (stub.codes.get(key) ?? 0) + 1);
        continue;
      }
      if (/ ERROR /.test(line)) stub.errors.push(line);
      stub.stderrTail.push(line);
      if (stub.stderrTail.length > 20) stub.stderrTail.shift();
    }
  });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(
      () => reject(new Error('the stub did not print its address within 20 s')),
      20_000,
    );
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk) => {
      if (stub.url !== '') return;
      out += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match !== null) {
        stub.url = match[1];
        clearTimeout(timer);
        resolve(stub);
      }
    });
    exited.then((exit) => {
      clearTimeout(timer);
      reject(new Error(`the stub exited at start (${JSON.stringify(exit)}): ${stub.stderrTail.join('\n')}`));
    });
  });
}

/** `path code` counts → [path, 'code×n ...'], most frequent code first. */
function perCommand(codes) {
  const byPath = new Map();
  for (const [key, count] of codes) {
    const [path, code] = key.split(' ');
    const list = byPath.get(path) ?? [];
    list.push([code, count]);
    byPath.set(path, list);
  }
  return [...byPath]
    .sort((a, b) => a[0].localeCompare(b[0]))
    .map(([path, list]) => [
      path,
      list
        .sort((a, b) => b[1] - a[1])
        .map(([c, n]) => `${c}×${n}`)
        .join(' '),
    ]);
}

function runSchemathesis(schemathesis, args, env, cwd) {
  return new Promise((resolve) => {
    const child = spawn(schemathesis, args, {
      env: cleanEnv(env),
      cwd,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.on('error', (error) => {
      process.stderr.write(`fuzz: cannot run ${schemathesis}: ${error.message}\n`);
      resolve(127);
    });
  });
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    fail(error.message);
  }
  let schemathesis;
  try {
    schemathesis = ensureSchemathesis({ root: ROOT, log: (line) => process.stdout.write(`fuzz: ${line}\n`) });
  } catch (error) {
    fail(`schemathesis: ${error.message}`);
  }
  if (!existsSync(CLI)) {
    fail(
      `${CLI} is missing: build first (npx nx run @tim-marks/stub-server:build, or npx nx run @tim-marks/stub-server:fuzz)`,
    );
  }

  const work = mkdtempSync(join(tmpdir(), 'tim-marks-fuzz-'));
  // The spec exactly as it is: schemathesis reads it unchanged.
  const specFile = join(work, 'openapi.json');
  writeFileSync(specFile, JSON.stringify(openapiDocument));

  const secretKey = randomBytes(24).toString('hex');
  const stub = await startStub(secretKey).catch((error) => fail(error.message));
  const userSig = sign({ sdkAppId: SDKAPPID, identifier: ADMIN, secretKey });
  process.stdout.write(
    `fuzz: stub ${stub.url} (pid ${stub.child.pid}); schemathesis seed ${options.seed}, ` +
      `--max-examples ${options.maxExamples}, ${options.workers} workers\n`,
  );

  const reportFile = join(work, 'report.json');
  const exitCode = await runSchemathesis(
    schemathesis,
    [
      '--config-file',
      join(FUZZ_DIR, 'schemathesis.toml'),
      'run',
      specFile,
      '--url',
      stub.url,
      '--checks',
      CHECKS.join(','),
      '--seed',
      String(options.seed),
      '--max-examples',
      String(options.maxExamples),
      '--workers',
      String(options.workers),
      '--report',
      'json',
      '--report-json-path',
      reportFile,
      '--no-color',
    ],
    { STUB_SDKAPPID: String(SDKAPPID), STUB_IDENTIFIER: ADMIN, STUB_USERSIG: userSig },
    work,
  );

  const crashed = stub.exit !== undefined;
  let healthy = false;
  if (!crashed) {
    try {
      const health = await fetch(`${stub.url}/__stub/health`);
      healthy = health.status === 200 && (await health.json()).ok === true;
    } catch {
      healthy = false;
    }
    stub.child.kill('SIGTERM');
  }
  const exit = await stub.exited;

  const report = existsSync(reportFile) ? JSON.parse(readFileSync(reportFile, 'utf8')) : undefined;
  rmSync(work, { recursive: true, force: true });

  const generated = report?.test_cases?.generated ?? 0;
  const failures = report?.test_cases?.with_failures ?? 0;
  const uniqueFailures = report?.test_cases?.unique_failures ?? 0;
  const errors = (report?.errors ?? []).reduce((sum, e) => sum + (e.count ?? 1), 0);
  const operations = report?.operations ?? { total: 0, tested: 0 };
  const reachedCommand = [...stub.codes].filter(([key]) => !/ (6\d{4}|7\d{4})$/.test(key));
  const byCode = new Map();
  for (const [key, count] of stub.codes) {
    const code = key.split(' ')[1];
    byCode.set(code, (byCode.get(code) ?? 0) + count);
  }

  const lines = [
    '',
    '== fuzz figures',
    `test cases generated by schemathesis: ${generated} (seed ${options.seed})`,
    `API calls the stub answered:          ${stub.answered} (at least ${MIN_CALLS} needed)`,
    `  of which past the request gate:     ${reachedCommand.reduce((sum, [, n]) => sum + n, 0)} (answered by the command itself)`,
    `  by ErrorCode: ${[...byCode]
      .sort((a, b) => b[1] - a[1])
      .map(([code, n]) => `${code}×${n}`)
      .join(' ')}`,
    `operations tested:                    ${operations.tested} of ${operations.total}`,
    `failures:                             ${failures} test cases, ${uniqueFailures} unique`,
    `errors:                               ${errors}`,
    `stub:                                 ${crashed ? `CRASHED (${JSON.stringify(exit)})` : `healthy at the end: ${healthy}, exit after SIGTERM: ${exit.code ?? exit.signal}`}`,
    `stub ERROR log lines:                 ${stub.errors.length}`,
  ];
  for (const [path, codes] of perCommand(stub.codes)) lines.push(`  ${path}: ${codes}`);
  for (const [kind, list] of Object.entries(report?.warnings ?? {})) {
    if (Array.isArray(list) && list.length > 0)
      lines.push(`schemathesis warning ${kind}: ${JSON.stringify(list)}`);
  }
  for (const line of stub.errors.slice(0, 10)) lines.push(`  ${line}`);
  process.stdout.write(`${lines.join('\n')}\n`);

  const problems = [];
  if (report === undefined) problems.push('schemathesis wrote no report');
  if (exitCode !== 0) problems.push(`schemathesis exited with ${exitCode}`);
  if (failures > 0) problems.push(`${failures} failing test cases`);
  if (errors > 0) problems.push(`${errors} errors`);
  if (operations.total === 0 || operations.tested !== operations.total)
    problems.push('not every operation was tested');
  if (stub.answered < MIN_CALLS) problems.push(`only ${stub.answered} calls reached the stub`);
  if (crashed) problems.push('the stub died during the run');
  else if (!healthy) problems.push('the stub did not answer its health check after the run');
  if (!crashed && exit.code !== 0)
    problems.push(`the stub exited with ${exit.code ?? exit.signal} after SIGTERM`);
  if (stub.errors.length > 0) problems.push(`the stub logged ${stub.errors.length} errors`);
  if (problems.length > 0) {
    process.stdout.write(`fuzz: FAILED: ${problems.join('; ')}\n`);
    process.exit(1);
  }
  process.stdout.write(`fuzz: passed: ${generated} test cases, ${stub.answered} calls, 0 failures\n`);
}

await main();
