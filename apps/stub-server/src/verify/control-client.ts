// The stub's control plane over HTTP, as the verifier and a team's state handlers use it (the `control`
// argument of every handler in a --state-handlers file; see pacts/README.md).
import { COMMANDS, type CommandName } from '@tim-marks/types';
import type { ProviderStateValues } from '../provider-states.js';
import { type Credentials, credentialQuery } from './credentials.js';

/** A control-plane call answered with an error status. */
export class ControlPlaneError extends Error {
  constructor(
    message: string,
    /** The stub's own explanation. */
    readonly reason: string,
  ) {
    super(message);
  }
}

export class ControlClient {
  constructor(
    /** The stub's base URL. */
    readonly url: string,
    private readonly token: string | undefined,
    /** The app the verification targets. */
    readonly credentials: Credentials,
  ) {}

  /** Any control-plane call: `request('POST', '/__stub/seed', { accounts: ['alice'] })`. Throws on a non-2xx answer. */
  async request(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(new URL(path, this.url), {
      method,
      headers: {
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(this.token === undefined ? {} : { authorization: `Bearer ${this.token}` }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    let answer: unknown = text;
    try {
      answer = JSON.parse(text);
    } catch {}
    if (!response.ok) {
      const reason = (answer as { error?: string })?.error ?? text;
      throw new ControlPlaneError(`${method} ${path} answered ${response.status}: ${reason}`, String(reason));
    }
    return answer;
  }

  /** Back to the stub's configured start: the seed accounts and groups, no marks, no faults. */
  async reset(): Promise<void> {
    await this.request('POST', '/__stub/reset', { sdkAppId: this.credentials.sdkAppId });
  }

  /** One state of the stub's vocabulary (`GET /__stub/provider-states` lists them). */
  async providerState(
    state: string,
    params: Record<string, unknown> = {},
    action: 'setup' | 'teardown' = 'setup',
  ): Promise<ProviderStateValues> {
    try {
      return (await this.request('POST', '/__stub/provider-states', {
        state,
        params,
        action,
        sdkAppId: this.credentials.sdkAppId,
      })) as ProviderStateValues;
    } catch (error) {
      // The stub's reason alone: it already names the state and the closest ones.
      throw error instanceof ControlPlaneError ? new Error(error.reason) : error;
    }
  }

  /** POST /__stub/seed: accounts, groups, contactGroups. */
  async seed(spec: Record<string, unknown>): Promise<void> {
    await this.request('POST', '/__stub/seed', { sdkAppId: this.credentials.sdkAppId, ...spec });
  }

  /** POST /__stub/faults: { command, code?, count?, probability?, latencyMs? }. */
  async fault(spec: Record<string, unknown>): Promise<void> {
    await this.request('POST', '/__stub/faults', { sdkAppId: this.credentials.sdkAppId, ...spec });
  }

  /** One API command as the app's admin (e.g. `call('markContact', {...})`); answers the API's JSON body. */
  async call(command: CommandName, body: unknown): Promise<Record<string, unknown>> {
    const query = new URLSearchParams({
      ...credentialQuery(this.credentials),
      random: String(Math.floor(Math.random() * 4294967295)),
      contenttype: 'json',
    });
    const response = await fetch(new URL(`${COMMANDS[command]}?${query}`, this.url), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as Record<string, unknown>;
  }

  /** The values every state answers for Pact's injection: sdkappid, identifier, usersig. */
  async credentialValues(): Promise<ProviderStateValues> {
    return credentialQuery(this.credentials);
  }
}
