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
  scenarioCommands,
} from '../shared/plan.ts';
import { aggregateSeries } from '../shared/report.ts';
import { judgeAggregate } from './aggregate.ts';
import { formatCheck, runCeilingCheck } from './check.ts';
import { isStub, resetStub, stubStats } from './control.ts';
import { K6_DIR, LOAD_DIR, OUT_DIR, REPO_ROOT } from './paths.ts';
import { type Replicas, startReplicas } from './replicas.ts';
import { findK6, signUserSig } from './tools.ts';

export interface RunnerIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export const USAGE = `Usage: npm run load -- <scenario|check> [--rate-limit N] [--replicas N [--store URL]] [--segments N] [-- k6 options...]

Scenarios (k6, TypeScript, in load/k6/):
${SCENARIO_NAMES.map((name) => `  ${name.padEnd(10)} ${SCENARIOS[name].description}`).join('\n')}
  check      the Node ceiling check, no k6 needed: ceiling, then overload and recovery, shortened,
             judged on the stub's per-second stats (what CI runs)

Without BASE_URL a local stub is started for the run (apps/stub-server/dist/cli.js --port 0) and a
UserSig is signed for it with packages/usersig/dist/cli.js; the stub is stopped afterwards.

Options:
  --rate-limit N   start the local stub with this ceiling (0 turns its limiter off: the checks must fail)
  --replicas N     start N local stub replicas sharing one store and one ceiling (default 1); calls go to
                   them in turn (k6: segment i to replica i mod N), and the verdict is on their stats
                   added up. With N > 1 and no --store, a redis-server is started for the run (Debian's
                   redis-server on the PATH; loopback, free port, temporary directory, removed after)
  --store URL      the replicas' store, e.g. redis://127.0.0.1:6379 (default: memory for one replica)
  --segments N     split a k6 scenario over N k6 processes with --execution-segment and
                   --execution-segment-sequence, as k6-operator does (default 1); the target is reset
                   once by the runner, not by each segment, and the ceiling is judged on the aggregate
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
  RESET            0: the k6 script does not reset the stub in setup (set by the runner for segments)
  K6_BIN (or K6)   the k6 executable, when it is not on the PATH as k6 (nothing downloads k6)

Results: load/out/<scenario>-<time>/ (or LOAD_OUT_DIR): summary.json and summary.html, or check.json;
with --segments, one segment-I/ folder per k6 process and aggregate.json.

Exit codes: 0 passed; 1 the check (or the aggregate verdict) failed or the run could not be made; 2 bad arguments or environment;
127 k6 not found (K6_BIN or K6 points at nothing, or no k6 on the PATH); a k6 run exits with k6's own code
(99: thresholds crossed).
`;

/** k6 was not found: the shell's "command not found". */
export const EXIT_NO_K6 = 127;

interface Target {
  baseUrl: string;
  /** Every replica (baseUrl first); one entry unless --replicas started several. */
  replicas: string[];
  sdkAppId: number;
  identifier: string;
  userSig: string;
  local?: Replicas;
}

interface LocalOptions {
  rateLimit: string | undefined;
  replicas: number;
  store: string | undefined;
}

