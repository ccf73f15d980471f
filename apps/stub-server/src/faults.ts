// Injected faults (openapi/control-plane.yaml, POST /__stub/faults): every way the real API breaks.
// A fault has a scope (command, app, From_Account), a trigger (every call, the next `count`, or a
// `probability`) and a kind: `error` (a request-level ErrorCode in the normal envelope), `item-error`
// (chosen conversations of mark_contact fail with an item-level ResultCode), `http` (a 5xx from a
// gateway), `latency`, `drop` (the connection is destroyed unanswered) and `hang` (no answer until
// the client gives up, bounded). Faults apply after the request gate, once the body has arrived.
// Several may match one call: in the order they were added, every fault that fires adds its latency
// (all a `latency` fault does), and the first one with another effect decides the answer (later ones
// with an effect are skipped, and not consumed).
import { COMMANDS, ERROR_CATALOGUE, type ErrorCatalogueEntry, LIMITS } from '@tim-marks/types';
import type { Fault, FaultSpec, LatencyDistribution, LegacyFaultSpec } from '@tim-marks/types/control-plane';
import { isObject } from './commands/describe.js';
import { ControlError, commandNamed } from './control-error.js';

export type { Fault, FaultSpec, LegacyFaultSpec };

/** The longest delay or hang a fault may ask for. */
export const FAULT_MAX_MS = 600_000;
/** How long a `hang` lasts when `maxMs` is not given. */
export const DEFAULT_HANG_MAX_MS = 60_000;
const HTTP_BODY_MAX = 65_536;
const INFO_MAX = 1024;

/** What a fault does to a call once it fires (besides its delay). */
export type FaultEffect =
  | { kind: 'error'; code: number; info: string }
  | {
      kind: 'item-error';
      code: number;
      info: string;
      toAccount: ReadonlySet<string>;
      toGroupId: ReadonlySet<string>;
    }
  | { kind: 'http'; status: number; body: string; contentType: string }
  | { kind: 'drop' }
  | { kind: 'hang'; maxMs: number };

/** What the faults do to one call. */
export interface FaultDecision {
  delayMs: number;
  effect: FaultEffect | undefined;
  /** The id of the fault whose effect this is. */
  faultId: string | undefined;
}

interface ActiveFault {
  /** As listed: the normalized spec and its counters. */
  view: Fault;
  /** The command's path with its leading slash, or undefined for every command. */
  path: string | undefined;
  sdkAppId: number | undefined;
  from: string | undefined;
  probability: number | undefined;
  delay: LatencyDistribution | undefined;
  effect: FaultEffect | undefined;
}

const KIND_FIELDS: Record<FaultSpec['kind'], readonly string[]> = {
  error: ['code', 'ErrorInfo', 'latencyMs'],
  'item-error': ['ResultCode', 'ResultInfo', 'To_Account', 'ToGroupId', 'latencyMs'],
  http: ['status', 'body', 'contentType', 'latencyMs'],
  latency: ['latencyMs'],
  drop: ['latencyMs'],
  hang: ['maxMs'],
};
const SCOPE_FIELDS = ['kind', 'command', 'sdkAppId', 'From_Account', 'count', 'probability'];
const KINDS = Object.keys(KIND_FIELDS) as FaultSpec['kind'][];

function invalid(message: string): ControlError {
  return new ControlError(message, 400, undefined, 'invalid-fault');
}

function catalogued(code: unknown, levels: readonly string[]): ErrorCatalogueEntry | undefined {
  if (typeof code !== 'number' || !Number.isInteger(code) || code === 0) return undefined;
  const entry = (ERROR_CATALOGUE as Record<string, ErrorCatalogueEntry | undefined>)[String(code)];
  return entry !== undefined && levels.includes(entry.level) ? entry : undefined;
}

function codesOf(levels: readonly string[]): string {
  return Object.values(ERROR_CATALOGUE as Record<string, ErrorCatalogueEntry>)
    .filter((e) => e.code !== 0 && levels.includes(e.level))
    .map((e) => e.code)
    .join(', ');
}

