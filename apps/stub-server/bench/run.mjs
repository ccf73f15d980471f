// The stub's benchmark (prints figures; asserts nothing): `npm run bench -w @tim-marks/stub-server`.
// Builds the app (nx, cached), then, with autocannon (50 connections, ~10 s each, ceiling off):
//   1. a bare node:http server answering a fixed JSON body — the yardstick;
//   2. the stub, an authenticated 1-item mark_contact;
//   3. the stub, 100-item mark_contact (reported as items/s);
// and, in a child process of its own, the stub's RSS after storing 1,000,000 marks
// (1000 users × 1000 conversations). BENCH_SECONDS changes the duration of each run, BENCH_ROUNDS the
// number of bare/stub alternations (default 3). A fourth run, 1 item over a single connection, shows
// the stub's own latency without queueing.
//
// The results go to bench/out/<time>.md (git-ignored). `--update-benchmarks` also rewrites the
// tracked BENCHMARKS.md with them, keeping its hand-kept `## Earlier runs` section and
// bench/tls.mjs's and `--journal`'s sections, which are carried over.
//
// `--journal` measures only the request journal's cost on the hot path instead: the same stub build
// with the journal on (its default 10,000 entries) and off (`journalSize: 0`), alternating ROUNDS
// times, the same 1-item mark_contact; requests/s and the server's CPU per call (process.cpuUsage).
// With `--update-benchmarks` it rewrites its own section of BENCHMARKS.md.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { Pool } from 'undici';
import { startServer } from './child.mjs';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const TARGETS = { ratio: 0.6, p99Ms: 5, rssMb: 400 };
const OUT_DIR = join(APP_DIR, 'bench', 'out');
const USAGE = `usage: npm run bench [-- --update-benchmarks] [--journal]
  Results: apps/stub-server/bench/out/<time>.md (git-ignored).
  --update-benchmarks  also rewrite apps/stub-server/BENCHMARKS.md with them
  --journal            measure the request journal's cost instead (journal on vs off, same run)
  BENCH_SECONDS (default 10) and BENCH_ROUNDS (default 3) set the length of the run.`;

let flags;
try {
  flags = parseArgs({
    options: {
      'update-benchmarks': { type: 'boolean' },
      journal: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  }).values;
} catch (error) {
  process.stderr.write(`bench: ${error.message} (see --help)\n`);
  process.exit(2);
}
if (flags.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

function log(line) {
  process.stderr.write(`${line}\n`);
}

function build() {
  log('building (npx nx run @tim-marks/stub-server:build) ...');
  execFileSync('npx', ['nx', 'run', '@tim-marks/stub-server:build', '--outputStyle=static'], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
  });
}

function cannon(title, url, body, connections = CONNECTIONS) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections,
        duration: SECONDS,
        headers: { 'content-type': 'application/json' },
        body,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('error', reject);
    log(`  ${title}: ${SECONDS} s ...`);
  });
}

function markBody(items) {
  return JSON.stringify({
    From_Account: 'user0',
    MarkItem: Array.from({ length: items }, (_, i) => ({
      OptType: 1,
      ContactItem: { Type: 1, To_Account: `peer${i}` },
      SetMark: [1, (i % 64) + 1],
    })),
  });
}

/** The better of two results (the run least disturbed by other work on the machine). */
const best = (a, b) => (b.requests.average > a.requests.average ? b : a);

