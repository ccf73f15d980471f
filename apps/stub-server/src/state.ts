// The exported state (GET /__stub/state) and its validation on import (PUT /__stub/state, the
// journal's import records, a snapshot of the first format): a clear message naming the bad field,
// held to the API's own limits (LIMITS from the spec), with the API's ErrorCode where the API has one
// for the same mistake: 51008 over the conversation cap, 50002 for a bad mark, 10004 for a bad
// group, 70402 for a bad account.
import { ErrorCode, LIMITS } from '@tim-marks/types';
import { controlPlaneDocument } from '@tim-marks/types/control-plane';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { describeError } from './commands/describe.js';
import { addMaxBytesKeyword } from './schemas.js';
import { fromDecimalString } from './standard-mark.js';
import type { AppState, StubState } from './store/store.js';

// The state's schemas are the control plane's (openapi/control-plane.yaml: StubState, AppState), with
// the API's limits written into them; a test holds those limits to the spec's x-limits.
const DOCUMENT_ID = 'control-plane.json';

let validators: { state: ValidateFunction; app: ValidateFunction } | undefined;

/** The two validators, compiled from the control plane's document on first use. */
function stateValidators(): { state: ValidateFunction; app: ValidateFunction } {
  if (validators === undefined) {
    const ajv = addMaxBytesKeyword(new Ajv2020({ allErrors: false, strict: false, validateFormats: false }));
    ajv.addSchema({ ...controlPlaneDocument, $id: DOCUMENT_ID });
    const compiled = (name: string) => {
      const validate = ajv.getSchema(`${DOCUMENT_ID}#/components/schemas/${name}`);
      if (validate === undefined) throw new Error(`openapi/control-plane.yaml has no schema ${name}`);
      return validate;
    };
    validators = { state: compiled('StubState'), app: compiled('AppState') };
  }
  return validators;
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
  const { state: validate } = stateValidators();
  if (!validate(value)) throw schemaError(validate.errors?.[0], 'the state');
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
  const { app: validate } = stateValidators();
  if (!validate(value)) throw schemaError(validate.errors?.[0], 'the app state');
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
