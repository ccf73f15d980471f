// v4/recentcontact/create_contact_group, update_contact_group, del_contact_group and
// search_contact_group: the user's conversation groups ("folders"). The checks run in the order the
// spec's x-assumption of each operation writes down; request-level failures change nothing, and a
// conversation that cannot be added fails alone through its ResultItem (50002, 51007, 51008, 60015).
import {
  type ContactGroupResultItem,
  type ContactItemEcho,
  type ContactItemWithMarks,
  ErrorCode,
  type GroupItem,
  type GroupResultItem,
  LIMITS,
  type ResponseEnvelope,
} from '@tim-marks/types';
import { fail } from '../envelope.js';
import { toBinaryString } from '../standard-mark.js';
import type {
  ContactGroupResult,
  ContactRecord,
  ConversationType,
  MarkOutcome,
  MemberOp,
} from '../store/store.js';
import type { CommandContext, CommandHandler } from './context.js';
import { isObject } from './describe.js';

const OK_ENVELOPE = { ActionStatus: 'OK', ErrorCode: ErrorCode.OK, ErrorInfo: '', ErrorDisplay: '' } as const;

/** A conversation of a request, checked alone: what the store needs, or why it fails. */
type Checked = { type: ConversationType; id: string } | { code: number; info: string };

/** From_Account: 50002 missing, empty or over 32 UTF-8 bytes, 60015 not a string. */
function fromFailure(body: Record<string, unknown>): ResponseEnvelope | undefined {
  const from = body.From_Account;
  if (from === undefined) return fail(ErrorCode.INVALID_PARAMETER, 'From_Account is required');
  if (typeof from !== 'string') return fail(ErrorCode.ACCOUNT_TYPE, 'From_Account must be a string');
  if (from === '' || Buffer.byteLength(from) > LIMITS.userIdMaxBytes) {
    return fail(
      ErrorCode.INVALID_PARAMETER,
      `From_Account must be 1 to ${LIMITS.userIdMaxBytes} UTF-8 bytes`,
    );
  }
  return undefined;
}

/** A ContactItem as the API reads it: C2C with a UserID, or group with a ToGroupId. */
function checkContact(name: string, contact: unknown): Checked {
  const invalid = (info: string) => ({ code: ErrorCode.INVALID_PARAMETER, info: `${name}${info}` });
  if (!isObject(contact)) return invalid(' must be an object with Type and To_Account or ToGroupId');
  if (contact.Type === 1) {
    const to = contact.To_Account;
    if (to === undefined) return invalid('.To_Account is required when Type is 1 (C2C)');
    if (typeof to !== 'string')
      return { code: ErrorCode.ACCOUNT_TYPE, info: `${name}.To_Account must be a string` };
    if (to.length === 0 || Buffer.byteLength(to) > LIMITS.userIdMaxBytes) {
      return invalid(`.To_Account must be 1 to ${LIMITS.userIdMaxBytes} UTF-8 bytes`);
    }
    return { type: 1, id: to };
  }
  if (contact.Type === 2) {
    const group = contact.ToGroupId;
    if (typeof group !== 'string' || group.length === 0)
      return invalid('.ToGroupId must be a non-empty string');
    return { type: 2, id: group };
  }
  return invalid(`.Type must be 1 (C2C) or 2 (group), got ${JSON.stringify(contact.Type) ?? 'nothing'}`);
}

function echoOf(contact: unknown): ContactItemEcho | undefined {
  if (!isObject(contact) || (contact.Type !== 1 && contact.Type !== 2)) return undefined;
  const echo: ContactItemEcho = { Type: contact.Type };
  if (typeof contact.To_Account === 'string') echo.To_Account = contact.To_Account;
  if (typeof contact.ToGroupId === 'string') echo.ToGroupId = contact.ToGroupId;
  return echo;
}

/** 51011 for a name that is empty or over 32 UTF-8 bytes (also when it is not a string at all). */
function nameFailure(field: string, name: unknown): ResponseEnvelope | undefined {
  if (
    typeof name === 'string' &&
    name.length > 0 &&
    Buffer.byteLength(name) <= LIMITS.contactGroupNameMaxBytes
  ) {
    return undefined;
  }
  return fail(
    ErrorCode.CONTACT_GROUP_NAME,
    `${field} must be a name of 1 to ${LIMITS.contactGroupNameMaxBytes} UTF-8 bytes`,
  );
}

