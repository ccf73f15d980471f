// The contract of v4/recentcontact/get_contact_group: a page with more to come, and the last page,
// followed by the client's paging iterator from NextStartIndex to CompleteFlag 1.
import { MatchersV3 } from '@pact-foundation/pact';
import { COMMANDS } from '@tim-marks/types';
import { describe, expect, it } from 'vitest';
import { type GetContactGroupAnswer, readStandardMark } from '../../src/index.js';
import { clientFor, commandQuery, newPact, okEnvelope, STATES, settled } from './contract.js';

const { eachLike, integer, regex, string } = MatchersV3;
const PATH = COMMANDS.getContactGroup;
const pact = newPact();
/** The first page of 150 conversations holds the page size (100) of them. */
const SECOND_PAGE_START = 100;

/**
 * Every conversation of the state is a C2C one with standard and custom marks, so every item has
 * this shape; the values are the provider's.
 */
function contactItems(example: string) {
  return eachLike({
    Type: 1,
    To_Account: string(example),
    StandardMark: regex('^(0|1[01]{0,63})$', '1'),
    CustomMark: string('vip'),
    Timestamp: integer(1767225600),
  });
}

describe('get_contact_group', () => {
  it('pages: NextStartIndex leads from a page with CompleteFlag 0 to the last page', async () => {
    pact
      .addInteraction()
      .given(STATES.user0Has150Marked)
      .uponReceiving('get_contact_group of the first of two pages answers CompleteFlag 0 and NextStartIndex')
      .withRequest('POST', PATH, (request) =>
        request.query(commandQuery()).jsonBody({ From_Account: 'user0', StartIndex: 0 }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody({
          ContactItem: contactItems('c0000'),
          GroupItem: [],
          CompleteFlag: 0,
          NextStartIndex: integer(SECOND_PAGE_START),
          ...okEnvelope(),
        }),
      );
    await pact
      .addInteraction()
      .given(STATES.user0Has150Marked)
      .uponReceiving('get_contact_group of the last page answers CompleteFlag 1 and NextStartIndex 0')
      .withRequest('POST', PATH, (request) =>
        request.query(commandQuery()).jsonBody({ From_Account: 'user0', StartIndex: SECOND_PAGE_START }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody({
          ContactItem: contactItems('c0100'),
          GroupItem: [],
          CompleteFlag: 1,
          NextStartIndex: 0,
          ...okEnvelope(),
        }),
      )
      .executeTest(
        settled(pact, async (server) => {
          const made = clientFor(server);
          const pages: GetContactGroupAnswer[] = [];
          for await (const page of made.client.contactPages('user0')) pages.push(page);
          expect(pages.map((page) => page.CompleteFlag)).toEqual([0, 1]);
          expect(made.sent).toHaveLength(2);

          const contacts = [];
          for await (const contact of made.client.contacts('user0')) contacts.push(contact);
          expect(
            contacts.map((contact) => (contact.Type === 1 ? contact.To_Account : contact.ToGroupId)),
          ).toEqual(['c0000', 'c0100']);
          expect(contacts.map((contact) => readStandardMark(contact))).toEqual([[1], [1]]);
        }),
      );
  });
});
