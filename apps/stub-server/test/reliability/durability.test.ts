// The state file's promise, row by row (issue rows 1, 2, 5, 10, 11, 16): an answer of success means
// the change is in the journal, whole; a failed write answers 50004 and changes nothing, in memory or
// on disk; a torn tail is cut and never glued to a later record; a bad record stops the start with
// file:line unless it is set aside (kept); the journal stays bounded under load; one stub per file.
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statfsSync,
  statSync,
  unlinkSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ErrorCode } from '@tim-marks/types';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { JournalIo } from '../../src/durability.js';
import type { Stub } from '../../src/stub.js';
import { allContacts, c2c, call, readStateFile, remote, testStub } from '../helpers.js';
import { runCli, startCli } from '../process.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tim-marks-durability-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

/** Every line of a journal or snapshot parses as a record: nothing torn, nothing glued. */
function expectWholeLines(file: string): void {
  const text = readFileSync(file, 'utf8');
  if (text === '') return;
  expect(text.endsWith('\n'), `${file} ends with a newline`).toBe(true);
  for (const line of text.slice(0, -1).split('\n')) expect(() => JSON.parse(line), line).not.toThrow();
}

function marks(n: number, custom = ''): Record<string, unknown> {
  return {
    From_Account: 'user0',
    MarkItem: Array.from({ length: n }, (_, i) => ({
      OptType: 3,
      ContactItem: { Type: 1, To_Account: `peer${i}` },
      SetMark: [1],
      CustomMark: `${custom}${i}`,
    })),
  };
}

describe('a write the disk refuses (injected through the journal seam)', () => {
  /** A disk that takes `budget` more bytes, then writes part of what it is given and fails. */
  function failingDisk() {
    const disk = { budget: Number.POSITIVE_INFINITY, failures: 0 };
    const io: Partial<JournalIo> = {
      writeSync(fd, buffer, offset, length, position) {
        if (disk.budget >= length) {
          disk.budget -= length;
          return execWrite(fd, buffer, offset, length, position);
        }
        if (disk.budget > 0) {
          // A short write: part of the record reaches the file, then the disk is full.
          const part = disk.budget;
          disk.budget = 0;
          return execWrite(fd, buffer, offset, part, position);
        }
        disk.failures++;
        throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
      },
    };
    return { disk, io };
  }

  it('answers 50004 and changes nothing, in memory or on disk; the retry then succeeds', async () => {
    const { disk, io } = failingDisk();
    const file = join(dir, 'state.json');
    const stub = await testStub({ stateFile: file, journalIo: io });
    try {
      expect((await call(stub, 'markContact', marks(2))).ErrorCode).toBe(0);
      const journalBefore = readFileSync(`${file}.journal`);
      const stateBefore = await stub.control.exportState();
      disk.budget = 10;
      const failed = await call(stub, 'markContact', marks(5, 'x'));
      expect(failed).toMatchObject({ ErrorCode: ErrorCode.INTERNAL_ERROR, ActionStatus: 'FAIL' });
      expect(failed.ErrorInfo).toMatch(/ENOSPC.*nothing was changed, retry/);
      // Nothing visible, nothing half-written.
      expect(await stub.control.exportState()).toEqual(stateBefore);
      expect(await allContacts(stub, 'user0')).toHaveLength(2);
      expect(readFileSync(`${file}.journal`)).toEqual(journalBefore);

      // create_group: a failed create leaves the id free, so its retry is not "already used".
      const group = { Type: 'Public', Name: 'Team', GroupId: 'team' };
      expect((await call(stub, 'createGroup', group)).ErrorCode).toBe(ErrorCode.INTERNAL_ERROR);
      disk.budget = Number.POSITIVE_INFINITY;
      expect((await call(stub, 'createGroup', group)).ErrorCode).toBe(0);
      expect((await call(stub, 'markContact', marks(5, 'x'))).ErrorCode).toBe(0);
      expect(disk.failures).toBeGreaterThan(0);
      expectWholeLines(`${file}.journal`);
      const after = await stub.control.exportState();
      // Restart from the files as they are (a copy, as a kill would leave them).
      writeFileSync(join(dir, 'copy.json'), readFileSync(file));
      writeFileSync(join(dir, 'copy.json.journal'), readFileSync(`${file}.journal`));
      const restarted = await testStub({ stateFile: join(dir, 'copy.json') });
      try {
        expect(await restarted.control.exportState()).toEqual(after);
      } finally {
        await restarted.close();
      }
    } finally {
      await stub.close();
    }
  });

  it('answers 503 to a control-plane write the disk refuses, and changes nothing', async () => {
    const { disk, io } = failingDisk();
    const file = join(dir, 'state.json');
    const stub = await testStub({ stateFile: file, journalIo: io });
    try {
      await call(stub, 'markContact', marks(1));
      const before = await stub.control.exportState();
      disk.budget = 0;
      const response = await fetch(`${stub.url}/__stub/reset`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ ok: false, error: expect.stringMatching(/retry/) });
      expect(await stub.control.exportState()).toEqual(before);
    } finally {
      disk.budget = Number.POSITIVE_INFINITY;
      await stub.close();
    }
  });
});

