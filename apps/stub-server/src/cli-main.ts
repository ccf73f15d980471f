// The command line: flags (each also an environment variable), the start banner with a
// ready-to-paste example, and the graceful shutdown on SIGTERM / SIGINT.
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { LIMITS } from '@tim-marks/types';
import { EXIT, isUsageError, parseFlags, UsageError, usageLine, usageMessage } from '@tim-marks/types/cli';
import { EDITIONS, type Edition } from './apps.js';
import { ConfigError, type StubConfig, validateConfig } from './config.js';
import {
  DEFAULT_ADMIN,
  DEFAULT_HOST,
  DEFAULT_PORT,
  DEFAULT_RATE_LIMIT,
  DEFAULT_SDKAPPID,
  DEFAULT_SEED_ACCOUNTS,
  DEVELOPMENT_SECRET_KEY,
  isLoopback,
} from './defaults.js';
import { DEFAULT_JOURNAL_SIZE } from './journal.js';
import { isLogLevel, LOG_LEVELS } from './logger.js';
import { parseStoreOption, StoreOptionError } from './store/redis-connection.js';
import { type Stub, type StubOptions, startStub } from './stub.js';
import { TENCENT_API_HOSTS } from './tencent-hosts.js';
import { DEFAULT_TLS_DIR } from './tls-material.js';
import { verifyMain } from './verify/command.js';
import { VERSION } from './version.js';

export const EXIT_USAGE = EXIT.USAGE;

/** The flags as --help lists them: flag, description lines, environment variable. */
const FLAG_ROWS: [flag: string, description: string[], variable: string][] = [
  ['--host HOST', [`address to listen on (default ${DEFAULT_HOST})`], 'TIM_STUB_HOST'],
  ['--port PORT', [`port (default ${DEFAULT_PORT}; 0 = any free port)`], 'TIM_STUB_PORT'],
  ['--sdkappid ID', [`the default app's SDKAppID (default ${DEFAULT_SDKAPPID})`], 'TIM_STUB_SDKAPPID'],
  ['--admin USERID', [`the App admin (default ${DEFAULT_ADMIN})`], 'TIM_STUB_ADMIN'],
  [
    '--secret-key KEY',
    [
      "the app's secret key (default: a fixed DEVELOPMENT key, public,",
      'for local use only; prefer the variable: command lines are visible)',
    ],
    'TIM_STUB_SECRET_KEY',
  ],
  [
    '--edition EDITION',
    [
      'ultimate (default), pro or standard; pro and standard are not',
      'Ultimate, so standard marks answer 51013 (custom marks still work)',
    ],
    'TIM_STUB_EDITION',
  ],
  [
    '--rate-limit N',
    [
      `calls per second per command and app (default ${DEFAULT_RATE_LIMIT}, the`,
      "API's ceiling; 0 = no ceiling)",
    ],
    'TIM_STUB_RATE_LIMIT',
  ],
  [
    '--store STORE',
    [
      'where the state lives: memory (default, in this process) or',
      'redis://HOST:PORT[/DB] (rediss:// for TLS; a Cluster node works too),',
      'shared by every stub replica on it (see README: Redis store)',
    ],
    'TIM_STUB_STORE',
  ],
  [
    '--ceiling-timeout-ms MS',
    [
      'with a Redis store: how long a call waits for the shared ceiling',
      'before it is answered 50004 (default 80, within the 100 ms promised)',
    ],
    'TIM_STUB_CEILING_TIMEOUT_MS',
  ],
  ['--config FILE', ['JSON file declaring several apps and their seed data (see README)'], 'TIM_STUB_CONFIG'],
  [
    '--state-file FILE',
    ['keep the state in FILE (+ FILE.journal) across restarts;', 'without it nothing touches the disk'],
    'TIM_STUB_STATE_FILE',
  ],
  ['--fsync', ['fsync every journal write (survives power loss; slower)'], 'TIM_STUB_FSYNC=1'],
  [
    '--journal-limit BYTES',
    ['compact the journal while running once it reaches BYTES', '(default 67108864 = 64 MiB)'],
    'TIM_STUB_JOURNAL_LIMIT',
  ],
  [
    '--journal-size N',
    [
      `keep the last N API calls in the request journal (GET /__stub/requests;`,
      `default ${DEFAULT_JOURNAL_SIZE}, 0 = off; bodies over 16 KiB are cut)`,
    ],
    'TIM_STUB_JOURNAL_SIZE',
  ],
  [
    '--drop-unconfigured-apps',
    ['start even though the state file holds apps not configured', '(their data is removed from it)'],
    'TIM_STUB_DROP_UNCONFIGURED_APPS=1',
  ],
  [
    '--set-aside-corrupt-state',
    [
      'a corrupt state file or journal is renamed *.corrupt-TIME (kept)',
      'and the stub starts from its good records',
    ],
    'TIM_STUB_SET_ASIDE_CORRUPT_STATE=1',
  ],
  ['--log-level LEVEL', [`${LOG_LEVELS.join(', ')} (default info); logs go to stderr`], 'TIM_STUB_LOG_LEVEL'],
  ['--control', ['turn the /__stub/ control plane on, even on a non-loopback host'], 'TIM_STUB_CONTROL=1'],
  ['--no-control', ['turn it off (default: on for a loopback host only)'], 'TIM_STUB_CONTROL=0'],
  [
    '--control-token TOKEN',
    [
      'control-plane calls need Authorization: Bearer TOKEN',
      '(required with --control on a non-loopback host)',
    ],
    'TIM_STUB_CONTROL_TOKEN',
  ],
  [
    '--tls',
    [
      'serve HTTPS too (same port, told apart per connection) and answer',
      'CONNECT for the Tencent API hosts, with a certificate generated',
      'from a CA kept in --tls-dir and reused on every start',
    ],
    'TIM_STUB_TLS=1',
  ],
  [
    '--tls-dir DIR',
    [
      'where the CA and certificate live; implies --tls',
      `(default ${DEFAULT_TLS_DIR.replace(homedir(), '~')})`,
    ],
    'TIM_STUB_TLS_DIR',
  ],
  [
    '--tls-cert FILE',
    ['serve this PEM certificate instead (with --tls-key); implies --tls'],
    'TIM_STUB_TLS_CERT',
  ],
  ['--tls-key FILE', ['the PEM private key of --tls-cert'], 'TIM_STUB_TLS_KEY'],
];

