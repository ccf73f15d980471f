// The control plane (openapi/control-plane.yaml, the README): test-tool operations under /__stub/ with
// plain HTTP statuses, and the same operations in-process (`stub.control.*`). Not part of the emulated
// API. Its shapes are the ones generated from the yaml (@tim-marks/types/control-plane).
//
// It can wipe or rewrite the whole state, so it answers only requests a web page cannot forge: the
// Host (and an absolute-form target's authority) must be a loopback name or address, which defeats
// DNS rebinding; any Origin must be loopback; POST and PUT need `Content-Type: application/json`, which
// no form or simple cross-site request can send; with a token, `Authorization: Bearer <token>`. Bodies
// are read as they stream and refused past the limit (413) before they are held in memory.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, type GroupType, LIMITS } from '@tim-marks/types';
import type {
  Fault,
  FaultSpec,
  Health,
  LegacyFaultSpec,
  RequestFilter,
  RequestList,
  RequestMatcher,
  SeedContactGroup,
  SeedRequest,
  StatsAnswer,
  StubStateDocument,
} from '@tim-marks/types/control-plane';
import { sendJson } from './api.js';
import { type AppRuntime, EDITIONS, type Edition, type SeedGroup } from './apps.js';
import { isObject } from './commands/describe.js';
import { COMMAND_NAMES, ControlError, commandNamed, commandOf } from './control-error.js';
import { isLoopback } from './defaults.js';
import { serveDocument } from './documents.js';
import { type Faults, parseFault } from './faults.js';
import type { RequestJournal } from './journal.js';
import {
  PROVIDER_STATES,
  type ProviderStateRequest,
  type ProviderStateValues,
  runProviderState,
} from './provider-states.js';
import type { LoopStalls } from './stalls.js';
import { StateError, validateState } from './state.js';
import { type CommandSeries, monotonicSecond } from './stats.js';
import { type MemberOp, type Store, StoreUnavailable, type StubState, WriteFailed } from './store/store.js';

export const CONTROL_PREFIX = '/__stub/';
/** Enough for a state of thousands of users with full mark lists; bigger states belong in --state-file. */
export const DEFAULT_CONTROL_BODY_LIMIT_BYTES = 8 * 1024 * 1024;

export { ControlError, commandOf };

/** POST /__stub/seed's body (openapi/control-plane.yaml SeedRequest). */
export type SeedSpec = SeedRequest;
export type { SeedContactGroup, StatsAnswer };

export interface StatsQuery {
  sdkAppId?: number;
  /** A path (`v4/recentcontact/mark_contact`, leading slash optional) or an operationId (`markContact`). */
  command?: string;
  /** How many seconds of history, default 300 (at most 3600). */
  seconds?: number;
}

/** The control plane's operations, in-process. */
export interface StubControl {
  /** Clears accounts, groups, marks, stats, limiter windows and faults of one app or of all; re-seeds the configured accounts and groups. */
  reset(sdkAppId?: number): Promise<void>;
  exportState(): Promise<StubState>;
  /** Replaces the whole state (apps the state does not list are emptied); throws ControlError when invalid. */
  importState(state: unknown): Promise<void>;
  seed(spec: SeedSpec): Promise<void>;
  stats(query?: StatsQuery): StatsAnswer;
  /** The request journal's entries matching `filter`, newest first (GET /__stub/requests). */
  requests(filter?: RequestFilter): Omit<RequestList, 'ok'>;
  /** How many journaled calls match (POST /__stub/requests/count). */
  countRequests(matcher: RequestMatcher): number;
  /** Empties the request journal; answers how many entries went. */
  clearRequests(): number;
  /** The active faults, all or those scoped to one app. */
  faults(sdkAppId?: number): Fault[];
  /** Adds a fault (FaultSpec, or the LegacyFaultSpec of earlier versions); answers it with its id. */
  addFault(spec: FaultSpec | LegacyFaultSpec): Fault;
  /** Removes one fault; throws ControlError `not-found` when no active fault has this id. */
  removeFault(id: string): void;
  /** Removes every fault, or those scoped to one app; answers how many. */
  clearFaults(sdkAppId?: number): number;
  /** @deprecated addFault answers the whole fault. Adds a fault and answers its id. */
  injectFault(spec: FaultSpec | LegacyFaultSpec): string;
  setEdition(sdkAppId: number, edition: Edition): void;
  setRateLimit(sdkAppId: number, callsPerSecond: number): void;
  /** Sets up a provider state of the vocabulary (provider-states.ts); answers the values Pact may inject. */
  providerState(request: ProviderStateRequest): Promise<ProviderStateValues>;
}

