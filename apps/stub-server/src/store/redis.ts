// The Redis store (`--store redis://…`): the state every stub replica on one Redis shares. Each
// write of the API is one Lua script (redis-scripts.ts), loaded once and run by EVALSHA, so the
// 1000-conversation cap, set/clear of positions, custom marks and conversation groups stay exact
// however many replicas write at once.
//
// Keys and slots (Redis Cluster runs a script only when all its keys share one slot):
//   PREFIX{APP:USER}:a   the account flag: the user was imported (account_import)
//   PREFIX{APP:USER}:c   hash TYPE:ID → the conversation (see redis-scripts.ts)
//   PREFIX{APP:USER}:o   sorted set TYPE:ID → position in the first-marked order (ZCARD = the cap count)
//   PREFIX{APP:USER}:s   the counter positions are drawn from
//   PREFIX{APP:USER}:g   hash GroupId → GroupName of the user's conversation groups, and `next`
//   PREFIX{APP}:accounts sorted set of imported UserIDs in import order, and PREFIX{APP}:an its counter
//   PREFIX{APP}:groups   hash GroupId → SEQ|{Type,Name,Owner_Account} (create_group), PREFIX{APP}:gn
//   PREFIX{APP}:dissolved set of dissolved GroupIds
// A user's keys share the hash tag {APP:USER}, so every per-user script is one slot. Facts that are
// not per user never share a script with a user's keys:
// - account existence lives twice: the flag in the user's own slot (what the user's scripts check,
//   inside the same atomic step) and the app's index (only for the export; filtered by the flags).
//   Accounts are only ever added (until a reset), so checking an owner's flag before create_group
//   cannot be overtaken.
// - chat-group existence lives in the app's slot; a mark on a group conversation reads it first (one
//   script there), then runs the user's script with the answer. A destroy_group racing with a mark of
//   that group may thus let that one mark in just after the group dissolved; a dissolved group's
//   marks are kept anyway (as in the memory store), and every later mark is refused.
// reset and the state import are control-plane operations run user by user: not one atomic step.
import { createHash } from 'node:crypto';
import { LIMITS } from '@tim-marks/types';
import type { Cluster, Redis } from 'ioredis';
import { randomGroupId } from './memory.js';
import {
  connectionState,
  connectRedis,
  isUnavailable,
  type RedisClient,
  type RedisSpec,
} from './redis-connection.js';
import { type RedisRunner, redisRunner, type Script } from './redis-runner.js';
import {
  CONTACT_GROUP,
  CONTACT_PAGE,
  CREATE_GROUP,
  DESTROY_GROUP,
  GROUPS_ALIVE,
  INDEX_ACCOUNTS,
  MARK_CONTACT,
  SEARCH_CONTACTS,
  USER_DUMP,
} from './redis-scripts.js';
import type {
  AppState,
  ContactGroup,
  ContactGroupResult,
  ContactGroupsState,
  ContactPage,
  ContactRecord,
  ConversationType,
  CreateGroupResult,
  GroupRecord,
  MarkOp,
  MarkOutcome,
  MarkState,
  MemberOp,
  NewGroup,
  SearchResult,
  Store,
  StoreHealth,
} from './store.js';
import { contactRecordsOf, markStateOf, StoreUnavailable } from './store.js';

type Reply = unknown;

interface Scripts {
  markContact(...args: (string | number)[]): Promise<Reply>;
  contactPage(...args: (string | number)[]): Promise<Reply>;
  searchContacts(...args: (string | number)[]): Promise<Reply>;
  contactGroup(...args: (string | number)[]): Promise<Reply>;
  userDump(...args: (string | number)[]): Promise<Reply>;
  indexAccounts(...args: (string | number)[]): Promise<Reply>;
  createGroup(...args: (string | number)[]): Promise<Reply>;
  destroyGroup(...args: (string | number)[]): Promise<Reply>;
  groupsAlive(...args: (string | number)[]): Promise<Reply>;
}

const SCRIPTS: [keyof Scripts, number, string][] = [
  ['markContact', 4, MARK_CONTACT],
  ['contactPage', 4, CONTACT_PAGE],
  ['searchContacts', 3, SEARCH_CONTACTS],
  ['contactGroup', 5, CONTACT_GROUP],
  ['userDump', 4, USER_DUMP],
  ['indexAccounts', 2, INDEX_ACCOUNTS],
  ['createGroup', 2, CREATE_GROUP],
  ['destroyGroup', 2, DESTROY_GROUP],
  ['groupsAlive', 2, GROUPS_ALIVE],
];

