// The worst request: `npm run bench:worst -w @tim-marks/stub-server` (prints figures; asserts nothing).
// Builds the app (nx), starts the built stub in a child process (ceiling off), then:
//   1. CPU per request: each adversarial shape of bench/worst-shapes.mjs (as large as the body limit
//      allows), sent one at a time WORST_REPEAT times (default 20); the stub process's CPU time
//      (user + system, all threads) before and after, divided by the count. A normal 1-item
//      mark_contact is measured the same way for scale. The answer code is checked on every reply.
//   2. Other clients' latency: a probe sends normal 1-item mark_contact calls at a fixed rate
//      (WORST_RATE a second, default 400, over 8 keep-alive connections; open loop: each call is
//      timed with performance.now() from the moment it was due, so a stall of the stub delays every
//      call due during it, as real clients would see) for WORST_SECONDS (default 5) alone, then again
//      while the most expensive shape of step 1 arrives at the ceiling (200 calls/s, sent from a
//      child process of its own), alternating WORST_ROUNDS times (default 5); the percentiles of
//      each run to 0.01 ms, the ratio of each pair, and the attack's answers (admitted, or 60011
//      past the large-body budget) counted per run.
// BENCHMARKS.md's `## Worst request` section is rewritten with the figures (the rest is kept).
import { execFileSync, fork } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Pool, request } from 'undici';
import { startServer } from './child.mjs';
import { NORMAL_BODY, worstShapes } from './worst-shapes.mjs';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const DOC = new URL('../BENCHMARKS.md', import.meta.url);
const REPEAT = Number(process.env.WORST_REPEAT ?? 20);
const SECONDS = Number(process.env.WORST_SECONDS ?? 5);
const ROUNDS = Number(process.env.WORST_ROUNDS ?? 5);
const RATE = Number(process.env.WORST_RATE ?? 400);
const CEILING = 200; // x-limits.callsPerSecondPerCommand
const CONNECTIONS = 8;
const TARGETS = { cpuMs: 20, p99Ratio: 2 };
const BUDGET = process.env.WORST_BUDGET === undefined ? undefined : Number(process.env.WORST_BUDGET);
const ATTACKER_NICE = Number(process.env.WORST_ATTACKER_NICE ?? 0);
// WORST_NICE: the stub and the probe run at this priority (as root, e.g. -10), so that other work on
// a shared machine weighs less on what is measured; the attacker stays at WORST_ATTACKER_NICE.
const NICE = Number(process.env.WORST_NICE ?? 0);
/** src/large-bodies.ts as built (read once the build is done): the budget the stub ships with. */
let budgetShipped;

