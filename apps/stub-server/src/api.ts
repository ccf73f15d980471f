// The emulated API's request pipeline. Every answer is HTTP 200 with the API's envelope. The checks
// run in this order (the README lists the codes): path (60009) → method and declared body size
// (60008) → query: sdkappid (60012 / 60002), random and contenttype (60002) → app (60006) → UserSig
// (70002, 60004 for a missing identifier, then @tim-marks/usersig's 70003 / 70014 / 70013 / 70001 /
// 70009) → admin (50003 on recentcontact, 60010 elsewhere) → ceiling (60007) → body (60008 when over
// the limit) → injected faults (latency, 50004 / 50005) → JSON (60003) → the command itself.
// Everything up to the ceiling is synchronous and looks at the URL only (the ceiling too, unless it is
// shared through Redis: then the body is read once Redis has admitted the call); only admitted calls
// read their body. A command's store call is one atomic step, so concurrent calls never lose an update.
// Answers are written together at the end of the event loop's turn (answer-batch.ts).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { COMMANDS, type CommandName, ErrorCode } from '@tim-marks/types';
import { AnswerBatch } from './answer-batch.js';
import { answerText } from './answer-text.js';
import type { AppRuntime } from './apps.js';
import type { UserSigVerifier } from './auth.js';
import { encodingProblem, nestingProblem, structureProblem } from './body.js';
import { type CommandContext, HANDLERS } from './commands/index.js';
import { type ApiAnswer, fail } from './envelope.js';
import type { FaultDecision, Faults } from './faults.js';
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
  /** When the last "ceiling unavailable" was logged (performance.now() ms). */
  private ceilingWarnedAt = -Infinity;

  constructor(private readonly deps: ApiDeps) {
    this.largeBodies = new LargeBodyBudget(deps.largeBodyMsPerSecond);
    this.batch = new AnswerBatch((res, text, close) => sendText(res, 200, text, close), deps.closing);
  }

  /** Answers one request whose path is not the control plane's. */
  handle(req: IncomingMessage, res: ServerResponse, path: string, search: string): void {
    const started = this.deps.logger.debugEnabled ? performance.now() : 0;
    const gate = this.gate(req, path, search);
    // A shared ceiling (Redis) decides asynchronously; the body waits unread in the socket meanwhile.
    if (gate instanceof Promise) void gate.then((decided) => this.pass(req, res, path, started, decided));
    else this.pass(req, res, path, started, gate);
  }

  /** Answers a call the gate refused, or reads the body of one it admitted and runs the command. */
  private pass(req: IncomingMessage, res: ServerResponse, path: string, started: number, gate: Gate): void {
    const { deps } = this;
    if (!gate.admitted) {
      this.reply(req, res, path, started, undefined, gate.answer, gate.close);
      return;
    }
    // Admitted: from here on every answer counts in the stats. Three closures per call, and no
    // array for a body that arrives in one chunk (the usual case).
    const limit = deps.bodyLimitBytes;
    const finish = (answer: ApiAnswer, close = false) => {
      if (answer.ErrorCode !== ErrorCode.OK) gate.counter.error(monotonicSecond());
      this.reply(req, res, path, started, gate.command, answer, close);
    };
    // A large body past the large-body budget is refused unread when its length is declared (the
    // connection is closed, as for a body over the limit), else once it has arrived; one that was let
    // in is looked at again when it has arrived, as others may have used the budget meanwhile.
    const declared = req.headers['content-length'];
    if (declared !== undefined && !this.largeBodies.admit(Number(declared), performance.now())) {
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
      if (large && !this.largeBodies.admit(size, began)) {
        finish(this.largeBodyBusy());
        return;
      }
      // A large body is charged the time from here to its answer's text: joining, parsing, the rules,
      // the command and the answer (what a handler awaits is short, and counts too).
      const answer = large
        ? (result: ApiAnswer, close?: boolean) => {
            finish(result, close);
            this.largeBodies.charge(size, performance.now() - began);
          }
        : finish;
      const body = more !== undefined ? Buffer.concat(more, size) : (first ?? EMPTY_BODY);
      const fault = deps.faults.active ? deps.faults.decide(gate.app.sdkAppId, path) : undefined;
      if (fault === undefined) this.run(gate, body, answer);
      else if (fault.latencyMs > 0)
        setTimeout(() => this.runFaulty(gate, path, body, fault, finish), fault.latencyMs);
      else this.runFaulty(gate, path, body, fault, answer);
    });
    req.on('error', ignore);
  }

  private run(gate: Admitted, body: Buffer, finish: (answer: ApiAnswer) => void): void {
    const result = this.execute(gate.command, gate.app, body);
    if (result instanceof Promise) void result.then(finish);
    else finish(result);
  }

  /** A call an injected fault applies to: delayed already, it answers the fault's code if it has one. */
  private runFaulty(
    gate: Admitted,
    path: string,
    body: Buffer,
    fault: FaultDecision,
    finish: (answer: ApiAnswer) => void,
  ): void {
    if (fault.code === undefined) this.run(gate, body, finish);
    else finish(fail(fault.code, `injected fault: ${path.slice(1)} answers ${fault.code}`));
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
  private execute(command: CommandName, app: AppRuntime, body: Buffer): ApiAnswer | Promise<ApiAnswer> {
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
  ): void {
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
