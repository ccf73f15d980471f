import {
  type AccountImportAnswer,
  type AccountImportByIdentifier,
  type AccountImportRequest,
  accountListField,
  type CommandBodies,
  type CommandName,
  type ContactItemWithMarks,
  type CreateContactGroupAnswer,
  type CreateContactGroupRequest,
  type CreateGroupAnswer,
  type CreateGroupRequest,
  currentAccountImport,
  type DelContactGroupAnswer,
  type DelContactGroupRequest,
  type DestroyGroupAnswer,
  type DestroyGroupRequest,
  type GetContactGroupAnswer,
  type GetContactGroupRequest,
  type GroupItem,
  itemsOf,
  LIMITS,
  type MarkContactRequest,
  type MultiaccountImportAccountList,
  type MultiaccountImportAccounts,
  type MultiaccountImportAnswer,
  type MultiaccountImportRequest,
  REGIONS,
  type Region,
  type SearchContactGroupAnswer,
  type SearchContactGroupRequest,
  type UpdateContactGroupAnswer,
  type UpdateContactGroupRequest,
  type UserID,
} from '@tim-marks/types';
import { Pool } from 'undici';
import type { RequestDispatcher } from './attempt.js';
import { type CallerConfig, type CallOptions, call, type RetryEvent } from './caller.js';
import { type Clock, systemClock } from './clock.js';
import {
  checkCreateContactGroupRequest,
  checkDelContactGroupRequest,
  checkSearchContactGroupRequest,
  checkUpdateContactGroupRequest,
} from './contact-groups.js';
import {
  type CallSite,
  type ClientMethod,
  renameMethod,
  TimMarksConfigError,
  TimMarksError,
  TimMarksInvalidResponseError,
} from './errors.js';
import { Admission } from './limiter.js';
import {
  chunks,
  describePartial,
  type MarkContactResult,
  MarkResults,
  mergeAccountImports,
} from './results.js';
import { type RetryOptions, retryPolicy } from './retry.js';
import { fixedUserSig, signingUserSig, type UserSigSource } from './usersig.js';
import {
  checkAccountsRequest,
  checkGetContactGroupRequest,
  checkMarkContactRequest,
  checkSetupRequest,
} from './validate.js';

interface CommonOptions {
  /** The app's SDKAppID. */
  sdkAppId: number;
  /** An App admin account; every request is made as this account. */
  identifier: UserID;
  /** Life of each UserSig the client signs (with `secretKey`). Default 86400 (one day). */
  userSigExpireSeconds?: number;
  /** Longest wait for one answer, per send. Default 5000 (the server gives up at 3000). */
  timeoutMs?: number;
  /** Retries of transient failures; `false` sends once. Default `{ retries: 3, minDelayMs: 300, maxDelayMs: 3000 }`. */
  retry?: RetryOptions | false;
  /**
   * Most calls of one command admitted in any sliding second, across every caller of this client;
   * `false` turns the limiter off. Default LIMITS.callsPerSecondPerCommand (200).
   */
  rateLimit?: number | false;
  /**
   * Sends through this undici dispatcher (a MockAgent in tests, a shared Agent, a ProxyAgent) instead
   * of the client's own Pool. Any undici 6.x or 7.x dispatcher fits; the client does not close it.
   */
  dispatcher?: RequestDispatcher;
  /**
   * The most connections (and so calls in flight) the client uses. Within it, the client sizes its
   * calls in flight from the rate limit and the round trips it observes. Default 256.
   */
  connections?: number;
  /** Told before each retry (for logs and metrics). */
  onRetry?: (event: RetryEvent) => void;
  /** Time source of the limiter, backoff, timeouts and UserSig renewal. A test seam; default the system clock. */
  clock?: Clock;
  /** Jitter source for the backoff, in [0, 1). A test seam; default Math.random. */
  random?: () => number;
}

/** Sign UserSigs with the app's secret key (renewed automatically), or send a fixed one. */
export type AuthOptions = { secretKey: string; userSig?: never } | { userSig: string; secretKey?: never };

