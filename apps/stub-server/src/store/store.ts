// The store behind the handlers. Handlers never touch a Map: they call these operations, each of
// which is atomic on its own (the in-memory store applies it synchronously; a Redis-backed store
// will run each one as a single script). Results may be promises so that such a store fits.

import type { GroupType } from '@tim-marks/types';
import type { StoreHealth as ControlPlaneStoreHealth } from '@tim-marks/types/control-plane';
import { fromDecimalString, toDecimalString } from '../standard-mark.js';

export type Awaitable<T> = T | Promise<T>;

/** 1 = C2C (To_Account), 2 = group (ToGroupId). */
export type ConversationType = 1 | 2;

/** One syntactically valid MarkItem, reduced to what the store applies. */
export interface MarkOp {
  type: ConversationType;
  /** To_Account for Type 1, ToGroupId for Type 2. */
  id: string;
  /** Bits to set and to clear, as 32-bit halves (see standard-mark.ts). */
  setHi: number;
  setLo: number;
  clearHi: number;
  clearLo: number;
  /** The new custom mark; undefined leaves it untouched, '' clears it. */
  custom: string | undefined;
}

/** The outcome of one MarkOp: applied, group unresolved (51007) or over the per-user cap (51008). */
export type MarkOutcome = 'applied' | 'group-unresolved' | 'conversation-limit';

/** A marked or grouped conversation as stored. */
export interface ContactRecord {
  type: ConversationType;
  id: string;
  hi: number;
  lo: number;
  custom: string | undefined;
  /** Unix seconds of the last change. */
  timestamp: number;
  /** The ids of the user's conversation groups holding it, ascending; undefined when none. */
  groups: readonly number[] | undefined;
}

export interface ContactPage {
  /** How many marked or grouped conversations the user has in all. */
  total: number;
  items: ContactRecord[];
  /** Every conversation group of the user, in GroupId order. */
  groups: ContactGroup[];
}

/** A conversation group of one user (create_contact_group), as GroupItem answers it. */
export interface ContactGroup {
  GroupId: number;
  GroupName: string;
}

/** One conversation to add to (or remove from) a conversation group. */
export interface MemberOp {
  type: ConversationType;
  id: string;
  add: boolean;
}

/** The result of a conversation-group write; every outcome but 'done' changed nothing. */
export type ContactGroupResult =
  | { outcome: 'not-imported' }
  | { outcome: 'not-found' }
  | { outcome: 'too-many' }
  | { outcome: 'name-taken' }
  | { outcome: 'done'; group: ContactGroup; members: MarkOutcome[] };

export interface SearchResult {
  items: ContactRecord[];
  groups: ContactGroup[];
}

/** The conversation groups of one user in the exported state. */
export interface ContactGroupsState {
  /** The GroupId the next create_contact_group gives (ids are never reused). */
  NextGroupId: number;
  GroupItem: ContactGroup[];
}

export interface GroupRecord {
  GroupId: string;
  Type: GroupType;
  Name: string;
  Owner_Account?: string;
  dissolved: boolean;
}

export interface NewGroup {
  GroupId?: string;
  Type: GroupType;
  Name: string;
  Owner_Account?: string;
}

export type CreateGroupResult =
  | { outcome: 'created'; GroupId: string }
  | { outcome: 'in-use' }
  | { outcome: 'owner-unknown' };

/** One conversation in the exported state (the control plane's `GET /__stub/state`). */
export interface MarkState {
  Type: ConversationType;
  To_Account?: string;
  ToGroupId?: string;
  /** The 64-bit standard mark as a decimal string. */
  StandardMark: string;
  CustomMark?: string;
  Timestamp: number;
  /** Position in the user's first-marked order (0 = marked first). */
  firstMarkedSeq: number;
  /** The user's conversation groups holding it (GroupItem.GroupId). */
  ContactGroupId?: number[];
}

/** What a stored conversation holds besides its type and id, in both stores. */
export type ConversationData = Pick<ContactRecord, 'hi' | 'lo' | 'custom' | 'timestamp' | 'groups'>;

/** A stored conversation as the exported state writes it; `seq` is its place in the first-marked order. */
export function markStateOf(
  type: ConversationType,
  id: string,
  conv: ConversationData,
  seq: number,
): MarkState {
  const StandardMark = toDecimalString(conv.hi, conv.lo);
  const item: MarkState =
    type === 1
      ? { Type: 1, To_Account: id, StandardMark, Timestamp: conv.timestamp, firstMarkedSeq: seq }
      : { Type: 2, ToGroupId: id, StandardMark, Timestamp: conv.timestamp, firstMarkedSeq: seq };
  if (conv.custom !== undefined) item.CustomMark = conv.custom;
  if (conv.groups !== undefined) item.ContactGroupId = [...conv.groups];
  return item;
}

