// Compares builds of the stub, and the bare node:http yardstick, under the same load, in interleaved
// rounds (a slow spell of the machine then hits every target alike): for each, the median of the
// server's own CPU time per request (user + system, from the server process), requests/s and p99.
// CPU per request is the steadiest figure on a shared machine; use it to judge a change.
//
//   node bench/compare.mjs [--rounds N] [--seconds S] TARGET...
//
// A TARGET is `bare`, or a folder holding a stub build in `dist/` (`.` is this package's own build,
// `npm run build` first). To keep the build from before a change, copy it inside the workspace so
// that its imports resolve, e.g. `mkdir -p .bench-builds/before && cp -r dist package.json .bench-builds/before/`
// (git-ignored), then after the change: `node bench/compare.mjs bare .bench-builds/before .`
// Every target gets a 1-item authenticated mark_contact, except `bare` (a fixed body to any request,
// as in run.mjs). 50 connections, ceiling off.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { startServer } from './child.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '6' }, seconds: { type: 'string', default: '3' } },
});
if (positionals.length === 0) {
  process.stderr.write('usage: node bench/compare.mjs [--rounds N] [--seconds S] bare|BUILD_DIR...\n');
  process.exit(2);
}
for (const target of positionals) {
  if (target !== 'bare' && !existsSync(resolve(target, 'dist/index.js'))) {
    process.stderr.write(
      `${target}: no stub build there (no dist/index.js); copy one with \`cp -r dist package.json DIR/\`\n`,
    );
    process.exit(2);
  }
}
const ROUNDS = Number(values.rounds);
const SECONDS = Number(values.seconds);
const BODY = JSON.stringify({
  From_Account: 'user0',
  MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'peer0' }, SetMark: [1, 2] }],
});

async function start(target) {
  const info =
    target === 'bare' ? await startServer('bare') : await startServer('stub', { build: resolve(target) });
  return {
    target,
    url: target === 'bare' ? `${info.url}/` : info.markUrl,
    body: target === 'bare' ? '{}' : BODY,
    cpu: info.cpu,
    stop: info.stop,
  };
}

function cannon(server, seconds) {
  return new Promise((done, fail) => {
    autocannon(
      {
        url: server.url,
        method: 'POST',
        connections: 50,
        duration: seconds,
        headers: { 'content-type': 'application/json' },
        body: server.body,
      },
      (error, result) => (error ? fail(error) : done(result)),
    );
  });
}

const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];

const servers = [];
for (const target of positionals) servers.push(await start(target));
process.stderr.write(`warming up ${servers.length} servers ...\n`);
for (const server of servers) await cannon(server, 2);
const runs = new Map(servers.map((server) => [server, []]));
for (let round = 1; round <= ROUNDS; round++) {
  process.stderr.write(`round ${round} of ${ROUNDS} ...\n`);
  for (const server of servers) {
    const before = await server.cpu();
    const result = await cannon(server, SECONDS);
    const micros = (await server.cpu()) - before;
    if (result.non2xx + result.errors > 0) process.stderr.write(`  ${server.target}: failed requests\n`);
    runs.get(server).push({
      cpu: micros / result.requests.total,
      rps: result.requests.average,
      p99: result.latency.p99,
    });
  }
}
const width = Math.max(...servers.map((s) => s.target.length));
process.stdout.write(
  `\n${'target'.padEnd(width)}  CPU µs/request  requests/s  p99 ms   (medians of ${ROUNDS} rounds of ${SECONDS} s)\n`,
);
for (const server of servers) {
  const list = runs.get(server);
  const cpu = median(list.map((r) => r.cpu)).toFixed(1);
  const rps = Math.round(median(list.map((r) => r.rps))).toLocaleString('en-US');
  const p99 = median(list.map((r) => r.p99));
  process.stdout.write(
    `${server.target.padEnd(width)}  ${cpu.padStart(14)}  ${rps.padStart(10)}  ${String(p99).padStart(6)}\n`,
  );
}
await Promise.all(servers.map((server) => server.stop()));
