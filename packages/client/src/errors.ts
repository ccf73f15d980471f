import {
  type CommandName,
  type ContactItem,
  ERROR_CATALOGUE,
  type ErrorCatalogueEntry,
  type ResponseEnvelope,
} from '@tim-marks/types';
import type { MarkContactResult } from './results.js';

/**
 * The public method a failure belongs to, as the caller wrote it: the client's methods, and the
 * `mark` builder's (`mark.custom` for `mark.c2c('x').custom(...)`).
 */
export type ClientMethod =
  | 'markContact'
  | 'getContactGroup'
  | 'contactPages'
  | 'contacts'
  | 'importAccount'
  | 'importAccounts'
  | 'createGroup'
  | 'destroyGroup'
  | 'contactGroups'
  | 'createContactGroup'
  | 'updateContactGroup'
  | 'delContactGroup'
  | 'searchContactGroup'
  | 'mark.c2c'
  | 'mark.group'
  | 'mark.to'
  | 'mark.set'
  | 'mark.clear'
  | 'mark.custom';

/** Where a failure happened: the method called and the API command (operationId) it was sending. */
export interface CallSite {
  method: ClientMethod;
  operation: CommandName;
}

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
  command?: ClientMethod | undefined;
  operation?: CommandName | undefined;
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
  /**
   * The method the caller called, e.g. `importAccounts` (not the API command it sends,
   * `multiaccountImport`: that is `operation`), or the builder method, e.g. `mark.custom`.
   */
  readonly command: ClientMethod | undefined;
  /** The API command (the spec's operationId) being sent, when the failure belongs to one. */
  readonly operation: CommandName | undefined;
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
    this.operation = init.operation;
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

/** `c2c 'user1'` or `group '@TGS#1'`, for messages. */
export function describeContact(contact: ContactItem): string {
  return contact.Type === 1
    ? `c2c ${JSON.stringify(contact.To_Account)}`
    : `group ${JSON.stringify((contact as { ToGroupId?: unknown }).ToGroupId)}`;
}

/**
 * Names the method the caller called on an error raised below it (the shared request rules name
 * the command they check; contactPages() runs getContactGroup). Used by every public method.
 */
export function renameMethod(error: unknown, method: ClientMethod): unknown {
  if (error instanceof TimMarksError && error.command !== method) {
    const previous = error.command;
    (error as { command: ClientMethod }).command = method;
    if (previous !== undefined && error.message.startsWith(`${previous}:`)) {
      error.message = `${method}:${error.message.slice(previous.length + 1)}`;
    } else if (previous !== undefined && error.message.startsWith(`${previous} `)) {
      error.message = `${method}${error.message.slice(previous.length)}`;
    }
  }
  return error;
}

function siteFields(site: CallSite): { command: ClientMethod; operation: CommandName } {
  return { command: site.method, operation: site.operation };
}

/** The API answered `ActionStatus: FAIL` (or a non-zero ErrorCode): the whole request failed. */
export class TimMarksApiError extends TimMarksError {
  override name = 'TimMarksApiError';
  declare readonly code: number;
  /** The answer as received. */
  readonly response: ResponseEnvelope;

  constructor(site: CallSite, response: ResponseEnvelope, attempts: number) {
    const code = response.ErrorCode;
    const name = catalogueEntry(code)?.name ?? 'UNKNOWN';
    super({
      code,
      message: `${site.method} failed with ${code} ${name}: ${response.ErrorInfo || '(no ErrorInfo)'}`,
      retryable: isRetryableCode(code),
      ...siteFields(site),
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
  /** The offending field, e.g. `MarkItem[3].SetMark`, or `CustomMark` for a builder. */
  readonly field: string;
  /** The conversation of the offending item, when known (always, for a `mark` builder error). */
  readonly contactItem: ContactItem | undefined;

  constructor(init: {
    code: number;
    field: string;
    reason: string;
    itemIndex?: number | undefined;
    /** The method (or, from the shared rules, the operationId, e.g. `markContact`). */
    command?: ClientMethod | CommandName | undefined;
    contactItem?: ContactItem | undefined;
  }) {
    const where = init.contactItem === undefined ? '' : ` of ${describeContact(init.contactItem)}`;
    super({
      code: init.code,
      message: `${init.field}${where}: ${init.reason} (${init.code}, caught before sending)`,
      // The shared rules name the command they check; markContact and getContactGroup are both
      // an operationId and the method that sends it. The public methods rename it (see named()).
      command: init.command as ClientMethod | undefined,
      operation:
        init.command === undefined || init.command.startsWith('mark.')
          ? undefined
          : (init.command as CommandName),
      errorInfo: init.reason,
    });
    this.itemIndex = init.itemIndex;
    this.field = init.field;
    this.contactItem = init.contactItem;
  }
}

export class TimMarksTimeoutError extends TimMarksError {
  override name = 'TimMarksTimeoutError';
  constructor(site: CallSite, timeoutMs: number, attempts: number) {
    super({
      code: ClientErrorCode.TIMEOUT,
      message: `${site.method}: no answer within ${timeoutMs} ms`,
      retryable: true,
      ...siteFields(site),
      attempts,
    });
  }
}

export class TimMarksNetworkError extends TimMarksError {
  override name = 'TimMarksNetworkError';
  constructor(site: CallSite, cause: unknown, attempts: number) {
    const detail = cause instanceof Error ? cause.message : String(cause);
    super({
      code: ClientErrorCode.NETWORK,
      message: `${site.method}: network failure: ${detail}`,
      retryable: true,
      ...siteFields(site),
      attempts,
      cause,
    });
  }
}

export class TimMarksHttpStatusError extends TimMarksError {
  override name = 'TimMarksHttpStatusError';
  readonly statusCode: number;
  constructor(site: CallSite, statusCode: number, attempts: number) {
    super({
      code: ClientErrorCode.HTTP_STATUS,
      message: `${site.method}: HTTP ${statusCode}`,
      retryable: RETRYABLE_HTTP_STATUSES.has(statusCode),
      ...siteFields(site),
      attempts,
    });
    this.statusCode = statusCode;
  }
}

export class TimMarksAbortError extends TimMarksError {
  override name = 'TimMarksAbortError';
  constructor(site: CallSite, reason: unknown, attempts: number) {
    super({
      code: ClientErrorCode.ABORTED,
      message: `${site.method}: aborted`,
      ...siteFields(site),
      attempts,
      cause: reason,
    });
  }
}

export class TimMarksInvalidResponseError extends TimMarksError {
  override name = 'TimMarksInvalidResponseError';
  constructor(site: CallSite, reason: string, attempts: number) {
    super({
      code: ClientErrorCode.INVALID_RESPONSE,
      message: `${site.method}: invalid response: ${reason}`,
      ...siteFields(site),
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
