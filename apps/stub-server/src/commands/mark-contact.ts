// v4/recentcontact/mark_contact. Request-level failures answer the envelope alone and change
// nothing; item-level failures fail their item (ResultCode / ResultInfo) while the others apply.
// Items are validated first (schema, then the rules the schema cannot say), then the store applies
// all valid items in one atomic call, which also checks From_Account, groups and the 1000 cap.
import {
  type ContactItemEcho,
  ErrorCode,
  LIMITS,
  type MarkContactAnswer,
  type MarkItem,
  type MarkResultItem,
} from '@tim-marks/types';
import { fail } from '../envelope.js';
import type { ErrorObject } from '../schemas.js';
import { addPosition, type MarkMasks } from '../standard-mark.js';
import type { MarkOp, MarkOutcome } from '../store/store.js';
import type { CommandHandler } from './context.js';
import { describeError, firstError, isObject } from './describe.js';

interface ItemFailure {
  code: number;
  info: string;
}

const ITEM_PATH = /^\/MarkItem\/([0-9]+)(?:\/|$)/;

// Not an async function: with a synchronous store (the in-memory one) the whole command runs without
// a promise or a saved frame, which is measurable on the hot path.
export const markContact: CommandHandler<'markContact'> = (body, ctx) => {
  const validate = ctx.validators.markContact;
  const valid = validate(body) as boolean;
  const itemErrors = new Map<number, ErrorObject[]>();
  const requestErrors: ErrorObject[] = [];
  if (!valid) {
    for (const error of validate.errors ?? []) {
      const match = ITEM_PATH.exec(error.instancePath);
      if (match === null) requestErrors.push(error);
      else {
        const index = Number(match[1]);
        const list = itemErrors.get(index);
        if (list === undefined) itemErrors.set(index, [error]);
        else list.push(error);
      }
    }
  }

  const from = body.From_Account;
  if (from === undefined) return fail(ErrorCode.INVALID_PARAMETER, 'From_Account is required');
  if (typeof from !== 'string') return fail(ErrorCode.ACCOUNT_TYPE, 'From_Account must be a string');
  const fromError = requestErrors.find((e) => e.instancePath === '/From_Account');
  if (fromError !== undefined) return fail(ErrorCode.INVALID_PARAMETER, describeError(fromError));

  const items = body.MarkItem;
  if (items !== undefined && !Array.isArray(items)) {
    return fail(ErrorCode.INVALID_PARAMETER, 'MarkItem must be an array of conversations');
  }
  const count = items?.length ?? 0;
  if (count < 1 || count > LIMITS.markItemsPerCall) {
    return fail(
      ErrorCode.MARK_ITEM_COUNT,
      `MarkItem must name 1 to ${LIMITS.markItemsPerCall} conversations, got ${count}`,
    );
  }
  const list = items as unknown[];
  const otherError = requestErrors.find((e) => !e.instancePath.startsWith('/MarkItem'));
  if (otherError !== undefined) return fail(ErrorCode.INVALID_PARAMETER, describeError(otherError));

  if (
    !ctx.app.ultimate &&
    list.some((item) => isObject(item) && (item.OptType === 1 || item.OptType === 3))
  ) {
    return fail(
      ErrorCode.NOT_ULTIMATE,
      `standard marks (OptType 1 or 3) need the Ultimate edition; app ${ctx.app.sdkAppId} is ${ctx.app.edition}`,
    );
  }

  const failures: (ItemFailure | undefined)[] = new Array(count);
  const ops: MarkOp[] = [];
  const opOf: number[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const errors = itemErrors.get(i);
    const item = list[i];
    const failure =
      errors !== undefined ? schemaFailure(i, item, errors) : ruleFailure(i, item as Record<string, unknown>);
    if (failure !== undefined) failures[i] = failure;
    else {
      opOf[i] = ops.length;
      // The schema and the rules accepted this item: it is a MarkItem.
      ops.push(toOp(item as MarkItem));
    }
  }

  const outcomes = ctx.store.applyMarks(ctx.app.sdkAppId, from, ops, ctx.nowSeconds());
  const answer = (applied: MarkOutcome[] | undefined) => results(from, list, failures, opOf, applied);
  return outcomes instanceof Promise ? outcomes.then(answer) : answer(outcomes);
};

function results(
  from: string,
  list: unknown[],
  failures: (ItemFailure | undefined)[],
  opOf: number[],
  outcomes: MarkOutcome[] | undefined,
): MarkContactAnswer {
  if (outcomes === undefined) {
    return fail(
      ErrorCode.ACCOUNT_NOT_IMPORTED,
      `From_Account ${from} was never imported (account_import first)`,
    );
  }
  const count = list.length;
  const ResultItem: MarkResultItem[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const item = list[i];
    const echo = isObject(item) ? item : {};
    const failure = failures[i] ?? outcomeFailure(i, echo, outcomes[opOf[i] as number] as MarkOutcome);
    // Built field by field: an object spread with more fields after it is V8's slow path (it was
    // most of this function's time on 100-item requests).
    const result = echoOf(echo) as MarkResultItem;
    result.ResultCode = failure?.code ?? ErrorCode.OK;
    result.ResultInfo = failure?.info ?? '';
    ResultItem[i] = result;
  }
  return { ResultItem, ActionStatus: 'OK', ErrorCode: ErrorCode.OK, ErrorInfo: '', ErrorDisplay: '' };
}

