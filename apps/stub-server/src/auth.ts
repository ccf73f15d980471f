// UserSig verification with a bounded cache: a signature is verified once per distinct
// (SDKAppID, identifier, UserSig) and then trusted until it expires. Failures are not cached
// (so an expired entry is verified again and answers 70001). The cache drops its oldest entry
// when full. Verification and its constant-time comparison live in @tim-marks/usersig.
import { verify } from '@tim-marks/usersig';
import type { AppRuntime } from './apps.js';

export const DEFAULT_USERSIG_CACHE_SIZE = 10_000;

export type AuthResult = { ok: true } | { ok: false; code: number; reason: string };

const OK: AuthResult = { ok: true };

export class UserSigVerifier {
  /** key → expiry in unix seconds; the Map's order is insertion order, oldest first. */
  private readonly cache = new Map<string, number>();

  constructor(private readonly maxEntries: number = DEFAULT_USERSIG_CACHE_SIZE) {}

  verify(app: AppRuntime, identifier: string, userSig: string, nowSeconds: number): AuthResult {
    const key = `${app.sdkAppId}\n${identifier}\n${userSig}`;
    const expiresAt = this.cache.get(key);
    if (expiresAt !== undefined) {
      if (nowSeconds <= expiresAt) return OK;
      this.cache.delete(key);
    }
    const result = verify(userSig, {
      sdkAppId: app.sdkAppId,
      identifier,
      secretKey: app.secretKey,
      now: nowSeconds,
    });
    if (!result.ok) return { ok: false, code: result.code, reason: result.reason };
    if (this.cache.size >= this.maxEntries) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(key, result.expiresAt);
    return OK;
  }

  get size(): number {
    return this.cache.size;
  }
}
