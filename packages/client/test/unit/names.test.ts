import { afterEach, describe, expect, it } from 'vitest';
import {
  ErrorCode,
  mark,
  type RetryEvent,
  TimMarksApiError,
  type TimMarksError,
  TimMarksInvalidResponseError,
  TimMarksValidationError,
} from '../../src/index.js';
import { defaultReply, FakeApi, fail, OK } from '../support/fake-api.js';

let api: FakeApi;
afterEach(async () => api?.close());

async function caught(promise: Promise<unknown>): Promise<TimMarksError> {
  try {
    await promise;
  } catch (error) {
    return error as TimMarksError;
  }
  throw new Error('expected a failure');
}

function thrown(run: () => unknown): TimMarksValidationError {
  try {
    run();
  } catch (error) {
    return error as TimMarksValidationError;
  }
  throw new Error('expected a failure');
}

const items = (count: number) => Array.from({ length: count }, (_, i) => mark.c2c(`user${i}`).custom('x'));

// A caller reads `error.command` to know which of *their* calls failed: it must be the method they
// wrote, not the API command behind it.
describe('errors name the method the caller called', () => {
  it('importAccounts, not multiaccountImport (which is error.operation)', async () => {
    api = new FakeApi().listen(() => fail(ErrorCode.INTERNAL_ERROR, 'boom'));
    const events: RetryEvent[] = [];
    const error = await caught(
      api
        .client({ retry: { retries: 1, minDelayMs: 0, maxDelayMs: 0 }, onRetry: (e) => events.push(e) })
        .importAccounts({ Accounts: ['a', 'b'] }),
    );
    expect(error).toBeInstanceOf(TimMarksApiError);
    expect(error).toMatchObject({ command: 'importAccounts', operation: 'multiaccountImport', code: 50004 });
    expect(error.message).toMatch(/^importAccounts failed with 50004/);
    expect(events[0]).toMatchObject({ command: 'importAccounts', operation: 'multiaccountImport' });
  });

  it('importAccount, not accountImport', async () => {
    api = new FakeApi().listen(() => fail(ErrorCode.ACCOUNT_NOT_IMPORTED));
    const error = await caught(api.client().importAccount({ UserID: 'a' }));
    expect(error).toMatchObject({ command: 'importAccount', operation: 'accountImport' });
  });

  it('contactPages and contacts, for a failure of any page and for a local check', async () => {
    api = new FakeApi().listen((sent, index) =>
      index === 0
        ? { body: { ...OK, ContactItem: [], GroupItem: [], CompleteFlag: 0, NextStartIndex: 0 } }
        : defaultReply(sent),
    );
    const client = api.client();
    const pages = await caught(
      (async () => {
        for await (const _ of client.contactPages('user0', { startIndex: 0 })) {
          // reading on
        }
      })(),
    );
    expect(pages).toBeInstanceOf(TimMarksInvalidResponseError);
    expect(pages).toMatchObject({ command: 'contactPages', operation: 'getContactGroup' });
    expect(pages.message).toMatch(/^contactPages: invalid response/);

    const local = await caught(
      (async () => {
        for await (const _ of client.contacts('')) {
          // reading on
        }
      })(),
    );
    expect(local).toBeInstanceOf(TimMarksValidationError);
    expect(local).toMatchObject({ command: 'contacts', field: 'From_Account' });
  });
});

describe('builder errors name the field and the item', () => {
  it("mark.c2c('x').custom('好'.repeat(86)): mark.custom, CustomMark, the conversation c2c 'x'", () => {
    const error = thrown(() => mark.c2c('x').custom('好'.repeat(86)));
    expect(error).toBeInstanceOf(TimMarksValidationError);
    expect(error).toMatchObject({
      code: ErrorCode.INVALID_PARAMETER,
      command: 'mark.custom',
      field: 'CustomMark',
      contactItem: { Type: 1, To_Account: 'x' },
    });
    expect(error.message).toContain('CustomMark of c2c "x"');
  });

  it('a bad position names mark.set or mark.clear, the position and the group', () => {
    const set = thrown(() => mark.group('@TGS#1').set(1, 65));
    expect(set).toMatchObject({
      command: 'mark.set',
      field: 'SetMark[1]',
      contactItem: { Type: 2, ToGroupId: '@TGS#1' },
    });
    const clear = thrown(() => mark.c2c('y').clear(0));
    expect(clear).toMatchObject({ command: 'mark.clear', field: 'ClearMark[0]' });
  });

  it('a bad conversation names the builder that was given it', () => {
    expect(thrown(() => mark.c2c(''))).toMatchObject({ command: 'mark.c2c' });
  });
});

describe('a partial failure says how much was applied and which items failed', () => {
  it('250 items, the second call refused: 100 answered in 1 call, 99 applied, item 7 failed, 100..249 not applied', async () => {
    api = new FakeApi().listen((sent, index) => {
      if (index === 1) return fail(ErrorCode.NOT_ULTIMATE, 'edition');
      const reply = defaultReply(sent);
      // biome-ignore lint/suspicious/noExplicitAny: shaping the fake answer
      (reply.body as any).ResultItem[7].ResultCode = 51008;
      return reply;
    });
    const error = await caught(api.client().markContact({ From_Account: 'user0', MarkItem: items(250) }));
    expect(error.partial).toMatchObject({ applied: 99, calls: 1 });
    expect(error.partial?.failed.map((f) => f.index)).toEqual([7]);
    expect(error.message).toContain(
      'before this failure 100 of 250 items were answered in 1 call: 99 applied, 1 failed (items 7); items 100..249 were not applied',
    );
  });

  it('a result counts the applied items and the calls', async () => {
    api = new FakeApi().listen();
    const result = await api.client().markContact({ From_Account: 'user0', MarkItem: items(250) });
    expect(result).toMatchObject({ applied: 250, calls: 3 });
  });
});
