// The rules a request must follow, written once: the client checks a request with them before
// sending it, the stub checks it with them on receipt. Field shapes and limits (types, byte limits,
// positions 1..64, list lengths) are the spec's, compiled at `npm run generate` into
// ../generated/validators.ts; what the schema cannot say — which code answers which failure, the
// order of the checks, what OptType requires, a position both set and cleared — is here.
//
// Every check is linear in the size of the input and stops at the first failure: the count of a
// list is checked before any entry of it is read, and no list of errors is ever collected. The stub
// runs these on untrusted bodies, so that bound is part of the contract (see issue 14).
import { type CommandName, ErrorCode, LIMITS } from '../generated/constants.js';
import type { RequestSchemaName } from '../generated/validators.js';
import * as generated from '../generated/validators.js';

export type { RequestSchemaName };

/** Why a request, or one item of it, is refused: the code the API answers and the field at fault. */
export interface Refusal {
  /** The API's code: 50002, 60015, 51006, 70402, 10004 … */
  readonly code: number;
  /** The field at fault as the API names it (`MarkItem[3].SetMark[0]`); empty for the body itself. */
  readonly field: string;
  /** What is wrong with it, in words (`must be at most 32 UTF-8 bytes`). */
  readonly reason: string;
}

/** A refusal as the API's ErrorInfo / ResultInfo text. */
export function refusalText(refusal: Refusal): string {
  return refusal.field === '' ? `the body ${refusal.reason}` : `${refusal.field} ${refusal.reason}`;
}

/** Whether `text` is longer than `max` UTF-8 bytes (the spec's `x-max-bytes`), counting at most
 * `max` bytes; a lone surrogate counts 3. */
export const exceedsMaxBytes: (text: string, max: number) => boolean = generated.exceedsMaxBytes;

// ---------------------------------------------------------------------------------------------
// The generated validators, seen through the little of Ajv's interface that is used.

interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

interface Validator {
  (data: unknown): boolean;
  errors?: SchemaError[] | null;
}

// A plain object: a property of a module namespace object is slower to read on the hot path.
const validators = { ...generated } as unknown as Record<RequestSchemaName, Validator>;

/** `/MarkItem/0/SetMark/1` → `MarkItem[0].SetMark[1]`, below `base`. */
function fieldName(base: string, instancePath: string): string {
  let name = base;
  if (instancePath === '') return name;
  for (const part of instancePath.split('/').slice(1)) {
    const key = part.replace(/~1/g, '/').replace(/~0/g, '~');
    name += /^[0-9]+$/.test(key) ? `[${key}]` : name === '' ? key : `.${key}`;
  }
  return name;
}

const ARTICLE: Record<string, string> = {
  string: 'a string',
  integer: 'an integer',
  number: 'a number',
  object: 'an object',
  array: 'an array',
  boolean: 'a boolean',
};

