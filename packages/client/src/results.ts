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
  /** How many calls of at most LIMITS.markItemsPerCall items were made. */
  calls: number;
};

/** Accumulates the answers of consecutive mark_contact calls into one result. */
export class MarkResults {
  private readonly resultItems: MarkResultItem[] = [];
  private readonly failed: FailedMarkItem[] = [];
  private last: MarkContactAnswer | undefined;
  private calls = 0;

  add(
    sent: readonly MarkItem[],
    offset: number,
    response: MarkContactAnswer & { ResultItem: MarkResultItem[] },
  ): void {
    response.ResultItem.forEach((resultItem, i) => {
      this.resultItems.push(resultItem);
      if (resultItem.ResultCode !== 0) {
        this.failed.push({
          index: offset + i,
          markItem: sent[i] as MarkItem,
          resultItem,
          entry: catalogueEntry(resultItem.ResultCode),
        });
      }
    });
    this.last = response;
    this.calls += 1;
  }

  result(): MarkContactResult {
    const envelope = this.last ?? { ActionStatus: 'OK' as const, ErrorCode: 0, ErrorInfo: '' };
    return { ...envelope, ResultItem: [...this.resultItems], failed: [...this.failed], calls: this.calls };
  }
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
