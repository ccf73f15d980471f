import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decode, sign, verify } from '../src/index.js';
import { DEFAULT_EXPIRE_SECONDS } from '../src/sign.js';
import { inflateUserSig, PYTHON_VECTOR, readDoc } from './helpers.js';

const SDK_APP_ID = 1400000000;
const IDENTIFIER = 'xiaojun';
const SECRET_KEY = 'test-secret-key';
const TIME = 1700000000;
const EXPIRE = 86400;

const hmacBase64 = (content: string) =>
  createHmac('sha256', Buffer.from(SECRET_KEY, 'utf8')).update(content).digest('base64');

describe('sign', () => {
  it('round-trips through verify and decode', () => {
    const userSig = sign({ sdkAppId: SDK_APP_ID, identifier: IDENTIFIER, secretKey: SECRET_KEY });
    const result = verify(userSig, { sdkAppId: SDK_APP_ID, identifier: IDENTIFIER, secretKey: SECRET_KEY });
    expect(result.ok).toBe(true);
    expect(decode(userSig)).toMatchObject({ version: '2.0', identifier: IDENTIFIER, sdkAppId: SDK_APP_ID });
  });

  it('uses only the TLSSigAPIv2 alphabet (* - _ instead of + / =)', () => {
    for (let i = 0; i < 20; i++) {
      const userSig = sign({
        sdkAppId: SDK_APP_ID,
        identifier: `user-${i}`,
        secretKey: SECRET_KEY,
        now: TIME + i,
      });
      expect(userSig).toMatch(/^[A-Za-z0-9*_-]+$/);
    }
  });

  it('defaults to 180 days of validity from the current second', () => {
    const before = Math.floor(Date.now() / 1000);
    const decoded = decode(sign({ sdkAppId: SDK_APP_ID, identifier: IDENTIFIER, secretKey: SECRET_KEY }));
    const after = Math.floor(Date.now() / 1000);
    expect(DEFAULT_EXPIRE_SECONDS).toBe(15552000);
    expect(decoded?.expire).toBe(DEFAULT_EXPIRE_SECONDS);
    expect(decoded?.time).toBeGreaterThanOrEqual(before);
    expect(decoded?.time).toBeLessThanOrEqual(after);
    expect(decoded?.expiresAt).toBe((decoded?.time ?? 0) + DEFAULT_EXPIRE_SECONDS);
  });

  it('produces the documented JSON and HMAC for a fixed vector', () => {
    const userSig = sign({
      sdkAppId: SDK_APP_ID,
      identifier: IDENTIFIER,
      secretKey: SECRET_KEY,
      now: TIME,
      expireSeconds: EXPIRE,
    });
    const content =
      'TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:86400\n';
    // Computed with Python's hmac module, independently of Node.
    expect(hmacBase64(content)).toBe('LABsfPcl42+Il3cRiX4xoaL0pesHsKgT70gH2tCqLWw=');

    const json = inflateUserSig(userSig);
    expect(json).toBe(
      '{"TLS.ver":"2.0","TLS.identifier":"xiaojun","TLS.sdkappid":1400000000,"TLS.time":1700000000,' +
        '"TLS.expire":86400,"TLS.sig":"LABsfPcl42+Il3cRiX4xoaL0pesHsKgT70gH2tCqLWw="}',
    );
    const doc = readDoc(userSig);
    expect(doc['TLS.ver']).toBe('2.0');
    expect(doc['TLS.identifier']).toBe(IDENTIFIER);
    expect(doc['TLS.sdkappid']).toBe(SDK_APP_ID);
    expect(doc['TLS.time']).toBe(TIME);
    expect(doc['TLS.expire']).toBe(EXPIRE);
    expect(doc['TLS.sig']).toBe(hmacBase64(content));
    expect(doc).not.toHaveProperty('TLS.userbuf');
    expect(Object.keys(doc)).toHaveLength(6);
  });

  it('signs the userbuf: content gains a TLS.userbuf line and the JSON a TLS.userbuf field', () => {
    const userSig = sign({
      sdkAppId: SDK_APP_ID,
      identifier: IDENTIFIER,
      secretKey: SECRET_KEY,
      now: TIME,
      expireSeconds: EXPIRE,
      userBuf: 'room-42',
    });
    const content =
      'TLS.identifier:xiaojun\nTLS.sdkappid:1400000000\nTLS.time:1700000000\nTLS.expire:86400\n' +
      'TLS.userbuf:cm9vbS00Mg==\n';
    const doc = readDoc(userSig);
    expect(doc['TLS.userbuf']).toBe('cm9vbS00Mg==');
    expect(doc['TLS.sig']).toBe('90Xh9JkP4IP1M/3KTsFZ2X6R/CbjX85dAuAzYiJFwCw=');
    expect(doc['TLS.sig']).toBe(hmacBase64(content));

    const decoded = decode(userSig);
    expect(decoded?.userBuf?.toString('utf8')).toBe('room-42');
    expect(
      verify(userSig, { sdkAppId: SDK_APP_ID, identifier: IDENTIFIER, secretKey: SECRET_KEY, now: TIME }).ok,
    ).toBe(true);
  });

  it('takes a binary userbuf as bytes', () => {
    const bytes = Uint8Array.from([0, 1, 2, 254, 255]);
    const userSig = sign({
      sdkAppId: SDK_APP_ID,
      identifier: IDENTIFIER,
      secretKey: SECRET_KEY,
      userBuf: bytes,
    });
    expect(readDoc(userSig)['TLS.userbuf']).toBe(Buffer.from(bytes).toString('base64'));
    expect([...(decode(userSig)?.userBuf ?? [])]).toEqual([...bytes]);
  });

  it('verifies a UserSig compressed at zlib level 1 and at level 9', () => {
    const options = { sdkAppId: SDK_APP_ID, identifier: IDENTIFIER, secretKey: SECRET_KEY, now: TIME };
    const fast = sign({ ...options, level: 1 });
    const best = sign({ ...options, level: 9 });
    expect(verify(fast, options).ok).toBe(true);
    expect(verify(best, options).ok).toBe(true);
    expect(inflateUserSig(fast)).toBe(inflateUserSig(best));
  });

  it('accepts a UserSig produced by another implementation (Python zlib + hmac)', () => {
    const result = verify(PYTHON_VECTOR, {
      sdkAppId: SDK_APP_ID,
      identifier: IDENTIFIER,
      secretKey: SECRET_KEY,
      now: TIME,
    });
    expect(result).toMatchObject({ ok: true, expiresAt: TIME + EXPIRE });
  });

  it('rejects options it cannot encode', () => {
    const base = { sdkAppId: SDK_APP_ID, identifier: IDENTIFIER, secretKey: SECRET_KEY };
    expect(() => sign({ ...base, sdkAppId: 0 })).toThrow(TypeError);
    expect(() => sign({ ...base, sdkAppId: 1.5 })).toThrow(TypeError);
    expect(() => sign({ ...base, identifier: '' })).toThrow(TypeError);
    expect(() => sign({ ...base, secretKey: '' })).toThrow(TypeError);
    expect(() => sign({ ...base, expireSeconds: -1 })).toThrow(TypeError);
    expect(() => sign({ ...base, now: Number.NaN })).toThrow(TypeError);
  });

  it('keeps non-ASCII identifiers and keys intact', () => {
    const options = { sdkAppId: SDK_APP_ID, identifier: '用户_1', secretKey: 'clé-秘密' };
    const userSig = sign(options);
    expect(decode(userSig)?.identifier).toBe('用户_1');
    expect(verify(userSig, options).ok).toBe(true);
  });
});