/** One of the nine regional domains, or any base URL (the stub: `http://127.0.0.1:8080`). */
export type EndpointOptions = { region: Region; baseUrl?: never } | { baseUrl: string; region?: never };

export type ClientOptions = CommonOptions & AuthOptions & EndpointOptions;

export type { CallOptions, RequestDispatcher, RetryEvent };

/** Options of the paging iterators. */
export interface PagingOptions extends CallOptions {
  /** Where to start; default 0 (the first page). */
  startIndex?: number;
}

const DEFAULT_TIMEOUT_MS = 5000;
const DEFAULT_USERSIG_EXPIRE_SECONDS = 86400;
/**
 * A cap, not a count: the client opens what admission lets fly (rate x round trip x 2: 16 on a
 * LAN, about 130 behind 300 ms). 256 covers one command at the ceiling behind 600 ms.
 */
const DEFAULT_CONNECTIONS = 256;

function positiveInteger(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) {
    throw new TimMarksConfigError(`${name} must be an integer >= 1, got ${JSON.stringify(value)}`);
  }
  return value;
}

function resolveOrigin(options: ClientOptions): string {
  const { region, baseUrl } = options as { region?: unknown; baseUrl?: unknown };
  if (region !== undefined && baseUrl !== undefined)
    throw new TimMarksConfigError('give region or baseUrl, not both');
  if (region !== undefined) {
    const url = (REGIONS as Record<string, string>)[String(region)];
    if (url === undefined) {
      throw new TimMarksConfigError(
        `unknown region ${JSON.stringify(region)}; one of ${Object.keys(REGIONS).join(', ')}`,
      );
    }
    return url;
  }
  if (typeof baseUrl !== 'string') throw new TimMarksConfigError('give region (one of the nine) or baseUrl');
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    throw new TimMarksConfigError(`baseUrl is not a URL: ${baseUrl}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TimMarksConfigError('baseUrl must be http(s)');
  // The command paths are absolute (/v4/...): a base path would be dropped silently.
  if (url.pathname !== '/' || url.search !== '') {
    throw new TimMarksConfigError(`baseUrl must be an origin without a path: ${baseUrl}`);
  }
  return url.origin;
}

function resolveUserSig(options: ClientOptions, clock: Clock): UserSigSource {
  const { secretKey, userSig } = options as { secretKey?: unknown; userSig?: unknown };
  if (secretKey !== undefined && userSig !== undefined)
    throw new TimMarksConfigError('give secretKey or userSig, not both');
  if (typeof secretKey === 'string' && secretKey !== '') {
    return signingUserSig({
      sdkAppId: options.sdkAppId,
      identifier: options.identifier,
      secretKey,
      expireSeconds: positiveInteger(
        'userSigExpireSeconds',
        options.userSigExpireSeconds ?? DEFAULT_USERSIG_EXPIRE_SECONDS,
      ),
      clock,
    });
  }
  if (typeof userSig === 'string' && userSig !== '') return fixedUserSig(userSig);
  throw new TimMarksConfigError(
    'give secretKey (the client signs and renews UserSigs) or a non-empty userSig',
  );
}

/** The call sites of methods named as their command, made once (they go with every send). */
const SITES: Partial<Record<CommandName, CallSite>> = {
  markContact: { method: 'markContact', operation: 'markContact' },
  getContactGroup: { method: 'getContactGroup', operation: 'getContactGroup' },
  createGroup: { method: 'createGroup', operation: 'createGroup' },
  destroyGroup: { method: 'destroyGroup', operation: 'destroyGroup' },
  createContactGroup: { method: 'createContactGroup', operation: 'createContactGroup' },
  updateContactGroup: { method: 'updateContactGroup', operation: 'updateContactGroup' },
  delContactGroup: { method: 'delContactGroup', operation: 'delContactGroup' },
  searchContactGroup: { method: 'searchContactGroup', operation: 'searchContactGroup' },
};

const MARK_CONTACT = { method: 'markContact', operation: 'markContact' } as const;

/**
 * A client of the conversation-marks API. Safe to share: the rate limiter and the connection pool
 * are shared by every concurrent call made through it.
 */
export class TimMarksClient {
  readonly sdkAppId: number;
  readonly identifier: UserID;
  /** Where requests go, e.g. `https://adminapisgp.im.qcloud.com`. */
  readonly origin: string;
  private readonly config: CallerConfig;
  private readonly ownPool: Pool | undefined;

  constructor(options: ClientOptions) {
    if (typeof options !== 'object' || options === null)
      throw new TimMarksConfigError('options are required');
    this.sdkAppId = positiveInteger('sdkAppId', options.sdkAppId);
    if (typeof options.identifier !== 'string' || options.identifier === '') {
      throw new TimMarksConfigError('identifier (an App admin account) is required');
    }
    this.identifier = options.identifier;
    this.origin = resolveOrigin(options);
    const clock = options.clock ?? systemClock;
    const timeoutMs = positiveInteger('timeoutMs', options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
    const rateLimit = options.rateLimit ?? LIMITS.callsPerSecondPerCommand;
    const ceiling = rateLimit === false ? false : positiveInteger('rateLimit', rateLimit);
    const retry = retryPolicy(options.retry);
    if (!Number.isSafeInteger(retry.retries) || retry.retries < 0) {
      throw new TimMarksConfigError(
        `retry.retries must be an integer >= 0, got ${JSON.stringify(retry.retries)}`,
      );
    }
    if (!(retry.minDelayMs >= 0) || !(retry.maxDelayMs >= retry.minDelayMs)) {
      throw new TimMarksConfigError('retry delays must satisfy 0 <= minDelayMs <= maxDelayMs');
    }

    const connections = positiveInteger('connections', options.connections ?? DEFAULT_CONNECTIONS);
    // The pool may open as many connections as admission lets calls fly, so a granted call never
    // queues inside it (its send stamp would then be early; see limiter.ts).
    this.ownPool = options.dispatcher === undefined ? new Pool(this.origin, { connections }) : undefined;
    this.config = {
      dispatcher: options.dispatcher ?? (this.ownPool as Pool),
      origin: this.origin,
      identity: { sdkAppId: this.sdkAppId, identifier: this.identifier },
      userSig: resolveUserSig(options, clock),
      timeoutMs,
      retry,
      clock,
      random: options.random ?? Math.random,
      onRetry: options.onRetry,
      admission: new Admission({
        limit: ceiling,
        windowMs: LIMITS.rateWindowMs,
        maxInFlight: connections,
        clock,
      }),
    };
  }

  private send<C extends CommandName>(
    method: ClientMethod,
    operation: C,
    body: CommandBodies[C]['request'],
    options?: CallOptions,
  ): Promise<CommandBodies[C]['response']> {
    return call(
      this.config,
      method === operation ? (SITES[operation] as CallSite & { operation: C }) : { method, operation },
      body,
      options,
    );
  }

  /**
   * mark_contact: sets standard marks and custom marks of any number of conversations. Every item
   * is checked before anything is sent (a bad one throws TimMarksValidationError, nothing is sent);
   * more than 100 items are sent as consecutive calls of at most 100 and merged in order (`calls`
   * says how many). Items the server refuses do not throw: they are listed in `result.failed`. A
   * call that fails after earlier calls were applied throws with `error.partial`: what was applied.
   */
  async markContact(request: MarkContactRequest, options?: CallOptions): Promise<MarkContactResult> {
    const site = MARK_CONTACT;
    let checked: MarkContactRequest;
    try {
      checked = checkMarkContactRequest(request);
    } catch (error) {
      throw renameMethod(error, site.method);
    }
    const { From_Account, MarkItem } = checked;
    const results = new MarkResults();
    let offset = 0;
    const runs =
      MarkItem.length <= LIMITS.markItemsPerCall ? [MarkItem] : chunks(MarkItem, LIMITS.markItemsPerCall);
    for (const run of runs) {
      try {
        const response = await this.send(
          site.method,
          site.operation,
          { From_Account, MarkItem: run },
          options,
        );
        const ResultItem = response.ResultItem;
        if (!Array.isArray(ResultItem) || ResultItem.length !== run.length) {
          throw new TimMarksInvalidResponseError(
            site,
            `${run.length} MarkItems answered by ${Array.isArray(ResultItem) ? ResultItem.length : 'no'} ResultItems`,
            1,
          );
        }
        results.add(run, offset, response, ResultItem);
      } catch (error) {
        if (error instanceof TimMarksError && offset > 0) {
          error.partial = results.result();
          error.message += ` (${describePartial(error.partial, MarkItem.length)})`;
        }
        throw error;
      }
      offset += run.length;
    }
    return results.finish();
  }

  /** get_contact_group: one page of the user's marked and grouped conversations. */
  async getContactGroup(
    request: GetContactGroupRequest,
    options?: CallOptions,
  ): Promise<GetContactGroupAnswer> {
    return this.page('getContactGroup', request, options);
  }

  private async page(
    method: ClientMethod,
    request: GetContactGroupRequest,
    options?: CallOptions,
  ): Promise<GetContactGroupAnswer> {
    let checked: GetContactGroupRequest;
    try {
      checked = checkGetContactGroupRequest(request);
    } catch (error) {
      throw renameMethod(error, method);
    }
    return this.send(method, 'getContactGroup', checked, options);
  }

  /**
   * Every page of get_contact_group for `From_Account`, in order: it asks for the page at
   * `options.startIndex` (default 0), yields it, and follows NextStartIndex until CompleteFlag is 1.
   * Each page is one call (rate-limited and retried like any other); a page that does not advance
   * throws TIM_INVALID_RESPONSE rather than loop. Errors name `contactPages`.
   */
  contactPages(From_Account: UserID, options: PagingOptions = {}): AsyncGenerator<GetContactGroupAnswer> {
    return this.pages('contactPages', From_Account, options);
  }

  private async *pages(
    method: ClientMethod,
    From_Account: UserID,
    options: PagingOptions,
  ): AsyncGenerator<GetContactGroupAnswer> {
    let StartIndex = options.startIndex ?? 0;
    for (;;) {
      const page = await this.page(method, { From_Account, StartIndex }, options);
      yield page;
      const next = page.NextStartIndex;
      // The last page answers CompleteFlag 1 and NextStartIndex 0 (the official example); a server that
      // leaves CompleteFlag out ends with a NextStartIndex that is absent or 0.
      if (
        page.CompleteFlag === 1 ||
        (page.CompleteFlag === undefined && (next === undefined || next === 0))
      ) {
        return;
      }
      if (typeof next !== 'number' || next <= StartIndex) {
        throw new TimMarksInvalidResponseError(
          { method, operation: 'getContactGroup' },
          `CompleteFlag 0 with NextStartIndex ${JSON.stringify(next)} after StartIndex ${StartIndex}`,
          1,
        );
      }
      StartIndex = next;
    }
  }

  /** Every marked or grouped conversation of `From_Account`, across all pages (see contactPages). */
  async *contacts(From_Account: UserID, options: PagingOptions = {}): AsyncGenerator<ContactItemWithMarks> {
    for await (const page of this.pages('contacts', From_Account, options)) yield* page.ContactItem ?? [];
  }

  /** The user's conversation groups (GroupItem of get_contact_group's first page), in GroupId order. */
  async contactGroups(From_Account: UserID, options?: CallOptions): Promise<GroupItem[]> {
    const page = await this.page('contactGroups', { From_Account, StartIndex: 0 }, options);
    return page.GroupItem ?? [];
  }

  /**
   * create_contact_group: creates one conversation group with its first conversations (at most
   * 100). A name of 0 or over 32 UTF-8 bytes throws TimMarksValidationError (51011) before sending.
   * Conversations the server refuses do not throw: see `GroupResultItem[0].ResultItem[i].ResultCode`.
   */
  async createContactGroup(
    request: CreateContactGroupRequest,
    options?: CallOptions,
  ): Promise<CreateContactGroupAnswer> {
    return this.send(
      'createContactGroup',
      'createContactGroup',
      checkCreateContactGroupRequest(request),
      options,
    );
  }

  /** update_contact_group: renames a group (UpdateGroupType 1) or adds and removes conversations (2). */
  async updateContactGroup(
    request: UpdateContactGroupRequest,
    options?: CallOptions,
  ): Promise<UpdateContactGroupAnswer> {
    return this.send(
      'updateContactGroup',
      'updateContactGroup',
      checkUpdateContactGroupRequest(request),
      options,
    );
  }

  /** del_contact_group: deletes one group by name; its conversations leave it. */
  async delContactGroup(
    request: DelContactGroupRequest,
    options?: CallOptions,
  ): Promise<DelContactGroupAnswer> {
    return this.send('delContactGroup', 'delContactGroup', checkDelContactGroupRequest(request), options);
  }

  /**
   * search_contact_group: the marks and groups of any number of named conversations, sent as calls
   * of at most LIMITS.searchContactItemsPerCall; ContactResultItem gathers every call's in order.
   */
  async searchContactGroup(
    request: SearchContactGroupRequest,
    options?: CallOptions,
  ): Promise<SearchContactGroupAnswer> {
    const { From_Account, ContactItem } = checkSearchContactGroupRequest(request);
    let merged: SearchContactGroupAnswer | undefined;
    for (const run of chunks(ContactItem, LIMITS.searchContactItemsPerCall)) {
      const answer = await this.send(
        'searchContactGroup',
        'searchContactGroup',
        { From_Account, ContactItem: run },
        options,
      );
      merged =
        merged === undefined
          ? { ...answer, ContactResultItem: [...(answer.ContactResultItem ?? [])] }
          : {
              ...answer,
              ContactResultItem: [...(merged.ContactResultItem ?? []), ...(answer.ContactResultItem ?? [])],
            };
    }
    return merged as SearchContactGroupAnswer;
  }

  /**
   * account_import: imports one account (importing an existing one succeeds). For many accounts,
   * importAccounts sends 100 per call.
   */
  async importAccount(
    request: AccountImportRequest | AccountImportByIdentifier,
    options?: CallOptions,
  ): Promise<AccountImportAnswer> {
    // The deprecated `Identifier` form is checked by the server's rules and sent as `UserID`, the
    // field's current name.
    const checked = checkSetupRequest('accountImport', request);
    return this.send('importAccount', 'accountImport', currentAccountImport(checked), options);
  }

  /**
   * multiaccount_import: imports any number of accounts, in calls of at most
   * LIMITS.accountsPerMultiImport; `FailAccounts` gathers every call's.
   */
  async importAccounts(
    request: MultiaccountImportAccounts | MultiaccountImportAccountList,
    options?: CallOptions,
  ): Promise<MultiaccountImportAnswer> {
    const checked = checkAccountsRequest(request) as Record<string, unknown>;
    const responses: MultiaccountImportAnswer[] = [];
    // Either form, as given: `AccountList` (newer: with Nick and FaceUrl) or `Accounts` (UserIDs);
    // an empty list beside the other form is left out, as the server leaves it out.
    const field = accountListField(checked);
    for (const run of chunks(itemsOf('multiaccountImport', checked), LIMITS.accountsPerMultiImport)) {
      const body = { [field]: run } as MultiaccountImportRequest;
      responses.push(await this.send('importAccounts', 'multiaccountImport', body, options));
    }
    return mergeAccountImports(responses);
  }

  /** create_group: creates a group whose conversation can then be marked. */
  async createGroup(request: CreateGroupRequest, options?: CallOptions): Promise<CreateGroupAnswer> {
    return this.send('createGroup', 'createGroup', checkSetupRequest('createGroup', request), options);
  }

  /** destroy_group: dissolves a group; later marks of its conversation fail with 51007. */
  async destroyGroup(request: DestroyGroupRequest, options?: CallOptions): Promise<DestroyGroupAnswer> {
    return this.send('destroyGroup', 'destroyGroup', checkSetupRequest('destroyGroup', request), options);
  }

  /** Closes the client's own connection pool (an injected dispatcher is left to its owner). */
  async close(): Promise<void> {
    await this.ownPool?.close();
  }
}

/** Creates a client; see ClientOptions. Throws TimMarksConfigError on options it cannot work with. */
export function createClient(options: ClientOptions): TimMarksClient {
  return new TimMarksClient(options);
}
