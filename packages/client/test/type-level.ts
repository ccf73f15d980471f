// Type-level tests, checked by `npm run typecheck` (tsc), never executed. Each `@ts-expect-error`
// line must fail to compile: if the client's types loosen, tsc reports the unused directive.
import {
  type ClientOptions,
  createClient,
  type MarkContactResult,
  type MarkItem,
  mark,
  StandardMark,
  type TimMarksClient,
} from '../src/index.js';

declare const client: TimMarksClient;
const base = { sdkAppId: 1400000000, identifier: 'administrator' };

export const good: ClientOptions = { ...base, secretKey: 'k', region: 'singapore' };
export const stub: ClientOptions = { ...base, userSig: 's', baseUrl: 'http://127.0.0.1:8080' };

// @ts-expect-error the region must be one of the nine
export const badRegion: ClientOptions = { ...base, secretKey: 'k', region: 'mars' };
// @ts-expect-error region and baseUrl exclude each other
export const bothEndpoints: ClientOptions = { ...base, secretKey: 'k', region: 'china', baseUrl: 'http://x' };
// @ts-expect-error secretKey and userSig exclude each other
export const bothAuth: ClientOptions = { ...base, secretKey: 'k', userSig: 's', region: 'china' };
// @ts-expect-error one of secretKey / userSig is required
export const noAuth: ClientOptions = { ...base, region: 'china' };
// @ts-expect-error an unchecked environment variable may be undefined
export const unset: ClientOptions = { ...base, secretKey: process.env.TIM_SECRET_KEY, region: 'china' };
// @ts-expect-error rateLimit is a number or false, not true
export const rateTrue: ClientOptions = { ...good, rateLimit: true };

export async function misuse(): Promise<void> {
  // @ts-expect-error From_Account is a string
  await client.markContact({ From_Account: 1, MarkItem: [] });
  // @ts-expect-error MarkItem is required
  await client.markContact({ From_Account: 'user0' });
  await client.markContact({
    From_Account: 'user0',
    // @ts-expect-error OptType 4 does not exist
    MarkItem: [{ OptType: 4, ContactItem: { Type: 1, To_Account: 'user1' }, SetMark: [1] }],
  });
  await client.markContact({
    From_Account: 'user0',
    // @ts-expect-error a misspelled field (Setmark) does not compile
    MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'user1' }, Setmark: [1] }],
  });
  await client.markContact({
    From_Account: 'user0',
    // @ts-expect-error a group conversation names ToGroupId, not To_Account
    MarkItem: [{ OptType: 1, ContactItem: { Type: 2, To_Account: 'g' }, SetMark: [1] }],
  });
  await client.markContact({
    From_Account: 'user0',
    // @ts-expect-error CustomMark is a string
    MarkItem: [{ OptType: 2, ContactItem: { Type: 1, To_Account: 'u' }, CustomMark: 5 }],
  });
  // @ts-expect-error a target with nothing set is not a MarkItem (no OptType)
  await client.markContact({ From_Account: 'user0', MarkItem: [mark.c2c('user1')] });
  // @ts-expect-error set() needs at least one position
  mark.c2c('user1').set();
  // @ts-expect-error a position is a number, not a name
  mark.c2c('user1').set('Star');
  // @ts-expect-error StartIndex is required
  await client.getContactGroup({ From_Account: 'user0' });
  // @ts-expect-error the signal is an AbortSignal
  await client.getContactGroup({ From_Account: 'user0', StartIndex: 0 }, { signal: 5 });
  // @ts-expect-error the setup commands keep the API's field names (UserID)
  await client.importAccount({ UserId: 'user1' });
  // @ts-expect-error GroupType is one of the spec's
  await client.createGroup({ Type: 'Club', Name: 'g' });
}

export async function use(): Promise<MarkContactResult> {
  // A built change is a MarkItem and mixes with plain ones.
  const items: MarkItem[] = [
    mark.c2c('user1').set(StandardMark.Star).custom('vip'),
    mark.group('@TGS#1').clear(StandardMark.Unread),
    { OptType: 2, ContactItem: { Type: 1, To_Account: 'user2' }, CustomMark: '' },
  ];
  const result = await client.markContact({ From_Account: 'user0', MarkItem: items });
  for (const failure of result.failed) {
    const code: number = failure.resultItem.ResultCode;
    const retryable: boolean | undefined = failure.entry?.retryable;
    void [code, retryable, failure.index];
  }
  for await (const contact of client.contacts('user0')) {
    const id: string = contact.Type === 1 ? contact.To_Account : contact.ToGroupId;
    void id;
  }
  return result;
}

export const made: TimMarksClient = createClient(good);
