// Checks of a request body around JSON.parse: valid UTF-8 (a body that is not is not JSON text), and
// at most MAX_NESTING levels of objects and arrays (answers echo parts of the body, and deep nesting
// would exhaust the stack of JSON.stringify). V8's JSON.parse itself is iterative, so the nesting is
// measured on the parsed value: a walk that stops at MAX_NESTING + 1 levels, a few microseconds for
// a 100-item mark_contact, where a scan of the raw bytes would cost several times more.
import { isUtf8 } from 'node:buffer';

export const MAX_NESTING = 64;

/** The body's bytes are not UTF-8: the message, or undefined. */
export function encodingProblem(body: Buffer): string | undefined {
  return isUtf8(body) ? undefined : 'the body is not valid UTF-8';
}

/** The parsed body nests objects and arrays too deep: the message, or undefined. `textBytes` is the
 * size of the text it was parsed from: every level takes two bytes of it (its brackets or braces), so
 * a text shorter than 2 × (MAX_NESTING + 1) bytes cannot be too deep and needs no walk. */
export function nestingProblem(value: object, textBytes: number): string | undefined {
  if (textBytes < 2 * (MAX_NESTING + 1)) return undefined;
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
