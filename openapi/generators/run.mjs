#!/usr/bin/env node
// The generated-clients check: the mainstream client generators read openapi/openapi.yaml exactly as
// it is, their clients compile, and each one runs the same round trip against the built stub (see
// README.md in this folder). Tools are pinned and installed on first use into .cache/ (gitignored);
// generated code goes to out/ (gitignored). One stub serves every client.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';

const HERE = fileURLToPath(new URL('.', import.meta.url));
const ROOT = join(HERE, '..', '..');
/** The document under test: openapi/openapi.yaml, or --spec FILE. */
let SPEC = join(ROOT, 'openapi', 'openapi.yaml');
const CACHE = process.env.TIM_GENERATORS_CACHE ?? join(HERE, '.cache');
const OUT = join(HERE, 'out');
const STUB_CLI = join(ROOT, 'apps', 'stub-server', 'dist', 'cli.js');
const USERSIG = join(ROOT, 'packages', 'usersig', 'dist', 'index.js');

const OPENAPI_GENERATOR_VERSION = '7.25.0';
const OAPI_CODEGEN_VERSION = 'v2.8.2';
const JAR = join(CACHE, `openapi-generator-cli-${OPENAPI_GENERATOR_VERSION}.jar`);
const OAPI_CODEGEN = join(CACHE, 'bin', 'oapi-codegen');
const VENV = join(CACHE, 'venv');
const PYTHON = join(VENV, 'bin', 'python');
const REQUIREMENTS = join(HERE, 'requirements.txt');
const SDKAPPID = 1400000000;
const ADMIN = 'administrator';

const USAGE = `Usage: node openapi/generators/run.mjs [--only ID,ID] [--spec FILE] [--list]   (or: npm run test:generators)

Generates a client from openapi/openapi.yaml with each pinned generator, compiles it, and runs the
round trip of openapi/generators/README.md against the built stub (apps/stub-server/dist/cli.js).
Installs the tools on first use into openapi/generators/.cache/ (needs Java 17+, Maven, Go 1.26+
and Python 3.11+; downloads come from Maven Central, the Go module proxy and PyPI).

  --only ID,ID  run only these clients (see --list)
  --spec FILE   check another OpenAPI document (default: openapi/openapi.yaml)
  --list        print the clients and their exact commands, then exit
  --help`;

/** Go's caches live in .cache too, so the check installs and finds everything in one place. */
const GO_ENV = {
  GOPATH: join(CACHE, 'go'),
  GOMODCACHE: join(CACHE, 'go', 'mod'),
  GOCACHE: join(CACHE, 'go', 'build'),
  GOFLAGS: '-modcacherw',
  GOTOOLCHAIN: 'local',
};

const openapiGenerator = (generator, out) => [
  'java',
  '-jar',
  JAR,
  'generate',
  '-g',
  generator,
  '-i',
  SPEC,
  '-o',
  out,
];

/**
 * Each client: the generator's command, how it compiles, how its round trip runs. `files` are
 * this folder's driver files, copied next to the generated code.
 */
