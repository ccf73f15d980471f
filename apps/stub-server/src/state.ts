// The exported state (GET /__stub/state) and its validation on import (PUT /__stub/state, the
// journal's import records, a snapshot of the first format): a clear message naming the bad field,
// held to the API's own limits (LIMITS from the spec), with the API's ErrorCode where the API has one
// for the same mistake: 51008 over the conversation cap, 50002 for a bad mark, 10004 for a bad
// group, 70402 for a bad account.
import { ErrorCode, LIMITS } from '@tim-marks/types';
import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import { describeError } from './commands/describe.js';
import { addMaxBytesKeyword } from './schemas.js';
import { fromDecimalString } from './standard-mark.js';
import type { AppState, StubState } from './store/store.js';

const userId = { type: 'string', minLength: 1, 'x-max-bytes': LIMITS.userIdMaxBytes };
const groupId = { type: 'string', minLength: 1, 'x-max-bytes': LIMITS.groupIdMaxBytes };

const APP_SCHEMA = {
  type: 'object',
  required: ['sdkAppId', 'accounts', 'groups', 'marks'],
  properties: {
    sdkAppId: { type: 'integer', minimum: 1, maximum: 4294967295 },
    accounts: { type: 'array', items: userId },
    groups: {
      type: 'array',
      items: {
        type: 'object',
        required: ['GroupId', 'Type', 'Name', 'dissolved'],
        properties: {
          GroupId: groupId,
          Type: { enum: ['Public', 'Private', 'ChatRoom', 'AVChatRoom', 'Community', 'Work', 'Meeting'] },
          Name: { type: 'string', minLength: 1, 'x-max-bytes': LIMITS.groupNameMaxBytes },
          Owner_Account: userId,
          dissolved: { type: 'boolean' },
        },
      },
    },
    contactGroups: {
      type: 'object',
      propertyNames: userId,
      additionalProperties: {
        type: 'object',
        required: ['NextGroupId', 'GroupItem'],
        properties: {
          NextGroupId: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
          GroupItem: {
            type: 'array',
            maxItems: LIMITS.contactGroupsPerUser,
            items: {
              type: 'object',
              required: ['GroupName', 'GroupId'],
              properties: {
                GroupName: { type: 'string', minLength: 1, 'x-max-bytes': LIMITS.contactGroupNameMaxBytes },
                GroupId: { type: 'integer', minimum: 1, maximum: Number.MAX_SAFE_INTEGER },
              },
            },
          },
        },
      },
    },
    marks: {
      type: 'object',
      propertyNames: userId,
      additionalProperties: {
        type: 'array',
        maxItems: LIMITS.conversationsPerUser,
        items: {
          type: 'object',
          required: ['Type', 'StandardMark', 'Timestamp', 'firstMarkedSeq'],
          properties: {
            Type: { enum: [1, 2] },
            To_Account: userId,
            ToGroupId: groupId,
            StandardMark: { type: 'string', pattern: '^[0-9]{1,20}$' },
            CustomMark: { type: 'string', 'x-max-bytes': LIMITS.customMarkMaxBytes },
            Timestamp: { type: 'integer', minimum: 0, maximum: 4294967295 },
            firstMarkedSeq: { type: 'integer', minimum: 0 },
            ContactGroupId: {
              type: 'array',
              maxItems: LIMITS.contactGroupsPerUser,
              uniqueItems: true,
              items: { type: 'integer', minimum: 1 },
            },
          },
        },
      },
    },
  },
} as const;

const STATE_SCHEMA = {
  type: 'object',
  required: ['version', 'apps'],
  properties: { version: { const: 1 }, apps: { type: 'array', items: APP_SCHEMA } },
} as const;

let stateValidator: ReturnType<Ajv2020['compile']> | undefined;
let appValidator: ReturnType<Ajv2020['compile']> | undefined;

function ajv(): Ajv2020 {
  return addMaxBytesKeyword(new Ajv2020({ allErrors: false, strict: false }));
}

export class StateError extends Error {
  override name = 'StateError';
  constructor(
    message: string,
    /** The API's ErrorCode for the same mistake in a request, where there is one. */
    readonly errorCode?: number,
  ) {
    super(message);
  }
}

/** The API's code for a schema error at `path` (`/apps/0/marks/u/3/CustomMark`, or `/marks/...` for one app). */
function codeOf(error: ErrorObject): number | undefined {
  const path = error.instancePath.replace(/^\/apps\/[0-9]+/, '');
  if (path.startsWith('/marks')) {
    return error.keyword === 'maxItems' ? ErrorCode.CONVERSATION_LIMIT : ErrorCode.INVALID_PARAMETER;
  }
  if (path.startsWith('/groups')) return ErrorCode.GROUP_INVALID_PARAMETER;
  if (path.startsWith('/contactGroups')) {
    if (error.keyword === 'maxItems') return ErrorCode.CONTACT_GROUP_COUNT;
    return path.endsWith('/GroupName') ? ErrorCode.CONTACT_GROUP_NAME : ErrorCode.INVALID_PARAMETER;
  }
  if (path.startsWith('/accounts')) return ErrorCode.ACCOUNT_INVALID_PARAMETER;
  return undefined;
}

function schemaError(error: ErrorObject | undefined, prefix: string): StateError {
  if (error === undefined) return new StateError(`${prefix} is invalid`);
  const text = describeError(error).replace(/^the body /, `${prefix} `);
  return new StateError(
    error.keyword === 'maxItems'
      ? `${text} (the API's cap of ${LIMITS.conversationsPerUser} marked conversations per user)`
      : text,
    codeOf(error),
  );
}

