import {
  type CommandName,
  type ContactItem,
  checkItem,
  checkRequest,
  checkValue,
  checkContactItem as contactItemRefusal,
  ErrorCode,
  type GetContactGroupRequest,
  type ItemListCommand,
  itemsOf,
  type MarkContactRequest,
  type MarkItem,
  checkMarkItem as markItemRefusal,
  type Refusal,
} from '@tim-marks/types';
import { TimMarksValidationError } from './errors.js';

// A request is checked here with the rules the stub applies on receipt (@tim-marks/types'
// checkRequest / checkItem: the spec's generated validators plus its semantic rules), so that a bad
// request never leaves the process and each failure carries the code the server would answer. Where
// the client is stricter than the server it says so, here and in the README ("Local validation").

interface Where {
  field: string;
  itemIndex?: number | undefined;
  command?: CommandName | undefined;
}

function refuse(refusal: Refusal, itemIndex?: number, command?: CommandName): never {
  throw new TimMarksValidationError({
    code: refusal.code,
    reason: refusal.reason,
    field: refusal.field === '' ? 'request' : refusal.field,
    itemIndex,
    command,
  });
}

function fail(where: Where, reason: string, code: number = ErrorCode.INVALID_PARAMETER): never {
  throw new TimMarksValidationError({
    code,
    reason,
    field: where.field,
    itemIndex: where.itemIndex,
    command: where.command,
  });
}

function check(refusal: Refusal | undefined, where: Where): void {
  if (refusal !== undefined) refuse(refusal, where.itemIndex, where.command);
}

/** A standard-mark bit position: an integer 1..64. */
export function checkPosition(value: unknown, where: Where): number {
  check(checkValue('MarkPosition', value, where.field), where);
  return value as number;
}

/** A custom mark: a string of at most 256 UTF-8 bytes (not characters). */
export function checkCustomMark(value: unknown, where: Where): string {
  check(checkValue('CustomMark', value, where.field), where);
  return value as string;
}

/** A ContactItem, answered as a plain copy holding only the fields of its Type. */
export function checkContactItem(value: unknown, where: Where): ContactItem {
  check(contactItemRefusal(value, where.field), where);
  const contact = value as ContactItem;
  return contact.Type === 1
    ? { Type: 1, To_Account: contact.To_Account }
    : { Type: 2, ToGroupId: contact.ToGroupId };
}

/**
 * Checks one MarkItem and answers a plain copy holding only the fields of the spec (a builder or
 * an object with extra fields sends exactly what the API reads).
 *
 * Stricter than the server: a field that the item's OptType tells the server to ignore (CustomMark
 * with OptType 1, SetMark/ClearMark with OptType 2) is refused, as it would be dropped silently.
 */
export function checkMarkItem(value: unknown, itemIndex?: number, command?: CommandName): MarkItem {
  const field = itemIndex === undefined ? 'MarkItem' : `MarkItem[${itemIndex}]`;
  check(markItemRefusal(value, field), { field, itemIndex, command });
  const item = value as MarkItem;
  const at: Where = { field: `${field}.OptType`, itemIndex, command };
  const hasPositions = (item.SetMark?.length ?? 0) + (item.ClearMark?.length ?? 0) > 0;
  if (item.OptType === 2 && hasPositions) {
    fail(at, 'OptType 2 sets the custom mark only; use 3 to send SetMark/ClearMark too');
  }
  if (item.OptType === 1 && item.CustomMark !== undefined) {
    fail(at, 'OptType 1 sets standard marks only; use 3 to send CustomMark too');
  }
  const contact: Where = { field: `${field}.ContactItem`, itemIndex, command };
  const copy: MarkItem = { OptType: item.OptType, ContactItem: checkContactItem(item.ContactItem, contact) };
  if (item.SetMark !== undefined) copy.SetMark = [...item.SetMark];
  if (item.ClearMark !== undefined) copy.ClearMark = [...item.ClearMark];
  if (item.CustomMark !== undefined) copy.CustomMark = item.CustomMark;
  return copy;
}

/**
 * Checks a whole mark_contact request, every item, before anything is sent. Any number of items
 * is accepted here (the client splits them into calls of at most LIMITS.markItemsPerCall); none is 51006.
 */
export function checkMarkContactRequest(value: unknown): MarkContactRequest {
  const command = 'markContact';
  check(checkRequest(command, value, { splitsItems: true }), { field: 'request', command });
  const body = value as Record<string, unknown>;
  return {
    From_Account: body.From_Account as string,
    MarkItem: itemsOf(command, body).map((item, index) => checkMarkItem(item, index, command)),
  };
}

export function checkGetContactGroupRequest(value: unknown): GetContactGroupRequest {
  const command = 'getContactGroup';
  check(checkRequest(command, value), { field: 'request', command });
  const { From_Account, StartIndex } = value as GetContactGroupRequest;
  return { From_Account, StartIndex };
}

/**
 * Checks the request of a setup command (account_import, create_group, destroy_group) with the
 * server's rules and answers it unchanged.
 */
export function checkSetupRequest<T>(command: Exclude<CommandName, ItemListCommand>, value: T): T {
  check(checkRequest(command, value), { field: 'request', command });
  return value;
}

/**
 * Checks a multiaccount_import request of any length (the client sends it in calls of at most
 * LIMITS.accountsPerMultiImport). Stricter than the server: an entry the server would answer in
 * FailAccounts (an empty or over-long UserID) is refused here, naming its index.
 */
export function checkAccountsRequest<T>(value: T): T {
  const command = 'multiaccountImport';
  check(checkRequest(command, value, { splitsItems: true }), { field: 'request', command });
  itemsOf(command, value as Record<string, unknown>).forEach((entry, index) => {
    check(checkItem(command, entry, index), { field: `Accounts[${index}]`, itemIndex: index, command });
  });
  return value;
}
