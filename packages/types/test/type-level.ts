// Type-level tests, checked by `npm run typecheck` (tsc), never executed. Each `@ts-expect-error`
// line must fail to compile: if the spec loosens (or a field is renamed), tsc reports the unused
// directive or the now-unknown field, and the typecheck target fails.
import type {
  CommandBodies,
  CommandName,
  ContactItem,
  ContactItemWithMarks,
  GetContactGroupAnswer,
  MarkContactRequest,
  MarkItem,
} from '../src/index.js';

export const seed: MarkContactRequest = {
  From_Account: 'user0',
  MarkItem: [
    { OptType: 3, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1, 2, 3], CustomMark: 'abcd' },
  ],
};

export const group: MarkItem = { OptType: 1, ContactItem: { Type: 2, ToGroupId: '@TGS#1' }, ClearMark: [1] };

// @ts-expect-error a misspelled field (To_account) does not compile
export const misspelled: ContactItem = { Type: 1, To_account: 'user1' };

// @ts-expect-error OptType 4 does not exist
export const badOptType: MarkItem = { OptType: 4, ContactItem: { Type: 1, To_Account: 'user1' } };

// @ts-expect-error a C2C conversation names To_Account, not ToGroupId
export const wrongBranch: ContactItem = { Type: 1, ToGroupId: 'g' };

// @ts-expect-error Type is the integer 1 or 2, not a string
export const stringType: ContactItem = { Type: '1', To_Account: 'user1' };

// @ts-expect-error From_Account is required
export const noFrom: MarkContactRequest = { MarkItem: [] };

export function narrows(item: ContactItem): string {
  // The union discriminates on the integer Type.
  return item.Type === 1 ? item.To_Account : item.ToGroupId;
}

// ContactItemWithMarks is a oneOf of two allOfs (C2C + marks, group + marks): it narrows on Type too.
export function conversationOf(item: ContactItemWithMarks): string {
  return item.Type === 1
    ? `c2c ${item.To_Account} ${item.StandardMark}`
    : `group ${item.ToGroupId} ${item.StandardMark}`;
}

// @ts-expect-error a marked conversation carries its StandardMark and Timestamp
export const unmarked: ContactItemWithMarks = { Type: 2, ToGroupId: 'g' };

export function readsPages(page: GetContactGroupAnswer): number {
  const first = page.ContactItem?.[0];
  return (first?.Timestamp ?? 0) + (page.CompleteFlag === 1 ? 0 : (page.NextStartIndex ?? 0));
}

// Every command of the document has its bodies in CommandBodies, and nothing else does.
type Exactly<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
export const commandsCovered: Exactly<keyof CommandBodies, CommandName> = true;