const USAGE =
  'usage: node bench/worst.mjs [--no-build] [--no-write]\n' +
  '  CPU per adversarial request and other clients p99 while such requests arrive at the ceiling;\n' +
  '  rewrites the "## Worst request" section of BENCHMARKS.md unless --no-write.\n' +
  '  env: WORST_REPEAT (20), WORST_SECONDS (5), WORST_ROUNDS (5), WORST_RATE (400 calls/s of the probe),\n' +
  "       WORST_BUDGET (large-body ms a second; default the stub's), WORST_ATTACKER_NICE (0),\n" +
  '       WORST_NICE (0; the stub and the probe, e.g. -10 as root),\n' +
  '       WORST_CPU_PROF (a folder: the attacked stub writes a --cpu-prof profile there)\n';
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
  const count = (key) => {
    answers[key] = (answers[key] ?? 0) + 1;
  };
  process.on('message', (message) => {
    if (message.body !== undefined) {
      // Encoded once: a string body would be encoded again for every request, which cost the
      // attacker most of a core at 200 MiB a second and so slowed everything else on the machine.
      body = Buffer.from(message.body);
      const started = performance.now();
      timer = setInterval(() => {
        const due = Math.floor(((performance.now() - started) / 1000) * CEILING);
        while (sent < due) {
          sent++;
          // A connection each (`reset`), as an attacker's requests would come: a refused body is
          // answered unread and its connection closed, which would break a shared keep-alive one.
          request(url, { method: 'POST', body, reset: true })
            .then((r) => r.body.json())
            .then(
              (answer) => count(answer.ErrorCode),
              () => count('no answer'),
            );
        }
      }, 5);
    } else if (message === 'stop') {
      clearInterval(timer);
      // The answers still on their way are waited for (a second at most).
      setTimeout(() => {
        const cpu = process.cpuUsage();
        process.send({ sent, answers, cpuMicros: cpu.user + cpu.system });
        setTimeout(() => process.exit(0), 200);
      }, 1000);
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
  budgetShipped = await import(new URL('../dist/large-bodies.js', import.meta.url).href);
  const loadBefore = os.loadavg()[0];
  // CPU per request with the large-body budget off, so that every shape is parsed and checked.
  process.env.BENCH_STUB_OPTIONS = JSON.stringify({ largeBodyMsPerSecond: 0 });
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

    // Other clients' latency, with the large-body budget as the stub ships it (WORST_BUDGET: another).
    process.env.BENCH_STUB_OPTIONS = JSON.stringify(
      BUDGET === undefined ? {} : { largeBodyMsPerSecond: BUDGET },
    );
    // WORST_CPU_PROF=DIR: that stub writes a V8 CPU profile into DIR when it stops (node --cpu-prof).
    const profile = process.env.WORST_CPU_PROF;
    const shipped = await startServer('stub', {
      execArgv: profile === undefined ? [] : ['--cpu-prof', '--cpu-prof-dir', profile],
    });
    const pairs = [];
    if (NICE !== 0) {
      os.setPriority(NICE);
      os.setPriority(shipped.pid, NICE);
      os.setPriority(bare.pid, NICE);
    }
    try {
      const attackUrl = commandUrl(shipped, attackCommand);
      log(
        `\nlatency of other clients (${RATE} calls/s), alone and with "${worst.shape.name}" at ${CEILING}/s ...`,
      );
      await probe(shipped.markUrl, 1); // warm-up (the JIT of both sides), not counted
      for (let round = 0; round < ROUNDS; round++) {
        const alone = await latency(shipped, shipped.markUrl);
        const attacked = await latency(shipped, shipped.markUrl, attackUrl, attackBody);
        pairs.push({ alone, attacked });
      }
    } finally {
      await shipped.stop();
    }
    // The same attack without the budget, last (the stub it runs against is stopped afterwards).
    log('  and without the large-body budget:');
    const unbudgeted = await latency(bare, bare.markUrl, commandUrl(bare, attackCommand), attackBody);
    report = {
      normal,
      rows,
      worst,
      pairs,
      pooled: {
        alone: percentiles(pairs.flatMap((p) => Array.from(p.alone.samples))),
        attacked: percentiles(pairs.flatMap((p) => Array.from(p.attacked.samples))),
      },
      unbudgeted,
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

function commandUrl(stub, command) {
  return { markContact: stub.markUrl, getContactGroup: stub.readUrl, multiaccountImport: stub.importUrl }[
    command
  ];
}

function startAttacker(url, body) {
  const child = fork(fileURLToPath(import.meta.url), ['--attacker', url], { stdio: 'inherit' });
  // WORST_ATTACKER_NICE: the attacker at a lower priority, a stand-in for another machine.
  if (ATTACKER_NICE !== 0) os.setPriority(child.pid, ATTACKER_NICE);
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

/** p50, p90, p99, p99.9 and max of latencies in ms. */
function percentiles(samples) {
  const sorted = Float64Array.from(samples).sort();
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), p999: at(0.999), max: at(1) };
}

/**
 * The probe: normal 1-item mark_contact calls at RATE a second for SECONDS, over CONNECTIONS
 * keep-alive connections, open loop. Each call's latency runs from the moment it was due (not the
 * moment a connection was free), so a stalled stub counts against every call it held up.
 */
async function probe(url, seconds = SECONDS) {
  const { origin, pathname, search } = new URL(url);
  const pool = new Pool(origin, { connections: CONNECTIONS, pipelining: 1 });
  const path = pathname + search;
  const total = Math.round(RATE * seconds);
  const samples = new Float64Array(total);
  let errors = 0;
  let started = 0;
  const pending = [];
  const t0 = performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      const due = Math.min(total, Math.floor(((performance.now() - t0) / 1000) * RATE));
      while (started < due) {
        const i = started++;
        const dueAt = t0 + (i * 1000) / RATE;
        pending.push(
          pool
            .request({ path, method: 'POST', body: NORMAL_BODY })
            .then((r) => r.body.json())
            .then(
              (answer) => {
                samples[i] = performance.now() - dueAt;
                if (answer.ErrorCode !== 0) errors++;
              },
              () => {
                samples[i] = performance.now() - dueAt;
                errors++;
              },
            ),
        );
      }
      if (started < total) setTimeout(tick, 1);
      else resolve();
    };
    tick();
  });
  await Promise.all(pending);
  await pool.close();
  return { samples, errors, seconds: (performance.now() - t0) / 1000 };
}

