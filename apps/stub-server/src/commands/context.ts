import type { CommandName } from '@tim-marks/types';
import type { AppRuntime } from '../apps.js';
import type { ApiAnswer } from '../envelope.js';
import type { ValidateFunction } from '../schemas.js';
import type { Awaitable, Store } from '../store/store.js';

/** What a command handler may use: the app it runs for, the store, the compiled request schemas, the clock. */
export interface CommandContext {
  app: AppRuntime;
  store: Store;
  validators: Record<CommandName, ValidateFunction>;
  /** Unix seconds. */
  nowSeconds(): number;
}

/** A command, given a body that is a JSON object and a caller that passed authentication and the ceiling. */
export type CommandHandler = (body: Record<string, unknown>, ctx: CommandContext) => Awaitable<ApiAnswer>;
