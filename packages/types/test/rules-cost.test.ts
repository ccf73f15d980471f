// The rules run on untrusted bodies in the stub (issue 14): their work must be bounded by the size
// of what the API allows, not by the size of what was sent. Proven here by counting what they read
// (arrays behind a Proxy) and what the generated validators report, never by timing.
import { describe, expect, it } from 'vitest';
import * as generated from '../src/generated/validators.js';
import { checkItem, checkRequest, ErrorCode } from '../src/index.js';

/** `list` behind a Proxy that counts reads of its entries. */
function counted<T>(list: T[]): { list: T[]; reads: () => number } {
  let reads = 0;
  const proxy = new Proxy(list, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^[0-9]+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver);
    },
  });
  return { list: proxy, reads: () => reads };
}

const item = (extra: Record<string, unknown>) => ({
  OptType: 1,
  ContactItem: { Type: 1, To_Account: 'x' },
  ...extra,
});

describe('the MarkItem count is checked before any item is read', () => {
  it('30,000 items: 51006, no item read', () => {
    const { list, reads } = counted(Array.from({ length: 30_000 }, () => ({})));
    const refusal = checkRequest('markContact', { From_Account: 'user0', MarkItem: list });
    expect(refusal).toMatchObject({ code: ErrorCode.MARK_ITEM_COUNT, field: 'MarkItem' });
    expect(reads()).toBe(0);
  });

  it('100,000 Accounts: 70402, no entry read', () => {
    const { list, reads } = counted(Array.from({ length: 100_000 }, () => 5));
    expect(checkRequest('multiaccountImport', { Accounts: list })).toMatchObject({
      code: ErrorCode.ACCOUNT_INVALID_PARAMETER,
    });
    expect(reads()).toBe(0);
  });
});

describe('SetMark and ClearMark: at most 64 entries, refused before they are read', () => {
  it('50,000 + 50,000 entries: 50002 on the item, no entry read', () => {
    const set = counted(Array(50_000).fill(1));
    const clear = counted(Array(50_000).fill(1));
    const refusal = checkItem('markContact', item({ SetMark: set.list, ClearMark: clear.list }), 0);
    expect(refusal).toMatchObject({ code: ErrorCode.INVALID_PARAMETER, field: 'MarkItem[0].SetMark' });
    expect(set.reads() + clear.reads()).toBe(0);
  });

  it('the set-and-clear clash reads each entry a bounded number of times (no nested loops)', () => {
    // 64 + 64 distinct positions, the only clash on the last one set: a nested loop would read 64 × 64.
    const set = counted([...Array.from({ length: 63 }, (_, i) => 2 * i + 1).filter((p) => p <= 64), 64]);
    const clear = counted(Array.from({ length: 32 }, (_, i) => 2 * i + 2));
    const refusal = checkItem('markContact', item({ SetMark: set.list, ClearMark: clear.list }), 3);
    expect(refusal).toMatchObject({
      field: 'MarkItem[3].SetMark',
      reason: 'sets and clears position 64 at once',
    });
    const entries = set.list.length + clear.list.length;
    expect(set.reads() + clear.reads()).toBeLessThanOrEqual(3 * entries);
  });

  it('duplicates within 64 entries count once', () => {
    expect(checkItem('markContact', item({ SetMark: Array(64).fill(3) }), 0)).toBeUndefined();
    expect(checkItem('markContact', item({ SetMark: Array(65).fill(3) }), 0)).toMatchObject({
      reason: 'must NOT have more than 64 items',
    });
  });
});

describe('the generated validators stop at the first error', () => {
  type Validator = ((data: unknown) => boolean) & { errors?: unknown[] | null };
  const validators = generated as unknown as Record<string, Validator>;

  it('a whole request with 30,000 bad items reports one error', () => {
    const validate = validators.MarkContactRequest as Validator;
    const { list, reads } = counted(Array.from({ length: 30_000 }, () => ({})));
    expect(validate({ From_Account: 'user0', MarkItem: list })).toBe(false);
    expect(validate.errors).toHaveLength(1);
    expect(reads()).toBe(0); // maxItems before items
  });

  it('an item with 64 bad positions reports one error and reads one position', () => {
    const validate = validators.MarkItem as Validator;
    const set = counted(Array(64).fill(0));
    expect(validate(item({ SetMark: set.list }))).toBe(false);
    expect(validate.errors).toHaveLength(1);
    expect(set.reads()).toBe(1);
  });

  it('a byte limit counts no further than the limit', () => {
    // 1 MiB of 3-byte characters: refused on its length alone (a code unit is at least one byte).
    const long = '好'.repeat(1 << 20);
    const refusal = checkItem('markContact', item({ ContactItem: { Type: 1, To_Account: long } }), 0);
    expect(refusal).toMatchObject({
      field: 'MarkItem[0].ContactItem.To_Account',
      reason: 'must be at most 32 UTF-8 bytes',
    });
    expect(generated.exceedsMaxBytes('好'.repeat(11), 32)).toBe(true);
    expect(generated.exceedsMaxBytes('好'.repeat(10), 32)).toBe(false);
    expect(generated.exceedsMaxBytes('😀'.repeat(8), 32)).toBe(false);
    expect(generated.exceedsMaxBytes('\ud800'.repeat(11), 32)).toBe(true);
  });
});
