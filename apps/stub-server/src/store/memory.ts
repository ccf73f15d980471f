// The in-memory store. Layout chosen for 1,000,000 marks in well under 400 MB: per user one
// Map<number, Conversation> whose keys are interned conversation ids (a small integer per distinct
// To_Account / ToGroupId, times two, plus the type) and whose values hold the mark as two int32
// halves (Smis), the custom mark and the timestamp. A Map iterates in insertion order, which is
// the first-marked order get_contact_group pages by; a conversation removed and marked again
// goes to the end, as a new first mark should.
import { randomInt } from 'node:crypto';
import { LIMITS } from '@tim-marks/types';
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
} from './store.js';
import { contactRecordsOf, markStateOf } from './store.js';

/**
 * The final state of one conversation after a write: [Type, id, hi, lo, CustomMark or null, Timestamp,
 * ContactGroupId?]. Without the seventh element the conversation keeps its conversation groups (a
 * mark write); with it, they become exactly those ids ([] = none).
 */
export type ConversationChange = [ConversationType, string, number, number, string | null, number, number[]?];

/** An acknowledged write, as the journal records it (its effect, so that replaying it is idempotent). */
export type JournalEntry =
  | { t: 'accounts'; a: number; ids: string[] }
  | { t: 'group'; a: number; g: GroupRecord }
  | { t: 'dissolve'; a: number; id: string }
  | { t: 'marks'; a: number; f: string; c: ConversationChange[] }
  /** A user's conversation groups after a group write (next id, [GroupId, GroupName] list) and its membership changes. */
  | { t: 'cgroups'; a: number; f: string; n: number; g: [number, string][]; c: ConversationChange[] }
  | { t: 'reset'; a: number }
  | { t: 'import'; s: AppState };

export interface MemoryStoreOptions {
  /**
   * Called synchronously with every write's effect BEFORE memory changes (the journal hooks in here).
   * If it throws, the operation throws and nothing changed: a write the journal could not take is
   * never visible, so a retry of it meets the state as it was.
   */
  onWrite?: (entry: JournalEntry) => void;
  /** Makes up a GroupId when create_group names none. */
  generateGroupId?: (group: NewGroup) => string;
}

class Conversation {
  constructor(
    public hi: number,
    public lo: number,
    public custom: string | undefined,
    public timestamp: number,
    /** The ids of the user's conversation groups holding it, ascending; undefined when none. */
    public groups: number[] | undefined = undefined,
  ) {}
}

/** One user's conversation groups: GroupId → GroupName in id order, and the id the next one gets. */
class UserGroups {
  constructor(
    public next: number,
    public readonly names: Map<number, string>,
  ) {}

  idOf(name: string): number | undefined {
    for (const [id, n] of this.names) if (n === name) return id;
    return undefined;
  }

  list(): ContactGroup[] {
    return [...this.names].map(([GroupId, GroupName]) => ({ GroupName, GroupId }));
  }
}

class AppData {
  readonly accounts = new Set<string>();
  readonly groups = new Map<string, GroupRecord>();
  readonly users = new Map<string, Map<number, Conversation>>();
  /** By From_Account (a Map, so `__proto__` is a user like any other). */
  readonly contactGroups = new Map<string, UserGroups>();
  private nameIds = new Map<string, number>();
  private names: string[] = [];
  /** Conversations stored across all users: the interning table is rebuilt when it outgrows them. */
  total = 0;

  /** The key of a known conversation id, or -1 when the id was never stored. */
  find(type: ConversationType, id: string): number {
    const n = this.nameIds.get(id);
    return n === undefined ? -1 : n * 2 + (type - 1);
  }

  key(type: ConversationType, id: string): number {
    let n = this.nameIds.get(id);
    if (n === undefined) {
      n = this.names.length;
      this.names.push(id);
      this.nameIds.set(id, n);
    }
    return n * 2 + (type - 1);
  }

  typeOf(key: number): ConversationType {
    return (key & 1) === 0 ? 1 : 2;
  }

