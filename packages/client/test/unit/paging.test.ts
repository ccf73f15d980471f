import { afterEach, describe, expect, it } from 'vitest';
import {
  type ContactItemWithMarks,
  hasMark,
  StandardMark,
  TimMarksInvalidResponseError,
} from '../../src/index.js';
import { FakeApi, OK, type Sent } from '../support/fake-api.js';

let api: FakeApi;
afterEach(async () => api?.close());

const contacts: ContactItemWithMarks[] = Array.from({ length: 7 }, (_, i) => ({
  Type: 1,
  To_Account: `user${i}`,
  StandardMark: i % 2 === 0 ? '1' : '10',
  Timestamp: 1700000000 + i,
}));

/** Pages of three, NextStartIndex the index of the next contact, 0 on the last page (as the API answers). */
function pages(sent: Sent) {
  const start = sent.body.StartIndex as number;
  const next = start + 3;
  const complete = next >= contacts.length;
  return {
    body: {
      ...OK,
      ContactItem: contacts.slice(start, next),
      GroupItem: [{ GroupName: 'work', GroupId: 1 }],
      CompleteFlag: complete ? 1 : 0,
      NextStartIndex: complete ? 0 : next,
    },
  };
}

describe('paging', () => {
  it('contacts() follows NextStartIndex until CompleteFlag 1', async () => {
    api = new FakeApi().listen(pages);
    const seen: ContactItemWithMarks[] = [];
    for await (const contact of api.client().contacts('user0')) seen.push(contact);
    expect(seen).toEqual(contacts);
    expect(api.sent.map((sent) => sent.body)).toEqual([
      { From_Account: 'user0', StartIndex: 0 },
      { From_Account: 'user0', StartIndex: 3 },
      { From_Account: 'user0', StartIndex: 6 },
    ]);
    expect(seen.filter((c) => hasMark(c, StandardMark.Star))).toHaveLength(4);
  });

  it('contactPages() answers whole pages, GroupItem included, from a chosen start', async () => {
    api = new FakeApi().listen(pages);
    const seen = [];
    for await (const page of api.client().contactPages('user0', { startIndex: 3 })) seen.push(page);
    expect(seen.map((page) => page.ContactItem?.length)).toEqual([3, 1]);
    expect(seen[0]?.GroupItem).toEqual([{ GroupName: 'work', GroupId: 1 }]);
  });

  it('stops early when the caller breaks out, without asking for more pages', async () => {
    api = new FakeApi().listen(pages);
    for await (const contact of api.client().contacts('user0')) {
      if (contact.Type === 1 && contact.To_Account === 'user1') break;
    }
    expect(api.sent).toHaveLength(1);
  });

  it('ends on a single page with no CompleteFlag and no NextStartIndex', async () => {
    api = new FakeApi().listen(() => ({ body: { ...OK, ContactItem: contacts.slice(0, 1) } }));
    const seen = [];
    for await (const contact of api.client().contacts('user0')) seen.push(contact);
    expect(seen).toHaveLength(1);
  });

  it('ends on NextStartIndex 0 when the answer has no CompleteFlag, instead of starting over', async () => {
    api = new FakeApi().listen((sent) =>
      sent.body.StartIndex === 0
        ? { body: { ...OK, ContactItem: contacts.slice(0, 3), NextStartIndex: 3 } }
        : { body: { ...OK, ContactItem: contacts.slice(3, 5), NextStartIndex: 0 } },
    );
    const seen = [];
    for await (const contact of api.client().contacts('user0')) seen.push(contact);
    expect(seen).toEqual(contacts.slice(0, 5));
    expect(api.sent).toHaveLength(2);
  });

  it('refuses a page that says "more" without moving forward, instead of looping', async () => {
    api = new FakeApi().listen(() => ({
      body: { ...OK, ContactItem: [], CompleteFlag: 0, NextStartIndex: 0 },
    }));
    const run = async () => {
      for await (const _ of api.client().contacts('user0')) {
        // nothing
      }
    };
    await expect(run()).rejects.toBeInstanceOf(TimMarksInvalidResponseError);
    expect(api.sent).toHaveLength(1);
  });
});
