// The contract of the setup commands the client offers (accounts and groups that marks refer to):
// the success each method returns to its caller.
import { COMMANDS } from '@tim-marks/types';
import { describe, expect, it } from 'vitest';
import { clientFor, commandQuery, newPact, okEnvelope, STATES, settled } from './contract.js';

const pact = newPact();
// The account and group answers carry no ErrorDisplay (as in the official examples).
const OK = okEnvelope({ display: false });

describe('setup commands', () => {
  it('account_import imports one account', async () => {
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving('account_import of a new account succeeds')
      .withRequest('POST', COMMANDS.accountImport, (request) =>
        request.query(commandQuery()).jsonBody({ UserID: 'alice', Nick: 'Alice' }),
      )
      .willRespondWith(200, (response) => response.jsonBody(OK))
      .executeTest(
        settled(pact, async (server) => {
          const { client } = clientFor(server);
          await expect(client.importAccount({ UserID: 'alice', Nick: 'Alice' })).resolves.toMatchObject({
            ActionStatus: 'OK',
            ErrorCode: 0,
          });
        }),
      );
  });

  it('account_import given the deprecated Identifier sends it as UserID', async () => {
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving('account_import of a new account named by UserID (the client never sends Identifier)')
      .withRequest('POST', COMMANDS.accountImport, (request) =>
        request.query(commandQuery()).jsonBody({ UserID: 'carol' }),
      )
      .willRespondWith(200, (response) => response.jsonBody(OK))
      .executeTest(
        settled(pact, async (server) => {
          const made = clientFor(server);
          await expect(made.client.importAccount({ Identifier: 'carol' })).resolves.toMatchObject({
            ErrorCode: 0,
          });
        }),
      );
  });

  it('multiaccount_import in the AccountList form answers FailAccounts as the Accounts form does', async () => {
    const AccountList = [
      { UserID: 'dave', Nick: 'Dave', FaceUrl: 'https://example.com/dave.png' },
      { UserID: 'erin' },
    ];
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving(
        'multiaccount_import of new accounts in the AccountList form succeeds with no FailAccounts',
      )
      .withRequest('POST', COMMANDS.multiaccountImport, (request) =>
        request.query(commandQuery()).jsonBody({ AccountList }),
      )
      .willRespondWith(200, (response) => response.jsonBody({ FailAccounts: [], ...OK }))
      .executeTest(
        settled(pact, async (server) => {
          const { client } = clientFor(server);
          const answer = await client.importAccounts({ AccountList });
          expect(answer.FailAccounts).toEqual([]);
        }),
      );
  });

  it('multiaccount_import imports several accounts and lists none as failed', async () => {
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving('multiaccount_import of new accounts succeeds with no FailAccounts')
      .withRequest('POST', COMMANDS.multiaccountImport, (request) =>
        request.query(commandQuery()).jsonBody({ Accounts: ['alice', 'bob'] }),
      )
      .willRespondWith(200, (response) => response.jsonBody({ FailAccounts: [], ...OK }))
      .executeTest(
        settled(pact, async (server) => {
          const { client } = clientFor(server);
          const answer = await client.importAccounts({ Accounts: ['alice', 'bob'] });
          expect(answer.FailAccounts).toEqual([]);
        }),
      );
  });

  it('create_group answers the id of the new group', async () => {
    const request = { Owner_Account: 'user0', Type: 'Public', Name: 'Team', GroupId: 'team-1' } as const;
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving('create_group with a chosen GroupId answers that GroupId')
      .withRequest('POST', COMMANDS.createGroup, (builder) => builder.query(commandQuery()).jsonBody(request))
      .willRespondWith(200, (response) => response.jsonBody({ GroupId: 'team-1', ...OK }))
      .executeTest(
        settled(pact, async (server) => {
          const { client } = clientFor(server);
          const answer = await client.createGroup(request);
          expect(answer.GroupId).toBe('team-1');
        }),
      );
  });

  it('destroy_group dissolves a group', async () => {
    await pact
      .addInteraction()
      .given(STATES.groupExists)
      .uponReceiving('destroy_group of an existing group succeeds')
      .withRequest('POST', COMMANDS.destroyGroup, (request) =>
        request.query(commandQuery()).jsonBody({ GroupId: 'team-1' }),
      )
      .willRespondWith(200, (response) => response.jsonBody(OK))
      .executeTest(
        settled(pact, async (server) => {
          const { client } = clientFor(server);
          await expect(client.destroyGroup({ GroupId: 'team-1' })).resolves.toMatchObject({
            ActionStatus: 'OK',
          });
        }),
      );
  });
});
