// The worst request: `npm run bench:worst -w @tim-marks/stub-server` (prints figures; asserts nothing).
// Builds the app (nx), starts the built stub in a child process (ceiling off), then:
//   1. CPU per request: each adversarial shape of bench/worst-shapes.mjs (as large as the body limit
//      allows), sent one at a time WORST_REPEAT times (default 20); the stub process's CPU time
//      (user + system, all threads) before and after, divided by the count. A normal 1-item
//      mark_contact is measured the same way for scale. The answer code is checked on every reply.
//   2. Other clients' latency: autocannon sends normal 1-item mark_contact calls (10 connections,
//      WORST_SECONDS each, default 8) alone, then again while the most expensive shape of step 1
//      arrives at the ceiling (200 calls/s, sent from a child process of its own), alternating
//      WORST_ROUNDS times (default 2); p99 of each run, and the ratio.
// BENCHMARKS.md's `## Worst request` section is rewritten with the figures (the rest is kept).
import { execFileSync, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { request } from 'undici';
import { startServer } from './child.mjs';
import { NORMAL_BODY, worstShapes } from './worst-shapes.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DOC = new URL('../BENCHMARKS.md', import.meta.url);
const REPEAT = Number(process.env.WORST_REPEAT ?? 20);
const SECONDS = Number(process.env.WORST_SECONDS ?? 8);
const ROUNDS = Number(process.env.WORST_ROUNDS ?? 2);
const CEILING = 200; // x-limits.callsPerSecondPerCommand
const CONNECTIONS = 10;
const TARGETS = { cpuMs: 20, p99Ratio: 2 };
const DEFAULT_BUDGET_MIB = 1; // src/large-bodies.ts DEFAULT_LARGE_BODY_BYTES_PER_SECOND

const USAGE =
  'usage: node bench/worst.mjs [--no-build] [--no-write]\n' +
  '  CPU per adversarial request and other clients p99 while such requests arrive at the ceiling;\n' +
  '  rewrites the "## Worst request" section of BENCHMARKS.md unless --no-write.\n' +
  '  env: WORST_REPEAT (20), WORST_SECONDS (8), WORST_ROUNDS (2)\n';
let args;
try {
  ({ values: args } = parseArgs({
    options: {
      'no-build': { type: 'boolean' },
      'no-write': { type: 'boolean' },
      attacker: { type: 'string' }, // internal: the attacking child process
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  process.stderr.write(`${error.message}\n${USAGE}`);
  process.exit(2);
}
if (args.help) {
  process.stdout.write(USAGE);
  process.exit(0);
}

function log(line) {
  process.stderr.write(`${line}\n`);
}

// ---------------------------------------------------------------------------------------------
// The attacker, in a process of its own: `--attacker URL` reads the body on stdin-less IPC and sends
// it CEILING times a second, each on its own request, until told to stop.
if (args.attacker !== undefined) {
  const url = args.attacker;
  let body;
  let sent = 0;
  const answers = {};
  let timer;
  process.on('message', (message) => {
    if (message.body !== undefined) {
      body = message.body;
      const started = performance.now();
      timer = setInterval(() => {
        const due = Math.floor(((performance.now() - started) / 1000) * CEILING);
        while (sent < due) {
          sent++;
          request(url, { method: 'POST', body })
            .then((r) => r.body.json())
            .then(
              (answer) => {
                answers[answer.ErrorCode] = (answers[answer.ErrorCode] ?? 0) + 1;
              },
              () => {},
            );
        }
      }, 5);
    } else if (message === 'stop') {
      clearInterval(timer);
      process.send({ sent, answers });
      setTimeout(() => process.exit(0), 200);
    }
  });
  process.send({ ready: true });
} else {
  await main();
}

// ---------------------------------------------------------------------------------------------

async function main() {
  if (!args['no-build']) {
    log('building (npx nx run @tim-marks/stub-server:build) ...');
    execFileSync('npx', ['nx', 'run', '@tim-marks/stub-server:build', '--outputStyle=static'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
    });
  }
  const loadBefore = os.loadavg()[0];
  // CPU per request with the large-body budget off, so that every shape is parsed and checked.
  process.env.BENCH_STUB_OPTIONS = JSON.stringify({ largeBodyBytesPerSecond: 0 });
  const bare = await startServer('stub');
  let report;
  try {
    const urls = {
      markContact: bare.markUrl,
      getContactGroup: bare.readUrl,
      multiaccountImport: bare.importUrl,
    };
    const normal = await cpuPerRequest(bare, urls.markContact, NORMAL_BODY, { code: 0, items: [0] });
    log(`normal 1-item mark_contact: ${normal.cpuMs.toFixed(3)} ms CPU`);
    const rows = [];
    for (const shape of worstShapes()) {
      const measured = await cpuPerRequest(bare, urls[shape.command], shape.body, shape);
      rows.push({ shape, ...measured });
      log(`${shape.name}: ${measured.cpuMs.toFixed(2)} ms CPU, answered ${measured.answer}`);
    }
    const worst = rows.reduce((a, b) => (b.cpuMs > a.cpuMs ? b : a));
    const attackBody = worst.shape.body;
    const attackCommand = worst.shape.command;

    // Other clients' latency, with the default large-body budget (the stub as it ships).
    process.env.BENCH_STUB_OPTIONS = '{}';
    const shipped = await startServer('stub');
    const runs = [];
    try {
      const shippedUrls = {
        markContact: shipped.markUrl,
        getContactGroup: shipped.readUrl,
        multiaccountImport: shipped.importUrl,
      };
      log(`\nlatency of other clients, alone and with "${worst.shape.name}" at ${CEILING}/s ...`);
      for (let round = 0; round < ROUNDS; round++) {
        runs.push({ under: false, budget: true, ...(await latency(shipped, shippedUrls.markContact)) });
        runs.push({
          under: true,
          budget: true,
          ...(await latency(shipped, shippedUrls.markContact, shippedUrls[attackCommand], attackBody)),
        });
      }
    } finally {
      await shipped.stop();
    }
    // The same attack without the budget, last (the stub it runs against is stopped afterwards).
    log('  and without the large-body budget:');
    runs.push({
      under: true,
      budget: false,
      ...(await latency(bare, urls.markContact, urls[attackCommand], attackBody)),
    });
    const best = (under) =>
      runs.filter((r) => r.under === under && r.budget).reduce((a, b) => (b.p99 < a.p99 ? b : a));
    report = {
      normal,
      rows,
      worst,
      runs,
      alone: best(false),
      attacked: best(true),
      unbudgeted: runs.find((r) => !r.budget),
      loadBefore,
      loadAfter: os.loadavg()[0],
    };
  } finally {
    await bare.stop();
  }
  {
    const section = render(report);
    process.stdout.write(`${section}\n`);
    if (!args['no-write']) writeSection(section);
  }
}

/** Waits until the stub has worked off what an attack left queued (its CPU use falls quiet). */
async function settle(stub) {
  for (let i = 0; i < 60; i++) {
    const before = await stub.cpu();
    await new Promise((resolve) => setTimeout(resolve, 250));
    if ((await stub.cpu()) - before < 25_000) return;
  }
}

async function send(url, body) {
  const response = await request(url, { method: 'POST', body });
  const answer = await response.body.json();
  return answer;
}

function verdict(answer) {
  if (answer.ErrorCode !== 0 || !Array.isArray(answer.ResultItem)) return String(answer.ErrorCode);
  return `0; ${answer.ResultItem.slice(0, 2)
    .map((r) => r.ResultCode)
    .join(', ')}${answer.ResultItem.length > 2 ? ', …' : ''}`;
}

/** The stub process's CPU time per request, over REPEAT sequential requests after 2 warm-up ones. */
async function cpuPerRequest(stub, url, body, shape) {
  let answer;
  for (let i = 0; i < 2; i++) answer = await send(url, body);
  const before = await stub.cpu();
  const started = performance.now();
  for (let i = 0; i < REPEAT; i++) answer = await send(url, body);
  const wallMs = (performance.now() - started) / REPEAT;
  const cpuMs = ((await stub.cpu()) - before) / 1000 / REPEAT;
  const got = verdict(answer);
  const codes = (answer.ResultItem ?? []).map((r) => r.ResultCode).slice(0, shape.items?.length ?? 0);
  if (answer.ErrorCode !== shape.code || codes.join() !== (shape.items ?? []).join()) {
    throw new Error(`${shape.name ?? 'normal'}: expected ${shape.code} ${shape.items ?? ''}, got ${got}`);
  }
  return { cpuMs, wallMs, answer: got, bytes: Buffer.byteLength(body) };
}

function startAttacker(url, body) {
  const child = fork(fileURLToPath(import.meta.url), ['--attacker', url], { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.once('message', () => {
      child.send({ body });
      resolve({
        stop: () =>
          new Promise((done) => {
            child.once('message', (counts) => done(counts));
            child.send('stop');
          }),
      });
    });
  });
}

async function latency(stub, url, attackUrl, attackBody) {
  const attacker = attackUrl === undefined ? undefined : await startAttacker(attackUrl, attackBody);
  const result = await new Promise((resolve, reject) => {
    autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'content-type': 'application/json' },
        body: NORMAL_BODY,
      },
      (error, out) => (error ? reject(error) : resolve(out)),
    );
  });
  const counts = attacker === undefined ? undefined : await attacker.stop();
  await settle(stub);
  const run = {
    requests: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.non2xx,
    attack: counts,
  };
  log(
    `  ${attacker ? 'with attack' : 'alone      '}: ${Math.round(run.requests)} req/s, p50 ${run.p50} ms, p99 ${run.p99} ms` +
      (counts ? `; attack requests sent ${counts.sent}, answered ${JSON.stringify(counts.answers)}` : ''),
  );
  return run;
}

function parsedUnderAttack(r) {
  return r.attacked.attack?.answers
    ? Object.entries(r.attacked.attack.answers)
        .filter(([code]) => code !== '60011')
        .reduce((n, [, k]) => n + k, 0)
    : 0;
}

function answersText(answers) {
  return Object.entries(answers)
    .map(([code, n]) => `${code} × ${n}`)
    .join(', ');
}

function fmt(n, digits = 2) {
  return n.toFixed(digits);
}

function render(r) {
  const cpus = os.cpus();
  const lines = [
    '## Worst request',
    '',
    'Measured with `npm run bench:worst -w @tim-marks/stub-server` (`node bench/worst.mjs`; it builds the',
    'app first and runs against `dist/`, body limit 1 MiB, ceiling off; the large-body budget is off for',
    "this table). CPU is the stub process's user + system time (every thread) over",
    `${REPEAT} requests of each shape sent one at a time, divided by ${REPEAT}; it includes reading the`,
    'request and writing the answer. The shapes are in `bench/worst-shapes.mjs`; the',
    'regression test `test/reliability/bounded-cost.test.ts` checks the answer of each one.',
    `Machine: ${cpus.length} × ${cpus[0]?.model.trim()}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)};`,
    `load average before the run ${fmt(r.loadBefore)}, after ${fmt(r.loadAfter)}.`,
    '',
    '| request | body bytes | answer | CPU ms / request | wall ms / request |',
    '| --- | ---: | --- | ---: | ---: |',
    `| normal: mark_contact, 1 item | ${Buffer.byteLength(NORMAL_BODY)} | 0; 0 | ${fmt(r.normal.cpuMs, 3)} | ${fmt(r.normal.wallMs)} |`,
    ...r.rows.map(
      (row) =>
        `| ${row.shape.name} | ${row.bytes.toLocaleString('en-US')} | ${row.answer} | ${fmt(row.cpuMs)} | ${fmt(row.wallMs)} |`,
    ),
    '',
    `- the most expensive request: **${fmt(r.worst.cpuMs)} ms of CPU** (${r.worst.shape.name}) ` +
      `(target ≤ ${TARGETS.cpuMs} ms: ${r.worst.cpuMs <= TARGETS.cpuMs ? 'met' : 'NOT met'})`,
    `- other clients (autocannon, ${CONNECTIONS} connections, normal 1-item calls, ${SECONDS} s a run, best of ${ROUNDS}): ` +
      `p99 **${r.alone.p99} ms** alone, **${r.attacked.p99} ms** while that request arrives ${CEILING} times a second ` +
      `(**${fmt(r.attacked.p99 / Math.max(r.alone.p99, 1))}×**; target ≤ ${TARGETS.p99Ratio}×: ` +
      `${r.attacked.p99 <= TARGETS.p99Ratio * Math.max(r.alone.p99, 1) ? 'met' : 'NOT met'}); ` +
      `${Math.round(r.alone.requests).toLocaleString('en-US')} req/s alone, ${Math.round(r.attacked.requests).toLocaleString('en-US')} req/s under attack`,
    '',
    '| run | large-body budget | attack requests sent | attack answers by ErrorCode | req/s | p50 ms | p99 ms |',
    '| --- | --- | ---: | --- | ---: | ---: | ---: |',
    ...r.runs.map(
      (run, i) =>
        `| ${i + 1}. ${run.under ? 'with attack' : 'alone'} | ${run.budget ? `${DEFAULT_BUDGET_MIB} MiB/s` : 'off'} | ${run.attack ? run.attack.sent : ''} | ${run.attack ? answersText(run.attack.answers) : ''} | ${Math.round(run.requests).toLocaleString('en-US')} | ${run.p50} | ${run.p99} |`,
    ),
    '',
    `Without the large-body budget the same attack takes the stub's event loop: p99 ${r.unbudgeted.p99} ms, ` +
      `${Math.round(r.unbudgeted.requests).toLocaleString('en-US')} req/s for the other clients. With it, a body of 64 KiB or more ` +
      `is parsed only while such bodies stay under ${DEFAULT_BUDGET_MIB} MiB a second (bursts of 4 s of it at once) (\`largeBodyBytesPerSecond\`, \`src/large-bodies.ts\`); ` +
      'the others answer 60011 (retryable) unread. No request the API means to take is that large (a 100-item mark_contact with every field is about 15 KB).',
    '',
    `What is left of the slowdown under attack is not the stub's parsing (${parsedUnderAttack(r)} attack requests parsed in ` +
      `${SECONDS} s): the attacking process runs on the same ${os.cpus().length} cores as the stub and autocannon and tries ` +
      `to send ${CEILING} MiB a second, each refused request costing a connection and the bytes written before it is cut ` +
      'off. Run the attacker from another machine to separate the two.',
    '',
    'Why it is bounded: the MarkItem count (and the Accounts count) is checked before any item is read;',
    'the validators, generated from the spec (`@tim-marks/types`, `src/generated/validators.ts`), stop',
    'at the first error and collect no list; SetMark and ClearMark hold at most 64 entries (50002',
    'beyond, before they are read); a byte limit is counted only up to the limit; the set-and-clear',
    'clash is found with a 64-bit mask. What is left is JSON.parse of the body itself: a body of 40 KiB or',
    'more is scanned first (`src/body.ts`: at most 64 levels, 65,536 values, 8,192 object members; 60003',
    'beyond, before parsing), and the body limit bounds the rest.',
  ];
  return lines.join('\n');
}

function writeSection(section) {
  const text = readFileSync(DOC, 'utf8');
  const start = text.indexOf('## Worst request');
  let next = start === -1 ? -1 : text.indexOf('\n## ', start + 1);
  if (next !== -1) next += 1;
  const updated =
    start === -1
      ? `${text.trimEnd()}\n\n${section}\n`
      : `${text.slice(0, start)}${section}\n${next === -1 ? '' : `\n${text.slice(next)}`}`;
  writeFileSync(DOC, updated);
  // Aligned as `biome check` wants it.
  execFileSync(
    process.execPath,
    [
      createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome'),
      'format',
      '--write',
      fileURLToPath(DOC),
    ],
    {
      stdio: 'ignore',
    },
  );
  log(`wrote the "## Worst request" section of ${fileURLToPath(DOC)}`);
}