/** The same scripts as run by the API's connection (scriptRunner): by name, with their SHA-1. */
const SCRIPT = Object.fromEntries(
  SCRIPTS.map(([name, numberOfKeys, lua]) => [
    name,
    { name, numberOfKeys, lua, sha: createHash('sha1').update(lua).digest('hex') },
  ]),
) as Record<keyof Scripts, Script>;

const OUTCOMES: MarkOutcome[] = ['applied', 'group-unresolved', 'conversation-limit'];
const NO_GROUPS = new Map<string, boolean>();

/** The mark script's answer: nil when the user was never imported, else one outcome code per op. */
function outcomesOf(answer: unknown): MarkOutcome[] | undefined {
  return answer === null ? undefined : (answer as number[]).map((n) => OUTCOMES[n] as MarkOutcome);
}

export interface RedisStoreOptions {
  /** Makes up a GroupId when create_group names none. */
  generateGroupId?: (group: NewGroup) => string;
  /** Told once per change of the connection (lost, back). */
  onConnectionChange?: (state: 'connected' | 'reconnecting', detail: string) => void;
}

/** The bulk connection's command timeout: an export or import of many users is one long script. */
const BULK_COMMAND_TIMEOUT_MS = 10_000;

export class RedisStore implements Store {
  /** Scripts and commands on the API's connection (redis-runner.ts: one write per event-loop turn). */
  private readonly api: RedisRunner;
  /** Scripts and commands on the bulk connection, for control-plane work too large for an API call's timeout. */
  private readonly onBulk: RedisRunner;
  private readonly generateGroupId: (group: NewGroup) => string;

  private constructor(
    /** API calls: fail-fast (short command timeout). */
    private readonly client: RedisClient,
    /** Control-plane bulk work (export, import, reset): may take longer than an API call. */
    private readonly bulk: RedisClient,
    private readonly spec: RedisSpec,
    options: RedisStoreOptions,
  ) {
    for (const c of [client, bulk]) {
      for (const [name, numberOfKeys, lua] of SCRIPTS) c.defineCommand(name, { numberOfKeys, lua });
    }
    this.api = redisRunner(client, spec.commandTimeoutMs);
    this.onBulk = redisRunner(bulk, BULK_COMMAND_TIMEOUT_MS);
    this.generateGroupId = options.generateGroupId ?? randomGroupId;
    let last: string | undefined;
    const report = (detail: string) => {
      const state = connectionState(client) === 'connected' ? 'connected' : 'reconnecting';
      if (state === last) return;
      last = state;
      options.onConnectionChange?.(state, detail);
    };
    // Without an 'error' listener a lost connection would throw out of the event loop and end the stub.
    for (const c of [client, bulk]) c.on('error', (error: Error) => c === client && report(error.message));
    client.on('ready', () => report('ready'));
    client.on('reconnecting', () => report('reconnecting'));
    client.on('close', () => report('connection closed'));
  }

  /** Connects (refusing to start when Redis cannot be reached) and loads the scripts. */
  static async connect(spec: RedisSpec, options: RedisStoreOptions = {}): Promise<RedisStore> {
    const client = await connectRedis(spec, {
      name: 'tim-marks-stub',
      commandTimeoutMs: spec.commandTimeoutMs,
    });
    let bulk: RedisClient;
    try {
      bulk = await connectRedis(spec, {
        name: 'tim-marks-stub-control',
        commandTimeoutMs: BULK_COMMAND_TIMEOUT_MS,
      });
    } catch (error) {
      client.disconnect();
      throw error;
    }
    return new RedisStore(client, bulk, spec, options);
  }

  get kind(): string {
    return this.client instanceof Object && 'nodes' in this.client ? 'redis-cluster' : 'redis';
  }

  private user(sdkAppId: number, from: string): string {
    return `${this.spec.prefix}{${sdkAppId}:${enc(from)}}:`;
  }

  private app(sdkAppId: number): string {
    return `${this.spec.prefix}{${sdkAppId}}:`;
  }