async function latency(stub, url, attackUrl, attackBody) {
  const attacker = attackUrl === undefined ? undefined : await startAttacker(attackUrl, attackBody);
  const cpuBefore = await stub.cpu();
  await stub.loop();
  const measured = await probe(url);
  const loop = await stub.loop();
  const cpuMs = ((await stub.cpu()) - cpuBefore) / 1000;
  const attack = attacker === undefined ? undefined : await attacker.stop();
  await settle(stub);
  const run = {
    ...percentiles(measured.samples),
    samples: measured.samples,
    errors: measured.errors,
    stubCpuShare: cpuMs / 1000 / measured.seconds,
    loop,
    attackerCpuShare: attack === undefined ? undefined : attack.cpuMicros / 1e6 / measured.seconds,
    attack,
  };
  log(
    `  ${attacker ? 'with attack' : 'alone      '}: p50 ${fmt(run.p50)} ms, p99 ${fmt(run.p99)} ms, max ${fmt(run.max)} ms, ` +
      `stub CPU ${Math.round(run.stubCpuShare * 100)}%, its loop delay p99 ${fmt(loop.p99)} max ${fmt(loop.max)} ms${run.errors ? `, ${run.errors} errors` : ''}` +
      (attack ? `, attacker CPU ${Math.round(run.attackerCpuShare * 100)}%` : '') +
      (attack ? `; attack: sent ${attack.sent}, answered ${answersText(attack.answers)}` : ''),
  );
  return run;
}

/** Attack requests the stub parsed and answered: not refused with 60011, not timed out reading
 * (60008, when it falls behind), not cut off. */
function admitted(answers) {
  return Object.entries(answers ?? {})
    .filter(([code]) => code !== '60011' && code !== '60008' && code !== 'no answer')
    .reduce((n, [, k]) => n + k, 0);
}

function otherAnswers(answers) {
  return answersText(
    Object.fromEntries(Object.entries(answers).filter(([code]) => code !== '60011' && code !== '0')),
  );
}

function pooledRatio(r) {
  return r.pooled.attacked.p99 / r.pooled.alone.p99;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
}

function answersText(answers) {
  return Object.entries(answers)
    .map(([code, n]) => `${code} × ${n}`)
    .join(', ');
}

/** The command that made these figures, with the WORST_* settings it ran with. */
function commandLine() {
  const settings = Object.entries(process.env)
    .filter(([name]) => name.startsWith('WORST_') && name !== 'WORST_CPU_PROF')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, value]) => `${name}=${value} `)
    .join('');
  return `${settings}npm run bench:worst -w @tim-marks/stub-server`;
}

function pct(share) {
  return `${Math.round(share * 100)}%`;
}

function fmt(n, digits = 2) {
  return n.toFixed(digits);
}

