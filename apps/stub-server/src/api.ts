// The emulated API's request pipeline. Every answer is HTTP 200 with the API's envelope. The checks
// run in this order (the README lists the codes): path (60009) → method and declared body size
// (60008) → query: sdkappid (60012 / 60002), random and contenttype (60002) → app (60006) → UserSig
// (70002, 60004 for a missing identifier, then @tim-marks/usersig's 70003 / 70014 / 70013 / 70001 /
// 70009) → admin (50003 on recentcontact, 60010 elsewhere) → ceiling (60007) → body (60008 when over
// the limit) → injected faults (faults.ts: delay, then an error, item errors, a 5xx, a dropped or hung
// connection) → JSON (60003) → the command itself. Every call is noted in the request journal
// (journal.ts) when it is on.
// Everything up to the ceiling is synchronous and looks at the URL only (the ceiling too, unless it is
// shared through Redis: then the body is read once Redis has admitted the call); only admitted calls
// read their body. A command's store call is one atomic step, so concurrent calls never lose an update.
// Answers are written together at the end of the event loop's turn (answer-batch.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { COMMANDS, type CommandName, ErrorCode } from '@tim-marks/types';
import { AnswerBatch } from './answer-batch.js';
import { answerText } from './answer-text.js';
import type { AppRuntime } from './apps.js';
import type { UserSigVerifier } from './auth.js';
import { encodingProblem, nestingProblem, structureProblem } from './body.js';
import { type CommandContext, HANDLERS, type ItemFault } from './commands/index.js';
import { type ApiAnswer, fail } from './envelope.js';
import type { FaultDecision, FaultEffect, Faults } from './faults.js';
import type { CallRecord, RequestJournal } from './journal.js';
import { LARGE_BODY_BYTES, LargeBodyBudget } from './large-bodies.js';
import type { Logger } from './logger.js';
import { checkQuery, parseQuery } from './query.js';
import { type CommandCounter, monotonicSecond } from './stats.js';
import { type Store, StoreUnavailable, WriteFailed } from './store/store.js';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

const COMMAND_BY_PATH = new Map<string, CommandName>(
  (Object.entries(COMMANDS) as [CommandName, string][]).map(([name, path]) => [path, name]),
);

export interface ApiDeps {
  apps: ReadonlyMap<number, AppRuntime>;
  store: Store;
  verifier: UserSigVerifier;
  faults: Faults;
  journal: RequestJournal;
  logger: Logger;
  bodyLimitBytes: number;
  /** See StubOptions.largeBodyMsPerSecond (undefined: the default). */
  largeBodyMsPerSecond?: number | undefined;
  /** True once a graceful shutdown began: answers then close their connection. */
  closing(): boolean;
}

interface Admitted {
  admitted: true;
  command: CommandName;
  app: AppRuntime;
  counter: CommandCounter;
}

type Gate = { admitted: false; answer: ApiAnswer; close?: boolean } | Admitted;

const EMPTY_BODY = Buffer.alloc(0);

/** What the journal needs of a call before its answer: made only while the journal is on. */
interface Note {
  at: number;
  started: number;
  search: string;
  body: Buffer | undefined;
}

type Finish = (answer: ApiAnswer, close?: boolean, faultId?: string) => void;

/** The From_Account of a JSON body, for faults scoped by it (parsed only when one is). */
function fromAccountOf(body: Buffer): () => string | undefined {
  let from: string | undefined | null = null;
  return () => {
    if (from === null) {
      try {
        const value = (JSON.parse(body.toString('utf8')) as { From_Account?: unknown } | null)?.From_Account;
        from = typeof value === 'string' ? value : undefined;
      } catch {
        from = undefined;
      }
    }
    return from;
  };
}