async function resolveTarget(env: NodeJS.ProcessEnv, local: LocalOptions): Promise<Target> {
  const identifier = env.IDENTIFIER || 'administrator';
  if (env.BASE_URL) {
    if (local.rateLimit !== undefined)
      throw new UsageError('--rate-limit applies only to the local stub (no BASE_URL)');
    if (local.replicas !== 1 || local.store !== undefined)
      throw new UsageError('--replicas and --store apply only to local stubs (no BASE_URL)');
    const sdkAppId = Number(env.SDKAPPID);
    if (!Number.isSafeInteger(sdkAppId) || sdkAppId <= 0)
      throw new UsageError('SDKAPPID is required with BASE_URL');
    const userSig =
      env.USERSIG || (env.SECRET_KEY ? await signUserSig(sdkAppId, identifier, env.SECRET_KEY) : '');
    if (!userSig) throw new UsageError('USERSIG (or SECRET_KEY to sign one) is required with BASE_URL');
    const baseUrl = env.BASE_URL.replace(/\/+$/, '');
    return { baseUrl, replicas: [baseUrl], sdkAppId, identifier, userSig };
  }
  // A throwaway key: nothing about this run depends on the stub's public development key.
  const secretKey = randomBytes(24).toString('hex');
  const replicas = await startReplicas({
    count: local.replicas,
    store: local.store,
    secretKey,
    args: local.rateLimit === undefined ? [] : ['--rate-limit', local.rateLimit],
  });
  try {
    const sdkAppId = Number(env.SDKAPPID || 1400000000);
    return {
      baseUrl: replicas.urls[0] as string,
      replicas: replicas.urls,
      sdkAppId,
      identifier,
      userSig: await signUserSig(sdkAppId, identifier, secretKey),
      local: replicas,
    };
  } catch (error) {
    await replicas.stop();
    throw error;
  }
}

/** A count option: a whole number from 1 to 64. */
function count(name: string, value: string | undefined): number {
  if (value === undefined) return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new UsageError(`--${name} must be a whole number from 1 to 64`);
  return n;
}

