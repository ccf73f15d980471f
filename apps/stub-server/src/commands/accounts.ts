// v4/im_open_login_svc/account_import and multiaccount_import. Importing an account twice succeeds.
import { ErrorCode } from '@tim-marks/types';
import { fail, ok } from '../envelope.js';
import type { CommandHandler, ValidRequest } from './context.js';
import { describeError, firstError } from './describe.js';

export const accountImport: CommandHandler<'accountImport'> = async (body, ctx) => {
  const validate = ctx.validators.accountImport;
  if (!(validate(body) as boolean)) {
    if (body.UserID !== undefined && typeof body.UserID !== 'string') {
      return fail(ErrorCode.ACCOUNT_TYPE, 'UserID must be a string');
    }
    const error = firstError(validate.errors ?? []);
    return fail(ErrorCode.ACCOUNT_INVALID_PARAMETER, error ? describeError(error) : 'invalid request');
  }
  const request = body as ValidRequest<'accountImport'>;
  await ctx.store.importAccounts(ctx.app.sdkAppId, [request.UserID]);
  return ok();
};

const ACCOUNT_PATH = /^\/Accounts\/[0-9]+$/;

export const multiaccountImport: CommandHandler<'multiaccountImport'> = async (body, ctx) => {
  const validate = ctx.validators.multiaccountImport;
  const accounts = body.Accounts;
  const invalid = new Set<number>();
  if (!(validate(body) as boolean)) {
    if (Array.isArray(accounts) && accounts.some((id) => typeof id !== 'string')) {
      return fail(ErrorCode.ACCOUNT_TYPE, 'every entry of Accounts must be a string');
    }
    for (const error of validate.errors ?? []) {
      if (!ACCOUNT_PATH.test(error.instancePath)) {
        return fail(ErrorCode.ACCOUNT_INVALID_PARAMETER, describeError(firstError([error]) ?? error));
      }
      invalid.add(Number(error.instancePath.slice('/Accounts/'.length)));
    }
  }
  // Entries the schema refused are answered in FailAccounts; the rest are valid UserIDs.
  const ids = (body as ValidRequest<'multiaccountImport'>).Accounts;
  await ctx.store.importAccounts(
    ctx.app.sdkAppId,
    ids.filter((_, i) => !invalid.has(i)),
  );
  return ok({ FailAccounts: ids.filter((_, i) => invalid.has(i)) });
};