  idOf(key: number): string {
    return this.names[key >> 1] as string;
  }

  /**
   * Interned ids are never freed one by one (a free list would cost every write); instead, once the
   * table holds more than twice the stored conversations (plus some slack), it is rebuilt from the
   * users' maps, keeping their order. Each rebuild costs O(stored) after at least that many writes, so
   * churn (mark then clear many distinct ids) costs O(1) per write and memory returns to its baseline.
   */
  releaseUnusedNames(): void {
    if (this.names.length <= 2 * this.total + 1024) return;
    const names: string[] = [];
    const nameIds = new Map<string, number>();
    for (const [from, marks] of this.users) {
      if (marks.size === 0) {
        this.users.delete(from);
        continue;
      }
      const rekeyed = new Map<number, Conversation>();
      for (const [key, conv] of marks) {
        const id = this.names[key >> 1] as string;
        let n = nameIds.get(id);
        if (n === undefined) {
          n = names.length;
          names.push(id);
          nameIds.set(id, n);
        }
        rekeyed.set(n * 2 + (key & 1), conv);
      }
      this.users.set(from, rekeyed);
    }
    this.names = names;
    this.nameIds = nameIds;
  }

  userMarks(from: string): Map<number, Conversation> {
    let marks = this.users.get(from);
    if (marks === undefined) {
      marks = new Map();
      this.users.set(from, marks);
    }
    return marks;
  }
}

const GROUP_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** `@TGS#2` and eight letters or digits, the shape of the ids Tencent makes up. */
export function randomGroupId(): string {
  let id = '@TGS#2';
  for (let i = 0; i < 8; i++) id += GROUP_ID_ALPHABET[randomInt(GROUP_ID_ALPHABET.length)];
  return id;
}

export class MemoryStore implements Store {
  private readonly apps = new Map<number, AppData>();
  private onWrite: ((entry: JournalEntry) => void) | undefined;
  private readonly generateGroupId: (group: NewGroup) => string;

  constructor(options: MemoryStoreOptions = {}) {
    this.onWrite = options.onWrite;
    this.generateGroupId = options.generateGroupId ?? randomGroupId;
  }

  /** Sets (or removes) the write hook; the durability layer attaches itself after replaying the journal. */
  setWriteHook(onWrite: ((entry: JournalEntry) => void) | undefined): void {
    this.onWrite = onWrite;
  }

  private app(sdkAppId: number): AppData {
    let data = this.apps.get(sdkAppId);
    if (data === undefined) {
      data = new AppData();
      this.apps.set(sdkAppId, data);
    }
    return data;
  }

  /** Every write: its effect is journaled first (which may throw), then applied exactly as a replay would. */
  private commit(entry: JournalEntry): void {
    this.onWrite?.(entry);
    this.replay(entry);
  }

  importAccounts(sdkAppId: number, userIds: readonly string[]): void {
    const data = this.app(sdkAppId);
    const added = new Set<string>();
    for (const id of userIds) if (!data.accounts.has(id)) added.add(id);
    if (added.size > 0) this.commit({ t: 'accounts', a: sdkAppId, ids: [...added] });
  }

  hasAccount(sdkAppId: number, userId: string): boolean {
    return this.app(sdkAppId).accounts.has(userId);
  }

  createGroup(sdkAppId: number, group: NewGroup): CreateGroupResult {
    const data = this.app(sdkAppId);
    if (group.Owner_Account !== undefined && !data.accounts.has(group.Owner_Account)) {
      return { outcome: 'owner-unknown' };
    }
    let groupId = group.GroupId;
    if (groupId === undefined) {
      do groupId = this.generateGroupId(group);
      while (data.groups.has(groupId));
    } else if (data.groups.has(groupId)) {
      // A dissolved group keeps its id: marks stored for it still name it.
      return { outcome: 'in-use' };
    }
    const record: GroupRecord = { GroupId: groupId, Type: group.Type, Name: group.Name, dissolved: false };
    if (group.Owner_Account !== undefined) record.Owner_Account = group.Owner_Account;
    this.commit({ t: 'group', a: sdkAppId, g: record });
    return { outcome: 'created', GroupId: groupId };
  }

