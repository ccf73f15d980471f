import {
  type CommandName,
  ERROR_CATALOGUE,
  type ErrorCatalogueEntry,
  type ResponseEnvelope,
} from '@tim-marks/types';
import type { MarkContactResult } from './results.js';

/** Codes of failures that never reached an API answer (the API's own codes are numbers). */
export const ClientErrorCode = {
  /** No answer within `timeoutMs`. Retried. */
  TIMEOUT: 'TIM_TIMEOUT',
  /** The connection failed or broke. Retried. */
  NETWORK: 'TIM_NETWORK',
  /** An HTTP status other than 200 (the API answers 200 even for its errors). 502/503/504 are retried. */
  HTTP_STATUS: 'TIM_HTTP_STATUS',
  /** The caller's AbortSignal fired. Never retried. */
  ABORTED: 'TIM_ABORTED',
  /** HTTP 200 with a body that is not an API answer. Never retried. */
  INVALID_RESPONSE: 'TIM_INVALID_RESPONSE',
  /** createClient was given options it cannot work with. */
  CONFIG: 'TIM_CONFIG',
} as const;
export type ClientErrorCode = (typeof ClientErrorCode)[keyof typeof ClientErrorCode];

/** HTTP statuses of a gateway in trouble, where a retry can help. */
const RETRYABLE_HTTP_STATUSES: ReadonlySet<number> = new Set([502, 503, 504]);

/** The catalogue entry of an API error code, if the spec knows it. */
export function catalogueEntry(code: number): ErrorCatalogueEntry | undefined {
  return (ERROR_CATALOGUE as Record<string, ErrorCatalogueEntry | undefined>)[String(code)];
}

/** Whether the spec says a retry can help for this API error code. */
export function isRetryableCode(code: number): boolean {
  return catalogueEntry(code)?.retryable === true;
}

export interface TimMarksErrorInit {
  code: number | ClientErrorCode;
  message: string;
  retryable?: boolean;
  command?: CommandName | undefined;
  attempts?: number;
  errorInfo?: string | undefined;
  errorDisplay?: string | undefined;
  cause?: unknown;
}

/** Every failure the client throws. `code` is stable: the API's ErrorCode, or a `TIM_*` string. */
export class TimMarksError extends Error {
  override name = 'TimMarksError';
  /** The API's ErrorCode (a number), or a ClientErrorCode string for failures without an API answer. */
  readonly code: number | ClientErrorCode;
  /** Whether the client considered this failure worth retrying (it already did, up to its bound). */
  readonly retryable: boolean;
  /** The command (operationId) that failed, when the failure belongs to one. */
  readonly command: CommandName | undefined;
  /** How many times the request was sent (0 when it failed before the network). */
  readonly attempts: number;
  /** The server's ErrorInfo (or ResultInfo), when it answered. */
  readonly errorInfo: string | undefined;
  /** The server's ErrorDisplay, when it answered one. */
  readonly errorDisplay: string | undefined;
  /**
   * Set by `markContact` when a request of more than 100 items failed after some of its calls
   * succeeded: the results of the items already applied (the first `partial.ResultItem.length`).
   */
  partial: MarkContactResult | undefined;

  constructor(init: TimMarksErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.code = init.code;
    this.retryable = init.retryable ?? false;
    this.command = init.command;
    this.attempts = init.attempts ?? 0;
    this.errorInfo = init.errorInfo;
    this.errorDisplay = init.errorDisplay;
    this.partial = undefined;
  }

  /** The spec's catalogue entry of `code` (undefined for client codes and unknown API codes). */
  get entry(): ErrorCatalogueEntry | undefined {
    return typeof this.code === 'number' ? catalogueEntry(this.code) : undefined;
  }
}

/** The API answered `ActionStatus: FAIL` (or a non-zero ErrorCode): the whole request failed. */
export class TimMarksApiError extends TimMarksError {
  override name = 'TimMarksApiError';
  declare readonly code: number;
  /** The answer as received. */
  readonly response: ResponseEnvelope;

  constructor(command: CommandName, response: ResponseEnvelope, attempts: number) {
    const code = response.ErrorCode;
    const name = catalogueEntry(code)?.name ?? 'UNKNOWN';
    super({
      code,
      message: `${command} failed with ${code} ${name}: ${response.ErrorInfo || '(no ErrorInfo)'}`,
      retryable: isRetryableCode(code),
      command,
      attempts,
      errorInfo: response.ErrorInfo,
      errorDisplay: response.ErrorDisplay,
    });
    this.response = response;
  }
}

/**
 * A request the server would refuse, caught before the network. The code is the one the server
 * would answer (50002, 51006 or 60015); nothing of the request was sent.
 */
export class TimMarksValidationError extends TimMarksError {
  override name = 'TimMarksValidationError';
  declare readonly code: number;
  /** The index of the offending MarkItem in the request as the caller passed it. */
  readonly itemIndex: number | undefined;
  /** The offending field, e.g. `MarkItem[3].SetMark`. */
  readonly field: string;

  constructor(init: {
    code: number;
    field: string;
    reason: string;
    itemIndex?: number | undefined;
    command?: CommandName;
  }) {
    super({
      code: init.code,
      message: `${init.field}: ${init.reason} (${init.code}, caught before sending)`,
      command: init.command,
      errorInfo: init.reason,
    });
    this.itemIndex = init.itemIndex;
    this.field = init.field;
  }
}

export class TimMarksTimeoutError extends TimMarksError {
  override name = 'TimMarksTimeoutError';
  constructor(command: CommandName, timeoutMs: number, attempts: number) {
    super({
      code: ClientErrorCode.TIMEOUT,
      message: `${command}: no answer within ${timeoutMs} ms`,
      retryable: true,
      command,
      attempts,
    });
  }
}

export class TimMarksNetworkError extends TimMarksError {
  override name = 'TimMarksNetworkError';
  constructor(command: CommandName, cause: unknown, attempts: number) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super({
      code: ClientErrorCode.NETWORK,
      message: `${command}: network failure: ${detail}`,
      retryable: true,
      command,
      attempts,
      cause,
    });
  }
}

export class TimMarksHttpStatusError extends TimMarksError {
  override name = 'TimMarksHttpStatusError';
  readonly statusCode: number;
  constructor(command: CommandName, statusCode: number, attempts: number) {
    super({
      code: ClientErrorCode.HTTP_STATUS,
      message: `${command}: HTTP ${statusCode}`,
      retryable: RETRYABLE_HTTP_STATUSES.has(statusCode),
      command,
      attempts,
    });
    this.statusCode = statusCode;
  }
}

export class TimMarksAbortError extends TimMarksError {
  override name = 'TimMarksAbortError';
  constructor(command: CommandName | undefined, reason: unknown, attempts: number) {
    super({
      code: ClientErrorCode.ABORTED,
      message: `${command ?? 'request'}: aborted`,
      command,
      attempts,
      cause: reason,
    });
  }
}

export class TimMarksInvalidResponseError extends TimMarksError {
  override name = 'TimMarksInvalidResponseError';
  constructor(command: CommandName, reason: string, attempts: number) {
    super({
      code: ClientErrorCode.INVALID_RESPONSE,
      message: `${command}: invalid response: ${reason}`,
      command,
      attempts,
    });
  }
}

export class TimMarksConfigError extends TimMarksError {
  override name = 'TimMarksConfigError';
  constructor(message: string) {
    super({ code: ClientErrorCode.CONFIG, message });
  }
}
