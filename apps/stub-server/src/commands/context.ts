import type { CommandBodies, CommandName } from '@tim-marks/types';
import type { AppRuntime } from '../apps.js';
import type { Awaitable, Store } from '../store/store.js';

/** What a command handler may use: the app it runs for, the store, the clock. The request rules are
 * @tim-marks/types' (checkRequest / checkItem), shared with the client. */
export interface CommandContext {
  app: AppRuntime;
  store: Store;
  /** Unix seconds. */
  nowSeconds(): number;
  /** An injected item-error fault (faults.ts): the failure of an item that passed the rules, if it is one to fail. */
  itemFault?: ItemFault;
}

/** Whether an injected fault fails this item (mark_contact's MarkItem), and with what. */
export type ItemFault = (item: unknown) => { code: number; info: string } | undefined;

/** A command, given a body that is a JSON object and a caller that passed authentication and the ceiling.
 * It answers the command's response type generated from the spec, so that a field renamed in the spec
 * breaks the stub's compile as it breaks the client's. */
export type CommandHandler<C extends CommandName = CommandName> = (
  body: Record<string, unknown>,
  ctx: CommandContext,
) => Awaitable<CommandBodies[C]['response']>;

/** The request of command C, once its schema has accepted the body. */
export type ValidRequest<C extends CommandName> = CommandBodies[C]['request'];