  destroyGroup(sdkAppId: number, groupId: string): boolean {
    const group = this.app(sdkAppId).groups.get(groupId);
    if (group === undefined || group.dissolved) return false;
    this.commit({ t: 'dissolve', a: sdkAppId, id: groupId });
    return true;
  }

  applyMarks(
    sdkAppId: number,
    from: string,
    ops: readonly MarkOp[],
    nowSeconds: number,
  ): MarkOutcome[] | undefined {
    const data = this.app(sdkAppId);
    if (!data.accounts.has(from)) return undefined;
    if (this.onWrite === undefined) return applyInPlace(data, from, ops, nowSeconds);
    const marks = data.users.get(from);
    const outcomes: MarkOutcome[] = new Array(ops.length);
    const changes: ConversationChange[] = [];
    // The call is planned against memory plus what its earlier items changed (`pending`, by
    // conversation; null = removed), so that it can be journaled before anything in memory moves.
    // Keyed by the interned key when the id is known (no string built on the usual path), else by
    // type and id.
    let pending: Map<number | string, ConversationChange | null> | undefined;
    let size = marks?.size ?? 0;
    for (let i = 0; i < ops.length; i++) {
      const op = ops[i] as MarkOp;
      if (op.type === 2) {
        const group = data.groups.get(op.id);
        if (group === undefined || group.dissolved) {
          outcomes[i] = 'group-unresolved';
          continue;
        }
      }
      const found = data.find(op.type, op.id);
      const name = found >= 0 ? found : `${op.type}${op.id}`;
      const planned = pending?.get(name);
      let curHi = 0;
      let curLo = 0;
      let curCustom: string | undefined;
      let exists = false;
      if (planned !== undefined) {
        if (planned !== null) {
          exists = true;
          curHi = planned[2];
          curLo = planned[3];
          curCustom = planned[4] ?? undefined;
        }
      } else if (marks !== undefined && found >= 0) {
        const current = marks.get(found);
        if (current !== undefined) {
          exists = true;
          curHi = current.hi;
          curLo = current.lo;
          curCustom = current.custom;
        }
      }
      // A mark write never changes conversation groups: a grouped conversation stays without marks.
      const grouped = found >= 0 && marks?.get(found)?.groups !== undefined;
      const hi = (curHi | op.setHi) & ~op.clearHi;
      const lo = (curLo | op.setLo) & ~op.clearLo;
      const custom = op.custom === undefined ? curCustom : op.custom === '' ? undefined : op.custom;
      const empty = hi === 0 && lo === 0 && custom === undefined && !grouped;
      const change: ConversationChange = [op.type, op.id, hi, lo, custom ?? null, nowSeconds];
      if (!exists && !empty) {
        if (size >= LIMITS.conversationsPerUser) {
          outcomes[i] = 'conversation-limit';
          continue;
        }
        size++;
      } else if (exists && empty) size--;
      if (ops.length > 1) {
        pending ??= new Map();
        pending.set(name, empty ? null : change);
      }
      outcomes[i] = 'applied';
      changes.push(change);
    }
    if (changes.length > 0) this.commit({ t: 'marks', a: sdkAppId, f: from, c: changes });
    return outcomes;
  }

  getContacts(sdkAppId: number, from: string, start: number, count: number): ContactPage | undefined {
    const data = this.app(sdkAppId);
    if (!data.accounts.has(from)) return undefined;
    const marks = data.users.get(from);
    const total = marks?.size ?? 0;
    const items: ContactRecord[] = [];
    const groups = data.contactGroups.get(from)?.list() ?? [];
    if (marks === undefined || start >= total) return { total, items, groups };
    let index = 0;
    for (const [key, conv] of marks) {
      if (index++ < start) continue;
      items.push(recordOf(data, key, conv));
      if (items.length === count) break;
    }
    return { total, items, groups };
  }

