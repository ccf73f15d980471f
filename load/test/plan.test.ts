import { describe, expect, it } from 'vitest';
import {
  CEILING,
  isRetryable,
  isScenarioName,
  PACING_MARGIN_MS,
  parseDurationS,
  RATE_LIMITED,
  SCENARIO_NAMES,
  scenarioCommands,
  settleMs,
  timeline,
  WINDOW_MS,
} from '../shared/plan.ts';

describe('the shared plan', () => {
  it('takes the ceiling, the window and the refusal code from the spec', () => {
    expect(CEILING).toBe(200);
    expect(WINDOW_MS).toBe(1000);
    expect(RATE_LIMITED).toBe(60007);
  });

  it('names the five scenarios; only mixed drives the conversation-group commands', () => {
    expect(SCENARIO_NAMES).toEqual(['smoke', 'ceiling', 'overload', 'mixed', 'recovery']);
    expect(scenarioCommands('ceiling')).toEqual(['markContact', 'getContactGroup']);
    expect(scenarioCommands('mixed')).toEqual([
      'markContact',
      'getContactGroup',
      'updateContactGroup',
      'searchContactGroup',
    ]);
    expect(isScenarioName('ceiling')).toBe(true);
    expect(isScenarioName('toString')).toBe(false);
  });

  it('paces the phases that must see no 60007, and drives overload at twice the rate per plain second', () => {
    const [overload, recovery] = timeline('recovery', CEILING, 30);
    expect(overload).toMatchObject({ name: 'overload', rate: 400, perMs: 1000, startS: 0, durationS: 10 });
    expect(recovery).toMatchObject({
      name: 'recovery',
      rate: 200,
      perMs: WINDOW_MS + PACING_MARGIN_MS,
      startS: 10,
      durationS: 20,
    });
    expect(timeline('ceiling', 50, 8, 0)).toEqual([
      expect.objectContaining({ rate: 50, perMs: 1000, durationS: 8, expect: 'no-refusals' }),
    ]);
  });

  it('keeps every phase at least one whole second long', () => {
    expect(timeline('recovery', CEILING, 1).map((p) => p.durationS)).toEqual([1, 1]);
  });

  it('settles once the window and the pacing margin have passed', () => {
    expect(settleMs(0)).toBe(1000);
    expect(settleMs(50)).toBe(1050);
  });

  it('reads durations the way k6 writes them', () => {
    expect(parseDurationS('30')).toBe(30);
    expect(parseDurationS('30s')).toBe(30);
    expect(parseDurationS('2m')).toBe(120);
    expect(parseDurationS('1m30s')).toBe(90);
    expect(parseDurationS('1h')).toBe(3600);
    expect(parseDurationS('500ms')).toBe(0.5);
    expect(() => parseDurationS('soon')).toThrow(/invalid duration/);
    expect(() => parseDurationS('')).toThrow(/invalid duration/);
  });
});

describe('isRetryable (k6 setup sends a command again only on these)', () => {
  it('follows the spec: 50004 and 60007 yes; an existing group, a bad parameter or an unknown code no', () => {
    expect(isRetryable(50004)).toBe(true);
    expect(isRetryable(RATE_LIMITED)).toBe(true);
    expect(isRetryable(10021)).toBe(false);
    expect(isRetryable(50002)).toBe(false);
    expect(isRetryable(123456)).toBe(false);
  });
});