export interface ControlDeps {
  apps: ReadonlyMap<number, AppRuntime>;
  store: Store;
  faults: Faults;
  journal: RequestJournal;
  /** The seconds the event loop was held up, listed with the stats. */
  stalls: LoopStalls;
  startedAt: number;
  version: string;
  /** Required as `Authorization: Bearer <token>` when set. */
  token?: string | undefined;
  bodyLimitBytes: number;
  /**
   * Pages served under the control plane (the inspector's /__stub/ui): called after the Host /
   * Origin / token checks, before any body is read; answers true when it handled the request.
   */
  pages?: ControlPages | undefined;
}

/** A handler of control-plane pages: true when it answered the request (see ControlDeps.pages). */
export type ControlPages = (
  req: IncomingMessage,
  res: ServerResponse,
  path: string,
  search: string,
) => boolean;

export class Control implements StubControl {
  constructor(private readonly deps: ControlDeps) {}

  private app(sdkAppId: unknown): AppRuntime {
    if (typeof sdkAppId !== 'number' || !Number.isInteger(sdkAppId)) {
      throw new ControlError('sdkAppId must be an integer');
    }
    const app = this.deps.apps.get(sdkAppId);
    if (app === undefined) {
      throw new ControlError(
        `sdkAppId ${sdkAppId} is not an app of this stub`,
        404,
        undefined,
        'unknown-app',
      );
    }
    return app;
  }

  private targets(sdkAppId: number | undefined): AppRuntime[] {
    return sdkAppId === undefined ? [...this.deps.apps.values()] : [this.app(sdkAppId)];
  }

  async reset(sdkAppId?: number): Promise<void> {
    for (const app of this.targets(sdkAppId)) {
      await this.deps.store.reset(app.sdkAppId);
      await app.resetCounters();
      await this.seedApp(app, app.seedAccounts, app.seedGroups);
    }
    this.deps.faults.clear(sdkAppId);
  }

  /** Imports the configured accounts and creates the configured groups (skipping ids already taken). */
  async seedApp(app: AppRuntime, accounts: readonly string[], groups: readonly SeedGroup[]): Promise<void> {
    const { store } = this.deps;
    if (accounts.length > 0) await store.importAccounts(app.sdkAppId, accounts);
    for (const group of groups) {
      await store.createGroup(app.sdkAppId, {
        GroupId: group.GroupId,
        Type: group.Type ?? 'Public',
        Name: group.Name ?? truncateBytes(group.GroupId, LIMITS.groupNameMaxBytes),
        ...(group.Owner_Account === undefined ? {} : { Owner_Account: group.Owner_Account }),
      });
    }
  }

  async exportState(): Promise<StubState> {
    const apps = [];
    for (const app of this.deps.apps.values()) apps.push(await this.deps.store.exportApp(app.sdkAppId));
    // The store's own types must stay what the contract documents: a field renamed there breaks this.
    return { version: 1, apps } satisfies StubStateDocument;
  }

  async importState(value: unknown): Promise<void> {
    let state: StubState;
    try {
      state = validateState(value);
    } catch (error) {
      if (error instanceof StateError) {
        throw new ControlError(error.message, 400, error.errorCode, 'invalid-state');
      }
      throw new ControlError(String(error), 400, undefined, 'invalid-state');
    }
    for (const app of state.apps) this.app(app.sdkAppId);
    const listed = new Set(state.apps.map((a) => a.sdkAppId));
    for (const app of state.apps) await this.deps.store.importApp(app);
    for (const app of this.deps.apps.values()) {
      if (!listed.has(app.sdkAppId)) {
        await this.deps.store.importApp({ sdkAppId: app.sdkAppId, accounts: [], groups: [], marks: {} });
      }
    }
  }

