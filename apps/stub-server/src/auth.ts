// UserSig verification with a bounded cache: a signature is verified once per distinct
// (SDKAppID, identifier, UserSig) and then trusted until it expires. Failures are not cached
// (so an expired entry is verified again and answers 70001). The cache drops its oldest entry
// when full. Verification and its constant-time comparison live in @tim-marks/usersig.
import { verify } from '@tim-marks/usersig';
import type { AppRuntime } from './apps.js';

export const DEFAULT_USERSIG_CACHE_SIZE = 10_000;

export type AuthResult = { ok: true } | { ok: false; code: number; reason: string };

const OK: AuthResult = { ok: true };

interface Verified {
  sdkAppId: number;
  identifier: string;
  userSig: string;
  /** Unix seconds. */
  expiresAt: number;
}

export class UserSigVerifier {
  /** UserSig → what it was verified for; the Map's order is insertion order, oldest first. */
  private readonly cache = new Map<string, Verified>();
  /** The last hit: a run of calls with one UserSig (the usual case) costs a string comparison, no hashing. */
  private last: Verified | undefined;

  constructor(private readonly maxEntries: number = DEFAULT_USERSIG_CACHE_SIZE) {}

  verify(app: AppRuntime, identifier: string, userSig: string, nowSeconds: number): AuthResult {
    let entry = this.last;
    if (entry === undefined || entry.userSig !== userSig) entry = this.cache.get(userSig);
    if (entry !== undefined && entry.sdkAppId === app.sdkAppId && entry.identifier === identifier) {
      if (nowSeconds <= entry.expiresAt) {
        this.last = entry;
        return OK;
      }
      this.cache.delete(userSig);
      this.last = undefined;
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
    // A UserSig names its SDKAppID and identifier, so it verifies for one pair only: one entry per UserSig.
    const verified = { sdkAppId: app.sdkAppId, identifier, userSig, expiresAt: result.expiresAt };
    this.cache.set(userSig, verified);
    this.last = verified;
    return OK;
  }

  get size(): number {
    return this.cache.size;
  }
}
