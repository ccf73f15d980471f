import { deflateSync } from 'node:zlib';
import { escapeBase64 } from './base64url.js';
import { computeSig, type SignedFields } from './content.js';

/** 180 days, the validity the official examples use. */
export const DEFAULT_EXPIRE_SECONDS = 180 * 86400;

export interface SignOptions {
  sdkAppId: number;
  identifier: string;
  secretKey: string;
  /** Validity in seconds from `now`; default DEFAULT_EXPIRE_SECONDS. */
  expireSeconds?: number;
  /** Optional payload signed along (TRTC PrivateMapKey); a string is taken as UTF-8. */
  userBuf?: Uint8Array | string;
  /** Issue time in unix seconds; default the current second. */
  now?: number;
  /** zlib level 0–9; default zlib's own default, as the official libraries use. */
  level?: number;
}

function requireInteger(name: string, value: unknown, min: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min) {
    throw new TypeError(`${name} must be an integer >= ${min}`);
  }
  return value;
}

/** Issues a UserSig the way the official TLSSigAPIv2 libraries do. Throws TypeError on invalid options. */
export function sign(options: SignOptions): string {
  const sdkAppId = requireInteger('sdkAppId', options.sdkAppId, 1);
  const time = requireInteger('now', options.now ?? Math.floor(Date.now() / 1000), 0);
  const expire = requireInteger('expireSeconds', options.expireSeconds ?? DEFAULT_EXPIRE_SECONDS, 0);
  if (typeof options.identifier !== 'string' || options.identifier === '') {
    throw new TypeError('identifier must be a non-empty string');
  }
  if (typeof options.secretKey !== 'string' || options.secretKey === '') {
    throw new TypeError('secretKey must be a non-empty string');
  }

  const fields: SignedFields = { identifier: options.identifier, sdkAppId, time, expire };
  if (options.userBuf !== undefined) fields.userBufBase64 = Buffer.from(options.userBuf).toString('base64');

  // Key order follows the official Node library: userbuf, when present, comes before sig.
  const doc: Record<string, string | number> = {
    'TLS.ver': '2.0',
    'TLS.identifier': fields.identifier,
    'TLS.sdkappid': sdkAppId,
    'TLS.time': time,
    'TLS.expire': expire,
  };
  if (fields.userBufBase64 !== undefined) doc['TLS.userbuf'] = fields.userBufBase64;
  doc['TLS.sig'] = computeSig(fields, options.secretKey);

  const compressed = deflateSync(
    Buffer.from(JSON.stringify(doc), 'utf8'),
    options.level === undefined ? {} : { level: options.level },
  );
  return escapeBase64(compressed);
}
