// The conversation-group rules of the shared rule set (src/rules/index.ts): one declaration of each
// limit, and the code each broken rule answers. That the client and the stub apply them alike is
// proven through the built stub by packages/client/test/integration/rules-agree.test.ts.
import { describe, expect, it } from 'vitest';
import {
  checkRequest,
  contactGroupMemberRefusal,
  contactGroupNameRefusal,
  ErrorCode,
  LIMITS,
  openapiDocument,
} from '../src/index.js';

type Schema = Record<string, unknown>;
const schemas = (openapiDocument.components as { schemas: Record<string, Schema> }).schemas;
const property = (schema: string, ...path: string[]): Schema =>
  path.reduce<Schema>(
    (node, key) => (node.properties as Record<string, Schema>)[key] as Schema,
    schemas[schema] as Schema,
  );

describe('the limits of the conversation-group commands are declared once', () => {
  // The counts are read from x-limits (LIMITS) by the rules; the schemas carry them too, for other
  // generators. This keeps the two from drifting apart.
  it('the schemas say what x-limits says', () => {
    const name = schemas.ContactGroupName as Schema;
    expect(name['x-max-bytes']).toBe(LIMITS.contactGroupNameMaxBytes);
    expect(name.maxLength).toBe(LIMITS.contactGroupNameMaxBytes);
    expect(property('ContactGroupToCreate', 'ContactItem').maxItems).toBe(LIMITS.contactGroupItemsPerCall);
    expect(property('SearchContactGroupRequest', 'ContactItem').maxItems).toBe(
      LIMITS.searchContactItemsPerCall,
    );
  });
});

describe('the conversation-group rules', () => {
  const create = (ContactItem: unknown, From_Account: unknown = 'u') => ({
    From_Account,
    GroupContactItem: [{ GroupName: 'g', ContactItem }],
  });
  const c2c = (To_Account: unknown) => ({ Type: 1, To_Account });

  it('count each list against its limit (51006), before any conversation is read', () => {
    const many = (n: number) => Array.from({ length: n }, () => 'not even a conversation');
    expect(checkRequest('createContactGroup', create(many(LIMITS.contactGroupItemsPerCall)))).toBeUndefined();
    expect(checkRequest('createContactGroup', create(many(LIMITS.contactGroupItemsPerCall + 1)))?.code).toBe(
      ErrorCode.MARK_ITEM_COUNT,
    );
    const search = (n: number) => ({
      From_Account: 'u',
      ContactItem: Array.from({ length: n }, () => c2c('x')),
    });
    expect(checkRequest('searchContactGroup', search(LIMITS.searchContactItemsPerCall))).toBeUndefined();
    expect(checkRequest('searchContactGroup', search(LIMITS.searchContactItemsPerCall + 1))?.code).toBe(
      ErrorCode.MARK_ITEM_COUNT,
    );
    // The client sends a longer search in several calls: only an empty one is refused.
    expect(
      checkRequest('searchContactGroup', search(LIMITS.searchContactItemsPerCall + 1), { splitsItems: true }),
    ).toBeUndefined();
    expect(checkRequest('searchContactGroup', search(0), { splitsItems: true })?.code).toBe(
      ErrorCode.MARK_ITEM_COUNT,
    );
  });

  it('answer 60015 for a From_Account that is not a string, 50002 for one that is too long', () => {
    expect(checkRequest('delContactGroup', { From_Account: 5, GroupName: ['g'] })?.code).toBe(
      ErrorCode.ACCOUNT_TYPE,
    );
    expect(checkRequest('delContactGroup', { From_Account: 'a'.repeat(33), GroupName: ['g'] })?.code).toBe(
      ErrorCode.INVALID_PARAMETER,
    );
  });

  it('count a name in UTF-8 bytes and answer 51011 past them', () => {
    const max = LIMITS.contactGroupNameMaxBytes;
    expect(contactGroupNameRefusal('a'.repeat(max), 'GroupName')).toBeUndefined();
    expect(contactGroupNameRefusal('组'.repeat(max / 3 + 1), 'GroupName')).toMatchObject({
      code: ErrorCode.CONTACT_GROUP_NAME,
      field: 'GroupName',
    });
    expect(contactGroupNameRefusal('', 'GroupName')?.code).toBe(ErrorCode.CONTACT_GROUP_NAME);
    expect(contactGroupNameRefusal(5, 'GroupName')?.code).toBe(ErrorCode.CONTACT_GROUP_NAME);
  });

  it('judge each conversation of a create or an update alone, naming it', () => {
    expect(contactGroupMemberRefusal('createContactGroup', c2c(5), 3)).toMatchObject({
      code: ErrorCode.ACCOUNT_TYPE,
      field: 'GroupContactItem[0].ContactItem[3].To_Account',
    });
    expect(
      contactGroupMemberRefusal('updateContactGroup', { ContactOptType: 3, ContactItem: c2c('x') }, 0),
    ).toMatchObject({
      code: ErrorCode.INVALID_PARAMETER,
      field: 'UpdateGroup.ContactUpdateItem[0].ContactOptType',
    });
    expect(
      contactGroupMemberRefusal('updateContactGroup', { ContactOptType: 2, ContactItem: c2c('x') }, 0),
    ).toBeUndefined();
  });
});
