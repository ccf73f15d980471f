// What one answer means for the ceiling: admitted (any ErrorCode but 60007), refused (60007), or failed
// (no HTTP 200 with a JSON envelope). Admitted answers that are not a clean success are counted apart.
import type { MarkContactAnswer } from '@tim-marks/types';
import { ErrorCode, RATE_LIMITED } from '../shared/plan.ts';
import type { CallResult } from './driver.ts';

export type Outcome = 'accepted' | 'refused' | 'failed';

export interface Judged {
  outcome: Outcome;
  /** Why an accepted call is not a clean success, or why the call failed. */
  problem?: string;
}

export function judge(result: CallResult): Judged {
  if (result.error !== undefined) return { outcome: 'failed', problem: result.error };
  if (result.status !== 200) return { outcome: 'failed', problem: `HTTP ${result.status}` };
  let body: Partial<MarkContactAnswer>;
  try {
    body = JSON.parse(result.body) as Partial<MarkContactAnswer>;
  } catch {
    return { outcome: 'failed', problem: 'the body is not JSON' };
  }
  if (typeof body.ErrorCode !== 'number') return { outcome: 'failed', problem: 'no ErrorCode in the answer' };
  if (body.ErrorCode === RATE_LIMITED) return { outcome: 'refused' };
  if (body.ErrorCode !== ErrorCode.OK || body.ActionStatus !== 'OK') {
    return { outcome: 'accepted', problem: `ErrorCode ${body.ErrorCode}: ${body.ErrorInfo ?? ''}` };
  }
  const failedItem = (body.ResultItem ?? []).find((item) => item.ResultCode !== ErrorCode.OK);
  if (failedItem) return { outcome: 'accepted', problem: `item ResultCode ${failedItem.ResultCode}` };
  return { outcome: 'accepted' };
}
