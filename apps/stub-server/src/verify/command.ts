// `tim-marks-stub verify`: a team's consumer pacts verified against the stub, with one command.
// The stub runs in this process (or is a running one, --url); Pact's verifier runs in a child process
// (child.ts) whose structured results become the report (report.ts).
import { fork } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseFlags, UsageError, usageLine } from '@tim-marks/types/cli';
import { parseCli } from '../cli-main.js';
import { DEFAULT_ADMIN, DEVELOPMENT_SECRET_KEY } from '../defaults.js';
import { PROVIDER_STATES } from '../provider-states.js';
import { type Stub, startStub } from '../stub.js';
import type { Credentials } from './credentials.js';
import type { BrokerInput, ChildInput, ChildOutput } from './protocol.js';
import { report } from './report.js';

/** The provider name a team's pacts use for the API (and the stub standing in for it). */
export const DEFAULT_PROVIDER = 'tim-im-api';

export const VERIFY_EXIT = {
  /** Every interaction of every pact verified. */
  VERIFIED: 0,
  /** At least one interaction failed (or a pact could not be verified). */
  FAILED: 1,
  /** Bad flags or arguments. */
  USAGE: 2,
  /** Nothing was verified: no pact found, the stub could not start or be reached, Pact missing, a broken --state-handlers file. */
  NOT_RUN: 3,
} as const;

export const VERIFY_HELP = `tim-marks-stub verify — verify consumer pacts against the stub (the stub is the provider)

Usage: tim-marks-stub verify <pact file or folder>... [flags]
       tim-marks-stub verify --broker-url URL [flags]
       tim-marks-stub verify --list-states

Starts a stub in this process on 127.0.0.1 (any free port), or targets a running one (--url); then,
for each interaction: resets the stub, sets up its provider states, sends the request and compares the
answer with the pact (Pact's verifier, @pact-foundation/pact 16.x, installed beside this package).
A folder means every pact *.json in it whose provider is --provider; files are verified whatever
their provider.

Flags:
  --provider NAME          the provider name in the pacts (default ${DEFAULT_PROVIDER})
  --state-handlers FILE    an ES module with your own provider states: export default
                           { 'name {param}': async (params, control) => values }; they win over
                           the built-in vocabulary (--list-states, pacts/README.md)
  --url URL                verify a running stub instead (its control plane must be on)
  --control-token TOKEN    the running stub's --control-token          TIM_STUB_CONTROL_TOKEN
  --sdkappid ID            the app the requests go to (default: the stub's first app)
  --admin USERID           the identifier sent (default: the app's admin; ${DEFAULT_ADMIN} with --url)
  --secret-key KEY         the app's key the requests are re-signed with  TIM_STUB_SECRET_KEY
                           (default: the public development key)
  --config FILE, --edition EDITION, --rate-limit N
                           the in-process stub's apps and settings (as tim-marks-stub --help)
  --broker-url URL         also verify this provider's pacts from a Pact Broker  PACT_BROKER_BASE_URL
  --broker-token TOKEN     (or PACT_BROKER_USERNAME / PACT_BROKER_PASSWORD)  PACT_BROKER_TOKEN
  --provider-version V, --provider-branch B, --publish
                           publish the verification results to the broker
  --list-states            print the provider-state vocabulary and exit
  --verbose                print Pact's own report too
  --help

Credentials: whatever sdkappid, identifier and usersig a pact recorded, each request is sent for the
target app's admin with a UserSig signed now with --secret-key (the stub checks it as always); give an
interaction the state "the request keeps its recorded usersig" to send it as recorded.

Exit codes: ${VERIFY_EXIT.VERIFIED} all verified, ${VERIFY_EXIT.FAILED} an interaction failed, ${VERIFY_EXIT.USAGE} bad flags, ${VERIFY_EXIT.NOT_RUN} nothing verified (no pact found, the
stub could not start or be reached, @pact-foundation/pact missing, a broken --state-handlers file).`;

const OPTIONS = {
  provider: { type: 'string' },
  'state-handlers': { type: 'string' },
  url: { type: 'string' },
  'control-token': { type: 'string' },
  sdkappid: { type: 'string' },
  admin: { type: 'string' },
  'secret-key': { type: 'string' },
  config: { type: 'string' },
  edition: { type: 'string' },
  'rate-limit': { type: 'string' },
  'broker-url': { type: 'string' },
  'broker-token': { type: 'string' },
  'provider-version': { type: 'string' },
  'provider-branch': { type: 'string' },
  publish: { type: 'boolean' },
  'list-states': { type: 'boolean' },
  verbose: { type: 'boolean' },
} as const;

class NotRun extends Error {}

interface PactHeader {
  provider?: { name?: string };
  consumer?: { name?: string };
  interactions?: unknown[];
}

