// The Redis store across replicas and across Redis faults: two stubs on one Redis never exceed the
// 1000-conversation cap and never lose a set or clear under concurrency (each write is one Lua
// script); Redis killed under load → calls answer 50004 at once (never hang, the stub stays up),
// Redis back → the stub reconnects by itself and every acknowledged write is there (AOF,
// appendfsync always in the harness).
import { execFileSync } from 'node:child_process';
import { ErrorCode, LIMITS } from '@tim-marks/types';
import { Pool } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { AppState } from '../src/store/store.js';
import type { Stub } from '../src/stub.js';
import { type Answer, call, controlRequest, testStub } from './helpers.js';
import { freePort, REDIS_CLI, type RedisNode, redisInstalled, startRedis } from './redis-harness.js';

const FROM = 'user0';

describe.skipIf(!redisInstalled())('the Redis store', () => {
  let node: RedisNode;
  let stubs: Stub[] = [];
  let pools: Pool[] = [];

  beforeAll(async () => {
    node = await startRedis();
  });
  afterEach(async () => {
    for (const pool of pools) await pool.close();
    for (const stub of stubs) await stub.close();
    stubs = [];
    pools = [];
  });
  afterAll(async () => {
    await node?.destroy();
  });

  /** Two replicas sharing one Redis and one key prefix: one deployment behind a load balancer. */
  async function replicas(prefix: string): Promise<[Stub, Stub]> {
    const store = `${node.url}?prefix=${prefix}:`;
    const a = await testStub({ store, rateLimit: 0 });
    const b = await testStub({ store, rateLimit: 0 });
    stubs.push(a, b);
    return [a, b];
  }

  function poolOf(stub: Stub): Pool {
    const pool = new Pool(stub.url, { connections: 16, pipelining: 1 });
    pools.push(pool);
    return pool;
  }

  async function exported(stub: Stub): Promise<AppState> {
    const { body } = await controlRequest(stub, 'GET', 'state');
    return (body.apps as AppState[])[0] as AppState;
  }

  it('a stub whose Redis cannot be reached refuses to start, naming it', async () => {
    const port = await freePort();
    await expect(testStub({ store: `redis://127.0.0.1:${port}` })).rejects.toThrow(
      `cannot reach Redis at redis://127.0.0.1:${port}`,
    );
  });

  it('the same calls leave the same state as the memory store; the state exports and imports whole', async () => {
    const [redisStub] = await replicas('same');
    const memoryStub = await testStub({ store: 'memory', rateLimit: 0 });
    stubs.push(memoryStub);
    const script: [Parameters<typeof call>[1], unknown][] = [
      ['multiaccountImport', { Accounts: ['a:b', 'x\ud800y', 'user9'] }],
      ['createGroup', { Owner_Account: 'user0', Type: 'Work', Name: 'Team', GroupId: 'team-1' }],
      ['createGroup', { Type: 'Public', Name: 'Gone', GroupId: 'gone' }],
      [
        'markContact',
        {
          From_Account: 'user0',
          MarkItem: [
            {
              OptType: 3,
              ContactItem: { Type: 1, To_Account: 'a:b' },
              SetMark: [1, 33, 64],
              CustomMark: 'c:1:2',
            },
            { OptType: 1, ContactItem: { Type: 2, ToGroupId: 'team-1' }, SetMark: [7] },
            { OptType: 1, ContactItem: { Type: 2, ToGroupId: 'gone' }, SetMark: [8] },
            { OptType: 2, ContactItem: { Type: 1, To_Account: 'x\ud800y' }, CustomMark: '\udc00' },
          ],
        },
      ],
      ['destroyGroup', { GroupId: 'gone' }],
      [
        'markContact',
        {
          From_Account: 'user0',
          MarkItem: [{ OptType: 1, ContactItem: { Type: 2, ToGroupId: 'gone' }, SetMark: [9] }],
        },
      ],
      [
        'createContactGroup',
        {
          From_Account: 'user0',
          GroupContactItem: [{ GroupName: 'next', ContactItem: [{ Type: 1, To_Account: 'user9' }] }],
        },
      ],
      [
        'createContactGroup',
        {
          From_Account: 'user0',
          GroupContactItem: [{ GroupName: 'g2', ContactItem: [{ Type: 1, To_Account: 'a:b' }] }],
        },
      ],
      [
        'updateContactGroup',
        {
          From_Account: 'user0',
          UpdateType: 1,
          UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'g2', NewGroupName: 'g3' },
        },
      ],
      ['delContactGroup', { From_Account: 'user0', GroupName: ['next'] }],
      [
        'markContact',
        {
          From_Account: 'user0',
          MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'a:b' }, ClearMark: [33] }],
        },
      ],
      [
        'searchContactGroup',
        {
          From_Account: 'user0',
          ContactItem: [
            { Type: 1, To_Account: 'a:b' },
            { Type: 1, To_Account: 'user9' },
          ],
        },
      ],
      ['getContactGroup', { From_Account: 'user0', StartIndex: 0 }],
    ];
    const withoutTime = (value: unknown) =>
      JSON.parse(JSON.stringify(value, (k, v) => (k === 'Timestamp' ? 0 : v)));
    for (const [command, body] of script) {
      const raw = JSON.stringify(body); // lone surrogates go out as \ud800 escapes, as a client would send them
      const [m, r] = await Promise.all([
        call(memoryStub, command, undefined, { raw }),
        call(redisStub, command, undefined, { raw }),
      ]);
      expect(m.ErrorCode, `${command}: ${JSON.stringify(m)}`).toBe(0);
      const { GroupId: _m, ...memoryAnswer } = m;
      const { GroupId: _r, ...redisAnswer } = r;
      expect(withoutTime(redisAnswer), command).toEqual(withoutTime(memoryAnswer));
    }
    const memoryState = withoutTime(await exported(memoryStub));
    const redisState = withoutTime(await exported(redisStub));
    expect(redisState).toEqual(memoryState);
    // Export, reset, import: the same state again.
    const { body } = await controlRequest(redisStub, 'GET', 'state');
    expect((await controlRequest(redisStub, 'POST', 'reset', {})).status).toBe(200);
    expect((await controlRequest(redisStub, 'PUT', 'state', body)).status).toBe(200);
    expect(withoutTime(await exported(redisStub))).toEqual(redisState);
  });

  it('a mark written through one replica is read back through the other', async () => {
    const [a, b] = await replicas('readback');
    const set = await call(a, 'markContact', {
      From_Account: FROM,
      MarkItem: [
        { OptType: 3, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [5], CustomMark: 'vip' },
      ],
    });
    expect(set.ErrorCode).toBe(0);
    const page = await call(b, 'getContactGroup', { From_Account: FROM, StartIndex: 0 });
    expect(page.ContactItem).toEqual([
      {
        Type: 1,
        To_Account: 'user1',
        StandardMark: '10000',
        CustomMark: 'vip',
        Timestamp: expect.any(Number),
      },
    ]);
  });

  it('two replicas racing past the cap admit exactly 1000 conversations', async () => {
    const [a, b] = await replicas('cap');
    const pools = [poolOf(a), poolOf(b)];
    const offered = LIMITS.conversationsPerUser + 200;
    const codes: number[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 24 }, async (_, worker) => {
        const stub = worker % 2 === 0 ? a : b;
        const dispatcher = pools[worker % 2] as Pool;
        while (next < offered) {
          const i = next++;
          const answer = await call(
            stub,
            'markContact',
            {
              From_Account: FROM,
              MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: `peer${i}` }, SetMark: [1] }],
            },
            { dispatcher },
          );
          expect(answer.ErrorCode, JSON.stringify(answer)).toBe(0);
          codes.push((answer.ResultItem as { ResultCode: number }[])[0]?.ResultCode as number);
        }
      }),
    );
    expect(codes.filter((c) => c === 0)).toHaveLength(LIMITS.conversationsPerUser);
    expect(codes.filter((c) => c === ErrorCode.CONVERSATION_LIMIT)).toHaveLength(200);
    expect((await exported(b)).marks[FROM]).toHaveLength(LIMITS.conversationsPerUser);
    // The other replica reads the same 1000: its last page is full and the last.
    const last = await call(a, 'getContactGroup', {
      From_Account: FROM,
      StartIndex: LIMITS.conversationsPerUser - LIMITS.getContactGroupPageSize,
    });
    expect(last.ContactItem).toHaveLength(LIMITS.getContactGroupPageSize);
    expect(last.CompleteFlag).toBe(1);
  });

  it('sets and clears of one conversation through both replicas: none is lost', async () => {
    const [a, b] = await replicas('setclear');
    const dispatchers = [poolOf(a), poolOf(b)];
    const positions = Array.from({ length: 60 }, (_, i) => i + 1);
    const item = (extra: Record<string, unknown>) => ({
      From_Account: FROM,
      MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user1' }, ...extra }],
    });
    const send = (i: number, body: unknown) =>
      call(i % 2 === 0 ? a : b, 'markContact', body, { dispatcher: dispatchers[i % 2] as Pool });
    // Every position set at once (each by its own call), then the odd ones cleared at once.
    const sets = await Promise.all(positions.map((p, i) => send(i, item({ SetMark: [p] }))));
    expect(sets.every((answer: Answer) => answer.ErrorCode === 0)).toBe(true);
    const odd = positions.filter((p) => p % 2 === 1);
    const clears = await Promise.all(odd.map((p, i) => send(i, item({ ClearMark: [p] }))));
    expect(clears.every((answer: Answer) => answer.ErrorCode === 0)).toBe(true);
    const page = await call(b, 'getContactGroup', { From_Account: FROM, StartIndex: 0 });
    // StandardMark is binary, position p the p-th digit from the right.
    const bits = (page.ContactItem as { StandardMark: string }[])[0]?.StandardMark ?? '';
    const set = positions.filter((p) => bits[bits.length - p] === '1');
    expect(set).toEqual(positions.filter((p) => p % 2 === 0));
  });

  it('conversation groups through both replicas: 20 per user, never more', async () => {
    const [a, b] = await replicas('groups');
    const answers = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        call(i % 2 === 0 ? a : b, 'createContactGroup', {
          From_Account: FROM,
          GroupContactItem: [{ GroupName: `g${i}`, ContactItem: [{ Type: 1, To_Account: `m${i}` }] }],
        }),
      ),
    );
    expect(answers.filter((answer) => answer.ErrorCode === 0)).toHaveLength(LIMITS.contactGroupsPerUser);
    const state = await exported(a);
    expect(state.contactGroups?.[FROM]?.GroupItem).toHaveLength(LIMITS.contactGroupsPerUser);
  });

  it('Redis killed under load: 50004 at once, no hang, no crash; back by itself with every acknowledged write', async () => {
    const [a] = await replicas('faults');
    const dispatcher = poolOf(a);
    const acknowledged = new Set<string>();
    const codes = new Map<number, number>();
    let slowest50004 = 0;
    let stop = false;
    let n = 0;
    const load = Promise.all(
      Array.from({ length: 8 }, async () => {
        while (!stop) {
          const to = `f${n++}`;
          const started = performance.now();
          const answer = await call(
            a,
            'markContact',
            {
              From_Account: FROM,
              MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: to }, SetMark: [2] }],
            },
            { dispatcher },
          );
          codes.set(answer.ErrorCode, (codes.get(answer.ErrorCode) ?? 0) + 1);
          if (answer.ErrorCode === 0) acknowledged.add(to);
          else if (answer.ErrorCode === ErrorCode.INTERNAL_ERROR) {
            slowest50004 = Math.max(slowest50004, performance.now() - started);
            await new Promise((r) => setTimeout(r, 5));
          }
          if (acknowledged.size >= 900) await new Promise((r) => setTimeout(r, 5));
        }
      }),
    );
    const waitUntil = async (what: () => boolean) => {
      for (let i = 0; i < 400 && !what(); i++) await new Promise((r) => setTimeout(r, 25));
    };
    await waitUntil(() => acknowledged.size >= 100);
    await node.kill();
    await waitUntil(() => (codes.get(ErrorCode.INTERNAL_ERROR) ?? 0) >= 20);
    const down = await controlRequest(a, 'GET', 'health');
    expect(down.body.store).toMatchObject({ kind: 'redis', state: 'reconnecting' });
    const before = acknowledged.size;
    await node.start();
    await waitUntil(() => acknowledged.size >= before + 100);
    stop = true;
    await load;
    console.log(
      `[redis faults] answers: ${JSON.stringify(Object.fromEntries(codes))}; slowest 50004 ${slowest50004.toFixed(1)} ms`,
    );
    // Only OK or the retryable 50004: nothing else, and the stub answered every call.
    expect([...codes.keys()].sort()).toEqual([0, ErrorCode.INTERNAL_ERROR]);
    expect(acknowledged.size).toBeGreaterThanOrEqual(before + 100);
    // Both of the stub's connections are back by themselves (health says so once they are).
    let up = await controlRequest(a, 'GET', 'health');
    for (let i = 0; i < 200 && (up.body.store as { state: string }).state !== 'connected'; i++) {
      await new Promise((r) => setTimeout(r, 25));
      up = await controlRequest(a, 'GET', 'health');
    }
    expect(up.body.store).toMatchObject({ kind: 'redis', state: 'connected', latencyMs: expect.any(Number) });
    const stored = new Set(
      ((await exported(a)).marks[FROM] ?? []).map((m) => m.To_Account).filter((to) => to?.startsWith('f')),
    );
    const lost = [...acknowledged].filter((to) => !stored.has(to));
    expect(lost).toEqual([]);
  });
  it('a stalled Redis: a call answers 50004 once the command timeout passes, never hangs; then answers again', async () => {
    const store = `${node.url}?prefix=stall:&commandTimeout=200`;
    const a = await testStub({ store, rateLimit: 0 });
    stubs.push(a);
    const mark = (to: string) =>
      call(a, 'markContact', {
        From_Account: FROM,
        MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: to }, SetMark: [3] }],
      });
    expect((await mark('s0')).ErrorCode).toBe(0);
    // CLIENT PAUSE holds every client's commands for 1.5 s: Redis accepts them and does not answer.
    execFileSync(REDIS_CLI, ['-p', String(node.port), 'CLIENT', 'PAUSE', '1500', 'ALL']);
    // Without the command timeout this call would wait out the pause and then succeed.
    expect((await mark('s1')).ErrorCode).toBe(ErrorCode.INTERNAL_ERROR);
    // create_group looks its owner up first, a store call within a store call: said once, not nested.
    const group = await call(a, 'createGroup', { Owner_Account: FROM, Type: 'Public', Name: 'paused' });
    expect(group.ErrorCode).toBe(ErrorCode.INTERNAL_ERROR);
    expect(group.ErrorInfo.match(/is unavailable/g)).toHaveLength(1);
    execFileSync(REDIS_CLI, ['-p', String(node.port), 'CLIENT', 'UNPAUSE']);
    expect((await mark('s2')).ErrorCode).toBe(0);
  });
});
