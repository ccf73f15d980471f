// v4/im_open_login_svc/account_import and multiaccount_import. Importing an account twice succeeds.
// The rules are @tim-marks/types' (checkRequest / checkItem), the same the client checks. Both
// commands take the forms real SDKs send: account_import's older `Identifier` (deprecated alias of
// `UserID`), multiaccount_import's newer `AccountList` beside `Accounts`. Nick and FaceUrl are
// checked but not kept: no command of this slice answers them.
import {
  checkItem,
  checkRequest,
  importedAccountID,
  importedUserID,
  itemsOf,
  refusalText,
} from '@tim-marks/types';
import { fail, ok } from '../envelope.js';
import type { CommandHandler } from './context.js';

export const accountImport: CommandHandler<'accountImport'> = async (body, ctx) => {
  const refusal = checkRequest('accountImport', body);
  if (refusal !== undefined) return fail(refusal.code, refusalText(refusal));
  const UserID = importedUserID(body as Record<string, unknown>) as string;
  await ctx.store.importAccounts(ctx.app.sdkAppId, [UserID]);
  return ok();
};

export const multiaccountImport: CommandHandler<'multiaccountImport'> = async (body, ctx) => {
  const refusal = checkRequest('multiaccountImport', body);
  if (refusal !== undefined) return fail(refusal.code, refusalText(refusal));
  // Entries the rules refuse are answered in FailAccounts; the rest are valid UserIDs.
  const valid: string[] = [];
  const FailAccounts: string[] = [];
  itemsOf('multiaccountImport', body as Record<string, unknown>).forEach((entry, i) => {
    const id = importedAccountID(entry);
    (checkItem('multiaccountImport', entry, i) === undefined ? valid : FailAccounts).push(id);
  });
  await ctx.store.importAccounts(ctx.app.sdkAppId, valid);
  return ok({ FailAccounts });
};
