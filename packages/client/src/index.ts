// @tim-marks/client: a typed client of the Tencent Cloud IM conversation-marks REST API that
// cannot send more than 100 items, more than 200 calls a second, an expired UserSig or an invalid
// MarkItem, and retries what the spec says is transient.
export {
  type ContactItem,
  type ContactItemWithMarks,
  type CreateContactGroupAnswer,
  type CreateContactGroupRequest,
  type DelContactGroupAnswer,
  type DelContactGroupRequest,
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
  REGIONS,
  type Region,
  type SearchContactGroupAnswer,
  type SearchContactGroupRequest,
  StandardMark,
  type StandardMarkName,
  type UpdateContactGroupAnswer,
  type UpdateContactGroupRequest,
} from '@tim-marks/types';
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
export { SlidingWindowLimiter } from './limiter.js';
export { MarkChange, MarkTarget, mark } from './mark.js';
export type { FailedMarkItem, MarkContactResult } from './results.js';
export type { RetryOptions } from './retry.js';
export { type HasStandardMark, hasMark, readStandardMark, writeStandardMark } from './standard-mark.js';