  /** Any Redis failure becomes StoreUnavailable: the API answers 50004 (retryable), never hangs. */
  private async call<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      return this.failed(error);
    }
  }

  /**
   * call's error path, for the hot paths that chain one .then instead of an async closure. A store
   * call made within another (createGroup's hasAccount, importApp's reset) failed already: as it is.
   */
  private readonly failed = (error: unknown): never => {
    if (error instanceof StoreUnavailable) throw error;
    throw new StoreUnavailable(
      isUnavailable(error)
        ? `the store (Redis at ${this.spec.display}) is unavailable: ${(error as Error).message}`
        : `the store (Redis) failed: ${(error as Error).message}`,
    );
  };

  importAccounts(sdkAppId: number, userIds: readonly string[]): Promise<void> {
    return this.call(async () => {
      if (userIds.length === 0) return;
      const app = this.app(sdkAppId);
      // Over 100 accounts (a control-plane import) on the bulk connection, else the API one.
      const { script, command } = userIds.length > 100 ? this.onBulk : this.api;
      // The index first: an account it lists whose flag was not written is filtered out on export.
      for (let i = 0; i < userIds.length; i += 1000) {
        const ids = userIds.slice(i, i + 1000).map(enc);
        await script(SCRIPT.indexAccounts, [`${app}accounts`, `${app}an`, ...ids]);
      }
      await Promise.all(userIds.map((id) => command('set', [`${this.user(sdkAppId, id)}a`, '1'])));
    });
  }

  hasAccount(sdkAppId: number, userId: string): Promise<boolean> {
    return this.call(
      async () => (await this.api.command('exists', [`${this.user(sdkAppId, userId)}a`])) === 1,
    );
  }

  createGroup(sdkAppId: number, group: NewGroup): Promise<CreateGroupResult> {
    return this.call(async () => {
      if (group.Owner_Account !== undefined && !(await this.hasAccount(sdkAppId, group.Owner_Account))) {
        return { outcome: 'owner-unknown' };
      }
      const app = this.app(sdkAppId);
      const record: Omit<GroupRecord, 'GroupId' | 'dissolved'> = { Type: group.Type, Name: group.Name };
      if (group.Owner_Account !== undefined) record.Owner_Account = group.Owner_Account;
      const json = JSON.stringify(record);
      if (group.GroupId !== undefined) {
        const created = await this.api.script(SCRIPT.createGroup, [
          `${app}groups`,
          `${app}gn`,
          enc(group.GroupId),
          json,
        ]);
        return created === 1 ? { outcome: 'created', GroupId: group.GroupId } : { outcome: 'in-use' };
      }
      for (;;) {
        const id = this.generateGroupId(group);
        if ((await this.api.script(SCRIPT.createGroup, [`${app}groups`, `${app}gn`, enc(id), json])) === 1) {
          return { outcome: 'created', GroupId: id };
        }
      }
    });
  }

  destroyGroup(sdkAppId: number, groupId: string): Promise<boolean> {
    return this.call(async () => {
      const app = this.app(sdkAppId);
      return (
        (await this.api.script(SCRIPT.destroyGroup, [`${app}groups`, `${app}dissolved`, enc(groupId)])) === 1
      );
    });
  }

  /** Which of the group ids name a live group (one read in the app's slot). */
  private async alive(sdkAppId: number, ids: string[]): Promise<Map<string, boolean>> {
    const result = new Map<string, boolean>();
    if (ids.length === 0) return result;
    const unique = [...new Set(ids)];
    const app = this.app(sdkAppId);
    const answer = (await this.api.script(SCRIPT.groupsAlive, [
      `${app}groups`,
      `${app}dissolved`,
      ...unique.map(enc),
    ])) as number[];
    unique.forEach((id, i) => {
      result.set(id, answer[i] === 1);
    });
    return result;
  }

  applyMarks(
    sdkAppId: number,
    from: string,
    ops: readonly MarkOp[],
    nowSeconds: number,
  ): Promise<MarkOutcome[] | undefined> {
    const groupIds: string[] = [];
    for (const op of ops) if (op.type === 2) groupIds.push(op.id);
    if (groupIds.length > 0) {
      return this.call(async () =>
        outcomesOf(
          await this.markScript(sdkAppId, from, ops, nowSeconds, await this.alive(sdkAppId, groupIds)),
        ),
      );
    }
    // No group conversation (the common case): one script call, one .then, no async closure.
    return this.markScript(sdkAppId, from, ops, nowSeconds, NO_GROUPS).then(outcomesOf, this.failed);
  }

  private markScript(
    sdkAppId: number,
    from: string,
    ops: readonly MarkOp[],
    nowSeconds: number,
    groups: Map<string, boolean>,
  ): Promise<unknown> {
    const u = this.user(sdkAppId, from);
    const args: (string | number)[] = [
      `${u}a`,
      `${u}c`,
      `${u}o`,
      `${u}s`,
      nowSeconds,
      LIMITS.conversationsPerUser,
    ];
    for (const op of ops) {
      args.push(
        `${op.type}:${enc(op.id)}`,
        op.type === 1 || groups.get(op.id) ? 1 : 0,
        op.setHi,
        op.setLo,
        op.clearHi,
        op.clearLo,
        op.custom === undefined ? 'k' : 's',
        enc(op.custom ?? ''),
      );
    }
    return this.api.script(SCRIPT.markContact, args);
  }

  getContacts(
    sdkAppId: number,
    from: string,
    start: number,
    count: number,
  ): Promise<ContactPage | undefined> {
    const u = this.user(sdkAppId, from);
    return this.api
      .script(SCRIPT.contactPage, [`${u}a`, `${u}c`, `${u}o`, `${u}g`, start, count])
      .then(pageOf, this.failed);
  }

  searchContacts(
    sdkAppId: number,
    from: string,
    conversations: readonly { type: ConversationType; id: string }[],
  ): Promise<SearchResult | undefined> {
    return this.call(async () => {
      const u = this.user(sdkAppId, from);
      const fields = [...new Set(conversations.map(({ type, id }) => `${type}:${enc(id)}`))];
      const answer = (await this.api.script(SCRIPT.searchContacts, [`${u}a`, `${u}c`, `${u}g`, ...fields])) as
        | [(string | null)[], string[]]
        | null;
      if (answer === null) return undefined;
      const [values, groupHash] = answer;
      const items: ContactRecord[] = [];
      fields.forEach((field, i) => {
        const value = values[i];
        if (value !== null && value !== undefined) items.push(recordOf(field, value));
      });
      return { items, groups: groupList(groupHash) };
    });
  }

  private async contactGroup(
    sdkAppId: number,
    from: string,
    action: 'create' | 'rename' | 'members' | 'del',
    name: string,
    newName: string,
    members: readonly MemberOp[],
    nowSeconds: number,
  ): Promise<ContactGroupResult> {
    return this.call(async () => {
      const groups = await this.alive(
        sdkAppId,
        members.filter((m) => m.type === 2 && m.add).map((m) => m.id),
      );
      const u = this.user(sdkAppId, from);
      const args: (string | number)[] = [
        `${u}a`,
        `${u}c`,
        `${u}o`,
        `${u}s`,
        `${u}g`,
        nowSeconds,
        LIMITS.conversationsPerUser,
        LIMITS.contactGroupsPerUser,
        action,
        enc(name),
        enc(newName),
      ];
      for (const m of members) {
        args.push(
          `${m.type}:${enc(m.id)}`,
          m.type === 1 || !m.add || groups.get(m.id) ? 1 : 0,
          m.add ? 1 : 0,
        );
      }
      const answer = (await this.api.script(SCRIPT.contactGroup, args)) as [
        string,
        number?,
        string?,
        ...number[],
      ];
      const [outcome, GroupId, GroupName, ...rest] = answer;
      if (outcome !== 'done') return { outcome } as ContactGroupResult;
      return {
        outcome: 'done',
        group: { GroupName: dec(String(GroupName)), GroupId: Number(GroupId) },
        members: rest.map((n) => OUTCOMES[n] as MarkOutcome),
      };
    });
  }

  createContactGroup(
    sdkAppId: number,
    from: string,
    name: string,
    members: readonly MemberOp[],
    nowSeconds: number,
  ): Promise<ContactGroupResult> {
    return this.contactGroup(sdkAppId, from, 'create', name, '', members, nowSeconds);
  }

  updateContactGroup(
    sdkAppId: number,
    from: string,
    oldName: string,
    change: { newName: string } | { members: readonly MemberOp[] },
    nowSeconds: number,
  ): Promise<ContactGroupResult> {
    return 'newName' in change
      ? this.contactGroup(sdkAppId, from, 'rename', oldName, change.newName, [], nowSeconds)
      : this.contactGroup(sdkAppId, from, 'members', oldName, '', change.members, nowSeconds);
  }

  delContactGroup(
    sdkAppId: number,
    from: string,
    name: string,
    nowSeconds: number,
  ): Promise<ContactGroupResult> {
    return this.contactGroup(sdkAppId, from, 'del', name, '', [], nowSeconds);
  }

  /** Every UserID in the app's index (import order), including any whose flag write failed. */
  private async indexed(sdkAppId: number): Promise<string[]> {
    return (await this.bulk.zrange(`${this.app(sdkAppId)}accounts`, '0', '-1')).map(dec);
  }

  reset(sdkAppId: number): Promise<void> {
    return this.call(async () => {
      const app = this.app(sdkAppId);
      const users = await this.indexed(sdkAppId);
      await inChunks(users, (from) => {
        const u = this.user(sdkAppId, from);
        // One user's keys share a slot: one DEL, also on a Cluster.
        return this.bulk.del(`${u}a`, `${u}c`, `${u}o`, `${u}s`, `${u}g`);
      });
      await this.bulk.del(`${app}accounts`, `${app}an`, `${app}groups`, `${app}gn`, `${app}dissolved`);
    });
  }

  exportApp(sdkAppId: number): Promise<AppState> {
    return this.call(async () => {
      const app = this.app(sdkAppId);
      const users = await this.indexed(sdkAppId);
      const bulk = this.bulk as unknown as Scripts;
      const dumps = new Map<string, [string[], string[], string[]]>();
      await inChunks(users, async (from) => {
        const u = this.user(sdkAppId, from);
        const dump = (await bulk.userDump(`${u}a`, `${u}c`, `${u}o`, `${u}g`)) as
          | [string[], string[], string[]]
          | null;
        if (dump !== null) dumps.set(from, dump);
      });
      const accounts = users.filter((from) => dumps.has(from));
      const marks: Record<string, MarkState[]> = Object.create(null);
      const contactGroups: Record<string, ContactGroupsState> = Object.create(null);
      for (const from of accounts) {
        const [order, hash, groupHash] = dumps.get(from) as [string[], string[], string[]];
        const values = new Map<string, string>();
        for (let i = 0; i < hash.length; i += 2) values.set(hash[i] as string, hash[i + 1] as string);
        const list: MarkState[] = [];
        for (const field of order) {
          const value = values.get(field);
          if (value === undefined) continue;
          const record = recordOf(field, value);
          list.push(markStateOf(record.type, record.id, record, list.length));
        }
        if (list.length > 0) marks[from] = list;
        if (groupHash.length > 0) {
          // Fields are GroupIds and `next` (a GroupName may be "next" too: only fields are looked at).
          let next = 1;
          for (let i = 0; i < groupHash.length; i += 2)
            if (groupHash[i] === 'next') next = Number(groupHash[i + 1]);
          contactGroups[from] = { NextGroupId: next, GroupItem: groupList(groupHash) };
        }
      }
      const groupHash = await this.bulk.hgetall(`${app}groups`);
      const dissolved = new Set(await this.bulk.smembers(`${app}dissolved`));
      const groups = Object.entries(groupHash)
        .map(([GroupId, value]) => {
          const bar = value.indexOf('|');
          const record = JSON.parse(value.slice(bar + 1)) as Omit<GroupRecord, 'GroupId' | 'dissolved'>;
          return {
            seq: Number(value.slice(0, bar)),
            record: { GroupId: dec(GroupId), ...record, dissolved: dissolved.has(GroupId) },
          };
        })
        .sort((a, b) => a.seq - b.seq)
        .map(({ record }) => record as GroupRecord);
      const state: AppState = { sdkAppId, accounts, groups, marks };
      if (Object.keys(contactGroups).length > 0) state.contactGroups = contactGroups;
      return state;
    });
  }

  importApp(state: AppState): Promise<void> {
    return this.call(async () => {
      await this.reset(state.sdkAppId);
      const { sdkAppId } = state;
      const app = this.app(sdkAppId);
      await this.importAccounts(sdkAppId, state.accounts);
      // Creation order survives: sequence numbers in list order.
      const groups = this.bulk.multi();
      state.groups.forEach((group, i) => {
        const record: Omit<GroupRecord, 'GroupId' | 'dissolved'> = { Type: group.Type, Name: group.Name };
        if (group.Owner_Account !== undefined) record.Owner_Account = group.Owner_Account;
        groups.hset(`${app}groups`, enc(group.GroupId), `${i + 1}|${JSON.stringify(record)}`);
        if (group.dissolved) groups.sadd(`${app}dissolved`, enc(group.GroupId));
      });
      groups.set(`${app}gn`, String(state.groups.length));
      await groups.exec();
      const users = new Set([...Object.keys(state.marks), ...Object.keys(state.contactGroups ?? {})]);
      await inChunks([...users], async (from) => {
        const u = this.user(sdkAppId, from);
        const write = this.bulk.multi();
        const list = contactRecordsOf(state.marks[from] ?? []);
        list.forEach((r, i) => {
          const field = `${r.type}:${enc(r.id)}`;
          const groupIds = [...(r.groups ?? [])].sort((a, b) => a - b).join(',');
          write.hset(`${u}c`, field, `${r.hi}:${r.lo}:${r.timestamp}:${groupIds}:${enc(r.custom ?? '')}`);
          write.zadd(`${u}o`, i + 1, field);
        });
        write.set(`${u}s`, list.length);
        const groups = state.contactGroups?.[from];
        if (groups !== undefined) {
          write.hset(`${u}g`, 'next', groups.NextGroupId);
          for (const g of groups.GroupItem) write.hset(`${u}g`, g.GroupId, enc(g.GroupName));
        }
        await write.exec();
      });
    });
  }

  /** For /__stub/health: the kind of store, whether it is connected, and a PING's round trip. */
  async health(): Promise<StoreHealth> {
    // Both connections: the API's and the control plane's (export, import, reset).
    const api = connectionState(this.client);
    const state = api === 'connected' ? connectionState(this.bulk) : api;
    const base = { kind: this.kind, url: this.spec.display, state } as StoreHealth;
    if (state !== 'connected') return base;
    const started = performance.now();
    try {
      await (this.client as Redis).ping();
      return { ...base, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
    } catch (error) {
      return { ...base, state: 'reconnecting', error: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    for (const c of [this.client, this.bulk]) {
      try {
        await (c as Redis | Cluster).quit();
      } catch {
        c.disconnect();
      }
    }
  }
}

/**
 * Redis keeps bytes, and a JavaScript string with a lone surrogate (valid in the API's JSON: `\ud800`)
 * has no UTF-8 form: it would come back as U+FFFD, another string. Such a string is kept as \x01 +
 * its JSON text (ASCII escapes, so lossless); a string that starts with \x01 is kept that way too, so
 * the encoding stays one-to-one. Every other string (all of them, in practice) is kept as it is.
 */
function enc(text: string): string {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed() && text.charCodeAt(0) !== 1
    ? text
    : `\x01${JSON.stringify(text)}`;
}

function dec(text: string): string {
  return text.charCodeAt(0) === 1 ? (JSON.parse(text.slice(1)) as string) : text;
}

/** Runs `each` over the items, 64 at a time (bounded memory and in-flight commands). */
async function inChunks<T>(items: readonly T[], each: (item: T) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < items.length; i += 64) await Promise.all(items.slice(i, i + 64).map(each));
}

function recordOf(field: string, value: string): ContactRecord {
  // HI:LO:TIMESTAMP:GROUPIDS:CUSTOM; CUSTOM (last) may contain ':'.
  const a = value.indexOf(':');
  const b = value.indexOf(':', a + 1);
  const c = value.indexOf(':', b + 1);
  const d = value.indexOf(':', c + 1);
  const groups = value.slice(c + 1, d);
  const custom = value.slice(d + 1);
  return {
    type: field.charCodeAt(0) === 49 /* 1 */ ? 1 : 2,
    id: dec(field.slice(2)),
    hi: Number(value.slice(0, a)),
    lo: Number(value.slice(a + 1, b)),
    custom: custom === '' ? undefined : dec(custom),
    timestamp: Number(value.slice(b + 1, c)),
    groups: groups === '' ? undefined : groups.split(',').map(Number),
  };
}

/** The page script's answer: nil when never imported, else {total, fields, values, group hash}. */
function pageOf(reply: unknown): ContactPage | undefined {
  if (reply === null) return undefined;
  const [total, fields, values, groupHash] = reply as [number, string[], (string | null)[], string[]];
  const items: ContactRecord[] = [];
  for (let i = 0; i < fields.length; i++) {
    const value = values[i];
    if (value !== null && value !== undefined) items.push(recordOf(fields[i] as string, value));
  }
  return { total, items, groups: groupList(groupHash) };
}

/** A user's group hash (GroupId → GroupName, and `next`) as GroupItem, in GroupId order. */
function groupList(hash: readonly string[]): ContactGroup[] {
  const list: ContactGroup[] = [];
  for (let i = 0; i < hash.length; i += 2) {
    if (hash[i] === 'next') continue;
    list.push({ GroupName: dec(hash[i + 1] as string), GroupId: Number(hash[i]) });
  }
  return list.sort((x, y) => x.GroupId - y.GroupId);
}
