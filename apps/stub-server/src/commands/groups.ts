// v4/group_open_http_svc/create_group and destroy_group: just enough groups for group conversations
// to resolve (51007 once dissolved). A dissolved group's id stays taken.
// The rules are @tim-marks/types' (checkRequest), the same the client checks.
import { checkRequest, ErrorCode, refusalText } from '@tim-marks/types';
import { fail, ok } from '../envelope.js';
import type { CommandHandler, ValidRequest } from './context.js';

export const createGroup: CommandHandler<'createGroup'> = async (body, ctx) => {
  const refusal = checkRequest('createGroup', body);
  if (refusal !== undefined) return fail(refusal.code, refusalText(refusal));
  const request = body as ValidRequest<'createGroup'>;
  const owner = request.Owner_Account;
  const result = await ctx.store.createGroup(ctx.app.sdkAppId, {
    Type: request.Type,
    Name: request.Name,
    ...(request.GroupId === undefined ? {} : { GroupId: request.GroupId }),
    ...(owner === undefined ? {} : { Owner_Account: owner }),
  });
  if (result.outcome === 'in-use') {
    return fail(
      ErrorCode.GROUP_ID_IN_USE,
      `GroupId ${String(request.GroupId)} is already used by another group`,
    );
  }
  if (result.outcome === 'owner-unknown') {
    return fail(ErrorCode.GROUP_INVALID_PARAMETER, `Owner_Account ${owner} was never imported`);
  }
  return ok({ GroupId: result.GroupId });
};

export const destroyGroup: CommandHandler<'destroyGroup'> = async (body, ctx) => {
  const refusal = checkRequest('destroyGroup', body);
  if (refusal !== undefined) return fail(refusal.code, refusalText(refusal));
  const groupId = (body as ValidRequest<'destroyGroup'>).GroupId;
  if (!(await ctx.store.destroyGroup(ctx.app.sdkAppId, groupId))) {
    return fail(ErrorCode.GROUP_NOT_FOUND, `GroupId ${groupId} does not exist or was already dissolved`);
  }
  return ok();
};