/** An item-error fault as mark_contact's handler takes it. */
function itemFaultOf(effect: Extract<FaultEffect, { kind: 'item-error' }>): ItemFault {
  const failure = { code: effect.code, info: effect.info };
  return (item) => {
    const contact = (item as { ContactItem?: { Type?: unknown; To_Account?: unknown; ToGroupId?: unknown } })
      .ContactItem;
    if (contact?.Type === 1 && effect.toAccount.has(contact.To_Account as string)) return failure;
    if (contact?.Type === 2 && effect.toGroupId.has(contact.ToGroupId as string)) return failure;
    return undefined;
  };
}

/** A request stream's errors (a client gone mid-body) need a listener, and nothing more: the socket is gone. */
function ignore(): void {}

function refuse(code: number, info: string): Gate {
  return { admitted: false, answer: fail(code, info) };
}

/** Sockets whose request was answered while its body was still arriving. */
export const answeredEarly = new WeakSet<object>();

const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes a JSON answer at once (the control plane's; the API's answers go through the batch). */
export function sendJson(res: ServerResponse, status: number, body: unknown, close: boolean): void {
  sendText(res, status, textOf(undefined, body as ApiAnswer), close);
}

/** The answer's JSON text, or an internal-error envelope: an answer is owed even if writing one fails. */
function textOf(command: CommandName | undefined, answer: ApiAnswer): string {
  try {
    return answerText(command, answer);
  } catch {
    // Cannot happen with the bodies the checks let through.
    return JSON.stringify(fail(ErrorCode.INTERNAL_ERROR, 'the answer could not be written, retry'));
  }
}

/** Headers as a flat array: the cheapest form for node:http. */
function sendText(res: ServerResponse, status: number, text: string, close: boolean): void {
  const length = String(Buffer.byteLength(text));
  res.writeHead(
    status,
    close
      ? ['Content-Type', JSON_TYPE, 'Content-Length', length, 'Connection', 'close']
      : ['Content-Type', JSON_TYPE, 'Content-Length', length],
  );
  res.end(text);
}

export class Api {
  /** One command context per app, made once. */
  private readonly contexts = new Map<AppRuntime, CommandContext>();
  private readonly largeBodies: LargeBodyBudget;

  private readonly batch: AnswerBatch;
  /** Connections a `hang` fault holds, ended at once by a graceful stop. */
  private readonly hung = new Set<Socket>();
  /** When the last "ceiling unavailable" was logged (performance.now() ms). */
  private ceilingWarnedAt = -Infinity;

  constructor(private readonly deps: ApiDeps) {
    this.largeBodies = new LargeBodyBudget(deps.largeBodyMsPerSecond);
    this.batch = new AnswerBatch((res, text, close) => sendText(res, 200, text, close), deps.closing);
  }

  /** Answers one request whose path is not the control plane's. */
  handle(req: IncomingMessage, res: ServerResponse, path: string, search: string): void {
    const note: Note | undefined = this.deps.journal.enabled
      ? { at: Date.now(), started: performance.now(), search, body: undefined }
      : undefined;
    const started = this.deps.logger.debugEnabled ? (note?.started ?? performance.now()) : 0;
    const gate = this.gate(req, path, search);
    // A shared ceiling (Redis) decides asynchronously; the body waits unread in the socket meanwhile.
    if (gate instanceof Promise) {
      void gate.then((decided) => this.pass(req, res, path, started, decided, note));
    } else this.pass(req, res, path, started, gate, note);
  }