function flagTable(): string {
  const flagWidth = Math.max(...FLAG_ROWS.map(([flag]) => flag.length)) + 2;
  const textWidth = Math.max(...FLAG_ROWS.flatMap(([, lines]) => lines.map((line) => line.length))) + 3;
  const lines: string[] = [];
  for (const [flag, description, variable] of FLAG_ROWS) {
    description.forEach((line, i) => {
      const text = i === 0 ? `${line.padEnd(textWidth)}${variable}` : line;
      lines.push(`  ${(i === 0 ? flag : '').padEnd(flagWidth)}${text}`);
    });
  }
  return lines.join('\n');
}

export const HELP = `tim-marks-stub — a stateful stub of the Tencent Cloud IM conversation-marks REST API

Usage: tim-marks-stub [flags]        (from the repository root: npm start -- [flags])
       tim-marks-stub verify <pact files or folders> [flags]
                                     verify consumer pacts against the stub (verify --help)

Flags (each can also be set by the environment variable shown; a flag wins over the variable):
${flagTable()}
  --help, --version

Without --config the stub serves one app (--sdkappid, --admin, --secret-key, --edition) and imports
the accounts ${DEFAULT_SEED_ACCOUNTS[0]}..${DEFAULT_SEED_ACCOUNTS[DEFAULT_SEED_ACCOUNTS.length - 1]} at start and after every control-plane reset, so the printed
example works at once. With --config the apps come from the file (--admin, --secret-key, --edition
and --rate-limit then give the defaults of apps that leave them out; --sdkappid is refused).
SIGTERM / SIGINT: stop accepting, finish requests in flight, save the state file, exit 0.
Exit codes: ${EXIT.OK} stopped cleanly, ${EXIT.FAILED} could not start or stop (e.g. the port is taken), ${EXIT_USAGE} bad flags
or variables (one line on stderr).`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'version' }
  | { kind: 'run'; options: StubOptions; configFile: string | undefined }
  | { kind: 'error'; message: string };