  searchContacts(
    sdkAppId: number,
    from: string,
    conversations: readonly { type: ConversationType; id: string }[],
  ): SearchResult | undefined {
    const data = this.app(sdkAppId);
    if (!data.accounts.has(from)) return undefined;
    const marks = data.users.get(from);
    const items: ContactRecord[] = [];
    const seen = new Set<number>();
    for (const { type, id } of conversations) {
      const key = data.find(type, id);
      if (key < 0 || seen.has(key)) continue;
      const conv = marks?.get(key);
      if (conv === undefined) continue;
      seen.add(key);
      items.push(recordOf(data, key, conv));
    }
    return { items, groups: data.contactGroups.get(from)?.list() ?? [] };
  }

  createContactGroup(
    sdkAppId: number,
    from: string,
    name: string,
    members: readonly MemberOp[],
    nowSeconds: number,
  ): ContactGroupResult {
    const data = this.app(sdkAppId);
    if (!data.accounts.has(from)) return { outcome: 'not-imported' };
    const user = data.contactGroups.get(from);
    if (user?.idOf(name) !== undefined) return { outcome: 'name-taken' };
    if ((user?.names.size ?? 0) >= LIMITS.contactGroupsPerUser) return { outcome: 'too-many' };
    const groupId = user?.next ?? 1;
    const plan = planMembers(data, from, groupId, members, nowSeconds);
    const g: [number, string][] = [...(user?.names ?? []), [groupId, name]];
    this.commit({ t: 'cgroups', a: sdkAppId, f: from, n: groupId + 1, g, c: plan.changes });
    return { outcome: 'done', group: { GroupName: name, GroupId: groupId }, members: plan.outcomes };
  }

  updateContactGroup(
    sdkAppId: number,
    from: string,
    oldName: string,
    change: { newName: string } | { members: readonly MemberOp[] },
    nowSeconds: number,
  ): ContactGroupResult {
    const data = this.app(sdkAppId);
    if (!data.accounts.has(from)) return { outcome: 'not-imported' };
    const user = data.contactGroups.get(from);
    const groupId = user?.idOf(oldName);
    if (user === undefined || groupId === undefined) return { outcome: 'not-found' };
    if ('newName' in change) {
      const { newName } = change;
      if (newName === oldName) {
        return { outcome: 'done', group: { GroupName: oldName, GroupId: groupId }, members: [] };
      }
      if (user.idOf(newName) !== undefined) return { outcome: 'name-taken' };
      const g: [number, string][] = [...user.names].map(([id, n]) => [id, id === groupId ? newName : n]);
      this.commit({ t: 'cgroups', a: sdkAppId, f: from, n: user.next, g, c: [] });
      return { outcome: 'done', group: { GroupName: newName, GroupId: groupId }, members: [] };
    }
    const plan = planMembers(data, from, groupId, change.members, nowSeconds);
    if (plan.changes.length > 0) {
      this.commit({ t: 'cgroups', a: sdkAppId, f: from, n: user.next, g: [...user.names], c: plan.changes });
    }
    return { outcome: 'done', group: { GroupName: oldName, GroupId: groupId }, members: plan.outcomes };
  }

  delContactGroup(sdkAppId: number, from: string, name: string, nowSeconds: number): ContactGroupResult {
    const data = this.app(sdkAppId);
    if (!data.accounts.has(from)) return { outcome: 'not-imported' };
    const user = data.contactGroups.get(from);
    const groupId = user?.idOf(name);
    if (user === undefined || groupId === undefined) return { outcome: 'not-found' };
    const changes: ConversationChange[] = [];
    for (const [key, conv] of data.users.get(from) ?? []) {
      if (conv.groups === undefined || !conv.groups.includes(groupId)) continue;
      const groups = conv.groups.filter((id) => id !== groupId);
      changes.push([
        data.typeOf(key),
        data.idOf(key),
        conv.hi,
        conv.lo,
        conv.custom ?? null,
        nowSeconds,
        groups,
      ]);
    }
    const g = [...user.names].filter(([id]) => id !== groupId);
    this.commit({ t: 'cgroups', a: sdkAppId, f: from, n: user.next, g, c: changes });
    return { outcome: 'done', group: { GroupName: name, GroupId: groupId }, members: [] };
  }

