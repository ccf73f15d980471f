// The emulated API's request pipeline. Every answer is HTTP 200 with the API's envelope. The checks
// run in this order (the README lists the codes): path (60009) → method and declared body size
// (60008) → query: sdkappid (60012 / 60002), random and contenttype (60002) → app (60006) → UserSig
// (70002, 60004 for a missing identifier, then @tim-marks/usersig's 70003 / 70014 / 70013 / 70001 /
// 70009) → admin (50003 on recentcontact, 60010 elsewhere) → ceiling (60007) → body (60008 when over
// the limit) → injected faults (latency, 50004 / 50005) → JSON (60003) → the command itself.
// Everything up to the ceiling is synchronous and looks at the URL only; only admitted calls read
// their body. A command's store call is one atomic step, so concurrent calls never lose an update.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { COMMANDS, type CommandName, ErrorCode } from '@tim-marks/types';
import type { AppRuntime } from './apps.js';
import type { UserSigVerifier } from './auth.js';
import { encodingProblem, nestingProblem } from './body.js';
import { type CommandContext, HANDLERS } from './commands/index.js';
import { type ApiAnswer, fail } from './envelope.js';
import type { Faults } from './faults.js';
import type { Logger } from './logger.js';
import { checkQuery, parseQuery } from './query.js';
import type { ValidateFunction } from './schemas.js';
import type { CommandCounter } from './stats.js';
import type { Store } from './store/store.js';

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;

const COMMAND_BY_PATH = new Map<string, CommandName>(
  (Object.entries(COMMANDS) as [CommandName, string][]).map(([name, path]) => [path, name]),
);

export interface ApiDeps {
  apps: ReadonlyMap<number, AppRuntime>;
  store: Store;
  verifier: UserSigVerifier;
  validators: Record<CommandName, ValidateFunction>;
  faults: Faults;
  logger: Logger;
  bodyLimitBytes: number;
  /** True once a graceful shutdown began: answers then close their connection. */
  closing(): boolean;
}

type Gate =
  | { admitted: false; answer: ApiAnswer; close?: boolean }
  | { admitted: true; command: CommandName; app: AppRuntime; counter: CommandCounter };

function refuse(code: number, info: string): Gate {
  return { admitted: false, answer: fail(code, info) };
}

/** Sockets whose request was answered while its body was still arriving. */
export const answeredEarly = new WeakSet<object>();

const JSON_TYPE = 'application/json; charset=utf-8';

/** Writes a JSON answer (headers as a flat array: the cheapest form for node:http). */
export function sendJson(res: ServerResponse, status: number, body: unknown, close: boolean): void {
  let text: string;
  try {
    text = JSON.stringify(body);
  } catch {
    // Cannot happen with the bodies the checks let through; an answer is still owed.
    text = JSON.stringify(fail(ErrorCode.INTERNAL_ERROR, 'the answer could not be written, retry'));
  }
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

  constructor(private readonly deps: ApiDeps) {}

  /** Answers one request whose path is not the control plane's. */
  handle(req: IncomingMessage, res: ServerResponse, path: string, search: string): void {
    const { deps } = this;
    const started = deps.logger.debugEnabled ? performance.now() : 0;
    const gate = this.gate(req, path, search);
    if (!gate.admitted) {
      this.reply(req, res, path, started, gate.answer, gate.close);
      return;
    }
    // Admitted: from here on every answer counts in the stats.
    const { command, app, counter } = gate;
    const answer = (result: ApiAnswer, close = false) => {
      if (result.ErrorCode !== ErrorCode.OK) counter.error(Math.floor(Date.now() / 1000));
      this.reply(req, res, path, started, result, close);
    };
    readBody(req, deps.bodyLimitBytes, (body) => {
      if (body === undefined) {
        answer(this.tooLarge(), true);
        return;
      }
      const decision = deps.faults.active ? deps.faults.decide(app.sdkAppId, path) : undefined;
      const run = () => {
        if (decision?.code !== undefined) {
          answer(fail(decision.code, `injected fault: ${path.slice(1)} answers ${decision.code}`));
        } else this.execute(command, app, body, answer);
      };
      if (decision !== undefined && decision.latencyMs > 0) setTimeout(run, decision.latencyMs);
      else run();
    });
  }

  /** Everything up to and including the ceiling, from the URL alone. */
  private gate(req: IncomingMessage, path: string, search: string): Gate {
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
    if (!counter.admit(performance.now(), second)) {
      return refuse(
        ErrorCode.RATE_LIMITED,
        `${path.slice(1)} is over its limit of ${counter.window.ceiling} calls per second for sdkappid ${app.sdkAppId}`,
      );
    }
    return { admitted: true, command, app, counter };
  }

  private execute(
    command: CommandName,
    app: AppRuntime,
    body: Buffer,
    answer: (result: ApiAnswer) => void,
  ): void {
    const encoding = encodingProblem(body);
    if (encoding !== undefined) {
      answer(fail(ErrorCode.INVALID_JSON, encoding));
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      answer(
        fail(ErrorCode.INVALID_JSON, 'the body is not valid JSON (send {} when there is nothing to say)'),
      );
      return;
    }
    if (typeof parsed !== 'object' || parsed === null) {
      answer(fail(ErrorCode.INVALID_JSON, 'the body must be a JSON object'));
      return;
    }
    const nesting = nestingProblem(parsed);
    if (nesting !== undefined || Array.isArray(parsed)) {
      answer(fail(ErrorCode.INVALID_JSON, nesting ?? 'the body must be a JSON object'));
      return;
    }
    let ctx = this.contexts.get(app);
    if (ctx === undefined) {
      ctx = { app, store: this.deps.store, validators: this.deps.validators, nowSeconds };
      this.contexts.set(app, ctx);
    }
    let result: ReturnType<(typeof HANDLERS)[CommandName]>;
    try {
      result = HANDLERS[command](parsed as Record<string, unknown>, ctx);
    } catch (error) {
      answer(this.internalError(command, error));
      return;
    }
    if (result instanceof Promise) {
      result.then(answer, (error: unknown) => answer(this.internalError(command, error)));
    } else answer(result);
  }

  private internalError(command: CommandName, error: unknown): ApiAnswer {
    this.deps.logger.error(`${command} failed: ${error instanceof Error ? error.message : String(error)}`);
    return fail(ErrorCode.INTERNAL_ERROR, 'internal server error, retry');
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
    answer: ApiAnswer,
    close = false,
  ): void {
    if (res.writableEnded || res.destroyed) return;
    if (!req.complete) {
      // Answered before the body arrived: if the client then stalls, the timeout must not answer again.
      answeredEarly.add(req.socket);
      req.once('end', () => answeredEarly.delete(req.socket));
    }
    sendJson(res, 200, answer, close || this.deps.closing());
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

/** Reads the whole body; undefined once it grows past `limit` (the rest is not kept). */
function readBody(req: IncomingMessage, limit: number, done: (body: Buffer | undefined) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let over = false;
  req.on('data', (chunk: Buffer) => {
    if (over) return;
    size += chunk.length;
    if (size > limit) {
      over = true;
      chunks.length = 0;
      done(undefined);
    } else chunks.push(chunk);
  });
  req.on('end', () => {
    if (over) return;
    done(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, size));
  });
  req.on('error', () => {});
}