async function throughput() {
  const rows = [];
  const bare = await startServer('bare');
  const stub = await startServer('stub');
  // Warm-up: the JIT, the UserSig cache.
  await cannon('warm-up', stub.markUrl, markBody(1));
  // Bare and stub alternate, ROUNDS times, and each keeps its best run: a burst of other work on the
  // machine then lowers one run of each rather than the ratio.
  let bareResult;
  let one;
  for (let round = 1; round <= ROUNDS; round++) {
    const again = round === 1 ? '' : ` (round ${round} of ${ROUNDS})`;
    const b = await cannon(`bare node:http${again}`, `${bare.url}/`, '{}');
    bareResult = bareResult === undefined ? b : best(bareResult, b);
    const s = await cannon(`stub, mark_contact 1 item${again}`, stub.markUrl, markBody(1));
    one = one === undefined ? s : best(one, s);
  }
  await bare.stop();
  const single = await cannon('stub, mark_contact 1 item, 1 connection', stub.markUrl, markBody(1), 1);
  const hundred = await cannon('stub, mark_contact 100 items', stub.markUrl, markBody(100));
  await stub.stop();

  const check = (result, name) => {
    const bad = result.non2xx + result.errors + result.timeouts;
    if (bad > 0) log(`  warning: ${name}: ${bad} failed requests`);
  };
  check(bareResult, 'bare');
  check(one, '1 item');
  check(single, '1 connection');
  check(hundred, '100 items');
  const row = (name, r, itemsPerRequest) => ({
    name,
    rps: r.requests.average,
    itemsPerSecond: itemsPerRequest ? r.requests.average * itemsPerRequest : undefined,
    p50: r.latency.p50,
    p99: r.latency.p99,
    max: r.latency.max,
  });
  rows.push(row('bare node:http, fixed JSON body', bareResult));
  rows.push(row('stub, mark_contact, 1 item', one, 1));
  rows.push(row('stub, mark_contact, 1 item, 1 connection', single, 1));
  rows.push(row('stub, mark_contact, 100 items', hundred, 100));
  return rows;
}

async function memory() {
  log('  memory: storing 1,000,000 marks (1000 users × 1000 conversations) ...');
  const stub = await startServer('stub', { execArgv: ['--expose-gc'] });
  const before = (await stub.rss()).rss;
  const pool = new Pool(stub.url, { connections: 8, pipelining: 4 });
  const post = async (url, body) => {
    const response = await pool.request({ path: url.slice(stub.url.length), method: 'POST', body });
    const answer = await response.body.json();
    if (answer.ErrorCode !== 0) throw new Error(`fill failed: ${JSON.stringify(answer).slice(0, 200)}`);
    return answer;
  };
  const users = Array.from({ length: 1000 }, (_, i) => `member${i}`);
  for (let i = 0; i < users.length; i += 100) {
    await post(stub.importUrl, JSON.stringify({ Accounts: users.slice(i, i + 100) }));
  }
  const started = performance.now();
  const jobs = [];
  for (const user of users) {
    for (let batch = 0; batch < 10; batch++) {
      jobs.push([
        user,
        JSON.stringify({
          From_Account: user,
          MarkItem: Array.from({ length: 100 }, (_, i) => ({
            OptType: 1,
            ContactItem: { Type: 1, To_Account: `peer${batch * 100 + i}` },
            SetMark: [1, ((batch * 100 + i) % 64) + 1],
          })),
        }),
      ]);
    }
  }
  let next = 0;
  await Promise.all(
    Array.from({ length: 32 }, async () => {
      while (next < jobs.length) {
        const [, body] = jobs[next++];
        await post(stub.markUrl, body);
      }
    }),
  );
  const fillSeconds = (performance.now() - started) / 1000;
  const check = await post(stub.readUrl, JSON.stringify({ From_Account: 'member999', StartIndex: 900 }));
  if (check.ContactItem.length !== 100 || check.CompleteFlag !== 1)
    throw new Error('the store does not hold 1000 marks per user');
  const after = (await stub.rss()).rss;
  await pool.close();
  await stub.stop();
  return { before, after, fillSeconds };
}

const mb = (bytes) => bytes / 1024 / 1024;
const fmt = (n, digits = 0) =>
  n === undefined
    ? ''
    : n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** autocannon counts latency in whole milliseconds: 0 means under 1 ms. */
const ms = (n) => (n === 0 ? '< 1' : fmt(n, 0));

