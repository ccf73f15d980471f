// The UserSig cache: verified once per (SDKAppID, identifier, UserSig), trusted until it expires, bounded.
import { ErrorCode } from '@tim-marks/types';
import { sign } from '@tim-marks/usersig';
import { describe, expect, it } from 'vitest';
import { AppRuntime } from '../src/apps.js';
import { UserSigVerifier } from '../src/auth.js';

const app = new AppRuntime({
  sdkAppId: 1400000000,
  secretKey: 'key',
  admins: ['administrator'],
  edition: 'ultimate',
  rateLimit: 200,
  accounts: [],
  groups: [],
});

describe('UserSigVerifier', () => {
  it('trusts a verified UserSig until it expires, then answers 70001', () => {
    const verifier = new UserSigVerifier();
    const usersig = sign({
      sdkAppId: 1400000000,
      identifier: 'administrator',
      secretKey: 'key',
      now: 1000,
      expireSeconds: 10,
    });
    expect(verifier.verify(app, 'administrator', usersig, 1005)).toEqual({ ok: true });
    expect(verifier.size).toBe(1);
    expect(verifier.verify(app, 'administrator', usersig, 1010)).toEqual({ ok: true });
    expect(verifier.verify(app, 'administrator', usersig, 1011)).toMatchObject({
      ok: false,
      code: ErrorCode.USERSIG_EXPIRED,
    });
    expect(verifier.size).toBe(0);
  });

  it('keys the cache by identifier too: a cached UserSig does not pass for another identifier', () => {
    const verifier = new UserSigVerifier();
    const usersig = sign({ sdkAppId: 1400000000, identifier: 'administrator', secretKey: 'key' });
    const now = Math.floor(Date.now() / 1000);
    expect(verifier.verify(app, 'administrator', usersig, now).ok).toBe(true);
    expect(verifier.verify(app, 'someone', usersig, now)).toMatchObject({
      ok: false,
      code: ErrorCode.USERSIG_IDENTIFIER,
    });
  });

  it('does not cache failures and stays within its size, dropping the oldest entries', () => {
    const verifier = new UserSigVerifier(3);
    const now = Math.floor(Date.now() / 1000);
    expect(verifier.verify(app, 'administrator', 'garbage', now)).toMatchObject({
      ok: false,
      code: ErrorCode.USERSIG_INVALID,
    });
    expect(verifier.size).toBe(0);
    const sigs = Array.from({ length: 5 }, (_, i) =>
      sign({ sdkAppId: 1400000000, identifier: 'administrator', secretKey: 'key', now: now - i }),
    );
    for (const usersig of sigs) expect(verifier.verify(app, 'administrator', usersig, now).ok).toBe(true);
    expect(verifier.size).toBe(3);
  });
});
