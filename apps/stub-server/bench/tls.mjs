// HTTPS against HTTP on the same stub, in the same run: `npm run bench:tls -w @tim-marks/stub-server`
// (`node bench/tls.mjs`; it builds the app first and runs against `dist/`). One stub started with
// --tls serves both protocols on one port; autocannon (50 keep-alive connections, BENCH_SECONDS
// per run, default 10) sends an authenticated 1-item mark_contact over http:// and https://
// alternately, BENCH_ROUNDS times (default 3), and each protocol keeps its best run. Writes its
// section of BENCHMARKS.md (between the `bench/tls.mjs` markers) and leaves the rest alone.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { startServer } from './child.mjs';

const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CONNECTIONS = 50;
const TARGET_RATIO = 0.6;
export const BEGIN = '<!-- bench/tls.mjs: begin -->';
export const END = '<!-- bench/tls.mjs: end -->';

const log = (line) => process.stderr.write(`${line}\n`);

log('building (npx nx run @tim-marks/stub-server:build) ...');
execFileSync('npx', ['nx', 'run', '@tim-marks/stub-server:build', '--outputStyle=static'], {
  cwd: ROOT,
  stdio: ['ignore', 'ignore', 'inherit'],
  env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true' },
});

const body = JSON.stringify({
  From_Account: 'user0',
  MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1] }],
});

function cannon(title, url) {
  return new Promise((resolve, reject) => {
    log(`  ${title}: ${SECONDS} s ...`);
    const instance = autocannon(
      {
        url,
        method: 'POST',
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { 'content-type': 'application/json' },
        body,
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    instance.on('error', reject);
  });
}

const loadBefore = os.loadavg()[0];
const stub = await startServer('stub-tls');
const httpsUrl = stub.markUrl;
const httpUrl = httpsUrl.replace(/^https:/, 'http:');
const best = { http: undefined, https: undefined };
for (let round = 1; round <= ROUNDS; round++) {
  log(`round ${round}/${ROUNDS}`);
  for (const [name, url] of [
    ['http', httpUrl],
    ['https', httpsUrl],
  ]) {
    const result = await cannon(name, url);
    if (result.non2xx > 0 || result.errors > 0)
      throw new Error(`${name}: ${result.non2xx} non-2xx, ${result.errors} errors`);
    if (best[name] === undefined || result.requests.average > best[name].requests.average)
      best[name] = result;
  }
}
await stub.stop();
const loadAfter = os.loadavg()[0];

const ratio = best.https.requests.average / best.http.requests.average;
const row = (label, r) =>
  `| ${label.padEnd(27)} | ${Math.round(r.requests.average).toLocaleString('en-US').padStart(10)} | ${String(r.latency.p50).padStart(6)} | ${String(r.latency.p99).padStart(6)} | ${String(r.latency.max).padStart(6)} |`;
const section = `${BEGIN}
## HTTPS against HTTP (\`--tls\`)

Measured with \`npm run bench:tls -w @tim-marks/stub-server\` (\`node bench/tls.mjs\`): one stub started
with \`--tls\` (RSA-2048 certificate, TLS 1.3, AES-GCM), both protocols on its one port; autocannon,
${CONNECTIONS} keep-alive connections, ${SECONDS} s per run, an authenticated 1-item mark_contact, http:// and
https:// alternating ${ROUNDS} times, each keeping its best run. Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown CPU'},
Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; load average before ${loadBefore.toFixed(2)}, after ${loadAfter.toFixed(2)}.

| run                         | requests/s | p50 ms | p99 ms | max ms |
| --------------------------- | ---------: | -----: | -----: | -----: |
${row('stub over http://', best.http)}
${row('the same stub over https://', best.https)}

- HTTPS / HTTP requests/s: **${ratio.toFixed(2)}×** (target ≥ ${TARGET_RATIO}×: ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'})

With connections kept alive the handshake is paid once per connection; what remains is the record
encryption of each request and answer, and the TLS layer's extra pass over every byte. autocannon
and the stub share the machine's 2 cores, so autocannon's own decryption weighs on the HTTPS figure too.
${END}`;

const FILE = `${APP_DIR}BENCHMARKS.md`;
const previous = readFileSync(FILE, 'utf8');
let next;
if (previous.includes(BEGIN) && previous.includes(END)) {
  next =
    previous.slice(0, previous.indexOf(BEGIN)) + section + previous.slice(previous.indexOf(END) + END.length);
} else {
  const earlier = previous.indexOf('\n## Earlier runs');
  next =
    earlier < 0
      ? `${previous.trimEnd()}\n\n${section}\n`
      : `${previous.slice(0, earlier).trimEnd()}\n\n${section}\n${previous.slice(earlier)}`;
}
writeFileSync(FILE, next);
log(
  `HTTPS / HTTP: ${ratio.toFixed(2)}× (http ${Math.round(best.http.requests.average)}/s, https ${Math.round(best.https.requests.average)}/s); written to BENCHMARKS.md`,
);
