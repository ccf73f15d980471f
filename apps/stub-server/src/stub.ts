// startStub: builds the apps, the store (with its journal when a state file is set), the API
// pipeline and the control plane, then listens on bare node:http (with `tls`: HTTPS and HTTP on one
// port; CONNECT for the Tencent hosts).
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { dirname } from 'node:path';
import { performance } from 'node:perf_hooks';
import { COMMANDS, type CommandName, ErrorCode } from '@tim-marks/types';
import { sign } from '@tim-marks/usersig';
import { Api, answeredEarly, DEFAULT_BODY_LIMIT_BYTES } from './api.js';
import { type AppDefinition, AppRuntime, type Edition } from './apps.js';
import { DEFAULT_USERSIG_CACHE_SIZE, UserSigVerifier } from './auth.js';
import { connectCeiling } from './ceiling-redis.js';
import { appsFromConfig, type StubConfig, validateConfig } from './config.js';
import { connectHandler } from './connect-proxy.js';
import { CONTROL_PREFIX, Control, DEFAULT_CONTROL_BODY_LIMIT_BYTES, type StubControl } from './control.js';
import {
  DEFAULT_ADMIN,
  DEFAULT_EDITION,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SDKAPPID,
  DEFAULT_SEED_ACCOUNTS,
  DEVELOPMENT_SECRET_KEY,
  isLoopback,
} from './defaults.js';
import { Durability, type JournalIo } from './durability.js';
import { fail } from './envelope.js';
import { Faults } from './faults.js';
import { serveInspectorPage } from './inspector-page.js';
import { DEFAULT_JOURNAL_SIZE, RequestJournal } from './journal.js';
import { createLogger, type LogLevel, type LogSink } from './logger.js';
import { LoopStalls } from './stalls.js';
import { MemoryStore } from './store/memory.js';
import { RedisStore } from './store/redis.js';
import { parseStoreOption, type RedisSpec } from './store/redis-connection.js';
import type { Store } from './store/store.js';
import { acceptTlsToo, type DualProtocol } from './tls-listener.js';
import { loadTlsMaterial, type TlsMaterial, type TlsOption } from './tls-material.js';
import { VERSION } from './version.js';

export interface StubOptions {
  /** Default 127.0.0.1. */
  host?: string;
  /** Default 8080; 0 = any free port. */
  port?: number;
  /** The default app's SDKAppID (not with `config`). Default 1400000000. */
  sdkAppId?: number;
  /** The default app's admin, and the default admin of config apps. Default `administrator`. */
  admin?: string;
  /** Default: the fixed development key (DEVELOPMENT_SECRET_KEY). */
  secretKey?: string;
  /** Default `ultimate`; `pro` and `standard` refuse standard marks (51013). */
  edition?: Edition;
  /** Calls per second per command and app; 0 = no ceiling. Default LIMITS.callsPerSecondPerCommand. */
  rateLimit?: number;
  /** With a Redis store: how long an admission waits for the shared window before answering 50004. Default 80 ms. */
  ceilingTimeoutMs?: number;
  /** Several apps and their seed data (validated); replaces the default app. */
  config?: StubConfig;
  /**
   * Where the state lives: `memory` (default) or `redis://HOST:PORT[/DB]` / `rediss://…` (one node or
   * a Cluster node), shared by every stub on that Redis. Not with `stateFile`.
   */
  store?: string;
  /** Snapshot + journal; without it nothing touches the disk. */
  stateFile?: string;
  /** fsync every journal append (survives power loss, slower). */
  fsync?: boolean;
  /** Compact the journal while running once it reaches this size. Default 64 MiB. */
  journalLimitBytes?: number;
  /** Start even though the state file holds apps that are not configured (their data is dropped). */
  dropUnconfiguredApps?: boolean;
  /** A corrupt state file or journal is moved aside (kept) and the stub starts from its good records. */
  setAsideCorruptState?: boolean;
  /** Replaces the journal's write, fsync and truncate (tests inject a failing disk through it). */
  journalIo?: Partial<JournalIo>;
  /** Control-plane requests must carry `Authorization: Bearer <token>`; required on a non-loopback host. */
  controlToken?: string;
  /** Entries of the request journal (GET /__stub/requests). Default 10000; 0 turns it off. */
  journalSize?: number;
  /** Largest control-plane body; larger answers 413. Default 8 MiB. */
  controlBodyLimitBytes?: number;
  /** Default `warn` (the CLI: `info`). */
  logLevel?: LogLevel;
  /** Where log lines go; default stderr. */
  logSink?: LogSink;
  /** The control plane under /__stub/: default on for a loopback host only. */
  control?: boolean;
  /** Largest request body; larger answers 60008 and closes. Default 1 MiB. */
  bodyLimitBytes?: number;
  /** Milliseconds a second spent handling bodies of 64 KiB or more; past it such a body answers
   * 60011 unread (src/large-bodies.ts), from a bucket of 12 ms. Default 5 (0.5% of the event loop);
   * 0 turns the budget off. */
  largeBodyMsPerSecond?: number;
  /** Time for a client to send its headers. Default 5000 ms. */
  headersTimeoutMs?: number;
  /** Time for a client to send its whole request. Default 10000 ms. */
  requestTimeoutMs?: number;
  /** How often slow clients are looked for. Default 1000 ms. */
  timeoutCheckIntervalMs?: number;
  /** Distinct UserSigs remembered as verified. Default 10000. */
  userSigCacheSize?: number;
  /** How long close() waits for requests in flight before cutting connections. Default 10000 ms. */
  shutdownTimeoutMs?: number;
  /**
   * Serve HTTPS as well as HTTP on the port, and CONNECT for the Tencent API hosts: `{}` generates
   * a certificate and its CA in DEFAULT_TLS_DIR (`{ dir }` elsewhere) and reuses them on later
   * starts; `{ certFile, keyFile }` serves the given ones.
   */
  tls?: TlsOption;
}

