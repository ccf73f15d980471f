// The ceiling: a sliding one-second window per (SDKAppID, command), refused calls answer 60007.
import { ErrorCode, LIMITS } from '@tim-marks/types';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SlidingWindow } from '../src/limiter.js';
import type { Stub } from '../src/stub.js';
import { c2c, call, rawBurst, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({
    rateLimit: 200,
    config: {
      apps: [
        { sdkAppId: 1400000000, accounts: ['user0', 'user1'] },
        { sdkAppId: 1400000001, accounts: ['user0'] },
      ],
    },
  });
  // Warm the server up (JIT) so that a burst of 300 takes a small part of the one-second window.
  stub.control.setRateLimit(1400000000, 0);
  await burst(2000);
  stub.control.setRateLimit(1400000000, 200);
});
afterAll(() => stub.close());
beforeEach(async () => {
  await stub.control.reset();
});

const READ = { From_Account: 'user0', StartIndex: 0 };
const read = (sdkAppId = 1400000000) => call(stub, 'getContactGroup', READ, { sdkAppId });

async function burst(n: number, query: Record<string, string> = {}) {
  const url = new URL(stub.commandUrl('getContactGroup'));
  for (const [name, value] of Object.entries(query)) url.searchParams.set(name, value);
  const started = performance.now();
  const answers = await rawBurst(url.toString(), READ, n, 'getContactGroup');
  if (process.env.DEBUG_BURST) console.log(`burst of ${n}: ${(performance.now() - started).toFixed(0)} ms`);
  const codes = answers.map((a) => a.ErrorCode);
  return {
    accepted: codes.filter((c) => c === 0).length,
    refused: codes.filter((c) => c === ErrorCode.RATE_LIMITED).length,
    answers,
  };
}

describe('the ceiling', () => {
  it('lets exactly 200 of a burst of 300 through; the others answer 60007 in the envelope', async () => {
    const { accepted, refused, answers } = await burst(300);
    expect({ accepted, refused }).toEqual({ accepted: 200, refused: 100 });
    const one = answers.find((a) => a.ErrorCode === ErrorCode.RATE_LIMITED);
    expect(one).toEqual({
      ActionStatus: 'FAIL',
      ErrorCode: ErrorCode.RATE_LIMITED,
      ErrorInfo: expect.stringContaining('v4/recentcontact/get_contact_group'),
      ErrorDisplay: '',
    });
    const stats = stub.control.stats({ sdkAppId: 1400000000, command: 'getContactGroup' });
    expect(stats.series).toHaveLength(1);
    expect(stats.series[0]).toMatchObject({
      ceiling: 200,
      maxAcceptedInWindow: 200,
      totals: { accepted: 200, refused: 100, errors: 0 },
    });
  });

  it('is per command and per app', async () => {
    await burst(250);
    const mark = await call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    expect(mark.ErrorCode).toBe(0);
    expect((await read(1400000001)).ErrorCode).toBe(0);
  });

  it('gives each conversation-group command its own 200/s ceiling', async () => {
    const bodies = {
      createContactGroup: { From_Account: 'user0', GroupContactItem: [{ GroupName: 'g', ContactItem: [] }] },
      updateContactGroup: {
        From_Account: 'user0',
        UpdateType: 1,
        UpdateGroup: { UpdateGroupType: 1, OldGroupName: 'g', NewGroupName: 'g' },
      },
      delContactGroup: { From_Account: 'user0', GroupName: ['none'] },
      searchContactGroup: { From_Account: 'user0', ContactItem: [{ Type: 1, To_Account: 'user1' }] },
    } as const;
    for (const [command, body] of Object.entries(bodies) as [keyof typeof bodies, unknown][]) {
      const answers = await rawBurst(stub.commandUrl(command), body, 300, command);
      const refused = answers.filter((a) => a.ErrorCode === ErrorCode.RATE_LIMITED).length;
      // Admitted calls may still fail for their own reasons (51011, 51009), and still count.
      expect({ command, refused }).toEqual({ command, refused: 100 });
      // The other commands are not touched by this one's window.
      expect((await read()).ErrorCode).toBe(0);
    }
  });

  it('does not count refused calls nor calls rejected by authentication', async () => {
    const unauthenticated = await burst(250, { usersig: 'broken' });
    expect(unauthenticated.answers.every((a) => a.ErrorCode === ErrorCode.USERSIG_INVALID)).toBe(true);
    expect((await burst(300)).accepted).toBe(200);
    // A full window later, the refused calls have not used up anything.
    await new Promise((resolve) => setTimeout(resolve, LIMITS.rateWindowMs + 100));
    expect((await burst(300)).accepted).toBe(200);
    expect(
      stub.control.stats({ command: 'v4/recentcontact/get_contact_group', sdkAppId: 1400000000 }).series[0]
        ?.totals,
    ).toEqual({
      accepted: 400,
      refused: 200,
      errors: 0,
    });
  });

  it('can be turned off (0) and changed at run time', async () => {
    stub.control.setRateLimit(1400000000, 0);
    try {
      expect((await burst(300)).accepted).toBe(300);
      await stub.control.reset();
      stub.control.setRateLimit(1400000000, 10);
      expect((await burst(30)).accepted).toBe(10);
    } finally {
      stub.control.setRateLimit(1400000000, 200);
    }
  });

  it('counts admitted calls that fail afterwards as errors', async () => {
    await call(stub, 'getContactGroup', { From_Account: 'stranger', StartIndex: 0 });
    await call(stub, 'getContactGroup', { From_Account: 'user0' });
    await read();
    expect(
      stub.control.stats({ command: 'getContactGroup', sdkAppId: 1400000000 }).series[0]?.totals,
    ).toEqual({
      accepted: 3,
      refused: 0,
      errors: 2,
    });
  });
});

describe('SlidingWindow', () => {
  it('admits iff fewer than N admissions happened in the last 1000 ms (not per calendar second)', () => {
    const window = new SlidingWindow(3, 1000);
    expect([window.admit(0), window.admit(400), window.admit(999.5)]).toEqual([true, true, true]);
    expect(window.admit(999.9)).toBe(false); // three in (−0.1, 999.9]
    expect(window.admit(1000)).toBe(true); // the one at 0 left the window
    expect(window.admit(1399)).toBe(false);
    expect(window.admit(1400)).toBe(true);
    expect(window.maxInWindow).toBe(3);
  });

  it('does not count refusals', () => {
    const window = new SlidingWindow(1, 1000);
    expect(window.admit(0)).toBe(true);
    for (let t = 1; t < 1000; t += 10) expect(window.admit(t)).toBe(false);
    expect(window.admit(1000)).toBe(true);
  });

  it('measures the most admitted in any window also with the ceiling off', () => {
    const window = new SlidingWindow(0, 1000);
    for (let i = 0; i < 1000; i++) window.admit(i * 0.5); // 1000 calls in 500 ms
    for (let i = 0; i < 10; i++) window.admit(2000 + i * 200);
    expect(window.maxInWindow).toBe(1000);
    expect(window.inWindow(2000 + 9 * 200)).toBe(5);
  });
});