const CLIENTS = [
  {
    id: 'python',
    tool: `openapi-generator ${OPENAPI_GENERATOR_VERSION} python`,
    needs: ['jar', 'venv'],
    files: ['python/roundtrip.py'],
    generate: (dir) => openapiGenerator('python', join(dir, 'client')),
    compile: (dir) => [PYTHON, '-m', 'compileall', '-q', join(dir, 'client', 'openapi_client')],
    run: (dir) => ({ command: [PYTHON, 'roundtrip.py'], env: { PYTHONPATH: join(dir, 'client') } }),
  },
  {
    id: 'go',
    tool: `openapi-generator ${OPENAPI_GENERATOR_VERSION} go`,
    needs: ['jar', 'go'],
    files: ['go/main.go', 'go/go.mod', 'go/go.sum'],
    generate: (dir) => openapiGenerator('go', join(dir, 'client')),
    compile: () => ['go', 'build', '-o', 'roundtrip', '.'],
    run: (dir) => ({ command: [join(dir, 'roundtrip')] }),
  },
  {
    id: 'oapi-codegen',
    tool: `oapi-codegen ${OAPI_CODEGEN_VERSION} (default configuration)`,
    needs: ['oapi-codegen', 'go'],
    files: ['oapi-codegen/main.go', 'oapi-codegen/go.mod', 'oapi-codegen/go.sum'],
    generate: (dir) => [
      OAPI_CODEGEN,
      '-package',
      'timmarks',
      '-o',
      join(dir, 'timmarks', 'timmarks.gen.go'),
      SPEC,
    ],
    compile: () => ['go', 'build', '-o', 'roundtrip', '.'],
    run: (dir) => ({ command: [join(dir, 'roundtrip')] }),
  },
  {
    id: 'typescript-fetch',
    tool: `openapi-generator ${OPENAPI_GENERATOR_VERSION} typescript-fetch`,
    needs: ['jar'],
    files: ['typescript-fetch/roundtrip.ts'],
    generate: (dir) => openapiGenerator('typescript-fetch', join(dir, 'client')),
    compile: () => [
      process.execPath,
      join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      ...'--strict --target es2022 --module commonjs --moduleResolution node10 --lib es2022,dom'.split(' '),
      ...['--types', 'node', '--typeRoots', join(ROOT, 'node_modules', '@types')],
      ...['--outDir', 'build', 'roundtrip.ts'],
    ],
    run: (dir) => ({ command: [process.execPath, join(dir, 'build', 'roundtrip.js')] }),
  },
  ...['okhttp-gson', 'native'].map((library) => ({
    id: `java-${library}`,
    tool: `openapi-generator ${OPENAPI_GENERATOR_VERSION} java --library ${library}`,
    needs: ['jar', 'maven'],
    files: ['java/RoundTrip.java', `java/${library}/Client.java`],
    generate: (dir) => [...openapiGenerator('java', join(dir, 'client')), '--library', library],
    // Maven compiles the generated project and lists its pinned dependencies; javac adds the driver.
    // The driver's sources and its output are UTF-8 whatever the locale: Java 17 takes the locale's
    // charset by default, US-ASCII in a login shell with no LANG, where "c2c ✓" does not compile.
    compile: () => [
      'sh',
      '-c',
      `(cd client && mvn -q -B -Dmaven.repo.local="$0" -DskipTests compile dependency:build-classpath -Dmdep.outputFile=cp.txt) && javac -encoding UTF-8 -d build -cp "client/target/classes:$(cat client/cp.txt)" RoundTrip.java Client.java`,
      join(CACHE, 'm2'),
    ],
    run: () => ({
      command: [
        'sh',
        '-c',
        'exec java -Dfile.encoding=UTF-8 -cp "build:client/target/classes:$(cat client/cp.txt)" RoundTrip',
      ],
    }),
  })),
  {
    id: 'openapi-python-client',
    tool: 'openapi-python-client 0.29.1',
    needs: ['venv'],
    files: ['openapi-python-client/roundtrip.py'],
    generate: (dir) => [
      join(VENV, 'bin', 'openapi-python-client'),
      'generate',
      '--path',
      SPEC,
      '--output-path',
      join(dir, 'client'),
    ],
    compile: (dir) => [PYTHON, '-m', 'compileall', '-q', join(dir, 'client')],
    run: (dir) => ({ command: [PYTHON, 'roundtrip.py'], env: { PYTHONPATH: join(dir, 'client') } }),
  },
];

/**
 * Warnings the pinned generators print for this spec that say nothing about the API's description:
 * any other warning fails the generate step (openapi-generator used to warn that the integer
 * discriminator `Type` had an "invalid type", for one).
 */
const BENIGN_WARNINGS = [
  // openapi-generator 7.25.0 says this of every 3.1 document.
  /OpenAPI 3\.1 support is still in beta/,
  // openapi-generator's example processing, on request bodies that carry named `examples`.
  /ModelUtils - Failed to get the schema name: null/,
  /AbstractJavaCodegen - Ignoring complex example on request body/,
];

function unexpectedWarnings(output) {
  return output
    .split('\n')
    .filter((line) => /\b(WARN|WARNING|ERROR)\b/i.test(line))
    .filter((line) => !BENIGN_WARNINGS.some((benign) => benign.test(line)));
}

const log = (line) => process.stdout.write(`${line}\n`);

/** Runs a command; answers its exit status and its output (stdout and stderr, interleaved). */
function run(command, { cwd = ROOT, env = {}, echo = false } = {}) {
  return new Promise((resolve) => {
    const child = spawn(command[0], command.slice(1), {
      cwd,
      env: { ...process.env, ...GO_ENV, PATH: `${join(VENV, 'bin')}:${process.env.PATH}`, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const take = (chunk) => {
      output += chunk;
      if (echo) process.stdout.write(chunk);
    };
    child.stdout.setEncoding('utf8').on('data', take);
    child.stderr.setEncoding('utf8').on('data', take);
    child.on('error', (error) => resolve({ status: 127, output: `${output}${error.message}\n` }));
    child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 128 : 1), output }));
  });
}