  async seed(spec: SeedSpec): Promise<void> {
    if (!isObject(spec)) throw new ControlError('the body must be a JSON object');
    const app = spec.sdkAppId === undefined ? this.first() : this.app(spec.sdkAppId);
    const accounts = spec.accounts ?? [];
    if (!Array.isArray(accounts)) throw new ControlError('accounts must be an array of UserIDs');
    accounts.forEach((id, i) => {
      if (typeof id !== 'string' || id === '' || Buffer.byteLength(id) > LIMITS.userIdMaxBytes) {
        throw new ControlError(
          `accounts[${i}] must be a UserID of 1 to ${LIMITS.userIdMaxBytes} bytes`,
          400,
          ErrorCode.ACCOUNT_INVALID_PARAMETER,
        );
      }
    });
    const groups = spec.groups ?? [];
    if (!Array.isArray(groups))
      throw new ControlError('groups must be an array of { GroupId, Type?, Name? }');
    const invalidGroup = (text: string) => new ControlError(text, 400, ErrorCode.GROUP_INVALID_PARAMETER);
    groups.forEach((group, i) => {
      if (
        !isObject(group) ||
        typeof group.GroupId !== 'string' ||
        group.GroupId === '' ||
        Buffer.byteLength(group.GroupId) > LIMITS.groupIdMaxBytes
      ) {
        throw invalidGroup(`groups[${i}].GroupId must be a GroupId of 1 to ${LIMITS.groupIdMaxBytes} bytes`);
      }
      if (
        group.Name !== undefined &&
        (typeof group.Name !== 'string' ||
          group.Name === '' ||
          Buffer.byteLength(group.Name) > LIMITS.groupNameMaxBytes)
      ) {
        throw invalidGroup(`groups[${i}].Name must be a name of 1 to ${LIMITS.groupNameMaxBytes} bytes`);
      }
      if (group.Type !== undefined && !GROUP_TYPES.includes(group.Type)) {
        throw invalidGroup(`groups[${i}].Type must be one of ${GROUP_TYPES.join(', ')}`);
      }
      if (
        group.Owner_Account !== undefined &&
        (typeof group.Owner_Account !== 'string' ||
          group.Owner_Account === '' ||
          Buffer.byteLength(group.Owner_Account) > LIMITS.userIdMaxBytes)
      ) {
        throw invalidGroup(`groups[${i}].Owner_Account must be a UserID`);
      }
    });
    const contactGroups = spec.contactGroups ?? [];
    if (!Array.isArray(contactGroups)) {
      throw new ControlError('contactGroups must be an array of { From_Account, GroupName, ContactItem? }');
    }
    const members = contactGroups.map((g, i) => seedMembers(g, i));
    await this.seedApp(app, accounts, groups);
    for (const [i, g] of contactGroups.entries()) {
      const result = await this.deps.store.createContactGroup(
        app.sdkAppId,
        g.From_Account,
        g.GroupName,
        members[i] as MemberOp[],
        Math.floor(Date.now() / 1000),
      );
      if (result.outcome === 'not-imported') {
        throw new ControlError(
          `contactGroups[${i}].From_Account ${g.From_Account} was never imported`,
          400,
          ErrorCode.ACCOUNT_NOT_IMPORTED,
        );
      }
      if (result.outcome === 'too-many') {
        throw new ControlError(
          `contactGroups[${i}]: ${g.From_Account} already has ${LIMITS.contactGroupsPerUser} conversation groups`,
          400,
          ErrorCode.CONTACT_GROUP_COUNT,
        );
      }
      const refused = result.outcome === 'done' ? result.members.findIndex((m) => m !== 'applied') : -1;
      if (refused >= 0 && result.outcome === 'done') {
        const limit = result.members[refused] === 'conversation-limit';
        throw new ControlError(
          limit
            ? `contactGroups[${i}].ContactItem[${refused}]: over ${LIMITS.conversationsPerUser} marked or grouped conversations`
            : `contactGroups[${i}].ContactItem[${refused}]: the group does not exist or was dissolved`,
          400,
          limit ? ErrorCode.CONVERSATION_LIMIT : ErrorCode.GROUP_UNRESOLVED,
        );
      }
    }
  }