/** node's own positional write, for the seam above. */
function execWrite(fd: number, buffer: Buffer, offset: number, length: number, position: number): number {
  return writeSync(fd, buffer, offset, length, position);
}

// A real full disk: a 256 KiB tmpfs, where this machine lets root mount one. Mounted only while the
// suite below runs (a probe first decides whether it can run at all).
function mountTmpfs(): string | undefined {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return undefined;
  const mount = mkdtempSync(join(tmpdir(), 'tim-marks-tmpfs-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount], { stdio: 'ignore' });
    return mount;
  } catch {
    rmSync(mount, { recursive: true, force: true });
    return undefined;
  }
}

function unmount(mount: string): void {
  execFileSync('umount', [mount]);
  rmSync(mount, { recursive: true, force: true });
}

const CAN_MOUNT = (() => {
  const probe = mountTmpfs();
  if (probe === undefined) return false;
  unmount(probe);
  return true;
})();

describe.skipIf(!CAN_MOUNT)('a full disk (a 256 KiB tmpfs)', () => {
  let TMPFS: string | undefined;
  beforeAll(() => {
    TMPFS = mountTmpfs();
  });
  afterAll(() => {
    if (TMPFS !== undefined) unmount(TMPFS);
  });
  afterEach(() => {
    if (TMPFS === undefined) return;
    for (const name of readdirSync(TMPFS)) rmSync(join(TMPFS, name), { recursive: true, force: true });
  });

  it('keeps every acknowledged write and nothing else, across a stop and restart on the full disk', async () => {
    const mount = TMPFS as string;
    const file = join(mount, 'state.json');
    const stub = await testStub({ stateFile: file, rateLimit: 0 });
    const acknowledged: string[] = [];
    const refused: string[] = [];
    let refusedGroup: string | undefined;
    try {
      // Fill the disk but for a few KiB.
      const free = statfsSync(mount);
      writeFileSync(join(mount, 'filler'), Buffer.alloc(Math.max(0, free.bavail * free.bsize - 12 * 1024)));
      for (let i = 0; i < 200 && refused.length < 5; i++) {
        const to = `peer${i}`;
        const answer = await call(stub, 'markContact', {
          From_Account: 'user0',
          MarkItem: [c2c(to, { OptType: 3, CustomMark: 'c'.repeat(250) })],
        });
        if (answer.ErrorCode === 0) acknowledged.push(to);
        else {
          expect(answer.ErrorCode).toBe(ErrorCode.INTERNAL_ERROR);
          refused.push(to);
        }
      }
      expect(refused).toHaveLength(5);
      // Groups are smaller records: create them until the disk refuses one too.
      for (let i = 0; i < 100 && refusedGroup === undefined; i++) {
        const answer = await call(stub, 'createGroup', { Type: 'Public', Name: 'Team', GroupId: `team${i}` });
        if (answer.ErrorCode !== 0) {
          expect(answer.ErrorCode).toBe(ErrorCode.INTERNAL_ERROR);
          refusedGroup = `team${i}`;
        }
      }
      expect(refusedGroup).toBeDefined();
      // What was refused is not readable.
      const seen = (await allContacts(stub, 'user0')).map((c) => c.To_Account);
      expect(seen).toEqual(acknowledged);
      expectWholeLines(`${file}.journal`);
    } finally {
      // The stop cannot compact on the full disk: it says so, leaves no temp file, keeps the journal.
      await stub.close();
    }
    expect(readdirSync(mount).filter((name) => name.includes('.tmp-'))).toEqual([]);
    const restarted = await testStub({ stateFile: file });
    try {
      expect((await allContacts(restarted, 'user0')).map((c) => c.To_Account)).toEqual(acknowledged);
      // Space again: the refused create_group succeeds on its retry.
      unlinkSync(join(mount, 'filler'));
      expect(
        (await call(restarted, 'createGroup', { Type: 'Public', Name: 'Team', GroupId: 'team' })).ErrorCode,
      ).toBe(0);
    } finally {
      await restarted.close();
    }
  });
});

describe('the journal under sustained load', () => {
  it('is compacted while running: its size stays bounded, and a restart has every write', async () => {
    const file = join(dir, 'state.json');
    const limit = 64 * 1024;
    const stub = await testStub({ stateFile: file, rateLimit: 0, journalLimitBytes: limit });
    let largest = 0;
    let record = 0;
    try {
      for (let i = 0; i < 150; i++) {
        const before = statSync(`${file}.journal`).size;
        const answer = await call(stub, 'markContact', {
          From_Account: `user${i % 5}`,
          MarkItem: Array.from({ length: 100 }, (_, j) =>
            c2c(`peer${(i * 100 + j) % 1000}`, { SetMark: [(i % 64) + 1] }),
          ),
        });
        expect(answer.ErrorCode).toBe(0);
        const size = statSync(`${file}.journal`).size;
        if (size > before) record = Math.max(record, size - before);
        largest = Math.max(largest, size);
      }
      // 150 calls of ~5 KiB: over ten times the bound written, never more than the bound plus one record.
      expect(record * 150).toBeGreaterThan(8 * limit);
      expect(largest).toBeLessThan(limit + 2 * record);
      const state = await stub.control.exportState();
      writeFileSync(join(dir, 'copy.json'), readFileSync(file));
      writeFileSync(join(dir, 'copy.json.journal'), readFileSync(`${file}.journal`));
      const restarted = await testStub({ stateFile: join(dir, 'copy.json') });
      try {
        expect(await restarted.control.exportState()).toEqual(state);
      } finally {
        await restarted.close();
      }
    } finally {
      await stub.close();
    }
  });

  it('is streamed at restart: a journal of several MiB (lines across read chunks) loads whole', async () => {
    const file = join(dir, 'state.json');
    const stub = await testStub({ stateFile: file, rateLimit: 0 });
    for (let i = 0; i < 120; i++) {
      await call(stub, 'markContact', marks(100, `${'y'.repeat(200)}${i}-`));
    }
    const state = await stub.control.exportState();
    expect(statSync(`${file}.journal`).size).toBeGreaterThan(2 * 1024 * 1024);
    writeFileSync(join(dir, 'copy.json'), readFileSync(file));
    writeFileSync(join(dir, 'copy.json.journal'), readFileSync(`${file}.journal`));
    await stub.close();
    const restarted = await testStub({ stateFile: join(dir, 'copy.json') });
    try {
      expect(await restarted.control.exportState()).toEqual(state);
    } finally {
      await restarted.close();
    }
  });
});

describe('restart after a kill', () => {
  async function killedAfter(write: (stub: Stub) => Promise<void>): Promise<string> {
    const file = join(dir, 'state.json');
    const stub = await testStub({ stateFile: file });
    await write(stub);
    const copy = join(dir, 'killed.json');
    writeFileSync(copy, readFileSync(file));
    writeFileSync(`${copy}.journal`, readFileSync(`${file}.journal`));
    await stub.close();
    return copy;
  }

  it('cuts a torn tail, and the next record starts on a line of its own', async () => {
    const copy = await killedAfter(async (stub) => {
      await call(stub, 'markContact', marks(1));
    });
    const whole = readFileSync(`${copy}.journal`, 'utf8');
    // The records so far end with a newline: the torn one is the line after them.
    const tornLine = whole.split('\n').length;
    writeFileSync(`${copy}.journal`, `${whole}{"t":"marks","a":1400000000,"f":"us`);
    const warnings: string[] = [];
    const stub = await testStub({
      stateFile: copy,
      logLevel: 'warn',
      logSink: (line) => warnings.push(line),
    });
    try {
      expect(warnings.join('\n')).toContain(`killed.json.journal:${tornLine}: cut a torn last line`);
      await call(stub, 'markContact', { From_Account: 'user1', MarkItem: [c2c('after')] });
      expectWholeLines(`${copy}.journal`);
      expect(readStateFile(`${copy}.journal`).apps[0]?.marks.user1).toMatchObject([{ To_Account: 'after' }]);
    } finally {
      await stub.close();
    }
  });

  it('stops at a corrupt record naming file:line, changing no file; the flag sets the file aside and keeps it', async () => {
    const copy = await killedAfter(async (stub) => {
      for (let i = 0; i < 10; i++)
        await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c(`p${i}`)] });
    });
    const lines = readFileSync(`${copy}.journal`, 'utf8').split('\n');
    // One corrupted byte in the record of the fifth of the ten marks.
    const bad = lines.findIndex((line) => line.includes('"p4"'));
    expect(bad).toBeGreaterThan(0);
    lines[bad] = (lines[bad] as string).replace('"f":"user0"', '"f":"user0"X');
    writeFileSync(`${copy}.journal`, lines.join('\n'));
    const journal = readFileSync(`${copy}.journal`);
    const snapshot = readFileSync(copy);
    await expect(testStub({ stateFile: copy })).rejects.toThrow(
      new RegExp(`killed\\.json\\.journal:${bad + 1}: bad record: not JSON.*--set-aside-corrupt-state`),
    );
    expect(readFileSync(`${copy}.journal`)).toEqual(journal);
    expect(readFileSync(copy)).toEqual(snapshot);
    expect(existsSync(`${copy}.lock`)).toBe(false);

    const warnings: string[] = [];
    const stub = await testStub({
      stateFile: copy,
      setAsideCorruptState: true,
      logLevel: 'warn',
      logSink: (line) => warnings.push(line),
    });
    try {
      expect(warnings.join('\n')).toMatch(
        new RegExp(`1 bad record\\(s\\) skipped \\(first at line ${bad + 1}.*kept as .*corrupt-`),
      );
      const kept = readdirSync(dir).filter((name) => name.startsWith('killed.json.journal.corrupt-'));
      expect(kept).toHaveLength(1);
      expect(readFileSync(join(dir, kept[0] as string))).toEqual(journal);
      // Started from the good records: the nine other marks.
      expect((await allContacts(stub, 'user0')).map((c) => c.To_Account)).toEqual([
        'p0',
        'p1',
        'p2',
        'p3',
        'p5',
        'p6',
        'p7',
        'p8',
        'p9',
      ]);
    } finally {
      await stub.close();
    }
  });

  it('names file and line for a record of the wrong shape ({"t":"import","s":null})', async () => {
    const copy = await killedAfter(async (stub) => {
      await call(stub, 'markContact', marks(1));
    });
    const whole = readFileSync(`${copy}.journal`, 'utf8');
    const line = whole.split('\n').length;
    writeFileSync(`${copy}.journal`, `${whole}{"t":"import","s":null}\n`);
    await expect(testStub({ stateFile: copy })).rejects.toThrow(
      `killed.json.journal:${line}: bad record: import: the app state must be object`,
    );
  });

  it('loads a snapshot of the first format (the export format on one line) and rewrites it as records', async () => {
    const file = join(dir, 'state.json');
    const first = await testStub();
    await call(first, 'markContact', { From_Account: '__proto__', MarkItem: [c2c('x')] });
    await call(first, 'multiaccountImport', { Accounts: ['__proto__'] });
    await call(first, 'markContact', { From_Account: '__proto__', MarkItem: [c2c('x')] });
    const state = await first.control.exportState();
    await first.close();
    writeFileSync(file, JSON.stringify(state));
    const stub = await testStub({ stateFile: file });
    try {
      expect(await stub.control.exportState()).toEqual(state);
    } finally {
      await stub.close();
    }
    expect(readFileSync(file, 'utf8').split('\n').length).toBeGreaterThan(2);
    expect(readStateFile(file)).toEqual(state);
  });

  it('removes temp files a killed compaction left, and leaves none of its own', async () => {
    const file = join(dir, 'state.json');
    writeFileSync(`${file}.tmp-99999`, 'half a snapshot');
    const stub = await testStub({ stateFile: file });
    await call(stub, 'markContact', marks(1));
    await stub.close();
    expect(readdirSync(dir).sort()).toEqual(['state.json', 'state.json.journal']);
  });
});