function editionFailure(ctx: CommandContext, command: string): ResponseEnvelope | undefined {
  if (ctx.app.ultimate) return undefined;
  return fail(
    ErrorCode.NOT_ULTIMATE,
    `${command} changes conversation groups, which need the Ultimate edition; app ${ctx.app.sdkAppId} is ${ctx.app.edition}`,
  );
}

const notImported = (from: string) =>
  fail(ErrorCode.ACCOUNT_NOT_IMPORTED, `From_Account ${from} was never imported (account_import first)`);

/** The request-level failure of a store outcome, if it is one. */
function outcomeFailure(
  result: ContactGroupResult,
  from: string,
  name: string,
): ResponseEnvelope | undefined {
  switch (result.outcome) {
    case 'not-imported':
      return notImported(from);
    case 'not-found':
      return fail(ErrorCode.CONTACT_GROUP_NOT_FOUND, `conversation group ${name} does not exist`);
    case 'too-many':
      return fail(
        ErrorCode.CONTACT_GROUP_COUNT,
        `${from} already has ${LIMITS.contactGroupsPerUser} conversation groups`,
      );
    case 'name-taken':
      return fail(ErrorCode.CONTACT_GROUP_NAME, `${from} already has a conversation group named ${name}`);
    case 'done':
      return undefined;
  }
}

function memberResult(
  where: string,
  contact: unknown,
  checked: Checked,
  outcome: MarkOutcome | undefined,
  optType?: 1 | 2,
): ContactGroupResultItem {
  const item: ContactGroupResultItem = { ResultCode: ErrorCode.OK, ResultInfo: '' };
  if (optType !== undefined) item.ContactOptType = optType;
  const echo = echoOf(contact);
  if (echo !== undefined) item.ContactItem = echo;
  if ('code' in checked) {
    item.ResultCode = checked.code;
    item.ResultInfo = checked.info;
  } else if (outcome === 'group-unresolved') {
    item.ResultCode = ErrorCode.GROUP_UNRESOLVED;
    item.ResultInfo = `${where}: ToGroupId ${checked.id} does not exist or was dissolved`;
  } else if (outcome === 'conversation-limit') {
    item.ResultCode = ErrorCode.CONVERSATION_LIMIT;
    item.ResultInfo = `${where}: the user already has ${LIMITS.conversationsPerUser} marked or grouped conversations`;
  }
  return item;
}

/** Runs the member ops of the valid conversations and answers one ResultItem per conversation sent. */
async function withMembers(
  contacts: readonly unknown[],
  checked: readonly Checked[],
  adds: readonly boolean[],
  where: (i: number) => string,
  run: (ops: MemberOp[]) => Promise<ContactGroupResult> | ContactGroupResult,
  optTypes?: readonly (1 | 2)[],
): Promise<{ result: ContactGroupResult; items: ContactGroupResultItem[] }> {
  const ops: MemberOp[] = [];
  const opOf: number[] = [];
  checked.forEach((c, i) => {
    if ('code' in c) return;
    opOf[i] = ops.length;
    ops.push({ type: c.type, id: c.id, add: adds[i] as boolean });
  });
  const result = await run(ops);
  const outcomes = result.outcome === 'done' ? result.members : [];
  const items = contacts.map((contact, i) =>
    memberResult(
      where(i),
      contact,
      checked[i] as Checked,
      opOf[i] === undefined ? undefined : outcomes[opOf[i] as number],
      optTypes?.[i],
    ),
  );
  return { result, items };
}

function groupAnswer(
  group: GroupItem,
  ResultItem: ContactGroupResultItem[],
): { GroupResultItem: GroupResultItem[] } {
  return { GroupResultItem: [{ GroupItem: group, ResultItem }] };
}