  stats(query: StatsQuery = {}): StatsAnswer {
    const command = query.command === undefined ? undefined : commandNamed(query.command);
    const seconds = query.seconds ?? 300;
    if (!Number.isInteger(seconds) || seconds < 1)
      throw new ControlError('seconds must be a positive integer');
    const now = monotonicSecond();
    const series: CommandSeries[] = [];
    for (const app of this.targets(query.sdkAppId)) {
      for (const name of command === undefined ? COMMAND_NAMES : [command]) {
        series.push(app.counters[name].series(now, seconds));
      }
    }
    return { ok: true, windowMs: LIMITS.rateWindowMs, series, stalls: this.deps.stalls.series(now, seconds) };
  }

  requests(filter: RequestFilter = {}): Omit<RequestList, 'ok'> {
    return this.deps.journal.list(filter);
  }

  countRequests(matcher: RequestMatcher): number {
    return this.deps.journal.count(matcher);
  }

  clearRequests(): number {
    return this.deps.journal.clear();
  }

  faults(sdkAppId?: number): Fault[] {
    return this.deps.faults.faults(sdkAppId);
  }

  addFault(spec: FaultSpec | LegacyFaultSpec): Fault {
    const parsed = parseFault(spec);
    if (parsed.spec.sdkAppId !== undefined) this.app(parsed.spec.sdkAppId);
    return this.deps.faults.add(parsed);
  }

  removeFault(id: string): void {
    if (!this.deps.faults.remove(id)) {
      throw new ControlError(
        `no active fault has id ${JSON.stringify(id)} (GET /__stub/faults lists them)`,
        404,
      );
    }
  }

  clearFaults(sdkAppId?: number): number {
    return this.deps.faults.clear(sdkAppId);
  }

  injectFault(spec: FaultSpec | LegacyFaultSpec): string {
    return this.addFault(spec).id;
  }

  setEdition(sdkAppId: number, edition: Edition): void {
    if (!EDITIONS.includes(edition)) throw new ControlError(`edition must be one of ${EDITIONS.join(', ')}`);
    this.app(sdkAppId).edition = edition;
  }

  setRateLimit(sdkAppId: number, callsPerSecond: number): void {
    if (!Number.isInteger(callsPerSecond) || callsPerSecond < 0) {
      throw new ControlError('the rate limit must be an integer >= 0 (0 = no ceiling)');
    }
    this.app(sdkAppId).setRateLimit(callsPerSecond);
  }

  providerState(request: ProviderStateRequest): Promise<ProviderStateValues> {
    return runProviderState({ apps: this.deps.apps, store: this.deps.store, control: this }, request);
  }

  /** ok: the process serves; `store.state` says whether the store answers (calls answer 50004 while not). */
  async health(): Promise<Health> {
    const store = (await this.deps.store.health?.()) ?? { kind: 'memory', state: 'connected' as const };
    return {
      ok: true,
      uptimeMs: Date.now() - this.deps.startedAt,
      apps: [...this.deps.apps.keys()],
      version: this.deps.version,
      store,
    };
  }

