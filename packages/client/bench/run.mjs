#!/usr/bin/env node
// The client's benchmark (npm run bench -w @tim-marks/client; figures in ../BENCHMARKS.md):
//
// 1. The ceiling behind latency: the built stub (--rate-limit 200) behind a proxy adding a round
//    trip of 0, 50, 150 and 300 ms; `--calls` markContact calls (1 item each) started at once
//    through one client. Reports the throughput, how many 60007 the client met on the wire (and
//    retried), how many reached the caller, and the most calls the stub accepted in a sliding second.
// 2. The client's own CPU per call against a raw undici `request` of the same body to the same stub
//    (no proxy, no ceiling, same connections and concurrency), alternating rounds.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createClient } from '@tim-marks/client';
import { sign } from '@tim-marks/usersig';
import { Pool, request as undiciRequest } from 'undici';

const HELP = `Usage: npm run bench -w @tim-marks/client [-- options]

  --calls N         markContact calls per latency (default 2000; at least 1000)
  --latencies LIST  added round trips in ms (default 0,50,150,300)
  --cpu-calls N     calls per CPU round, client and raw each (default 10000; 0 skips the CPU part)
  --cpu-rounds N    alternating CPU rounds (default 5)
  --help
`;
const { values } = parseArgs({
  options: {
    calls: { type: 'string', default: '2000' },
    latencies: { type: 'string', default: '0,50,150,300' },
    'cpu-calls': { type: 'string', default: '10000' },
    'cpu-rounds': { type: 'string', default: '5' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(HELP);
  process.exit(0);
}
const CALLS = Number(values.calls);
const LATENCIES = values.latencies.split(',').map(Number);
const CPU_CALLS = Number(values['cpu-calls']);
const CPU_ROUNDS = Number(values['cpu-rounds']);
if (!(CALLS >= 1) || LATENCIES.some((ms) => !(ms >= 0)) || !(CPU_CALLS >= 0) || !(CPU_ROUNDS >= 1)) {
  process.stderr.write(HELP);
  process.exit(2);
}

const HERE = fileURLToPath(new URL('.', import.meta.url));
const STUB = fileURLToPath(new URL('../../../apps/stub-server/dist/cli.js', import.meta.url));
const SECRET_KEY = 'client-bench-secret-key';
const SDK_APP_ID = 1400000000;
const ADMIN = 'administrator';
const CEILING = 200;

if (!existsSync(STUB)) {
  process.stderr.write(`${STUB} is missing: npx nx run @tim-marks/stub-server:build\n`);
  process.exit(1);
}

const children = new Set();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

/** Spawns a node program and waits for its "listening on ADDRESS" line. */
function start(args, env = {}) {
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  });
  children.add(child);
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk) => {
      output += chunk;
      const match = /listening on (?:http:\/\/)?([\d.]+:\d+)/.exec(output);
      if (match) {
        child.stdout.off('data', onData);
        resolve({ address: match[1], child });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk) => {
      output += chunk;
    });
    child.once('exit', (code) => reject(new Error(`${args[0]} exited with ${code}:\n${output}`)));
  });
}

