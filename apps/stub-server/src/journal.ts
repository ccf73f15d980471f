// The request journal (GET /__stub/requests): the last N calls to the API with their answers, for
// tests that verify what their service sent. Bounded: at most `capacity` entries and
// JOURNAL_BODIES_MAX_BYTES of bodies (the oldest go first, counted in `dropped`), each body cut to
// JOURNAL_BODY_MAX_BYTES. The hot path only copies what it must (the body's text, the answer's codes);
// the query is redacted, the body parsed and the filters run when someone reads.

import { COMMANDS } from '@tim-marks/types';
import type {
  JournalAnswer,
  JournalEntry,
  RequestFilter,
  RequestList,
  RequestMatcher,
} from '@tim-marks/types/control-plane';
import { ControlError, commandNamed } from './control-error.js';
import type { ApiAnswer } from './envelope.js';

export type { JournalEntry, RequestFilter, RequestList, RequestMatcher };

export const DEFAULT_JOURNAL_SIZE = 10_000;
/** A body longer than this is kept as its first bytes, as text (`bodyTruncated`). */
export const JOURNAL_BODY_MAX_BYTES = 16 * 1024;
/** All bodies held together stay under this; past it the oldest entries go. */
export const JOURNAL_BODIES_MAX_BYTES = 64 * 1024 * 1024;
export const DEFAULT_LIST_LIMIT = 100;

/** One call as the API pipeline hands it over. */
export interface CallRecord {
  /** Date.now() when the request arrived. */
  at: number;
  /** The path with its leading slash. */
  path: string;
  search: string;
  /** The body as received; undefined when the gate answered before reading it. */
  body: Buffer | undefined;
  outcome: JournalAnswer['outcome'];
  httpStatus: number | null;
  answer: ApiAnswer | undefined;
  faultId: string | undefined;
  latencyMs: number;
}

/** One slot of the ring, reused for every call it holds (per call: the body's text, and the per-item codes of a batch answer). */
interface Stored {
  id: number;
  at: number;
  path: string;
  search: string;
  body: string | null;
  bodyBytes: number;
  truncated: boolean;
  outcome: JournalAnswer['outcome'];
  httpStatus: number | null;
  /** The answer's envelope fields (undefined for a 5xx, a drop or a hang) and per-item codes. */
  ActionStatus: JournalAnswer['ActionStatus'];
  ErrorCode: number | undefined;
  ErrorInfo: string | undefined;
  resultCodes: number[] | undefined;
  faultId: string | undefined;
  latencyMs: number;
  /** Filled on first read. */
  parsed:
    | { sdkAppId: number | null; query: Record<string, string>; body: unknown; json: boolean }
    | undefined;
}

/** Adds `item`'s ResultCode to `codes` (made on the first one), and answers the list. */
function addCode(codes: number[] | undefined, item: unknown): number[] | undefined {
  const code = (item as { ResultCode?: unknown } | null)?.ResultCode;
  if (typeof code !== 'number') return codes;
  if (codes === undefined) return [code];
  codes.push(code);
  return codes;
}

/** The per-item codes of a batch answer: ResultItem, GroupResultItem[].ResultItem, ContactResultItem. */
function resultCodes(answer: ApiAnswer): number[] | undefined {
  let codes: number[] | undefined;
  for (const key in answer) {
    const value = answer[key];
    if (!Array.isArray(value)) continue;
    for (const item of value) {
      if (typeof item !== 'object' || item === null) continue;
      codes = addCode(codes, item);
      const nested = (item as { ResultItem?: unknown }).ResultItem;
      if (Array.isArray(nested)) for (const inner of nested) codes = addCode(codes, inner);
    }
  }
  return codes;
}

function answerOf(stored: Stored): JournalAnswer {
  const out: JournalAnswer = { outcome: stored.outcome, httpStatus: stored.httpStatus };
  if (stored.ActionStatus !== undefined) out.ActionStatus = stored.ActionStatus;
  if (stored.ErrorCode !== undefined) out.ErrorCode = stored.ErrorCode;
  if (stored.ErrorInfo !== undefined) out.ErrorInfo = stored.ErrorInfo;
  if (stored.resultCodes !== undefined) out.ResultCodes = [...stored.resultCodes];
  if (stored.faultId !== undefined) out.fault = stored.faultId;
  return out;
}

function parseSearch(search: string): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [name, value] of new URLSearchParams(search)) {
    if (!(name in query)) query[name] = name === 'usersig' ? '[redacted]' : value;
  }
  return query;
}

