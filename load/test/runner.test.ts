// The runner end to end, with a stand-in for k6 (test/fixtures/fake-k6/k6) so that CI needs no k6:
// it starts the built stub, signs a UserSig with the built usersig CLI, runs "k6", stops the stub.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { redisInstalled } from '../../apps/stub-server/test/redis-harness.ts';
import { K6_DIR } from '../src/paths.ts';
import { EXIT_NO_K6, executionSegment, runLoad, USAGE } from '../src/runner.ts';

const fakeK6Dir = fileURLToPath(new URL('./fixtures/fake-k6', import.meta.url));
const outRoot = mkdtempSync(join(tmpdir(), 'tim-marks-load-'));
afterAll(() => rmSync(outRoot, { recursive: true, force: true }));

function io(env: NodeJS.ProcessEnv) {
  const out = { stdout: '', stderr: '' };
  return {
    out,
    io: {
      stdout: (text: string) => {
        out.stdout += text;
      },
      stderr: (text: string) => {
        out.stderr += text;
      },
      env: { LOAD_OUT_DIR: outRoot, ...env },
    },
  };
}

const withoutTarget = Object.fromEntries(
  Object.entries(process.env).filter(
    ([name]) => !['BASE_URL', 'USERSIG', 'SECRET_KEY', 'K6_BIN', 'K6'].includes(name),
  ),
);