async function stop(child) {
  if (child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  children.delete(child);
}

function startStub(rateLimit) {
  return start(
    [STUB, '--host', '127.0.0.1', '--port', '0', '--rate-limit', String(rateLimit), '--log-level', 'error'],
    { TIM_STUB_SECRET_KEY: SECRET_KEY },
  );
}

async function control(address, path, init = {}) {
  const response = await fetch(`http://${address}/__stub/${path}`, init);
  return response.json();
}

/** One MarkItem per call, over the stub's ten seeded accounts. */
function request(i) {
  return {
    From_Account: `user${i % 10}`,
    MarkItem: [
      { OptType: 1, ContactItem: { Type: 1, To_Account: `user${(i + 1) % 10}` }, SetMark: [1 + (i % 4)] },
    ],
  };
}

async function ceilingRun(stubAddress, rttMs) {
  await control(stubAddress, 'reset', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
  const proxy = await start([`${HERE}latency-proxy.mjs`, '--upstream', stubAddress, '--rtt', String(rttMs)]);
  let retried60007 = 0;
  let otherRetries = 0;
  const client = createClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    baseUrl: `http://${proxy.address}`,
    onRetry: (event) => {
      if (event.error.code === 60007) retried60007 += 1;
      else otherRetries += 1;
    },
  });
  const done = [];
  let surfaced60007 = 0;
  let failed = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: CALLS }, (_, i) =>
      client.markContact(request(i)).then(
        () => done.push(performance.now() - t0),
        (error) => {
          failed += 1;
          if (error.code === 60007) surfaced60007 += 1;
        },
      ),
    ),
  );
  const wallMs = performance.now() - t0;
  await client.close();
  await stop(proxy.child);
  const stats = await control(stubAddress, `stats?sdkappid=${SDK_APP_ID}&command=markContact`);
  const series = stats.series?.[0];
  done.sort((a, b) => a - b);
  // Sustained: the rate between the 10th and the 90th percentile of completions, away from the
  // start (the first second's 200 go at once) and the tail.
  const p10 = done[Math.floor(done.length * 0.1)];
  const p90 = done[Math.floor(done.length * 0.9)];
  const sustained = (Math.floor(done.length * 0.9) - Math.floor(done.length * 0.1)) / ((p90 - p10) / 1000);
  return {
    rttMs,
    calls: CALLS,
    wallS: wallMs / 1000,
    overall: (done.length / wallMs) * 1000,
    sustained,
    retried60007,
    otherRetries,
    surfaced60007,
    failed,
    refusedByStub: series?.totals?.refused,
    maxInWindow: series?.maxAcceptedInWindow,
  };
}

/** Runs `calls` calls through `send` with `concurrency` loops; the process's CPU time per call, in µs. */
async function cpuPerCall(send, calls, concurrency) {
  let next = 0;
  const loop = async () => {
    while (next < calls) {
      const i = next++;
      await send(i);
    }
  };
  const before = process.cpuUsage();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, loop));
  const elapsed = performance.now() - t0;
  const used = process.cpuUsage(before);
  return { usPerCall: (used.user + used.system) / calls, perSecond: (calls / elapsed) * 1000 };
}

async function overheadRun() {
  const stub = await startStub(0);
  const origin = `http://${stub.address}`;
  const CONNECTIONS = 32;
  const client = createClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    baseUrl: origin,
    // The limiter runs on every call (it is part of the cost) but never binds at this rate.
    rateLimit: 1_000_000,
    connections: CONNECTIONS,
  });
  const pool = new Pool(origin, { connections: CONNECTIONS });
  const userSig = sign({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: SECRET_KEY,
    expireSeconds: 86400,
  });
  // The raw call: the same body and query (a fixed random: the client's fresh one is its own cost).
  const path = `/v4/recentcontact/mark_contact?sdkappid=${SDK_APP_ID}&identifier=${ADMIN}&usersig=${encodeURIComponent(userSig)}&random=1&contenttype=json`;
  const raw = async (i) => {
    const answer = await pool.request({
      path,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request(i)),
    });
    const body = JSON.parse(await answer.body.text());
    if (body.ErrorCode !== 0) throw new Error(`raw: ${body.ErrorCode} ${body.ErrorInfo}`);
  };
  // undici.request as a user would write it: the URL each time, through the same pool.
  const url = `${origin}${path}`;
  const rawTopLevel = async (i) => {
    const answer = await undiciRequest(url, {
      dispatcher: pool,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(request(i)),
    });
    const body = JSON.parse(await answer.body.text());
    if (body.ErrorCode !== 0) throw new Error(`raw: ${body.ErrorCode} ${body.ErrorInfo}`);
  };
  const viaClient = (i) => client.markContact(request(i));

  // Warm both paths (JIT, connections) before measuring.
  await cpuPerCall(raw, 2000, CONNECTIONS);
  await cpuPerCall(rawTopLevel, 2000, CONNECTIONS);
  await cpuPerCall(viaClient, 2000, CONNECTIONS);
  const rounds = [];
  for (let round = 0; round < CPU_ROUNDS; round += 1) {
    const rawResult = await cpuPerCall(raw, CPU_CALLS, CONNECTIONS);
    const topLevelResult = await cpuPerCall(rawTopLevel, CPU_CALLS, CONNECTIONS);
    const clientResult = await cpuPerCall(viaClient, CPU_CALLS, CONNECTIONS);
    rounds.push({
      raw: rawResult,
      topLevel: topLevelResult,
      client: clientResult,
      ratio: clientResult.usPerCall / rawResult.usPerCall,
      topLevelRatio: clientResult.usPerCall / topLevelResult.usPerCall,
    });
  }
  await client.close();
  await pool.close();
  await stop(stub.child);
  return rounds;
}