/** What a stub started with `tls` serves and what a client must trust. */
export type StubTls = Omit<TlsMaterial, 'cert' | 'key'>;

export interface StubAppInfo {
  sdkAppId: number;
  admins: string[];
  edition: Edition;
  rateLimit: number;
}

export interface Stub {
  /** `http://HOST:PORT`, with the real port (`https://` with `tls`: the port serves both). */
  readonly url: string;
  /** `http://HOST:PORT`: the value of HTTPS_PROXY for a service whose SDK fixes the Tencent host. */
  readonly proxyUrl: string;
  /** The certificate served and the files to trust; undefined without `tls`. */
  readonly tls: StubTls | undefined;
  readonly host: string;
  readonly port: number;
  /** The default (first) app. */
  readonly sdkAppId: number;
  readonly admin: string;
  readonly secretKey: string;
  /** A UserSig for the default app's admin, valid 180 days. */
  readonly adminUserSig: string;
  readonly apps: readonly StubAppInfo[];
  readonly usesDevelopmentKey: boolean;
  readonly controlEnabled: boolean;
  /** `memory`, or the Redis URL the state is kept at (any password hidden). */
  readonly store: string;
  readonly control: StubControl;
  /** Signs a UserSig for any identifier of a configured app (default: the first app's admin). */
  userSig(identifier?: string, sdkAppId?: number): string;
  /** The full URL of a command with its five query parameters, signed for an admin by default. */
  commandUrl(
    command: CommandName,
    query?: { sdkAppId?: number; identifier?: string; usersig?: string; random?: number },
  ): string;
  /** Graceful: stop accepting, finish requests in flight, save the state file. */
  close(): Promise<void>;
}

