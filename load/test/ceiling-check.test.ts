// The ceiling, proved on every change without k6: the Node check against the built stub binary
// (apps/stub-server/dist/cli.js, port 0). It prints its per-second table. And the same check must fail
// when the stub's limiter is off (--rate-limit 0), or it proves nothing.
import { randomBytes } from 'node:crypto';
import { sign } from '@tim-marks/usersig';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisNode, startRedis } from '../../apps/stub-server/test/redis-harness.ts';
import { formatCheck, runCeilingCheck } from '../src/check.ts';
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
  if (redis !== undefined) args = [...args, '--store', `${redis.url}?prefix=ceiling${++stubsOnRedis}:`];
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

describe('the ceiling check against the stub', () => {
  it('passes: no 60007 at the ceiling, the excess refused at twice the ceiling, recovery after the window', async () => {
    const report = await checkAgainstStub([]);
    expect(report.stub).toBe(true);
    expect(report.failures).toEqual([]);
    expect(report.ok).toBe(true);
    // The limiter was driven to its ceiling, exactly, and not beyond.
    for (const verdict of report.window) expect(verdict.maxAcceptedInWindow).toBe(200);
    const overload = report.phases.find((p) => p.phase.name === 'overload');
    expect(overload?.refused).toBeGreaterThan(0);
    expect(overload?.accepted).toBeGreaterThan(0);
  }, 60_000);

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