function milliseconds(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > FAULT_MAX_MS) {
    throw invalid(`${field} must be a number of milliseconds in 0..${FAULT_MAX_MS}`);
  }
  return value;
}

/** A fixed delay, { min, max } or { mean, stddev }; answers it normalized. */
export function latencyOf(value: unknown, field = 'latencyMs'): LatencyDistribution {
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw invalid(`${field} must be an integer number of milliseconds`);
    return milliseconds(value, field);
  }
  if (isObject(value) && 'min' in value && 'max' in value && Object.keys(value).length === 2) {
    const min = milliseconds(value.min, `${field}.min`);
    const max = milliseconds(value.max, `${field}.max`);
    if (!Number.isInteger(min) || !Number.isInteger(max) || min > max) {
      throw invalid(`${field} { min, max } needs integers with min <= max`);
    }
    return { min, max };
  }
  if (isObject(value) && 'mean' in value && 'stddev' in value && Object.keys(value).length === 2) {
    return {
      mean: milliseconds(value.mean, `${field}.mean`),
      stddev: milliseconds(value.stddev, `${field}.stddev`),
    };
  }
  throw invalid(`${field} must be milliseconds (an integer), { min, max } or { mean, stddev }`);
}

/** One delay drawn from a distribution, in whole milliseconds within 0..FAULT_MAX_MS. */
export function sampleLatency(latency: LatencyDistribution | undefined, random: () => number): number {
  if (latency === undefined) return 0;
  if (typeof latency === 'number') return latency;
  if ('min' in latency) return Math.round(latency.min + random() * (latency.max - latency.min));
  // Box–Muller; 1 - random() keeps the logarithm finite.
  const normal = Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  return Math.min(FAULT_MAX_MS, Math.max(0, Math.round(latency.mean + normal * latency.stddev)));
}

function conversations(value: unknown, field: string): string[] {
  if (value === undefined) return [];
  if (
    !Array.isArray(value) ||
    value.length > LIMITS.conversationsPerUser ||
    value.some((id) => typeof id !== 'string' || id === '')
  ) {
    throw invalid(`${field} must be an array of at most ${LIMITS.conversationsPerUser} non-empty ids`);
  }
  return value as string[];
}

function text(value: unknown, field: string, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value.length > max)
    throw invalid(`${field} must be a string of at most ${max} characters`);
  return value;
}

/** The kind a body without one meant in earlier versions: `code` → error, `latencyMs` alone → latency. */
function legacyKind(input: Record<string, unknown>): FaultSpec['kind'] {
  if (input.code !== undefined) return 'error';
  if (input.latencyMs !== undefined && input.count === undefined && input.probability === undefined) {
    return 'latency';
  }
  throw invalid(`give a kind: ${KINDS.join(', ')} (count and probability need one)`);
}

/**
 * Validates a fault as POST /__stub/faults takes it (openapi/control-plane.yaml FaultSpec, or the
 * LegacyFaultSpec without `kind`) and answers it normalized, without id and counters; throws a
 * ControlError (`invalid-fault`, `unknown-command`) naming the first problem.
 */
