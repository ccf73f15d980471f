import { afterEach, describe, expect, it } from 'vitest';
import {
  ERROR_CATALOGUE,
  ErrorCode,
  type MarkChange,
  type MarkItem,
  mark,
  TimMarksApiError,
  TimMarksInvalidResponseError,
} from '../../src/index.js';
import { defaultReply, FakeApi, fail, OK } from '../support/fake-api.js';

let api: FakeApi;
afterEach(async () => api?.close());

const items = (count: number): MarkChange[] =>
  Array.from({ length: count }, (_, i) => mark.c2c(`user${i}`).custom(`m${i}`));

describe('markContact', () => {
  it('sends 250 items as calls of 100, 100 and 50 and merges the results in request order', async () => {
    api = new FakeApi().listen();
    const result = await api.client().markContact({ From_Account: 'user0', MarkItem: items(250) });

    const calls = api.sentOf('markContact');
    expect(calls.map((sent) => sent.body.MarkItem.length)).toEqual([100, 100, 50]);
    expect(calls.every((sent) => sent.body.From_Account === 'user0')).toBe(true);
    expect(calls.flatMap((sent) => sent.body.MarkItem.map((item: MarkItem) => item.CustomMark))).toEqual(
      Array.from({ length: 250 }, (_, i) => `m${i}`),
    );
    expect(result.calls).toBe(3);
    expect(result.ResultItem).toHaveLength(250);
    expect(result.ResultItem.map((item) => item.ContactItem?.To_Account ?? '')).toEqual(
      Array.from({ length: 250 }, (_, i) => `user${i}`),
    );
    expect(result.failed).toEqual([]);
    expect(result.ActionStatus).toBe('OK');
  });

  it('sends exactly 100 items in one call', async () => {
    api = new FakeApi().listen();
    const result = await api.client().markContact({ From_Account: 'user0', MarkItem: items(100) });
    expect(api.sent).toHaveLength(1);
    expect(result.calls).toBe(1);
  });

  it('does not throw for item-level failures: they are in failed, with their index in the whole request', async () => {
    // The fake server fails every item whose To_Account ends in 7 with 51008, and user150 with 50002.
    api = new FakeApi().listen((sent) => {
      const reply = defaultReply(sent) as {
        body: { ResultItem: { ResultCode: number; ResultInfo: string }[] };
      };
      sent.body.MarkItem.forEach((item: MarkItem, i: number) => {
        const account = item.ContactItem.Type === 1 ? item.ContactItem.To_Account : '';
        const r = reply.body.ResultItem[i] as { ResultCode: number; ResultInfo: string };
        if (account.endsWith('7'))
          Object.assign(r, { ResultCode: ErrorCode.CONVERSATION_LIMIT, ResultInfo: 'cap' });
        if (account === 'user150')
          Object.assign(r, { ResultCode: ErrorCode.INVALID_PARAMETER, ResultInfo: 'bad' });
      });
      return reply;
    });
    const request = items(200);
    const result = await api.client().markContact({ From_Account: 'user0', MarkItem: request });

    expect(result.failed.map((f) => f.index)).toEqual([
      7, 17, 27, 37, 47, 57, 67, 77, 87, 97, 107, 117, 127, 137, 147, 150, 157, 167, 177, 187, 197,
    ]);
    const first = result.failed[0];
    expect(first?.markItem).toEqual(request[7]?.toJSON());
    expect(first?.resultItem).toMatchObject({ ResultCode: 51008, ResultInfo: 'cap' });
    expect(first?.entry).toBe(ERROR_CATALOGUE[51008]);
    expect(result.failed.find((f) => f.index === 150)?.entry?.name).toBe('INVALID_PARAMETER');
    // The other items are there, applied.
    expect(result.ResultItem.filter((item) => item.ResultCode === 0)).toHaveLength(200 - 21);
  });

  it('throws on a request-level failure, with the results of the calls already made in partial', async () => {
    api = new FakeApi().listen((sent, index) =>
      index === 1 ? fail(ErrorCode.NOT_ULTIMATE, 'edition') : defaultReply(sent),
    );
    const error = await api
      .client()
      .markContact({ From_Account: 'user0', MarkItem: items(250) })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimMarksApiError);
    expect(error).toMatchObject({ code: 51013, errorInfo: 'edition', command: 'markContact', attempts: 1 });
    expect((error as TimMarksApiError).partial?.ResultItem).toHaveLength(100);
    // The third call was never made.
    expect(api.sent).toHaveLength(2);
  });

  it('refuses an answer whose ResultItems do not match the items sent', async () => {
    api = new FakeApi().listen(() => ({ body: { ...OK, ResultItem: [] } }));
    await expect(
      api.client().markContact({ From_Account: 'user0', MarkItem: items(2) }),
    ).rejects.toBeInstanceOf(TimMarksInvalidResponseError);
  });
});