/** The spec's MarkResultItem echo: OptType and ContactItem as sent, minus what was sent with an
 * invalid type or value, so that even a failed item's ResultItem conforms to the schema. */
function echoOf(item: Record<string, unknown>): Partial<MarkResultItem> {
  const out: Partial<MarkResultItem> = {};
  if (item.OptType === 1 || item.OptType === 2 || item.OptType === 3) out.OptType = item.OptType;
  const contact = item.ContactItem;
  if (isObject(contact) && (contact.Type === 1 || contact.Type === 2)) {
    const echoed: ContactItemEcho = { Type: contact.Type };
    if (typeof contact.To_Account === 'string') echoed.To_Account = contact.To_Account;
    if (typeof contact.ToGroupId === 'string') echoed.ToGroupId = contact.ToGroupId;
    out.ContactItem = echoed;
  }
  return out;
}

/** An item the schema refused: its ContactItem explained in words, else the first concrete error. */
function schemaFailure(index: number, item: unknown, errors: ErrorObject[]): ItemFailure {
  const prefix = `/MarkItem/${index}/ContactItem`;
  if (isObject(item) && errors.some((e) => e.instancePath.startsWith(prefix))) {
    const contact = contactItemFailure(index, item.ContactItem);
    if (contact !== undefined) return contact;
  }
  const error = firstError(errors.filter((e) => !e.instancePath.startsWith(prefix))) ?? firstError(errors);
  return {
    code: ErrorCode.INVALID_PARAMETER,
    info: error ? describeError(error) : `MarkItem[${index}] is invalid`,
  };
}

function contactItemFailure(index: number, contact: unknown): ItemFailure | undefined {
  const name = `MarkItem[${index}].ContactItem`;
  const invalid = (info: string) => ({ code: ErrorCode.INVALID_PARAMETER, info: `${name}${info}` });
  if (!isObject(contact)) return invalid(' must be an object with Type and To_Account or ToGroupId');
  if (contact.Type === 1) {
    const to = contact.To_Account;
    if (to === undefined) return invalid('.To_Account is required when Type is 1 (C2C)');
    if (typeof to !== 'string')
      return { code: ErrorCode.ACCOUNT_TYPE, info: `${name}.To_Account must be a string` };
    if (to.length === 0) return invalid('.To_Account must not be empty');
    if (Buffer.byteLength(to) > LIMITS.userIdMaxBytes) {
      return invalid(`.To_Account must be at most ${LIMITS.userIdMaxBytes} UTF-8 bytes`);
    }
    return undefined;
  }
  if (contact.Type === 2) {
    const group = contact.ToGroupId;
    if (group === undefined) return invalid('.ToGroupId is required when Type is 2 (group)');
    if (typeof group !== 'string' || group.length === 0)
      return invalid('.ToGroupId must be a non-empty string');
    return undefined;
  }
  return invalid(`.Type must be 1 (C2C) or 2 (group), got ${JSON.stringify(contact.Type) ?? 'nothing'}`);
}

/** The rules of an item the schema cannot express (x-assumption of OptType and MarkPosition). */
function ruleFailure(index: number, item: Record<string, unknown>): ItemFailure | undefined {
  const name = `MarkItem[${index}]`;
  const invalid = (info: string) => ({ code: ErrorCode.INVALID_PARAMETER, info: `${name} ${info}` });
  const optType = item.OptType as 1 | 2 | 3;
  const set = (item.SetMark as number[] | undefined) ?? [];
  const clear = (item.ClearMark as number[] | undefined) ?? [];
  if (optType !== 2 && set.length + clear.length === 0) {
    return invalid(`OptType ${optType} needs SetMark or ClearMark with at least one position`);
  }
  if (optType !== 1 && item.CustomMark === undefined) return invalid(`OptType ${optType} needs CustomMark`);
  if (optType !== 2 && set.length > 0 && clear.length > 0) {
    for (const p of set) {
      if (clear.includes(p)) return invalid(`sets and clears position ${p} at once`);
    }
  }
  return undefined;
}

function toOp(item: MarkItem): MarkOp {
  const contact = item.ContactItem;
  const optType = item.OptType;
  const set: MarkMasks = { hi: 0, lo: 0 };
  const clear: MarkMasks = { hi: 0, lo: 0 };
  if (optType !== 2) {
    for (const p of item.SetMark ?? []) addPosition(set, p);
    for (const p of item.ClearMark ?? []) addPosition(clear, p);
  }
  return {
    type: contact.Type,
    id: contact.Type === 1 ? contact.To_Account : contact.ToGroupId,
    setHi: set.hi,
    setLo: set.lo,
    clearHi: clear.hi,
    clearLo: clear.lo,
    custom: optType === 1 ? undefined : item.CustomMark,
  };
}

function outcomeFailure(
  index: number,
  item: Record<string, unknown>,
  outcome: MarkOutcome,
): ItemFailure | undefined {
  if (outcome === 'applied') return undefined;
  const contact = item.ContactItem as { To_Account?: string; ToGroupId?: string };
  if (outcome === 'group-unresolved') {
    return {
      code: ErrorCode.GROUP_UNRESOLVED,
      info: `MarkItem[${index}]: ToGroupId ${contact.ToGroupId} does not exist or was dissolved`,
    };
  }
  return {
    code: ErrorCode.CONVERSATION_LIMIT,
    info: `MarkItem[${index}]: the user already has ${LIMITS.conversationsPerUser} marked conversations`,
  };
}
