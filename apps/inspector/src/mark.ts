// Decodes a conversation's 64-bit standard mark as the control plane exports it (a decimal string,
// see GET /__stub/state) into what a person reads: the four bits IM names, IM's other reserved bits
// (5..32, no meaning yet) and the customer's own bits (33..64).
import { LIMITS, StandardMark, type StandardMarkName } from '@tim-marks/types';

export interface DecodedMark {
  /** The IM-named bits that are set, in position order (Star = 1, Unread = 2, Fold = 3, Hide = 4). */
  named: StandardMarkName[];
  /** IM-reserved positions without a name (5..32) that are set. */
  reserved: number[];
  /** The customer's positions (33..64) that are set. */
  custom: number[];
  /** The value as get_contact_group answers it: binary, most significant bit first, "0" when none. */
  binary: string;
}

const NAME_AT = new Map<number, StandardMarkName>(
  Object.entries(StandardMark).map(([name, position]) => [position, name as StandardMarkName]),
);

/** undefined when the text is not an integer in 0..2^64-1 (a state written by hand, say). */
export function decodeStandardMark(decimal: string): DecodedMark | undefined {
  if (!/^[0-9]{1,20}$/.test(decimal)) return undefined;
  const value = BigInt(decimal);
  if (value >= 1n << BigInt(LIMITS.standardMarkBits)) return undefined;
  const mark: DecodedMark = { named: [], reserved: [], custom: [], binary: value.toString(2) };
  for (let position = LIMITS.markPositionMin; position <= LIMITS.markPositionMax; position++) {
    if ((value & (1n << BigInt(position - 1))) === 0n) continue;
    const name = NAME_AT.get(position);
    if (name !== undefined) mark.named.push(name);
    else if (position <= LIMITS.imReservedBitsMax) mark.reserved.push(position);
    else mark.custom.push(position);
  }
  return mark;
}

/** `[33, 34, 35, 40]` → `33–35, 40`: long runs of custom bits stay readable. */
export function positionRanges(positions: readonly number[]): string {
  const parts: string[] = [];
  let start: number | undefined;
  let previous: number | undefined;
  const close = () => {
    if (start === undefined || previous === undefined) return;
    parts.push(
      start === previous
        ? `${start}`
        : previous === start + 1
          ? `${start}, ${previous}`
          : `${start}–${previous}`,
    );
  };
  for (const position of positions) {
    if (previous !== undefined && position === previous + 1) {
      previous = position;
      continue;
    }
    close();
    start = position;
    previous = position;
  }
  close();
  return parts.join(', ');
}