export function parseFault(input: unknown): { spec: FaultSpec; effect: FaultEffect | undefined } {
  if (!isObject(input)) throw invalid('the body must be a JSON object (a FaultSpec)');
  const kind = input.kind === undefined ? legacyKind(input) : input.kind;
  if (typeof kind !== 'string' || !(KINDS as string[]).includes(kind)) {
    throw invalid(`kind must be one of ${KINDS.join(', ')}, not ${JSON.stringify(kind)}`);
  }
  const k = kind as FaultSpec['kind'];
  const allowed = [...SCOPE_FIELDS, ...KIND_FIELDS[k]];
  const unknown = Object.keys(input).find((key) => !allowed.includes(key));
  if (unknown !== undefined) {
    throw invalid(`${unknown} is not a field of a ${k} fault (it takes ${allowed.join(', ')})`);
  }
  const scope: Record<string, unknown> = { kind: k };
  if (input.command !== undefined || k === 'item-error') {
    const command = commandNamed(input.command ?? 'markContact');
    if (k === 'item-error' && command !== 'markContact') {
      throw invalid(
        'an item-error fault applies to v4/recentcontact/mark_contact only (one ResultItem per MarkItem)',
      );
    }
    scope.command = COMMANDS[command].slice(1);
  }
  if (input.sdkAppId !== undefined) {
    if (!Number.isSafeInteger(input.sdkAppId)) throw new ControlError('sdkAppId must be an integer');
    scope.sdkAppId = input.sdkAppId;
  }
  if (input.From_Account !== undefined) {
    if (typeof input.From_Account !== 'string' || input.From_Account === '') {
      throw invalid('From_Account must be a non-empty UserID');
    }
    scope.From_Account = input.From_Account;
  }
  const { count, probability } = input;
  if (count !== undefined && probability !== undefined) throw invalid('give count or probability, not both');
  if (count !== undefined) {
    if (!Number.isSafeInteger(count) || (count as number) < 1)
      throw invalid('count must be a positive integer');
    scope.count = count;
  }
  if (probability !== undefined) {
    if (typeof probability !== 'number' || !(probability >= 0 && probability <= 1)) {
      throw invalid('probability must be a number in 0..1');
    }
    scope.probability = probability;
  }
  if (input.latencyMs !== undefined) scope.latencyMs = latencyOf(input.latencyMs);
  const where = typeof scope.command === 'string' ? scope.command : 'this call';
  let effect: FaultEffect | undefined;
  switch (k) {
    case 'error': {
      const levels = ['request', 'request-or-item'];
      const entry = catalogued(input.code, levels);
      if (entry === undefined) {
        throw invalid(`code must be a request-level ErrorCode of the catalogue (${codesOf(levels)})`);
      }
      const info = text(input.ErrorInfo, 'ErrorInfo', INFO_MAX);
      scope.code = entry.code;
      if (info !== undefined) scope.ErrorInfo = info;
      effect = {
        kind: 'error',
        code: entry.code,
        info: info ?? `injected fault: ${where} answers ${entry.code} (${entry.name})`,
      };
      break;
    }
    case 'item-error': {
      const levels = ['item', 'request-or-item'];
      const entry = catalogued(input.ResultCode, levels);
      if (entry === undefined) {
        throw invalid(`ResultCode must be an item-level code of the catalogue (${codesOf(levels)})`);
      }
      const toAccount = conversations(input.To_Account, 'To_Account');
      const toGroupId = conversations(input.ToGroupId, 'ToGroupId');
      if (toAccount.length + toGroupId.length === 0) {
        throw invalid('name the conversations to fail: To_Account and/or ToGroupId');
      }
      const info = text(input.ResultInfo, 'ResultInfo', INFO_MAX);
      scope.ResultCode = entry.code;
      if (info !== undefined) scope.ResultInfo = info;
      if (toAccount.length > 0) scope.To_Account = toAccount;
      if (toGroupId.length > 0) scope.ToGroupId = toGroupId;
      effect = {
        kind: 'item-error',
        code: entry.code,
        info: info ?? `injected fault: this conversation answers ${entry.code} (${entry.name})`,
        toAccount: new Set(toAccount),
        toGroupId: new Set(toGroupId),
      };
      break;
    }
    case 'http': {
      const status = input.status;
      if (!Number.isInteger(status) || (status as number) < 500 || (status as number) > 599) {
        throw invalid('status must be an HTTP status in 500..599');
      }
      const body = text(input.body, 'body', HTTP_BODY_MAX);
      const contentType = text(input.contentType, 'contentType', 256);
      if (contentType !== undefined && /[\r\n]/.test(contentType))
        throw invalid('contentType must be one line');
      scope.status = status;
      if (body !== undefined) scope.body = body;
      if (contentType !== undefined) scope.contentType = contentType;
      effect = {
        kind: 'http',
        status: status as number,
        body: body ?? `${status} injected fault\n`,
        contentType: contentType ?? 'text/plain; charset=utf-8',
      };
      break;
    }
    case 'latency':
      if (input.latencyMs === undefined) throw invalid('a latency fault needs latencyMs');
      break;
    case 'drop':
      effect = { kind: 'drop' };
      break;
    case 'hang': {
      const maxMs = input.maxMs ?? DEFAULT_HANG_MAX_MS;
      if (!Number.isInteger(maxMs) || (maxMs as number) < 1 || (maxMs as number) > FAULT_MAX_MS) {
        throw invalid(`maxMs must be an integer in 1..${FAULT_MAX_MS}`);
      }
      scope.maxMs = maxMs;
      effect = { kind: 'hang', maxMs: maxMs as number };
      break;
    }
  }
  return { spec: scope as unknown as FaultSpec, effect };
}

