// v4/recentcontact/get_contact_group: the user's marked or grouped conversations in the order they
// entered that set, a page of LIMITS.getContactGroupPageSize at a time, with every conversation group
// of the user on each page.
import { ErrorCode, LIMITS } from '@tim-marks/types';
import { fail } from '../envelope.js';
import { contactWithMarks } from './contact-groups.js';
import type { CommandHandler, ValidRequest } from './context.js';
import { describeError, firstError } from './describe.js';

export const getContactGroup: CommandHandler<'getContactGroup'> = async (body, ctx) => {
  const validate = ctx.validators.getContactGroup;
  if (!(validate(body) as boolean)) {
    if (body.From_Account !== undefined && typeof body.From_Account !== 'string') {
      return fail(ErrorCode.ACCOUNT_TYPE, 'From_Account must be a string');
    }
    const error = firstError(validate.errors ?? []);
    return fail(ErrorCode.INVALID_PARAMETER, error ? describeError(error) : 'invalid request');
  }
  const { From_Account: from, StartIndex: start } = body as ValidRequest<'getContactGroup'>;
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
  const ContactItem = page.items.map(contactWithMarks);
  const next = start + ContactItem.length;
  return {
    ContactItem,
    GroupItem: page.groups,
    CompleteFlag: next >= page.total ? 1 : 0,
    NextStartIndex: next,
    ActionStatus: 'OK',
    ErrorCode: ErrorCode.OK,
    ErrorInfo: '',
    ErrorDisplay: '',
  };
};
