// v4/im_open_login_svc/account_import and multiaccount_import. Importing an account twice succeeds.
// The rules are @tim-marks/types' (checkRequest / checkItem), the same the client checks.
import { checkItem, checkRequest, refusalText } from '@tim-marks/types';
import { fail, ok } from '../envelope.js';
import type { CommandHandler, ValidRequest } from './context.js';

export const accountImport: CommandHandler<'accountImport'> = async (body, ctx) => {
  const refusal = checkRequest('accountImport', body);
  if (refusal !== undefined) return fail(refusal.code, refusalText(refusal));
  const request = body as ValidRequest<'accountImport'>;
  await ctx.store.importAccounts(ctx.app.sdkAppId, [request.UserID]);
  return ok();
};

export const multiaccountImport: CommandHandler<'multiaccountImport'> = async (body, ctx) => {
  const refusal = checkRequest('multiaccountImport', body);
  if (refusal !== undefined) return fail(refusal.code, refusalText(refusal));
  // Entries the rules refuse are answered in FailAccounts; the rest are valid UserIDs.
  const ids = (body as ValidRequest<'multiaccountImport'>).Accounts;
  const valid: string[] = [];
  const FailAccounts: string[] = [];
  ids.forEach((id, i) => {
    (checkItem('multiaccountImport', id, i) === undefined ? valid : FailAccounts).push(id);
  });
  await ctx.store.importAccounts(ctx.app.sdkAppId, valid);
  return ok({ FailAccounts });
};