export class Faults {
  private list: ActiveFault[] = [];
  private nextId = 1;

  get active(): boolean {
    return this.list.length > 0;
  }

  /** Adds a fault parseFault accepted; answers it as listed. */
  add(parsed: { spec: FaultSpec; effect: FaultEffect | undefined }): Fault {
    const { spec, effect } = parsed;
    const view = { ...spec, id: `fault-${this.nextId++}`, fired: 0 } as Fault;
    if (spec.count !== undefined) view.remaining = spec.count;
    this.list.push({
      view,
      path: spec.command === undefined ? undefined : `/${spec.command}`,
      sdkAppId: spec.sdkAppId,
      from: spec.From_Account,
      probability: spec.probability,
      delay: 'latencyMs' in spec ? spec.latencyMs : undefined,
      effect,
    });
    return structuredClone(view);
  }

  /** The active faults in the order they apply (copies), all or those scoped to one app. */
  faults(sdkAppId?: number): Fault[] {
    return this.list
      .filter((f) => sdkAppId === undefined || f.sdkAppId === sdkAppId)
      .map((f) => structuredClone(f.view));
  }

  /** Removes one fault; false when no active fault has this id. */
  remove(id: string): boolean {
    const before = this.list.length;
    this.list = this.list.filter((f) => f.view.id !== id);
    return this.list.length < before;
  }

  /** Removes every fault, or the faults scoped to one app; answers how many. */
  clear(sdkAppId?: number): number {
    const before = this.list.length;
    this.list = sdkAppId === undefined ? [] : this.list.filter((f) => f.sdkAppId !== sdkAppId);
    return before - this.list.length;
  }

  /**
   * What the faults do to this call (consuming counted faults), or undefined when none fires.
   * `fromAccount` is asked only when a fault is scoped by From_Account.
   */
  decide(
    sdkAppId: number,
    path: string,
    fromAccount: () => string | undefined,
    random: () => number = Math.random,
  ): FaultDecision | undefined {
    let decision: FaultDecision | undefined;
    let expired = false;
    for (const fault of this.list) {
      if (fault.path !== undefined && fault.path !== path) continue;
      if (fault.sdkAppId !== undefined && fault.sdkAppId !== sdkAppId) continue;
      if (decision?.effect !== undefined && fault.effect !== undefined) continue;
      if (fault.from !== undefined && fault.from !== fromAccount()) continue;
      const view = fault.view;
      if (view.remaining !== undefined) {
        // Never 0 here: a fault is removed after the call that used its last count.
        view.remaining--;
        if (view.remaining === 0) expired = true;
      } else if (fault.probability !== undefined && !(random() < fault.probability)) continue;
      view.fired++;
      decision ??= { delayMs: 0, effect: undefined, faultId: undefined };
      decision.delayMs += sampleLatency(fault.delay, random);
      if (fault.effect !== undefined) {
        decision.effect = fault.effect;
        decision.faultId = view.id;
      }
    }
    if (expired) this.list = this.list.filter((f) => f.view.remaining !== 0);
    return decision;
  }
}
