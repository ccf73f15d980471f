// v4/recentcontact/get_contact_group: the user's marked or grouped conversations in the order they
// entered that set, a page of LIMITS.getContactGroupPageSize at a time, with every conversation group
// of the user on each page.
// The rules are @tim-marks/types' (checkRequest), the same the client checks; StartIndex stops at
// 2^53 − 1 in the spec, as JSON Schema calls 1e300 an integer but no NextStartIndex could be written past it.
import { checkRequest, ErrorCode, LIMITS, refusalText } from '@tim-marks/types';
import { fail } from '../envelope.js';
import { contactWithMarks } from './contact-groups.js';
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
  const ContactItem = page.items.map(contactWithMarks);
  const next = start + ContactItem.length;
  const complete = next >= page.total;
  return {
    ContactItem,
    GroupItem: page.groups,
    CompleteFlag: complete ? 1 : 0,
    // The official example answers 0 on the last page: SDKs that loop while NextStartIndex != 0 stop there.
    NextStartIndex: complete ? 0 : next,
    ActionStatus: 'OK',
    ErrorCode: ErrorCode.OK,
    ErrorInfo: '',
    ErrorDisplay: '',
  };
};