/** Journal on against journal off: requests/s and the server's CPU per call, alternating, best of ROUNDS. */
async function journalCost() {
  const servers = {
    on: await startServer('stub'),
    off: await startServer('stub', { env: { BENCH_STUB_OPTIONS: JSON.stringify({ journalSize: 0 }) } }),
  };
  const body = markBody(1);
  for (const [name, server] of Object.entries(servers))
    await cannon(`warm-up, journal ${name}`, server.markUrl, body);
  const results = { on: undefined, off: undefined };
  for (let round = 1; round <= ROUNDS; round++) {
    for (const name of round % 2 === 1 ? ['off', 'on'] : ['on', 'off']) {
      const server = servers[name];
      const cpuBefore = await server.cpu();
      const result = await cannon(`journal ${name} (round ${round} of ${ROUNDS})`, server.markUrl, body);
      const cpuMicros = (await server.cpu()) - cpuBefore;
      const run = { result, cpuPerCallMicros: cpuMicros / Math.max(1, result.requests.total) };
      const kept = results[name];
      results[name] =
        kept === undefined || result.requests.average > kept.result.requests.average ? run : kept;
    }
  }
  for (const server of Object.values(servers)) await server.stop();
  return results;
}

/** The journal's own work per call, in this process: µs per record() of a 1-item mark_contact (best of 5). */
async function recordCost() {
  const { RequestJournal } = await import(new URL('../dist/journal.js', import.meta.url).href);
  const journal = new RequestJournal(10_000);
  const body = Buffer.from(markBody(1));
  const answer = {
    ResultItem: [
      { OptType: 1, ContactItem: { Type: 1, To_Account: 'peer0' }, ResultCode: 0, ResultInfo: '' },
    ],
    ActionStatus: 'OK',
    ErrorCode: 0,
    ErrorInfo: '',
    ErrorDisplay: '',
  };
  const search = `sdkappid=1400000000&identifier=administrator&usersig=${'x'.repeat(200)}&random=1&contenttype=json`;
  let best = Number.POSITIVE_INFINITY;
  for (let round = 0; round < 5; round++) {
    const calls = 200_000;
    const started = performance.now();
    for (let i = 0; i < calls; i++) {
      journal.record({
        at: Date.now(),
        path: '/v4/recentcontact/mark_contact',
        search,
        body,
        outcome: 'answered',
        httpStatus: 200,
        answer,
        faultId: undefined,
        latencyMs: 0.1,
      });
    }
    best = Math.min(best, ((performance.now() - started) * 1000) / calls);
  }
  return best;
}

const JOURNAL_BEGIN = '<!-- bench/run.mjs --journal: begin -->';
const JOURNAL_END = '<!-- bench/run.mjs --journal: end -->';

