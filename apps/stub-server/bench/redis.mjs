// One stub on Redis against the memory store, in the same run (prints figures; asserts nothing):
// `npm run bench:redis -w @tim-marks/stub-server`. Starts a redis-server (a free port, a temporary
// --dir, appendonly yes, appendfsync everysec: the setting the README recommends), then alternates
// a memory-store stub and a Redis-store stub (each in a child process of its own, ceiling off) under
// autocannon (50 connections): mark_contact of 1 item, then get_contact_group. Then, ceiling on
// (200/s), each store offered exactly 200 mark_contact calls a second: p99 at the ceiling. Also the
// CPU each process used, which shows what limits scaling on this machine.
// BENCH_SECONDS (default 10) and BENCH_ROUNDS (default 2) set the length of the run.
// BENCH_PIN=1 pins the processes with taskset: the stub (either store) alone on CPU 0, autocannon (this
// process) and redis-server on CPU 1. Unpinned, the scheduler mixes all three (and any other load) on
// both cores, and a write to Redis can hand the stub's core to redis-server mid-turn; pinned, each
// store's stub has one core of its own, as a replica with Redis on another host would.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServer } from './child.mjs';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);
const CONNECTIONS = 50;
const PIN = process.env.BENCH_PIN === '1';

/** taskset -a -p -c CPU PID: every thread of the process on that CPU (BENCH_PIN=1 only). */
function pin(pid, cpu) {
  if (PIN) execFileSync('taskset', ['-a', '-p', '-c', String(cpu), String(pid)], { stdio: 'ignore' });
}

const log = (line) => process.stderr.write(`${line}\n`);

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startRedis() {
  const dir = mkdtempSync(join(os.tmpdir(), 'tim-bench-redis-'));
  const port = await freePort();
  const child = spawn(
    'redis-server',
    [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--dir',
      dir,
      '--save',
      '',
      '--appendonly',
      'yes',
      '--appendfsync',
      'everysec',
      '--loglevel',
      'warning',
    ],
    { stdio: 'ignore' },
  );
  process.on('exit', () => child.kill('SIGKILL'));
  pin(child.pid, 1);
  for (let i = 0; i < 200; i++) {
    try {
      if (
        execFileSync('redis-cli', ['-p', String(port), 'ping'])
          .toString()
          .trim() === 'PONG'
      )
        break;
    } catch {}
    await new Promise((r) => setTimeout(r, 25));
  }
  const cpuMs = () => {
    // utime + stime of the server, in clock ticks (100 per second on Linux).
    const fields = execFileSync('cat', [`/proc/${child.pid}/stat`])
      .toString()
      .split(') ')[1]
      .split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  };
  return {
    url: `redis://127.0.0.1:${port}`,
    cpuMs,
    stop: () => {
      child.kill('SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function cannon(title, url, body, options = {}) {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'content-type': 'application/json' },
        body,
        ...options,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('error', reject);
    log(`  ${title}: ${options.duration ?? SECONDS} s ...`);
  });
}

const MARK = JSON.stringify({
  From_Account: 'user0',
  MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1, 2] }],
});
const READ = JSON.stringify({ From_Account: 'user0', StartIndex: 0 });

async function stubOn(store, rateLimit) {
  const stub = await startServer('stub', {
    env: { BENCH_STUB_OPTIONS: JSON.stringify({ ...(store ? { store } : {}), rateLimit }) },
  });
  pin(stub.pid, 0);
  return stub;
}

const best = (a, b) => (a === undefined || b.requests.average > a.requests.average ? b : a);
const bad = (r) => r.non2xx + r.errors + r.timeouts;

