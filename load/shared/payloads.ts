// Seeded payloads: the same seed gives the same users, groups and requests in k6 and in Node, so a run can
// be replayed. Pure code (no k6, no Node API): both runtimes load this file.
import type {
  ContactItem,
  CreateContactGroupRequest,
  CreateGroupRequest,
  GetContactGroupRequest,
  MarkContactRequest,
  MarkItem,
  MultiaccountImportAccounts,
  SearchContactGroupRequest,
  UpdateContactGroupRequest,
} from '@tim-marks/types';
import { LIMITS, type LoadedCommand } from './plan.ts';

// k6 interprets this code (no JIT): every operation counts. Park-Miller's generator needs only float
// arithmetic that stays exact below 2^53 (48271 * 2^31 < 2^53), where Math.imul-based ones cost ~10x more.
const MODULUS = 2147483647;
const MULTIPLIER = 48271;

/** A small, fast, seeded generator in [0, 1); enough to vary payloads, not for anything secret. */
export function rng(seed: number): () => number {
  let x = 1 + (Math.abs(Math.floor(seed)) % (MODULUS - 1));
  return () => {
    x = (x * MULTIPLIER) % MODULUS;
    return (x - 1) / (MODULUS - 1);
  };
}

/** Derives the seed of call `index` so that any call can be generated alone, in any VU or worker. */
export function callSeed(seed: number, index: number): number {
  const next = rng(seed + index * 7919);
  // Consecutive indexes start from nearby states: a few steps spread them apart.
  next();
  next();
  return Math.floor(next() * (MODULUS - 1));
}

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function intBetween(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

/** UTF-8 length of a string (k6 has no TextEncoder). Indexed, not iterated: k6 interprets this code. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code < 0xdc00) {
      bytes += 4; // a surrogate pair: one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// Pieces of 1, 2, 3 and 4 UTF-8 bytes per character, so that byte length and character count differ.
const PIECES = [
  'vip',
  'todo',
  ' ',
  '-',
  'é',
  'ß',
  'Ω',
  '重要',
  '客户',
  '跟进',
  'マーク',
  '한국',
  '🌟',
  '📌',
  '🚀',
].map((text) => ({ text, bytes: utf8Bytes(text) }));

/**
 * A custom mark of exactly `bytes` UTF-8 bytes (0 clears the mark), mixing multi-byte text: a segment
 * of a few random pieces, repeated while it fits, then ASCII up to the size. Few draws, as k6 is slow.
 */
export function customMark(next: () => number, bytes: number): string {
  const segment: (typeof PIECES)[number][] = [];
  let segmentBytes = 0;
  for (let i = 0, count = 1 + Math.floor(next() * 6); i < count; i++) {
    const piece = pick(next, PIECES);
    segment.push(piece);
    segmentBytes += piece.bytes;
  }
  const times = Math.floor(bytes / segmentBytes);
  let text = segment
    .map((piece) => piece.text)
    .join('')
    .repeat(times);
  let used = times * segmentBytes;
  for (const piece of segment) {
    if (used + piece.bytes > bytes) break;
    text += piece.text;
    used += piece.bytes;
  }
  return text + 'x'.repeat(bytes - used);
}

/** The byte length of the next custom mark: the edges (0, 1, the maximum) often, anything between otherwise. */
function customMarkLength(next: () => number): number {
  const max = LIMITS.customMarkMaxBytes;
  const roll = next();
  if (roll < 0.05) return 0;
  if (roll < 0.1) return 1;
  if (roll < 0.2) return max;
  if (roll < 0.25) return max - 1;
  return intBetween(next, 2, max - 2);
}

export interface World {
  seed: number;
  users: string[];
  groups: string[];
}

export interface WorldOptions {
  users?: number;
  groups?: number;
}

/** The accounts and groups a run marks; ids carry the seed so runs with different seeds do not collide. */
export function world(seed: number, options: WorldOptions = {}): World {
  const tag = (seed >>> 0).toString(36);
  const count = options.users ?? 50;
  if (count < 2) throw new Error('a world needs at least 2 users: marks name other users');
  const users = Array.from({ length: count }, (_, i) => `load-${tag}-u${i}`);
  const groups = Array.from({ length: options.groups ?? 10 }, (_, i) => `load-${tag}-g${i}`);
  return { seed, users, groups };
}

/** The setup calls that create a world: account imports in batches of the documented size, one group per call. */
export function setupRequests(w: World): {
  imports: MultiaccountImportAccounts[];
  groups: CreateGroupRequest[];
} {
  const imports: MultiaccountImportAccounts[] = [];
  for (let i = 0; i < w.users.length; i += LIMITS.accountsPerMultiImport) {
    imports.push({ Accounts: w.users.slice(i, i + LIMITS.accountsPerMultiImport) });
  }
  const groups = w.groups.map(
    (GroupId, i): CreateGroupRequest => ({ GroupId, Type: 'Public', Name: `load group ${i}` }),
  );
  return { imports, groups };
}

export interface MarkOptions {
  /** Standard marks need the Ultimate edition; without it, send custom marks only (OptType 2). */
  standardMarks?: boolean;
  /** Largest number of MarkItems per call (at most LIMITS.markItemsPerCall). */
  maxItems?: number;
}

function positions(next: () => number, count: number, exclude: readonly number[] = []): number[] {
  const chosen = new Set<number>();
  while (chosen.size < count) {
    const position = intBetween(next, LIMITS.markPositionMin, LIMITS.markPositionMax);
    if (!exclude.includes(position)) chosen.add(position);
  }
  return [...chosen];
}

function contactItems(next: () => number, w: World, from: number, count: number): ContactItem[] {
  const items = new Map<string, ContactItem>();
  const others = w.users.length - 1;
  while (items.size < Math.min(count, others + w.groups.length)) {
    if (w.groups.length > 0 && next() < 0.3) {
      const ToGroupId = pick(next, w.groups);
      items.set(`g:${ToGroupId}`, { Type: 2, ToGroupId });
    } else {
      // Any user but the caller: draw among the others and step over the caller's index.
      const drawn = Math.floor(next() * others);
      const To_Account = w.users[drawn >= from ? drawn + 1 : drawn]!;
      items.set(`u:${To_Account}`, { Type: 1, To_Account });
    }
  }
  return [...items.values()];
}

function markItem(next: () => number, ContactItem: ContactItem, standardMarks: boolean): MarkItem {
  const OptType = standardMarks ? pick(next, [1, 2, 3] as const) : 2;
  const item: MarkItem = { OptType, ContactItem };
  if (OptType !== 2) {
    const set = positions(next, intBetween(next, 0, 3));
    const clear = positions(next, set.length === 0 ? intBetween(next, 1, 2) : intBetween(next, 0, 2), set);
    if (set.length > 0) item.SetMark = set;
    if (clear.length > 0) item.ClearMark = clear;
  }
  if (OptType !== 1) item.CustomMark = customMark(next, customMarkLength(next));
  return item;
}

/** The `index`-th mark_contact call of a run: valid by construction, so every item must be applied. */
export function markContactRequest(w: World, index: number, options: MarkOptions = {}): MarkContactRequest {
  const next = rng(callSeed(w.seed, index));
  const from = Math.floor(next() * w.users.length);
  const maxItems = Math.min(options.maxItems ?? 5, LIMITS.markItemsPerCall);
  const contacts = contactItems(next, w, from, intBetween(next, 1, maxItems));
  return {
    From_Account: w.users[from]!,
    MarkItem: contacts.map((contact) => markItem(next, contact, options.standardMarks ?? true)),
  };
}

/** The `index`-th get_contact_group call of a run: the first page of one user's marks. */
export function getContactGroupRequest(w: World, index: number): GetContactGroupRequest {
  const next = rng(callSeed(w.seed + 1_000_003, index));
  return { From_Account: pick(next, w.users), StartIndex: 0 };
}

/** The conversation group every user of a run has (create_contact_group in setup); update_contact_group fills and empties it. */
export const LOAD_CONTACT_GROUP = 'load';

/** The setup calls that give every user of the world its conversation group (for the mixed scenario). */
export function contactGroupRequests(w: World): CreateContactGroupRequest[] {
  return w.users.map((From_Account) => ({
    From_Account,
    GroupContactItem: [{ GroupName: LOAD_CONTACT_GROUP, ContactItem: [] }],
  }));
}

/**
 * The `index`-th update_contact_group call: adds or removes a few conversations of the user's group.
 * Both are idempotent and a world is far below the 1000 cap, so every item must answer 0.
 */
export function updateContactGroupRequest(w: World, index: number): UpdateContactGroupRequest {
  const next = rng(callSeed(w.seed + 2_000_003, index));
  const from = Math.floor(next() * w.users.length);
  const contacts = contactItems(next, w, from, intBetween(next, 1, 5));
  return {
    From_Account: w.users[from]!,
    UpdateType: 1,
    UpdateGroup: {
      UpdateGroupType: 2,
      OldGroupName: LOAD_CONTACT_GROUP,
      ContactUpdateItem: contacts.map((ContactItem) => ({
        ContactOptType: pick(next, [1, 2] as const),
        ContactItem,
      })),
    },
  };
}

/** The `index`-th search_contact_group call: the marks and groups of a few conversations of one user. */
export function searchContactGroupRequest(w: World, index: number): SearchContactGroupRequest {
  const next = rng(callSeed(w.seed + 3_000_017, index));
  const from = Math.floor(next() * w.users.length);
  return { From_Account: w.users[from]!, ContactItem: contactItems(next, w, from, intBetween(next, 1, 10)) };
}

/** The `index`-th call of a loaded command: valid by construction (k6 and the Node check send the same). */
export function loadRequest(
  command: LoadedCommand,
  w: World,
  index: number,
  options: MarkOptions = {},
): object {
  switch (command) {
    case 'markContact':
      return markContactRequest(w, index, options);
    case 'getContactGroup':
      return getContactGroupRequest(w, index);
    case 'updateContactGroup':
      return updateContactGroupRequest(w, index);
    case 'searchContactGroup':
      return searchContactGroupRequest(w, index);
  }
}
