import { describe, expect, it } from 'vitest';
import * as client from '../../src/index.js';

describe('the public surface', () => {
  // Every name here is in the README's API table; anything else is internal. MarkChange's and
  // MarkTarget's constructors skip the checks `mark` runs, and the limiter is an implementation
  // detail: exporting them would let callers build unchecked items and pin internals.
  it('exports exactly the documented run-time values', () => {
    expect(Object.keys(client).sort()).toEqual(
      [
        'ClientErrorCode',
        'ERROR_CATALOGUE',
        'ErrorCode',
        'LIMITS',
        'REGIONS',
        'StandardMark',
        'TimMarksAbortError',
        'TimMarksApiError',
        'TimMarksClient',
        'TimMarksConfigError',
        'TimMarksError',
        'TimMarksHttpStatusError',
        'TimMarksInvalidResponseError',
        'TimMarksNetworkError',
        'TimMarksTimeoutError',
        'TimMarksValidationError',
        'catalogueEntry',
        'createClient',
        'hasMark',
        'isRetryableCode',
        'mark',
        'readStandardMark',
        'systemClock',
        'writeStandardMark',
      ].sort(),
    );
  });
});
