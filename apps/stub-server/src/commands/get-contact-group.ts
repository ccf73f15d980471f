// v4/recentcontact/get_contact_group: the user's marked conversations in first-marked order, a page
// of LIMITS.getContactGroupPageSize at a time. Conversation groups are not emulated yet, so
// GroupItem is always [] and ContactGroupId never appears.
import { ErrorCode, LIMITS } from '@tim-marks/types';
import { fail } from '../envelope.js';
import { toBinaryString } from '../standard-mark.js';
import type { CommandHandler } from './context.js';
import { describeError, firstError } from './describe.js';

export const getContactGroup: CommandHandler = async (body, ctx) => {
  const validate = ctx.validators.getContactGroup;
  if (!(validate(body) as boolean)) {
    if (body.From_Account !== undefined && typeof body.From_Account !== 'string') {
      return fail(ErrorCode.ACCOUNT_TYPE, 'From_Account must be a string');
    }
    const error = firstError(validate.errors ?? []);
    return fail(ErrorCode.INVALID_PARAMETER, error ? describeError(error) : 'invalid request');
  }
  const from = body.From_Account as string;
  const start = body.StartIndex as number;
  // JSON Schema calls 1e300 or a 400-digit number an integer; past 2^53 − 1 NextStartIndex could not be written.
  if (!Number.isSafeInteger(start)) {
    return fail(
      ErrorCode.INVALID_PARAMETER,
      `StartIndex must be an integer in 0..${Number.MAX_SAFE_INTEGER}`,
    );
  }
  const page = await ctx.store.getContacts(ctx.app.sdkAppId, from, start, LIMITS.getContactGroupPageSize);
  if (page === undefined) {
    return fail(
      ErrorCode.ACCOUNT_NOT_IMPORTED,
      `From_Account ${from} was never imported (account_import first)`,
    );
  }
  const ContactItem = page.items.map((c) => {
    const item: Record<string, unknown> =
      c.type === 1 ? { Type: 1, To_Account: c.id } : { Type: 2, ToGroupId: c.id };
    item.StandardMark = toBinaryString(c.hi, c.lo);
    if (c.custom !== undefined) item.CustomMark = c.custom;
    item.Timestamp = c.timestamp;
    return item;
  });
  const next = start + ContactItem.length;
  return {
    ContactItem,
    GroupItem: [],
    CompleteFlag: next >= page.total ? 1 : 0,
    NextStartIndex: next,
    ActionStatus: 'OK',
    ErrorCode: ErrorCode.OK,
    ErrorInfo: '',
    ErrorDisplay: '',
  };
};
