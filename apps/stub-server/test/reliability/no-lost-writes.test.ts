// No lost writes: the final state equals what the acknowledged calls say, under concurrency, across a
// graceful stop under load (SIGTERM) and across a kill -9 in the middle of the load. (durability.test.ts
// kills the process once every write was answered; here the kill lands while writes are in flight.)
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CommandName, ErrorCode } from '@tim-marks/types';
import { Pool, request } from 'undici';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppState, MarkState, StubState } from '../../src/store/store.js';
import { readStateFile, remote, testStub } from '../helpers.js';
import { type StubProcess, startCli } from '../process.js';

type Remote = ReturnType<typeof remote>;

/** POSTs a command through `pool`; undefined when the call got no answer (refused, reset, killed). */
async function post(
  pool: Pool,
  api: Remote,
  command: CommandName,
  body: unknown,
): Promise<Record<string, unknown> | undefined> {
  const url = new URL(api.commandUrl(command));
  try {
    const response = await request(url, {
      dispatcher: pool,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.body.text();
    if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${text}`);
    return JSON.parse(text) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SyntaxError || (error as Error).message.startsWith('HTTP ')) throw error;
    return undefined;
  }
}

/** An answer that acknowledges the whole call: ErrorCode 0 and every item applied. */
function acknowledged(answer: Record<string, unknown> | undefined): boolean {
  if (answer === undefined) return false;
  if (answer.ErrorCode !== ErrorCode.OK) {
    throw new Error(`a write under load was refused: ${JSON.stringify(answer)}`);
  }
  const items = answer.ResultItem as { ResultCode: number }[] | undefined;
  if (items?.some((item) => item.ResultCode !== 0)) {
    throw new Error(`an item under load failed: ${JSON.stringify(answer)}`);
  }
  return true;
}

function appOf(state: StubState, sdkAppId = 1400000000): AppState {
  const app = state.apps.find((a) => a.sdkAppId === sdkAppId);
  if (app === undefined) throw new Error(`no app ${sdkAppId} in the state`);
  return app;
}

function conversation(app: AppState, from: string, to: string): MarkState | undefined {
  return (app.marks[from] ?? []).find((m) => m.Type === 1 && m.To_Account === to);
}

function bitsValue(bits: Iterable<number>): bigint {
  let value = 0n;
  for (const bit of bits) value |= 1n << BigInt(bit - 1);
  return value;
}

describe('many concurrent clients on one user', () => {
  const CLIENTS = 16;
  const ROUNDS = 60;
  let stub: Awaited<ReturnType<typeof testStub>>;
  let pool: Pool;
  beforeAll(async () => {
    stub = await testStub({ rateLimit: 0 });
    pool = new Pool(stub.url, { connections: CLIENTS });
  });
  afterAll(async () => {
    await pool.close();
    await stub.close();
  });

  it('ends in the state the acknowledged calls define: owned bits, own conversations, last writer of a shared one', async () => {
    // Client c owns bits 4c+1..4c+4 of the shared conversation `hot` (16 clients × 4 bits = 64), so
    // sets and clears of different clients commute; it alone writes the custom mark of `own-c`; and
    // every client writes the custom mark of `contested`, a register whose final value must be
    // that of a write no later-started write could have overwritten.
    const api = stub;
    const expectedBits = new Set<number>();
    const ownLast = new Map<number, string>();
    const contested: { value: string; sent: number; acked: number }[] = [];
    let clock = 0;
    let calls = 0;
    // mulberry32: a fixed seed, so every run draws the same workload.
    let seed = 20251126;
    const next = (n: number) => {
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };

    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        const bits = new Set<number>();
        for (let r = 0; r < ROUNDS; r++) {
          const bit = 4 * c + 1 + next(4);
          const set = next(3) !== 0;
          const own = `c${c}-r${r}`;
          const items: unknown[] = [
            {
              OptType: 1,
              ContactItem: { Type: 1, To_Account: 'hot' },
              ...(set ? { SetMark: [bit] } : { ClearMark: [bit] }),
            },
            { OptType: 2, ContactItem: { Type: 1, To_Account: `own-${c}` }, CustomMark: own },
          ];
          const writesContested = next(2) === 0;
          if (writesContested) {
            items.push({ OptType: 2, ContactItem: { Type: 1, To_Account: 'contested' }, CustomMark: own });
          }
          const sent = ++clock;
          const answer = await post(pool, api, 'markContact', { From_Account: 'user0', MarkItem: items });
          const acked = ++clock;
          expect(acknowledged(answer)).toBe(true);
          calls++;
          if (set) bits.add(bit);
          else bits.delete(bit);
          ownLast.set(c, own);
          if (writesContested) contested.push({ value: own, sent, acked });
        }
        for (const bit of bits) expectedBits.add(bit);
      }),
    );
    expect(calls).toBe(CLIENTS * ROUNDS);

    const app = appOf(await stub.control.exportState());
    const hot = conversation(app, 'user0', 'hot');
    const value = bitsValue(expectedBits);
    if (value === 0n) expect(hot).toBeUndefined();
    else expect(hot?.StandardMark).toBe(String(value));
    for (let c = 0; c < CLIENTS; c++) {
      expect(conversation(app, 'user0', `own-${c}`)?.CustomMark, `own-${c}`).toBe(ownLast.get(c));
    }
    // The register: the final value was written by a call that no later-started call follows.
    const final = conversation(app, 'user0', 'contested')?.CustomMark;
    const writer = contested.find((w) => w.value === final);
    expect(writer, `final contested value ${final}`).toBeDefined();
    expect(contested.filter((w) => w.sent > (writer?.acked ?? 0))).toEqual([]);
    // Nothing else appeared.
    expect((app.marks.user0 ?? []).map((m) => m.To_Account).sort()).toEqual(
      [
        ...(value === 0n ? [] : ['hot']),
        'contested',
        ...Array.from({ length: CLIENTS }, (_, c) => `own-${c}`),
      ].sort(),
    );
    // The API reads the same state back (binary StandardMark, most significant bit first).
    const page = await post(pool, api, 'getContactGroup', { From_Account: 'user0', StartIndex: 0 });
    const read = ((page?.ContactItem ?? []) as { To_Account: string; StandardMark: string }[]).find(
      (item) => item.To_Account === 'hot',
    );
    if (value !== 0n) expect(read?.StandardMark).toBe(value.toString(2));
    console.info(
      `[no lost writes] concurrent: ${calls} acknowledged calls from ${CLIENTS} clients checked (${expectedBits.size} bits of hot set, ${contested.length} contested writes)`,
    );
  });
});

/** What a load sent and what was acknowledged, for the checks after a stop or a kill. */
class Ledger {
  /** `from/to` → custom mark, for every mark call sent. */
  readonly marks = new Map<
    string,
    { from: string; to: string; bit: number; value: string; acked: boolean }
  >();
  readonly accounts = new Map<string, boolean>();
  readonly groups = new Map<string, { created: boolean; destroySent: boolean; destroyed: boolean }>();

  get acknowledged(): number {
    let n = 0;
    for (const m of this.marks.values()) if (m.acked) n++;
    for (const acked of this.accounts.values()) if (acked) n++;
    for (const g of this.groups.values()) n += (g.created ? 1 : 0) + (g.destroyed ? 1 : 0);
    return n;
  }

  get sent(): number {
    let n = this.marks.size + this.accounts.size;
    for (const g of this.groups.values()) n += 1 + (g.destroySent ? 1 : 0);
    return n;
  }

  /** Every acknowledged write is in `state`, and everything in it was sent by the load (or seeded). */
  check(state: StubState, seededAccounts: readonly string[]): number {
    const app = appOf(state);
    let checked = 0;
    for (const m of this.marks.values()) {
      const found = conversation(app, m.from, m.to);
      if (m.acked) {
        expect(found, `acknowledged mark ${m.from}→${m.to}`).toMatchObject({
          CustomMark: m.value,
          StandardMark: String(1n << BigInt(m.bit - 1)),
        });
        checked++;
      } else if (found !== undefined) {
        // A write that was in flight at the stop may have been applied: then whole.
        expect(found).toMatchObject({ CustomMark: m.value, StandardMark: String(1n << BigInt(m.bit - 1)) });
      }
    }
    for (const [from, list] of Object.entries(app.marks)) {
      for (const entry of list) {
        expect(
          this.marks.has(`${from}/${entry.To_Account}`),
          `unexpected mark ${from}→${entry.To_Account}`,
        ).toBe(true);
      }
    }
    const accounts = new Set(app.accounts);
    for (const [id, acked] of this.accounts) {
      if (acked) {
        expect(accounts.has(id), `acknowledged account ${id}`).toBe(true);
        checked++;
      }
    }
    for (const id of accounts) {
      expect(this.accounts.has(id) || seededAccounts.includes(id), `unexpected account ${id}`).toBe(true);
    }
    const groups = new Map(app.groups.map((g) => [g.GroupId, g]));
    for (const [id, g] of this.groups) {
      const found = groups.get(id);
      if (g.created) {
        expect(found, `acknowledged group ${id}`).toBeDefined();
        checked++;
      }
      if (g.destroyed) {
        expect(found?.dissolved, `acknowledged dissolution of ${id}`).toBe(true);
        checked++;
      }
      if (found?.dissolved === true) expect(g.destroySent).toBe(true);
    }
    for (const id of groups.keys()) expect(this.groups.has(id), `unexpected group ${id}`).toBe(true);
    return checked;
  }
}

const USERS = Array.from({ length: 10 }, (_, i) => `user${i}`);

/**
 * CLIENTS loops writing until their calls stop being answered: each mark call marks a conversation
 * of its own (a unique To_Account, one bit, a unique custom mark), with account imports, group
 * creations and dissolutions mixed in. Resolves `ready` once `trigger` writes were acknowledged.
 */
function load(api: Remote, pool: Pool, ledger: Ledger, clients: number, trigger: number) {
  let signal: () => void = () => {};
  const ready = new Promise<void>((resolve) => {
    signal = resolve;
  });
  let acks = 0;
  const done = Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      let lastGroup: string | undefined;
      for (let n = 0; ; n++) {
        let answer: Record<string, unknown> | undefined;
        const kind = n % 7;
        if (kind < 4) {
          const from = USERS[(c + n) % USERS.length] as string;
          const to = `c${c}-n${n}`;
          const bit = ((c * 7 + n) % 64) + 1;
          const entry = { from, to, bit, value: `v-${c}-${n}`, acked: false };
          ledger.marks.set(`${from}/${to}`, entry);
          answer = await post(pool, api, 'markContact', {
            From_Account: from,
            MarkItem: [
              {
                OptType: 3,
                ContactItem: { Type: 1, To_Account: to },
                SetMark: [bit],
                CustomMark: entry.value,
              },
            ],
          });
          entry.acked = acknowledged(answer);
        } else if (kind === 4) {
          const id = `acct-${c}-${n}`;
          ledger.accounts.set(id, false);
          answer = await post(pool, api, 'multiaccountImport', { Accounts: [id] });
          ledger.accounts.set(id, acknowledged(answer));
        } else if (kind === 5) {
          const id = `grp-${c}-${n}`;
          const entry = { created: false, destroySent: false, destroyed: false };
          ledger.groups.set(id, entry);
          answer = await post(pool, api, 'createGroup', { Type: 'Public', Name: 'g', GroupId: id });
          entry.created = acknowledged(answer);
          if (entry.created) lastGroup = id;
        } else if (lastGroup !== undefined) {
          const entry = ledger.groups.get(lastGroup);
          if (entry === undefined) throw new Error('unknown group');
          entry.destroySent = true;
          answer = await post(pool, api, 'destroyGroup', { GroupId: lastGroup });
          entry.destroyed = acknowledged(answer);
          lastGroup = undefined;
        } else continue;
        if (answer === undefined) return; // the stub is gone
        if (++acks >= trigger) signal();
      }
    }),
  );
  return { ready, done };
}

describe('stopping under load', () => {
  let dir: string;
  let processes: StubProcess[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'tim-marks-reliability-'));
  });
  afterEach(() => {
    for (const p of processes)
      if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
    processes = [];
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(file: string): Promise<StubProcess> {
    const stub = await startCli([
      '--port',
      '0',
      '--state-file',
      file,
      '--log-level',
      'warn',
      '--rate-limit',
      '0',
    ]);
    processes.push(stub);
    return stub;
  }

  async function stateOf(url: string): Promise<StubState> {
    const response = await request(`${url}/__stub/state`);
    return (await response.body.json()) as StubState;
  }

  it('SIGTERM: every acknowledged write is in the state file after exit', async () => {
    const file = join(dir, 'state.json');
    const stub = await start(file);
    const api = remote(stub.url);
    const pool = new Pool(stub.url, { connections: 16 });
    const ledger = new Ledger();
    const { ready, done } = load(api, pool, ledger, 16, 1500);
    await ready;
    stub.child.kill('SIGTERM');
    expect(await stub.exited).toBe(0);
    await done;
    await pool.close();

    const saved = readStateFile(file);
    const checked = ledger.check(saved, USERS);
    expect(checked).toBeGreaterThanOrEqual(1500);
    expect(readFileSync(`${file}.journal`, 'utf8')).toBe('');
    // And a restart serves exactly what was saved.
    const again = await start(file);
    expect(await stateOf(again.url)).toEqual(saved);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    console.info(
      `[no lost writes] SIGTERM under load: ${checked} acknowledged writes checked in the state file (${ledger.sent} sent)`,
    );
  });

  it('kill -9 in the middle of the load: the restarted stub has every acknowledged write', async () => {
    const file = join(dir, 'state.json');
    const stub = await start(file);
    const api = remote(stub.url);
    const pool = new Pool(stub.url, { connections: 16 });
    const ledger = new Ledger();
    const { ready, done } = load(api, pool, ledger, 16, 1500);
    await ready;
    const inFlight = ledger.sent - ledger.acknowledged;
    stub.child.kill('SIGKILL');
    expect(await stub.exited).toBe('SIGKILL');
    await done;
    await pool.close();

    const restarted = await start(file);
    const state = await stateOf(restarted.url);
    const checked = ledger.check(state, USERS);
    expect(checked).toBeGreaterThanOrEqual(1500);
    restarted.child.kill('SIGTERM');
    expect(await restarted.exited).toBe(0);
    // The restart compacted the journal into the snapshot, which holds the same state.
    expect(readStateFile(file)).toEqual(state);
    console.info(
      `[no lost writes] kill -9 under load: ${checked} acknowledged writes checked after restart (${ledger.sent} sent, ${inFlight} in flight at the kill)`,
    );
  });
});