  /** Why a request must not reach the control plane (see the head of this file), or undefined. */
  private refusal(req: IncomingMessage): ControlError | undefined {
    const token = this.deps.token;
    if (token !== undefined && token !== '') {
      if (!tokenMatches(req.headers.authorization, token)) {
        return new ControlError('the control plane needs Authorization: Bearer <the --control-token>', 401);
      }
    } else {
      const host = req.headers.host;
      if (host === undefined || !loopbackName(hostName(host))) {
        return new ControlError(
          `the control plane answers only a loopback Host (localhost, 127.0.0.1, [::1]), not ${JSON.stringify(host ?? '')}; ` +
            'give --control-token to reach it under another name',
          403,
        );
      }
      const target = req.url ?? '';
      if (!target.startsWith('/') && !originIsLoopback(target)) {
        return new ControlError('the control plane answers only a loopback request target', 403);
      }
    }
    const origin = req.headers.origin;
    if (origin !== undefined && !originIsLoopback(origin)) {
      return new ControlError(
        `the control plane refuses requests from web pages of other origins (${origin})`,
        403,
      );
    }
    if (req.method === 'POST' || req.method === 'PUT') {
      const type = req.headers['content-type'] ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) {
        return new ControlError(
          `${req.method} needs Content-Type: application/json (got ${JSON.stringify(type)}): the control plane takes no form posts`,
          415,
        );
      }
    }
    return undefined;
  }

  private first(): AppRuntime {
    return this.deps.apps.values().next().value as AppRuntime;
  }

  /** Answers one /__stub/ request. */
  handleHttp(req: IncomingMessage, res: ServerResponse, path: string, search: string, close: boolean): void {
    const route = `${req.method} ${path}`;
    const respond = (status: number, body: unknown, closeNow = close) => {
      if (!res.writableEnded && !res.destroyed) sendJson(res, status, body, closeNow);
      if (closeNow) res.once('finish', () => req.socket.destroySoon());
    };
    const failWith = (error: unknown) => {
      if (error instanceof ControlError) respond(error.status, refusalBody(error));
      else if (error instanceof WriteFailed) {
        failWith(new ControlError(`${error.message}; nothing was changed, retry`, 503));
      } else if (error instanceof StoreUnavailable)
        failWith(new ControlError(`${error.message}; retry`, 503));
      else {
        const message = error instanceof Error ? error.message : String(error);
        respond(400, { ok: false, error: message, code: 'invalid-input' });
      }
    };
    const refused = this.refusal(req);
    if (refused !== undefined) {
      // The body is not read: the connection closes after the answer.
      respond(refused.status, refusalBody(refused), true);
      return;
    }
    if (this.deps.pages?.(req, res, path, search) === true) return;
    if (req.method === 'GET' && serveDocument(req, res, path, close)) return;
    readJson(req, this.deps.bodyLimitBytes, (body, problem) => {
      if (problem !== undefined) return respond(problem.status, refusalBody(problem), problem.status === 413);
      const input = (body ?? {}) as Record<string, unknown>;
      const faultPrefix = '/__stub/faults/';
      const run = async (): Promise<unknown> => {
        switch (route) {
          case 'GET /__stub/health':
            return this.health();
          case 'POST /__stub/reset':
            await this.reset(input.sdkAppId as number | undefined);
            return { ok: true };
          case 'GET /__stub/state':
            return this.exportState();
          case 'PUT /__stub/state':
            await this.importState(body);
            return { ok: true };
          case 'POST /__stub/seed':
            await this.seed(input as SeedSpec);
            return { ok: true };
          case 'GET /__stub/stats':
            return this.stats(statsQuery(new URLSearchParams(search)));
          case 'GET /__stub/requests':
            return { ok: true, ...this.requests(requestFilter(new URLSearchParams(search))) };
          case 'DELETE /__stub/requests':
            return { ok: true, removed: this.clearRequests() };
          case 'POST /__stub/requests/count':
            return { ok: true, count: this.countRequests(body as RequestMatcher) };
          case 'GET /__stub/faults':
            return { ok: true, faults: this.faults(appParam(new URLSearchParams(search))) };
          case 'POST /__stub/faults': {
            const fault = this.addFault(body as FaultSpec);
            return { ok: true, id: fault.id, fault };
          }
          case 'DELETE /__stub/faults': {
            const sdkAppId = appParam(new URLSearchParams(search));
            if (sdkAppId !== undefined) this.app(sdkAppId);
            return { ok: true, removed: this.clearFaults(sdkAppId) };
          }
          // Pact's provider-state setup URL: the answer's JSON object is what Pact injects.
          case 'POST /__stub/provider-states':
            return this.providerState(input as unknown as ProviderStateRequest);
          case 'GET /__stub/provider-states':
            return { ok: true, states: PROVIDER_STATES };
          default:
            if (req.method === 'DELETE' && path.startsWith(faultPrefix) && path.length > faultPrefix.length) {
              this.removeFault(decodeURIComponent(path.slice(faultPrefix.length)));
              return { ok: true };
            }
            throw new ControlError(
              `no control operation ${route} (openapi/control-plane.yaml lists them: GET /__stub/control-plane.yaml)`,
              404,
            );
        }
      };
      run().then((answer) => respond(200, answer), failWith);
    });
  }
}

