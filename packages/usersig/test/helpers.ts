import { deflateSync, inflateSync } from 'node:zlib';

// Written independently of src/ so the tests do not check the library against itself.
export function toUserSig(payload: string | Uint8Array): string {
  return deflateSync(Buffer.from(payload))
    .toString('base64')
    .replaceAll('+', '*')
    .replaceAll('/', '-')
    .replaceAll('=', '_');
}

export function inflateUserSig(userSig: string): string {
  const base64 = userSig.replaceAll('*', '+').replaceAll('-', '/').replaceAll('_', '=');
  return inflateSync(Buffer.from(base64, 'base64')).toString('utf8');
}

export function readDoc(userSig: string): Record<string, unknown> {
  return JSON.parse(inflateUserSig(userSig)) as Record<string, unknown>;
}

export function rewrite(userSig: string, change: (doc: Record<string, unknown>) => void): string {
  const doc = readDoc(userSig);
  change(doc);
  return toUserSig(JSON.stringify(doc));
}

/**
 * A UserSig made with CPython's zlib, hmac and json modules (sdkappid 1400000000, identifier "xiaojun",
 * key "test-secret-key", time 1700000000, expire 86400): other deflate bytes than Node's, same meaning.
 */
export const PYTHON_VECTOR =
  'eJyrVgrxCdYrSy1SslIy0jNQ0gHzM1NS80oy0zLBwhWZiflZpXlQqeKU7MSCgswUJStDEwMogMiUZOamAkXNUUVTKwoyi4DiFmYmMKHizHSgsT6OTsVpAck5JkbanjnGyUGZESYV*Yk*BgWpxR7F3ukh5gbpHkYlzoU*4eW2SrUAFxoxdQ__';
