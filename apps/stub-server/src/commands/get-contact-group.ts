// v4/recentcontact/get_contact_group: the user's marked conversations in first-marked order, a page
// of LIMITS.getContactGroupPageSize at a time. Conversation groups are not emulated yet, so
// GroupItem is always [] and ContactGroupId never appears.
// The rules are @tim-marks/types' (checkRequest), the same the client checks; StartIndex stops at
// 2^53 − 1 in the spec, as JSON Schema calls 1e300 an integer but no NextStartIndex could be written past it.
import { type ContactItemWithMarks, checkRequest, ErrorCode, LIMITS, refusalText } from '@tim-marks/types';
import { fail } from '../envelope.js';
import { toBinaryString } from '../standard-mark.js';
import type { CommandHandler, ValidRequest } from './context.js';

export const getContactGroup: CommandHandler<'getContactGroup'> = async (body, ctx) => {
  const refusal = checkRequest('getContactGroup', body);
  if (refusal !== undefined) return fail(refusal.code, refusalText(refusal));
  const { From_Account: from, StartIndex: start } = body as ValidRequest<'getContactGroup'>;
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