  reset(sdkAppId: number): void {
    this.commit({ t: 'reset', a: sdkAppId });
  }

  exportApp(sdkAppId: number): AppState {
    const data = this.app(sdkAppId);
    // Keys are From_Account values: a null-prototype object, so that `__proto__` is a key like any other.
    const marks: Record<string, MarkState[]> = Object.create(null);
    for (const [from, conversations] of data.users) {
      if (conversations.size === 0) continue;
      const list: MarkState[] = [];
      for (const [key, conv] of conversations) {
        list.push(markStateOf(data.typeOf(key), data.idOf(key), conv, list.length));
      }
      marks[from] = list;
    }
    const contactGroups: Record<string, ContactGroupsState> = Object.create(null);
    for (const [from, user] of data.contactGroups) {
      contactGroups[from] = { NextGroupId: user.next, GroupItem: user.list() };
    }
    const state: AppState = {
      sdkAppId,
      accounts: [...data.accounts],
      groups: [...data.groups.values()].map((g) => ({ ...g })),
      marks,
    };
    // Left out when no user has a group, so that states without groups read as before.
    if (data.contactGroups.size > 0) state.contactGroups = contactGroups;
    return state;
  }

  /**
   * The app's state as journal records, every line bounded (the snapshot of a compaction): an empty
   * import, accounts in chunks, one record per group, one `marks` record per user in first-marked order.
   */
  *snapshotRecords(sdkAppId: number): Generator<JournalEntry> {
    const data = this.app(sdkAppId);
    yield { t: 'import', s: { sdkAppId, accounts: [], groups: [], marks: Object.create(null) } };
    let chunk: string[] = [];
    for (const id of data.accounts) {
      chunk.push(id);
      if (chunk.length === SNAPSHOT_ACCOUNTS_PER_RECORD) {
        yield { t: 'accounts', a: sdkAppId, ids: chunk };
        chunk = [];
      }
    }
    if (chunk.length > 0) yield { t: 'accounts', a: sdkAppId, ids: chunk };
    for (const group of data.groups.values()) yield { t: 'group', a: sdkAppId, g: { ...group } };
    for (const [from, user] of data.contactGroups) {
      yield { t: 'cgroups', a: sdkAppId, f: from, n: user.next, g: [...user.names], c: [] };
    }
    for (const [from, conversations] of data.users) {
      if (conversations.size === 0) continue;
      const c: ConversationChange[] = [];
      for (const [key, conv] of conversations) {
        const change: ConversationChange = [
          data.typeOf(key),
          data.idOf(key),
          conv.hi,
          conv.lo,
          conv.custom ?? null,
          conv.timestamp,
        ];
        if (conv.groups !== undefined) change.push([...conv.groups]);
        c.push(change);
      }
      yield { t: 'marks', a: sdkAppId, f: from, c };
    }
  }

  importApp(state: AppState): void {
    this.commit({ t: 'import', s: state });
  }