export const createContactGroup: CommandHandler<'createContactGroup'> = async (body, ctx) => {
  const fromError = fromFailure(body);
  if (fromError !== undefined) return fromError;
  const from = body.From_Account as string;
  const groups = body.GroupContactItem;
  if (!Array.isArray(groups) || groups.length !== 1 || !isObject(groups[0])) {
    return fail(
      ErrorCode.INVALID_PARAMETER,
      'GroupContactItem must hold exactly one group { GroupName, ContactItem }',
    );
  }
  const group = groups[0];
  const contacts = group.ContactItem;
  if (!Array.isArray(contacts)) {
    return fail(
      ErrorCode.INVALID_PARAMETER,
      'GroupContactItem[0].ContactItem must be an array of conversations',
    );
  }
  if (contacts.length > LIMITS.contactGroupItemsPerCall) {
    return fail(
      ErrorCode.MARK_ITEM_COUNT,
      `GroupContactItem[0].ContactItem must name at most ${LIMITS.contactGroupItemsPerCall} conversations, got ${contacts.length}`,
    );
  }
  const edition = editionFailure(ctx, 'create_contact_group');
  if (edition !== undefined) return edition;
  if (!(await ctx.store.hasAccount(ctx.app.sdkAppId, from))) return notImported(from);
  const nameError = nameFailure('GroupContactItem[0].GroupName', group.GroupName);
  if (nameError !== undefined) return nameError;
  const name = group.GroupName as string;
  const where = (i: number) => `GroupContactItem[0].ContactItem[${i}]`;
  const checked = contacts.map((c, i) => checkContact(where(i), c));
  const { result, items } = await withMembers(
    contacts,
    checked,
    contacts.map(() => true),
    where,
    (ops) => ctx.store.createContactGroup(ctx.app.sdkAppId, from, name, ops, ctx.nowSeconds()),
  );
  const failure = outcomeFailure(result, from, name);
  if (failure !== undefined || result.outcome !== 'done') return failure as ResponseEnvelope;
  return { ...groupAnswer(result.group, items), ...OK_ENVELOPE };
};

export const updateContactGroup: CommandHandler<'updateContactGroup'> = async (body, ctx) => {
  const fromError = fromFailure(body);
  if (fromError !== undefined) return fromError;
  const from = body.From_Account as string;
  if (body.UpdateType !== 1) return fail(ErrorCode.INVALID_PARAMETER, 'UpdateType must be 1');
  const update = body.UpdateGroup;
  if (!isObject(update)) return fail(ErrorCode.INVALID_PARAMETER, 'UpdateGroup is required (an object)');
  const kind = update.UpdateGroupType;
  if (kind !== 1 && kind !== 2) {
    return fail(ErrorCode.INVALID_PARAMETER, 'UpdateGroup.UpdateGroupType must be 1 (rename) or 2 (members)');
  }
  if (typeof update.OldGroupName !== 'string') {
    return fail(ErrorCode.INVALID_PARAMETER, 'UpdateGroup.OldGroupName is required (a string)');
  }
  const oldName = update.OldGroupName;
  const items = update.ContactUpdateItem;
  if (kind === 2) {
    if (items !== undefined && !Array.isArray(items)) {
      return fail(ErrorCode.INVALID_PARAMETER, 'UpdateGroup.ContactUpdateItem must be an array');
    }
    const count = items?.length ?? 0;
    if (count < 1 || count > LIMITS.contactGroupItemsPerCall) {
      return fail(
        ErrorCode.MARK_ITEM_COUNT,
        `UpdateGroup.ContactUpdateItem must name 1 to ${LIMITS.contactGroupItemsPerCall} conversations, got ${count}`,
      );
    }
  }
  const edition = editionFailure(ctx, 'update_contact_group');
  if (edition !== undefined) return edition;
  const app = ctx.app.sdkAppId;
  if (!(await ctx.store.hasAccount(app, from))) return notImported(from);

  if (kind === 1) {
    const nameError = nameFailure('UpdateGroup.NewGroupName', update.NewGroupName);
    if (nameError !== undefined) {
      // An unknown group is reported before a bad new name: the group is what the request is about.
      const probe = await ctx.store.searchContacts(app, from, []);
      if (!probe?.groups.some((g) => g.GroupName === oldName)) {
        return outcomeFailure({ outcome: 'not-found' }, from, oldName) as ResponseEnvelope;
      }
      return nameError;
    }
    const newName = update.NewGroupName as string;
    const result = await ctx.store.updateContactGroup(app, from, oldName, { newName }, ctx.nowSeconds());
    const failure = outcomeFailure(result, from, result.outcome === 'name-taken' ? newName : oldName);
    if (failure !== undefined || result.outcome !== 'done') return failure as ResponseEnvelope;
    return { ...groupAnswer(result.group, []), ...OK_ENVELOPE };
  }

  const list = items as unknown[];
  const where = (i: number) => `UpdateGroup.ContactUpdateItem[${i}]`;
  const optTypes: (1 | 2)[] = [];
  const checked: Checked[] = list.map((item, i) => {
    if (!isObject(item)) return { code: ErrorCode.INVALID_PARAMETER, info: `${where(i)} must be an object` };
    if (item.ContactOptType !== 1 && item.ContactOptType !== 2) {
      return {
        code: ErrorCode.INVALID_PARAMETER,
        info: `${where(i)}.ContactOptType must be 1 (add) or 2 (remove)`,
      };
    }
    optTypes[i] = item.ContactOptType;
    return checkContact(`${where(i)}.ContactItem`, item.ContactItem);
  });
  const { result, items: results } = await withMembers(
    list.map((item) => (isObject(item) ? item.ContactItem : undefined)),
    checked,
    list.map((_, i) => optTypes[i] !== 2),
    where,
    (ops) => ctx.store.updateContactGroup(app, from, oldName, { members: ops }, ctx.nowSeconds()),
    optTypes,
  );
  const failure = outcomeFailure(result, from, oldName);
  if (failure !== undefined || result.outcome !== 'done') return failure as ResponseEnvelope;
  return { ...groupAnswer(result.group, results), ...OK_ENVELOPE };
};