function readPact(file: string): PactHeader | undefined {
  try {
    const pact = JSON.parse(readFileSync(file, 'utf8')) as PactHeader;
    return Array.isArray(pact.interactions) ? pact : undefined;
  } catch {
    return undefined;
  }
}

/** The pact files named: files as given, folders' *.json pacts of `provider`, sorted. */
export function collectPacts(
  paths: readonly string[],
  provider: string,
): { files: string[]; skipped: string[] } {
  const files: string[] = [];
  const skipped: string[] = [];
  for (const path of paths) {
    let stat: ReturnType<typeof statSync>;
    try {
      stat = statSync(path);
    } catch {
      throw new NotRun(`${path}: no such file or folder`);
    }
    if (stat.isDirectory()) {
      for (const name of readdirSync(path)
        .filter((n) => n.endsWith('.json'))
        .sort()) {
        const file = join(path, name);
        const pact = readPact(file);
        if (pact?.provider?.name === provider) files.push(resolve(file));
        else
          skipped.push(`${file} (${pact === undefined ? 'not a pact' : `provider ${pact.provider?.name}`})`);
      }
    } else {
      if (readPact(path) === undefined) throw new NotRun(`${path} is not a pact file (no interactions)`);
      files.push(resolve(path));
    }
  }
  return { files, skipped };
}

function listStates(): string {
  const lines = [
    'Provider states of the stub (POST /__stub/provider-states; pacts/README.md has examples):',
    '',
  ];
  for (const state of PROVIDER_STATES) {
    lines.push(`  ${state.template}`, `      ${state.summary}`, `      e.g. "${state.example}"`);
  }
  return `${lines.join('\n')}\n`;
}

interface Target {
  url: string;
  credentials: Credentials;
  describe: string;
  stub?: Stub;
}

async function inProcessTarget(
  values: Record<string, string | boolean | undefined>,
  env: NodeJS.ProcessEnv,
): Promise<Target> {
  const args = ['--host', '127.0.0.1', '--port', '0', '--log-level', 'silent', '--control'];
  for (const flag of ['config', 'sdkappid', 'admin', 'secret-key', 'edition', 'rate-limit'] as const) {
    const value = values[flag];
    if (typeof value === 'string') args.push(`--${flag}`, value);
  }
  // The stub's own flags, checked by the stub's parser; its variables except the listening ones apply.
  const { TIM_STUB_HOST: _h, TIM_STUB_PORT: _p, TIM_STUB_STATE_FILE: _s, TIM_STUB_TLS: _t, ...stubEnv } = env;
  const command = parseCli(args, stubEnv);
  if (command.kind === 'error') throw new UsageError(command.message);
  if (command.kind !== 'run') throw new UsageError('unexpected flags');
  let stub: Stub;
  try {
    stub = await startStub(command.options);
  } catch (error) {
    throw new NotRun(`the stub could not start: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    url: stub.url,
    credentials: { sdkAppId: stub.sdkAppId, identifier: stub.admin, secretKey: stub.secretKey },
    describe: `a stub started here at ${stub.url} (SDKAppID ${stub.sdkAppId}, admin ${stub.admin})`,
    stub,
  };
}

async function runningTarget(
  url: string,
  values: Record<string, string | boolean | undefined>,
  token: string | undefined,
  env: NodeJS.ProcessEnv,
): Promise<Target> {
  let health: { apps?: number[] };
  try {
    const response = await fetch(new URL('/__stub/health', url), {
      headers: token === undefined ? {} : { authorization: `Bearer ${token}` },
    });
    if (!response.ok)
      throw new Error(`GET /__stub/health answered ${response.status}: ${await response.text()}`);
    health = (await response.json()) as { apps?: number[] };
  } catch (error) {
    throw new NotRun(
      `cannot reach the stub's control plane at ${url}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const sdkappid = values.sdkappid;
  const sdkAppId = typeof sdkappid === 'string' ? Number(sdkappid) : health.apps?.[0];
  if (sdkAppId === undefined || !Number.isInteger(sdkAppId))
    throw new UsageError('--sdkappid must be an integer');
  if (health.apps !== undefined && !health.apps.includes(sdkAppId)) {
    throw new NotRun(
      `SDKAppID ${sdkAppId} is not an app of the stub at ${url} (it serves ${health.apps.join(', ')})`,
    );
  }
  const identifier = typeof values.admin === 'string' ? values.admin : DEFAULT_ADMIN;
  const secretKey =
    typeof values['secret-key'] === 'string'
      ? values['secret-key']
      : env.TIM_STUB_SECRET_KEY || DEVELOPMENT_SECRET_KEY;
  return {
    url: url.replace(/\/+$/, ''),
    credentials: { sdkAppId, identifier, secretKey },
    describe: `the stub at ${url} (SDKAppID ${sdkAppId}, admin ${identifier})`,
  };
}

function runChild(input: ChildInput, verbose: boolean): Promise<ChildOutput> {
  const child = fork(new URL('./child.js', import.meta.url), [JSON.stringify(input)], {
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    env: { ...process.env, PACT_DO_NOT_TRACK: process.env.PACT_DO_NOT_TRACK ?? 'true' },
  });
  let stderr = '';
  child.stdout?.resume();
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    if (verbose) process.stderr.write(chunk);
  });
  return new Promise((resolveOutput) => {
    let answered = false;
    child.once('message', (message) => {
      answered = true;
      resolveOutput(message as ChildOutput);
    });
    child.once('exit', (code, signal) => {
      if (!answered) {
        resolveOutput({
          kind: 'error',
          message: `Pact's verifier stopped (${signal ?? `exit ${code}`}) without results${stderr ? `: ${stderr.trim().split('\n').slice(-5).join(' | ')}` : ''}`,
        });
      }
    });
  });
}