/** The flags that take a value, each with the environment variable it falls back on. */
const VALUE_FLAGS = {
  host: 'TIM_STUB_HOST',
  port: 'TIM_STUB_PORT',
  sdkappid: 'TIM_STUB_SDKAPPID',
  admin: 'TIM_STUB_ADMIN',
  'secret-key': 'TIM_STUB_SECRET_KEY',
  edition: 'TIM_STUB_EDITION',
  'rate-limit': 'TIM_STUB_RATE_LIMIT',
  config: 'TIM_STUB_CONFIG',
  'state-file': 'TIM_STUB_STATE_FILE',
  store: 'TIM_STUB_STORE',
  'ceiling-timeout-ms': 'TIM_STUB_CEILING_TIMEOUT_MS',
  'log-level': 'TIM_STUB_LOG_LEVEL',
  'journal-limit': 'TIM_STUB_JOURNAL_LIMIT',
  'journal-size': 'TIM_STUB_JOURNAL_SIZE',
  'control-token': 'TIM_STUB_CONTROL_TOKEN',
  'tls-dir': 'TIM_STUB_TLS_DIR',
  'tls-cert': 'TIM_STUB_TLS_CERT',
  'tls-key': 'TIM_STUB_TLS_KEY',
} as const;
type ValueFlag = keyof typeof VALUE_FLAGS;

/** The on/off flags (--NAME, and --no-NAME to turn it off), with their 1/0 environment variable. */
const SWITCH_FLAGS = {
  fsync: 'TIM_STUB_FSYNC',
  control: 'TIM_STUB_CONTROL',
  'drop-unconfigured-apps': 'TIM_STUB_DROP_UNCONFIGURED_APPS',
  'set-aside-corrupt-state': 'TIM_STUB_SET_ASIDE_CORRUPT_STATE',
  tls: 'TIM_STUB_TLS',
} as const;
type SwitchFlag = keyof typeof SWITCH_FLAGS;

const PARSE_OPTIONS = {
  ...(Object.fromEntries(Object.keys(VALUE_FLAGS).map((name) => [name, { type: 'string' }])) as Record<
    ValueFlag,
    { type: 'string' }
  >),
  ...(Object.fromEntries(Object.keys(SWITCH_FLAGS).map((name) => [name, { type: 'boolean' }])) as Record<
    SwitchFlag,
    { type: 'boolean' }
  >),
};

function integer(name: string, text: string, min: number, max: number): number {
  if (!/^[0-9]+$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new UsageError(`${name} must be an integer in ${min}..${max}, got ${JSON.stringify(text)}`);
  }
  return Number(text);
}

function boolean(name: string, text: string): boolean {
  if (['1', 'true', 'yes', 'on'].includes(text.toLowerCase())) return true;
  if (['0', 'false', 'no', 'off'].includes(text.toLowerCase())) return false;
  throw new UsageError(`${name} must be 1 or 0, got ${JSON.stringify(text)}`);
}

