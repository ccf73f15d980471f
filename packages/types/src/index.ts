// The public face of @tim-marks/types: the generated types under the names the API uses, and the
// runtime catalogue generated from the same document. Nothing here is typed by hand.
import type { components, operations, paths } from './generated/openapi.js';

export * from './generated/constants.js';
export { openapiDocument } from './generated/document.js';
// The rules every request must follow, shared by the client (before sending) and the stub (on receipt).
export * from './rules/index.js';
export type { components, operations, paths };

type Schemas = components['schemas'];

export type ActionStatus = Schemas['ActionStatus'];
export type ResponseEnvelope = Schemas['ResponseEnvelope'];
/** The body of a request that failed as a whole. */
export type ErrorResponse = Schemas['ResponseEnvelope'];
export type UserID = Schemas['UserID'];

export type C2CContactItem = Schemas['C2CContactItem'];
export type GroupContactItem = Schemas['GroupContactItem'];
export type ContactItem = Schemas['ContactItem'];
export type OptType = Schemas['OptType'];
export type MarkPosition = Schemas['MarkPosition'];
export type CustomMark = Schemas['CustomMark'];
export type MarkItem = Schemas['MarkItem'];
export type MarkContactRequest = Schemas['MarkContactRequest'];
export type ContactItemEcho = Schemas['ContactItemEcho'];
export type MarkResultItem = Schemas['MarkResultItem'];
export type MarkContactAnswer = Schemas['MarkContactAnswer'];

export type GetContactGroupRequest = Schemas['GetContactGroupRequest'];
export type StandardMarkString = Schemas['StandardMark'];
export type ContactMarks = Schemas['ContactMarks'];
export type C2CContactItemWithMarks = Schemas['C2CContactItemWithMarks'];
export type GroupContactItemWithMarks = Schemas['GroupContactItemWithMarks'];
export type ContactItemWithMarks = Schemas['ContactItemWithMarks'];
export type GroupItem = Schemas['GroupItem'];
export type GetContactGroupAnswer = Schemas['GetContactGroupAnswer'];

export type ContactGroupName = Schemas['ContactGroupName'];
export type ContactGroupToCreate = Schemas['ContactGroupToCreate'];
export type CreateContactGroupRequest = Schemas['CreateContactGroupRequest'];
export type ContactGroupResultItem = Schemas['ContactGroupResultItem'];
export type GroupResultItem = Schemas['GroupResultItem'];
export type CreateContactGroupAnswer = Schemas['CreateContactGroupAnswer'];
export type ContactOptType = Schemas['ContactOptType'];
export type ContactUpdateItem = Schemas['ContactUpdateItem'];
export type UpdateGroup = Schemas['UpdateGroup'];
export type UpdateContactGroupRequest = Schemas['UpdateContactGroupRequest'];
export type UpdateContactGroupAnswer = Schemas['UpdateContactGroupAnswer'];
export type DelContactGroupRequest = Schemas['DelContactGroupRequest'];
export type DelContactGroupAnswer = Schemas['DelContactGroupAnswer'];
export type SearchContactGroupRequest = Schemas['SearchContactGroupRequest'];
export type SearchContactGroupAnswer = Schemas['SearchContactGroupAnswer'];

export type AccountImportRequest = Schemas['AccountImportRequest'];
export type AccountImportAnswer = Schemas['AccountImportAnswer'];
export type MultiaccountImportRequest = Schemas['MultiaccountImportRequest'];
export type ImportedAccount = Schemas['ImportedAccount'];
/** multiaccount_import's two forms (the body takes exactly one): UserIDs, or accounts with a nickname and an avatar. */
export type MultiaccountImportAccounts = { Accounts: UserID[] };
export type MultiaccountImportAccountList = { AccountList: ImportedAccount[] };
/** account_import's deprecated form, which names the account by `Identifier` (UserID's older name). */
export type AccountImportByIdentifier = Omit<AccountImportRequest, 'UserID' | 'Identifier'> & {
  Identifier: UserID;
};
export type MultiaccountImportAnswer = Schemas['MultiaccountImportAnswer'];
export type GroupType = Schemas['GroupType'];
export type CreateGroupRequest = Schemas['CreateGroupRequest'];
export type CreateGroupAnswer = Schemas['CreateGroupAnswer'];
export type DestroyGroupRequest = Schemas['DestroyGroupRequest'];
export type DestroyGroupAnswer = Schemas['DestroyGroupAnswer'];

/** The common query parameters of every command. */
export type CommonQuery = operations['markContact']['parameters']['query'];

/** Request and response body of each command, by operationId. */
export interface CommandBodies {
  markContact: { request: MarkContactRequest; response: MarkContactAnswer };
  getContactGroup: { request: GetContactGroupRequest; response: GetContactGroupAnswer };
  createContactGroup: { request: CreateContactGroupRequest; response: CreateContactGroupAnswer };
  updateContactGroup: { request: UpdateContactGroupRequest; response: UpdateContactGroupAnswer };
  delContactGroup: { request: DelContactGroupRequest; response: DelContactGroupAnswer };
  searchContactGroup: { request: SearchContactGroupRequest; response: SearchContactGroupAnswer };
  accountImport: { request: AccountImportRequest; response: AccountImportAnswer };
  multiaccountImport: { request: MultiaccountImportRequest; response: MultiaccountImportAnswer };
  createGroup: { request: CreateGroupRequest; response: CreateGroupAnswer };
  destroyGroup: { request: DestroyGroupRequest; response: DestroyGroupAnswer };
}