  /** Applies a journal entry without journaling it again. */
  replay(entry: JournalEntry): void {
    switch (entry.t) {
      case 'accounts': {
        const data = this.app(entry.a);
        for (const id of entry.ids) data.accounts.add(id);
        return;
      }
      case 'group':
        this.app(entry.a).groups.set(entry.g.GroupId, { ...entry.g });
        return;
      case 'dissolve': {
        const group = this.app(entry.a).groups.get(entry.id);
        if (group !== undefined) group.dissolved = true;
        return;
      }
      case 'marks': {
        const data = this.app(entry.a);
        const marks = data.userMarks(entry.f);
        for (const [type, id, hi, lo, custom, timestamp, groups] of entry.c) {
          setConversation(data, marks, type, id, hi, lo, custom ?? undefined, timestamp, groups);
        }
        data.releaseUnusedNames();
        return;
      }
      case 'cgroups': {
        const data = this.app(entry.a);
        data.contactGroups.set(entry.f, new UserGroups(entry.n, new Map(entry.g)));
        const marks = data.userMarks(entry.f);
        for (const [type, id, hi, lo, custom, timestamp, groups] of entry.c) {
          setConversation(data, marks, type, id, hi, lo, custom ?? undefined, timestamp, groups ?? []);
        }
        data.releaseUnusedNames();
        return;
      }
      case 'reset':
        this.apps.delete(entry.a);
        return;
      case 'import':
        this.load(entry.s);
        return;
    }
  }

  /** Drops an app's data without journaling (its state was not meant to be loaded). */
  forget(sdkAppId: number): void {
    this.apps.delete(sdkAppId);
  }

  /** Statistics for the memory benchmark and the health answer. */
  countMarks(sdkAppId: number): number {
    let n = 0;
    for (const marks of this.app(sdkAppId).users.values()) n += marks.size;
    return n;
  }

  private load(state: AppState): void {
    const data = new AppData();
    for (const id of state.accounts) data.accounts.add(id);
    for (const group of state.groups) data.groups.set(group.GroupId, { ...group });
    for (const [from, list] of Object.entries(state.marks)) {
      const marks = data.userMarks(from);
      for (const r of contactRecordsOf(list)) {
        setConversation(data, marks, r.type, r.id, r.hi, r.lo, r.custom, r.timestamp, r.groups ?? []);
      }
    }
    for (const [from, user] of Object.entries(state.contactGroups ?? {})) {
      data.contactGroups.set(
        from,
        new UserGroups(user.NextGroupId, new Map(user.GroupItem.map((g) => [g.GroupId, g.GroupName]))),
      );
    }
    this.apps.set(state.sdkAppId, data);
  }
}

/**
 * applyMarks without a journal: nothing can fail between deciding and applying, so each op changes
 * memory at once, with no plan and no records (the default stub's hot path: about 5× cheaper on a
 * 100-item call than planning).
 */
function applyInPlace(
  data: AppData,
  from: string,
  ops: readonly MarkOp[],
  nowSeconds: number,
): MarkOutcome[] {
  const marks = data.userMarks(from);
  const outcomes: MarkOutcome[] = new Array(ops.length);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as MarkOp;
    if (op.type === 2) {
      const group = data.groups.get(op.id);
      if (group === undefined || group.dissolved) {
        outcomes[i] = 'group-unresolved';
        continue;
      }
    }
    const found = data.find(op.type, op.id);
    const current = found < 0 ? undefined : marks.get(found);
    const hi = ((current ? current.hi : 0) | op.setHi) & ~op.clearHi;
    const lo = ((current ? current.lo : 0) | op.setLo) & ~op.clearLo;
    const custom = op.custom === undefined ? current?.custom : op.custom === '' ? undefined : op.custom;
    if (current === undefined && (hi !== 0 || lo !== 0 || custom !== undefined)) {
      if (marks.size >= LIMITS.conversationsPerUser) {
        outcomes[i] = 'conversation-limit';
        continue;
      }
    }
    setConversation(data, marks, op.type, op.id, hi, lo, custom, nowSeconds);
    outcomes[i] = 'applied';
  }
  data.releaseUnusedNames();
  return outcomes;
}

/** Accounts per `accounts` record of a snapshot: keeps every line of it small. */
const SNAPSHOT_ACCOUNTS_PER_RECORD = 10_000;

