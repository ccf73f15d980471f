// v4/recentcontact/get_contact_group: the user's marked conversations in first-marked order, a page
// of LIMITS.getContactGroupPageSize at a time. Conversation groups are not emulated yet, so
// GroupItem is always [] and ContactGroupId never appears.
import { type ContactItemWithMarks, ErrorCode, LIMITS } from '@tim-marks/types';
import { fail } from '../envelope.js';
import { toBinaryString } from '../standard-mark.js';
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
  // An absent custom mark is `undefined`, which JSON leaves out, as the API does.
  const ContactItem = page.items.map((c): ContactItemWithMarks => {
    const StandardMark = toBinaryString(c.hi, c.lo);
    return c.type === 1
      ? { Type: 1, To_Account: c.id, StandardMark, CustomMark: c.custom, Timestamp: c.timestamp }
      : { Type: 2, ToGroupId: c.id, StandardMark, CustomMark: c.custom, Timestamp: c.timestamp };
  });
  const next = start + ContactItem.length;
  const complete = next >= page.total;
  return {
    ContactItem,
    GroupItem: [],
    CompleteFlag: complete ? 1 : 0,
    // The official example answers 0 on the last page: SDKs that loop while NextStartIndex != 0 stop there.
    NextStartIndex: complete ? 0 : next,
    ActionStatus: 'OK',
    ErrorCode: ErrorCode.OK,
    ErrorInfo: '',
    ErrorDisplay: '',
  };
};