/** k6's --execution-segment of segment `i` of `n`, and the sequence all segments share. */
export function executionSegment(i: number, n: number): { segment: string; sequence: string } {
  const at = (k: number) => (k === 0 ? '0' : k === n ? '1' : `${k}/${n}`);
  return {
    segment: `${at(i)}:${at(i + 1)}`,
    sequence: Array.from({ length: n + 1 }, (_, k) => at(k)).join(','),
  };
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
  segments: number,
  io: RunnerIo,
): Promise<number> {
  const dir = outDir(io.env, scenario);
  const env = {
    ...io.env,
    SDKAPPID: String(target.sdkAppId),
    IDENTIFIER: target.identifier,
    USERSIG: target.userSig,
  };
  if (segments === 1 && target.replicas.length === 1) {
    const code = await k6Process(
      k6,
      scenario,
      extra,
      { ...env, BASE_URL: target.baseUrl, OUT_DIR: dir },
      'inherit',
    );
    io.stdout(`results: ${shown(dir)}/summary.html and summary.json\n`);
    return code;
  }
  // Distributed: the runner resets every replica once (a segment's setup would wipe what another one
  // already set up), then each segment drives its share of every scenario against its replica.
  const stub = await isStub(target.baseUrl);
  if (stub) for (const url of target.replicas) await resetStub(url, target.sdkAppId);
  const started = Date.now();
  const codes = await Promise.all(
    Array.from({ length: segments }, (_, i) => {
      const { segment, sequence } = executionSegment(i, segments);
      const baseUrl = target.replicas[i % target.replicas.length] as string;
      const out = join(dir, `segment-${i + 1}`);
      mkdirSync(out, { recursive: true });
      io.stdout(`segment ${i + 1}/${segments}: --execution-segment ${segment} → ${baseUrl}\n`);
      const args = ['--execution-segment', segment, '--execution-segment-sequence', sequence, ...extra];
      return k6Process(
        k6,
        scenario,
        args,
        { ...env, BASE_URL: baseUrl, OUT_DIR: out, RESET: '0' },
        'pipe',
        (text) => io.stdout(prefixLines(`[segment ${i + 1}] `, text)),
      );
    }),
  );
  io.stdout(`k6 exit codes: ${codes.join(', ')} (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
  let verdictOk = true;
  if (stub) {
    const rate = io.env.RATE ? Number(io.env.RATE) : CEILING;
    const perReplica = (
      await Promise.all(
        target.replicas.map((url) => stubStats(url, target.sdkAppId, scenarioCommands(scenario), 3600)),
      )
    ).map((counts) => counts.series);
    const stats = aggregateSeries(perReplica);
    const overload = SCENARIOS[scenario].phases.some((phase) => phase.expect === 'split');
    const verdict = judgeAggregate(stats, rate, target.replicas.length, overload);
    io.stdout(`\n${verdict.text}`);
    writeFileSync(
      join(dir, 'aggregate.json'),
      `${JSON.stringify({ segments, replicas: target.replicas, codes, verdict, perReplica }, null, 2)}\n`,
    );
    verdictOk = verdict.ok;
  }
  io.stdout(`results: ${shown(dir)}/segment-*/summary.html${stub ? ' and aggregate.json' : ''}\n`);
  const failed = codes.find((code) => code !== 0);
  return failed ?? (verdictOk ? EXIT.OK : EXIT.FAILED);
}

function prefixLines(prefix: string, text: string): string {
  return text.replace(/^(?=.)/gm, prefix);
}

/** One `k6 run`; resolves to its exit code. */
async function k6Process(
  k6: string,
  scenario: ScenarioName,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  stdio: 'inherit' | 'pipe',
  write?: (text: string) => void,
): Promise<number> {
  const child = spawn(k6, ['run', ...args, join(K6_DIR, `${scenario}.ts`)], {
    stdio: stdio === 'inherit' ? 'inherit' : ['ignore', 'pipe', 'pipe'],
    env,
  });
  if (stdio === 'pipe') {
    // Line by line, so that the segments' outputs interleave by whole lines.
    for (const stream of [child.stdout, child.stderr]) {
      let rest = '';
      stream?.on('data', (chunk: Buffer) => {
        const text = rest + chunk.toString();
        const end = text.lastIndexOf('\n') + 1;
        rest = text.slice(end);
        if (end > 0) write?.(text.slice(0, end));
      });
      stream?.on('end', () => rest && write?.(`${rest}\n`));
    }
  }
  // Ctrl-C reaches k6 from the terminal: k6 stops the test and still writes its summary, so wait for it.
  // A SIGTERM sent to this process alone is passed on.
  const ignore = () => {};
  const forward = () => child.kill('SIGTERM');
  process.on('SIGINT', ignore);
  process.on('SIGTERM', forward);
  try {
    const [code, signal] = (await once(child, 'exit')) as [number | null, NodeJS.Signals | null];
    return code ?? (signal ? 128 : 1);
  } finally {
    process.off('SIGINT', ignore);
    process.off('SIGTERM', forward);
  }
}

async function runCheck(target: Target, io: RunnerIo): Promise<number> {
  const dir = outDir(io.env, 'check');
  if (target.replicas.length > 1) io.stdout(`replicas: ${target.replicas.join(' ')}\n`);
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
      {
        'rate-limit': { type: 'string' },
        replicas: { type: 'string' },
        segments: { type: 'string' },
        store: { type: 'string' },
      },
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
    const replicas = count('replicas', values.replicas);
    const segments = count('segments', values.segments);
    if (name === 'check' && segments > 1)
      throw new UsageError('--segments splits k6 scenarios, not the check');
    if (values.store !== undefined && !/^rediss?:\/\//.test(values.store)) {
      throw new UsageError('--store takes a redis://HOST:PORT[/DB] or rediss:// URL');
    }
    const lookup = name === 'check' ? undefined : findK6(io.env);
    if (lookup && !lookup.ok) {
      io.stderr(`load: ${lookup.message}\n`);
      return EXIT_NO_K6;
    }
    const k6 = lookup?.file;
    target = await resolveTarget(io.env, { rateLimit: values['rate-limit'], replicas, store: values.store });
    if (target.local) {
      const { store, startedRedis } = target.local;
      io.stdout(
        `local stub${target.replicas.length > 1 ? 's' : ''}: ${target.replicas.join(' ')}` +
          `${store ? ` (store ${store}${startedRedis ? ', a redis-server started for this run' : ''})` : ''}\n`,
      );
    }
    return k6 && isScenarioName(name)
      ? await runK6(k6, name, target, extra, segments, io)
      : await runCheck(target, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(usageLine('load', usageMessage(error)));
      return EXIT.USAGE;
    }
    io.stderr(`load: ${error instanceof Error ? error.message : String(error)}\n`);
    return EXIT.FAILED;
  } finally {
    await target?.local?.stop();
  }
}
