// @tim-marks/client: a typed client of the Tencent Cloud IM conversation-marks REST API that
// cannot send more than 100 items, more than 200 calls a second, an expired UserSig or an invalid
// MarkItem, and retries what the spec says is transient. Every export is listed in the README's API
// table; anything not exported here is internal and may change in any release.

// The API's own types and constants, so that one import serves a consumer (see README: why the
// client depends on @tim-marks/types instead of copying it).
export {
  type AccountImportAnswer,
  type AccountImportRequest,
  type ContactItem,
  type ContactItemWithMarks,
  type CreateContactGroupAnswer,
  type CreateContactGroupRequest,
  type CreateGroupAnswer,
  type CreateGroupRequest,
  type DelContactGroupAnswer,
  type DelContactGroupRequest,
  type DestroyGroupAnswer,
  type DestroyGroupRequest,
  ERROR_CATALOGUE,
  type ErrorCatalogueEntry,
  ErrorCode,
  type GetContactGroupAnswer,
  type GetContactGroupRequest,
  type GroupItem,
  LIMITS,
  type MarkContactAnswer,
  type MarkContactRequest,
  type MarkItem,
  type MarkResultItem,
  type MultiaccountImportAnswer,
  type MultiaccountImportRequest,
  REGIONS,
  type Region,
  type SearchContactGroupAnswer,
  type SearchContactGroupRequest,
  StandardMark,
  type StandardMarkName,
  type UpdateContactGroupAnswer,
  type UpdateContactGroupRequest,
  type UserID,
} from '@tim-marks/types';
export type { RequestDispatcher } from './attempt.js';
export type { CallOptions, RetryEvent } from './caller.js';
export {
  type AuthOptions,
  type ClientOptions,
  createClient,
  type EndpointOptions,
  type PagingOptions,
  TimMarksClient,
} from './client.js';
export { type Clock, systemClock } from './clock.js';
export {
  ClientErrorCode,
  type ClientMethod,
  catalogueEntry,
  isRetryableCode,
  TimMarksAbortError,
  TimMarksApiError,
  TimMarksConfigError,
  TimMarksError,
  TimMarksHttpStatusError,
  TimMarksInvalidResponseError,
  TimMarksNetworkError,
  TimMarksTimeoutError,
  TimMarksValidationError,
} from './errors.js';
// The builder's classes are types only: their constructors skip the checks `mark` runs.
export { type MarkChange, type MarkTarget, mark } from './mark.js';
export type { FailedMarkItem, MarkContactResult } from './results.js';
export type { RetryOptions } from './retry.js';
export { type HasStandardMark, hasMark, readStandardMark, writeStandardMark } from './standard-mark.js';
