// v4/recentcontact/mark_contact. Request-level failures answer the envelope alone and change
// nothing; item-level failures fail their item (ResultCode / ResultInfo) while the others apply.
// The rules are @tim-marks/types' (the same the client checks before sending), in the spec's order:
// From_Account and the MarkItem count first, before any item is read, then the edition, then each
// item alone; the store applies all valid items in one atomic call, which also checks that
// From_Account was imported, the groups and the 1000 cap.
import {
  type ContactItemEcho,
  checkItem,
  checkRequest,
  ErrorCode,
  itemsOf,
  LIMITS,
  type MarkContactAnswer,
  type MarkItem,
  type MarkResultItem,
  refusalText,
} from '@tim-marks/types';
import { fail } from '../envelope.js';
import { addPosition, type MarkMasks } from '../standard-mark.js';
import type { MarkOp, MarkOutcome } from '../store/store.js';
import type { CommandHandler } from './context.js';
import { isObject } from './describe.js';

interface ItemFailure {
  code: number;
  info: string;
}

// Not an async function: with a synchronous store (the in-memory one) the whole command runs without
// a promise or a saved frame, which is measurable on the hot path.
export const markContact: CommandHandler<'markContact'> = (body, ctx) => {
  const refusal = checkRequest('markContact', body);
  if (refusal !== undefined) return fail(refusal.code, refusalText(refusal));
  const from = body.From_Account as string;
  const list = itemsOf('markContact', body);
  const count = list.length;

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
    const item = list[i];
    const itemRefusal = checkItem('markContact', item, i);
    const injected = itemRefusal === undefined ? ctx.itemFault?.(item) : undefined;
    if (itemRefusal !== undefined) failures[i] = { code: itemRefusal.code, info: refusalText(itemRefusal) };
    else if (injected !== undefined) failures[i] = injected;
    else {
      opOf[i] = ops.length;
      // The rules accepted this item: it is a MarkItem.
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

/** The store's operation for a MarkItem the rules accepted (also the provider states' marks). */
export function toOp(item: MarkItem): MarkOp {
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