function onPath(program) {
  return spawnSync('sh', ['-c', 'command -v "$0"', program], { stdio: 'ignore' }).status === 0;
}

/** The first Python 3 that runs (a pyenv shim can name a version that is not selected). */
function findPython() {
  return ['python3.12', 'python3'].find(
    (python) => spawnSync(python, ['--version'], { stdio: 'ignore' }).status === 0,
  );
}

/** Tools, installed once into .cache/ and reused; a stamp file records what was installed. */
const TOOLS = {
  jar: {
    pin: `org.openapitools:openapi-generator-cli:${OPENAPI_GENERATOR_VERSION}`,
    command: [
      'mvn',
      '-q',
      '-B',
      'dependency:copy',
      `-Dartifact=org.openapitools:openapi-generator-cli:${OPENAPI_GENERATOR_VERSION}`,
      `-DoutputDirectory=${CACHE}`,
      `-Dmaven.repo.local=${join(CACHE, 'm2')}`,
    ],
    requires: ['java', 'mvn'],
  },
  'oapi-codegen': {
    pin: `github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@${OAPI_CODEGEN_VERSION}`,
    command: [
      'go',
      'install',
      `github.com/oapi-codegen/oapi-codegen/v2/cmd/oapi-codegen@${OAPI_CODEGEN_VERSION}`,
    ],
    env: { GOBIN: join(CACHE, 'bin') },
    requires: ['go'],
  },
  venv: {
    pin: readFileSync(REQUIREMENTS, 'utf8'),
    label: 'openapi/generators/requirements.txt',
    install: async () => {
      const python = findPython();
      if (python === undefined) return { status: 1, output: 'no python3 on PATH\n' };
      rmSync(VENV, { recursive: true, force: true });
      const created = await run([python, '-m', 'venv', VENV]);
      if (created.status !== 0) return created;
      return run([
        join(VENV, 'bin', 'pip'),
        'install',
        '-q',
        '--disable-pip-version-check',
        '-r',
        REQUIREMENTS,
      ]);
    },
    requires: [],
  },
  go: { pin: 'the installed Go', requires: ['go'] },
  maven: { pin: 'the installed Java and Maven', requires: ['java', 'javac', 'mvn'] },
};

async function ensureTool(name) {
  const tool = TOOLS[name];
  const missing = tool.requires.filter((program) => !onPath(program));
  if (missing.length > 0) {
    return `${missing.join(', ')} not found on PATH (needed for ${name}; see openapi/generators/README.md)`;
  }
  if (tool.command === undefined && tool.install === undefined) return undefined;
  const stamp = join(CACHE, `${name}.installed`);
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === tool.pin) return undefined;
  mkdirSync(CACHE, { recursive: true });
  log(`-- installing ${name} (${tool.label ?? tool.pin}) into ${CACHE}`);
  const started = Date.now();
  const result = tool.command ? await run(tool.command, { env: tool.env ?? {} }) : await tool.install();
  if (result.status !== 0) return `installing ${name} failed:\n${result.output}`;
  writeFileSync(stamp, tool.pin);
  log(`   installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return undefined;
}

/** Starts the built stub on 127.0.0.1, port 0, with a secret key of its own and no ceiling. */
async function startStub() {
  if (!existsSync(STUB_CLI) || !existsSync(USERSIG)) {
    throw new Error(
      `${STUB_CLI} or ${USERSIG} is not built: run \`npx nx run @tim-marks/openapi:test:generators\` (it builds first)`,
    );
  }
  const secretKey = randomBytes(24).toString('hex');
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.startsWith('TIM_STUB_')),
  );
  const child = spawn(
    process.execPath,
    [STUB_CLI, '--host', '127.0.0.1', '--port', '0', '--rate-limit', '0', '--log-level', 'warn'],
    {
      env: {
        ...env,
        TIM_STUB_SECRET_KEY: secretKey,
        TIM_STUB_SDKAPPID: String(SDKAPPID),
        TIM_STUB_ADMIN: ADMIN,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the stub did not start within 20 s:\n${output}`)),
      20_000,
    );
    const read = (chunk) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match !== null) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    };
    child.stdout.setEncoding('utf8').on('data', read);
    child.stderr.setEncoding('utf8').on('data', read);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the stub exited with ${code}:\n${output}`));
    });
  });
  const { sign } = await import(pathToFileURL(USERSIG).href);
  const userSig = sign({ sdkAppId: SDKAPPID, identifier: ADMIN, secretKey });
  const stop = () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.removeAllListeners('exit');
      child.on('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return { url, userSig, stop };
}

