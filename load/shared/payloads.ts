// Seeded payloads: the same seed gives the same users, groups and requests in k6 and in Node, so a run can
// be replayed. Pure code (no k6, no Node API): both runtimes load this file.
import type {
  ContactItem,
  CreateGroupRequest,
  GetContactGroupRequest,
  MarkContactRequest,
  MarkItem,
  MultiaccountImportRequest,
} from '@tim-marks/types';
import { LIMITS } from './plan.ts';

/** mulberry32: small, fast, good enough to vary payloads; not for anything secret. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Derives the seed of call `index` so that any call can be generated alone, in any VU or worker. */
export function callSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function pick<T>(next: () => number, items: readonly T[]): T {
  const item = items[Math.floor(next() * items.length)];
  if (item === undefined) throw new Error('pick from an empty list');
  return item;
}

function intBetween(next: () => number, min: number, max: number): number {
  return min + Math.floor(next() * (max - min + 1));
}

/** UTF-8 length of a string, counted by code point (k6 has no TextEncoder). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
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
];

/** A custom mark of exactly `bytes` UTF-8 bytes (0 clears the mark), mixing multi-byte text. */
export function customMark(next: () => number, bytes: number): string {
  let text = '';
  let used = 0;
  for (let tries = 0; tries < 64 && used < bytes; tries++) {
    const piece = pick(next, PIECES);
    const size = utf8Bytes(piece);
    if (used + size <= bytes) {
      text += piece;
      used += size;
    }
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
  const users = Array.from({ length: options.users ?? 50 }, (_, i) => `load-${tag}-u${i}`);
  const groups = Array.from({ length: options.groups ?? 10 }, (_, i) => `load-${tag}-g${i}`);
  return { seed, users, groups };
}

/** The setup calls that create a world: account imports in batches of the documented size, one group per call. */
export function setupRequests(w: World): {
  imports: MultiaccountImportRequest[];
  groups: CreateGroupRequest[];
} {
  const imports: MultiaccountImportRequest[] = [];
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

function contactItems(next: () => number, w: World, from: string, count: number): ContactItem[] {
  const items = new Map<string, ContactItem>();
  const others = w.users.filter((user) => user !== from);
  while (items.size < Math.min(count, others.length + w.groups.length)) {
    if (w.groups.length > 0 && next() < 0.3) {
      const ToGroupId = pick(next, w.groups);
      items.set(`g:${ToGroupId}`, { Type: 2, ToGroupId });
    } else {
      const To_Account = pick(next, others);
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
  const From_Account = pick(next, w.users);
  const maxItems = Math.min(options.maxItems ?? 5, LIMITS.markItemsPerCall);
  const contacts = contactItems(next, w, From_Account, intBetween(next, 1, maxItems));
  return {
    From_Account,
    MarkItem: contacts.map((contact) => markItem(next, contact, options.standardMarks ?? true)),
  };
}

/** The `index`-th get_contact_group call of a run: the first page of one user's marks. */
export function getContactGroupRequest(w: World, index: number): GetContactGroupRequest {
  const next = rng(callSeed(w.seed ^ 0x5bd1e995, index));
  return { From_Account: pick(next, w.users), StartIndex: 0 };
}
