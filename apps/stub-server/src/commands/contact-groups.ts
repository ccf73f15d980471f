// v4/recentcontact/create_contact_group, update_contact_group, del_contact_group and
// search_contact_group: the user's conversation groups ("folders"). The checks run in the order the
// spec's x-assumption of each operation writes down; request-level failures change nothing, and a
// conversation that cannot be added fails alone through its ResultItem (50002, 51007, 51008, 60015).
// The rules are @tim-marks/types' (checkRequest, contactGroupNameRefusal, contactGroupMemberRefusal),
// the same the client checks; what needs the state (edition, account, group, cap) is here.
import {
  type ContactGroupCommand,
  type ContactGroupResultItem,
  type ContactItemEcho,
  type ContactItemWithMarks,
  checkRequest,
  contactGroupMemberRefusal,
  contactGroupMembers,
  contactGroupNameRefusal,
  contactGroupNewName,
  ErrorCode,
  type GroupItem,
  type GroupResultItem,
  LIMITS,
  type ResponseEnvelope,
  refusalText,
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

/** The request-level rules checked before the edition and the account (the shared rule set). */
function requestFailure(
  command: ContactGroupCommand,
  body: Record<string, unknown>,
): ResponseEnvelope | undefined {
  const refusal = checkRequest(command, body);
  return refusal === undefined ? undefined : fail(refusal.code, refusalText(refusal));
}

/** One conversation of a create, or of an update of type 2, checked alone (the shared rule set). */
function checkMember(command: ContactGroupCommand, entry: unknown, index: number): Checked {
  const refusal = contactGroupMemberRefusal(command, entry, index);
  if (refusal !== undefined) return { code: refusal.code, info: refusalText(refusal) };
  const contact = (
    command === 'createContactGroup' ? entry : (entry as { ContactItem: unknown }).ContactItem
  ) as {
    Type: ConversationType;
    To_Account?: string;
    ToGroupId?: string;
  };
  return { type: contact.Type, id: (contact.Type === 1 ? contact.To_Account : contact.ToGroupId) as string };
}

function echoOf(contact: unknown): ContactItemEcho | undefined {
  if (!isObject(contact) || (contact.Type !== 1 && contact.Type !== 2)) return undefined;
  const echo: ContactItemEcho = { Type: contact.Type };
  if (typeof contact.To_Account === 'string') echo.To_Account = contact.To_Account;
  if (typeof contact.ToGroupId === 'string') echo.ToGroupId = contact.ToGroupId;
  return echo;
}

/** 51011 for the name the request gives a group (the shared rule set). */
function nameFailure(
  command: ContactGroupCommand,
  body: Record<string, unknown>,
): ResponseEnvelope | undefined {
  const name = contactGroupNewName(command, body);
  const refusal = name === undefined ? undefined : contactGroupNameRefusal(name.value, name.field);
  return refusal === undefined ? undefined : fail(refusal.code, refusalText(refusal));
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
  const command = 'createContactGroup';
  const invalid = requestFailure(command, body);
  if (invalid !== undefined) return invalid;
  const from = body.From_Account as string;
  const edition = editionFailure(ctx, 'create_contact_group');
  if (edition !== undefined) return edition;
  if (!(await ctx.store.hasAccount(ctx.app.sdkAppId, from))) return notImported(from);
  const nameError = nameFailure(command, body);
  if (nameError !== undefined) return nameError;
  const name = (contactGroupNewName(command, body) as { value: string }).value;
  const contacts = contactGroupMembers(command, body);
  const where = (i: number) => `GroupContactItem[0].ContactItem[${i}]`;
  const checked = contacts.map((c, i) => checkMember(command, c, i));
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
  const command = 'updateContactGroup';
  const invalid = requestFailure(command, body);
  if (invalid !== undefined) return invalid;
  const from = body.From_Account as string;
  const update = body.UpdateGroup as Record<string, unknown>;
  const kind = update.UpdateGroupType as 1 | 2;
  const oldName = update.OldGroupName as string;
  const edition = editionFailure(ctx, 'update_contact_group');
  if (edition !== undefined) return edition;
  const app = ctx.app.sdkAppId;
  if (!(await ctx.store.hasAccount(app, from))) return notImported(from);

  if (kind === 1) {
    const nameError = nameFailure(command, body);
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

  const list = contactGroupMembers(command, body);
  const where = (i: number) => `UpdateGroup.ContactUpdateItem[${i}]`;
  const optTypes: (1 | 2)[] = [];
  const checked: Checked[] = list.map((item, i) => {
    // The answer echoes a valid ContactOptType even when the conversation itself is refused.
    if (isObject(item) && (item.ContactOptType === 1 || item.ContactOptType === 2)) {
      optTypes[i] = item.ContactOptType;
    }
    return checkMember(command, item, i);
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
  const invalid = requestFailure('delContactGroup', body);
  if (invalid !== undefined) return invalid;
  const from = body.From_Account as string;
  const name = (body.GroupName as string[])[0] as string;
  const edition = editionFailure(ctx, 'del_contact_group');
  if (edition !== undefined) return edition;
  const result = await ctx.store.delContactGroup(ctx.app.sdkAppId, from, name, ctx.nowSeconds());
  const failure = outcomeFailure(result, from, name);
  if (failure !== undefined || result.outcome !== 'done') return failure as ResponseEnvelope;
  return { GroupItem: [result.group], ...OK_ENVELOPE };
};

export const searchContactGroup: CommandHandler<'searchContactGroup'> = async (body, ctx) => {
  const invalid = requestFailure('searchContactGroup', body);
  if (invalid !== undefined) return invalid;
  const from = body.From_Account as string;
  const wanted = (
    body.ContactItem as { Type: ConversationType; To_Account?: string; ToGroupId?: string }[]
  ).map((c) => ({ type: c.Type, id: (c.Type === 1 ? c.To_Account : c.ToGroupId) as string }));
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
