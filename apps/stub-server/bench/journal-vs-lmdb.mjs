// The write path of --state-file, measured against LMDB (the decision recorded in BENCHMARKS.md):
// N calls of 100 changes each, written as the stub's journal writes them (one JSON line, one
// positional write) and as LMDB would store them (one transaction of 100 puts, key per conversation).
// Without and with a flush to disk per call. `lmdb` is not a dependency of this project: install it
// somewhere else (`npm install --no-save lmdb@3.5.6`) and run with NODE_PATH pointing at it:
//
//   NODE_PATH=/somewhere/node_modules node bench/journal-vs-lmdb.mjs [calls=2000]
import { fsyncSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const { open } = createRequire(join(process.env.NODE_PATH ?? '.', 'x.js'))('lmdb');
const N = Number(process.argv[2] ?? 2000);
const dir = mkdtempSync(join(tmpdir(), 'journal-vs-lmdb-'));
process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
const now = Math.floor(Date.now() / 1000);
const changes = (i) =>
  Array.from({ length: 100 }, (_, j) => [1, `peer${(i * 100 + j) % 5000}`, j, i, 'x'.repeat(200), now]);

function journal(fsync) {
  const fd = openSync(join(dir, `journal-${fsync}`), 'w');
  let size = 0;
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const line = Buffer.from(`${JSON.stringify({ t: 'marks', a: 1, f: `user${i % 50}`, c: changes(i) })}\n`);
    size += writeSync(fd, line, 0, line.length, size);
    if (fsync) fsyncSync(fd);
  }
  return Number(process.hrtime.bigint() - started) / 1e3 / N;
}

function lmdb(sync) {
  const db = open({ path: join(dir, `lmdb-${sync}`), noSync: !sync, mapSize: 2 ** 32 });
  const started = process.hrtime.bigint();
  for (let i = 0; i < N; i++) {
    const from = `user${i % 50}`;
    db.transactionSync(() => {
      for (const change of changes(i)) db.putSync(`${from}\u0000${change[1]}`, change);
    });
  }
  const micros = Number(process.hrtime.bigint() - started) / 1e3 / N;
  db.close();
  return micros;
}

const us = (n) => `${n.toFixed(0)} µs`;
console.log(
  JSON.stringify({
    calls: N,
    journal: us(journal(false)),
    lmdbNoSync: us(lmdb(false)),
    journalFsync: us(journal(true)),
    lmdbSync: us(lmdb(true)),
  }),
);