  /** Answers a call the gate refused, or reads the body of one it admitted and runs the command. */
  private pass(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    started: number,
    gate: Gate,
    note: Note | undefined,
  ): void {
    const { deps } = this;
    if (!gate.admitted) {
      this.reply(req, res, path, started, undefined, gate.answer, gate.close, note);
      return;
    }
    // Admitted: from here on every answer counts in the stats. Three closures per call, and no
    // array for a body that arrives in one chunk (the usual case).
    const limit = deps.bodyLimitBytes;
    const finish: Finish = (answer, close = false, faultId) => {
      if (answer.ErrorCode !== ErrorCode.OK) gate.counter.error(monotonicSecond());
      this.reply(req, res, path, started, gate.command, answer, close, note, faultId);
    };
    // A large body past the large-body budget is refused unread when its length is declared (the
    // connection is closed, as for a body over the limit), else once it has arrived. (A declared length
    // over the limit never gets here: the gate refused it.)
    const declared = Number(req.headers['content-length']);
    const letInUnread = this.largeBodies.counts(declared);
    if (letInUnread && !this.largeBodies.admit(declared, performance.now())) {
      finish(this.largeBodyBusy(), true);
      return;
    }
    let first: Buffer | undefined;
    let more: Buffer[] | undefined;
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      if (size > limit) return;
      size += chunk.length;
      if (size > limit) {
        first = undefined;
        more = undefined;
        finish(this.tooLarge(), true);
      } else if (first === undefined) first = chunk;
      else if (more === undefined) more = [first, chunk];
      else more.push(chunk);
    });
    req.on('end', () => {
      if (size > limit) return;
      const large = this.largeBodies.counts(size);
      const began = large ? performance.now() : 0;
      if (large && !letInUnread && !this.largeBodies.admit(size, began)) {
        finish(this.largeBodyBusy());
        return;
      }
      // A large body is charged, beyond its estimate, the time from here to its answer's text: joining,
      // parsing, the rules, the command and the answer (what a handler awaits is short, and counts too).
      const answer: Finish = large
        ? (result, close, faultId) => {
            finish(result, close, faultId);
            this.largeBodies.charge(size, performance.now() - began);
          }
        : finish;
      const body = more !== undefined ? Buffer.concat(more, size) : (first ?? EMPTY_BODY);
      if (note !== undefined) note.body = body;
      const fault = deps.faults.active
        ? deps.faults.decide(gate.app.sdkAppId, path, fromAccountOf(body))
        : undefined;
      if (fault === undefined) this.run(gate, body, answer);
      // A delayed call is not charged its delay.
      else if (fault.delayMs > 0)
        setTimeout(() => this.runFaulty(gate, req, res, path, body, fault, finish, note), fault.delayMs);
      else this.runFaulty(gate, req, res, path, body, fault, answer, note);
    });
    req.on('error', ignore);
  }

  private run(
    gate: Admitted,
    body: Buffer,
    finish: (answer: ApiAnswer) => void,
    itemFault?: ItemFault,
  ): void {
    const result = this.execute(gate.command, gate.app, body, itemFault);
    if (result instanceof Promise) void result.then(finish);
    else finish(result);
  }

  /** A call injected faults apply to, delayed already: answers as the deciding fault says. */
  private runFaulty(
    gate: Admitted,
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    body: Buffer,
    fault: FaultDecision,
    finish: Finish,
    note: Note | undefined,
  ): void {
    const { effect, faultId } = fault;
    if (effect === undefined) {
      this.run(gate, body, finish);
      return;
    }
    if (effect.kind === 'error') {
      finish(fail(effect.code, effect.info), false, faultId);
      return;
    }
    if (effect.kind === 'item-error') {
      this.run(gate, body, (answer) => finish(answer, false, faultId), itemFaultOf(effect));
      return;
    }
    // The other kinds answer outside the API's envelope; they count as errors in the stats.
    gate.counter.error(monotonicSecond());
    if (res.writableEnded || res.destroyed) return;
    if (effect.kind === 'http') {
      res.writeHead(effect.status, [
        'Content-Type',
        effect.contentType,
        'Content-Length',
        String(Buffer.byteLength(effect.body)),
      ]);
      res.end(effect.body);
      this.note(note, path, 'answered', effect.status, undefined, faultId);
    } else if (effect.kind === 'drop') {
      this.note(note, path, 'dropped', null, undefined, faultId);
      req.socket.destroy();
    } else this.hang(req.socket, effect.maxMs, () => this.note(note, path, 'hung', null, undefined, faultId));
  }

  /** Answers nothing until the client closes the connection, or destroys it after maxMs. */
  private hang(socket: Socket, maxMs: number, ended: () => void): void {
    const timer = setTimeout(() => socket.destroy(), maxMs);
    this.hung.add(socket);
    socket.once('close', () => {
      clearTimeout(timer);
      this.hung.delete(socket);
      ended();
    });
  }

  /** Ends every hang at once (a graceful stop must not wait for them). */
  endHangs(): void {
    for (const socket of this.hung) socket.destroy();
  }

  private note(
    note: Note | undefined,
    path: string,
    outcome: CallRecord['outcome'],
    httpStatus: number | null,
    answer: ApiAnswer | undefined,
    faultId: string | undefined,
  ): void {
    if (note === undefined) return;
    this.deps.journal.record({
      at: note.at,
      path,
      search: note.search,
      body: note.body,
      outcome,
      httpStatus,
      answer,
      faultId,
      latencyMs: performance.now() - note.started,
    });
  }

  /** Everything up to and including the ceiling, from the URL alone (a promise when the ceiling is shared). */
  private gate(req: IncomingMessage, path: string, search: string): Gate | Promise<Gate> {
    const { deps } = this;
    const command = COMMAND_BY_PATH.get(path);
    if (command === undefined) return refuse(ErrorCode.UNKNOWN_RESOURCE, `no such resource: ${path}`);
    if (req.method !== 'POST') {
      return refuse(ErrorCode.SERVICE_TIMEOUT, `method ${req.method} is not allowed: every command is POST`);
    }
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) > deps.bodyLimitBytes) {
      return { admitted: false, answer: this.tooLarge(), close: true };
    }
    const query = parseQuery(search);
    if (query === undefined) {
      return refuse(ErrorCode.HTTP_PARSE_ERROR, 'the query string is not valid percent-encoding');
    }
    const check = checkQuery(query);
    if (!check.ok) return refuse(check.code, check.info);
    const app = deps.apps.get(check.sdkAppId);
    if (app === undefined) {
      return refuse(ErrorCode.INVALID_SDKAPPID, `sdkappid ${check.sdkAppId} is not an app of this server`);
    }
    const { usersig, identifier } = query;
    if (usersig === undefined || usersig === '') return refuse(ErrorCode.USERSIG_EMPTY, 'usersig is empty');
    if (identifier === undefined || identifier === '') {
      return refuse(ErrorCode.ACCOUNT_OR_SIGNATURE, 'the URL has no identifier');
    }
    const second = Math.floor(Date.now() / 1000);
    const auth = deps.verifier.verify(app, identifier, usersig, second);
    if (!auth.ok) return refuse(auth.code, auth.reason);
    if (!app.admins.has(identifier)) {
      return refuse(
        path.startsWith('/v4/recentcontact/') ? ErrorCode.ADMIN_REQUIRED : ErrorCode.NOT_ADMIN,
        `identifier ${identifier} is not an App admin: the request needs App admin rights`,
      );
    }
    const counter = app.counters[command];
    const admitted = counter.admit(performance.now(), monotonicSecond());
    if (typeof admitted === 'boolean') return this.ceilingGate(admitted, command, app, counter);
    return admitted.then(
      (decided) => this.ceilingGate(decided, command, app, counter),
      (error: unknown) => this.ceilingUnavailable(error, counter),
    );
  }

  private ceilingGate(
    admitted: boolean,
    command: CommandName,
    app: AppRuntime,
    counter: CommandCounter,
  ): Gate {
    if (admitted) return { admitted: true, command, app, counter };
    return refuse(
      ErrorCode.RATE_LIMITED,
      `${counter.command} is over its limit of ${counter.window.ceiling} calls per second for sdkappid ${app.sdkAppId}`,
    );
  }

  /**
   * The shared window gave no decision in time: 50004, retryable, counted as an error of the command
   * (neither accepted nor refused). Logged at most once a second, not once a call.
   */
  private ceilingUnavailable(error: unknown, counter: CommandCounter): Gate {
    counter.error(monotonicSecond());
    const message = error instanceof Error ? error.message : String(error);
    const now = performance.now();
    if (now - this.ceilingWarnedAt >= 1000) {
      this.ceilingWarnedAt = now;
      this.deps.logger.error(`${counter.command}: ${message}; answering 50004`);
    }
    return refuse(ErrorCode.INTERNAL_ERROR, `${message}: the call was not run, retry`);
  }

  /** The command's answer: JSON checks, then the handler (a promise only with an asynchronous store). */
  private execute(
    command: CommandName,
    app: AppRuntime,
    body: Buffer,
    itemFault?: ItemFault,
  ): ApiAnswer | Promise<ApiAnswer> {
    const encoding = encodingProblem(body);
    if (encoding !== undefined) return fail(ErrorCode.INVALID_JSON, encoding);
    const structure = structureProblem(body);
    if (structure !== undefined) return fail(ErrorCode.INVALID_JSON, structure);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      return fail(
        ErrorCode.INVALID_JSON,
        'the body is not valid JSON (send {} when there is nothing to say)',
      );
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return fail(ErrorCode.INVALID_JSON, 'the body must be a JSON object');
    }
    const nesting = nestingProblem(parsed, body.length);
    if (nesting !== undefined) return fail(ErrorCode.INVALID_JSON, nesting);
    let ctx = this.contexts.get(app);
    if (ctx === undefined) {
      ctx = { app, store: this.deps.store, nowSeconds };
      this.contexts.set(app, ctx);
    }
    if (itemFault !== undefined) ctx = { ...ctx, itemFault };
    try {
      const result = HANDLERS[command](parsed as Record<string, unknown>, ctx);
      return result instanceof Promise
        ? result.then(undefined, (error: unknown) => this.internalError(command, error))
        : result;
    } catch (error) {
      return this.internalError(command, error);
    }
  }

  private internalError(command: CommandName, error: unknown): ApiAnswer {
    if (error instanceof WriteFailed) {
      this.deps.logger.error(`${command}: ${error.message}`);
      return fail(ErrorCode.INTERNAL_ERROR, `${error.message}: nothing was changed, retry`);
    }
    if (error instanceof StoreUnavailable) {
      this.deps.logger.warn(`${command}: ${error.message}`);
      return fail(ErrorCode.INTERNAL_ERROR, `${error.message}; retry`);
    }
    this.deps.logger.error(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    return fail(ErrorCode.INTERNAL_ERROR, 'internal server error, retry');
  }

  private largeBodyBusy(): ApiAnswer {
    return fail(
      ErrorCode.APP_RATE_LIMITED,
      `bodies of ${LARGE_BODY_BYTES} bytes or more are handled at most ${this.largeBodies.msPerSecond} ms a second; this one was not, retry later`,
    );
  }

  private tooLarge(): ApiAnswer {
    return fail(
      ErrorCode.SERVICE_TIMEOUT,
      `the body is larger than ${this.deps.bodyLimitBytes} bytes; the connection is closed`,
    );
  }

  private reply(
    req: IncomingMessage,
    res: ServerResponse,
    path: string,
    started: number,
    command: CommandName | undefined,
    answer: ApiAnswer,
    close = false,
    note?: Note,
    faultId?: string,
  ): void {
    if (note !== undefined) this.note(note, path, 'answered', 200, answer, faultId);
    if (res.writableEnded || res.destroyed) return;
    if (!req.complete) {
      // Answered before the body arrived: if the client then stalls, the timeout must not answer again.
      answeredEarly.add(req.socket);
      req.once('end', () => answeredEarly.delete(req.socket));
    }
    this.batch.add(res, textOf(command, answer), close);
    if (close) res.once('finish', () => req.socket.destroySoon());
    if (started > 0) {
      this.deps.logger.debug(
        `${req.method} ${path} → ${answer.ErrorCode} in ${(performance.now() - started).toFixed(2)} ms`,
      );
    }
  }
}

function nowSeconds(): number {
  return Math.floor(Date.now() / 1000);
}