/** Reads flags and environment; never exits. */
export function parseCli(argv: readonly string[], env: NodeJS.ProcessEnv): CliCommand {
  try {
    const parsed = parseFlags(argv, PARSE_OPTIONS, { positionals: true, negatable: true });
    if (parsed.values.help) return { kind: 'help' };
    if (parsed.values.version) return { kind: 'version' };
    const [stray] = parsed.positionals;
    if (stray !== undefined) throw new UsageError(`unexpected argument ${JSON.stringify(stray)}`);

    // Each setting: the flag if given, else its variable; `from` names the one used, for messages.
    const values: Partial<Record<ValueFlag, { text: string; from: string }>> = {};
    for (const [flag, variable] of Object.entries(VALUE_FLAGS) as [ValueFlag, string][]) {
      const given = parsed.values[flag];
      const text = env[variable];
      if (given !== undefined) values[flag] = { text: given, from: `--${flag}` };
      else if (text !== undefined && text !== '') values[flag] = { text, from: variable };
    }
    const switches: Partial<Record<SwitchFlag, boolean>> = {};
    for (const [flag, variable] of Object.entries(SWITCH_FLAGS) as [SwitchFlag, string][]) {
      const given = parsed.values[flag];
      const text = env[variable];
      if (given !== undefined) switches[flag] = given;
      else if (text) switches[flag] = boolean(variable, text);
    }
    const {
      fsync,
      control,
      'drop-unconfigured-apps': dropUnconfiguredApps,
      'set-aside-corrupt-state': setAsideCorruptState,
      tls,
    } = switches;

    const options: StubOptions = { logLevel: 'info' };
    const v = values;
    if (v.host) {
      if (v.host.text.trim() === '') throw new UsageError(`${v.host.from} must not be empty`);
      options.host = v.host.text;
    }
    if (v.port) options.port = integer(v.port.from, v.port.text, 0, 65535);
    if (v.sdkappid) options.sdkAppId = integer(v.sdkappid.from, v.sdkappid.text, 1, 4294967295);
    if (v.admin) {
      const bytes = Buffer.byteLength(v.admin.text);
      if (bytes === 0 || bytes > LIMITS.userIdMaxBytes) {
        throw new UsageError(`${v.admin.from} must be a UserID of 1 to ${LIMITS.userIdMaxBytes} bytes`);
      }
      options.admin = v.admin.text;
    }
    if (v['secret-key']) options.secretKey = v['secret-key'].text;
    if (v.edition) {
      if (!(EDITIONS as readonly string[]).includes(v.edition.text)) {
        throw new UsageError(
          `${v.edition.from} must be one of ${EDITIONS.join(', ')}, got ${JSON.stringify(v.edition.text)}`,
        );
      }
      options.edition = v.edition.text as Edition;
    }
    if (v['rate-limit'])
      options.rateLimit = integer(v['rate-limit'].from, v['rate-limit'].text, 0, 1_000_000_000);
    if (v['state-file']) options.stateFile = v['state-file'].text;
    if (v.store) {
      try {
        parseStoreOption(v.store.text);
      } catch (error) {
        if (error instanceof StoreOptionError) throw new UsageError(`${v.store.from} ${error.message}`);
        throw error;
      }
      if (v.store.text !== 'memory') {
        options.store = v.store.text;
        if (v['state-file']) {
          throw new UsageError(
            `${v['state-file'].from} cannot be combined with ${v.store.from} ${v.store.text} (Redis keeps the state: see its AOF setting)`,
          );
        }
      }
    }
    if (v['log-level']) {
      if (!isLogLevel(v['log-level'].text)) {
        throw new UsageError(`${v['log-level'].from} must be one of ${LOG_LEVELS.join(', ')}`);
      }
      options.logLevel = v['log-level'].text;
    }
    const { 'tls-dir': tlsDir, 'tls-cert': tlsCert, 'tls-key': tlsKey } = v;
    if ((tlsCert === undefined) !== (tlsKey === undefined)) {
      throw new UsageError(`${(tlsCert ?? tlsKey)?.from} needs ${tlsCert ? '--tls-key' : '--tls-cert'} too`);
    }
    if (tlsDir && tlsCert) {
      throw new UsageError(
        `${tlsDir.from} cannot be combined with ${tlsCert.from} (generated or given, not both)`,
      );
    }
    if (tlsCert && tlsKey) options.tls = { certFile: tlsCert.text, keyFile: tlsKey.text };
    else if (tls || tlsDir) options.tls = tlsDir ? { dir: tlsDir.text } : {};
    if (fsync !== undefined) options.fsync = fsync;
    if (v['journal-limit']) {
      options.journalLimitBytes = integer(v['journal-limit'].from, v['journal-limit'].text, 4096, 2 ** 40);
    }
    if (v['journal-size']) {
      options.journalSize = integer(v['journal-size'].from, v['journal-size'].text, 0, 10_000_000);
    }
    if (v['ceiling-timeout-ms']) {
      const timeout = v['ceiling-timeout-ms'];
      options.ceilingTimeoutMs = integer(timeout.from, timeout.text, 1, 60_000);
    }
    if (v['control-token']) options.controlToken = v['control-token'].text;
    if (control === true && !isLoopback(options.host ?? DEFAULT_HOST) && !options.controlToken) {
      throw new UsageError(
        `--control on non-loopback host ${options.host} needs --control-token (anyone who reaches the port could rewrite the state)`,
      );
    }
    if (dropUnconfiguredApps !== undefined) options.dropUnconfiguredApps = dropUnconfiguredApps;
    if (setAsideCorruptState !== undefined) options.setAsideCorruptState = setAsideCorruptState;
    if (control !== undefined) options.control = control;
    const configFile = v.config?.text;
    if (configFile !== undefined) {
      if (v.sdkappid)
        throw new UsageError(
          `${v.sdkappid.from} cannot be combined with --config (declare the apps in the file)`,
        );
      options.config = loadConfig(configFile);
    }
    return { kind: 'run', options, configFile };
  } catch (error) {
    if (isUsageError(error) || error instanceof ConfigError)
      return { kind: 'error', message: usageMessage(error) };
    throw error;
  }
}

