import type { MarkItem } from '@tim-marks/types';
import { describe, expect, it } from 'vitest';
import {
  customMark,
  getContactGroupRequest,
  markContactRequest,
  rng,
  setupRequests,
  utf8Bytes,
  world,
} from '../shared/payloads.ts';
import { LIMITS } from '../shared/plan.ts';

const w = world(42);
const requests = Array.from({ length: 2000 }, (_, i) => markContactRequest(w, i));
const items: MarkItem[] = requests.flatMap((r) => r.MarkItem);

describe('seeded payloads', () => {
  it('are the same for the same seed and index, and differ between indexes', () => {
    expect(markContactRequest(world(42), 7)).toEqual(markContactRequest(w, 7));
    expect(markContactRequest(w, 7)).not.toEqual(markContactRequest(w, 8));
    expect(getContactGroupRequest(w, 3)).toEqual(getContactGroupRequest(world(42), 3));
  });

  it('give runs with different seeds different accounts and groups', () => {
    const other = world(43);
    expect(other.users.some((u) => w.users.includes(u))).toBe(false);
    expect(other.groups.some((g) => w.groups.includes(g))).toBe(false);
  });

  it('keep ids within the documented byte limits', () => {
    for (const user of w.users) expect(utf8Bytes(user)).toBeLessThanOrEqual(LIMITS.userIdMaxBytes);
    for (const group of w.groups) expect(utf8Bytes(group)).toBeLessThanOrEqual(LIMITS.groupIdMaxBytes);
  });

  it('import accounts in batches of at most the documented size', () => {
    const { imports, groups } = setupRequests(world(1, { users: 250, groups: 3 }));
    expect(imports.map((r) => r.Accounts.length)).toEqual([100, 100, 50]);
    expect(groups).toHaveLength(3);
    for (const g of groups) expect(utf8Bytes(g.Name)).toBeLessThanOrEqual(LIMITS.groupNameMaxBytes);
  });

  it('make every mark_contact call valid: 1..100 distinct conversations, never the caller itself', () => {
    for (const request of requests) {
      expect(request.MarkItem.length).toBeGreaterThanOrEqual(1);
      expect(request.MarkItem.length).toBeLessThanOrEqual(LIMITS.markItemsPerCall);
      const keys = request.MarkItem.map((i) => JSON.stringify(i.ContactItem));
      expect(new Set(keys).size).toBe(keys.length);
      expect(
        request.MarkItem.some(
          (i) => i.ContactItem.Type === 1 && i.ContactItem.To_Account === request.From_Account,
        ),
      ).toBe(false);
    }
  });

  it('fill each OptType with what the spec demands, positions 1..64, never set and clear together', () => {
    for (const item of items) {
      const set = item.SetMark ?? [];
      const clear = item.ClearMark ?? [];
      if (item.OptType !== 2) expect(set.length + clear.length).toBeGreaterThan(0);
      if (item.OptType !== 1) expect(item.CustomMark).toBeTypeOf('string');
      if (item.OptType === 2) expect(set.length + clear.length).toBe(0);
      for (const p of [...set, ...clear]) {
        expect(p).toBeGreaterThanOrEqual(LIMITS.markPositionMin);
        expect(p).toBeLessThanOrEqual(LIMITS.markPositionMax);
      }
      expect(set.filter((p) => clear.includes(p))).toEqual([]);
    }
    expect(new Set(items.map((i) => i.OptType))).toEqual(new Set([1, 2, 3]));
    expect(items.some((i) => i.ContactItem.Type === 2)).toBe(true);
  });

  it('send custom marks of varied byte length up to the limit, with multi-byte text', () => {
    const marks = items.map((i) => i.CustomMark).filter((m): m is string => m !== undefined);
    const sizes = marks.map(utf8Bytes);
    expect(Math.max(...sizes)).toBe(LIMITS.customMarkMaxBytes);
    expect(sizes).toContain(0);
    expect(sizes).toContain(1);
    expect(new Set(sizes).size).toBeGreaterThan(100);
    // More bytes than characters: 2-, 3- and 4-byte characters are in there.
    expect(marks.some((m) => utf8Bytes(m) > [...m].length * 2)).toBe(true);
    expect(marks.some((m) => /\p{Extended_Pictographic}/u.test(m))).toBe(true);
  });

  it('sends custom marks only when standard marks are off (apps that are not Ultimate)', () => {
    const custom = Array.from({ length: 200 }, (_, i) => markContactRequest(w, i, { standardMarks: false }));
    for (const item of custom.flatMap((r) => r.MarkItem)) {
      expect(item.OptType).toBe(2);
      expect(item.SetMark).toBeUndefined();
    }
  });

  it('writes a custom mark of exactly the byte length asked for', () => {
    const next = rng(9);
    for (const bytes of [0, 1, 2, 3, 4, 5, 17, 255, 256]) {
      expect(utf8Bytes(customMark(next, bytes))).toBe(bytes);
    }
  });

  it('counts UTF-8 bytes by code point', () => {
    expect(utf8Bytes('a')).toBe(1);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('重')).toBe(3);
    expect(utf8Bytes('🌟')).toBe(4);
    expect(utf8Bytes('a重🌟')).toBe(Buffer.byteLength('a重🌟'));
  });
});