function render(r) {
  const cpus = os.cpus();
  const lines = [
    '## Worst request',
    '',
    `Measured with \`${commandLine()}\` (\`node bench/worst.mjs\`; it builds the`,
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
    '',
    `Other clients: a probe sends normal 1-item mark_contact calls at ${RATE} a second over ${CONNECTIONS} keep-alive`,
    `connections for ${SECONDS} s, open loop, each call timed with \`performance.now()\` from the moment it was due`,
    `(so a stall counts against every call it holds up); alone, then while "${r.worst.shape.name}"`,
    `arrives ${CEILING} times a second (the ceiling of one command), sent by a child process${ATTACKER_NICE ? ` at nice ${ATTACKER_NICE} (a stand-in for another machine)` : ''} on a`,
    `connection per request${NICE ? ` (the stub and the probe at nice ${NICE}, so that other work on the shared machine weighs less)` : ''}; ${ROUNDS} pairs, alternating, against one stub with the large-body budget`,
    `${BUDGET === undefined ? `as it ships (${budgetShipped.DEFAULT_LARGE_BODY_MS_PER_SECOND} ms a second)` : `set to ${BUDGET} ms a second (WORST_BUDGET)`}. Admitted: attack requests parsed and answered; 60011: refused past the budget.`,
    '',
    '| pair | alone p50 ms | alone p99 ms | attacked p50 ms | attacked p99 ms | p99 ratio | stub loop delay p99 / max ms, alone → attacked | stub CPU alone → attacked | attack sent | admitted | 60011 | other answers |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | --- | --- | ---: | ---: | ---: | --- |',
    ...r.pairs.map(
      (p, i) =>
        `| ${i + 1} | ${fmt(p.alone.p50)} | ${fmt(p.alone.p99)} | ${fmt(p.attacked.p50)} | ${fmt(p.attacked.p99)} | ${fmt(p.attacked.p99 / p.alone.p99)}× | ${fmt(p.alone.loop.p99, 1)} / ${fmt(p.alone.loop.max, 1)} → ${fmt(p.attacked.loop.p99, 1)} / ${fmt(p.attacked.loop.max, 1)} | ${pct(p.alone.stubCpuShare)} → ${pct(p.attacked.stubCpuShare)} | ${p.attacked.attack.sent} | ${admitted(p.attacked.attack.answers)} | ${p.attacked.attack.answers['60011'] ?? 0} | ${otherAnswers(p.attacked.attack.answers)} |`,
    ),
    `| all | ${fmt(r.pooled.alone.p50)} | ${fmt(r.pooled.alone.p99)} | ${fmt(r.pooled.attacked.p50)} | ${fmt(r.pooled.attacked.p99)} | ${fmt(pooledRatio(r))}× | | | | | | |`,
    '',
    `- other clients' p99 (the ${ROUNDS} runs of each kind pooled, ${r.pooled.alone.count.toLocaleString('en-US')} calls each): **${fmt(r.pooled.alone.p99)} ms** alone, ` +
      `**${fmt(r.pooled.attacked.p99)} ms** under attack: **${fmt(pooledRatio(r))}×** (target ≤ ${TARGETS.p99Ratio}×: ` +
      `${pooledRatio(r) <= TARGETS.p99Ratio ? 'met' : 'NOT met'}); per pair ${r.pairs.filter((p) => p.attacked.p99 <= TARGETS.p99Ratio * p.alone.p99).length} of ${ROUNDS} within ${TARGETS.p99Ratio}×, ` +
      `median ratio ${fmt(median(r.pairs.map((p) => p.attacked.p99 / p.alone.p99)))}×`,
    `- the machine's own noise: alone, p99 ranged ${fmt(Math.min(...r.pairs.map((p) => p.alone.p99)))}–${fmt(Math.max(...r.pairs.map((p) => p.alone.p99)))} ms from pair to pair ` +
      `(load average ${fmt(r.loadBefore)} before the run, ${fmt(r.loadAfter)} after): compare the median ratio, and the stub's loop delay, more than one pair`,
    `- p99.9 and max, pooled: alone ${fmt(r.pooled.alone.p999)} / ${fmt(r.pooled.alone.max)} ms, under attack ${fmt(r.pooled.attacked.p999)} / ${fmt(r.pooled.attacked.max)} ms`,
    `- without the large-body budget, the same attack: p99 ${fmt(r.unbudgeted.p99)} ms, max ${fmt(r.unbudgeted.max)} ms ` +
      `(${admitted(r.unbudgeted.attack.answers)} of ${r.unbudgeted.attack.sent} attack requests parsed)`,
    '',
    `With the budget, bodies of 64 KiB or more are handled only while they have held the event loop for less than ${BUDGET ?? budgetShipped.DEFAULT_LARGE_BODY_MS_PER_SECOND} ms a second ` +
      `(a bucket of ${budgetShipped.LARGE_BODY_BURST_MS} ms) (\`largeBodyMsPerSecond\`, \`src/large-bodies.ts\`): each is charged ${budgetShipped.LARGE_BODY_MS_PER_MIB} ms a MiB when it is let in ` +
      '(so that bodies arriving together cannot share the same time), and what its handling took beyond that once it is answered; past the budget they answer 60011 (retryable) unread. ' +
      'No request the API means to take is that large (a 100-item mark_contact with every field is about 15 KB).',
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