function loadConfig(file: string): StubConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(
      `config ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`config ${file} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    return validateConfig(value);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(`config ${file}: ${error.message}`);
    throw error;
  }
}

function shellQuote(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The banner: one `listening on` line, then a ready-to-paste example that works against a fresh stub. */
export function banner(stub: Stub, seededAccounts: readonly string[], version: string): string {
  const from = seededAccounts[0] ?? 'user0';
  const to = seededAccounts[1] ?? 'user1';
  const app = stub.apps[0];
  const lines = [`tim-marks-stub ${version}: listening on ${stub.url}`];
  lines.push(
    `  SDKAppID ${stub.sdkAppId}, admin ${stub.admin}, edition ${app?.edition}, ` +
      `ceiling ${app?.rateLimit ? `${app.rateLimit} calls/s per command` : 'off'}`,
  );
  if (stub.apps.length > 1)
    lines.push(
      `  other apps: ${stub.apps
        .slice(1)
        .map((a) => a.sdkAppId)
        .join(', ')}`,
    );
  if (stub.usesDevelopmentKey) {
    lines.push(
      '  secret key: the built-in DEVELOPMENT key (public, for local use only; --secret-key to change);',
      '  for the client and tim-marks-usersig, paste:',
      `    export TIM_SECRET_KEY=${DEVELOPMENT_SECRET_KEY}`,
    );
  }
  lines.push(
    seededAccounts.length > 0
      ? `  imported accounts: ${seededAccounts.length > 4 ? `${seededAccounts[0]}..${seededAccounts.at(-1)}` : seededAccounts.join(', ')} (again after every reset)`
      : '  no accounts are seeded: the example imports two first',
  );
  if (stub.store !== 'memory') lines.push(`  store: ${stub.store} (shared by every stub on it)`);
  lines.push(`  control plane: ${stub.controlEnabled ? `${stub.url}/__stub/health` : 'off'}`);
  if (stub.controlEnabled) lines.push(`  inspector page: ${stub.url}/__stub/ui`);
  if (stub.tls !== undefined) lines.push(...tlsBanner(stub));
  lines.push(`  UserSig of ${stub.admin} (valid 180 days):`, `    ${stub.adminUserSig}`);
  // Standard marks need the Ultimate edition (51013 otherwise); a custom mark works on every edition.
  const ultimate = app?.edition === undefined || app.edition === 'ultimate';
  lines.push(
    ultimate
      ? `  try it: star ${from}'s conversation with ${to}, then read it back:`
      : `  try it: give ${from}'s conversation with ${to} a custom mark (standard marks need Ultimate), then read it back:`,
  );
  const cacert = stub.tls?.caFile === undefined ? '' : ` --cacert ${shellQuote(stub.tls.caFile)}`;
  const curl = (url: string, body: unknown) =>
    `    curl -s -X POST ${shellQuote(url)}${cacert} -H 'Content-Type: application/json' -d ${shellQuote(JSON.stringify(body))}`;
  if (!seededAccounts.includes(from) || !seededAccounts.includes(to)) {
    lines.push(curl(stub.commandUrl('multiaccountImport'), { Accounts: [from, to] }));
  }
  const contact = { Type: 1, To_Account: to };
  lines.push(
    curl(stub.commandUrl('markContact'), {
      From_Account: from,
      MarkItem: [
        ultimate
          ? { OptType: 1, ContactItem: contact, SetMark: [1] }
          : { OptType: 2, ContactItem: contact, CustomMark: 'tried-it' },
      ],
    }),
  );
  lines.push(curl(stub.commandUrl('getContactGroup'), { From_Account: from, StartIndex: 0 }));
  return `${lines.join('\n')}\n`;
}

/** With --tls: what the port serves, and the lines that make each runtime trust the certificate. */
function tlsBanner(stub: Stub): string[] {
  const tls = stub.tls as NonNullable<Stub['tls']>;
  const lines = [`  TLS: ${stub.url} and ${stub.proxyUrl} on the same port; certificate ${tls.certFile}`];
  if (tls.caFile === undefined) {
    // A given certificate covers what it covers: say which Tencent hosts a client would refuse.
    const uncovered = [...TENCENT_API_HOSTS.keys()].filter((host) => !tls.hosts.includes(host));
    lines.push(`  it covers: ${tls.hosts.join(', ') || '(no subjectAltName)'}`);
    if (uncovered.length > 0) {
      lines.push(`  not covered (clients will refuse them through CONNECT): ${uncovered.join(', ')}`);
    }
    lines.push(`  trust the CA that issued ${tls.certFile} (given with --tls-cert)`);
  } else {
    const ca = shellQuote(tls.caFile);
    lines.push(
      `  it covers localhost, 127.0.0.1, ::1 and the Tencent API hosts, each standing for its region:`,
      ...[...TENCENT_API_HOSTS].map(([host, region]) => `    ${host} (${region})`),
      `  CA: ${tls.caFile}${tls.created.includes('ca') ? ' (new: trust it once)' : ' (reused)'}; trust it:`,
      `    Node:                     NODE_EXTRA_CA_CERTS=${ca}`,
      `    Python, Go, Rust, curl:   SSL_CERT_FILE=${ca} REQUESTS_CA_BUNDLE=${ca}`,
      `    Java:                     -Djavax.net.ssl.trustStore=${shellQuote(tls.truststoreFile as string)} -Djavax.net.ssl.trustStorePassword=${tls.truststorePassword} -Djavax.net.ssl.trustStoreType=PKCS12`,
    );
  }
  lines.push(
    `  SDKs that fix the Tencent host: HTTPS_PROXY=${stub.proxyUrl} (CONNECT answered for those hosts only, 403 for others)`,
  );
  return lines;
}

export async function main(
  argv: readonly string[] = process.argv.slice(2),
  env = process.env,
): Promise<void> {
  if (argv[0] === 'verify') {
    process.exitCode = await verifyMain(argv.slice(1), env);
    return;
  }
  const command = parseCli(argv, env);
  const version = VERSION;
  if (command.kind === 'help') {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  if (command.kind === 'version') {
    process.stdout.write(`${version}\n`);
    return;
  }
  if (command.kind === 'error') {
    process.stderr.write(usageLine('tim-marks-stub', command.message));
    process.exitCode = EXIT_USAGE;
    return;
  }
  let stub: Stub;
  try {
    stub = await startStub(command.options);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message =
      code === 'EADDRINUSE' || code === 'EACCES' || code === 'EADDRNOTAVAIL'
        ? `cannot listen on ${command.options.host ?? DEFAULT_HOST}:${command.options.port ?? DEFAULT_PORT} (${code})`
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`tim-marks-stub: ${message}\n`);
    process.exitCode = EXIT.FAILED;
    return;
  }
  const config = command.options.config;
  const seeded = config === undefined ? DEFAULT_SEED_ACCOUNTS : (config.apps[0]?.accounts ?? []);
  process.stdout.write(banner(stub, seeded, version));

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (command.options.logLevel !== 'silent') {
      process.stderr.write(`tim-marks-stub: ${signal}: finishing requests in flight, then stopping\n`);
    }
    stub.close().then(
      () => process.exit(EXIT.OK),
      (error: unknown) => {
        process.stderr.write(
          `tim-marks-stub: could not stop cleanly: ${error instanceof Error ? error.message : error}\n`,
        );
        process.exit(EXIT.FAILED);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}