function setConversation(
  data: AppData,
  marks: Map<number, Conversation>,
  type: ConversationType,
  id: string,
  hi: number,
  lo: number,
  custom: string | undefined,
  timestamp: number,
  /** The conversation groups it now belongs to; undefined keeps the current ones (a mark write). */
  groups?: readonly number[],
): void {
  const unmarked = hi === 0 && lo === 0 && (custom === undefined || custom === '');
  if (unmarked) {
    // Never interns an id only to remove it.
    const found = data.find(type, id);
    const current = found >= 0 ? marks.get(found) : undefined;
    const kept = groups === undefined ? current?.groups : groupsOrNone(groups);
    if (kept === undefined) {
      if (current !== undefined && marks.delete(found)) data.total--;
      return;
    }
    if (current !== undefined) {
      current.hi = 0;
      current.lo = 0;
      current.custom = undefined;
      current.timestamp = timestamp;
      current.groups = kept;
    } else {
      marks.set(data.key(type, id), new Conversation(0, 0, undefined, timestamp, kept));
      data.total++;
    }
    return;
  }
  const key = data.key(type, id);
  const current = marks.get(key);
  if (current !== undefined) {
    current.hi = hi;
    current.lo = lo;
    current.custom = custom;
    current.timestamp = timestamp;
    if (groups !== undefined) current.groups = groupsOrNone(groups);
  } else {
    marks.set(key, new Conversation(hi, lo, custom, timestamp, groups && groupsOrNone(groups)));
    data.total++;
  }
}

function groupsOrNone(groups: readonly number[]): number[] | undefined {
  return groups.length === 0 ? undefined : [...groups];
}

function recordOf(data: AppData, key: number, conv: Conversation): ContactRecord {
  return {
    type: data.typeOf(key),
    id: data.idOf(key),
    hi: conv.hi,
    lo: conv.lo,
    custom: conv.custom,
    timestamp: conv.timestamp,
    groups: conv.groups,
  };
}

/**
 * The member ops of one group write, planned against memory plus the call's earlier ops, so that
 * the whole write is journaled before memory moves. A conversation that enters the marked-or-grouped
 * set counts against LIMITS.conversationsPerUser (51008 for that op alone); one that leaves its last
 * group with no mark leaves the count.
 */
function planMembers(
  data: AppData,
  from: string,
  groupId: number,
  ops: readonly MemberOp[],
  nowSeconds: number,
): { outcomes: MarkOutcome[]; changes: ConversationChange[] } {
  const marks = data.users.get(from);
  let size = marks?.size ?? 0;
  const planned = new Map<string, ConversationChange>();
  const outcomes: MarkOutcome[] = new Array(ops.length);
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i] as MemberOp;
    if (op.add && op.type === 2) {
      const group = data.groups.get(op.id);
      if (group === undefined || group.dissolved) {
        outcomes[i] = 'group-unresolved';
        continue;
      }
    }
    const name = `${op.type}:${op.id}`;
    let state = planned.get(name);
    if (state === undefined) {
      const found = data.find(op.type, op.id);
      const conv = found >= 0 ? marks?.get(found) : undefined;
      state = conv
        ? [op.type, op.id, conv.hi, conv.lo, conv.custom ?? null, conv.timestamp, conv.groups ?? []]
        : [op.type, op.id, 0, 0, null, nowSeconds, []];
    }
    const groups = state[6] ?? [];
    const marked = state[2] !== 0 || state[3] !== 0 || state[4] !== null;
    const exists = marked || groups.length > 0;
    const member = groups.includes(groupId);
    outcomes[i] = 'applied';
    if (op.add === member) continue;
    let next: number[];
    if (op.add) {
      if (!exists) {
        if (size >= LIMITS.conversationsPerUser) {
          outcomes[i] = 'conversation-limit';
          continue;
        }
        size++;
      }
      next = [...groups, groupId].sort((a, b) => a - b);
    } else {
      next = groups.filter((id) => id !== groupId);
      if (next.length === 0 && !marked) size--;
    }
    planned.set(name, [state[0], state[1], state[2], state[3], state[4], nowSeconds, next]);
  }
  return { outcomes, changes: [...planned.values()] };
}
