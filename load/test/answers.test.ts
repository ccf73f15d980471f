import { describe, expect, it } from 'vitest';
import { judge } from '../src/answers.ts';
import type { CallResult } from '../src/driver.ts';

const call = (status: number, body: unknown, error?: string): CallResult => ({
  tag: 'markContact',
  index: 0,
  dueAt: 0,
  startedAt: 0,
  latencyMs: 1,
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  ...(error ? { error } : {}),
});

describe('judging one answer', () => {
  it('counts a success as accepted and clean', () => {
    expect(judge(call(200, { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '' }))).toEqual({
      outcome: 'accepted',
    });
  });

  it('counts 60007 as refused', () => {
    expect(judge(call(200, { ActionStatus: 'FAIL', ErrorCode: 60007, ErrorInfo: 'over' }))).toEqual({
      outcome: 'refused',
    });
  });

  it('counts another error code as accepted by the limiter, but not clean', () => {
    expect(judge(call(200, { ActionStatus: 'FAIL', ErrorCode: 50001, ErrorInfo: 'who' }))).toEqual({
      outcome: 'accepted',
      problem: 'ErrorCode 50001: who',
    });
  });

  it('counts a failed item as not clean', () => {
    const body = {
      ActionStatus: 'OK',
      ErrorCode: 0,
      ErrorInfo: '',
      ResultItem: [{ ResultCode: 0 }, { ResultCode: 50002 }],
    };
    expect(judge(call(200, body))).toEqual({ outcome: 'accepted', problem: 'item ResultCode 50002' });
  });

  it('counts anything but HTTP 200 with a JSON envelope as failed', () => {
    expect(judge(call(0, '', 'connect ECONNREFUSED')).outcome).toBe('failed');
    expect(judge(call(502, 'Bad Gateway')).outcome).toBe('failed');
    expect(judge(call(200, '<html>')).outcome).toBe('failed');
    expect(judge(call(200, { ok: true })).outcome).toBe('failed');
  });
});