const GROUP_TYPES: unknown[] = [
  'Public',
  'Private',
  'ChatRoom',
  'AVChatRoom',
  'Community',
  'Work',
  'Meeting',
];

/** A refusal as the control plane answers it (ControlErrorAnswer). */
function refusalBody(error: ControlError | BodyProblem): Record<string, unknown> {
  return {
    ok: false,
    error: error.message,
    code: error.code,
    ...('errorCode' in error && error.errorCode !== undefined ? { ErrorCode: error.errorCode } : {}),
  };
}

/** `?sdkAppId=` (or `sdkappid`) of the fault and stats routes. */
function appParam(params: URLSearchParams): number | undefined {
  const text = params.get('sdkAppId') ?? params.get('sdkappid');
  if (text === null) return undefined;
  if (!/^[0-9]{1,15}$/.test(text)) throw new ControlError('sdkAppId must be a number');
  return Number(text);
}

/** GET /__stub/requests's query (openapi/control-plane.yaml listRequests). */
function requestFilter(params: URLSearchParams): RequestFilter {
  const filter: RequestFilter = {};
  const number = (name: string, value: string): number => {
    if (!/^-?[0-9]{1,15}$/.test(value)) {
      throw new ControlError(`${name} must be an integer`, 400, undefined, 'invalid-filter');
    }
    return Number(value);
  };
  const known = ['command', 'From_Account', 'ErrorCode', 'sdkAppId', 'sdkappid', 'since', 'limit'];
  for (const name of params.keys()) {
    if (!known.includes(name)) {
      throw new ControlError(
        `${name} is not a filter of GET /__stub/requests (${known.join(', ')})`,
        400,
        undefined,
        'invalid-filter',
      );
    }
  }
  const command = params.get('command');
  if (command !== null) filter.command = command;
  const from = params.get('From_Account');
  if (from !== null) filter.From_Account = from;
  const code = params.get('ErrorCode');
  if (code !== null) filter.ErrorCode = number('ErrorCode', code);
  const app = params.get('sdkAppId') ?? params.get('sdkappid');
  if (app !== null) filter.sdkAppId = number('sdkAppId', app);
  const since = params.get('since');
  if (since !== null) filter.since = since;
  const limit = params.get('limit');
  if (limit !== null) {
    filter.limit = number('limit', limit);
    if (filter.limit < 1 || filter.limit > 10_000) {
      throw new ControlError('limit must be in 1..10000', 400, undefined, 'invalid-filter');
    }
  }
  return filter;
}

function statsQuery(params: URLSearchParams): StatsQuery {
  const query: StatsQuery = {};
  const sdkAppId = appParam(params);
  if (sdkAppId !== undefined) query.sdkAppId = sdkAppId;
  const command = params.get('command');
  if (command !== null) query.command = command;
  const seconds = params.get('seconds');
  if (seconds !== null) {
    if (!/^[0-9]+$/.test(seconds)) throw new ControlError('seconds must be a positive integer');
    query.seconds = Number(seconds);
  }
  return query;
}

function truncateBytes(text: string, maxBytes: number): string {
  let out = text;
  while (Buffer.byteLength(out) > maxBytes) out = out.slice(0, -1);
  return out;
}

interface BodyProblem {
  status: 400 | 413;
  message: string;
  code: 'invalid-json' | 'body-too-large';
}

