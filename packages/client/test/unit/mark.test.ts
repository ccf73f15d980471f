import { describe, expect, it } from 'vitest';
import {
  hasMark,
  type MarkItem,
  mark,
  readStandardMark,
  StandardMark,
  writeStandardMark,
} from '../../src/index.js';
import { MarkTarget } from '../../src/mark.js';

describe('mark builder', () => {
  it('computes OptType from what was set', () => {
    expect(mark.c2c('user1').set(StandardMark.Star).toJSON()).toEqual({
      OptType: 1,
      ContactItem: { Type: 1, To_Account: 'user1' },
      SetMark: [1],
    });
    expect(mark.group('@TGS#1').custom('vip').toJSON()).toEqual({
      OptType: 2,
      ContactItem: { Type: 2, ToGroupId: '@TGS#1' },
      CustomMark: 'vip',
    });
    expect(mark.c2c('user1').clear(StandardMark.Unread).custom('vip').toJSON()).toEqual({
      OptType: 3,
      ContactItem: { Type: 1, To_Account: 'user1' },
      ClearMark: [2],
      CustomMark: 'vip',
    });
    expect(mark.c2c('user1').clearCustom().toJSON()).toEqual({
      OptType: 2,
      ContactItem: { Type: 1, To_Account: 'user1' },
      CustomMark: '',
    });
  });

  it('is a MarkItem as it is, and serialises to exactly the wire fields', () => {
    const change = mark
      .c2c('user1')
      .set(StandardMark.Star, StandardMark.Fold)
      .clear(StandardMark.Hide)
      .custom('vip');
    const item: MarkItem = change;
    expect(item.OptType).toBe(3);
    expect(item.SetMark).toEqual([1, 3]);
    expect(JSON.parse(JSON.stringify({ MarkItem: [change] }))).toEqual({
      MarkItem: [
        {
          OptType: 3,
          ContactItem: { Type: 1, To_Account: 'user1' },
          SetMark: [1, 3],
          ClearMark: [4],
          CustomMark: 'vip',
        },
      ],
    });
  });

  it('is immutable: every step answers a new change and leaves the old one as it was', () => {
    const base = mark.c2c('user1').set(1);
    const more = base.set(2).custom('x');
    expect(base.toJSON()).toEqual({
      OptType: 1,
      ContactItem: { Type: 1, To_Account: 'user1' },
      SetMark: [1],
    });
    expect(more.SetMark).toEqual([1, 2]);
    expect(Object.isFrozen(base)).toBe(true);
    expect(Object.isFrozen(base.SetMark)).toBe(true);
    expect(() => {
      (base.SetMark as number[]).push(3);
    }).toThrow(TypeError);
  });

  it('can never both set and clear a position: the later call wins', () => {
    expect(mark.c2c('u').set(1, 2).clear(2).toJSON()).toEqual({
      OptType: 1,
      ContactItem: { Type: 1, To_Account: 'u' },
      SetMark: [1],
      ClearMark: [2],
    });
    expect(mark.c2c('u').clear(1).set(1).toJSON()).toMatchObject({ SetMark: [1] });
    expect(mark.c2c('u').clear(1).set(1).ClearMark).toBeUndefined();
  });

  it('drops repeated positions', () => {
    expect(mark.c2c('u').set(1, 1, 2).set(2, 3).SetMark).toEqual([1, 2, 3]);
  });

  it('a target alone is not a MarkItem', () => {
    const target = mark.c2c('u');
    expect(target).toBeInstanceOf(MarkTarget);
    expect('OptType' in target).toBe(false);
  });

  it('starts from a ContactItem read back from get_contact_group', () => {
    const read = { Type: 2 as const, ToGroupId: '@TGS#9', StandardMark: '1', Timestamp: 1 };
    expect(mark.to(read).set(StandardMark.Hide).toJSON()).toEqual({
      OptType: 1,
      ContactItem: { Type: 2, ToGroupId: '@TGS#9' },
      SetMark: [4],
    });
  });
});

describe('StandardMark strings', () => {
  it('reads the positions of a StandardMark string, bit 1 last', () => {
    expect(readStandardMark('111')).toEqual([1, 2, 3]);
    expect(readStandardMark('1000')).toEqual([4]);
    expect(readStandardMark('0')).toEqual([]);
    expect(readStandardMark(`1${'0'.repeat(63)}`)).toEqual([64]);
    expect(readStandardMark({ StandardMark: '101' })).toEqual([1, 3]);
  });

  it('answers whether a contact has a mark', () => {
    const contact = { Type: 1 as const, To_Account: 'u', StandardMark: '1001', Timestamp: 1 };
    expect(hasMark(contact, StandardMark.Star)).toBe(true);
    expect(hasMark(contact, StandardMark.Unread)).toBe(false);
    expect(hasMark(contact, StandardMark.Hide)).toBe(true);
    expect(hasMark(contact, 40)).toBe(false);
  });

  it('writes positions the way the server does, and round-trips', () => {
    expect(writeStandardMark([1, 2, 3])).toBe('111');
    expect(writeStandardMark([4])).toBe('1000');
    expect(writeStandardMark([])).toBe('0');
    expect(writeStandardMark([64, 1])).toBe(`1${'0'.repeat(62)}1`);
    expect(readStandardMark(writeStandardMark([2, 33, 64]))).toEqual([2, 33, 64]);
  });

  it('refuses what is not a StandardMark', () => {
    expect(() => readStandardMark('012')).toThrow(RangeError);
    expect(() => readStandardMark('0101')).toThrow(RangeError);
    expect(() => readStandardMark(`1${'0'.repeat(64)}`)).toThrow(RangeError);
    expect(() => writeStandardMark([65])).toThrow(RangeError);
  });
});
