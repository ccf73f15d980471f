// The rules of the conversation-group commands, checked before a request leaves the process. They
// are @tim-marks/types' (checkRequest, contactGroupNameRefusal, contactGroupMemberRefusal): the same
// code the stub runs on receipt, limits from the spec. Each failure carries the code the server
// would answer: 51011 for a name, 51006 for a count, 60015 for an account that is not a string,
// 50002 otherwise; a refused conversation of a create or an update names its index.
import {
  type ContactGroupCommand,
  type ContactItem,
  type ContactUpdateItem,
  type CreateContactGroupRequest,
  checkRequest,
  contactGroupMemberRefusal,
  contactGroupMembers,
  contactGroupNameRefusal,
  contactGroupNewName,
  type DelContactGroupRequest,
  type Refusal,
  type SearchContactGroupRequest,
  type UpdateContactGroupRequest,
} from '@tim-marks/types';
import { TimMarksValidationError } from './errors.js';

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(command: ContactGroupCommand, refusal: Refusal, itemIndex?: number): never {
  throw new TimMarksValidationError({
    code: refusal.code,
    reason: refusal.reason,
    field: refusal.field === '' ? 'request' : refusal.field,
    itemIndex,
    command,
  });
}

/** The request-level rules, the new name, then each conversation changed one by one. */
function check(
  command: ContactGroupCommand,
  body: unknown,
  options: { splitsItems?: boolean } = {},
): Record<string, unknown> {
  const request = checkRequest(command, body, options);
  if (request !== undefined) refuse(command, request);
  const checked = body as Record<string, unknown>;
  const name = contactGroupNewName(command, checked);
  const nameRefusal = name === undefined ? undefined : contactGroupNameRefusal(name.value, name.field);
  if (nameRefusal !== undefined) refuse(command, nameRefusal);
  contactGroupMembers(command, checked).forEach((entry, i) => {
    const refusal = contactGroupMemberRefusal(command, entry, i);
    if (refusal !== undefined) refuse(command, refusal, i);
  });
  return checked;
}

/** A plain copy of a checked ContactItem, holding only the fields of its Type. */
function contactOf(value: unknown): ContactItem {
  const contact = value as ContactItem;
  return contact.Type === 1
    ? { Type: 1, To_Account: contact.To_Account }
    : { Type: 2, ToGroupId: contact.ToGroupId };
}

/** A missing ContactItem is an empty group (the server wants the field: it is sent as []). */
export function checkCreateContactGroupRequest(value: unknown): CreateContactGroupRequest {
  const group =
    isObject(value) && Array.isArray(value.GroupContactItem) ? value.GroupContactItem[0] : undefined;
  const body =
    isObject(group) && group.ContactItem === undefined
      ? { ...(value as object), GroupContactItem: [{ ...group, ContactItem: [] }] }
      : value;
  const checked = check('createContactGroup', body);
  const only = (checked.GroupContactItem as Record<string, unknown>[])[0] as Record<string, unknown>;
  return {
    From_Account: checked.From_Account as string,
    GroupContactItem: [
      { GroupName: only.GroupName as string, ContactItem: (only.ContactItem as unknown[]).map(contactOf) },
    ],
  };
}

export function checkUpdateContactGroupRequest(value: unknown): UpdateContactGroupRequest {
  const checked = check('updateContactGroup', value);
  const From_Account = checked.From_Account as string;
  const update = checked.UpdateGroup as Record<string, unknown>;
  const OldGroupName = update.OldGroupName as string;
  if (update.UpdateGroupType === 1) {
    const NewGroupName = update.NewGroupName as string;
    return { From_Account, UpdateType: 1, UpdateGroup: { UpdateGroupType: 1, OldGroupName, NewGroupName } };
  }
  const ContactUpdateItem = (update.ContactUpdateItem as ContactUpdateItem[]).map(
    (item): ContactUpdateItem => ({
      ContactOptType: item.ContactOptType,
      ContactItem: contactOf(item.ContactItem),
    }),
  );
  return {
    From_Account,
    UpdateType: 1,
    UpdateGroup: { UpdateGroupType: 2, OldGroupName, ContactUpdateItem },
  };
}

export function checkDelContactGroupRequest(value: unknown): DelContactGroupRequest {
  const checked = check('delContactGroup', value);
  return {
    From_Account: checked.From_Account as string,
    GroupName: [(checked.GroupName as string[])[0] as string],
  };
}

/** Any number of conversations (at least one): the client splits them into calls of at most 300. */
export function checkSearchContactGroupRequest(value: unknown): SearchContactGroupRequest {
  const checked = check('searchContactGroup', value, { splitsItems: true });
  return {
    From_Account: checked.From_Account as string,
    ContactItem: (checked.ContactItem as unknown[]).map(contactOf),
  };
}