log('building (npx nx run @tim-marks/stub-server:build) ...');
execFileSync('npx', ['nx', 'run', '@tim-marks/stub-server:build', '--outputStyle=static'], {
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});
pin(process.pid, 1);
const redis = await startRedis();
const results = { memory: {}, redis: {} };
const cpu = { memory: 0, redis: 0, redisServer: 0 };
// Calls served during the measured runs, for the CPU per call.
const calls = { memory: 0, redis: 0 };
try {
  for (let round = 1; round <= ROUNDS; round++) {
    for (const kind of ['memory', 'redis']) {
      const stub = await stubOn(kind === 'redis' ? `${redis.url}?prefix=bench:` : undefined, 0);
      await cannon(`${kind}: warm-up`, stub.markUrl, MARK, { duration: 2 });
      const cpuBefore = await stub.cpu();
      const redisBefore = redis.cpuMs();
      const mark = await cannon(`${kind}: mark_contact 1 item (round ${round})`, stub.markUrl, MARK);
      const read = await cannon(`${kind}: get_contact_group (round ${round})`, stub.readUrl, READ);
      if (kind === 'redis') cpu.redisServer += redis.cpuMs() - redisBefore;
      cpu[kind] += ((await stub.cpu()) - cpuBefore) / 1000;
      calls[kind] += mark.requests.total + read.requests.total;
      for (const [name, r] of [
        ['mark', mark],
        ['read', read],
      ]) {
        if (bad(r) > 0) log(`  warning: ${kind} ${name}: ${bad(r)} failed requests`);
        results[kind][name] = best(results[kind][name], r);
      }
      await stub.stop();
    }
  }
  // At the ceiling: 200 calls a second offered (autocannon paces them), the limiter on.
  for (const kind of ['memory', 'redis']) {
    const stub = await stubOn(kind === 'redis' ? `${redis.url}?prefix=ceiling:` : undefined, 200);
    results[kind].ceiling = await cannon(`${kind}: mark_contact at 200/s`, stub.markUrl, MARK, {
      connections: 10,
      overallRate: 200,
    });
    await stub.stop();
  }
} finally {
  redis.stop();
}

const perCall = (ms, n) => (n === 0 ? '—' : ((ms * 1000) / n).toFixed(1));
const ms = (value) => (value === 0 ? '<1' : String(value));
const lines = [
  `${new Date().toISOString()}, ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, ` +
    `${execFileSync('redis-server', ['--version']).toString().split(' ')[2]}, autocannon ${CONNECTIONS} connections, ` +
    `best of ${ROUNDS} × ${SECONDS} s, memory and Redis alternating, ${PIN ? 'pinned (stub on CPU 0; autocannon and redis-server on CPU 1)' : 'not pinned'}, ` +
    `load average at the end ${os
      .loadavg()
      .map((n) => n.toFixed(1))
      .join(' ')}`,
  '',
  '| run | memory store req/s | Redis store req/s | Redis / memory | p50 memory / Redis (ms) | p99 memory / Redis (ms) |',
  '|---|---:|---:|---:|---:|---:|',
];
for (const [name, label] of [
  ['mark', 'mark_contact, 1 item'],
  ['read', 'get_contact_group'],
]) {
  const m = results.memory[name];
  const r = results.redis[name];
  lines.push(
    `| ${label} | ${Math.round(m.requests.average)} | ${Math.round(r.requests.average)} | ` +
      `${(r.requests.average / m.requests.average).toFixed(2)}× | ${ms(m.latency.p50)} / ${ms(r.latency.p50)} | ` +
      `${ms(m.latency.p99)} / ${ms(r.latency.p99)} |`,
  );
}
const cm = results.memory.ceiling;
const cr = results.redis.ceiling;
lines.push(
  `| mark_contact offered at 200/s, ceiling on | ${Math.round(cm.requests.average)} | ${Math.round(cr.requests.average)} | — | ` +
    `${ms(cm.latency.p50)} / ${ms(cr.latency.p50)} | ${ms(cm.latency.p99)} / ${ms(cr.latency.p99)} |`,
  '',
  `CPU during the throughput runs: memory-store stub ${Math.round(cpu.memory)} ms for ${calls.memory} calls ` +
    `(${perCall(cpu.memory, calls.memory)} µs a call); Redis-store stub ${Math.round(cpu.redis)} ms for ` +
    `${calls.redis} calls (${perCall(cpu.redis, calls.redis)} µs a call) + redis-server ` +
    `${Math.round(cpu.redisServer)} ms (${perCall(cpu.redisServer, calls.redis)} µs a call); autocannon, in this ` +
    `process, used the rest.`,
);
process.stdout.write(`${lines.join('\n')}\n`);
process.exit(0);
