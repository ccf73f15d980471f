// The state browser's reading of a standard mark: which bit is which, as the API numbers them
// (position n is the value 1 << (n - 1); bits 1..4 are star, unread, fold, hide).
import { describe, expect, it } from 'vitest';
import { decodeStandardMark, positionRanges } from '../src/mark.js';

const markValue = (...positions: number[]) =>
  positions.reduce((sum, p) => sum | (1n << BigInt(p - 1)), 0n).toString();

describe('decodeStandardMark', () => {
  it('names the four IM bits in position order', () => {
    expect(decodeStandardMark(markValue(1))?.named).toEqual(['Star']);
    expect(decodeStandardMark(markValue(2))?.named).toEqual(['Unread']);
    expect(decodeStandardMark(markValue(3))?.named).toEqual(['Fold']);
    expect(decodeStandardMark(markValue(4))?.named).toEqual(['Hide']);
    expect(decodeStandardMark(markValue(4, 1, 3, 2))?.named).toEqual(['Star', 'Unread', 'Fold', 'Hide']);
  });

  it('keeps IM-reserved bits apart from the customer bits 33..64', () => {
    const mark = decodeStandardMark(markValue(1, 5, 32, 33, 64));
    expect(mark).toEqual({
      named: ['Star'],
      reserved: [5, 32],
      custom: [33, 64],
      binary: expect.any(String),
    });
  });

  it('writes the value as get_contact_group does: binary, bit 1 last, "0" when empty', () => {
    expect(decodeStandardMark('0')).toEqual({ named: [], reserved: [], custom: [], binary: '0' });
    expect(decodeStandardMark(markValue(1, 3))?.binary).toBe('101');
    expect(decodeStandardMark(markValue(64))?.binary).toBe(`1${'0'.repeat(63)}`);
  });

  it('refuses what is not a 64-bit unsigned decimal', () => {
    expect(decodeStandardMark((1n << 64n).toString())).toBeUndefined();
    expect(decodeStandardMark('-1')).toBeUndefined();
    expect(decodeStandardMark('0b101')).toBeUndefined();
    expect(decodeStandardMark('')).toBeUndefined();
  });
});

describe('positionRanges', () => {
  it('folds runs of three or more into a range', () => {
    expect(positionRanges([33, 34, 35, 40])).toBe('33–35, 40');
    expect(positionRanges([33, 34])).toBe('33, 34');
    expect(positionRanges([40])).toBe('40');
    expect(positionRanges([])).toBe('');
  });
});