/** Reads a JSON body as it streams; past `limit` bytes (declared or sent) it stops holding any and answers 413. */
function readJson(
  req: IncomingMessage,
  limit: number,
  done: (body: unknown, problem?: BodyProblem) => void,
): void {
  const tooLarge = {
    status: 413,
    message: `the body is larger than ${limit} bytes`,
    code: 'body-too-large',
  } as const;
  const declared = req.headers['content-length'];
  if (declared !== undefined && Number(declared) > limit) {
    req.resume();
    done(undefined, tooLarge);
    return;
  }
  let chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > limit) {
      failed = true;
      chunks = [];
      done(undefined, tooLarge);
    } else chunks.push(chunk);
  });
  req.on('end', () => {
    if (failed) return;
    const text = Buffer.concat(chunks, size).toString('utf8');
    if (text.trim() === '') return done(undefined);
    try {
      done(JSON.parse(text));
    } catch {
      done(undefined, { status: 400, message: 'the body is not valid JSON', code: 'invalid-json' });
    }
  });
  req.on('error', () => {});
}

/** The host part of a Host header or URL authority: `[::1]:8080` → `::1`, `localhost:80` → `localhost`. */
export function hostName(authority: string): string {
  const text = authority.trim().toLowerCase();
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']') < 0 ? undefined : text.indexOf(']'));
  const colon = text.indexOf(':');
  return colon < 0 ? text : text.slice(0, colon);
}

/** `localhost`, `*.localhost` (RFC 6761), 127.0.0.0/8, ::1. */
function loopbackName(name: string): boolean {
  return isLoopback(name) || name.endsWith('.localhost');
}

function originIsLoopback(origin: string): boolean {
  try {
    return loopbackName(hostName(new URL(origin).host));
  } catch {
    return false;
  }
}

function tokenMatches(header: string | undefined, token: string): boolean {
  if (header === undefined) return false;
  const match = /^Bearer +(.+)$/i.exec(header.trim());
  if (match === null) return false;
  const given = Buffer.from(match[1] as string);
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export type { CommandSeries, FaultSpec, GroupType };

/** The member ops of one seeded conversation group, or a ControlError naming the bad field. */
function seedMembers(group: unknown, i: number): MemberOp[] {
  const at = `contactGroups[${i}]`;
  if (!isObject(group)) throw new ControlError(`${at} must be { From_Account, GroupName, ContactItem? }`);
  const from = group.From_Account;
  if (typeof from !== 'string' || from === '' || Buffer.byteLength(from) > LIMITS.userIdMaxBytes) {
    throw new ControlError(`${at}.From_Account must be a UserID`, 400, ErrorCode.INVALID_PARAMETER);
  }
  const name = group.GroupName;
  if (typeof name !== 'string' || name === '' || Buffer.byteLength(name) > LIMITS.contactGroupNameMaxBytes) {
    throw new ControlError(
      `${at}.GroupName must be a name of 1 to ${LIMITS.contactGroupNameMaxBytes} UTF-8 bytes`,
      400,
      ErrorCode.CONTACT_GROUP_NAME,
    );
  }
  const contacts = group.ContactItem ?? [];
  if (!Array.isArray(contacts) || contacts.length > LIMITS.conversationsPerUser) {
    throw new ControlError(`${at}.ContactItem must be an array of conversations`);
  }
  return contacts.map((c: unknown, j: number) => {
    if (isObject(c) && c.Type === 1 && typeof c.To_Account === 'string' && c.To_Account !== '') {
      return { type: 1, id: c.To_Account, add: true };
    }
    if (isObject(c) && c.Type === 2 && typeof c.ToGroupId === 'string' && c.ToGroupId !== '') {
      return { type: 2, id: c.ToGroupId, add: true };
    }
    throw new ControlError(
      `${at}.ContactItem[${j}] must be { Type: 1, To_Account } or { Type: 2, ToGroupId }`,
      400,
      ErrorCode.INVALID_PARAMETER,
    );
  });
}
