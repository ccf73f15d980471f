// The smoke iteration: every command of the spec a few times, each answer checked, and marks read back.
import type { ContactItem, ContactItemWithMarks, MarkItem } from '@tim-marks/types';
import { check } from 'k6';
import { customMark, markContactRequest, rng, type World } from '../../shared/payloads.ts';
import { LIMITS, SMOKE_CALLS_PER_COMMAND } from '../../shared/plan.ts';
import { call, checkAnswer, type Target } from './api.ts';

function sameContact(a: ContactItem, b: ContactItem): boolean {
  return a.Type === 1 && b.Type === 1
    ? a.To_Account === b.To_Account
    : a.Type === 2 && b.Type === 2 && a.ToGroupId === b.ToGroupId;
}

/** Bit n of a StandardMark string (binary, most significant bit first): its n-th character from the end. */
function bit(standardMark: string, position: number): boolean {
  return standardMark.charAt(standardMark.length - position) === '1';
}

/** What get_contact_group must show for an item just applied. */
function shows(item: MarkItem, read: ContactItemWithMarks | undefined): boolean {
  // A conversation left with no mark at all is not listed: fine when the item set nothing.
  if (!read) return (item.SetMark ?? []).length === 0 && !item.CustomMark;
  const setOk = (item.SetMark ?? []).every((p) => bit(read.StandardMark, p));
  const clearOk = (item.ClearMark ?? []).every((p) => !bit(read.StandardMark, p));
  const customOk =
    item.CustomMark === undefined ||
    (item.CustomMark === '' ? !read.CustomMark : read.CustomMark === item.CustomMark);
  return setOk && clearOk && customOk;
}

function readAll(target: Target, from: string): ContactItemWithMarks[] | undefined {
  const items: ContactItemWithMarks[] = [];
  let StartIndex = 0;
  for (let page = 0; page <= LIMITS.conversationsPerUser / LIMITS.getContactGroupPageSize; page++) {
    const request = { From_Account: from, StartIndex };
    const answer = call(target, 'getContactGroup', request, { phase: 'smoke' });
    if (!checkAnswer('getContactGroup', request, answer, false)) return undefined;
    items.push(...(answer.body?.ContactItem ?? []));
    if (answer.body?.CompleteFlag === 1 || answer.body?.NextStartIndex === undefined) return items;
    StartIndex = answer.body.NextStartIndex;
  }
  return undefined;
}

export function smokeIteration(target: Target, w: World, options: { standardMarks: boolean }): void {
  const tags = { phase: 'smoke' };
  const next = rng(w.seed);
  for (let i = 0; i < SMOKE_CALLS_PER_COMMAND; i++) {
    const user = `${w.users[0]}-smoke${i}`;
    const single = call(target, 'accountImport', { UserID: user }, tags);
    checkAnswer('accountImport', { UserID: user }, single, false);

    const many = { Accounts: [`${user}a`, `${user}b`] };
    const imported = call(target, 'multiaccountImport', many, tags);
    checkAnswer('multiaccountImport', many, imported, false);
    check(imported, {
      'multiaccountImport: no FailAccounts': (a) => (a.body?.FailAccounts ?? []).length === 0,
    });

    const group = {
      GroupId: `${w.groups[0] ?? 'load'}-smoke${i}`,
      Type: 'Public' as const,
      Name: `smoke ${i}`,
    };
    const created = call(target, 'createGroup', group, tags);
    checkAnswer('createGroup', group, created, false);
    check(created, {
      'createGroup: answers the GroupId asked for': (a) => a.body?.GroupId === group.GroupId,
    });

    // A generated call, plus the fresh accounts and group with a multi-byte custom mark of the maximum size.
    const request = markContactRequest(w, i, { ...options, maxItems: 3 });
    request.MarkItem.push(
      {
        OptType: 2,
        ContactItem: { Type: 1, To_Account: user },
        CustomMark: customMark(next, LIMITS.customMarkMaxBytes),
      },
      { OptType: 2, ContactItem: { Type: 2, ToGroupId: group.GroupId }, CustomMark: customMark(next, 17) },
    );
    const marked = call(target, 'markContact', request, tags);
    checkAnswer('markContact', request, marked, false);

    const read = readAll(target, request.From_Account);
    const missing = request.MarkItem.filter(
      (item) =>
        !shows(
          item,
          read?.find((r) => sameContact(r, item.ContactItem)),
        ),
    );
    const readBack = check(read, {
      'getContactGroup: reads back every mark just set': () => missing.length === 0,
    });
    if (!readBack && read) {
      const item = missing[0];
      const seen = read.find((r) => item && sameContact(r, item.ContactItem));
      console.warn(
        `read-back mismatch for ${request.From_Account}: sent ${JSON.stringify(item)}, read ${JSON.stringify(seen)}`,
      );
    }

    const destroyed = call(target, 'destroyGroup', { GroupId: group.GroupId }, tags);
    checkAnswer('destroyGroup', { GroupId: group.GroupId }, destroyed, false);
  }
}
