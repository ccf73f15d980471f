// --state-file: snapshot + journal across restarts, kill -9 included; nothing on disk without it.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allContacts, c2c, call, controlRequest, readStateFile, remote, testStub } from './helpers.js';
import { startCli } from './process.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tim-marks-stub-'));
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

async function writeSomething(stub: Parameters<typeof call>[0]) {
  await call(stub, 'multiaccountImport', { Accounts: ['alice', 'bob'] });
  await call(stub, 'createGroup', { Owner_Account: 'alice', Type: 'Public', Name: 'Team', GroupId: 'team' });
  await call(stub, 'createGroup', { Type: 'Public', Name: 'Gone', GroupId: 'gone' });
  await call(stub, 'destroyGroup', { GroupId: 'gone' });
  await call(stub, 'markContact', {
    From_Account: 'alice',
    MarkItem: [
      c2c('bob', { SetMark: [1, 40] }),
      { OptType: 2, ContactItem: { Type: 1, To_Account: 'carol' }, CustomMark: '备注' },
      { OptType: 1, ContactItem: { Type: 2, ToGroupId: 'team' }, SetMark: [2] },
      c2c('dropped'),
    ],
  });
  await call(stub, 'markContact', {
    From_Account: 'alice',
    MarkItem: [c2c('dropped', { SetMark: [], ClearMark: [1] })],
  });
}

describe('--state-file', () => {
  it('keeps the whole state across a graceful restart', async () => {
    const file = join(dir, 'state.json');
    const first = await testStub({ stateFile: file });
    await writeSomething(first);
    const before = await first.control.exportState();
    await first.close();
    // The snapshot holds everything; the journal was compacted away.
    expect(readStateFile(file)).toEqual(before);
    expect(readFileSync(`${file}.journal`, 'utf8')).toBe('');

    const second = await testStub({ stateFile: file });
    try {
      expect(await second.control.exportState()).toEqual(before);
      expect((await allContacts(second, 'alice')).map((c) => c.To_Account ?? c.ToGroupId)).toEqual([
        'bob',
        'carol',
        'team',
      ]);
      expect(
        (await call(second, 'createGroup', { Type: 'Public', Name: 'x', GroupId: 'gone' })).ErrorCode,
      ).toBe(10021);
    } finally {
      await second.close();
    }
  });

  it('journals every acknowledged write before answering, and replays the journal on start', async () => {
    const file = join(dir, 'state.json');
    const stub = await testStub({ stateFile: file });
    await writeSomething(stub);
    const journal = readFileSync(`${file}.journal`, 'utf8').trim().split('\n');
    expect(journal.length).toBeGreaterThanOrEqual(6);
    const before = await stub.control.exportState();
    // Simulate a crash: copy the files as they are now, without a graceful close.
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, readFileSync(file));
    writeFileSync(`${copy}.journal`, readFileSync(`${file}.journal`));
    await stub.close();

    const restarted = await testStub({ stateFile: copy });
    try {
      expect(await restarted.control.exportState()).toEqual(before);
      // Compacted on start.
      expect(readFileSync(`${copy}.journal`, 'utf8')).toBe('');
    } finally {
      await restarted.close();
    }
  });

  it('ignores a torn last journal line (a write cut by a kill)', async () => {
    const file = join(dir, 'state.json');
    const stub = await testStub({ stateFile: file });
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, readFileSync(file));
    writeFileSync(
      `${copy}.journal`,
      `${readFileSync(`${file}.journal`, 'utf8')}{"t":"marks","a":1400000000,"f":"us`,
    );
    const before = await stub.control.exportState();
    await stub.close();
    const warnings: string[] = [];
    const restarted = await testStub({
      stateFile: copy,
      logLevel: 'warn',
      logSink: (line) => warnings.push(line),
    });
    try {
      expect(await restarted.control.exportState()).toEqual(before);
      expect(warnings.join('\n')).toMatch(/torn last line/);
    } finally {
      await restarted.close();
    }
  });

  it('journals control-plane writes too (reset, seed, state import)', async () => {
    const file = join(dir, 'state.json');
    const stub = await testStub({ stateFile: file });
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    await stub.control.reset();
    await stub.control.seed({ accounts: ['seeded'] });
    const exported = await stub.control.exportState();
    await stub.control.importState(exported);
    await call(stub, 'markContact', { From_Account: 'seeded', MarkItem: [c2c('x')] });
    const before = await stub.control.exportState();
    const copy = join(dir, 'copy.json');
    writeFileSync(copy, readFileSync(file));
    writeFileSync(`${copy}.journal`, readFileSync(`${file}.journal`));
    await stub.close();
    const restarted = await testStub({ stateFile: copy });
    try {
      expect(await restarted.control.exportState()).toEqual(before);
    } finally {
      await restarted.close();
    }
  });

  it('with fsync too', async () => {
    const file = join(dir, 'state.json');
    const stub = await testStub({ stateFile: file, fsync: true });
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    expect(readFileSync(`${file}.journal`, 'utf8')).toContain('"t":"marks"');
    await stub.close();
    const again = await testStub({ stateFile: file, fsync: true });
    try {
      expect(await allContacts(again, 'user0')).toMatchObject([{ To_Account: 'user1', StandardMark: '1' }]);
    } finally {
      await again.close();
    }
  });

  it('refuses to start on an unreadable snapshot, saying which file', async () => {
    const file = join(dir, 'state.json');
    writeFileSync(file, '{"version":2,"apps":[]}');
    await expect(testStub({ stateFile: file })).rejects.toThrow(/state\.json:1: .*version/);
  });

  it('writes nothing to disk without a state file', async () => {
    const stub = await testStub();
    await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    await stub.close();
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('kill -9', () => {
  it('loses no acknowledged write', async () => {
    const file = join(dir, 'state.json');
    const args = ['--port', '0', '--state-file', file, '--log-level', 'warn', '--rate-limit', '0'];
    const first = await startCli(args);
    const stub = remote(first.url);
    await writeSomething(stub);
    // Many acknowledged writes in flight at once, then the kill as soon as the last answer arrived.
    await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        call(stub, 'markContact', {
          From_Account: 'bob',
          MarkItem: [c2c(`peer${i}`, { SetMark: [(i % 64) + 1] })],
        }),
      ),
    );
    const before = (await controlRequest(stub, 'GET', 'state')).body;
    first.child.kill('SIGKILL');
    expect(await first.exited).toBe('SIGKILL');
    expect(existsSync(`${file}.journal`)).toBe(true);

    const second = await startCli(args);
    try {
      expect((await controlRequest(remote(second.url), 'GET', 'state')).body).toEqual(before);
      expect(await allContacts(remote(second.url), 'bob')).toHaveLength(50);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited).toBe(0);
    }
  });
});