function definitions(options: StubOptions): AppDefinition[] {
  const defaults = {
    secretKey: options.secretKey ?? DEVELOPMENT_SECRET_KEY,
    admin: options.admin ?? DEFAULT_ADMIN,
    edition: options.edition ?? DEFAULT_EDITION,
    rateLimit: options.rateLimit ?? DEFAULT_RATE_LIMIT,
  };
  if (options.config !== undefined) {
    if (options.sdkAppId !== undefined) {
      throw new TypeError('sdkAppId cannot be combined with config: declare the apps in the config');
    }
    return appsFromConfig(validateConfig(options.config), defaults);
  }
  return [
    {
      sdkAppId: options.sdkAppId ?? DEFAULT_SDKAPPID,
      ...defaults,
      admins: [defaults.admin],
      accounts: [...DEFAULT_SEED_ACCOUNTS],
      groups: [],
    },
  ];
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

export async function startStub(options: StubOptions = {}): Promise<Stub> {
  const host = options.host ?? DEFAULT_HOST;
  const logger = createLogger(options.logLevel ?? 'warn', options.logSink);
  const tls = options.tls === undefined ? undefined : await loadTlsMaterial(options.tls);
  if (tls?.caFile !== undefined && tls.created.length > 0) {
    logger.info(`TLS: created ${tls.created.join(', ')} in ${dirname(tls.caFile)}`);
  }
  const controlEnabled = options.control ?? isLoopback(host);
  if (controlEnabled && !isLoopback(host) && !options.controlToken) {
    throw new TypeError(
      `the control plane on non-loopback host ${host} needs a token: give --control-token (or TIM_STUB_CONTROL_TOKEN), or --no-control`,
    );
  }
  const storeSpec = parseStoreOption(options.store ?? 'memory');
  if (storeSpec.kind === 'redis' && options.stateFile !== undefined) {
    throw new TypeError('stateFile cannot be combined with a Redis store (Redis keeps the state)');
  }
  // On Redis the replicas share one ceiling as they share the state (ceiling-redis.ts).
  const sharedCeiling =
    storeSpec.kind === 'redis' ? await connectCeiling(storeSpec, options.ceilingTimeoutMs) : undefined;
  const apps = new Map<number, AppRuntime>();
  for (const definition of definitions(options)) {
    apps.set(definition.sdkAppId, new AppRuntime(definition, sharedCeiling?.windows));
  }
  const first = apps.values().next().value as AppRuntime;

  const memory = storeSpec.kind === 'memory' ? new MemoryStore() : undefined;
  const store: Store =
    memory ??
    (await RedisStore.connect(storeSpec as RedisSpec, {
      onConnectionChange: (state, detail) =>
        state === 'connected'
          ? logger.info(`store: connected to Redis at ${(storeSpec as RedisSpec).display}`)
          : logger.warn(`store: Redis unreachable (${detail}): calls answer 50004 until it is back`),
    }).catch((error: unknown) => {
      sharedCeiling?.close();
      throw error;
    }));
  const durability =
    memory === undefined || options.stateFile === undefined
      ? undefined
      : Durability.open({
          file: options.stateFile,
          store: memory,
          sdkAppIds: [...apps.keys()],
          logger,
          fsync: options.fsync ?? false,
          ...(options.journalLimitBytes === undefined
            ? {}
            : { journalLimitBytes: options.journalLimitBytes }),
          dropUnconfiguredApps: options.dropUnconfiguredApps ?? false,
          setAsideCorruptState: options.setAsideCorruptState ?? false,
          ...(options.journalIo === undefined ? {} : { io: options.journalIo }),
        });

  const faults = new Faults();
  const journal = new RequestJournal(options.journalSize ?? DEFAULT_JOURNAL_SIZE);
  const stalls = new LoopStalls();
  /**
   * Lets go of the state file (closed, compacted, at a stop; released without compacting when the
   * start failed), the store, the shared ceiling's connection and the stall watch.
   */
  const letGo = async (stateFile: 'close' | 'release') => {
    if (stateFile === 'close') durability?.close();
    else durability?.release();
    await store.close?.();
    sharedCeiling?.close();
    stalls.close();
  };
  const control = new Control({
    apps,
    store,
    faults,
    journal,
    stalls,
    startedAt: Date.now(),
    version: VERSION,
    token: options.controlToken,
    bodyLimitBytes: options.controlBodyLimitBytes ?? DEFAULT_CONTROL_BODY_LIMIT_BYTES,
    pages: (req, res, path) => serveInspectorPage(req, res, path, closing),
  });
  try {
    for (const app of apps.values()) await control.seedApp(app, app.seedAccounts, app.seedGroups);
  } catch (error) {
    await letGo('release');
    throw error;
  }

  let closing = false;
  const api = new Api({
    apps,
    store,
    verifier: new UserSigVerifier(options.userSigCacheSize ?? DEFAULT_USERSIG_CACHE_SIZE),
    faults,
    journal,
    logger,
    bodyLimitBytes: options.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    largeBodyMsPerSecond: options.largeBodyMsPerSecond,
    closing: () => closing,
  });

  if (options.control === true && !isLoopback(host)) {
    logger.warn(
      `the control plane (${CONTROL_PREFIX}) is on at non-loopback host ${host} because --control was given`,
    );
  } else if (options.control === undefined && !controlEnabled) {
    logger.warn(
      `the control plane is off: host ${host} is not loopback (give --control to turn it on anyway)`,
    );
  }

  const server: Server = createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? 10_000,
      headersTimeout: options.headersTimeoutMs ?? 5_000,
      connectionsCheckingInterval: options.timeoutCheckIntervalMs ?? 1_000,
      requireHostHeader: false,
      maxHeaderSize: 16 * 1024,
    },
    (req, res) => {
      const url = originForm(req.url ?? '/');
      const q = url.indexOf('?');
      const path = q < 0 ? url : url.slice(0, q);
      const search = q < 0 ? '' : url.slice(q + 1);
      if (controlEnabled && path.startsWith(CONTROL_PREFIX)) {
        control.handleHttp(req, res, path, search, closing);
      } else api.handle(req, res, path, search);
    },
  );
  server.maxHeadersCount = 64;
  server.keepAliveTimeout = 5_000;
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) =>
    answerClientError(error, socket),
  );
  // CONNECT: the Tencent hosts (with tls) and the stub itself, served here; anything else refused.
  let port = options.port ?? DEFAULT_PORT;
  let dual: DualProtocol | undefined;
  server.on(
    'connect',
    connectHandler({
      ownPort: () => port,
      tls: tls !== undefined,
      logger,
      serve: (socket) => (dual === undefined ? server.emit('connection', socket) : dual.serve(socket)),
    }),
  );
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => answerExpectation(req, res));
  if (tls !== undefined) dual = acceptTlsToo(server, tls);

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? DEFAULT_PORT, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await letGo('release');
    throw error;
  }
  const address = server.address();
  if (typeof address === 'object' && address !== null) port = address.port;
  const proxyUrl = `http://${urlHost(host)}:${port}`;
  const url = tls === undefined ? proxyUrl : `https://${urlHost(host)}:${port}`;
  logger.info(`serving on ${url}`);

  const userSig = (identifier?: string, sdkAppId?: number) => {
    const app = sdkAppId === undefined ? first : apps.get(sdkAppId);
    if (app === undefined) throw new TypeError(`sdkAppId ${sdkAppId} is not an app of this stub`);
    return sign({ sdkAppId: app.sdkAppId, identifier: identifier ?? app.admin, secretKey: app.secretKey });
  };
  const adminUserSig = userSig();

  let closed: Promise<void> | undefined;
  const close = () => {
    closed ??= new Promise<void>((resolve) => {
      // From now on every answer carries `Connection: close`. Requests already sent must be answered,
      // not reset: the ones in a socket's buffer and the connections still in the listen backlog are
      // read and accepted while the stub drains (until a quiet SHUTDOWN_QUIET_MS with no new
      // connection or request, at most SHUTDOWN_DRAIN_MAX_MS). Sockets with no request in progress
      // are closed two turns in (once pending reads had their turn) and again when listening stops.
      closing = true;
      api.endHangs();
      let activity = 0;
      const seen = () => {
        activity++;
      };
      server.on('connection', seen);
      server.on('request', seen);
      setImmediate(() =>
        setImmediate(() => {
          server.closeIdleConnections();
          dual?.tlsServer.closeIdleConnections();
        }),
      );
      const startedAt = performance.now();
      let last = -1;
      const stop = () => {
        server.off('connection', seen);
        server.off('request', seen);
        const force = setTimeout(() => {
          server.closeAllConnections();
          dual?.closeAllConnections();
        }, options.shutdownTimeoutMs ?? 10_000);
        force.unref();
        dual?.close();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      };
      const drain = () => {
        if (activity === last || performance.now() - startedAt >= SHUTDOWN_DRAIN_MAX_MS) stop();
        else {
          last = activity;
          setTimeout(drain, SHUTDOWN_QUIET_MS);
        }
      };
      drain();
    }).then(async () => {
      await letGo('close');
      logger.info('stopped');
    });
    return closed;
  };

  return {
    url,
    proxyUrl,
    tls: tls === undefined ? undefined : (({ cert: _cert, key: _key, ...files }) => files)(tls),
    host,
    port,
    sdkAppId: first.sdkAppId,
    admin: first.admin,
    secretKey: first.secretKey,
    adminUserSig,
    apps: [...apps.values()].map((app) => ({
      sdkAppId: app.sdkAppId,
      admins: [...app.admins],
      edition: app.edition,
      rateLimit: app.rateLimit,
    })),
    usesDevelopmentKey: [...apps.values()].some((app) => app.secretKey === DEVELOPMENT_SECRET_KEY),
    controlEnabled,
    store: storeSpec.kind === 'memory' ? 'memory' : storeSpec.display,
    control,
    userSig,
    commandUrl(command, query = {}) {
      const sdkAppId = query.sdkAppId ?? first.sdkAppId;
      const app = apps.get(sdkAppId);
      const identifier = query.identifier ?? app?.admin ?? first.admin;
      const usersig =
        query.usersig ??
        (sdkAppId === first.sdkAppId && identifier === first.admin
          ? adminUserSig
          : userSig(identifier, sdkAppId));
      const random = query.random ?? Math.floor(Math.random() * 4294967296);
      const params = new URLSearchParams({
        sdkappid: String(sdkAppId),
        identifier,
        usersig,
        random: String(random),
        contenttype: 'json',
      });
      return `${url}${COMMANDS[command]}?${params}`;
    },
    close,
  };
}

