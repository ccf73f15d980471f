// The contract of v4/recentcontact/mark_contact: one interaction per outcome the client handles
// differently — the seed's success, a partial success, and each request-level failure.
import { MatchersV3 } from '@pact-foundation/pact';
import { COMMANDS } from '@tim-marks/types';
import { decode } from '@tim-marks/usersig';
import { describe, expect, it } from 'vitest';
import {
  ErrorCode,
  type MarkContactRequest,
  type MarkItem,
  mark,
  StandardMark,
  systemClock,
  TimMarksApiError,
  TimMarksValidationError,
} from '../../src/index.js';
import {
  clientFor,
  commandQuery,
  EXPIRED_USERSIG,
  failEnvelope,
  newPact,
  okEnvelope,
  STATES,
  sendRaw,
  settled,
} from './contract.js';

const { string } = MatchersV3;
const PATH = COMMANDS.markContact;
const pact = newPact();
/** The TimMarksApiError a call ends with. */
async function apiError(call: Promise<unknown>): Promise<TimMarksApiError> {
  const reason = await call.then(
    () => expect.fail('the call should have failed'),
    (error: unknown) => error,
  );
  expect(reason).toBeInstanceOf(TimMarksApiError);
  return reason as TimMarksApiError;
}

/** A custom-mark change of a C2C conversation: valid on every edition. */
function customMarkOf(To_Account: string): MarkItem {
  return { OptType: 2, ContactItem: { Type: 1, To_Account }, CustomMark: 'vip' };
}

/** A ResultItem echoes its MarkItem's OptType and ContactItem; ResultCode is the contract's, ResultInfo the provider's words. */
function resultItemOf(item: MarkItem, ResultCode: number, info = '') {
  return { OptType: item.OptType, ContactItem: item.ContactItem, ResultCode, ResultInfo: string(info) };
}

/** A mark_contact request that is valid for the client and for the spec. */
const ONE_ITEM: MarkContactRequest = { From_Account: 'user0', MarkItem: [customMarkOf('user1')] };