/** The words for a schema error. A oneOf's summary is not helpful; the caller picks the branch. */
function fromSchemaError(error: SchemaError, base: string, code: number): Refusal {
  const field = fieldName(base, error.instancePath);
  const params = error.params;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      return { code, field: field === '' ? missing : `${field}.${missing}`, reason: 'is required' };
    }
    case 'type':
      return { code, field, reason: `must be ${ARTICLE[String(params.type)] ?? String(params.type)}` };
    case 'enum':
      return { code, field, reason: `must be one of ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'const':
      return { code, field, reason: `must be ${JSON.stringify(params.allowedValue)}` };
    case 'minLength':
      return { code, field, reason: 'must not be empty' };
    default:
      return { code, field, reason: error.message ?? 'is invalid' };
  }
}

/** Runs one generated validator; answers its first error as a refusal with `code`. */
function schemaRefusal(
  schema: RequestSchemaName,
  value: unknown,
  field: string,
  code: number,
): Refusal | undefined {
  const validate = validators[schema];
  if (validate(value)) return undefined;
  const errors = validate.errors ?? [];
  const error = errors.find((e) => e.keyword !== 'oneOf' && e.keyword !== 'anyOf') ?? errors[0];
  return error === undefined ? { code, field, reason: 'is invalid' } : fromSchemaError(error, field, code);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An account field (`UserID`) present with another type than string is 60015, not a parameter
 * error (x-error-codes 60015); an absent one is left to the schema (`required`). */
function accountTypeRefusal(value: unknown, field: string): Refusal | undefined {
  return value !== undefined && typeof value !== 'string'
    ? { code: ErrorCode.ACCOUNT_TYPE, field, reason: 'must be a string' }
    : undefined;
}

// ---------------------------------------------------------------------------------------------
// Per command: the code of an invalid parameter, the account fields, the list checked item by item.

/** The code each service answers for an invalid parameter. */
export const INVALID_PARAMETER_CODE: Readonly<Record<CommandName, number>> = {
  markContact: ErrorCode.INVALID_PARAMETER,
  getContactGroup: ErrorCode.INVALID_PARAMETER,
  accountImport: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  multiaccountImport: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  createGroup: ErrorCode.GROUP_INVALID_PARAMETER,
  destroyGroup: ErrorCode.GROUP_INVALID_PARAMETER,
  createContactGroup: ErrorCode.INVALID_PARAMETER,
  updateContactGroup: ErrorCode.INVALID_PARAMETER,
  delContactGroup: ErrorCode.INVALID_PARAMETER,
  searchContactGroup: ErrorCode.INVALID_PARAMETER,
};

/** The account fields of each request body (a `UserID`): another type than string is 60015. */
const ACCOUNT_FIELDS: Readonly<Record<CommandName, readonly string[]>> = {
  markContact: ['From_Account'],
  getContactGroup: ['From_Account'],
  accountImport: ['UserID', 'Identifier'],
  multiaccountImport: [],
  createGroup: ['Owner_Account'],
  destroyGroup: [],
  createContactGroup: ['From_Account'],
  updateContactGroup: ['From_Account'],
  delContactGroup: ['From_Account'],
  searchContactGroup: ['From_Account'],
};

const REQUEST_SCHEMA: Readonly<Record<CommandName, RequestSchemaName>> = generated.REQUEST_SCHEMA_OF;

// ---------------------------------------------------------------------------------------------
// account_import's deprecated `Identifier` (AccountImportRequest's x-assumption)

/** The account an account_import body names: `UserID`, or its older name `Identifier`. */
export function importedUserID(body: Record<string, unknown>): unknown {
  return body.UserID ?? body.Identifier;
}

/** An account_import body in its current form: `Identifier` (deprecated) becomes `UserID`. Only
 * for a body `checkRequest` accepted (both names, if given, name one account). */
export function currentAccountImport<T extends object>(body: T): Omit<T, 'Identifier'> & { UserID: string } {
  const { Identifier: _older, ...rest } = body as T & { Identifier?: unknown };
  return { ...rest, UserID: importedUserID(body as Record<string, unknown>) as string } as Omit<
    T,
    'Identifier'
  > & { UserID: string };
}

/** account_import: the older form is checked as the current one, and its refusals name the field
 * it sent; both names with different values are ambiguous. */
function accountImportRefusal(body: Record<string, unknown>): Refusal | undefined {
  const invalid = ErrorCode.ACCOUNT_INVALID_PARAMETER;
  if (body.UserID !== undefined && body.Identifier !== undefined && body.UserID !== body.Identifier) {
    return {
      code: invalid,
      field: 'Identifier',
      reason: 'names another account than UserID: send UserID alone (Identifier is its older name)',
    };
  }
  if (body.UserID !== undefined || body.Identifier === undefined) {
    return schemaRefusal('AccountImportRequest', body, '', invalid);
  }
  const refusal = schemaRefusal('AccountImportRequest', { ...body, UserID: body.Identifier }, '', invalid);
  return refusal !== undefined && /^UserID\b/.test(refusal.field)
    ? { ...refusal, field: refusal.field.replace(/^UserID/, 'Identifier') }
    : refusal;
}

// ---------------------------------------------------------------------------------------------
// multiaccount_import's two forms (MultiaccountImportRequest's x-assumption)

/** A list that is there and not empty (generated clients send a list they were not given as []). */
function given(list: unknown): boolean {
  return list !== undefined && !(Array.isArray(list) && list.length === 0);
}

/** The list a multiaccount_import body imports: `AccountList` (the newer form, entries with Nick and
 * FaceUrl) or `Accounts` (UserIDs). An empty list beside the other form is left out. */
export function accountListField(body: Record<string, unknown>): 'Accounts' | 'AccountList' {
  return given(body.AccountList) || (body.Accounts === undefined && body.AccountList !== undefined)
    ? 'AccountList'
    : 'Accounts';
}

/** The UserID of an entry of either form (a string of Accounts, an object of AccountList). */
export function importedAccountID(entry: unknown): string {
  return (isObject(entry) ? entry.UserID : entry) as string;
}

/** The commands whose list is judged entry by entry: a bad entry fails alone (a ResultItem of its
 * own, or a place in FailAccounts) while the others are applied. */
export const ITEM_LISTS = {
  markContact: {
    field: 'MarkItem',
    noun: 'conversations',
    max: LIMITS.markItemsPerCall,
    countCode: ErrorCode.MARK_ITEM_COUNT,
  },
  multiaccountImport: {
    // Or 'AccountList', by the form the body takes: see accountListField.
    field: 'Accounts',
    noun: 'accounts',
    max: LIMITS.accountsPerMultiImport,
    countCode: ErrorCode.ACCOUNT_INVALID_PARAMETER,
  },
} as const satisfies Partial<
  Record<CommandName, { field: string; noun: string; max: number; countCode: number }>
>;

export type ItemListCommand = keyof typeof ITEM_LISTS;

export interface RequestCheckOptions {
  /** The caller sends the list in several calls of at most the limit each (the client does): the
   * list may be longer than one call takes. It must still not be empty. */
  readonly splitsItems?: boolean;
}

/**
 * The request-level rules of `command`: a refusal fails the whole request (the envelope alone,
 * nothing changed). For mark_contact and multiaccount_import the entries of the list are not read
 * here, only its type and its length: pass each entry to `checkItem`. (Their whole-request schemas
 * are not run for that reason: the fields beside the list are checked one by one.)
 */
export function checkRequest(
  command: CommandName,
  body: unknown,
  options: RequestCheckOptions = {},
): Refusal | undefined {
  const invalid = INVALID_PARAMETER_CODE[command];
  if (!isObject(body)) return { code: invalid, field: '', reason: 'must be a JSON object' };
  for (const field of ACCOUNT_FIELDS[command]) {
    const refusal = accountTypeRefusal(body[field], field);
    if (refusal !== undefined) return refusal;
  }
  if (command === 'markContact') return markContactRefusal(body, options);
  if (isContactGroupCommand(command)) return contactGroupRequestRefusal(command, body, options);
  if (command === 'multiaccountImport') return accountsRefusal(body, options);
  if (command === 'accountImport') return accountImportRefusal(body);
  return schemaRefusal(REQUEST_SCHEMA[command], body, '', invalid);
}

/** mark_contact, in the order the spec gives (MarkItem's x-assumption): From_Account, then the
 * MarkItem count, which is known before any item is read. */
function markContactRefusal(
  body: Record<string, unknown>,
  options: RequestCheckOptions,
): Refusal | undefined {
  return fromAccountRefusal(body) ?? listRefusal('markContact', body, options);
}

/** From_Account, present and a UserID (50002); its type (60015) was checked by checkRequest. */
function fromAccountRefusal(body: Record<string, unknown>): Refusal | undefined {
  const from = body.From_Account;
  if (from === undefined)
    return { code: ErrorCode.INVALID_PARAMETER, field: 'From_Account', reason: 'is required' };
  return schemaRefusal('UserID', from, 'From_Account', ErrorCode.INVALID_PARAMETER);
}

function accountsRefusal(body: Record<string, unknown>, options: RequestCheckOptions): Refusal | undefined {
  const invalid = ErrorCode.ACCOUNT_INVALID_PARAMETER;
  if (given(body.Accounts) && given(body.AccountList)) {
    return { code: invalid, field: 'Accounts', reason: 'and AccountList are both given: send one of them' };
  }
  if (body.Accounts === undefined && body.AccountList === undefined) {
    return { code: invalid, field: 'Accounts', reason: 'is required (or, in the newer form, AccountList)' };
  }
  const field = accountListField(body);
  const list = listRefusal('multiaccountImport', body, options, field);
  if (list !== undefined) return list;
  // Any entry that is not a string (an object whose UserID is a string, in AccountList) fails the
  // whole request (x-error-codes 60015): one linear pass.
  const accounts = body[field] as unknown[];
  for (let i = 0; i < accounts.length; i++) {
    const entry = accounts[i];
    if (field === 'Accounts') {
      const refusal = accountTypeRefusal(entry, `Accounts[${i}]`);
      if (refusal !== undefined) return refusal;
    } else if (!isObject(entry) || typeof entry.UserID !== 'string') {
      return {
        code: ErrorCode.ACCOUNT_TYPE,
        field: `AccountList[${i}]`,
        reason: 'must be an object whose UserID is a string',
      };
    } else {
      // The entry's other fields (Nick, FaceUrl) fail the whole request; a UserID the schema
      // refuses fails the entry alone (checkItem), as a refused entry of Accounts does.
      const refusal = schemaRefusal('ImportedAccount', entry, `AccountList[${i}]`, invalid);
      if (refusal !== undefined && refusal.field !== `AccountList[${i}].UserID`) return refusal;
    }
  }
  return undefined;
}

function listRefusal(
  command: ItemListCommand,
  body: Record<string, unknown>,
  options: RequestCheckOptions,
  field: string = ITEM_LISTS[command].field,
): Refusal | undefined {
  const { noun, max, countCode } = ITEM_LISTS[command];
  const list = body[field];
  const invalid = INVALID_PARAMETER_CODE[command];
  if (list !== undefined && !Array.isArray(list)) {
    return { code: invalid, field, reason: 'must be an array' };
  }
  const count = list?.length ?? 0;
  if (count < 1 || (count > max && options.splitsItems !== true)) {
    return {
      code: countCode,
      field,
      reason:
        options.splitsItems === true ? 'must not be empty' : `must name 1 to ${max} ${noun}, got ${count}`,
    };
  }
  return undefined;
}

/** The list of a request that `checkRequest` accepted, for `checkItem`. */
export function itemsOf(command: ItemListCommand, body: Record<string, unknown>): unknown[] {
  return body[
    command === 'multiaccountImport' ? accountListField(body) : ITEM_LISTS[command].field
  ] as unknown[];
}

/**
 * The rules of one entry of the list of `command` (a MarkItem; an entry of Accounts or AccountList). A refusal fails
 * that entry alone: its ResultCode and ResultInfo, or a place in FailAccounts.
 */
export function checkItem(command: ItemListCommand, item: unknown, index: number): Refusal | undefined {
  if (command === 'markContact') return checkMarkItem(item, `MarkItem[${index}]`);
  // checkRequest has seen the form: an object is an AccountList entry, a string an Accounts one.
  return isObject(item)
    ? schemaRefusal('ImportedAccount', item, `AccountList[${index}]`, ErrorCode.ACCOUNT_INVALID_PARAMETER)
    : schemaRefusal('UserID', item, `Accounts[${index}]`, ErrorCode.ACCOUNT_INVALID_PARAMETER);
}

// ---------------------------------------------------------------------------------------------
// mark_contact items

const OPT_TYPE_CUSTOM = 2;

/** One MarkItem; `field` names it (`MarkItem[3]`). */
export function checkMarkItem(item: unknown, field = 'MarkItem'): Refusal | undefined {
  if (!isObject(item)) {
    return { code: ErrorCode.INVALID_PARAMETER, field, reason: 'must be an object' };
  }
  const contact = item.ContactItem;
  const refusal = schemaRefusal('MarkItem', item, field, ErrorCode.INVALID_PARAMETER);
  if (refusal !== undefined) {
    // The ContactItem's refusal first, whatever else is wrong: a To_Account that is not a string
    // answers 60015, and a ContactItem is described by its branch rather than by its oneOf.
    return (contact === undefined ? undefined : checkContactItem(contact, `${field}.ContactItem`)) ?? refusal;
  }
  return optTypeRefusal(item, field);
}

/** A ContactItem: Type 1 with To_Account, or Type 2 with ToGroupId. The branch is chosen by Type, so
 * that the refusal names the field at fault rather than "matches no branch of a oneOf". */
export function checkContactItem(contact: unknown, field = 'ContactItem'): Refusal | undefined {
  const invalid = ErrorCode.INVALID_PARAMETER;
  if (!isObject(contact)) {
    return { code: invalid, field, reason: 'must be an object with Type 1 (To_Account) or 2 (ToGroupId)' };
  }
  if (contact.Type === 1) {
    return (
      accountTypeRefusal(contact.To_Account, `${field}.To_Account`) ??
      schemaRefusal('C2CContactItem', contact, field, invalid)
    );
  }
  if (contact.Type === 2) return schemaRefusal('GroupContactItem', contact, field, invalid);
  return {
    code: invalid,
    field: `${field}.Type`,
    reason: `must be 1 (C2C) or 2 (group), got ${JSON.stringify(contact.Type) ?? 'nothing'}`,
  };
}

/** The rules of OptType the schema cannot say (OptType's x-assumption), and a position both set and
 * cleared (MarkPosition's x-assumption). The item has passed its schema: at most 64 positions a
 * list, each an integer 1..64; the clash is found with two 64-bit masks, in one pass a list. */
function optTypeRefusal(item: Record<string, unknown>, field: string): Refusal | undefined {
  const invalid = ErrorCode.INVALID_PARAMETER;
  const optType = item.OptType as 1 | 2 | 3;
  const set = (item.SetMark as number[] | undefined) ?? [];
  const clear = (item.ClearMark as number[] | undefined) ?? [];
  if (optType !== OPT_TYPE_CUSTOM && set.length + clear.length === 0) {
    return {
      code: invalid,
      field: `${field}.OptType`,
      reason: `${optType} needs SetMark or ClearMark with at least one position`,
    };
  }
  if (optType !== 1 && item.CustomMark === undefined) {
    return { code: invalid, field: `${field}.OptType`, reason: `${optType} needs CustomMark` };
  }
  if (optType !== OPT_TYPE_CUSTOM && set.length > 0 && clear.length > 0) {
    const both = firstSharedPosition(set, clear);
    if (both !== undefined) {
      return { code: invalid, field: `${field}.SetMark`, reason: `sets and clears position ${both} at once` };
    }
  }
  return undefined;
}

/** The first position of `set` that `clear` also names, with two 32-bit halves of a 64-bit mask. */
function firstSharedPosition(set: readonly number[], clear: readonly number[]): number | undefined {
  let lo = 0;
  let hi = 0;
  for (const p of clear) {
    if (p <= 32) lo |= 1 << (p - 1);
    else hi |= 1 << (p - 33);
  }
  for (const p of set) {
    if ((p <= 32 ? lo & (1 << (p - 1)) : hi & (1 << (p - 33))) !== 0) return p;
  }
  return undefined;
}

/** A value against one schema of the spec (`CustomMark`, `MarkPosition`, `UserID` …), as the builder
 * of a request checks a field before the request exists. `code` defaults to 50002. */
export function checkValue(
  schema: RequestSchemaName,
  value: unknown,
  field: string,
  code: number = ErrorCode.INVALID_PARAMETER,
): Refusal | undefined {
  return schemaRefusal(schema, value, field, code);
}

// ---------------------------------------------------------------------------------------------
// Conversation groups: create/update/del/search_contact_group, in the order each operation's
// x-assumption gives. The counts are `x-limits`' (LIMITS), the name's bytes the ContactGroupName
// schema's `x-max-bytes` (test/rules-contact-groups.test.ts checks that the two agree). The stub
// checks the edition and the account between the kinds of rule below, so there are three:
// - checkRequest (contactGroupRequestRefusal): what fails the whole request first — From_Account,
//   the request's shape, the counts; for search_contact_group every conversation too;
// - contactGroupNameRefusal: the name a request gives a group (51011), checked after those;
// - contactGroupMemberRefusal: one conversation of create_contact_group or of an
//   update_contact_group of type 2, which fails alone (its ResultItem) while the others are applied.

/** The conversation-group commands. */
export type ContactGroupCommand =
  | 'createContactGroup'
  | 'updateContactGroup'
  | 'delContactGroup'
  | 'searchContactGroup';

const CONTACT_GROUP_COMMANDS: ReadonlySet<CommandName> = new Set<ContactGroupCommand>([
  'createContactGroup',
  'updateContactGroup',
  'delContactGroup',
  'searchContactGroup',
]);

export function isContactGroupCommand(command: CommandName): command is ContactGroupCommand {
  return CONTACT_GROUP_COMMANDS.has(command);
}

function invalidField(field: string, reason: string): Refusal {
  return { code: ErrorCode.INVALID_PARAMETER, field, reason };
}

/** A list of conversations: an array (50002) of `min` to `max` entries (51006). With `splits` the
 * caller sends it in calls of at most `max` (the client's search_contact_group): only `min` holds. */
function conversationCountRefusal(
  list: unknown,
  field: string,
  min: number,
  max: number,
  splits = false,
): Refusal | undefined {
  if (!Array.isArray(list)) return invalidField(field, 'must be an array of conversations');
  if (list.length < min || (list.length > max && !splits)) {
    return {
      code: ErrorCode.MARK_ITEM_COUNT,
      field,
      reason: splits ? 'must not be empty' : `must name ${min} to ${max} conversations, got ${list.length}`,
    };
  }
  return undefined;
}

function contactGroupRequestRefusal(
  command: ContactGroupCommand,
  body: Record<string, unknown>,
  options: RequestCheckOptions,
): Refusal | undefined {
  const from = fromAccountRefusal(body);
  if (from !== undefined) return from;
  switch (command) {
    case 'createContactGroup': {
      const groups = body.GroupContactItem;
      if (!Array.isArray(groups) || groups.length !== 1 || !isObject(groups[0])) {
        return invalidField('GroupContactItem', 'must hold exactly one group { GroupName, ContactItem }');
      }
      return conversationCountRefusal(
        groups[0].ContactItem,
        'GroupContactItem[0].ContactItem',
        0,
        LIMITS.contactGroupItemsPerCall,
      );
    }
    case 'updateContactGroup': {
      if (body.UpdateType !== 1) return invalidField('UpdateType', 'must be 1');
      const update = body.UpdateGroup;
      if (!isObject(update)) return invalidField('UpdateGroup', 'is required (an object)');
      const kind = update.UpdateGroupType;
      if (kind !== 1 && kind !== 2) {
        return invalidField(
          'UpdateGroup.UpdateGroupType',
          'must be 1 (rename) or 2 (add / remove conversations)',
        );
      }
      if (typeof update.OldGroupName !== 'string') {
        return invalidField('UpdateGroup.OldGroupName', 'is required (a string)');
      }
      if (kind === 1) return undefined;
      return conversationCountRefusal(
        update.ContactUpdateItem ?? [],
        'UpdateGroup.ContactUpdateItem',
        1,
        LIMITS.contactGroupItemsPerCall,
      );
    }
    case 'delContactGroup': {
      const names = body.GroupName;
      if (!Array.isArray(names) || names.length !== 1 || typeof names[0] !== 'string') {
        return invalidField('GroupName', 'must hold exactly one group name');
      }
      return undefined;
    }
    case 'searchContactGroup': {
      const contacts = body.ContactItem ?? [];
      const count = conversationCountRefusal(
        contacts,
        'ContactItem',
        1,
        LIMITS.searchContactItemsPerCall,
        options.splitsItems === true,
      );
      if (count !== undefined) return count;
      // One bad conversation fails the whole search (its x-assumption).
      const list = contacts as unknown[];
      for (let i = 0; i < list.length; i++) {
        const refusal = checkContactItem(list[i], `ContactItem[${i}]`);
        if (refusal !== undefined) return refusal;
      }
      return undefined;
    }
  }
}

/** A conversation group's name: the ContactGroupName schema (1..32 UTF-8 bytes), else 51011 — also
 * when it is not a string at all. */
export function contactGroupNameRefusal(value: unknown, field: string): Refusal | undefined {
  return schemaRefusal('ContactGroupName', value, field, ErrorCode.CONTACT_GROUP_NAME) === undefined
    ? undefined
    : {
        code: ErrorCode.CONTACT_GROUP_NAME,
        field,
        reason: `must be a name of 1 to ${LIMITS.contactGroupNameMaxBytes} UTF-8 bytes`,
      };
}

/** The name a request gives a group, and its field: create_contact_group's GroupName, a rename's
 * NewGroupName; undefined for the others. Only for a body checkRequest accepted. */
export function contactGroupNewName(
  command: ContactGroupCommand,
  body: Record<string, unknown>,
): { value: unknown; field: string } | undefined {
  if (command === 'createContactGroup') {
    const group = (body.GroupContactItem as Record<string, unknown>[])[0] as Record<string, unknown>;
    return { value: group.GroupName, field: 'GroupContactItem[0].GroupName' };
  }
  if (command === 'updateContactGroup') {
    const update = body.UpdateGroup as Record<string, unknown>;
    if (update.UpdateGroupType === 1)
      return { value: update.NewGroupName, field: 'UpdateGroup.NewGroupName' };
  }
  return undefined;
}

/** The conversations that create_contact_group or an update_contact_group of type 2 applies one by
 * one; empty for the others. Only for a body checkRequest accepted. */
export function contactGroupMembers(command: ContactGroupCommand, body: Record<string, unknown>): unknown[] {
  if (command === 'createContactGroup') {
    const group = (body.GroupContactItem as Record<string, unknown>[])[0] as Record<string, unknown>;
    return group.ContactItem as unknown[];
  }
  if (command === 'updateContactGroup') {
    const update = body.UpdateGroup as Record<string, unknown>;
    return update.UpdateGroupType === 2 ? ((update.ContactUpdateItem as unknown[] | undefined) ?? []) : [];
  }
  return [];
}

/** One entry of contactGroupMembers: a ContactItem (create), or a ContactUpdateItem
 * { ContactOptType 1 | 2, ContactItem } (update). A refusal fails that conversation alone. */
export function contactGroupMemberRefusal(
  command: ContactGroupCommand,
  entry: unknown,
  index: number,
): Refusal | undefined {
  if (command === 'createContactGroup') {
    return checkContactItem(entry, `GroupContactItem[0].ContactItem[${index}]`);
  }
  const field = `UpdateGroup.ContactUpdateItem[${index}]`;
  if (!isObject(entry)) return invalidField(field, 'must be an object');
  if (entry.ContactOptType !== 1 && entry.ContactOptType !== 2) {
    return invalidField(`${field}.ContactOptType`, 'must be 1 (add) or 2 (remove)');
  }
  return checkContactItem(entry.ContactItem, `${field}.ContactItem`);
}
