import { inflateSync } from 'node:zlib';
import { unescapeBase64 } from './base64url.js';

export interface DecodedUserSig {
  version: string;
  identifier: string;
  sdkAppId: number;
  /** Issue time, unix seconds. */
  time: number;
  /** Validity in seconds. */
  expire: number;
  /** time + expire: the last second at which the UserSig is valid. */
  expiresAt: number;
  /** "TLS.sig" as carried, base64. */
  sig: string;
  userBuf?: Buffer;
  /** "TLS.userbuf" as carried, base64 (it is what the signature covers). */
  userBufBase64?: string;
}

export type DecodeOutcome = { ok: true; decoded: DecodedUserSig } | { ok: false; reason: string };

// A real UserSig inflates to a few hundred bytes; the cap keeps a zip bomb from costing memory.
const MAX_INFLATED_BYTES = 64 * 1024;

function isCount(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** Decodes with a reason for the failure; no signature or expiry check. */
export function decodeDetailed(userSig: string): DecodeOutcome {
  const compressed = unescapeBase64(userSig);
  if (compressed === undefined)
    return { ok: false, reason: 'UserSig is not in the TLSSigAPIv2 base64 alphabet' };

  let json: string;
  try {
    json = inflateSync(compressed, { maxOutputLength: MAX_INFLATED_BYTES }).toString('utf8');
  } catch {
    return { ok: false, reason: 'UserSig is not zlib-compressed data' };
  }

  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return { ok: false, reason: 'UserSig does not contain JSON' };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) {
    return { ok: false, reason: 'UserSig does not contain a JSON object' };
  }
  const fields = doc as Record<string, unknown>;

  const version = fields['TLS.ver'];
  const identifier = fields['TLS.identifier'];
  const sdkAppId = fields['TLS.sdkappid'];
  const time = fields['TLS.time'];
  const expire = fields['TLS.expire'];
  const sig = fields['TLS.sig'];
  const userBufBase64 = fields['TLS.userbuf'];

  if (typeof version !== 'string') return invalidField('TLS.ver', 'a string');
  if (typeof identifier !== 'string' || identifier === '')
    return invalidField('TLS.identifier', 'a non-empty string');
  if (!isCount(sdkAppId)) return invalidField('TLS.sdkappid', 'a non-negative integer');
  if (!isCount(time)) return invalidField('TLS.time', 'a non-negative integer');
  if (!isCount(expire)) return invalidField('TLS.expire', 'a non-negative integer');
  if (typeof sig !== 'string' || sig === '') return invalidField('TLS.sig', 'a non-empty string');
  if (userBufBase64 !== undefined && typeof userBufBase64 !== 'string') {
    return invalidField('TLS.userbuf', 'a base64 string when present');
  }

  const decoded: DecodedUserSig = {
    version,
    identifier,
    sdkAppId,
    time,
    expire,
    expiresAt: time + expire,
    sig,
  };
  if (userBufBase64 !== undefined) {
    decoded.userBuf = Buffer.from(userBufBase64, 'base64');
    decoded.userBufBase64 = userBufBase64;
  }
  return { ok: true, decoded };
}

function invalidField(name: string, expected: string): DecodeOutcome {
  return { ok: false, reason: `UserSig field "${name}" is missing or not ${expected}` };
}

/** Reads a UserSig without checking it; undefined when it cannot be decoded. */
export function decode(userSig: string): DecodedUserSig | undefined {
  if (typeof userSig !== 'string' || userSig === '') return undefined;
  const outcome = decodeDetailed(userSig);
  return outcome.ok ? outcome.decoded : undefined;
}
