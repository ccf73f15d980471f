// `npm run load -- <scenario|check>`: runs a k6 scenario, or the Node ceiling check, against BASE_URL or a
// local stub started for the run; results go to load/out/.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  EXIT,
  isUsageError,
  packageVersion,
  parseFlags,
  UsageError,
  usageLine,
  usageMessage,
} from '@tim-marks/types/cli';
import {
  CEILING,
  EXPECTATIONS,
  isScenarioName,
  PACING_MARGIN_MS,
  SCENARIO_NAMES,
  SCENARIOS,
  type ScenarioName,
} from '../shared/plan.ts';
import { formatCheck, runCeilingCheck } from './check.ts';
import { K6_DIR, LOAD_DIR, OUT_DIR, REPO_ROOT } from './paths.ts';
import { type StubProcess, startStubProcess } from './stub-process.ts';
import { findK6, signUserSig } from './tools.ts';

export interface RunnerIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export const USAGE = `Usage: npm run load -- <scenario|check> [--rate-limit N] [-- k6 options...]

Scenarios (k6, TypeScript, in load/k6/):
${SCENARIO_NAMES.map((name) => `  ${name.padEnd(10)} ${SCENARIOS[name].description}`).join('\n')}
  check      the Node ceiling check, no k6 needed: ceiling, then overload and recovery, shortened,
             judged on the stub's per-second stats (what CI runs)

Without BASE_URL a local stub is started for the run (apps/stub-server/dist/cli.js --port 0) and a
UserSig is signed for it with packages/usersig/dist/cli.js; the stub is stopped afterwards.

Options:
  --rate-limit N   start the local stub with this ceiling (0 turns its limiter off: the checks must fail)
  -h, --help       this text
  --version        the version
  Anything after a second -- goes to \`k6 run\` as is.

Environment:
  BASE_URL         the target, e.g. https://adminapisgp.im.qcloud.com (default: a local stub)
  SDKAPPID         the SDKAppID (required with BASE_URL; the local stub's is 1400000000)
  IDENTIFIER       an App admin account (default administrator)
  USERSIG          a UserSig for IDENTIFIER; or SECRET_KEY to have one signed
  SECRET_KEY       the app's secret key, used only to sign USERSIG when it is not given
  RATE             calls/s per command under test (default ${CEILING}, the spec's ceiling)
  DURATION         total duration of the scenario, e.g. 30s or 2m (defaults: ${SCENARIO_NAMES.filter(
    (n) => n !== 'smoke',
  )
    .map((n) => `${n} ${SCENARIOS[n].durationS}s`)
    .join(', ')})
  P99_MS           bound on p(99) latency at the ceiling (default ${EXPECTATIONS.p99Ms})
  PACING_MARGIN_MS phases that must see no 60007 offer RATE calls per (1000 + this) ms, to absorb
                   timing jitter (default ${PACING_MARGIN_MS}; 0 = exactly RATE per second; see README)
  SEED             seed of the generated users, groups and marks (default 20240601)
  USERS, GROUPS    size of the generated world (default 50 and 10)
  STANDARD_MARKS   0 to send custom marks only (apps that are not Ultimate edition answer 51013)
  VUS              k6 VUs pre-allocated per scenario and command (default: enough for 250 ms latency)
  K6_BIN (or K6)   the k6 executable, when it is not on the PATH as k6 (nothing downloads k6)

Results: load/out/<scenario>-<time>/ (or LOAD_OUT_DIR): summary.json and summary.html, or check.json.

Exit codes: 0 passed; 1 the check failed or the run could not be made; 2 bad arguments or environment;
127 k6 not found (K6_BIN or K6 points at nothing, or no k6 on the PATH); a k6 run exits with k6's own code
(99: thresholds crossed).
`;

/** k6 was not found: the shell's "command not found". */
export const EXIT_NO_K6 = 127;

interface Target {
  baseUrl: string;
  sdkAppId: number;
  identifier: string;
  userSig: string;
  stub?: StubProcess;
}