if (flags.journal) {
  build();
  const loadBefore = os.loadavg()[0];
  log(
    `journal cost: ${CONNECTIONS} connections, ${SECONDS} s per run, ${ROUNDS} rounds, load average ${loadBefore.toFixed(2)}`,
  );
  const { on, off } = await journalCost();
  const perRecord = await recordCost();
  const table = markdownTable(
    ['run', 'requests/s', 'CPU µs per call', 'p50 ms', 'p99 ms'],
    [
      ['journal off (`--journal-size 0`)', off],
      ['journal on (default, 10,000 entries)', on],
    ].map(([name, r]) => [
      name,
      fmt(r.result.requests.average),
      fmt(r.cpuPerCallMicros, 1),
      ms(r.result.latency.p50),
      ms(r.result.latency.p99),
    ]),
    [false, true, true, true, true],
  );
  const ratio = on.result.requests.average / off.result.requests.average;
  const extra = on.cpuPerCallMicros - off.cpuPerCallMicros;
  const section = `${JOURNAL_BEGIN}
## The request journal's cost

Measured with \`npm run bench -- --journal --update-benchmarks\` (\`node bench/run.mjs --journal\`): the
same build started twice, journal on (the default 10,000 entries) and off (\`journalSize: 0\`), an
authenticated 1-item mark_contact, autocannon with ${CONNECTIONS} connections, ${SECONDS} s per run, the two
alternating ${ROUNDS} times, each keeping its best run; CPU per call is the server process's user + system
time over the run divided by the requests it answered. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'},
Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average before ${loadBefore.toFixed(2)}, after ${os.loadavg()[0].toFixed(2)}.

${table}

- journal on / off requests/s: **${fmt(ratio, 2)}×**; CPU per call **${extra >= 0 ? '+' : ''}${fmt(extra, 1)} µs** with the journal on
- the journal's own work, timed alone (\`record()\` of a 1-item mark_contact, 200,000 calls, best of 5):
  **${fmt(perRecord, 2)} µs per call** — the figure that other load on the machine disturbs least

On the hot path the journal copies the body's text (at most 16 KiB), the answer's codes and the raw
query string into a ring of fixed size; it parses, redacts and filters only when someone reads it
(\`src/journal.ts\`). Its memory is bounded by the entry count and by 64 MiB of bodies in all. The
difference between the two figures (the CPU per call measured end to end, and \`record()\` alone) is
mostly the garbage collector's: every call's strings now live until 10,000 later calls push them out,
so they are copied out of the young generation instead of dying in it. \`--journal-size 0\` removes
the cost entirely.
${JOURNAL_END}`;
  process.stdout.write(`\n${section}\n`);
  const FILE = join(APP_DIR, 'BENCHMARKS.md');
  if (flags['update-benchmarks']) {
    const previous = readFileSync(FILE, 'utf8');
    const next = previous.includes(JOURNAL_BEGIN)
      ? `${previous.slice(0, previous.indexOf(JOURNAL_BEGIN))}${section}${previous.slice(previous.indexOf(JOURNAL_END) + JOURNAL_END.length)}`
      : previous.replace('<!-- bench/tls.mjs: begin -->', `${section}\n\n<!-- bench/tls.mjs: begin -->`);
    writeFileSync(FILE, next);
    log(`BENCHMARKS.md updated: ${relative(ROOT, FILE)}`);
  }
  process.exit(0);
}

build();
const loadBefore = os.loadavg()[0];
log(
  `benchmark: ${CONNECTIONS} connections, ${SECONDS} s per run, ceiling off, ${os.cpus().length} CPUs, Node ${process.version}, load average ${loadBefore.toFixed(2)}`,
);
const rows = await throughput();
const mem = await memory();
const ratio = rows[1].rps / rows[0].rps;

