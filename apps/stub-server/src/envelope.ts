// The API's answer bodies. Every API-level answer is HTTP 200 with this envelope; a request that
// fails as a whole answers the envelope alone with ActionStatus FAIL.
import { ErrorCode, type ResponseEnvelope } from '@tim-marks/types';

/** Any answer body: the envelope, and the command's own fields (typed per command in commands/). */
export type ApiAnswer = ResponseEnvelope & { [field: string]: unknown };

/** A request-level failure. ErrorDisplay is always present (empty), as in the official examples. */
export function fail(code: number, info: string): ResponseEnvelope {
  return { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: info, ErrorDisplay: '' };
}

/** Success of a command whose official answer has no ErrorDisplay (account and group commands). */
export function ok<T extends object>(fields?: T): ResponseEnvelope & T {
  return { ActionStatus: 'OK', ErrorCode: ErrorCode.OK, ErrorInfo: '', ...(fields as T) };
}
