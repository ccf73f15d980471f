// The ceiling, proved on every change without k6: the Node check against the built stub binary
// (apps/stub-server/dist/cli.js, port 0). It prints its per-second table. And the same check must fail
// when the stub's limiter is off (--rate-limit 0), or it proves nothing. Two replicas on one Redis
// (what `npm run load -- check --replicas 2` starts) must hold the same ceiling between them.
import { randomBytes } from 'node:crypto';
import { sign } from '@tim-marks/usersig';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisNode, redisInstalled, startRedis } from '../../apps/stub-server/test/redis-harness.ts';
import { formatCheck, runCeilingCheck } from '../src/check.ts';
import { stubStats } from '../src/control.ts';
import { startReplicas } from '../src/replicas.ts';
import { startStubProcess } from '../src/stub-process.ts';

// STORE=redis: each stub runs with --store on a redis-server started for this file (its own key prefix).
let redis: RedisNode | undefined;
let stubsOnRedis = 0;
beforeAll(async () => {
  if (process.env.STORE === 'redis') redis = await startRedis();
}, 30_000);
afterAll(async () => {
  await redis?.destroy();
});

// The stub's default app, which the CLI serves without --config.
const sdkAppId = 1400000000;
const identifier = 'administrator';

async function checkAgainstStub(
  args: string[],
  plan?: Parameters<typeof runCeilingCheck>[0]['plan'],
  expectFailure = false,
) {
  const secretKey = randomBytes(24).toString('hex');
  if (redis !== undefined) {
    // A loaded 2-core machine can hold Redis's answer past the default 80 ms; this check judges counts, not latency.
    args = [
      ...args,
      '--store',
      `${redis.url}?prefix=ceiling${++stubsOnRedis}:`,
      '--ceiling-timeout-ms',
      '1000',
    ];
  }
  const stub = await startStubProcess({ secretKey, args });
  try {
    const userSig = sign({ sdkAppId, identifier, secretKey });
    const report = await runCeilingCheck({ baseUrl: stub.url, sdkAppId, identifier, userSig, plan });
    process.stdout.write(
      `\nceiling check against the stub ${args.join(' ')}\n${formatCheck(report, { expectFailure })}`,
    );
    return report;
  } finally {
    await stub.stop();
  }
}

// The check explains a second of overload below the floor by a measured delay of the driver or by a
// stall the stub reported (its event loop held up: its stats' `stalls`). One explained by neither has
// still been seen on this shared 2-core machine at load average 15; only such a run is repeated (three
// runs at most). Every other failure (a window over the ceiling, a 60007 at the ceiling, nothing
// refused) is judged on the run that showed it.
const FLOOR_SHORTFALL = /below \d+ \(\d+% of \d+\) with no delay long enough to explain it$/;
async function withFloorRetries<T extends { failures: string[] }>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const report = await run();
    const onlyFloor =
      report.failures.length > 0 && report.failures.every((failure) => FLOOR_SHORTFALL.test(failure));
    if (!onlyFloor || attempt === 3) return report;
    process.stdout.write(`\n(only a floor shortfall on run ${attempt} of 3: the check runs again)\n`);
  }
}