/** Deep partial match (openapi/control-plane.yaml RequestMatcher): objects by the names the matcher
 * gives, arrays as subsets in any order, anything else by JSON equality. */
export function partialMatch(pattern: unknown, value: unknown): boolean {
  if (Array.isArray(pattern)) {
    return Array.isArray(value) && pattern.every((p) => value.some((v) => partialMatch(p, v)));
  }
  if (typeof pattern === 'object' && pattern !== null) {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
    const object = value as Record<string, unknown>;
    return Object.entries(pattern).every(
      ([key, p]) => Object.hasOwn(object, key) && partialMatch(p, object[key]),
    );
  }
  return pattern === value;
}

export class RequestJournal {
  private readonly slots: (Stored | undefined)[];
  private start = 0;
  private size = 0;
  private bodyBytes = 0;
  private nextId = 1;
  private droppedCount = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 0) {
      throw new TypeError('the journal size must be an integer >= 0');
    }
    this.slots = new Array(capacity);
  }

  get enabled(): boolean {
    return this.capacity > 0;
  }

  /** Keeps one call (the API pipeline calls this once per answered, dropped or hung request). */
  record(call: CallRecord): void {
    if (this.capacity === 0) return;
    let body: string | null = null;
    let bytes = 0;
    let truncated = false;
    if (call.body !== undefined) {
      bytes = call.body.length;
      truncated = bytes > JOURNAL_BODY_MAX_BYTES;
      // A copy: holding a slice would hold the socket's whole read buffer.
      body = (truncated ? call.body.subarray(0, JOURNAL_BODY_MAX_BYTES) : call.body).toString('utf8');
    }
    const held = body === null ? 0 : Math.min(bytes, JOURNAL_BODY_MAX_BYTES);
    if (this.size === this.capacity) this.evict();
    while (this.size > 0 && this.bodyBytes + held > JOURNAL_BODIES_MAX_BYTES) this.evict();
    const index = (this.start + this.size) % this.capacity;
    const slot = this.slots[index] ?? ({} as Stored);
    slot.id = this.nextId++;
    slot.at = call.at;
    slot.path = call.path;
    slot.search = call.search;
    slot.body = body;
    slot.bodyBytes = bytes;
    slot.truncated = truncated;
    slot.outcome = call.outcome;
    slot.httpStatus = call.httpStatus;
    const answer = call.answer;
    slot.ActionStatus = answer?.ActionStatus;
    slot.ErrorCode = answer?.ErrorCode;
    slot.ErrorInfo = answer?.ErrorInfo;
    slot.resultCodes = answer === undefined ? undefined : resultCodes(answer);
    slot.faultId = call.faultId;
    slot.latencyMs = call.latencyMs;
    slot.parsed = undefined;
    this.slots[index] = slot;
    this.size++;
    this.bodyBytes += held;
  }

  /** Forgets the oldest entry; its slot is reused by the next call. */
  private evict(): void {
    const oldest = this.slots[this.start] as Stored;
    if (oldest.body !== null) this.bodyBytes -= Math.min(oldest.bodyBytes, JOURNAL_BODY_MAX_BYTES);
    oldest.body = null;
    oldest.parsed = undefined;
    oldest.id = 0;
    this.start = (this.start + 1) % this.capacity;
    this.size--;
    this.droppedCount++;
  }

  /** Empties the journal; ids keep increasing. Answers how many entries went. */
  clear(): number {
    const removed = this.size;
    this.slots.fill(undefined);
    this.start = 0;
    this.size = 0;
    this.bodyBytes = 0;
    this.droppedCount = 0;
    return removed;
  }

  /** The entries matching `filter`, newest first (GET /__stub/requests). */
  list(filter: RequestFilter = {}): Omit<RequestList, 'ok'> {
    const limit = filter.limit ?? DEFAULT_LIST_LIMIT;
    if (!Number.isSafeInteger(limit) || limit < 1) throw filterError('limit must be a positive integer');
    const keep = this.matcherOf(filter);
    const requests: JournalEntry[] = [];
    let total = 0;
    for (const stored of this.newestFirst()) {
      if (!keep(stored)) continue;
      total++;
      if (requests.length < limit) requests.push(this.entry(stored));
    }
    return {
      enabled: this.enabled,
      requests,
      total,
      dropped: this.droppedCount,
      capacity: this.capacity,
    };
  }

  /** How many entries match (POST /__stub/requests/count). */
  count(matcher: RequestMatcher): number {
    if (typeof matcher !== 'object' || matcher === null || Array.isArray(matcher)) {
      throw matcherError(
        'the body must be a RequestMatcher: { command, body?, From_Account?, ErrorCode?, sdkAppId? }',
      );
    }
    const allowed = ['command', 'body', 'From_Account', 'ErrorCode', 'sdkAppId'];
    const unknown = Object.keys(matcher).find((key) => !allowed.includes(key));
    if (unknown !== undefined)
      throw matcherError(`${unknown} is not a member of a RequestMatcher (${allowed.join(', ')})`);
    if (matcher.command === undefined) throw matcherError('command is required');
    if (matcher.From_Account !== undefined && typeof matcher.From_Account !== 'string') {
      throw matcherError('From_Account must be a string');
    }
    for (const field of ['ErrorCode', 'sdkAppId'] as const) {
      if (matcher[field] !== undefined && !Number.isSafeInteger(matcher[field])) {
        throw matcherError(`${field} must be an integer`);
      }
    }
    const keep = this.matcherOf(matcher);
    const hasBody = Object.hasOwn(matcher, 'body');
    let count = 0;
    for (const stored of this.newestFirst()) {
      if (!keep(stored)) continue;
      if (hasBody) {
        const parsed = this.parsed(stored);
        // A truncated body is never parsed as JSON (parsed.json is false).
        if (!parsed.json || !partialMatch(matcher.body, parsed.body)) continue;
      }
      count++;
    }
    return count;
  }

  private *newestFirst(): Generator<Stored> {
    for (let i = this.size - 1; i >= 0; i--) {
      yield this.slots[(this.start + i) % this.capacity] as Stored;
    }
  }

  private matcherOf(filter: RequestFilter & { body?: unknown }): (stored: Stored) => boolean {
    const path = filter.command === undefined ? undefined : COMMANDS[commandNamed(filter.command)];
    let afterId: number | undefined;
    let fromTime: number | undefined;
    if (filter.since !== undefined) {
      const since = String(filter.since);
      if (/^[0-9]+$/.test(since)) afterId = Number(since);
      else {
        fromTime = Date.parse(since);
        if (!Number.isFinite(fromTime)) {
          throw filterError('since must be an entry id (an integer) or an ISO 8601 time');
        }
      }
    }
    const { From_Account: from, ErrorCode: code, sdkAppId } = filter;
    return (stored) => {
      if (path !== undefined && stored.path !== path) return false;
      if (afterId !== undefined && stored.id <= afterId) return false;
      if (fromTime !== undefined && stored.at < fromTime) return false;
      if (code !== undefined && stored.ErrorCode !== code) return false;
      if (sdkAppId !== undefined && this.parsed(stored).sdkAppId !== sdkAppId) return false;
      if (from !== undefined) {
        const body = this.parsed(stored).body;
        if (
          typeof body !== 'object' ||
          body === null ||
          (body as { From_Account?: unknown }).From_Account !== from
        ) {
          return false;
        }
      }
      return true;
    };
  }

  private parsed(stored: Stored): NonNullable<Stored['parsed']> {
    if (stored.parsed !== undefined) return stored.parsed;
    const query = parseSearch(stored.search);
    const sdkappid = query.sdkappid;
    let body: unknown = stored.body;
    let json = false;
    if (stored.body !== null && !stored.truncated) {
      try {
        body = JSON.parse(stored.body);
        json = true;
      } catch {
        // Kept as the raw text.
      }
    }
    stored.parsed = {
      sdkAppId: sdkappid !== undefined && /^[0-9]{1,15}$/.test(sdkappid) ? Number(sdkappid) : null,
      query,
      body,
      json,
    };
    return stored.parsed;
  }

  private entry(stored: Stored): JournalEntry {
    const parsed = this.parsed(stored);
    const entry: JournalEntry = {
      id: stored.id,
      time: new Date(stored.at).toISOString(),
      sdkAppId: parsed.sdkAppId,
      command: stored.path.slice(1),
      query: parsed.query,
      body: structuredClone(parsed.body),
      answer: answerOf(stored),
      latencyMs: Math.round(stored.latencyMs * 1000) / 1000,
    };
    if (stored.body !== null) entry.bodyBytes = stored.bodyBytes;
    if (stored.truncated) entry.bodyTruncated = true;
    return entry;
  }
}

function filterError(message: string): ControlError {
  return new ControlError(message, 400, undefined, 'invalid-filter');
}

function matcherError(message: string): ControlError {
  return new ControlError(message, 400, undefined, 'invalid-matcher');
}
