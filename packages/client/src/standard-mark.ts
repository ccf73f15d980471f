import { LIMITS, type StandardMarkString } from '@tim-marks/types';

// The spec's StandardMark pattern: binary, most significant bit first, no leading zeros.
const STANDARD_MARK_PATTERN = new RegExp(`^(0|1[01]{0,${LIMITS.standardMarkBits - 1}})$`);

/** Something that carries a StandardMark string, such as a ContactItem of get_contact_group. */
export interface HasStandardMark {
  StandardMark: StandardMarkString;
}

function markString(value: StandardMarkString | HasStandardMark): string {
  const text = typeof value === 'string' ? value : value.StandardMark;
  if (typeof text !== 'string' || !STANDARD_MARK_PATTERN.test(text)) {
    throw new RangeError(`not a StandardMark string: ${JSON.stringify(text)}`);
  }
  return text;
}

/** The bit positions set in a StandardMark, ascending: `"111"` → `[1, 2, 3]`, `"1000"` → `[4]`. */
export function readStandardMark(value: StandardMarkString | HasStandardMark): number[] {
  const text = markString(value);
  const positions: number[] = [];
  // Bit 1 is the last character.
  for (let position = 1; position <= text.length; position += 1) {
    if (text[text.length - position] === '1') positions.push(position);
  }
  return positions;
}

/** Whether bit `position` is set: `hasMark(contact, StandardMark.Star)`. */
export function hasMark(value: StandardMarkString | HasStandardMark, position: number): boolean {
  const text = markString(value);
  return position >= 1 && position <= text.length && text[text.length - position] === '1';
}

/** The StandardMark string of a set of positions, as the server writes it: `[1, 2, 3]` → `"111"`. */
export function writeStandardMark(positions: Iterable<number>): StandardMarkString {
  let value = 0n;
  for (const position of positions) {
    if (
      !Number.isInteger(position) ||
      position < LIMITS.markPositionMin ||
      position > LIMITS.markPositionMax
    ) {
      throw new RangeError(`not a mark position (1..64): ${position}`);
    }
    value |= 1n << BigInt(position - 1);
  }
  return value.toString(2);
}
