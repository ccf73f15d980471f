// Runs the stub server's built binary in a child process. The client does not depend on the stub
// package (no package imports the app), so the tests talk to it the way a user would: over HTTP.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type {
  CommandSeries,
  Fault,
  FaultSpec,
  LegacyFaultSpec,
  RequestFilter,
  RequestList,
  RequestMatcher,
} from '@tim-marks/types/control-plane';

const STUB_DIR = fileURLToPath(new URL('../../../../apps/stub-server/', import.meta.url));
export const STUB_SOURCE = `${STUB_DIR}src/cli.ts`;
/** The built binary; TIM_STUB_BINARY points elsewhere (a build of a work-in-progress stub, say). */
export const STUB_BINARY = process.env.TIM_STUB_BINARY ?? `${STUB_DIR}dist/cli.js`;

/**
 * Why the integration tests cannot run here, or undefined when they can. Through nx (`npm test`,
 * CI) the stub is built first, so the binary is there; in CI a missing binary is a failure, not a skip.
 */
export function stubMissing(): string | undefined {
  if (!existsSync(STUB_SOURCE)) {
    return `integration tests skipped: the stub server (${STUB_SOURCE}) does not exist yet`;
  }
  if (!existsSync(STUB_BINARY) && process.env.CI === undefined) {
    return `integration tests skipped: ${STUB_BINARY} is not built; run \`npx nx run @tim-marks/stub-server:build\` (the nx test target does)`;
  }
  return undefined;
}

export const SECRET_KEY = 'client-integration-secret-key';
export const SDK_APP_ID = 1400000000;
export const ADMIN = 'administrator';

/** One command's stats series (openapi/control-plane.yaml). */
export type StubStatsSeries = CommandSeries;

/** The stub's control plane as the client's tests use it (openapi/control-plane.yaml). */
export interface StubProcess {
  url: string;
  reset(): Promise<void>;
  stats(command: string): Promise<StubStatsSeries | undefined>;
  /** GET /__stub/requests: the calls the stub received, newest first. */
  requests(filter?: RequestFilter): Promise<RequestList>;
  /** POST /__stub/requests/count: how many received calls match. */
  countRequests(matcher: RequestMatcher): Promise<number>;
  /** DELETE /__stub/requests. */
  clearRequests(): Promise<void>;
  /** POST /__stub/faults: answers the fault with its id. */
  addFault(fault: FaultSpec | LegacyFaultSpec): Promise<Fault>;
  clearFaults(): Promise<void>;
  close(): Promise<void>;
}

async function control(url: string, path: string, init?: { method: string; body?: unknown }) {
  const response = await fetch(`${url}/__stub/${path}`, {
    method: init?.method ?? 'GET',
    headers: init?.body === undefined ? {} : { 'content-type': 'application/json' },
    body: init?.body === undefined ? null : JSON.stringify(init.body),
  });
  const body = (await response.json()) as { ok: boolean; error?: string } & Record<string, unknown>;
  if (!response.ok || !body.ok) throw new Error(`/__stub/${path}: ${response.status} ${body.error ?? ''}`);
  return body;
}

function waitForListening(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(
      () => fail(new Error(`the stub did not start within 20 s:\n${stdout}${stderr}`)),
      20_000,
    );
    const fail = (error: Error) => {
      clearTimeout(timer);
      reject(error);
    };
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /listening on (https?:\/\/\S+)/.exec(stdout);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
    child.once('exit', (code) => fail(new Error(`the stub exited with ${code}:\n${stdout}${stderr}`)));
  });
}

/** Starts `node apps/stub-server/dist/cli.js --port 0 ...` and waits for its `listening on` line. */
export async function startStubProcess(options: {
  rateLimit: number;
  /** More flags (e.g. `--tls-dir DIR`). */
  args?: string[];
}): Promise<StubProcess> {
  if (!existsSync(STUB_BINARY)) {
    throw new Error(
      `${STUB_BINARY} is missing: build the stub first (npx nx run @tim-marks/stub-server:build)`,
    );
  }
  const child = spawn(
    process.execPath,
    [
      STUB_BINARY,
      '--host',
      '127.0.0.1',
      '--port',
      '0',
      '--rate-limit',
      String(options.rateLimit),
      '--log-level',
      'warn',
      ...(options.args ?? []),
    ],
    // The secret key goes through the environment: command lines are visible to other users.
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, TIM_STUB_SECRET_KEY: SECRET_KEY } },
  );
  let url: string;
  try {
    url = await waitForListening(child);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  return {
    url,
    reset: async () => {
      await control(url, 'reset', { method: 'POST', body: {} });
    },
    stats: async (command) => {
      const body = await control(url, `stats?sdkappid=${SDK_APP_ID}&command=${encodeURIComponent(command)}`);
      return (body.series as StubStatsSeries[])[0];
    },
    requests: async (filter = {}) => {
      const query = new URLSearchParams(
        Object.entries(filter).map(([name, value]) => [name, String(value)] as [string, string]),
      );
      return (await control(url, `requests?${query}`)) as unknown as RequestList;
    },
    countRequests: async (matcher) =>
      (await control(url, 'requests/count', { method: 'POST', body: matcher })).count as number,
    clearRequests: async () => {
      await control(url, 'requests', { method: 'DELETE' });
    },
    addFault: async (fault) => (await control(url, 'faults', { method: 'POST', body: fault })).fault as Fault,
    clearFaults: async () => {
      await control(url, 'faults', { method: 'DELETE' });
    },
    close: async () => {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
