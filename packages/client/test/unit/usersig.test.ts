import { decode, sign, verify } from '@tim-marks/usersig';
import { afterEach, describe, expect, it } from 'vitest';
import { ErrorCode, type RetryEvent, TimMarksApiError } from '../../src/index.js';
import { renewMarginSeconds } from '../../src/usersig.js';
import { ADMIN, defaultReply, FakeApi, fail, SDK_APP_ID, SECRET_KEY } from '../support/fake-api.js';
import { settableClock } from '../support/manual-clock.js';

let api: FakeApi;
afterEach(async () => api?.close());

const page = { From_Account: 'user0', StartIndex: 0 };
const sigOf = (i: number) => api.sent[i]?.query.get('usersig') ?? '';

describe('UserSig signed with secretKey', () => {
  it('signs a UserSig that verifies against the secret key, issued at the client clock', async () => {
    api = new FakeApi().listen();
    const clock = settableClock(Date.UTC(2025, 5, 1, 12, 0, 0, 700));
    await api.client({ clock, userSigExpireSeconds: 7200 }).getContactGroup(page);
    const decoded = decode(sigOf(0));
    expect(decoded).toMatchObject({ identifier: ADMIN, sdkAppId: SDK_APP_ID, expire: 7200 });
    expect(decoded?.time).toBe(Math.floor(clock.time / 1000));
    const check = verify(sigOf(0), {
      sdkAppId: SDK_APP_ID,
      identifier: ADMIN,
      secretKey: SECRET_KEY,
      now: Math.floor(clock.time / 1000),
    });
    expect(check.ok).toBe(true);
  });

  it('reuses the UserSig, then renews it when one hour of a one-day life remains', async () => {
    api = new FakeApi().listen();
    const clock = settableClock();
    const start = clock.time;
    const client = api.client({ clock, userSigExpireSeconds: 86400 });
    await client.getContactGroup(page);
    clock.time = start + (86400 - 3600) * 1000 - 1;
    await client.getContactGroup(page);
    expect(sigOf(1)).toBe(sigOf(0));
    clock.time = start + (86400 - 3600) * 1000;
    await client.getContactGroup(page);
    expect(sigOf(2)).not.toBe(sigOf(0));
    expect(decode(sigOf(2))?.time).toBe(Math.floor(clock.time / 1000));
    // The new one is reused in turn.
    await client.getContactGroup(page);
    expect(sigOf(3)).toBe(sigOf(2));
  });

  it('renews a short-lived UserSig when 10% of its life remains', async () => {
    expect(renewMarginSeconds(86400)).toBe(3600);
    expect(renewMarginSeconds(600)).toBe(60);
    api = new FakeApi().listen();
    const clock = settableClock();
    const start = clock.time;
    const client = api.client({ clock, userSigExpireSeconds: 600 });
    await client.getContactGroup(page);
    clock.time = start + 539_000;
    await client.getContactGroup(page);
    clock.time = start + 540_000;
    await client.getContactGroup(page);
    expect(sigOf(1)).toBe(sigOf(0));
    expect(sigOf(2)).not.toBe(sigOf(0));
  });

  it('re-signs once on 70001 and sends again at once, outside the retry budget', async () => {
    const clock = settableClock();
    api = new FakeApi().listen((sent, index) => {
      if (index === 0) {
        // The server's clock says the first UserSig expired; the client's clock moves on too.
        clock.time += 5000;
        return fail(ErrorCode.USERSIG_EXPIRED, 'expired');
      }
      return defaultReply(sent);
    });
    const events: RetryEvent[] = [];
    const result = await api
      .client({ clock, retry: false, onRetry: (e) => events.push(e) })
      .getContactGroup(page);
    expect(result.ActionStatus).toBe('OK');
    expect(api.sent).toHaveLength(2);
    expect(sigOf(1)).not.toBe(sigOf(0));
    expect(events).toEqual([
      expect.objectContaining({ delayMs: 0, error: expect.objectContaining({ code: 70001 }) }),
    ]);
  });

  it('re-signs only once: a second 70001 is thrown', async () => {
    api = new FakeApi().listen(() => fail(ErrorCode.USERSIG_EXPIRED, 'clock skew'));
    const error = await api
      .client()
      .getContactGroup(page)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimMarksApiError);
    expect(error).toMatchObject({ code: 70001, attempts: 2, retryable: false });
  });
});

describe('a fixed userSig', () => {
  it('is sent as given and never re-signed: 70001 is thrown at once', async () => {
    const userSig = sign({
      sdkAppId: SDK_APP_ID,
      identifier: ADMIN,
      secretKey: SECRET_KEY,
      expireSeconds: 60,
    });
    api = new FakeApi().listen((sent, index) =>
      index === 1 ? fail(ErrorCode.USERSIG_EXPIRED) : defaultReply(sent),
    );
    const client = api.client({ userSig });
    await client.getContactGroup(page);
    await expect(client.getContactGroup(page)).rejects.toMatchObject({ code: 70001, attempts: 1 });
    expect(api.sent.map((sent) => sent.query.get('usersig'))).toEqual([userSig, userSig]);
  });
});