async function resolveTarget(env: NodeJS.ProcessEnv, rateLimit: string | undefined): Promise<Target> {
  const identifier = env.IDENTIFIER || 'administrator';
  if (env.BASE_URL) {
    if (rateLimit !== undefined)
      throw new UsageError('--rate-limit applies only to the local stub (no BASE_URL)');
    const sdkAppId = Number(env.SDKAPPID);
    if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0)
      throw new UsageError('SDKAPPID is required with BASE_URL');
    const userSig =
      env.USERSIG || (env.SECRET_KEY ? await signUserSig(sdkAppId, identifier, env.SECRET_KEY) : '');
    if (!userSig) throw new UsageError('USERSIG (or SECRET_KEY to sign one) is required with BASE_URL');
    return { baseUrl: env.BASE_URL.replace(/\/+$/, ''), sdkAppId, identifier, userSig };
  }
  // A throwaway key: nothing about this run depends on the stub's public development key.
  const secretKey = randomBytes(24).toString('hex');
  const stub = await startStubProcess({
    secretKey,
    args: rateLimit === undefined ? [] : ['--rate-limit', rateLimit],
  });
  try {
    const sdkAppId = Number(env.SDKAPPID || 1400000000);
    return {
      baseUrl: stub.url,
      sdkAppId,
      identifier,
      userSig: await signUserSig(sdkAppId, identifier, secretKey),
      stub,
    };
  } catch (error) {
    await stub.stop();
    throw error;
  }
}

/** A path as the user would type it from the repository root. */
function shown(path: string): string {
  const inside = relative(REPO_ROOT, path);
  return inside.startsWith('..') ? path : inside;
}

function outDir(env: NodeJS.ProcessEnv, name: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = join(env.LOAD_OUT_DIR || OUT_DIR, `${name}-${stamp}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

async function runK6(
  k6: string,
  scenario: ScenarioName,
  target: Target,
  extra: string[],
  io: RunnerIo,
): Promise<number> {
  const dir = outDir(io.env, scenario);
  const child = spawn(k6, ['run', ...extra, join(K6_DIR, `${scenario}.ts`)], {
    stdio: 'inherit',
    env: {
      ...io.env,
      BASE_URL: target.baseUrl,
      SDKAPPID: String(target.sdkAppId),
      IDENTIFIER: target.identifier,
      USERSIG: target.userSig,
      OUT_DIR: dir,
    },
  });
  // Ctrl-C reaches k6 from the terminal: k6 stops the test and still writes its summary, so wait for it.
  // A SIGTERM sent to this process alone is passed on.
  const ignore = () => {};
  const forward = () => child.kill('SIGTERM');
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    io.stdout(`results: ${shown(dir)}/summary.html and summary.json\n`);
    return code ?? (signal ? 128 : 1);
  } finally {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', forward);
  }
}

async function runCheck(target: Target, io: RunnerIo): Promise<number> {
  const dir = outDir(io.env, 'check');
  const report = await runCeilingCheck({
    ...target,
    rate: io.env.RATE ? Number(io.env.RATE) : undefined,
    pacingMarginMs: io.env.PACING_MARGIN_MS ? Number(io.env.PACING_MARGIN_MS) : undefined,
    log: (line) => io.stdout(`${line}\n`),
  });
  io.stdout(formatCheck(report));
  writeFileSync(join(dir, 'check.json'), `${JSON.stringify(report, null, 2)}\n`);
  io.stdout(`results: ${shown(dir)}/check.json\n`);
  return report.ok ? EXIT.OK : EXIT.FAILED;
}

/** Runs the command line; resolves to the exit code. */
export async function runLoad(argv: readonly string[], io: RunnerIo): Promise<number> {
  const split = argv.indexOf('--');
  const own = split === -1 ? [...argv] : argv.slice(0, split);
  const extra = split === -1 ? [] : argv.slice(split + 1);
  let target: Target | undefined;
  try {
    const { values, positionals } = parseFlags(
      own,
      { 'rate-limit': { type: 'string' } },
      { positionals: true },
    );
    if (values.help) {
      io.stdout(USAGE);
      return EXIT.OK;
    }
    if (values.version) {
      io.stdout(`${packageVersion(pathToFileURL(join(LOAD_DIR, 'package.json')))}\n`);
      return EXIT.OK;
    }
    const [name, ...rest] = positionals;
    if (name === undefined) throw new UsageError('name a scenario or check');
    if (rest.length > 0) throw new UsageError(`unexpected argument ${rest[0]}`);
    if (name !== 'check' && !isScenarioName(name)) throw new UsageError(`unknown scenario ${name}`);
    const lookup = name === 'check' ? undefined : findK6(io.env);
    if (lookup && !lookup.ok) {
      io.stderr(`load: ${lookup.message}\n`);
      return EXIT_NO_K6;
    }
    const k6 = lookup?.file;
    target = await resolveTarget(io.env, values['rate-limit']);
    if (target.stub) io.stdout(`local stub: ${target.baseUrl}\n`);
    return k6 && isScenarioName(name) ? await runK6(k6, name, target, extra, io) : await runCheck(target, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(usageLine('load', usageMessage(error)));
      return EXIT.USAGE;
    }
    io.stderr(`load: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.FAILED;
  } finally {
    await target?.stub?.stop();
  }
}