describe('mark_contact', () => {
  it('the seed example: star, unread, fold and a custom mark of a C2C conversation', async () => {
    const seedItem: MarkItem = {
      OptType: 3,
      ContactItem: { Type: 1, To_Account: 'user1' },
      SetMark: [1, 2, 3],
      CustomMark: 'abcd',
    };
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving('mark_contact of the seed example (star, unread, fold and a custom mark) succeeds')
      .withRequest('POST', PATH, (request) =>
        request.query(commandQuery()).jsonBody({ From_Account: 'user0', MarkItem: [seedItem] }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody({ ResultItem: [resultItemOf(seedItem, ErrorCode.OK)], ...okEnvelope() }),
      )
      .executeTest(
        settled(pact, async (server) => {
          const { client, sent } = clientFor(server);
          const result = await client.markContact({
            From_Account: 'user0',
            MarkItem: [
              mark.c2c('user1').set(StandardMark.Star, StandardMark.Unread, StandardMark.Fold).custom('abcd'),
            ],
          });
          expect(result.failed).toEqual([]);
          expect(result.ResultItem).toEqual([
            { OptType: 3, ContactItem: { Type: 1, To_Account: 'user1' }, ResultCode: 0, ResultInfo: '' },
          ]);
          expect(result.calls).toBe(1);
          // The query string is the client's own: a UserSig it signed for its admin, json.
          expect(sent).toHaveLength(1);
          expect(sent[0]?.query.get('contenttype')).toBe('json');
          expect(decode(sent[0]?.query.get('usersig') ?? '')).toMatchObject({
            identifier: 'administrator',
            sdkAppId: 1400000000,
          });
        }),
      );
  });

  it('a partial success: 51007 and 51008 fail their item alone, the other is applied', async () => {
    const items: MarkItem[] = [
      customMarkOf('c0000'), // already marked: changing it adds no conversation
      { OptType: 2, ContactItem: { Type: 2, ToGroupId: 'team-gone' }, CustomMark: 'vip' },
      customMarkOf('user2'), // a 1001st conversation
    ];
    const codes = [ErrorCode.OK, ErrorCode.GROUP_UNRESOLVED, ErrorCode.CONVERSATION_LIMIT];
    const infos = [
      '',
      'MarkItem[1]: ToGroupId team-gone does not exist or was dissolved',
      'MarkItem[2]: the user already has 1000 marked conversations',
    ];
    await pact
      .addInteraction()
      .given(STATES.user0Has1000Marked)
      .given(STATES.groupDissolved)
      .uponReceiving('mark_contact where some items fail answers 51007 and 51008 for those items')
      .withRequest('POST', PATH, (request) =>
        request.query(commandQuery()).jsonBody({ From_Account: 'user0', MarkItem: items }),
      )
      .willRespondWith(200, (response) =>
        response.jsonBody({
          ResultItem: items.map((item, i) => resultItemOf(item, codes[i] as number, infos[i])),
          ...okEnvelope(),
        }),
      )
      .executeTest(
        settled(pact, async (server) => {
          const { client } = clientFor(server);
          const result = await client.markContact({ From_Account: 'user0', MarkItem: items });
          expect(result.ActionStatus).toBe('OK');
          expect(result.ResultItem.map((item) => item.ResultCode)).toEqual(codes);
          expect(
            result.failed.map((failure) => [
              failure.index,
              failure.resultItem.ResultCode,
              failure.entry?.name,
            ]),
          ).toEqual([
            [1, ErrorCode.GROUP_UNRESOLVED, 'GROUP_UNRESOLVED'],
            [2, ErrorCode.CONVERSATION_LIMIT, 'CONVERSATION_LIMIT'],
          ]);
          expect(result.failed[1]?.markItem).toEqual(customMarkOf('user2'));
          expect(result.failed[0]?.resultItem.ResultInfo).toBe(infos[1]);
        }),
      );
  });

  it('50002 on one item: a To_Account over 32 UTF-8 bytes fails alone, the other is applied', async () => {
    // 11 CJK characters: within JSON Schema's maxLength (32 characters) but 33 UTF-8 bytes.
    const items: MarkItem[] = [customMarkOf('user1'), customMarkOf('长'.repeat(11))];
    const request = { From_Account: 'user0', MarkItem: items };
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving('mark_contact with a To_Account over 32 bytes answers 50002 for that item')
      .withRequest('POST', PATH, (builder) => builder.query(commandQuery()).jsonBody(request))
      .willRespondWith(200, (response) =>
        response.jsonBody({
          ResultItem: [
            resultItemOf(items[0] as MarkItem, ErrorCode.OK),
            resultItemOf(
              items[1] as MarkItem,
              ErrorCode.INVALID_PARAMETER,
              'MarkItem[1].ContactItem.To_Account must be at most 32 UTF-8 bytes',
            ),
          ],
          ...okEnvelope(),
        }),
      )
      .executeTest(
        settled(pact, async (server) => {
          const { client, sent } = clientFor(server);
          // The public API refuses it before the network, with the code and field the provider answers…
          const local = await client.markContact(request).catch((error: unknown) => error);
          expect(local).toMatchObject({
            code: ErrorCode.INVALID_PARAMETER,
            itemIndex: 1,
            field: 'MarkItem[1].ContactItem.To_Account',
          });
          expect(sent).toHaveLength(0);
          // …so the provider's answer is exercised through the client's own sender.
          const answer = (await sendRaw(client, 'markContact', request)) as {
            ResultItem: { ResultCode: number }[];
          };
          expect(answer.ResultItem.map((item) => item.ResultCode)).toEqual([
            ErrorCode.OK,
            ErrorCode.INVALID_PARAMETER,
          ]);
        }),
      );
  });

  it('51006: a request naming no conversation fails as a whole', async () => {
    const request = { From_Account: 'user0', MarkItem: [] };
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving('mark_contact naming no conversation fails with 51006')
      .withRequest('POST', PATH, (builder) => builder.query(commandQuery()).jsonBody(request))
      .willRespondWith(200, (response) =>
        response.jsonBody(
          failEnvelope(ErrorCode.MARK_ITEM_COUNT, 'MarkItem must name 1 to 100 conversations, got 0'),
        ),
      )
      .executeTest(
        settled(pact, async (server) => {
          const { client, sent } = clientFor(server, { retry: { retries: 2, minDelayMs: 0, maxDelayMs: 0 } });
          // The public API refuses it before the network, with the code the provider answers…
          const local = await client.markContact(request).catch((error: unknown) => error);
          expect(local).toBeInstanceOf(TimMarksValidationError);
          expect((local as TimMarksValidationError).code).toBe(ErrorCode.MARK_ITEM_COUNT);
          expect(sent).toHaveLength(0);
          // …so the provider's answer is exercised through the client's own sender.
          const error = await apiError(sendRaw(client, 'markContact', request));
          expect(error).toMatchObject({ code: ErrorCode.MARK_ITEM_COUNT, retryable: false, attempts: 1 });
          expect(error.entry?.name).toBe('MARK_ITEM_COUNT');
        }),
      );
  });

  it('60003: a body that is not a JSON object fails as a whole', async () => {
    await pact
      .addInteraction()
      .given(STATES.user0Imported)
      .uponReceiving('mark_contact with a body that is not a JSON object fails with 60003')
      .withRequest('POST', PATH, (builder) => builder.query(commandQuery()).jsonBody([]))
      .willRespondWith(200, (response) =>
        response.jsonBody(failEnvelope(ErrorCode.INVALID_JSON, 'the body must be a JSON object')),
      )
      .executeTest(
        settled(pact, async (server) => {
          const { client } = clientFor(server);
          // The client only ever serialises request objects: its own sender is the only way to send this.
          const error = await apiError(sendRaw(client, 'markContact', []));
          expect(error).toMatchObject({ code: ErrorCode.INVALID_JSON, retryable: false, attempts: 1 });
        }),
      );
  });

  it('50001: From_Account was never imported', async () => {
    const request: MarkContactRequest = { From_Account: 'nobody', MarkItem: [customMarkOf('user1')] };
    await pact
      .addInteraction()
      .given(STATES.nobodyNeverImported)
      .uponReceiving('mark_contact from an account never imported fails with 50001')
      .withRequest('POST', PATH, (builder) => builder.query(commandQuery()).jsonBody(request))
      .willRespondWith(200, (response) =>
        response.jsonBody(
          failEnvelope(
            ErrorCode.ACCOUNT_NOT_IMPORTED,
            'From_Account nobody was never imported (account_import first)',
          ),
        ),
      )
      .executeTest(
        settled(pact, async (server) => {
          const { client, sent } = clientFor(server, { retry: { retries: 2, minDelayMs: 0, maxDelayMs: 0 } });
          const error = await apiError(client.markContact(request));
          expect(error).toMatchObject({
            code: ErrorCode.ACCOUNT_NOT_IMPORTED,
            retryable: false,
            attempts: 1,
          });
          expect(sent).toHaveLength(1);
        }),
      );
  });

  it('51013: standard marks on an app that is not Ultimate', async () => {
    const request: MarkContactRequest = {
      From_Account: 'user0',
      MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1] }],
    };
    await pact
      .addInteraction()
      .given(STATES.notUltimate)
      .uponReceiving('mark_contact of standard marks on an app that is not Ultimate fails with 51013')
      .withRequest('POST', PATH, (builder) => builder.query(commandQuery()).jsonBody(request))
      .willRespondWith(200, (response) =>
        response.jsonBody(
          failEnvelope(ErrorCode.NOT_ULTIMATE, 'standard marks (OptType 1 or 3) need the Ultimate edition'),
        ),
      )
      .executeTest(
        settled(pact, async (server) => {
          const { client, sent } = clientFor(server, { retry: { retries: 2, minDelayMs: 0, maxDelayMs: 0 } });
          const error = await apiError(
            client.markContact({
              From_Account: 'user0',
              MarkItem: [mark.c2c('user1').set(StandardMark.Star)],
            }),
          );
          expect(error).toMatchObject({ code: ErrorCode.NOT_ULTIMATE, retryable: false, attempts: 1 });
          expect(sent).toHaveLength(1);
        }),
      );
  });

  it('60007: over the per-second ceiling, retried with backoff', async () => {
    await pact
      .addInteraction()
      .given(STATES.ceilingExhausted)
      .uponReceiving('mark_contact over the per-second ceiling fails with 60007 (retried)')
      .withRequest('POST', PATH, (builder) => builder.query(commandQuery()).jsonBody(ONE_ITEM))
      .willRespondWith(200, (response) =>
        response.jsonBody(
          failEnvelope(
            ErrorCode.RATE_LIMITED,
            'v4/recentcontact/mark_contact is over its limit of 200 calls per second for sdkappid 1400000000',
          ),
        ),
      )
      .executeTest(
        settled(pact, async (server) => {
          // One retry: the mock answers 60007 again, so the client sends exactly twice, then gives up.
          const { client, sent, retries } = clientFor(server, {
            retry: { retries: 1, minDelayMs: 0, maxDelayMs: 0 },
          });
          const error = await apiError(client.markContact(ONE_ITEM));
          expect(error).toMatchObject({ code: ErrorCode.RATE_LIMITED, retryable: true, attempts: 2 });
          expect(sent).toHaveLength(2);
          expect(retries.map((event) => [event.attempt, event.error.code])).toEqual([
            [1, ErrorCode.RATE_LIMITED],
          ]);
        }),
      );
  });

  it('50004: an internal error, retried with backoff', async () => {
    await pact
      .addInteraction()
      .given(STATES.next50004)
      .uponReceiving('mark_contact during an internal error fails with 50004 (retryable)')
      .withRequest('POST', PATH, (builder) => builder.query(commandQuery()).jsonBody(ONE_ITEM))
      .willRespondWith(200, (response) =>
        response.jsonBody(
          failEnvelope(
            ErrorCode.INTERNAL_ERROR,
            'injected fault: v4/recentcontact/mark_contact answers 50004',
          ),
        ),
      )
      .executeTest(
        settled(pact, async (server) => {
          const { client, sent, retries } = clientFor(server, {
            retry: { retries: 1, minDelayMs: 0, maxDelayMs: 0 },
          });
          const error = await apiError(client.markContact(ONE_ITEM));
          expect(error).toMatchObject({ code: ErrorCode.INTERNAL_ERROR, retryable: true, attempts: 2 });
          expect(error.entry?.retryable).toBe(true);
          expect(sent).toHaveLength(2);
          expect(retries.map((event) => [event.attempt, event.error.code])).toEqual([
            [1, ErrorCode.INTERNAL_ERROR],
          ]);
        }),
      );
  });

  it('70001: an expired UserSig is re-signed once and sent again at once', async () => {
    await pact
      .addInteraction()
      .given(STATES.userSigExpired)
      .uponReceiving('mark_contact with an expired UserSig fails with 70001 (re-signed)')
      .withRequest('POST', PATH, (builder) => builder.query(commandQuery(EXPIRED_USERSIG)).jsonBody(ONE_ITEM))
      .willRespondWith(200, (response) =>
        response.jsonBody(
          failEnvelope(
            ErrorCode.USERSIG_EXPIRED,
            'UserSig expired at 1700086400 (unix seconds); it is now 1767225600',
          ),
        ),
      )
      .executeTest(
        settled(pact, async (server) => {
          // The client's clock moves two seconds at the re-sign, so the new UserSig is visibly new.
          let skewMs = 0;
          const { client, sent, retries } = clientFor(server, {
            clock: { now: () => systemClock.now() + skewMs, sleep: systemClock.sleep },
            onRetry: () => {
              skewMs += 2000;
            },
          });
          const error = await apiError(client.markContact(ONE_ITEM));
          // The mock answers 70001 to the re-signed UserSig too: the client re-signs once per call, then throws.
          expect(error).toMatchObject({ code: ErrorCode.USERSIG_EXPIRED, retryable: false, attempts: 2 });
          expect(retries.map((event) => [event.attempt, event.error.code, event.delayMs])).toEqual([
            [1, ErrorCode.USERSIG_EXPIRED, 0],
          ]);
          const [first, second] = sent.map((request) => decode(request.query.get('usersig') ?? ''));
          expect(first?.identifier).toBe('administrator');
          expect(second?.time).toBeGreaterThan(first?.time ?? Number.POSITIVE_INFINITY);
        }),
      );
  });
});
