// v4/im_open_login_svc/account_import and multiaccount_import. Importing an account twice succeeds.
// Both take the forms real SDKs send: account_import's older field name `Identifier` (deprecated
// alias of `UserID`), and multiaccount_import's newer `AccountList` of {UserID, Nick, FaceUrl}
// beside the older `Accounts` of UserIDs. Nick and FaceUrl are checked but not kept: no command
// of this slice answers them.
import { ErrorCode } from '@tim-marks/types';
import { fail, ok } from '../envelope.js';
import type { CommandHandler } from './context.js';
import { describeError, firstError, isObject } from './describe.js';

export const accountImport: CommandHandler<'accountImport'> = async (body, ctx) => {
  for (const field of ['UserID', 'Identifier'] as const) {
    if (body[field] !== undefined && typeof body[field] !== 'string') {
      return fail(ErrorCode.ACCOUNT_TYPE, `${field} must be a string`);
    }
  }
  if (body.UserID !== undefined && body.Identifier !== undefined && body.UserID !== body.Identifier) {
    return fail(
      ErrorCode.ACCOUNT_INVALID_PARAMETER,
      'UserID and Identifier name different accounts: send UserID alone (Identifier is its older name)',
    );
  }
  // The older form is checked as the current one, and its errors name the field it sent.
  const alias = body.UserID === undefined && body.Identifier !== undefined;
  const request = alias ? { ...body, UserID: body.Identifier } : body;
  const validate = ctx.validators.accountImport;
  if (!(validate(request) as boolean)) {
    const error = firstError(validate.errors ?? []);
    const text = error ? describeError(error) : 'invalid request';
    return fail(ErrorCode.ACCOUNT_INVALID_PARAMETER, alias ? text.replace(/^UserID\b/, 'Identifier') : text);
  }
  await ctx.store.importAccounts(ctx.app.sdkAppId, [request.UserID as string]);
  return ok();
};

const ACCOUNTS_ENTRY = /^\/Accounts\/([0-9]+)$/;
const ACCOUNT_LIST_ENTRY = /^\/AccountList\/([0-9]+)\/UserID$/;

export const multiaccountImport: CommandHandler<'multiaccountImport'> = async (received, ctx) => {
  // Generated clients (Java's, for one) send the list they were not given as []: an empty list
  // beside the other form is left out. Two non-empty lists are ambiguous.
  const given = (value: unknown) => value !== undefined && !(Array.isArray(value) && value.length === 0);
  if (given(received.Accounts) && given(received.AccountList)) {
    return fail(ErrorCode.ACCOUNT_INVALID_PARAMETER, 'send Accounts or AccountList, not both');
  }
  // The schema leaves both optional (one of two cannot be said to generators): one is required.
  if (received.Accounts === undefined && received.AccountList === undefined) {
    return fail(
      ErrorCode.ACCOUNT_INVALID_PARAMETER,
      'Accounts is required (or, in the newer form, AccountList)',
    );
  }
  const list = given(received.AccountList) || received.Accounts === undefined;
  const { [list ? 'Accounts' : 'AccountList']: _unused, ...body } = received;
  const entries = list ? body.AccountList : body.Accounts;
  if (Array.isArray(entries)) {
    const wrongType = list
      ? entries.findIndex((entry) => !isObject(entry) || typeof entry.UserID !== 'string')
      : entries.findIndex((id) => typeof id !== 'string');
    if (wrongType >= 0) {
      return fail(
        ErrorCode.ACCOUNT_TYPE,
        list
          ? `AccountList[${wrongType}] must be an object whose UserID is a string`
          : 'every entry of Accounts must be a string',
      );
    }
  }
  const validate = ctx.validators.multiaccountImport;
  const invalid = new Set<number>();
  if (!(validate(body) as boolean)) {
    const entry = list ? ACCOUNT_LIST_ENTRY : ACCOUNTS_ENTRY;
    for (const error of validate.errors ?? []) {
      const match = entry.exec(error.instancePath);
      if (match === null) {
        return fail(ErrorCode.ACCOUNT_INVALID_PARAMETER, describeError(firstError([error]) ?? error));
      }
      invalid.add(Number(match[1]));
    }
  }
  // Entries the schema refused are answered in FailAccounts; the rest are valid UserIDs.
  const ids = list
    ? (body.AccountList as { UserID: string }[]).map((entry) => entry.UserID)
    : (body.Accounts as string[]);
  await ctx.store.importAccounts(
    ctx.app.sdkAppId,
    ids.filter((_, i) => !invalid.has(i)),
  );
  return ok({ FailAccounts: ids.filter((_, i) => invalid.has(i)) });
};