describe('npm run load', () => {
  it('--help lists the scenarios and the environment variables', async () => {
    const { out, io: x } = io({});
    expect(await runLoad(['--help'], x)).toBe(0);
    for (const word of ['smoke', 'ceiling', 'overload', 'recovery', 'check'])
      expect(out.stdout).toContain(`  ${word} `);
    for (const name of ['BASE_URL', 'SDKAPPID', 'IDENTIFIER', 'USERSIG', 'RATE', 'DURATION']) {
      expect(out.stdout).toContain(`  ${name} `);
    }
    expect(out.stdout).toBe(USAGE);
  });

  it('says in one line how to install k6 when it is not on the PATH, and exits non-zero', async () => {
    const { out, io: x } = io({ ...withoutTarget, PATH: '/nonexistent' });
    expect(await runLoad(['smoke'], x)).toBe(127);
    expect(out.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(out.stderr).toMatch(/k6 is not on the PATH: install it \(https:\/\/grafana\.com\/docs\/k6/);
  });

  it('says K6_BIN points at nothing (not that k6 is missing from the PATH) when K6_BIN is wrong', async () => {
    const { out, io: x } = io({
      ...withoutTarget,
      K6_BIN: '/nonexistent/k6',
      PATH: `${fakeK6Dir}${delimiter}${process.env.PATH}`,
    });
    expect(await runLoad(['smoke'], x)).toBe(EXIT_NO_K6);
    expect(out.stderr).toBe(
      'load: K6_BIN=/nonexistent/k6 points at nothing: set it to the k6 executable, or unset it to use k6 from the PATH\n',
    );
    const notExecutable = io({ ...withoutTarget, K6_BIN: fileURLToPath(import.meta.url) });
    expect(await runLoad(['smoke'], notExecutable.io)).toBe(EXIT_NO_K6);
    expect(notExecutable.out.stderr).toMatch(/K6_BIN=.* is not executable/);
  });

  it('takes K6 as the k6 executable too, naming it when it is wrong', async () => {
    const { out, io: x } = io({ ...withoutTarget, K6: '/nonexistent/k6', PATH: '/nonexistent' });
    expect(await runLoad(['mixed'], x)).toBe(EXIT_NO_K6);
    expect(out.stderr).toBe(
      'load: K6=/nonexistent/k6 points at nothing: set it to the k6 executable, or unset it to use k6 from the PATH\n',
    );
  });

  it('--version prints the version; bad flags exit 2 in the shared one-line shape', async () => {
    const version = io({});
    expect(await runLoad(['--version'], version.io)).toBe(0);
    expect(version.out.stdout).toBe('0.1.0\n');
    const bad = io({});
    expect(await runLoad(['check', '--rate-limit'], bad.io)).toBe(2);
    expect(bad.out.stderr).toBe("load: Option '--rate-limit <value>' argument missing (see --help)\n");
  });

  it('refuses an unknown scenario and options that do not apply', async () => {
    const unknown = io(withoutTarget);
    expect(await runLoad(['soak'], unknown.io)).toBe(2);
    expect(unknown.out.stderr).toBe('load: unknown scenario soak (see --help)\n');
    const remote = io({ ...withoutTarget, BASE_URL: 'https://example.invalid', SDKAPPID: '1' });
    expect(await runLoad(['check', '--rate-limit', '0'], remote.io)).toBe(2);
    const noSig = io({ ...withoutTarget, BASE_URL: 'https://example.invalid', SDKAPPID: '1' });
    expect(await runLoad(['check'], noSig.io)).toBe(2);
    expect(noSig.out.stderr).toContain('USERSIG (or SECRET_KEY to sign one) is required with BASE_URL');
  });

  it('starts a stub, signs a UserSig for it, runs k6 with the scenario and the target, then stops the stub', async () => {
    const { out, io: x } = io({ ...withoutTarget, PATH: `${fakeK6Dir}${delimiter}${process.env.PATH}` });
    // On a failure, what the runner said is the diagnosis.
    expect(await runLoad(['ceiling', '--', '--quiet'], x), `${out.stdout}\n${out.stderr}`).toBe(0);
    const [dir] = readdirSync(outRoot).filter((name) => name.startsWith('ceiling-'));
    const seen = JSON.parse(readFileSync(join(outRoot, dir!, 'fake-k6.json'), 'utf8'));
    expect(seen.args).toEqual(['run', '--quiet', join(K6_DIR, 'ceiling.ts')]);
    expect(seen.BASE_URL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(seen).toMatchObject({ SDKAPPID: '1400000000', IDENTIFIER: 'administrator' });
    // The UserSig verified: the stub answered the call itself.
    expect(seen.answer).toMatchObject({ ActionStatus: 'OK', ErrorCode: 0 });
    expect(out.stdout).toContain(`local stub: ${seen.BASE_URL}`);
    await expect(fetch(`${seen.BASE_URL}/__stub/health`)).rejects.toThrow();
  }, 30_000);

  it("exits with k6's exit code (99: thresholds crossed)", async () => {
    const { out, io: x } = io({
      ...withoutTarget,
      PATH: `${fakeK6Dir}${delimiter}${process.env.PATH}`,
      FAKE_K6_EXIT: '99',
    });
    expect(await runLoad(['smoke'], x), `${out.stdout}\n${out.stderr}`).toBe(99);
  }, 30_000);

  it('refuses --segments for the check, --replicas beyond 64 and a --store that is not Redis', async () => {
    for (const [args, message] of [
      [['check', '--segments', '2'], '--segments splits k6 scenarios, not the check'],
      [['check', '--replicas', '0'], '--replicas must be a whole number from 1 to 64'],
      [['check', '--replicas', '2', '--store', 'memcached://x'], '--store takes a redis://HOST:PORT[/DB]'],
    ] as const) {
      const { out, io: x } = io(withoutTarget);
      expect(await runLoad(args, x)).toBe(2);
      expect(out.stderr).toContain(message);
    }
    const remote = io({ ...withoutTarget, BASE_URL: 'https://example.invalid', SDKAPPID: '1', USERSIG: 'x' });
    expect(await runLoad(['check', '--replicas', '2'], remote.io)).toBe(2);
    expect(remote.out.stderr).toContain('--replicas and --store apply only to local stubs');
  });

  it.skipIf(!redisInstalled())(
    '--replicas 2 --segments 2: two replicas on one Redis, one k6 per execution segment, each against its replica, the verdict on the sum',
    async () => {
      const root = join(outRoot, 'distributed');
      const { out, io: x } = io({
        ...withoutTarget,
        PATH: `${fakeK6Dir}${delimiter}${process.env.PATH}`,
        LOAD_OUT_DIR: root,
      });
      const code = await runLoad(['ceiling', '--replicas', '2', '--segments', '2', '--', '--quiet'], x);
      // On a failure, what the runner said is the diagnosis.
      expect(code, `${out.stdout}\n${out.stderr}`).toBe(0);
      const [dir] = readdirSync(root);
      const seen = [1, 2].map((i) =>
        JSON.parse(readFileSync(join(root, dir!, `segment-${i}`, 'fake-k6.json'), 'utf8')),
      );
      const script = join(K6_DIR, 'ceiling.ts');
      expect(seen.map((s) => s.args)).toEqual([
        ['run', '--execution-segment', '0:1/2', '--execution-segment-sequence', '0,1/2,1', '--quiet', script],
        ['run', '--execution-segment', '1/2:1', '--execution-segment-sequence', '0,1/2,1', '--quiet', script],
      ]);
      // One replica each, and no segment resets what the other set up.
      expect(seen[0].BASE_URL).not.toBe(seen[1].BASE_URL);
      expect(seen.map((s) => s.RESET)).toEqual(['0', '0']);
      for (const s of seen) expect(s.answer).toMatchObject({ ErrorCode: 0 });
      expect(out.stdout).toMatch(
        /local stubs: \S+ \S+ \(store redis:\/\/127\.0\.0\.1:\d+, a redis-server started for this run\)/,
      );
      expect(out.stdout).toContain('aggregate of 2 replicas');
      expect(out.stdout).toContain('aggregate ceiling check PASSED');
      const aggregate = JSON.parse(readFileSync(join(root, dir!, 'aggregate.json'), 'utf8'));
      // The fake k6 made one read through each replica: each replica counts its own.
      expect(aggregate.replicas).toHaveLength(2);
      const reads = aggregate.perReplica.map(
        (series: { command: string; totals: { accepted: number } }[]) =>
          series.find((s) => s.command === 'getContactGroup')?.totals.accepted,
      );
      expect(reads).toEqual([1, 1]);
    },
    60_000,
  );
});

describe('executionSegment', () => {
  it('gives segment i of n and the sequence k6-operator uses', () => {
    expect(executionSegment(0, 1)).toEqual({ segment: '0:1', sequence: '0,1' });
    expect(executionSegment(1, 3)).toEqual({ segment: '1/3:2/3', sequence: '0,1/3,2/3,1' });
    expect(executionSegment(2, 3)).toEqual({ segment: '2/3:1', sequence: '0,1/3,2/3,1' });
  });
});
