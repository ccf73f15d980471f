// Checks of a request body before JSON.parse: valid UTF-8 (a body that is not is not JSON text), and
// at most MAX_NESTING levels of objects and arrays (the answer echoes parts of the body, and deep
// nesting would exhaust the stack of the validator or of JSON.stringify).
import { isUtf8 } from 'node:buffer';

export const MAX_NESTING = 64;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** What is wrong with the body's bytes, or undefined. */
export function bodyProblem(body: Buffer): string | undefined {
  if (!isUtf8(body)) return 'the body is not valid UTF-8';
  // Nesting deeper than MAX_NESTING needs more than 2 × MAX_NESTING bytes.
  if (body.length > 2 * MAX_NESTING && nestsDeeperThan(body, MAX_NESTING)) {
    return `the body nests objects and arrays deeper than ${MAX_NESTING} levels`;
  }
  return undefined;
}

/** Counts `{` / `[` levels outside strings; stops as soon as `max` is passed. */
function nestsDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i] as number;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return false;
}