describe('one stub per state file', () => {
  it('a second stub refuses to start, naming the holder; a killed holder is taken over', async () => {
    const file = join(dir, 'state.json');
    const args = ['--port', '0', '--state-file', file, '--log-level', 'warn'];
    const first = await startCli(args);
    try {
      const second = await runCli(args);
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`state file ${file} is in use by process ${first.child.pid}`);
      // In one process too.
      await expect(testStub({ stateFile: file })).rejects.toThrow(`in use by process ${first.child.pid}`);
      await call(remote(first.url), 'markContact', marks(1));
    } finally {
      first.child.kill('SIGKILL');
      await first.exited;
    }
    const third = await testStub({ stateFile: file });
    try {
      expect(await allContacts(third, 'user0')).toHaveLength(1);
    } finally {
      await third.close();
    }
    expect(existsSync(`${file}.lock`)).toBe(false);
  });
});

describe('--state-file and the configured apps (issue 13)', () => {
  it('creates missing parent folders', async () => {
    const file = join(dir, 'state', 'nested', 'x.json');
    const stub = await testStub({ stateFile: file });
    await call(stub, 'markContact', marks(1));
    await stub.close();
    expect(readStateFile(file).apps[0]?.marks.user0).toHaveLength(1);
  });

  it('refuses a state file holding apps that are not configured, rewriting nothing; the flag drops them', async () => {
    const file = join(dir, 'state.json');
    const two = {
      config: {
        apps: [
          { sdkAppId: 1400000000, accounts: ['a'] },
          { sdkAppId: 1400000007, accounts: ['b'] },
        ],
      },
    };
    const first = await testStub({ stateFile: file, ...two });
    await call(first, 'markContact', { From_Account: 'b', MarkItem: [c2c('x')] }, { sdkAppId: 1400000007 });
    await first.close();
    const snapshot = readFileSync(file);
    const journal = readFileSync(`${file}.journal`);
    await expect(testStub({ stateFile: file })).rejects.toThrow(
      /holds the state of app 1400000007, not configured here.*--drop-unconfigured-apps/,
    );
    expect(readFileSync(file)).toEqual(snapshot);
    expect(readFileSync(`${file}.journal`)).toEqual(journal);
    const cli = await runCli(['--port', '0', '--state-file', file]);
    expect(cli.code).toBe(1);
    expect(cli.stderr).toMatch(/1400000007.*--drop-unconfigured-apps/);
    expect(readFileSync(file)).toEqual(snapshot);

    const dropped = await testStub({ stateFile: file, dropUnconfiguredApps: true });
    await dropped.close();
    expect(readStateFile(file).apps.map((app) => app.sdkAppId)).toEqual([1400000000]);
  });
});
