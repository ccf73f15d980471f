// The 64-bit standard mark is kept as two signed 32-bit halves. Signed int32 values are Smis in V8, so
// a stored conversation costs no heap number, no BigInt and no string; conversions to the API's
// binary string and to the export's decimal string happen only when answering or exporting.

/** Bit masks of positions 1..64, split into the high and low halves. */
export interface MarkMasks {
  hi: number;
  lo: number;
}

/** Adds position `p` (1..64) to a mask pair. */
export function addPosition(masks: MarkMasks, p: number): void {
  if (p <= 32) masks.lo |= 1 << (p - 1);
  else masks.hi |= 1 << (p - 33);
}

/** `"0"`, or the value in binary, most significant bit first, without leading zeros (bit 1 is the last character). */
export function toBinaryString(hi: number, lo: number): string {
  if (hi === 0) return (lo >>> 0).toString(2);
  return (hi >>> 0).toString(2) + (lo >>> 0).toString(2).padStart(32, '0');
}

/** The 64-bit value as a decimal string (the control plane's export format). */
export function toDecimalString(hi: number, lo: number): string {
  return ((BigInt(hi >>> 0) << 32n) | BigInt(lo >>> 0)).toString();
}

/** Parses the export's decimal string; undefined when it is not an integer in 0..2^64-1. */
export function fromDecimalString(text: string): MarkMasks | undefined {
  if (!/^[0-9]{1,20}$/.test(text)) return undefined;
  const value = BigInt(text);
  if (value >= 1n << 64n) return undefined;
  return { hi: Number(value >> 32n) | 0, lo: Number(value & 0xffffffffn) | 0 };
}
