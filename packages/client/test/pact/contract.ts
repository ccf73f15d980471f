// What every consumer test of the contract shares: the pact (names, where it is written), the
// query string every command carries, the answer envelope, and a client pointed at Pact's mock
// server. The provider side (apps/stub-server/test/pact) replays this pact against the stub.
import { MatchersV3, PactV4, type V3MockServer } from '@pact-foundation/pact';
import type { CommandName } from '@tim-marks/types';
import { Agent, type Dispatcher } from 'undici';
import { onTestFailed, onTestFinished } from 'vitest';
import { type ClientOptions, createClient, type RetryEvent, type TimMarksClient } from '../../src/index.js';
import { CONSUMER, PACTS_DIR, PROVIDER } from './pact-files.js';

const { regex, string } = MatchersV3;

export { CONSUMER, PACTS_DIR, PROVIDER };

/**
 * The stub's default app (apps/stub-server/src/defaults.ts). The development key is public; the
 * provider verification proves that these are still the stub's values (a UserSig signed with another
 * key answers 70009 there).
 */
export const SDK_APP_ID = 1400000000;
export const ADMIN = 'administrator';
export const DEVELOPMENT_SECRET_KEY = 'tim-marks-development-key-0123456789abcdef0123456789abcdef';

/**
 * The `usersig` written into the pact, which the provider verification sends. Fixed literals, so that
 * the pact is byte-for-byte reproducible (the client signs a fresh one at every run; the mock server
 * matches it by pattern only). Both are signed with DEVELOPMENT_SECRET_KEY for ADMIN and SDK_APP_ID:
 * VALID_USERSIG at 2026-01-01T00:00:00Z for 100 years, EXPIRED_USERSIG at 2023-11-14T22:13:20Z
 * (1700000000) for one day — the stub sees it as expired with no hook at all.
 */
export const VALID_USERSIG =
  'eJxNitEKgjAYRt-lvw5xc84YdKdYIF2kEl0OtsmvaGObkUTvHphB3913znlBU9XRQzsQQKMYdutHpaeABlcs1YgT*uBkuLst8GqQ1qICQVi87WsCjhoEyXhGacp-VD8tOg0iIWnC-2qPHQiYzWTk0BdmLk9s3557XlTDLVvyJW2qkl2uqi5y2o7zsTvA*wOnUTUa';
export const EXPIRED_USERSIG =
  'eJxVys0KgkAUBeB3udtCHBssBtoESkVCYNZ6ZP4uMTZcB5Gidw-MFp3d*c55weVUJ4MmEJAlKSynjkp3EQ1OLJXHDvtIMj5oPvTqLkNABYLxdM53ieg1CLb*Vz0GJA1ik-Mf9WhBwJ6VZycNp*rQBkftKhTjtZG3LDwXKncDK4ytd-7Y2GoL7w*4uTRZ';
export const VALID_USERSIG_FIELDS = { time: 1767225600, expire: 3153600000 } as const;
export const EXPIRED_USERSIG_FIELDS = { time: 1700000000, expire: 86400 } as const;

/**
 * The provider states of this pact, each a phrase of the stub's provider-state vocabulary
 * (pacts/README.md; apps/stub-server/src/provider-states.ts) set up through POST /__stub/provider-states.
 * An unknown name fails the verification with the closest known ones.
 */
export const STATES = {
  user0Imported: 'user0 is imported',
  nobodyNeverImported: 'nobody is not imported',
  notUltimate: 'an app with edition pro',
  user0Has1000Marked: 'user0 has 1000 marked conversations',
  groupDissolved: 'group team-gone was dissolved',
  ceilingExhausted: 'the mark_contact ceiling is exhausted',
  next50004: 'the next mark_contact fails with 50004',
  userSigExpired: 'the request keeps its recorded usersig',
  user0Has150Marked: 'user0 has 150 marked conversations',
  groupExists: 'group team-1 exists',
  contactGroupWork: 'user0 has a contact group work with user1',
  twentyContactGroups: 'user0 has 20 contact groups',
} as const;

/** The TLSSigAPIv2 alphabet: base64 with `+/=` written `*-_`. */
export const USERSIG_PATTERN = '^[A-Za-z0-9*_-]+$';

/**
 * The five query parameters of every command. Their values vary per request (random, usersig) or per
 * deployment (sdkappid, identifier), so they are matched by pattern — query values are strings — and
 * only `contenttype=json` is fixed by the contract.
 */
export function commandQuery(usersig: string = VALID_USERSIG) {
  return {
    sdkappid: regex('^[1-9][0-9]{0,9}$', String(SDK_APP_ID)),
    identifier: regex('^\\S{1,32}$', ADMIN),
    usersig: regex(USERSIG_PATTERN, usersig),
    random: regex('^(0|[1-9][0-9]{0,9})$', '3735928559'),
    contenttype: 'json',
  };
}

/** The envelope of a success; the texts are the provider's. */
export function okEnvelope({ display = true } = {}) {
  return {
    ActionStatus: 'OK',
    ErrorCode: 0,
    ErrorInfo: string(''),
    ...(display ? { ErrorDisplay: string('') } : {}),
  };
}

