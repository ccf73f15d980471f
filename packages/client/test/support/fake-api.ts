import { COMMANDS, type CommandName } from '@tim-marks/types';
import { MockAgent } from 'undici';
import { type ClientOptions, createClient, type TimMarksClient } from '../../src/index.js';

export const ORIGIN = 'http://tim.test';
export const SDK_APP_ID = 1400000000;
export const ADMIN = 'administrator';
export const SECRET_KEY = 'a-test-secret-key';

/** A request as the fake API received it. */
export interface Sent {
  command: CommandName;
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  // biome-ignore lint/suspicious/noExplicitAny: the body is whatever the client sent
  body: any;
}

export interface Reply {
  status?: number;
  body?: unknown;
}

const COMMAND_BY_PATH = new Map(Object.entries(COMMANDS).map(([name, path]) => [path, name as CommandName]));

export const OK = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' } as const;

export function fail(ErrorCode: number, ErrorInfo = 'failed'): Reply {
  return { body: { ActionStatus: 'FAIL', ErrorCode, ErrorInfo, ErrorDisplay: '' } };
}

/** The answer of a healthy server: every item applied, an empty last page. */
export function defaultReply(sent: Sent): Reply {
  if (sent.command === 'markContact') {
    return {
      body: {
        ...OK,
        // biome-ignore lint/suspicious/noExplicitAny: echoing what was sent
        ResultItem: sent.body.MarkItem.map((item: any) => ({
          OptType: item.OptType,
          ContactItem: item.ContactItem,
          ResultCode: 0,
          ResultInfo: '',
        })),
      },
    };
  }
  if (sent.command === 'getContactGroup')
    return { body: { ...OK, ContactItem: [], GroupItem: [], CompleteFlag: 1 } };
  if (sent.command === 'createGroup') return { body: { ...OK, GroupId: sent.body.GroupId ?? '@TGS#1' } };
  if (sent.command === 'multiaccountImport') return { body: { ...OK, FailAccounts: [] } };
  return { body: OK };
}

/**
 * undici's MockAgent with one catch-all interceptor that records every request and answers
 * through `handler` (the healthy server by default). Inject `api.agent` as the client's dispatcher.
 */
export class FakeApi {
  readonly agent = new MockAgent();
  readonly sent: Sent[] = [];
  handler: (sent: Sent, index: number) => Reply = defaultReply;

  constructor() {
    this.agent.disableNetConnect();
  }

  /** Makes the next `times` requests fail at the network level (before the catch-all answers). */
  networkError(times = 1, error = new Error('socket hang up')): this {
    this.agent
      .get(ORIGIN)
      .intercept({ path: () => true, method: 'POST' })
      .replyWithError(error)
      .times(times);
    return this;
  }

  /** Makes the next requests wait `ms` (real time) before the answer. */
  slow(ms: number, times = 1): this {
    this.agent
      .get(ORIGIN)
      .intercept({ path: () => true, method: 'POST' })
      .reply(200, { ...OK })
      .delay(ms)
      .times(times);
    return this;
  }

  /** Installs the catch-all; call after any one-off interceptor. */
  listen(handler?: (sent: Sent, index: number) => Reply): this {
    if (handler !== undefined) this.handler = handler;
    this.agent
      .get(ORIGIN)
      .intercept({ path: () => true, method: 'POST' })
      .reply((opts) => {
        const url = new URL(opts.path, ORIGIN);
        const command = COMMAND_BY_PATH.get(url.pathname as never);
        if (command === undefined) throw new Error(`unknown path ${url.pathname}`);
        const sent: Sent = {
          command,
          path: url.pathname,
          query: url.searchParams,
          headers: Object.fromEntries(Object.entries(opts.headers ?? {})) as Record<string, string>,
          body: JSON.parse(String(opts.body)),
        };
        this.sent.push(sent);
        const reply = this.handler(sent, this.sent.length - 1);
        return {
          statusCode: reply.status ?? 200,
          data: typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? OK),
          responseOptions: { headers: { 'content-type': 'application/json' } },
        };
      })
      .persist();
    return this;
  }

  /** A client of this fake API (secretKey signing, limiter and retries as configured). */
  client(options: Partial<ClientOptions> = {}): TimMarksClient {
    const auth = 'userSig' in options ? {} : { secretKey: SECRET_KEY };
    return createClient({
      sdkAppId: SDK_APP_ID,
      identifier: ADMIN,
      ...auth,
      baseUrl: ORIGIN,
      dispatcher: this.agent,
      ...options,
    } as ClientOptions);
  }

  sentOf(command: CommandName): Sent[] {
    return this.sent.filter((sent) => sent.command === command);
  }

  private closed = false;

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.agent.close();
  }
}