describe('the ceiling check against the stub', () => {
  it('passes: no 60007 at the ceiling, the excess refused at twice the ceiling, recovery after the window', async () => {
    const report = await withFloorRetries(() => checkAgainstStub([]));
    expect(report.stub).toBe(true);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    // The limiter was driven to its ceiling, exactly, and not beyond.
    for (const verdict of report.window) expect(verdict.maxAcceptedInWindow).toBe(200);
    const overload = report.phases.find((p) => p.phase.name === 'overload');
    expect(overload?.refused).toBeGreaterThan(0);
    expect(overload?.accepted).toBeGreaterThan(0);
  }, 150_000);

  it('mixed: marks, group updates and both reads at their own ceilings together, with no unexplained 60007', async () => {
    const report = await checkAgainstStub([], [{ scenario: 'mixed', seconds: 3 }]);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.window.map((verdict) => verdict.command).sort()).toEqual([
      'getContactGroup',
      'markContact',
      'searchContactGroup',
      'updateContactGroup',
    ]);
    // The limiter is per command: each of the four admits up to the ceiling, none beyond it. (A 60007
    // that a delay beyond the pacing margin explains is the check's to judge, not a timing assertion here.)
    for (const verdict of report.window) expect(verdict.maxAcceptedInWindow).toBeLessThanOrEqual(200);
  }, 60_000);

  it('rejects a stub without a limiter: the excess is accepted and nothing is refused', async () => {
    const report = await checkAgainstStub(
      ['--rate-limit', '0'],
      [{ scenario: 'overload', seconds: 2 }],
      true,
    );
    expect(report.ok).toBe(false);
    expect(report.failures).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^markContact: \d+ calls accepted within one 1000 ms window \(ceiling 200\)$/),
        expect.stringMatching(
          /^getContactGroup: \d+ calls accepted within one 1000 ms window \(ceiling 200\)$/,
        ),
        expect.stringMatching(/overload .*: no call was refused with 60007 at twice the ceiling$/),
      ]),
    );
  }, 60_000);
});

// Its own redis-server (what the runner starts), so it runs once, in the plain run, not again under STORE=redis.
describe.skipIf(!redisInstalled() || process.env.STORE === 'redis')(
  'the ceiling check against two replicas on one Redis',
  () => {
    it('holds the ceiling between them: at most 200 in any 1000 ms window, at least 190 in each second of twice the ceiling', async () => {
      const secretKey = randomBytes(24).toString('hex');
      const replicas = await startReplicas({ count: 2, secretKey, args: ['--ceiling-timeout-ms', '1000'] });
      try {
        const userSig = sign({ sdkAppId, identifier, secretKey });
        const report = await withFloorRetries(async () => {
          const attempt = await runCeilingCheck({
            baseUrl: replicas.urls[0] as string,
            replicas: replicas.urls,
            sdkAppId,
            identifier,
            userSig,
            plan: [{ scenario: 'overload', seconds: 3 }],
          });
          process.stdout.write(
            `\nceiling check against two replicas on ${replicas.store}\n${formatCheck(attempt)}`,
          );
          return attempt;
        });
        expect(report.replicas).toBe(2);
        // The counts are judged, not the machine's timing: a call whose ceiling or store answer took
        // Redis more than 80 ms answers 50004 (the fail-fast rule, tested in the stub's
        // ceiling-redis.test.ts), which a loaded machine produces; the check lists those too, and they
        // are printed above, not judged here. What is judged: no window and no second over the ceiling,
        // the excess refused, and every second of overload at 190 or more unless a measured delay of
        // the driver explains it.
        const ceilingFailures = report.failures.filter(
          (failure) => !/ accepted calls did not succeed \(/.test(failure),
        );
        expect(ceilingFailures).toEqual([]);
        for (const verdict of report.window) {
          // The shared window, as Redis counted it: full, and never over.
          expect(verdict.maxAcceptedInWindow).toBe(200);
          expect(verdict.maxAcceptedInSecond).toBeLessThanOrEqual(200);
        }
        const overload = report.phases.find((p) => p.phase.name === 'overload');
        // Offered 2x the ceiling between them (400/s per command), about half was refused.
        expect(overload?.phase.rate).toBe(400);
        expect(overload?.refused).toBeGreaterThan(0);
        // Each replica took its share: the verdict is on a sum, not on one replica.
        for (const url of replicas.urls) {
          const own = await stubStats(url, sdkAppId, ['markContact']);
          expect(own.series[0]?.totals.accepted).toBeGreaterThan(0);
        }
      } finally {
        await replicas.stop();
      }
    }, 150_000);
  },
);
