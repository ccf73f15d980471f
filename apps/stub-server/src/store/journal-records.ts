// The records of the state file and its journal (one JSON object per line), checked field by field
// when read back: a record that is not what the stub writes stops the start with file:line instead
// of crashing inside the store (`{"t":"import","s":null}` once did exactly that).
import { isObject } from '../commands/describe.js';
import { StateError, validateAppState, validateState } from '../state.js';
import type { JournalEntry } from './memory.js';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

function sdkAppIdOk(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 4294967295;
}

function nonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value !== '';
}

function int32(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= INT32_MIN && value <= INT32_MAX;
}

/**
 * The entries of one parsed line, or a message saying what is wrong with it. A whole state in the
 * export format (`{"version":1,"apps":[…]}`, the snapshot format before JSON lines) is one line too.
 */
export function recordsOf(value: unknown): JournalEntry[] | string {
  if (!isObject(value)) return 'a record must be a JSON object';
  if (value.version !== undefined && value.t === undefined) {
    try {
      return validateState(value).apps.map((s) => ({ t: 'import', s }) as JournalEntry);
    } catch (error) {
      return error instanceof StateError ? error.message : String(error);
    }
  }
  const t = value.t;
  if (t === 'import') {
    try {
      return [{ t, s: validateAppState(value.s) }];
    } catch (error) {
      return `import: ${error instanceof StateError ? error.message : String(error)}`;
    }
  }
  if (!sdkAppIdOk(value.a)) return `${String(t)}: a must be an SDKAppID`;
  switch (t) {
    case 'reset':
      return [{ t, a: value.a }];
    case 'accounts': {
      const ids = value.ids;
      if (!Array.isArray(ids) || !ids.every(nonEmptyString)) return 'accounts: ids must be UserIDs';
      return [{ t, a: value.a, ids }];
    }
    case 'dissolve':
      if (!nonEmptyString(value.id)) return 'dissolve: id must be a GroupId';
      return [{ t, a: value.a, id: value.id }];
    case 'group': {
      const g = value.g;
      if (
        !isObject(g) ||
        !nonEmptyString(g.GroupId) ||
        typeof g.Type !== 'string' ||
        typeof g.Name !== 'string' ||
        typeof g.dissolved !== 'boolean' ||
        (g.Owner_Account !== undefined && !nonEmptyString(g.Owner_Account))
      ) {
        return 'group: g must be { GroupId, Type, Name, Owner_Account?, dissolved }';
      }
      return [{ t, a: value.a, g: g as unknown as Extract<JournalEntry, { t: 'group' }>['g'] }];
    }
    case 'cgroups': {
      if (!nonEmptyString(value.f)) return 'cgroups: f must be a From_Account';
      if (!groupIdOk(value.n)) return 'cgroups: n must be the next GroupId';
      const g = value.g;
      if (
        !Array.isArray(g) ||
        !g.every((e) => Array.isArray(e) && e.length === 2 && groupIdOk(e[0]) && nonEmptyString(e[1]))
      ) {
        return 'cgroups: g must be a list of [GroupId, GroupName]';
      }
      const problem = changesProblem('cgroups', value.c);
      if (problem !== undefined) return problem;
      return [
        {
          t,
          a: value.a,
          f: value.f,
          n: value.n as number,
          g: g as [number, string][],
          c: value.c as Extract<JournalEntry, { t: 'cgroups' }>['c'],
        },
      ];
    }
    case 'marks': {
      if (!nonEmptyString(value.f)) return 'marks: f must be a From_Account';
      const problem = changesProblem('marks', value.c);
      if (problem !== undefined) return problem;
      return [{ t, a: value.a, f: value.f, c: value.c as Extract<JournalEntry, { t: 'marks' }>['c'] }];
    }
    default:
      return `unknown record type ${JSON.stringify(t) ?? 'none'}`;
  }
}

function groupIdOk(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/** What is wrong with the conversation changes of a `marks` or `cgroups` record, if anything. */
function changesProblem(t: string, c: unknown): string | undefined {
  if (!Array.isArray(c)) return `${t}: c must be an array of changes`;
  for (let i = 0; i < c.length; i++) {
    const change = c[i] as unknown;
    if (
      !Array.isArray(change) ||
      (change.length !== 6 && change.length !== 7) ||
      (change.length === 7 && !(Array.isArray(change[6]) && change[6].every(groupIdOk))) ||
      (change[0] !== 1 && change[0] !== 2) ||
      !nonEmptyString(change[1]) ||
      !int32(change[2]) ||
      !int32(change[3]) ||
      (change[4] !== null && typeof change[4] !== 'string') ||
      typeof change[5] !== 'number' ||
      !Number.isInteger(change[5]) ||
      change[5] < 0
    ) {
      return `${t}: c[${i}] must be [Type, id, hi, lo, CustomMark or null, Timestamp, ContactGroupId?]`;
    }
  }
  return undefined;
}

/** The app a record belongs to. */
export function appOf(entry: JournalEntry): number {
  return entry.t === 'import' ? entry.s.sdkAppId : entry.a;
}
