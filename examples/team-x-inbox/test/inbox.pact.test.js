// Team X's consumer pact with the conversation-marks API ("tim-im-api"), written with pact-js: the
// team's own code (src/inbox.js) runs against Pact's mock server, and the interactions become
// pacts/team-x-inbox-tim-im-api.json. Version 2 of the service, which misreads StandardMark, writes
// pacts-broken/ the same way: its own tests pass against the mock, the provider disagrees.
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { MatchersV3, PactV4 } from '@pact-foundation/pact';
import { star, starredPeers, starredPeersV2 } from '../src/inbox.js';

const { eachLike, fromProviderState, integer, like, regex, string } = MatchersV3;
const PROVIDER = 'tim-im-api';

/** The team's test credentials: any values verify, `tim-marks-stub verify` re-signs every request. */
const TEST_APP = { sdkAppId: 1400123456, identifier: 'ops-admin', userSig: 'signed-with-team-x-test-key' };

/** The five query parameters; sdkappid and identifier come from the provider state at verification. */
const query = {
  // Pact's expressions, not JavaScript templates: the verifier fills them from the provider state.
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression
  sdkappid: fromProviderState('${sdkappid}', String(TEST_APP.sdkAppId)),
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a Pact provider-state expression
  identifier: fromProviderState('${identifier}', TEST_APP.identifier),
  usersig: like(TEST_APP.userSig),
  random: regex('^[0-9]{1,10}$', '42'),
  contenttype: 'json',
};

const envelope = { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: string('') };

const apiAt = (mock) => ({ ...TEST_APP, baseUrl: mock.url });

/**
 * A test body that returns only once Pact's mock server has recorded the requests it answered.
 * pact-js 16.3 to 16.5 record a match just after sending the response
 * (pact-foundation/pact-reference#535), so on a busy CI runner executeTest can report "expected but
 * not received" for a request that was answered. A request that never came still fails, 2 s later.
 */
function recorded(pact, test) {
  return async (mock) => {
    try {
      return await test(mock);
    } finally {
      const deadline = Date.now() + 2000;
      while (!pact.pact.mockServerMatchedSuccessfully(mock.port) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  };
}

/** mark_contact starring bob for alice, and the answer the team's code relies on. */
function starringBob(pact, interaction) {
  return interaction
    .withRequest('POST', '/v4/recentcontact/mark_contact', (request) =>
      request.query(query).jsonBody({
        From_Account: 'alice',
        MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'bob' }, SetMark: [1] }],
      }),
    )
    .willRespondWith(200, (response) =>
      response.jsonBody({
        ...envelope,
        ResultItem: [{ ContactItem: { Type: 1, To_Account: 'bob' }, ResultCode: 0, ResultInfo: string('') }],
      }),
    )
    .executeTest(
      recorded(pact, async (mock) => {
        assert.equal(await star(apiAt(mock), 'alice', 'bob'), true);
      }),
    );
}

/** get_contact_group of alice, answered with `contactItem`s; `read` is the team's code under test. */
function listingBob(pact, contactItem, read) {
  return pact
    .addInteraction()
    .given('alice has marked bob with 1 and custom mark vip')
    .uponReceiving('get_contact_group of alice listing bob starred')
    .withRequest('POST', '/v4/recentcontact/get_contact_group', (request) =>
      request.query(query).jsonBody({ From_Account: 'alice', StartIndex: 0 }),
    )
    .willRespondWith(200, (response) =>
      response.jsonBody({ ...envelope, ContactItem: eachLike(contactItem), CompleteFlag: 1 }),
    )
    .executeTest(
      recorded(pact, async (mock) => {
        assert.deepEqual(await read(apiAt(mock), 'alice'), ['bob']);
      }),
    );
}

before(() => {
  // pact-js merges into existing files: start from none.
  rmSync('pacts', { recursive: true, force: true });
  rmSync('pacts-broken', { recursive: true, force: true });
});

describe('team-x-inbox → tim-im-api', () => {
  const pact = new PactV4({ consumer: 'team-x-inbox', provider: PROVIDER, dir: 'pacts', logLevel: 'error' });

  it('stars a conversation', async () => {
    await starringBob(
      pact,
      pact
        .addInteraction()
        .given('alice is a customer of team x')
        .given('bob is imported')
        .uponReceiving('mark_contact starring bob for alice'),
    );
  });

  it('lists the starred conversations', async () => {
    await listingBob(
      pact,
      {
        Type: 1,
        To_Account: string('bob'),
        StandardMark: regex('^[01]{1,64}$', '1'),
        CustomMark: string('vip'),
        Timestamp: integer(1767225600),
      },
      starredPeers,
    );
  });
});

describe('team-x-inbox-v2 → tim-im-api (the deliberate mismatch)', () => {
  const pact = new PactV4({
    consumer: 'team-x-inbox-v2',
    provider: PROVIDER,
    dir: 'pacts-broken',
    logLevel: 'error',
  });

  it('stars a conversation, naming a provider state the stub does not know', async () => {
    await starringBob(
      pact,
      pact
        .addInteraction()
        // Not in the vocabulary ("{user} has marked {peer} with {positions} and custom mark {mark}" is).
        .given('alice has starred bob')
        .uponReceiving('mark_contact starring bob again for alice'),
    );
  });

  it('lists the starred conversations, reading StandardMark as a list of positions', async () => {
    // The mistake: the API answers StandardMark as a binary string ("1"), not [1].
    await listingBob(pact, { Type: 1, To_Account: string('bob'), StandardMark: [1] }, starredPeersV2);
  });
});
