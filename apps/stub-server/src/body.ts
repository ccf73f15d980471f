// Checks of a request body around JSON.parse: valid UTF-8 (a body that is not is not JSON text), at
// most MAX_NESTING levels of objects and arrays (answers echo parts of the body, and deep nesting
// would exhaust the stack of JSON.stringify), at most MAX_VALUES values (objects, arrays, members and
// array entries) and MAX_MEMBERS object members. For a short body the nesting is measured on the
// parsed value: a walk that stops at MAX_NESTING + 1 levels, a few microseconds for a 100-item
// mark_contact, where a scan of the raw bytes would cost several times more. A long body is scanned
// before it is parsed: JSON.parse of a megabyte of nested arrays or of 100,000 keys costs tens of
// milliseconds (issue 14), the scan about one.
import { isUtf8 } from 'node:buffer';

export const MAX_NESTING = 64;
/** JSON values a body may hold: objects, arrays, object members and array entries. A mark_contact of
 * 100 items with every field (64 + 64 positions each) has about 14,000, and 30,000 empty items still
 * get the API's 51006. */
export const MAX_VALUES = 65_536;
/** Object members a body may hold (they count among MAX_VALUES too). A member costs JSON.parse several
 * times an array entry (a property of an object, often a dictionary); such a mark_contact has about
 * 700. JSON.parse of 8,192 members, or of 65,536 other values, costs a few milliseconds. */
export const MAX_MEMBERS = 8_192;
/** A value takes at least two bytes of a JSON text (`0,`), a member five (`"":0,`): a shorter body
 * cannot exceed either budget and needs no scan. */
export const SCAN_FROM_BYTES = Math.min(2 * (MAX_VALUES + 1), 5 * (MAX_MEMBERS + 1));

/** The body's bytes are not UTF-8: the message, or undefined. */
export function encodingProblem(body: Buffer): string | undefined {
  return isUtf8(body) ? undefined : 'the body is not valid UTF-8';
}

/** The parsed body nests objects and arrays too deep: the message, or undefined. `textBytes` is the
 * size of the text it was parsed from: every level takes two bytes of it (its brackets or braces), so
 * a text shorter than 2 × (MAX_NESTING + 1) bytes cannot be too deep and needs no walk. */
export function nestingProblem(value: object, textBytes: number): string | undefined {
  // A text of SCAN_FROM_BYTES or more was scanned before it was parsed (structureProblem).
  if (textBytes < 2 * (MAX_NESTING + 1) || textBytes >= SCAN_FROM_BYTES) return undefined;
  return deeperThan(value, 1)
    ? `the body nests objects and arrays deeper than ${MAX_NESTING} levels`
    : undefined;
}

function deeperThan(value: object, depth: number): boolean {
  if (depth > MAX_NESTING) return true;
  if (Array.isArray(value)) {
    for (const item of value) {
      if (typeof item === 'object' && item !== null && deeperThan(item, depth + 1)) return true;
    }
    return false;
  }
  for (const key in value) {
    const item = (value as Record<string, unknown>)[key];
    if (typeof item === 'object' && item !== null && deeperThan(item, depth + 1)) return true;
  }
  return false;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Before JSON.parse, for a body of SCAN_FROM_BYTES or more: too deep, too many values (each `{`, `[`,
 * `:` and `,` outside strings counts one) or too many members (each `:`): the message, or undefined. One pass over the bytes; a text
 * that is not JSON is left to JSON.parse. */
export function structureProblem(body: Buffer): string | undefined {
  if (body.length < SCAN_FROM_BYTES) return undefined;
  let depth = 0;
  let values = 0;
  let members = 0;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i] as number;
    if (byte === QUOTE) {
      i = stringEnd(body, i);
    } else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > MAX_NESTING) return `the body nests objects and arrays deeper than ${MAX_NESTING} levels`;
      if (++values > MAX_VALUES) return tooMany();
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) {
      depth--;
    } else if (byte === COMMA) {
      if (++values > MAX_VALUES) return tooMany();
    } else if (byte === COLON) {
      if (++values > MAX_VALUES) return tooMany();
      if (++members > MAX_MEMBERS) {
        return `the body holds more than ${MAX_MEMBERS} object members (key: value pairs)`;
      }
    }
  }
  return undefined;
}

/** The index of the quote that closes the string opened at `open` (the body's length when none does),
 * found by Buffer#indexOf (memchr) rather than byte by byte: a quote preceded by an odd number of
 * backslashes is escaped. */
function stringEnd(body: Buffer, open: number): number {
  let quote = open;
  for (;;) {
    quote = body.indexOf(QUOTE, quote + 1);
    if (quote === -1) return body.length;
    let backslashes = 0;
    while (body[quote - 1 - backslashes] === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
  }
}

function tooMany(): string {
  return `the body holds more than ${MAX_VALUES} JSON values (objects, arrays, members and array entries)`;
}