export async function verifyMain(
  argv: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<number> {
  const out = (text: string) => process.stdout.write(text);
  const fail = (text: string) => process.stderr.write(`tim-marks-stub verify: ${text}\n`);
  let target: Target | undefined;
  try {
    let parsed: ReturnType<typeof parseFlags<typeof OPTIONS>>;
    try {
      parsed = parseFlags(argv, OPTIONS, { positionals: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.help) {
      out(`${VERIFY_HELP}\n`);
      return VERIFY_EXIT.VERIFIED;
    }
    if (values['list-states']) {
      out(listStates());
      return VERIFY_EXIT.VERIFIED;
    }
    const provider = values.provider ?? DEFAULT_PROVIDER;
    const brokerUrl = values['broker-url'] ?? env.PACT_BROKER_BASE_URL;
    if (positionals.length === 0 && brokerUrl === undefined) {
      throw new UsageError('name the pact files or folders to verify (or --broker-url)');
    }
    if (values.publish && values['provider-version'] === undefined) {
      throw new UsageError('--publish needs --provider-version');
    }
    if (values.url !== undefined) {
      for (const flag of ['config', 'edition', 'rate-limit'] as const) {
        if (values[flag] !== undefined)
          throw new UsageError(`--${flag} sets up the in-process stub: not with --url`);
      }
    }
    const { files, skipped } = collectPacts(positionals, provider);
    if (files.length === 0 && brokerUrl === undefined) {
      throw new NotRun(
        `no pact for provider ${provider} in ${positionals.join(', ')}${skipped.length ? ` (skipped: ${skipped.join(', ')})` : ''}; --provider names another`,
      );
    }
    const stateHandlersFile =
      values['state-handlers'] === undefined ? undefined : resolve(values['state-handlers']);
    const token = values['control-token'] ?? (env.TIM_STUB_CONTROL_TOKEN || undefined);
    target =
      values.url === undefined
        ? await inProcessTarget(values, env)
        : await runningTarget(values.url, values, token, env);
    const broker: BrokerInput | undefined =
      brokerUrl === undefined
        ? undefined
        : {
            url: brokerUrl,
            token: values['broker-token'] ?? env.PACT_BROKER_TOKEN,
            username: env.PACT_BROKER_USERNAME,
            password: env.PACT_BROKER_PASSWORD,
            providerVersion: values['provider-version'],
            providerBranch: values['provider-branch'],
            publish: values.publish === true,
          };
    out(
      `tim-marks-stub verify: ${files.length} ${files.length === 1 ? 'pact' : 'pacts'}${broker ? ` and ${provider}'s pacts on ${broker.url}` : ''} against ${target.describe}\n`,
    );
    for (const file of skipped) out(`  skipped ${file}\n`);
    const output = await runChild(
      {
        provider,
        stubUrl: target.url,
        controlToken: token,
        pactFiles: files,
        broker,
        stateHandlersFile,
        credentials: target.credentials,
        logLevel: values.verbose ? 'warn' : 'error',
      },
      values.verbose === true,
    );
    if (output.kind === 'error') throw new NotRun(output.message);
    out(report(output.runs, { verbose: values.verbose === true }));
    // A run passes only with every interaction verified and no error (child.ts).
    return output.runs.every((run) => run.passed) ? VERIFY_EXIT.VERIFIED : VERIFY_EXIT.FAILED;
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(usageLine('tim-marks-stub verify', error.message));
      return VERIFY_EXIT.USAGE;
    }
    if (error instanceof NotRun) {
      fail(error.message);
      return VERIFY_EXIT.NOT_RUN;
    }
    throw error;
  } finally {
    await target?.stub?.close();
  }
}
