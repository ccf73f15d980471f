// The journal's size under sustained load: the built stub (dist/cli.js) with --state-file, 100-item
// mark_contact calls offered at the ceiling (200 calls/s) for DURATION seconds, journal and snapshot
// sizes sampled every 200 ms. The journal is compacted while running once it passes its bound
// (--journal-limit, default 64 MiB), so its largest size stays near that bound however long the run.
//
//   node bench/journal-bound.mjs [seconds=300] [journal-limit-bytes=67108864]
//
// Prints one JSON line: calls acknowledged, calls refused by the ceiling (60007), the largest journal
// and snapshot seen, how many times the journal was seen to shrink (compactions), and the final sizes.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sign } from '@tim-marks/usersig';
import { Pool } from 'undici';

const seconds = Number(process.argv[2] ?? 300);
const limit = Number(process.argv[3] ?? 64 * 1024 * 1024);
const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SDKAPPID = 1400000000;
const KEY = process.env.TIM_STUB_SECRET_KEY;
const USERS = 50;
const CALLS_PER_SECOND = 200;

const dir = mkdtempSync(join(tmpdir(), 'journal-bound-'));
const file = join(dir, 'state.json');
const child = spawn(
  process.execPath,
  [CLI, '--port', '0', '--state-file', file, '--journal-limit', String(limit), '--log-level', 'warn'],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
process.on('exit', () => {
  child.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});
const url = await new Promise((resolve, reject) => {
  let out = '';
  child.stdout.on('data', (chunk) => {
    out += chunk;
    const match = /listening on (http:\/\/\S+)/.exec(out);
    if (match && out.includes('get_contact_group')) resolve(match[1]);
  });
  child.once('exit', (code) => reject(new Error(`the stub exited (${code})`)));
});
const { DEVELOPMENT_SECRET_KEY } = await import('../dist/defaults.js');
const usersig = sign({
  sdkAppId: SDKAPPID,
  identifier: 'administrator',
  secretKey: KEY ?? DEVELOPMENT_SECRET_KEY,
});
const pool = new Pool(url, { connections: 16, pipelining: 1 });
const path = (command) =>
  `/v4/${command}?sdkappid=${SDKAPPID}&identifier=administrator&usersig=${usersig}&random=1&contenttype=json`;
async function post(command, body) {
  const response = await pool.request({
    path: path(command),
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return response.body.json();
}
const users = Array.from({ length: USERS }, (_, i) => `load${i}`);
await post('im_open_login_svc/multiaccount_import', { Accounts: users });

const custom = 'm'.repeat(200);
let n = 0;
const counts = { acknowledged: 0, ceiling: 0, other: 0 };
function body() {
  const i = n++;
  return {
    From_Account: users[i % USERS],
    MarkItem: Array.from({ length: 100 }, (_, j) => ({
      OptType: 3,
      ContactItem: { Type: 1, To_Account: `peer${(Math.floor(i / USERS) * 100 + j) % 1000}` },
      SetMark: [(i % 64) + 1],
      CustomMark: `${custom}${i}`,
    })),
  };
}
const sizeOf = (path) => {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
};
const sizes = { maxJournal: 0, maxSnapshot: 0, shrinks: 0 };
let lastJournal = 0;
const sampler = setInterval(() => {
  const journal = sizeOf(`${file}.journal`);
  sizes.maxJournal = Math.max(sizes.maxJournal, journal);
  sizes.maxSnapshot = Math.max(sizes.maxSnapshot, sizeOf(file));
  if (journal < lastJournal) sizes.shrinks++;
  lastJournal = journal;
}, 200);
const inFlight = new Set();
const end = Date.now() + seconds * 1000;
// 10 calls every 50 ms: the ceiling's 200 per second, offered evenly.
while (Date.now() < end) {
  for (let k = 0; k < CALLS_PER_SECOND / 20; k++) {
    const call = post('recentcontact/mark_contact', body()).then(
      (answer) => {
        if (answer.ErrorCode === 0) counts.acknowledged++;
        else if (answer.ErrorCode === 60007) counts.ceiling++;
        else counts.other++;
      },
      () => counts.other++,
    );
    inFlight.add(call);
    call.finally(() => inFlight.delete(call));
  }
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await Promise.all(inFlight);
clearInterval(sampler);
const final = { journal: sizeOf(`${file}.journal`), snapshot: sizeOf(file) };
await pool.close();
console.log(JSON.stringify({ seconds, journalLimitBytes: limit, ...counts, ...sizes, final }));
child.kill('SIGTERM');
