import { deflateRawSync } from 'node:zlib';
import { ErrorCode } from '@tim-marks/types';
import { describe, expect, it } from 'vitest';
import { decode, sign, type VerifyResult, verify } from '../src/index.js';
import { inflateUserSig, PYTHON_VECTOR, rewrite, toUserSig } from './helpers.js';

const SECRET_KEY = 'very-secret-key-0123456789abcdef';
const OPTIONS = { sdkAppId: 1400000001, identifier: 'admin', secretKey: SECRET_KEY };
const TIME = 1700000000;
const EXPIRE = 3600;
const good = sign({ ...OPTIONS, now: TIME, expireSeconds: EXPIRE });
const at = (now: number) => ({ ...OPTIONS, now });

function failure(result: VerifyResult) {
  if (result.ok) throw new Error('expected a failure');
  return result;
}

describe('verify', () => {
  it('accepts a valid UserSig and reports its expiry', () => {
    const result = verify(good, at(TIME));
    expect(result).toMatchObject({ ok: true, expiresAt: TIME + EXPIRE });
    if (result.ok) expect(result.decoded.identifier).toBe('admin');
  });

  it('70002 for an empty UserSig', () => {
    expect(failure(verify('', at(TIME))).code).toBe(ErrorCode.USERSIG_EMPTY);
  });

  it.each([
    ['plain text', 'not a usersig'],
    ['standard base64 alphabet (+ / =)', standardBase64(PYTHON_VECTOR)],
    ['valid alphabet, not zlib', 'AAAAAAAAAAAA'],
    ['a lone trailing character', `${good}A`],
    ['truncated', good.slice(0, 40)],
    ['zlib, not JSON', toUserSig('hello, world')],
    ['JSON, not an object', toUserSig('[1,2,3]')],
    ['JSON null', toUserSig('null')],
    ['missing TLS.sig', rewrite(good, (doc) => delete doc['TLS.sig'])],
    ['missing TLS.identifier', rewrite(good, (doc) => delete doc['TLS.identifier'])],
    ['TLS.sdkappid as a string', rewrite(good, (doc) => (doc['TLS.sdkappid'] = '1400000001'))],
    ['TLS.time as a string', rewrite(good, (doc) => (doc['TLS.time'] = String(TIME)))],
    ['TLS.expire negative', rewrite(good, (doc) => (doc['TLS.expire'] = -1))],
    ['TLS.expire fractional', rewrite(good, (doc) => (doc['TLS.expire'] = 1.5))],
    ['TLS.ver missing', rewrite(good, (doc) => delete doc['TLS.ver'])],
    ['TLS.userbuf as a number', rewrite(good, (doc) => (doc['TLS.userbuf'] = 7))],
    ['raw deflate without the zlib wrapper', rawDeflate(good)],
  ])('70003 for an undecodable UserSig: %s', (_name, userSig) => {
    const result = failure(verify(userSig, at(TIME)));
    expect(result.code).toBe(ErrorCode.USERSIG_INVALID);
    expect(result.reason.length).toBeGreaterThan(0);
    expect(decode(userSig)).toBeUndefined();
  });

  it('70014 when the SDKAppID differs', () => {
    const result = failure(verify(good, { ...at(TIME), sdkAppId: 1400000002 }));
    expect(result).toMatchObject({ code: ErrorCode.USERSIG_SDKAPPID, expiresAt: TIME + EXPIRE });
  });

  it('70013 when the identifier differs', () => {
    expect(failure(verify(good, { ...at(TIME), identifier: 'Admin' })).code).toBe(
      ErrorCode.USERSIG_IDENTIFIER,
    );
  });

  it('is valid at exactly time + expire and 70001 one second later', () => {
    expect(verify(good, at(TIME + EXPIRE)).ok).toBe(true);
    const result = failure(verify(good, at(TIME + EXPIRE + 1)));
    expect(result).toMatchObject({ code: ErrorCode.USERSIG_EXPIRED, expiresAt: TIME + EXPIRE });
  });

  it('70009 when signed with another key', () => {
    const forged = sign({ ...OPTIONS, secretKey: 'another-key', now: TIME, expireSeconds: EXPIRE });
    expect(failure(verify(forged, at(TIME))).code).toBe(ErrorCode.USERSIG_SIGNATURE);
  });

  it.each([
    ['a longer validity', (doc: Record<string, unknown>) => (doc['TLS.expire'] = EXPIRE * 1000)],
    ['a later issue time', (doc: Record<string, unknown>) => (doc['TLS.time'] = TIME + 1)],
    ['an added userbuf', (doc: Record<string, unknown>) => (doc['TLS.userbuf'] = 'AAAA')],
    ['a signature of another length', (doc: Record<string, unknown>) => (doc['TLS.sig'] = 'c2hvcnQ=')],
    [
      'one flipped signature character',
      (doc: Record<string, unknown>) => (doc['TLS.sig'] = flipFirst(doc['TLS.sig'])),
    ],
  ])('70009 for a tampered UserSig: %s', (_name, change) => {
    expect(failure(verify(rewrite(good, change), at(TIME))).code).toBe(ErrorCode.USERSIG_SIGNATURE);
  });

  it('70009 when the userbuf of a signed userbuf is changed', () => {
    const withUserBuf = sign({ ...OPTIONS, now: TIME, userBuf: 'room-1' });
    const changed = rewrite(
      withUserBuf,
      (doc) => (doc['TLS.userbuf'] = Buffer.from('room-2').toString('base64')),
    );
    expect(verify(withUserBuf, at(TIME)).ok).toBe(true);
    expect(failure(verify(changed, at(TIME))).code).toBe(ErrorCode.USERSIG_SIGNATURE);
  });

  it('checks in order: sdkappid, identifier, expiry, signature', () => {
    const wrongKey = sign({ ...OPTIONS, secretKey: 'another-key', now: TIME, expireSeconds: EXPIRE });
    const late = TIME + EXPIRE + 1;
    expect(failure(verify(wrongKey, { ...at(late), sdkAppId: 1, identifier: 'x' })).code).toBe(
      ErrorCode.USERSIG_SDKAPPID,
    );
    expect(failure(verify(wrongKey, { ...at(late), identifier: 'x' })).code).toBe(
      ErrorCode.USERSIG_IDENTIFIER,
    );
    expect(failure(verify(wrongKey, at(late))).code).toBe(ErrorCode.USERSIG_EXPIRED);
    expect(failure(verify(wrongKey, at(TIME))).code).toBe(ErrorCode.USERSIG_SIGNATURE);
  });

  it('never puts the secret key or the UserSig in a reason', () => {
    const forged = sign({ ...OPTIONS, secretKey: 'another-key', now: TIME, expireSeconds: EXPIRE });
    const results = [
      verify('', at(TIME)),
      verify('garbage', at(TIME)),
      verify(good, { ...at(TIME), sdkAppId: 1 }),
      verify(good, { ...at(TIME), identifier: 'x' }),
      verify(good, at(TIME + EXPIRE + 1)),
      verify(forged, at(TIME)),
    ];
    for (const result of results) {
      const { reason } = failure(result);
      expect(reason).not.toContain(SECRET_KEY);
      expect(reason).not.toContain(good);
      expect(reason).not.toContain(forged);
      expect(reason).toMatch(/^UserSig /);
    }
  });

  it('uses the current time by default', () => {
    const fresh = sign({ ...OPTIONS, expireSeconds: 60 });
    const stale = sign({ ...OPTIONS, now: TIME, expireSeconds: 60 });
    expect(verify(fresh, OPTIONS).ok).toBe(true);
    expect(failure(verify(stale, OPTIONS)).code).toBe(ErrorCode.USERSIG_EXPIRED);
  });
});

function flipFirst(sig: unknown): string {
  const text = String(sig);
  return (text[0] === 'A' ? 'B' : 'A') + text.slice(1);
}

function rawDeflate(userSig: string): string {
  // A raw DEFLATE stream lacks the RFC 1950 header the format requires.
  return deflateRawSync(Buffer.from(inflateUserSig(userSig)))
    .toString('base64')
    .replaceAll('+', '*')
    .replaceAll('/', '-')
    .replaceAll('=', '_');
}

function standardBase64(userSig: string): string {
  expect(userSig).toMatch(/\*.*_$/);
  return userSig.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '=');
}
