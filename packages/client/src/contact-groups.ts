// The rules of the conversation-group commands (the spec's x-assumption of each), checked before a
// request leaves the process. Each failure carries the code the server would answer: 51011 for a
// name, 51006 for a count, 60015 for an account that is not a string, 50002 otherwise.
// Field shapes come from the shared rule set (@tim-marks/types' checkValue: the spec's generated
// validators, the ones the stub runs); which code a failure answers is the conversation-group
// commands' own (a bad name is 51011, not 50002).
import {
  type ContactItem,
  type ContactUpdateItem,
  type CreateContactGroupRequest,
  checkValue,
  type DelContactGroupRequest,
  ErrorCode,
  LIMITS,
  type SearchContactGroupRequest,
  type UpdateContactGroupRequest,
} from '@tim-marks/types';
import { TimMarksValidationError } from './errors.js';
import { checkContactItem } from './validate.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type GroupCommand = 'createContactGroup' | 'updateContactGroup' | 'delContactGroup' | 'searchContactGroup';

function refuse(
  command: GroupCommand,
  field: string,
  reason: string,
  code: number = ErrorCode.INVALID_PARAMETER,
): never {
  throw new TimMarksValidationError({ code, reason, field, command });
}

/** A conversation group name: 1..32 UTF-8 bytes (51011 otherwise). */
export function checkContactGroupName(value: unknown, field: string, command: GroupCommand): string {
  const max = LIMITS.contactGroupNameMaxBytes;
  if (checkValue('ContactGroupName', value, field) !== undefined) {
    refuse(command, field, `must be a name of 1 to ${max} UTF-8 bytes`, ErrorCode.CONTACT_GROUP_NAME);
  }
  return value as string;
}

/** From_Account: a UserID (50002), and a string (60015 otherwise). */
function checkFrom(value: unknown, command: GroupCommand): string {
  if (value === undefined) refuse(command, 'From_Account', 'is required');
  if (typeof value !== 'string') refuse(command, 'From_Account', 'must be a string', ErrorCode.ACCOUNT_TYPE);
  const refusal = checkValue('UserID', value, 'From_Account');
  if (refusal !== undefined) refuse(command, refusal.field, refusal.reason, refusal.code);
  return value;
}

function checkContacts(
  value: unknown,
  field: string,
  command: GroupCommand,
  min: number,
  max: number,
): ContactItem[] {
  if (!Array.isArray(value)) refuse(command, field, 'must be an array of conversations');
  if (value.length < min || value.length > max) {
    refuse(
      command,
      field,
      `must name ${min} to ${max} conversations, got ${value.length}`,
      ErrorCode.MARK_ITEM_COUNT,
    );
  }
  return value.map((c, i) => checkContactItem(c, { field: `${field}[${i}]`, itemIndex: i, command }));
}

export function checkCreateContactGroupRequest(value: unknown): CreateContactGroupRequest {
  const command = 'createContactGroup';
  if (!isObject(value)) refuse(command, 'request', 'must be an object');
  const From_Account = checkFrom(value.From_Account, command);
  const groups = value.GroupContactItem;
  if (!Array.isArray(groups) || groups.length !== 1 || !isObject(groups[0])) {
    refuse(command, 'GroupContactItem', 'must hold exactly one group { GroupName, ContactItem }');
  }
  const group = groups[0] as Record<string, unknown>;
  const ContactItem = checkContacts(
    group.ContactItem ?? [],
    'GroupContactItem[0].ContactItem',
    command,
    0,
    LIMITS.contactGroupItemsPerCall,
  );
  const GroupName = checkContactGroupName(group.GroupName, 'GroupContactItem[0].GroupName', command);
  return { From_Account, GroupContactItem: [{ GroupName, ContactItem }] };
}

export function checkUpdateContactGroupRequest(value: unknown): UpdateContactGroupRequest {
  const command = 'updateContactGroup';
  if (!isObject(value)) refuse(command, 'request', 'must be an object');
  const From_Account = checkFrom(value.From_Account, command);
  if (value.UpdateType !== 1) refuse(command, 'UpdateType', 'must be 1');
  const update = value.UpdateGroup;
  if (!isObject(update)) refuse(command, 'UpdateGroup', 'must be an object');
  const OldGroupName = update.OldGroupName;
  if (typeof OldGroupName !== 'string') refuse(command, 'UpdateGroup.OldGroupName', 'must be a string');
  if (update.UpdateGroupType === 1) {
    const NewGroupName = checkContactGroupName(update.NewGroupName, 'UpdateGroup.NewGroupName', command);
    return { From_Account, UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName, NewGroupName } };
  }
  if (update.UpdateGroupType !== 2) {
    refuse(command, 'UpdateGroup.UpdateGroupType', 'must be 1 (rename) or 2 (add / remove conversations)');
  }
  const items = update.ContactUpdateItem;
  const field = 'UpdateGroup.ContactUpdateItem';
  const max = LIMITS.contactGroupItemsPerCall;
  if (!Array.isArray(items) || items.length < 1 || items.length > max) {
    refuse(command, field, `must name 1 to ${max} conversations`, ErrorCode.MARK_ITEM_COUNT);
  }
  const ContactUpdateItem = items.map((item, i): ContactUpdateItem => {
    const at = `${field}[${i}]`;
    if (!isObject(item)) refuse(command, at, 'must be an object');
    const ContactOptType = item.ContactOptType;
    if (ContactOptType !== 1 && ContactOptType !== 2) {
      refuse(command, `${at}.ContactOptType`, 'must be 1 (add) or 2 (remove)');
    }
    const ContactItem = checkContactItem(item.ContactItem, {
      field: `${at}.ContactItem`,
      itemIndex: i,
      command,
    });
    return { ContactOptType, ContactItem };
  });
  return {
    From_Account,
    UpdateType: 1,
    UpdateGroup: { UpdateGroupType: 2, OldGroupName, ContactUpdateItem },
  };
}

export function checkDelContactGroupRequest(value: unknown): DelContactGroupRequest {
  const command = 'delContactGroup';
  if (!isObject(value)) refuse(command, 'request', 'must be an object');
  const From_Account = checkFrom(value.From_Account, command);
  const names = value.GroupName;
  if (!Array.isArray(names) || names.length !== 1 || typeof names[0] !== 'string') {
    refuse(command, 'GroupName', 'must hold exactly one group name');
  }
  return { From_Account, GroupName: [names[0] as string] };
}

/** Any number of conversations (at least one): the client splits them into calls of at most 300. */
export function checkSearchContactGroupRequest(value: unknown): SearchContactGroupRequest {
  const command = 'searchContactGroup';
  if (!isObject(value)) refuse(command, 'request', 'must be an object');
  const From_Account = checkFrom(value.From_Account, command);
  const ContactItem = checkContacts(value.ContactItem, 'ContactItem', command, 1, Number.MAX_SAFE_INTEGER);
  return { From_Account, ContactItem };
}
