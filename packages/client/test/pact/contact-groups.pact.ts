// The contract of the conversation-group commands: create_contact_group, update_contact_group,
// del_contact_group and search_contact_group — each one's success, and the request-level codes a
// client must handle: 51009 (no such group), 51010 (the 21st group), 51011 (a name already used;
// an empty or over-long one never leaves the client) and 51013 (not the Ultimate edition).
import { MatchersV3 } from '@pact-foundation/pact';
import { COMMANDS } from '@tim-marks/types';
import { describe, expect, it } from 'vitest';
import { ErrorCode, TimMarksApiError } from '../../src/index.js';
import { clientFor, commandQuery, failEnvelope, newPact, okEnvelope, STATES, settled } from './contract.js';

const { integer, regex, string } = MatchersV3;
const pact = newPact();

async function apiError(call: Promise<unknown>): Promise<TimMarksApiError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TimMarksApiError);
  return error as TimMarksApiError;
}

const CREATE = {
  From_Account: 'user0',
  GroupContactItem: [{ GroupName: 'work', ContactItem: [{ Type: 1 as const, To_Account: 'user1' }] }],
};
const RENAME = (OldGroupName: string, NewGroupName: string) => ({
  From_Account: 'user0',
  UpdateType: 1 as const,
  UpdateGroup: { UpdateGroupType: 1 as const, OldGroupName, NewGroupName },
});
const DEL = (name: string) => ({ From_Account: 'user0', GroupName: [name] });

type GroupCommand = 'createContactGroup' | 'updateContactGroup' | 'delContactGroup';

/**
 * One request-level refusal of a conversation-group command: the interaction (its description is the
 * command's name and `label`), and the client's TimMarksApiError with that code, not retryable.
 */
function refusal(
  command: GroupCommand,
  [state, label, request, code, info]: readonly [string, string, unknown, number, string],
) {
  const name = COMMANDS[command].slice(COMMANDS[command].lastIndexOf('/') + 1);
  return pact
    .addInteraction()
    .given(state)
    .uponReceiving(`${name}: ${label}`)
    .withRequest('POST', COMMANDS[command], (b) => b.query(commandQuery()).jsonBody(request))
    .willRespondWith(200, (r) => r.jsonBody(failEnvelope(code, info)))
    .executeTest(
      settled(pact, async (server) => {
        const send = clientFor(server).client[command] as (body: unknown) => Promise<unknown>;
        const error = await apiError(send(request));
        expect(error).toMatchObject({ code, retryable: false });
      }),
    );
}

describe('create_contact_group', () => {
  it('creates the group and answers its GroupId and each conversation’s result', async () => {
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving('create_contact_group of "work" with user1 answers GroupId and one ResultItem')
      .withRequest('POST', COMMANDS.createContactGroup, (b) => b.query(commandQuery()).jsonBody(CREATE))
      .willRespondWith(200, (r) =>
        r.jsonBody({
          GroupResultItem: [
            {
              GroupItem: { GroupName: 'work', GroupId: integer(1) },
              ResultItem: [
                { ContactItem: { Type: 1, To_Account: 'user1' }, ResultCode: 0, ResultInfo: string('') },
              ],
            },
          ],
          ...okEnvelope(),
        }),
      )
      .executeTest(
        settled(pact, async (server) => {
          const answer = await clientFor(server).client.createContactGroup(CREATE);
          expect(answer.GroupResultItem?.[0]?.GroupItem.GroupName).toBe('work');
          expect(answer.GroupResultItem?.[0]?.ResultItem.map((r) => r.ResultCode)).toEqual([0]);
        }),
      );
  });

  for (const [state, label, code, info] of [
    [
      STATES.twentyContactGroups,
      'a 21st group fails with 51010',
      ErrorCode.CONTACT_GROUP_COUNT,
      'conversation groups',
    ],
    [STATES.contactGroupWork, 'a name already used fails with 51011', ErrorCode.CONTACT_GROUP_NAME, 'work'],
    [STATES.notUltimate, 'an app that is not Ultimate fails with 51013', ErrorCode.NOT_ULTIMATE, 'Ultimate'],
  ] as const) {
    it(`${code}: ${label}`, () => refusal('createContactGroup', [state, label, CREATE, code, info]));
  }
});

