// The hand-written text of mark_contact answers must be exactly what JSON.stringify gives for the
// same object, for every shape an answer can take: clients cannot tell which writer wrote it.
import { ErrorCode, type MarkContactAnswer, type MarkResultItem } from '@tim-marks/types';
import { describe, expect, it } from 'vitest';
import { answerText } from '../src/answer-text.js';
import { fail } from '../src/envelope.js';

// Strings that need no escaping, and every kind that does (quote, backslash, controls, non-ASCII,
// a surrogate pair, lone surrogate halves, the characters JSON leaves alone but JS treats specially).
const STRINGS = [
  '',
  'peer0',
  'user_1-2.3@x',
  'say "hi"',
  'back\\slash',
  'line\nbreak\ttab\r\u0000\u001f\u007f',
  '中文账号',
  'emoji 😀',
  'lone \ud800 high',
  'lone \udfff low',
  '\u2028\u2029',
  '</script>',
];

/** A deterministic pseudo-random sequence (the test must fail the same way every run). */
function sequence(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)] as T;
}

/** A ResultItem built field by field in the order the handler builds them, with every optional part. */
function resultItem(random: () => number): MarkResultItem {
  const item = {} as MarkResultItem;
  if (random() < 0.8) item.OptType = pick(random, [1, 2, 3] as const);
  if (random() < 0.8) {
    const type = pick(random, [1, 2] as const);
    const contact: NonNullable<MarkResultItem['ContactItem']> = { Type: type };
    if (random() < 0.7) contact.To_Account = pick(random, STRINGS);
    if (random() < 0.3) contact.ToGroupId = pick(random, STRINGS);
    item.ContactItem = contact;
  }
  item.ResultCode = pick(random, [0, ErrorCode.INVALID_PARAMETER, ErrorCode.CONVERSATION_LIMIT, 51007]);
  item.ResultInfo = pick(random, STRINGS);
  return item;
}

describe('answerText', () => {
  it('writes mark_contact answers byte for byte as JSON.stringify does', () => {
    const random = sequence(20261126);
    for (let n = 0; n < 2000; n++) {
      const count = pick(random, [1, 1, 2, 5, 100]);
      const answer: MarkContactAnswer = {
        ResultItem: Array.from({ length: count }, () => resultItem(random)),
        ActionStatus: 'OK',
        ErrorCode: 0,
        ErrorInfo: pick(random, ['', ...STRINGS]),
      };
      if (random() < 0.9) answer.ErrorDisplay = pick(random, STRINGS);
      expect(answerText('markContact', answer)).toBe(JSON.stringify(answer));
    }
  });

  it('writes request-level failures and other commands with JSON.stringify', () => {
    const failure = fail(ErrorCode.MARK_ITEM_COUNT, 'MarkItem must name 1 to 100 "conversations"\n');
    expect(answerText('markContact', failure)).toBe(JSON.stringify(failure));
    const page = {
      ActionStatus: 'OK' as const,
      ErrorCode: 0,
      ErrorInfo: '',
      ContactItem: [],
      CompleteFlag: 1,
    };
    expect(answerText('getContactGroup', page)).toBe(JSON.stringify(page));
    expect(answerText(undefined, failure)).toBe(JSON.stringify(failure));
  });
});
