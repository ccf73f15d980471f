import { timingSafeEqual } from 'node:crypto';
import { ErrorCode } from '@tim-marks/types';
import { computeSig } from './content.js';
import { type DecodedUserSig, decodeDetailed } from './decode.js';

export interface VerifyOptions {
  sdkAppId: number;
  identifier: string;
  secretKey: string;
  /** Unix seconds; default the current second. */
  now?: number;
}

export type VerifyFailureCode =
  | typeof ErrorCode.USERSIG_EXPIRED
  | typeof ErrorCode.USERSIG_EMPTY
  | typeof ErrorCode.USERSIG_INVALID
  | typeof ErrorCode.USERSIG_SIGNATURE
  | typeof ErrorCode.USERSIG_IDENTIFIER
  | typeof ErrorCode.USERSIG_SDKAPPID;

export type VerifyResult =
  | { ok: true; decoded: DecodedUserSig; expiresAt: number }
  | { ok: false; code: VerifyFailureCode; reason: string; expiresAt?: number };

/**
 * Checks a UserSig in the server's order: empty, decodable, sdkappid, identifier, expiry, signature.
 * Reasons never quote the secret key or the UserSig.
 */
export function verify(userSig: string, options: VerifyOptions): VerifyResult {
  if (userSig === undefined || userSig === null || userSig === '') {
    return { ok: false, code: ErrorCode.USERSIG_EMPTY, reason: 'UserSig is empty' };
  }
  if (typeof userSig !== 'string') {
    return { ok: false, code: ErrorCode.USERSIG_INVALID, reason: 'UserSig is not a string' };
  }

  const outcome = decodeDetailed(userSig);
  if (!outcome.ok) return { ok: false, code: ErrorCode.USERSIG_INVALID, reason: outcome.reason };
  const { decoded } = outcome;
  const { expiresAt } = decoded;

  if (decoded.sdkAppId !== options.sdkAppId) {
    return {
      ok: false,
      code: ErrorCode.USERSIG_SDKAPPID,
      reason: `UserSig was issued for SDKAppID ${decoded.sdkAppId}, not ${options.sdkAppId}`,
      expiresAt,
    };
  }
  if (decoded.identifier !== options.identifier) {
    return {
      ok: false,
      code: ErrorCode.USERSIG_IDENTIFIER,
      reason: `UserSig was issued for identifier ${JSON.stringify(decoded.identifier)}, not ${JSON.stringify(options.identifier)}`,
      expiresAt,
    };
  }
  const now = options.now ?? Math.floor(Date.now() / 1000);
  if (now > expiresAt) {
    return {
      ok: false,
      code: ErrorCode.USERSIG_EXPIRED,
      reason: `UserSig expired at ${expiresAt} (unix seconds); it is now ${now}`,
      expiresAt,
    };
  }

  const expected = Buffer.from(computeSig(decoded, options.secretKey), 'utf8');
  const actual = Buffer.from(decoded.sig, 'utf8');
  // timingSafeEqual throws on unequal lengths; a length mismatch is simply a wrong signature.
  if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) {
    return {
      ok: false,
      code: ErrorCode.USERSIG_SIGNATURE,
      reason: 'UserSig signature does not match: it was not issued with this secret key, or it was altered',
      expiresAt,
    };
  }
  return { ok: true, decoded, expiresAt };
}