const fmt = (value, digits = 0) => (value === undefined ? '—' : value.toFixed(digits));

const stub = await startStub(CEILING);
process.stdout.write(
  `client bench: ${CALLS} markContact calls (1 item each) per latency, started at once, one client (defaults), stub --rate-limit ${CEILING}, node ${process.version}\n\n`,
);
process.stdout.write(
  '| added round trip | calls | wall time | throughput (calls / wall) | sustained (p10→p90) | 60007 met on the wire, retried | 60007 surfaced | other failures | most accepted by the stub in a sliding second |\n',
);
process.stdout.write('| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n');
const results = [];
for (const rttMs of LATENCIES) {
  const r = await ceilingRun(stub.address, rttMs);
  results.push(r);
  process.stdout.write(
    `| ${r.rttMs} ms | ${r.calls} | ${fmt(r.wallS, 2)} s | ${fmt(r.overall)}/s | ${fmt(r.sustained)}/s | ${r.retried60007} | ${r.surfaced60007} | ${r.failed - r.surfaced60007} | ${fmt(r.maxInWindow)} |\n`,
  );
}
await stop(stub.child);

if (CPU_CALLS > 0) {
  process.stdout.write(
    `\nCPU per call (this process: user + system), ${CPU_CALLS} markContact calls per round, 32 connections, 32 concurrent, stub --rate-limit 0, no proxy\n\n`,
  );
  process.stdout.write(
    '| round | raw `pool.request(path)` | raw `undici.request(url, { dispatcher: pool })` | `client.markContact` | client ÷ pool.request | client ÷ undici.request |\n| ---: | ---: | ---: | ---: | ---: | ---: |\n',
  );
  const rounds = await overheadRun();
  rounds.forEach((round, i) => {
    process.stdout.write(
      `| ${i + 1} | ${fmt(round.raw.usPerCall, 1)} µs (${fmt(round.raw.perSecond)}/s) | ${fmt(round.topLevel.usPerCall, 1)} µs (${fmt(round.topLevel.perSecond)}/s) | ${fmt(round.client.usPerCall, 1)} µs (${fmt(round.client.perSecond)}/s) | ${fmt(round.ratio, 3)}× | ${fmt(round.topLevelRatio, 3)}× |\n`,
    );
  });
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  process.stdout.write(
    `\nmedian ratio: ${fmt(median(rounds.map((r) => r.ratio)), 3)}× against pool.request, ${fmt(median(rounds.map((r) => r.topLevelRatio)), 3)}× against undici.request\n`,
  );
}

const short = results.filter((r) => r.sustained < 190 || r.surfaced60007 > 0 || r.failed > 0);
if (short.length > 0) {
  process.stdout.write(
    `\nbelow target (≥ 190/s sustained, no failure): ${short.map((r) => `${r.rttMs} ms`).join(', ')}\n`,
  );
  process.exitCode = 1;
}