export const delContactGroup: CommandHandler<'delContactGroup'> = async (body, ctx) => {
  const fromError = fromFailure(body);
  if (fromError !== undefined) return fromError;
  const from = body.From_Account as string;
  const names = body.GroupName;
  if (!Array.isArray(names) || names.length !== 1 || typeof names[0] !== 'string') {
    return fail(ErrorCode.INVALID_PARAMETER, 'GroupName must hold exactly one group name');
  }
  const name = names[0];
  const edition = editionFailure(ctx, 'del_contact_group');
  if (edition !== undefined) return edition;
  const result = await ctx.store.delContactGroup(ctx.app.sdkAppId, from, name, ctx.nowSeconds());
  const failure = outcomeFailure(result, from, name);
  if (failure !== undefined || result.outcome !== 'done') return failure as ResponseEnvelope;
  return { GroupItem: [result.group], ...OK_ENVELOPE };
};

export const searchContactGroup: CommandHandler<'searchContactGroup'> = async (body, ctx) => {
  const fromError = fromFailure(body);
  if (fromError !== undefined) return fromError;
  const from = body.From_Account as string;
  const contacts = body.ContactItem;
  if (contacts !== undefined && !Array.isArray(contacts)) {
    return fail(ErrorCode.INVALID_PARAMETER, 'ContactItem must be an array of conversations');
  }
  const count = contacts?.length ?? 0;
  if (count < 1 || count > LIMITS.searchContactItemsPerCall) {
    return fail(
      ErrorCode.MARK_ITEM_COUNT,
      `ContactItem must name 1 to ${LIMITS.searchContactItemsPerCall} conversations, got ${count}`,
    );
  }
  const wanted: { type: ConversationType; id: string }[] = [];
  for (let i = 0; i < count; i++) {
    const checked = checkContact(`ContactItem[${i}]`, (contacts as unknown[])[i]);
    if ('code' in checked) return fail(checked.code, checked.info);
    wanted.push(checked);
  }
  const found = await ctx.store.searchContacts(ctx.app.sdkAppId, from, wanted);
  if (found === undefined) return notImported(from);
  return { ContactResultItem: found.items.map(contactWithMarks), GroupItem: found.groups, ...OK_ENVELOPE };
};

/** A stored conversation as get_contact_group and search_contact_group answer it. */
export function contactWithMarks(c: ContactRecord): ContactItemWithMarks {
  const StandardMark = toBinaryString(c.hi, c.lo);
  // An absent custom mark or group list is `undefined`, which JSON leaves out, as the API does.
  const ContactGroupId = c.groups === undefined ? undefined : [...c.groups];
  return c.type === 1
    ? {
        Type: 1,
        To_Account: c.id,
        StandardMark,
        CustomMark: c.custom,
        ContactGroupId,
        Timestamp: c.timestamp,
      }
    : {
        Type: 2,
        ToGroupId: c.id,
        StandardMark,
        CustomMark: c.custom,
        ContactGroupId,
        Timestamp: c.timestamp,
      };
}