/** A request that failed as a whole: ActionStatus FAIL and exactly this ErrorCode; no other field. */
export function failEnvelope(code: number, info: string) {
  return { ActionStatus: 'FAIL', ErrorCode: code, ErrorInfo: string(info), ErrorDisplay: string('') };
}

/** One pact for the whole consumer: every test file writes into (merges into) the same file. */
export function newPact(): PactV4 {
  return new PactV4({ consumer: CONSUMER, provider: PROVIDER, dir: PACTS_DIR, logLevel: 'warn' });
}

/** How long a test waits, at most, for the mock server to record what it already answered. */
const MATCH_RECORDING_GRACE_MS = 2_000;

/**
 * A test body for `executeTest` that returns only once Pact's mock server has recorded every request
 * it answered. The native mock server of pact-js 16.3+ records a match on another task after it has
 * sent the response (pact-foundation/pact-reference#535, fixed upstream in a core that needs Node 22),
 * so on a busy machine `executeTest` could read "expected but not received" for a request the client
 * already had an answer to. Waiting changes no verdict: a request that truly never came still fails,
 * MATCH_RECORDING_GRACE_MS later.
 */
export function settled<T>(pact: PactV4, testFn: (server: V3MockServer) => Promise<T>) {
  return async (server: V3MockServer): Promise<T> => {
    try {
      return await testFn(server);
    } finally {
      await allRequestsRecorded(pact, server.port);
    }
  };
}

interface MockServerQueries {
  mockServerMatchedSuccessfully(port: number): boolean;
}

async function allRequestsRecorded(pact: PactV4, port: number): Promise<void> {
  // PactV4 keeps pact-core's consumer pact in a field its types do not declare.
  const core = (pact as unknown as { pact?: Partial<MockServerQueries> }).pact;
  if (typeof core?.mockServerMatchedSuccessfully !== 'function') {
    throw new Error(
      'pact-js no longer exposes its consumer pact: revisit settled() in test/pact/contract.ts',
    );
  }
  const deadline = Date.now() + MATCH_RECORDING_GRACE_MS;
  while (!core.mockServerMatchedSuccessfully(port) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** What the tests see of the requests the client really sent (path and query), in order. */
export interface SentRequest {
  path: string;
  query: URLSearchParams;
}

export interface PactClient {
  client: TimMarksClient;
  sent: SentRequest[];
  retries: RetryEvent[];
  close(): Promise<void>;
}

/**
 * A real client pointed at the mock server, closed when the test ends. The limiter is off (one call at a time never nears it),
 * and the retry budget is explicit per test so that the number of requests is known. The dispatcher
 * only records what the client sends; it changes nothing.
 */
export function clientFor(mockServer: V3MockServer, options: Partial<ClientOptions> = {}): PactClient {
  const sent: SentRequest[] = [];
  const retries: RetryEvent[] = [];
  const recording: Dispatcher.DispatcherComposeInterceptor = (dispatch) => (opts, handler) => {
    const url = new URL(opts.path, 'http://recorded');
    sent.push({ path: url.pathname, query: url.searchParams });
    return dispatch(opts, handler);
  };
  const agent = new Agent();
  const created = createClient({
    sdkAppId: SDK_APP_ID,
    identifier: ADMIN,
    secretKey: DEVELOPMENT_SECRET_KEY,
    baseUrl: mockServer.url,
    rateLimit: false,
    retry: false,
    dispatcher: agent.compose(recording),
    ...options,
    onRetry: (event) => {
      retries.push(event);
      options.onRetry?.(event);
    },
  } as ClientOptions);
  // When a request the mock server expected never arrives, pact-js reports that and drops the test's
  // own error (which says why the client sent nothing): print what the client threw if the test fails.
  const thrown: unknown[] = [];
  onTestFailed(() => {
    for (const error of thrown)
      process.stderr.write(`[pact consumer] the client threw: ${describeError(error)}\n`);
  });
  const client = new Proxy(created, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        const result: unknown = value.apply(target, args);
        if (result instanceof Promise) result.catch((error: unknown) => thrown.push(error));
        return result;
      };
    },
  });
  const close = async () => {
    await client.close();
    await agent.close();
  };
  // Closed when the test ends, whatever it did.
  onTestFinished(close);
  return { client, sent, retries, close };
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as { code?: unknown }).code;
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.message})` : '';
  return `${error.name}${code === undefined ? '' : ` ${String(code)}`}: ${error.message}${cause}`;
}

/**
 * The client's own one-command sender (`TimMarksClient#send`, private): the path every public method
 * takes once its local checks passed — limiter, UserSig, query string, JSON body, retries, answer
 * classification. Only for the answers the public API can never provoke, because it refuses the
 * request first (51006: no MarkItem; 50002 on an item over the server's limits, which the client
 * checks with the same rules) or cannot express it (60003: a body that is not a JSON object).
 */
export function sendRaw(client: TimMarksClient, command: CommandName, body: unknown): Promise<unknown> {
  const raw = client as unknown as {
    send?: (method: string, operation: CommandName, body: unknown) => Promise<unknown>;
  };
  if (typeof raw.send !== 'function') {
    throw new Error(
      'TimMarksClient#send(method, operation, body, options) is gone: update sendRaw in test/pact/contract.ts',
    );
  }
  return raw.send(command, command, body);
}
