// The five common query parameters, parsed by hand (the hot path): only these names are kept, the
// first occurrence of each wins, and percent-decoding runs only when a value needs it. Then the
// checks, in the order and with the codes the README documents.
import { ErrorCode, LIMITS } from '@tim-marks/types';

export interface CommonQuery {
  sdkappid: string | undefined;
  identifier: string | undefined;
  usersig: string | undefined;
  random: string | undefined;
  contenttype: string | undefined;
}

export type QueryCheck = { ok: true; sdkAppId: number } | { ok: false; code: number; info: string };

function decode(raw: string): string {
  if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) return raw;
  return decodeURIComponent(raw.replace(/\+/g, ' '));
}

function commonName(name: string): keyof CommonQuery | undefined {
  switch (name) {
    case 'sdkappid':
    case 'identifier':
    case 'usersig':
    case 'random':
    case 'contenttype':
      return name;
    default:
      return undefined;
  }
}

/** undefined when the query string is not valid percent-encoding. */
export function parseQuery(search: string): CommonQuery | undefined {
  const query: CommonQuery = {
    sdkappid: undefined,
    identifier: undefined,
    usersig: undefined,
    random: undefined,
    contenttype: undefined,
  };
  // One look at the whole string decides whether any part needs decoding (usually none does).
  const plain = search.indexOf('%') < 0 && search.indexOf('+') < 0;
  let start = 0;
  try {
    while (start <= search.length) {
      let end = search.indexOf('&', start);
      if (end < 0) end = search.length;
      let eq = search.indexOf('=', start);
      if (eq > end) eq = -1;
      const rawName = search.slice(start, eq < 0 ? end : eq);
      const name = commonName(plain ? rawName : decode(rawName));
      if (name !== undefined) {
        const raw = eq < 0 ? '' : search.slice(eq + 1, end);
        const value = plain ? raw : decode(raw);
        // Named stores (not query[name]): the first occurrence of each wins.
        switch (name) {
          case 'sdkappid':
            query.sdkappid ??= value;
            break;
          case 'identifier':
            query.identifier ??= value;
            break;
          case 'usersig':
            query.usersig ??= value;
            break;
          case 'random':
            query.random ??= value;
            break;
          case 'contenttype':
            query.contenttype ??= value;
            break;
        }
      }
      start = end + 1;
    }
  } catch {
    return undefined;
  }
  return query;
}

/** 1 to `maxLength` ASCII digits (a loop: a regular expression costs several times more here). */
function isDigits(value: string, maxLength: number): boolean {
  const length = value.length;
  if (length === 0 || length > maxLength) return false;
  for (let i = 0; i < length; i++) {
    const c = value.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return true;
}

/** sdkappid (60012 missing, 60002 not a number), random (60002 outside 0..4294967295), contenttype (60002 not `json`). */
export function checkQuery(query: CommonQuery): QueryCheck {
  const { sdkappid, random, contenttype } = query;
  if (sdkappid === undefined || sdkappid === '') {
    return { ok: false, code: ErrorCode.MISSING_SDKAPPID, info: 'the URL has no sdkappid' };
  }
  if (!isDigits(sdkappid, 20)) {
    return { ok: false, code: ErrorCode.HTTP_PARSE_ERROR, info: 'sdkappid must be a number' };
  }
  if (
    random === undefined ||
    !isDigits(random, 10) ||
    (random.length === 10 && Number(random) > LIMITS.randomMax)
  ) {
    return {
      ok: false,
      code: ErrorCode.HTTP_PARSE_ERROR,
      info: `random must be an integer in 0..${LIMITS.randomMax}`,
    };
  }
  if (contenttype !== 'json') {
    return { ok: false, code: ErrorCode.HTTP_PARSE_ERROR, info: 'contenttype must be json' };
  }
  return { ok: true, sdkAppId: Number(sdkappid) };
}