/** Malformed HTTP, oversized headers and slow clients still get the API's envelope (HTTP 200), then the connection closes. */
function answerClientError(error: NodeJS.ErrnoException, socket: Socket): void {
  const response = (socket as Socket & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (!socket.writable || error.code === 'ECONNRESET' || response?.headersSent || answeredEarly.has(socket)) {
    socket.destroy();
    return;
  }
  const slowOrTooBig =
    error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ||
    error.code === 'HPE_HEADER_OVERFLOW' ||
    error.code === 'ERR_HTTP_HEADERS_TIMEOUT';
  const body = JSON.stringify(
    slowOrTooBig
      ? fail(
          ErrorCode.SERVICE_TIMEOUT,
          'the request was too slow or its headers too large; the connection is closed',
        )
      : fail(ErrorCode.HTTP_PARSE_ERROR, 'the request is not valid HTTP'),
  );
  // Answered, then destroyed once the answer is handed to the kernel: a client that never reads
  // must not keep the descriptor (a half-closed socket stays open until the peer closes it).
  socket.write(
    `HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
  socket.destroySoon();
  // A peer whose receive window is full never lets the write finish: the fd goes anyway.
  setTimeout(() => socket.destroy(), CLIENT_ERROR_LINGER_MS).unref();
}

const CLIENT_ERROR_LINGER_MS = 1_000;
/** A graceful stop keeps accepting until this long passes with no new connection or request… */
const SHUTDOWN_QUIET_MS = 20;
/** …but no longer than this. */
const SHUTDOWN_DRAIN_MAX_MS = 500;

/** `Expect` other than 100-continue: the API's envelope (60002) instead of a bare 417, then close. */
function answerExpectation(req: IncomingMessage, res: ServerResponse): void {
  const body = JSON.stringify(
    fail(
      ErrorCode.HTTP_PARSE_ERROR,
      `Expect: ${String(req.headers.expect).slice(0, 64)} is not supported (only 100-continue)`,
    ),
  );
  res.writeHead(200, [
    'Content-Type',
    'application/json; charset=utf-8',
    'Content-Length',
    String(Buffer.byteLength(body)),
    'Connection',
    'close',
  ]);
  res.end(body);
  res.once('finish', () => req.socket.destroySoon());
}

/**
 * The origin-form of a request target: an absolute-form target (`http://host/path?query`, which
 * HTTP/1.1 servers must accept, RFC 9112 3.2.2) loses its scheme and authority.
 */
export function originForm(target: string): string {
  if (target.charCodeAt(0) === 47 /* / */) return target;
  const match = /^https?:\/\/[^/?#]*/i.exec(target);
  if (match === null) return target;
  const rest = target.slice(match[0].length);
  return rest === '' || rest[0] === '?' ? `/${rest}` : rest;
}
