// The control plane's refusals: an HTTP status, a stable code (openapi/control-plane.yaml's
// ControlErrorCode, what tests match on) and, where an API request would fail the same way, the API's
// ErrorCode. Thrown by the in-process operations (stub.control.*) and answered by the HTTP routes.
import { COMMANDS, type CommandName } from '@tim-marks/types';
import type { ControlErrorCode } from '@tim-marks/types/control-plane';

export type { ControlErrorCode };

export type ControlStatus = 400 | 401 | 403 | 404 | 413 | 415 | 503;

const CODE_OF_STATUS: Record<ControlStatus, ControlErrorCode> = {
  400: 'invalid-input',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  413: 'body-too-large',
  415: 'unsupported-media-type',
  503: 'store-unavailable',
};

/** A control-plane request that cannot be honoured: 400 (bad input), 404 (unknown thing), 403, 413, 415, 401, 503 (the store). */
export class ControlError extends Error {
  override name = 'ControlError';
  readonly code: ControlErrorCode;
  constructor(
    message: string,
    readonly status: ControlStatus = 400,
    /** The API's ErrorCode for the same mistake in an API request, where there is one. */
    readonly errorCode?: number,
    code?: ControlErrorCode,
  ) {
    super(message);
    this.code = code ?? CODE_OF_STATUS[status];
  }
}

/** Every command of the spec, by operationId. */
export const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** `markContact`, `v4/recentcontact/mark_contact` or `/v4/recentcontact/mark_contact` → the command. */
export function commandOf(text: string): CommandName | undefined {
  if ((COMMAND_NAMES as string[]).includes(text)) return text as CommandName;
  const path = text.startsWith('/') ? text : `/${text}`;
  return COMMAND_NAMES.find((name) => COMMANDS[name] === path);
}

/** commandOf, or a ControlError (`unknown-command`) naming the field. */
export function commandNamed(text: unknown, field = 'command'): CommandName {
  const command = typeof text === 'string' ? commandOf(text) : undefined;
  if (command === undefined) {
    throw new ControlError(
      `${field} must be a command's path (v4/recentcontact/mark_contact) or operationId (markContact), not ${JSON.stringify(text)}`,
      400,
      undefined,
      'unknown-command',
    );
  }
  return command;
}