const seconds = (started) => `${((Date.now() - started) / 1000).toFixed(1)} s`;

/** Generate, compile, call: stops at the first step that fails; answers each step's outcome. */
async function checkClient(client, stub) {
  const dir = join(OUT, client.id);
  const outcome = { generate: '—', compile: '—', call: '—' };
  log(`\n== ${client.id}: ${client.tool}`);
  for (const need of client.needs) {
    const problem = await ensureTool(need);
    if (problem !== undefined) {
      log(`   cannot run: ${problem}`);
      outcome.generate = 'tool missing';
      return outcome;
    }
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const file of client.files) cpSync(join(HERE, file), join(dir, file.split('/').pop()));
  if (client.id === 'typescript-fetch') writeFileSync(join(dir, 'package.json'), '{ "type": "commonjs" }\n');

  const steps = [
    ['generate', client.generate(dir), {}],
    ['compile', client.compile(dir), {}],
    ['call', client.run(dir).command, client.run(dir).env ?? {}],
  ];
  const stubEnv = {
    TIM_STUB_URL: stub.url,
    TIM_SDKAPPID: String(SDKAPPID),
    TIM_IDENTIFIER: ADMIN,
    TIM_USERSIG: stub.userSig,
    TIM_PREFIX: client.id.replace(/[^a-z]/g, '').slice(0, 12),
  };
  for (const [step, command, env] of steps) {
    const started = Date.now();
    const echo = step === 'call';
    const result = await run(command, {
      cwd: dir,
      env: step === 'call' ? { ...env, ...stubEnv } : env,
      echo,
    });
    if (result.status !== 0) {
      if (!echo) log(result.output.trimEnd().split('\n').slice(-40).join('\n'));
      log(`   ${step}: FAILED (exit ${result.status}) — ${command.join(' ')}`);
      outcome[step] = 'FAILED';
      return outcome;
    }
    const warnings = step === 'generate' ? unexpectedWarnings(result.output) : [];
    if (warnings.length > 0) {
      log(warnings.join('\n'));
      log(`   ${step}: FAILED — the generator warned about the spec (see above)`);
      outcome[step] = 'warnings';
      return outcome;
    }
    outcome[step] = 'ok';
    log(`   ${step}: ok (${seconds(started)})`);
  }
  return outcome;
}

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      spec: { type: 'string' },
      list: { type: 'boolean' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return log(USAGE);
  if (values.spec !== undefined) SPEC = resolve(values.spec);
  const ids = values.only?.split(',').filter(Boolean);
  const unknown = ids?.filter((id) => !CLIENTS.some((client) => client.id === id)) ?? [];
  if (unknown.length > 0) {
    process.stderr.write(
      `unknown client ${unknown.join(', ')}; one of: ${CLIENTS.map((c) => c.id).join(', ')}\n`,
    );
    process.exit(2);
  }
  const clients = CLIENTS.filter((client) => ids === undefined || ids.includes(client.id));
  if (values.list) {
    for (const client of clients)
      log(`${client.id}: ${client.tool}\n  ${client.generate(join(OUT, client.id)).join(' ')}`);
    return;
  }

  const started = Date.now();
  const stub = await startStub();
  log(`generators: spec ${SPEC}\ngenerators: stub ${stub.url} (SDKAppID ${SDKAPPID}, admin ${ADMIN})`);
  const outcomes = [];
  try {
    for (const client of clients) outcomes.push([client, await checkClient(client, stub)]);
  } finally {
    await stub.stop();
  }

  log('\n== generated clients against the stub');
  log('| client | tool | generate | compile | call the stub |\n|---|---|---|---|---|');
  for (const [client, o] of outcomes) {
    log(`| ${client.id} | ${client.tool} | ${o.generate} | ${o.compile} | ${o.call} |`);
  }
  const failed = outcomes.filter(([, o]) => o.call !== 'ok').map(([client]) => client.id);
  log(
    failed.length === 0
      ? `generators: passed: ${outcomes.length} clients generated, compiled and round-tripped in ${seconds(started)}`
      : `generators: FAILED: ${failed.join(', ')}`,
  );
  if (failed.length > 0) process.exit(1);
}

await main();
