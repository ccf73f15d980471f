// The control plane (see the README, "Control plane"): test-tool
// operations under /__stub/ with plain HTTP statuses, and the same operations in-process
// (`stub.control.*`). Not part of the emulated API.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { COMMANDS, type CommandName, ErrorCode, type GroupType, LIMITS } from '@tim-marks/types';
import { sendJson } from './api.js';
import { type AppRuntime, EDITIONS, type Edition, type SeedGroup } from './apps.js';
import { isObject } from './commands/describe.js';
import type { FaultCode, FaultSpec, Faults } from './faults.js';
import { StateError, validateState } from './state.js';
import type { CommandSeries } from './stats.js';
import type { Store, StubState } from './store/store.js';

export const CONTROL_PREFIX = '/__stub/';
const CONTROL_BODY_LIMIT_BYTES = 512 * 1024 * 1024;

/** A control-plane request that cannot be honoured: 400 (bad input) or 404 (unknown thing). */
export class ControlError extends Error {
  override name = 'ControlError';
  constructor(
    message: string,
    readonly status: 400 | 404 = 400,
  ) {
    super(message);
  }
}

export interface SeedSpec {
  sdkAppId?: number;
  accounts?: string[];
  groups?: SeedGroup[];
}

export interface StatsQuery {
  sdkAppId?: number;
  /** A path (`v4/recentcontact/mark_contact`, leading slash optional) or an operationId (`markContact`). */
  command?: string;
  /** How many seconds of history, default 300 (at most 3600). */
  seconds?: number;
}

export interface StatsAnswer {
  ok: true;
  windowMs: number;
  series: CommandSeries[];
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
  /** Adds a fault; answers its id. */
  injectFault(spec: FaultSpec): string;
  clearFaults(): void;
  setEdition(sdkAppId: number, edition: Edition): void;
  setRateLimit(sdkAppId: number, callsPerSecond: number): void;
}

const COMMAND_NAMES = Object.keys(COMMANDS) as CommandName[];

/** `markContact`, `v4/recentcontact/mark_contact` or `/v4/recentcontact/mark_contact` → the command. */
export function commandOf(text: string): CommandName | undefined {
  if ((COMMAND_NAMES as string[]).includes(text)) return text as CommandName;
  const path = text.startsWith('/') ? text : `/${text}`;
  return COMMAND_NAMES.find((name) => COMMANDS[name] === path);
}

export interface ControlDeps {
  apps: ReadonlyMap<number, AppRuntime>;
  store: Store;
  faults: Faults;
  startedAt: number;
  version: string;
}

export class Control implements StubControl {
  constructor(private readonly deps: ControlDeps) {}

  private app(sdkAppId: unknown): AppRuntime {
    if (typeof sdkAppId !== 'number' || !Number.isInteger(sdkAppId)) {
      throw new ControlError('sdkAppId must be an integer');
    }
    const app = this.deps.apps.get(sdkAppId);
    if (app === undefined) throw new ControlError(`sdkAppId ${sdkAppId} is not an app of this stub`, 404);
    return app;
  }

  private targets(sdkAppId: number | undefined): AppRuntime[] {
    return sdkAppId === undefined ? [...this.deps.apps.values()] : [this.app(sdkAppId)];
  }