/** Checks a state to import; throws StateError naming the first bad field. */
export function validateState(value: unknown): StubState {
  stateValidator ??= ajv().compile(STATE_SCHEMA);
  if (!stateValidator(value)) throw schemaError(stateValidator.errors?.[0], 'the state');
  const state = value as StubState;
  const seen = new Set<number>();
  state.apps.forEach((app, i) => {
    if (seen.has(app.sdkAppId)) throw new StateError(`apps[${i}].sdkAppId ${app.sdkAppId} appears twice`);
    seen.add(app.sdkAppId);
    checkApp(app, `apps[${i}]`);
  });
  return state;
}

/** Checks one app's state (a journal import record); throws StateError naming the first bad field. */
export function validateAppState(value: unknown): AppState {
  appValidator ??= ajv().compile(APP_SCHEMA);
  if (!appValidator(value)) throw schemaError(appValidator.errors?.[0], 'the app state');
  checkApp(value as AppState, 'the app state');
  return value as AppState;
}

/**
 * The rules a schema cannot say, as the API would enforce them: each GroupId once, owners and marking
 * users imported, group conversations naming a group of the state, each conversation and each
 * position in the first-marked order once per user.
 */
function checkApp(app: AppState, where: string): void {
  const accounts = new Set(app.accounts);
  const groups = new Set<string>();
  app.groups.forEach((group, i) => {
    if (groups.has(group.GroupId)) {
      throw new StateError(
        `${where}.groups[${i}].GroupId ${group.GroupId} appears twice`,
        ErrorCode.GROUP_ID_IN_USE,
      );
    }
    groups.add(group.GroupId);
    if (group.Owner_Account !== undefined && !accounts.has(group.Owner_Account)) {
      throw new StateError(
        `${where}.groups[${i}].Owner_Account ${group.Owner_Account} is not in ${where}.accounts`,
        ErrorCode.GROUP_INVALID_PARAMETER,
      );
    }
  });
  const groupIdsOf = checkContactGroups(app, where, accounts);
  for (const [from, list] of Object.entries(app.marks)) {
    if (!accounts.has(from)) {
      throw new StateError(
        `${where}.marks.${from}: ${from} is not in ${where}.accounts`,
        ErrorCode.ACCOUNT_NOT_IMPORTED,
      );
    }
    const conversations = new Set<string>();
    const positions = new Set<number>();
    list.forEach((item, j) => {
      const at = `${where}.marks.${from}[${j}]`;
      const invalid = (text: string) => new StateError(`${at}${text}`, ErrorCode.INVALID_PARAMETER);
      if (item.Type === 1 && (item.To_Account === undefined || item.ToGroupId !== undefined))
        throw invalid('.To_Account (and no ToGroupId) is required when Type is 1');
      if (item.Type === 2 && (item.ToGroupId === undefined || item.To_Account !== undefined))
        throw invalid('.ToGroupId (and no To_Account) is required when Type is 2');
      if (fromDecimalString(item.StandardMark) === undefined) {
        throw invalid('.StandardMark must be a decimal number in 0..2^64-1');
      }
      if (item.Type === 2 && !groups.has(item.ToGroupId as string)) {
        throw new StateError(
          `${at}.ToGroupId ${item.ToGroupId} is not in ${where}.groups`,
          ErrorCode.GROUP_UNRESOLVED,
        );
      }
      for (const groupId of item.ContactGroupId ?? []) {
        if (!groupIdsOf.get(from)?.has(groupId)) {
          throw new StateError(
            `${at}.ContactGroupId ${groupId} is not in ${where}.contactGroups.${from}.GroupItem`,
            ErrorCode.CONTACT_GROUP_NOT_FOUND,
          );
        }
      }
      const id = `${item.Type}:${item.Type === 1 ? item.To_Account : item.ToGroupId}`;
      if (conversations.has(id)) throw invalid(` names a conversation listed before (${id})`);
      conversations.add(id);
      if (positions.has(item.firstMarkedSeq))
        throw invalid(`.firstMarkedSeq ${item.firstMarkedSeq} is used twice`);
      positions.add(item.firstMarkedSeq);
    });
  }
}

/** Each user's conversation groups: known account, unique ids below NextGroupId, unique names. */
function checkContactGroups(app: AppState, where: string, accounts: Set<string>): Map<string, Set<number>> {
  const idsOf = new Map<string, Set<number>>();
  for (const [from, user] of Object.entries(app.contactGroups ?? {})) {
    const at = `${where}.contactGroups.${from}`;
    if (!accounts.has(from)) {
      throw new StateError(`${at}: ${from} is not in ${where}.accounts`, ErrorCode.ACCOUNT_NOT_IMPORTED);
    }
    const ids = new Set<number>();
    const names = new Set<string>();
    user.GroupItem.forEach((group, i) => {
      if (ids.has(group.GroupId) || group.GroupId >= user.NextGroupId) {
        throw new StateError(
          `${at}.GroupItem[${i}].GroupId ${group.GroupId} is used twice or not below NextGroupId`,
          ErrorCode.INVALID_PARAMETER,
        );
      }
      if (names.has(group.GroupName)) {
        throw new StateError(
          `${at}.GroupItem[${i}].GroupName ${group.GroupName} is used twice`,
          ErrorCode.CONTACT_GROUP_NAME,
        );
      }
      ids.add(group.GroupId);
      names.add(group.GroupName);
    });
    idsOf.set(from, ids);
  }
  return idsOf;
}