describe('update_contact_group', () => {
  it('renames a group, keeping its GroupId', async () => {
    await pact
      .addInteraction()
      .given(STATES.contactGroupWork)
      .uponReceiving('update_contact_group renaming "work" to "office" answers the renamed group')
      .withRequest('POST', COMMANDS.updateContactGroup, (b) =>
        b.query(commandQuery()).jsonBody(RENAME('work', 'office')),
      )
      .willRespondWith(200, (r) =>
        r.jsonBody({
          GroupResultItem: [{ GroupItem: { GroupName: 'office', GroupId: integer(1) }, ResultItem: [] }],
          ...okEnvelope(),
        }),
      )
      .executeTest(
        settled(pact, async (server) => {
          const answer = await clientFor(server).client.updateContactGroup(RENAME('work', 'office'));
          expect(answer.GroupResultItem?.[0]?.GroupItem.GroupName).toBe('office');
        }),
      );
  });

  for (const [state, label, request, code, info] of [
    [
      STATES.user0Imported,
      'an unknown OldGroupName fails with 51009',
      RENAME('nope', 'x'),
      ErrorCode.CONTACT_GROUP_NOT_FOUND,
      'nope',
    ],
    [
      STATES.twentyContactGroups,
      'renaming to a name already used fails with 51011',
      RENAME('g00', 'g01'),
      ErrorCode.CONTACT_GROUP_NAME,
      'g01',
    ],
    [
      STATES.notUltimate,
      'an app that is not Ultimate fails with 51013',
      RENAME('work', 'x'),
      ErrorCode.NOT_ULTIMATE,
      'Ultimate',
    ],
  ] as const) {
    it(`${code}: ${label}`, () => refusal('updateContactGroup', [state, label, request, code, info]));
  }
});

describe('del_contact_group', () => {
  it('deletes a group by name and answers it', async () => {
    await pact
      .addInteraction()
      .given(STATES.contactGroupWork)
      .uponReceiving('del_contact_group of "work" answers the deleted group')
      .withRequest('POST', COMMANDS.delContactGroup, (b) => b.query(commandQuery()).jsonBody(DEL('work')))
      .willRespondWith(200, (r) =>
        r.jsonBody({ GroupItem: [{ GroupName: 'work', GroupId: integer(1) }], ...okEnvelope() }),
      )
      .executeTest(
        settled(pact, async (server) => {
          const answer = await clientFor(server).client.delContactGroup(DEL('work'));
          expect(answer.GroupItem?.map((g) => g.GroupName)).toEqual(['work']);
        }),
      );
  });

  for (const [state, label, code, info] of [
    [STATES.user0Imported, 'an unknown name fails with 51009', ErrorCode.CONTACT_GROUP_NOT_FOUND, 'work'],
    [STATES.notUltimate, 'an app that is not Ultimate fails with 51013', ErrorCode.NOT_ULTIMATE, 'Ultimate'],
  ] as const) {
    it(`${code}: ${label}`, () => refusal('delContactGroup', [state, label, DEL('work'), code, info]));
  }
});

describe('search_contact_group', () => {
  it('answers the marks and groups of named conversations and every group of the user', async () => {
    const request = { From_Account: 'user0', ContactItem: [{ Type: 1 as const, To_Account: 'user1' }] };
    await pact
      .addInteraction()
      .given(STATES.contactGroupWork)
      .uponReceiving('search_contact_group of user1 answers its ContactGroupId and the GroupItem list')
      .withRequest('POST', COMMANDS.searchContactGroup, (b) => b.query(commandQuery()).jsonBody(request))
      .willRespondWith(200, (r) =>
        r.jsonBody({
          ContactResultItem: [
            {
              Type: 1,
              To_Account: 'user1',
              StandardMark: regex('^(0|1[01]{0,63})$', '0'),
              ContactGroupId: [integer(1)],
              Timestamp: integer(1767225600),
            },
          ],
          GroupItem: [{ GroupName: 'work', GroupId: integer(1) }],
          ...okEnvelope(),
        }),
      )
      .executeTest(
        settled(pact, async (server) => {
          const answer = await clientFor(server).client.searchContactGroup(request);
          expect(answer.ContactResultItem?.[0]?.ContactGroupId).toEqual([1]);
          expect(answer.GroupItem?.map((g) => g.GroupName)).toEqual(['work']);
        }),
      );
  });
});
