import {
  type CommandName,
  type ContactItem,
  ErrorCode,
  type GetContactGroupRequest,
  LIMITS,
  type MarkContactRequest,
  type MarkItem,
} from '@tim-marks/types';
import { TimMarksValidationError } from './errors.js';

// The rules the server applies to a mark_contact request (see the spec's x-assumption on OptType,
// MarkPosition and CustomMark), checked here so that a bad request never leaves the process. Each
// failure carries the code the server would answer.

const OPT_TYPE_STANDARD = 1;
const OPT_TYPE_CUSTOM = 2;
const OPT_TYPE_BOTH = 3;

export interface Where {
  field: string;
  itemIndex?: number | undefined;
  command?: CommandName | undefined;
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

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An account field: a non-empty string; another type is what the server answers 60015 for. */
export function checkAccount(value: unknown, where: Where): string {
  if (value === undefined || value === null) fail(where, 'is missing');
  if (typeof value !== 'string') fail(where, 'must be a string', ErrorCode.ACCOUNT_TYPE);
  if (value === '') fail(where, 'must not be empty');
  return value;
}

/** A standard-mark bit position: an integer 1..64. */
export function checkPosition(value: unknown, where: Where): number {
  if (
    typeof value !== 'number' ||
    !Number.isInteger(value) ||
    value < LIMITS.markPositionMin ||
    value > LIMITS.markPositionMax
  ) {
    fail(
      where,
      `must be an integer ${LIMITS.markPositionMin}..${LIMITS.markPositionMax}, got ${JSON.stringify(value)}`,
    );
  }
  return value;
}

/** A custom mark: a string of at most 256 UTF-8 bytes (not characters). */
export function checkCustomMark(value: unknown, where: Where): string {
  if (typeof value !== 'string') fail(where, 'must be a string');
  const bytes = Buffer.byteLength(value, 'utf8');
  if (bytes > LIMITS.customMarkMaxBytes) {
    fail(where, `is ${bytes} UTF-8 bytes, more than ${LIMITS.customMarkMaxBytes}`);
  }
  return value;
}

export function checkContactItem(value: unknown, where: Where): ContactItem {
  if (!isObject(value)) fail(where, 'must be an object with Type 1 (To_Account) or 2 (ToGroupId)');
  if (value.Type === 1) {
    return {
      Type: 1,
      To_Account: checkAccount(value.To_Account, { ...where, field: `${where.field}.To_Account` }),
    };
  }
  if (value.Type === 2) {
    const groupId = value.ToGroupId;
    const field = { ...where, field: `${where.field}.ToGroupId` };
    if (groupId === undefined || groupId === null) fail(field, 'is missing');
    if (typeof groupId !== 'string' || groupId === '') fail(field, 'must be a non-empty string');
    return { Type: 2, ToGroupId: groupId };
  }
  return fail({ ...where, field: `${where.field}.Type` }, 'must be 1 (C2C) or 2 (group)');
}

function checkPositions(value: unknown, where: Where): number[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) fail(where, 'must be an array of positions');
  return value.map((position, i) => checkPosition(position, { ...where, field: `${where.field}[${i}]` }));
}

/**
 * Checks one MarkItem and answers a plain copy holding only the fields of the spec (a builder or
 * an object with extra fields sends exactly what the API reads).
 */
export function checkMarkItem(value: unknown, itemIndex?: number, command?: CommandName): MarkItem {
  const field = itemIndex === undefined ? 'MarkItem' : `MarkItem[${itemIndex}]`;
  const at = (name: string): Where => ({ field: `${field}.${name}`, itemIndex, command });
  if (!isObject(value)) fail({ field, itemIndex, command }, 'must be an object');

  const ContactItem = checkContactItem(value.ContactItem, at('ContactItem'));
  const OptType = value.OptType;
  if (OptType !== OPT_TYPE_STANDARD && OptType !== OPT_TYPE_CUSTOM && OptType !== OPT_TYPE_BOTH) {
    fail(
      at('OptType'),
      `must be 1 (standard marks), 2 (custom mark) or 3 (both), got ${JSON.stringify(OptType)}`,
    );
  }
  const SetMark = checkPositions(value.SetMark, at('SetMark'));
  const ClearMark = checkPositions(value.ClearMark, at('ClearMark'));
  const CustomMark =
    value.CustomMark === undefined ? undefined : checkCustomMark(value.CustomMark, at('CustomMark'));

  const hasPositions = (SetMark?.length ?? 0) + (ClearMark?.length ?? 0) > 0;
  const hasCustom = CustomMark !== undefined;
  const wantsPositions = OptType === OPT_TYPE_STANDARD || OptType === OPT_TYPE_BOTH;
  const wantsCustom = OptType === OPT_TYPE_CUSTOM || OptType === OPT_TYPE_BOTH;
  if (wantsPositions && !hasPositions) fail(at('OptType'), `OptType ${OptType} needs SetMark or ClearMark`);
  if (wantsCustom && !hasCustom) fail(at('OptType'), `OptType ${OptType} needs CustomMark`);
  // Fields the OptType tells the server to ignore would be dropped silently: refuse them instead.
  if (!wantsPositions && hasPositions)
    fail(at('OptType'), 'OptType 2 sets the custom mark only; use 3 to send SetMark/ClearMark too');
  if (!wantsCustom && hasCustom)
    fail(at('OptType'), 'OptType 1 sets standard marks only; use 3 to send CustomMark too');

  if (SetMark !== undefined && ClearMark !== undefined) {
    const cleared = new Set(ClearMark);
    const both = SetMark.find((position) => cleared.has(position));
    if (both !== undefined) fail(at('SetMark'), `position ${both} is both set and cleared`);
  }

  const item: MarkItem = { OptType, ContactItem };
  if (SetMark !== undefined) item.SetMark = SetMark;
  if (ClearMark !== undefined) item.ClearMark = ClearMark;
  if (CustomMark !== undefined) item.CustomMark = CustomMark;
  return item;
}

/**
 * Checks a whole mark_contact request, every item, before anything is sent. Any number of items
 * is accepted here (the client splits them into calls of at most LIMITS.markItemsPerCall); none is 51006.
 */
export function checkMarkContactRequest(value: unknown): MarkContactRequest {
  const command = 'markContact';
  if (!isObject(value)) fail({ field: 'request', command }, 'must be an object');
  const From_Account = checkAccount(value.From_Account, { field: 'From_Account', command });
  const items = value.MarkItem;
  if (!Array.isArray(items) || items.length === 0) {
    fail({ field: 'MarkItem', command }, 'must name at least one conversation', ErrorCode.MARK_ITEM_COUNT);
  }
  return { From_Account, MarkItem: items.map((item, index) => checkMarkItem(item, index, command)) };
}

export function checkGetContactGroupRequest(value: unknown): GetContactGroupRequest {
  const where = (field: string): Where => ({ field, command: 'getContactGroup' });
  if (!isObject(value)) fail(where('request'), 'must be an object');
  const From_Account = checkAccount(value.From_Account, where('From_Account'));
  const StartIndex = value.StartIndex;
  if (typeof StartIndex !== 'number' || !Number.isSafeInteger(StartIndex) || StartIndex < 0) {
    fail(where('StartIndex'), `must be an integer >= 0, got ${JSON.stringify(StartIndex)}`);
  }
  return { From_Account, StartIndex };
}