  async reset(sdkAppId?: number): Promise<void> {
    for (const app of this.targets(sdkAppId)) {
      await this.deps.store.reset(app.sdkAppId);
      app.resetCounters();
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
    return { version: 1, apps };
  }

  async importState(value: unknown): Promise<void> {
    let state: StubState;
    try {
      state = validateState(value);
    } catch (error) {
      throw new ControlError(error instanceof StateError ? error.message : String(error));
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
        throw new ControlError(`accounts[${i}] must be a UserID of 1 to ${LIMITS.userIdMaxBytes} bytes`);
      }
    });
    const groups = spec.groups ?? [];
    if (!Array.isArray(groups))
      throw new ControlError('groups must be an array of { GroupId, Type?, Name? }');
    groups.forEach((group, i) => {
      if (!isObject(group) || typeof group.GroupId !== 'string' || group.GroupId === '') {
        throw new ControlError(`groups[${i}].GroupId must be a non-empty string`);
      }
      if (group.Name !== undefined && (typeof group.Name !== 'string' || group.Name === '')) {
        throw new ControlError(`groups[${i}].Name must be a non-empty string`);
      }
      if (group.Type !== undefined && !GROUP_TYPES.includes(group.Type)) {
        throw new ControlError(`groups[${i}].Type must be one of ${GROUP_TYPES.join(', ')}`);
      }
      if (group.Owner_Account !== undefined && typeof group.Owner_Account !== 'string') {
        throw new ControlError(`groups[${i}].Owner_Account must be a string`);
      }
    });
    await this.seedApp(app, accounts, groups);
  }

  stats(query: StatsQuery = {}): StatsAnswer {
    const command = query.command === undefined ? undefined : commandOf(query.command);
    if (query.command !== undefined && command === undefined) {
      throw new ControlError(`command ${query.command} is not a command of the API`);
    }
    const seconds = query.seconds ?? 300;
    if (!Number.isInteger(seconds) || seconds < 1)
      throw new ControlError('seconds must be a positive integer');
    const now = Math.floor(Date.now() / 1000);
    const series: CommandSeries[] = [];
    for (const app of this.targets(query.sdkAppId)) {
      for (const name of command === undefined ? COMMAND_NAMES : [command]) {
        series.push(app.counters[name].series(now, seconds));
      }
    }
    return { ok: true, windowMs: LIMITS.rateWindowMs, series };
  }

  injectFault(spec: FaultSpec): string {
    if (!isObject(spec)) throw new ControlError('the body must be a JSON object');
    const command = typeof spec.command === 'string' ? commandOf(spec.command) : undefined;
    if (command === undefined) {
      throw new ControlError('command must be a command path (v4/recentcontact/mark_contact) or operationId');
    }
    const { code, count, probability, latencyMs, sdkAppId } = spec;
    if (code !== undefined && code !== ErrorCode.INTERNAL_ERROR && code !== ErrorCode.NETWORK_TIMEOUT) {
      throw new ControlError(`code must be ${ErrorCode.INTERNAL_ERROR} or ${ErrorCode.NETWORK_TIMEOUT}`);
    }
    if (count !== undefined && (!Number.isInteger(count) || count < 1)) {
      throw new ControlError('count must be a positive integer');
    }
    if (
      probability !== undefined &&
      (typeof probability !== 'number' || !(probability >= 0 && probability <= 1))
    ) {
      throw new ControlError('probability must be a number in 0..1');
    }
    if (count !== undefined && probability !== undefined)
      throw new ControlError('give count or probability, not both');
    if ((count !== undefined || probability !== undefined) && code === undefined) {
      throw new ControlError('count and probability need a code (50004 or 50005)');
    }
    if (latencyMs !== undefined && (!Number.isInteger(latencyMs) || latencyMs < 0 || latencyMs > 600_000)) {
      throw new ControlError('latencyMs must be an integer in 0..600000');
    }
    if (code === undefined && latencyMs === undefined)
      throw new ControlError('give a code, a latencyMs, or both');
    if (sdkAppId !== undefined) this.app(sdkAppId);
    return this.deps.faults.add(COMMANDS[command], {
      ...(code === undefined ? {} : { code: code as FaultCode }),
      ...(count === undefined ? {} : { count }),
      ...(probability === undefined ? {} : { probability }),
      ...(latencyMs === undefined ? {} : { latencyMs }),
      ...(sdkAppId === undefined ? {} : { sdkAppId }),
    });
  }

  clearFaults(): void {
    this.deps.faults.clear();
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

  health(): { ok: true; uptimeMs: number; apps: number[]; version: string } {
    return {
      ok: true,
      uptimeMs: Date.now() - this.deps.startedAt,
      apps: [...this.deps.apps.keys()],
      version: this.deps.version,
    };
  }

  private first(): AppRuntime {
    return this.deps.apps.values().next().value as AppRuntime;
  }

  /** Answers one /__stub/ request. */
  handleHttp(req: IncomingMessage, res: ServerResponse, path: string, search: string, close: boolean): void {
    const route = `${req.method} ${path}`;
    const respond = (status: number, body: unknown) => {
      if (!res.writableEnded && !res.destroyed) sendJson(res, status, body, close);
    };
    const failWith = (error: unknown) => {
      if (error instanceof ControlError) respond(error.status, { ok: false, error: error.message });
      else respond(400, { ok: false, error: error instanceof Error ? error.message : String(error) });
    };
    readJson(req, (body, problem) => {
      if (problem !== undefined) return respond(400, { ok: false, error: problem });
      const input = (body ?? {}) as Record<string, unknown>;
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
          case 'POST /__stub/faults':
            return { ok: true, id: this.injectFault(input as unknown as FaultSpec) };
          case 'DELETE /__stub/faults':
            this.clearFaults();
            return { ok: true };
          default:
            throw new ControlError(`no control operation ${route}`, 404);
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

function statsQuery(params: URLSearchParams): StatsQuery {
  const query: StatsQuery = {};
  const sdkappid = params.get('sdkappid') ?? params.get('sdkAppId');
  if (sdkappid !== null) {
    if (!/^[0-9]+$/.test(sdkappid)) throw new ControlError('sdkappid must be a number');
    query.sdkAppId = Number(sdkappid);
  }
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

function readJson(req: IncomingMessage, done: (body: unknown, problem?: string) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let failed = false;
  req.on('data', (chunk: Buffer) => {
    if (failed) return;
    size += chunk.length;
    if (size > CONTROL_BODY_LIMIT_BYTES) {
      failed = true;
      done(undefined, `the body is larger than ${CONTROL_BODY_LIMIT_BYTES} bytes`);
    } else chunks.push(chunk);
  });
  req.on('end', () => {
    if (failed) return;
    const text = Buffer.concat(chunks, size).toString('utf8');
    if (text.trim() === '') return done(undefined);
    try {
      done(JSON.parse(text));
    } catch {
      done(undefined, 'the body is not valid JSON');
    }
  });
  req.on('error', () => {});
}

export type { FaultSpec, GroupType };
