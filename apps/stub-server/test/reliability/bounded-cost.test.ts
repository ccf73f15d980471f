// Issue 14 rows 3 and 4: no request that fits the body limit may freeze the stub. Each adversarial
// shape of bench/worst-shapes.mjs (the ones bench:worst times) gets its answer, and a normal request
// sent while the worst ones are in flight is answered with its own result. No timing is asserted:
// the bound itself is proven by counting in packages/types/test/rules-cost.test.ts, and measured in
// BENCHMARKS.md (`## Worst request`).
import { ErrorCode } from '@tim-marks/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a plain .mjs module shared with the benchmark, without types
import { NORMAL_BODY, worstShapes } from '../../bench/worst-shapes.mjs';
import { MAX_MEMBERS, MAX_VALUES, structureProblem } from '../../src/body.js';
import { LARGE_BODY_BYTES, LargeBodyBudget } from '../../src/large-bodies.js';
import type { Stub } from '../../src/stub.js';
import { call, testStub } from '../helpers.js';

interface Shape {
  name: string;
  command: 'markContact' | 'multiaccountImport' | 'getContactGroup';
  body: string;
  code: number;
  items?: number[];
}

const SHAPES = (worstShapes as () => Shape[])();

let stub: Stub;
beforeAll(async () => {
  // The large-body budget off: every shape is parsed and answered by the rules (it is tested below).
  stub = await testStub({
    rateLimit: 0,
    largeBodyMsPerSecond: 0,
    config: { apps: [{ sdkAppId: 1400000000, accounts: ['user0', 'user1'] }] },
  });
});
afterAll(() => stub.close());

describe('the most expensive requests that fit the body limit', () => {
  it.each(SHAPES.map((shape) => [shape.name, shape] as const))('%s: answered', async (_, shape) => {
    const answer = await call(stub, shape.command, undefined, { raw: shape.body });
    expect(answer.ErrorCode).toBe(shape.code);
    if (shape.items !== undefined) {
      const codes = (answer.ResultItem as { ResultCode: number }[]).map((r) => r.ResultCode);
      expect(codes.slice(0, shape.items.length)).toEqual(shape.items);
    }
  });

  it('a normal request sent among them is answered with its own result', async () => {
    const attacks = SHAPES.map((shape) => call(stub, shape.command, undefined, { raw: shape.body }));
    const normal = await call(stub, 'markContact', undefined, { raw: NORMAL_BODY as string });
    expect(normal).toMatchObject({ ErrorCode: 0, ResultItem: [{ ResultCode: 0 }] });
    await Promise.all(attacks);
  });
});

describe('issue 14 row 3: 30,000 empty items', () => {
  it('answers 51006 (the count is checked before any item)', async () => {
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: Array.from({ length: 30_000 }, () => ({})),
    });
    expect(answer).toMatchObject({ ActionStatus: 'FAIL', ErrorCode: ErrorCode.MARK_ITEM_COUNT });
    expect(answer.ErrorInfo).toBe('MarkItem must name 1 to 100 conversations, got 30000');
  });
});

describe('issue 14 row 4: one item with 50k SetMark and 50k ClearMark', () => {
  it('fails the item alone with 50002 (at most 64 entries a list), the other item applied', async () => {
    const body = {
      From_Account: 'user0',
      MarkItem: [
        {
          OptType: 1,
          ContactItem: { Type: 1, To_Account: 'flood' },
          SetMark: Array(50_000).fill(1),
          ClearMark: Array(50_000).fill(2),
        },
        { OptType: 1, ContactItem: { Type: 1, To_Account: 'fine' }, SetMark: [1, 1, 1], ClearMark: [2] },
      ],
    };
    // Sent below the value budget (60003) so that the rules themselves answer: 17,000 entries each.
    body.MarkItem[0]!.SetMark = Array(17_000).fill(1);
    body.MarkItem[0]!.ClearMark = Array(17_000).fill(2);
    const answer = await call(stub, 'markContact', body);
    expect(answer).toMatchObject({ ErrorCode: 0 });
    const [flood, fine] = answer.ResultItem as { ResultCode: number; ResultInfo: string }[];
    expect(flood).toMatchObject({
      ResultCode: ErrorCode.INVALID_PARAMETER,
      ResultInfo: 'MarkItem[0].SetMark must NOT have more than 64 items',
    });
    expect(fine).toMatchObject({ ResultCode: 0 });
  });
});

