import type {
  ErrorCatalogueEntry,
  MarkContactAnswer,
  MarkItem,
  MarkResultItem,
  MultiaccountImportAnswer,
} from '@tim-marks/types';
import { catalogueEntry } from './errors.js';

/** A MarkItem the server did not apply (its ResultCode is not 0). */
export interface FailedMarkItem {
  /** Its index in the request as the caller passed it (across every call of a split request). */
  index: number;
  /** The item as it was sent. */
  markItem: MarkItem;
  /** The server's answer for it: ResultCode, ResultInfo. */
  resultItem: MarkResultItem;
  /** The catalogue entry of its ResultCode (meaning, level, retryable), when the spec knows the code. */
  entry: ErrorCatalogueEntry | undefined;
}

/**
 * The answer of `markContact`: the API's envelope, one ResultItem per MarkItem in request order
 * (merged across the calls a long request was split into), and the items that failed.
 */
export type MarkContactResult = MarkContactAnswer & {
  ResultItem: MarkResultItem[];
  /** The items whose ResultCode is not 0, in request order. Empty when every item was applied. */
  failed: FailedMarkItem[];
  /** How many items the server applied (ResultCode 0): `ResultItem.length - failed.length`. */
  applied: number;
  /**
   * How many calls of at most LIMITS.markItemsPerCall items were made: 3 for 250 items. Each counts
   * against the 200 calls/s ceiling.
   */
  calls: number;
};

/** Accumulates the answers of consecutive mark_contact calls into one result. */
export class MarkResults {
  private resultItems: MarkResultItem[] = [];
  private readonly failed: FailedMarkItem[] = [];
  private last: MarkContactAnswer | undefined;
  private calls = 0;

  add(
    sent: readonly MarkItem[],
    offset: number,
    response: MarkContactAnswer,
    ResultItem: MarkResultItem[],
  ): void {
    for (let i = 0; i < ResultItem.length; i += 1) {
      const resultItem = ResultItem[i] as MarkResultItem;
      if (resultItem.ResultCode !== 0) {
        this.failed.push({
          index: offset + i,
          markItem: sent[i] as MarkItem,
          resultItem,
          entry: catalogueEntry(resultItem.ResultCode),
        });
      }
    }
    // One call (the common case) keeps its own array; later ones append.
    if (this.calls === 0) this.resultItems = ResultItem;
    else for (const resultItem of ResultItem) this.resultItems.push(resultItem);
    this.last = response;
    this.calls += 1;
  }

  /** The result so far; a copy, so that later calls do not change it (for `error.partial`). */
  result(): MarkContactResult {
    const envelope = this.last ?? { ActionStatus: 'OK' as const, ErrorCode: 0, ErrorInfo: '' };
    return {
      ...envelope,
      ResultItem: [...this.resultItems],
      failed: [...this.failed],
      applied: this.resultItems.length - this.failed.length,
      calls: this.calls,
    };
  }

  /**
   * The final result, built on the last answer object itself (parsed for this call, owned by
   * nobody else): no copy of the envelope or of the items on the path every call takes.
   */
  finish(): MarkContactResult {
    if (this.last === undefined) return this.result();
    const result = this.last as MarkContactResult;
    result.ResultItem = this.resultItems;
    result.failed = this.failed;
    result.applied = this.resultItems.length - this.failed.length;
    result.calls = this.calls;
    return result;
  }
}

/**
 * What a markContact that failed part-way had done, for the error message: "100 of 250 items were
 * answered in 1 call: 98 applied, 2 failed (items 3, 17); items 100..249 were not applied".
 */
export function describePartial(partial: MarkContactResult, total: number): string {
  const sent = partial.ResultItem.length;
  const calls = `${partial.calls} call${partial.calls === 1 ? '' : 's'}`;
  const shown = partial.failed.slice(0, 10).map((failure) => failure.index);
  const more = partial.failed.length > shown.length ? `, ${partial.failed.length - shown.length} more` : '';
  const failed =
    partial.failed.length === 0
      ? '0 failed'
      : `${partial.failed.length} failed (items ${shown.join(', ')}${more})`;
  const rest = sent < total ? `; items ${sent}..${total - 1} were not applied` : '';
  return `before this failure ${sent} of ${total} items were answered in ${calls}: ${partial.applied} applied, ${failed}${rest}; see error.partial`;
}

/** Merges the answers of consecutive multiaccount_import calls. */
export function mergeAccountImports(
  responses: readonly MultiaccountImportAnswer[],
): MultiaccountImportAnswer {
  const last = responses[responses.length - 1] as MultiaccountImportAnswer;
  const FailAccounts = responses.flatMap((response) => response.FailAccounts ?? []);
  return { ...last, FailAccounts };
}

/** Splits `items` into consecutive runs of at most `size`. */
export function chunks<T>(items: readonly T[], size: number): T[][] {
  const runs: T[][] = [];
  for (let start = 0; start < items.length; start += size) runs.push(items.slice(start, start + size));
  return runs;
}