/** A Markdown table padded the way Biome formats it (so that the written file stays lint-clean). */
function markdownTable(header, rows, rightAligned) {
  const widths = header.map((h, c) => Math.max(h.length, 3, ...rows.map((r) => r[c].length)));
  const line = (cells) =>
    `| ${cells.map((cell, c) => (rightAligned[c] ? cell.padStart(widths[c]) : cell.padEnd(widths[c]))).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (rightAligned[c] ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

const table = markdownTable(
  ['run', 'requests/s', 'items/s', 'p50 ms', 'p99 ms', 'max ms'],
  rows.map((r) => [r.name, fmt(r.rps), fmt(r.itemsPerSecond), ms(r.p50), ms(r.p99), ms(r.max)]),
  [false, true, true, true, true, true],
);
const verdicts = [
  `- stub / bare requests/s (1 item): **${fmt(ratio, 2)}×** (target ≥ ${TARGETS.ratio}×: ${ratio >= TARGETS.ratio ? 'met' : 'NOT met'})`,
  `- stub p99 (1 item, saturated): **${ms(rows[1].p99)} ms** (target ≤ ${TARGETS.p99Ms} ms: ${rows[1].p99 <= TARGETS.p99Ms ? 'met' : 'NOT met'}; the bare server's p99 in the same run: ${ms(rows[0].p99)} ms; one connection, no queueing: ${ms(rows[2].p99)} ms)`,
  `- stub RSS with 1,000,000 marks stored: **${fmt(mb(mem.after))} MB** (after GC; ${fmt(mb(mem.before))} MB empty; filled in ${fmt(mem.fillSeconds, 1)} s through the API) (target ≤ ${TARGETS.rssMb} MB: ${mb(mem.after) <= TARGETS.rssMb ? 'met' : 'NOT met'})`,
].join('\n');

process.stdout.write(`\n${table}\n\n${verdicts}\n`);

const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
const FILE = join(APP_DIR, 'BENCHMARKS.md');
const EARLIER = '\n## Earlier runs';
const previous = existsSync(FILE) ? readFileSync(FILE, 'utf8') : '';
const earlier = previous.includes(EARLIER) ? previous.slice(previous.indexOf(EARLIER)) : '';
// bench/tls.mjs's section (HTTPS against HTTP) is its own: carried over as it is.
const TLS_BEGIN = '<!-- bench/tls.mjs: begin -->';
const TLS_END = '<!-- bench/tls.mjs: end -->';
const tlsSection =
  previous.includes(TLS_BEGIN) && previous.includes(TLS_END)
    ? `\n${previous.slice(previous.indexOf(TLS_BEGIN), previous.indexOf(TLS_END) + TLS_END.length)}\n`
    : '';
// …and `--journal`'s.
const journalSection =
  previous.includes(JOURNAL_BEGIN) && previous.includes(JOURNAL_END)
    ? `\n${previous.slice(previous.indexOf(JOURNAL_BEGIN), previous.indexOf(JOURNAL_END) + JOURNAL_END.length)}\n`
    : '';
const report = `# Stub server benchmarks

Measured with \`npm run bench -- --update-benchmarks\` (\`node bench/run.mjs\`; it builds the app
first and runs against \`dist/\`). autocannon, ${CONNECTIONS} connections, ${SECONDS} s per run, ceiling off
(\`rateLimit: 0\`), every request authenticated (the UserSig is verified once, then cached). Each
server runs in its own child process; autocannon runs in the parent, on the same machine. The bare
server and the stub alternate ${ROUNDS} times and each keeps its best run.
Machine: ${os.cpus().length} × ${cpu}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)};
load average before the run ${loadBefore.toFixed(2)}, after ${os.loadavg()[0].toFixed(2)} (other work on the machine
lowers every figure and inflates p99; the ratio to the bare server, measured in the same run, moves least).

${table}

${verdicts}

The bare server answers a fixed JSON body to any request, each as soon as its request has arrived:
the yardstick the issue set, so the ratio says how much of node:http's capacity the stub's own work
takes. The stub writes the answers of one event-loop turn together at its end
(\`src/answer-batch.ts\`): the client is woken once per turn rather than once per answer, which costs
the kernel much less on this machine, so the stub can come close to the bare server or pass it. With
50 connections kept busy, latency is mostly queueing (50 ÷ requests/s on average), so the saturated
p99 follows the machine's speed (compare it with the bare server's p99 in the same run); the
one-connection row (each request sent when the previous answer arrived) shows the time the stub itself
takes per request when it is not the bottleneck. The memory figure is the RSS of a
stub process that imported 1000 accounts and then stored 1000 C2C conversations with standard marks
for each (10,000 requests of 100 items), measured after a forced GC (\`--expose-gc\`).

Figures move by ±10 % between runs on a shared 2-core machine, and much more when other work runs
there; compare runs made together. For scale, the same bare server measured 64–70k requests/s on an
idle 2-core machine of this kind (Node 20): the bare row above says how much slower the machine was
during this run.
`;

mkdirSync(OUT_DIR, { recursive: true });
const outFile = join(OUT_DIR, `${new Date().toISOString().replace(/[:.]/g, '-')}.md`);
writeFileSync(outFile, report);
log(`\nresults: ${relative(ROOT, outFile)}`);
if (flags['update-benchmarks']) {
  writeFileSync(FILE, `${report}${journalSection}${tlsSection}${earlier}`);
  log(`BENCHMARKS.md updated: ${relative(ROOT, FILE)}`);
} else {
  log('BENCHMARKS.md unchanged (--update-benchmarks writes these figures there)');
}