/** One user's exported conversations as the stores keep them, in first-marked order (the import side). */
export function contactRecordsOf(list: readonly MarkState[]): ContactRecord[] {
  return [...list]
    .sort((a, b) => a.firstMarkedSeq - b.firstMarkedSeq)
    .map((item) => {
      const masks = fromDecimalString(item.StandardMark) ?? { hi: 0, lo: 0 };
      return {
        type: item.Type,
        id: (item.Type === 1 ? item.To_Account : item.ToGroupId) as string,
        hi: masks.hi,
        lo: masks.lo,
        custom: item.CustomMark,
        timestamp: item.Timestamp,
        groups: item.ContactGroupId,
      };
    });
}

export interface AppState {
  sdkAppId: number;
  accounts: string[];
  groups: GroupRecord[];
  marks: Record<string, MarkState[]>;
  /** By From_Account; absent in states written before conversation groups. */
  contactGroups?: Record<string, ContactGroupsState>;
}

export interface StubState {
  version: 1;
  apps: AppState[];
}

export interface Store {
  importAccounts(sdkAppId: number, userIds: readonly string[]): Awaitable<void>;
  hasAccount(sdkAppId: number, userId: string): Awaitable<boolean>;
  createGroup(sdkAppId: number, group: NewGroup): Awaitable<CreateGroupResult>;
  /** false when the group is unknown or already dissolved. */
  destroyGroup(sdkAppId: number, groupId: string): Awaitable<boolean>;
  /**
   * Applies the ops in order, atomically. undefined (and nothing changed) when `from` was never imported.
   * A conversation left with no bit, no custom mark and no conversation group is removed.
   */
  applyMarks(
    sdkAppId: number,
    from: string,
    ops: readonly MarkOp[],
    nowSeconds: number,
  ): Awaitable<MarkOutcome[] | undefined>;
  /** One page of the user's marked conversations in first-marked order; undefined when `from` was never imported. */
  getContacts(
    sdkAppId: number,
    from: string,
    start: number,
    count: number,
  ): Awaitable<ContactPage | undefined>;
  /**
   * create_contact_group: checks, then creates the group and applies the member ops in order (51007 /
   * 51008 per op), atomically.
   */
  createContactGroup(
    sdkAppId: number,
    from: string,
    name: string,
    members: readonly MemberOp[],
    nowSeconds: number,
  ): Awaitable<ContactGroupResult>;
  /** update_contact_group: a rename (newName) or member ops, atomically. */
  updateContactGroup(
    sdkAppId: number,
    from: string,
    oldName: string,
    change: { newName: string } | { members: readonly MemberOp[] },
    nowSeconds: number,
  ): Awaitable<ContactGroupResult>;
  /** del_contact_group: removes the group and its memberships, atomically. */
  delContactGroup(
    sdkAppId: number,
    from: string,
    name: string,
    nowSeconds: number,
  ): Awaitable<ContactGroupResult>;
  /** search_contact_group: the named conversations that are marked or grouped, in the order given, once each. */
  searchContacts(
    sdkAppId: number,
    from: string,
    conversations: readonly { type: ConversationType; id: string }[],
  ): Awaitable<SearchResult | undefined>;
  /** Forgets every account, group and mark of the app. */
  reset(sdkAppId: number): Awaitable<void>;
  exportApp(sdkAppId: number): Awaitable<AppState>;
  /** Replaces the app's whole state. */
  importApp(state: AppState): Awaitable<void>;
  /** The store's state for /__stub/health; the memory store has none to report. */
  health?(): Promise<StoreHealth>;
  /** Lets go of connections (a shared store); called once the stub stopped serving. */
  close?(): Promise<void>;
}

/** A shared store's state as /__stub/health reports it. */
/** The store's part of GET /__stub/health (openapi/control-plane.yaml StoreHealth). */
export type StoreHealth = ControlPlaneStoreHealth;

/**
 * The shared store cannot be reached (Redis stopped, restarting, too slow): the API answers 50004
 * (retryable) at once, the control plane 503. A write that timed out may or may not have been applied.
 */
export class StoreUnavailable extends Error {
  override name = 'StoreUnavailable';
}

/**
 * A write the journal could not take (a full disk, an I/O error). Nothing changed, in memory or on
 * disk: the API answers 50004 (retryable), the control plane 503.
 */
export class WriteFailed extends Error {
  override name = 'WriteFailed';
}
