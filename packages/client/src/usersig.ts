import { sign } from '@tim-marks/usersig';
import type { Clock } from './clock.js';

/** Where each request's `usersig` comes from. */
export interface UserSigSource {
  /** The UserSig to send now. */
  current(): string;
  /** Drops the current UserSig so that the next `current()` signs a new one. False when it cannot (a fixed UserSig). */
  renew(): boolean;
}

/** A UserSig given by the caller: sent as is, never renewed. */
export function fixedUserSig(userSig: string): UserSigSource {
  return { current: () => userSig, renew: () => false };
}

export interface SigningOptions {
  sdkAppId: number;
  identifier: string;
  secretKey: string;
  expireSeconds: number;
  clock: Clock;
}

/** The longest margin before expiry at which a signed UserSig is renewed. */
const RENEW_MARGIN_MAX_SECONDS = 3600;
/** The share of a UserSig's life left when it is renewed, for lives under 10 hours. */
const RENEW_MARGIN_SHARE = 0.1;

/**
 * Renew when 10% of the life or one hour remains, whichever comes first: a 1-day UserSig is
 * renewed one hour before it expires, a 60-second one six seconds before.
 */
export function renewMarginSeconds(expireSeconds: number): number {
  return Math.min(expireSeconds * RENEW_MARGIN_SHARE, RENEW_MARGIN_MAX_SECONDS);
}

/** Signs its own UserSig with the secret key, and signs a new one before the old one expires. */
export function signingUserSig(options: SigningOptions): UserSigSource {
  const marginMs = renewMarginSeconds(options.expireSeconds) * 1000;
  let userSig: string | undefined;
  let renewAtMs = 0;

  return {
    current() {
      const nowMs = options.clock.now();
      if (userSig === undefined || nowMs >= renewAtMs) {
        // TLS.time is in whole seconds; the life counts from that second.
        const issuedAt = Math.floor(nowMs / 1000);
        userSig = sign({
          sdkAppId: options.sdkAppId,
          identifier: options.identifier,
          secretKey: options.secretKey,
          expireSeconds: options.expireSeconds,
          now: issuedAt,
        });
        renewAtMs = (issuedAt + options.expireSeconds) * 1000 - marginMs;
      }
      return userSig;
    },
    renew() {
      userSig = undefined;
      return true;
    },
  };
}