describe('structureProblem (the scan before JSON.parse)', () => {
  const values = (n: number) => `{"a":[${Array(n).fill('0').join(',')}]}`;
  it(`accepts ${MAX_VALUES} values and refuses one more`, () => {
    // `{`, `:`, `[` and the commas between n entries: n + 2 counted.
    expect(structureProblem(Buffer.from(values(MAX_VALUES - 2)))).toBeUndefined();
    expect(structureProblem(Buffer.from(values(MAX_VALUES - 1)))).toMatch(/more than 65536 JSON values/);
  });
  it('does not count brackets, colons or commas inside strings, escaped quotes included', () => {
    const text = `{"a":"${'[:,\\"'.repeat(40_000)}"}`;
    expect(structureProblem(Buffer.from(text))).toBeUndefined();
    expect(JSON.parse(text)).toBeTypeOf('object');
  });
  it('ends a string at a quote after an even number of backslashes', () => {
    const deep = `${'['.repeat(65)}${']'.repeat(65)}`;
    const text = `{"pad":"${'x'.repeat(140_000)}\\\\","a":${deep}}`;
    expect(JSON.parse(text)).toBeTypeOf('object');
    expect(structureProblem(Buffer.from(text))).toMatch(/deeper than 64 levels/);
    // An escaped quote does not end it: the brackets after it are still inside the string.
    const inside = `{"pad":"${'x'.repeat(140_000)}\\"${deep}"}`;
    expect(JSON.parse(inside)).toBeTypeOf('object');
    expect(structureProblem(Buffer.from(inside))).toBeUndefined();
  });
  it('refuses 65 levels of nesting in a long body', () => {
    const text = `{"pad":"${'x'.repeat(140_000)}","a":${'['.repeat(64)}${']'.repeat(64)}}`;
    expect(structureProblem(Buffer.from(text))).toMatch(/deeper than 64 levels/);
  });
});

describe('the large-body budget', () => {
  it("takes each large body's estimate when it lets it in, charges what it took beyond that, refills at the rate", () => {
    const budget = new LargeBodyBudget(5); // 5 ms a second, a bucket of 12 ms
    const MIB = 1024 * 1024; // estimated at 10 ms
    expect(budget.admit(LARGE_BODY_BYTES - 1, 0)).toBe(true); // small bodies never count…
    budget.charge(LARGE_BODY_BYTES - 1, 1_000); // …nor are charged
    expect(budget.admit(MIB, 0)).toBe(true); // 10 ms taken at once: 2 left
    expect(budget.admit(MIB, 0)).toBe(false); // one arriving with it is refused before either is answered
    budget.charge(MIB, 8); // within its estimate: nothing more
    expect(budget.admit(MIB, 1_600)).toBe(true); // 2 + 8 refilled
    budget.charge(MIB, 20); // 10 ms beyond its estimate: 10 ms in debt
    expect(budget.admit(MIB, 5_000)).toBe(false); // 7 ms: not enough for its estimate
    expect(budget.admit(MIB, 5_700)).toBe(true); // 10.5 ms
    // The bucket never holds more than its depth, however long it was idle; a full one lets in any body.
    expect(budget.admit(4 * MIB, 1_000_000)).toBe(true); // 12 ms held, 40 ms taken
    expect(budget.admit(LARGE_BODY_BYTES, 1_000_000)).toBe(false);
    expect(new LargeBodyBudget(0).admit(10_000_000, 0)).toBe(true); // 0: no budget
  });

  it('answers 60011 to large bodies once they used the budget, while a normal request is answered', async () => {
    const small = await testStub({
      rateLimit: 0,
      largeBodyMsPerSecond: 0.001, // a bucket of 12 ms that (practically) never refills
      config: { apps: [{ sdkAppId: 1400000000, accounts: ['user0'] }] },
    });
    try {
      // The most expensive shape: a 1 MiB body is estimated at 10 ms, so the 12 ms run out at the second.
      const worst = SHAPES.find((shape) => shape.name.startsWith('CustomMark a string')) as Shape;
      const codes: number[] = [];
      for (let i = 0; i < 40 && !codes.includes(ErrorCode.APP_RATE_LIMITED); i++) {
        codes.push((await call(small, 'markContact', undefined, { raw: worst.body })).ErrorCode);
      }
      expect(codes[0]).toBe(0); // the first is let in…
      expect(codes.at(-1)).toBe(ErrorCode.APP_RATE_LIMITED); // …and the budget ran out
      const normal = await call(small, 'markContact', undefined, { raw: NORMAL_BODY as string });
      expect(normal).toMatchObject({ ErrorCode: 0, ResultItem: [{ ResultCode: 0 }] });
    } finally {
      await small.close();
    }
  });
});

describe('the member budget', () => {
  it(`refuses more than ${MAX_MEMBERS} object members in a scanned body`, () => {
    const members = (n: number) =>
      `{${Array.from({ length: n }, (_, k) => `"k${k}":0`).join(',')}}`.padEnd(45_000);
    expect(structureProblem(Buffer.from(members(MAX_MEMBERS)))).toBeUndefined();
    expect(structureProblem(Buffer.from(members(MAX_MEMBERS + 1)))).toMatch(/more than 8192 object members/);
  });
});
