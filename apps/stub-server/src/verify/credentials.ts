// The credentials of a verified request. A consumer's pact records whatever sdkappid, identifier and
// usersig its mock saw (a test key, an expired signature, a placeholder): the verifier replaces them
// with the target app's SDKAppID, its admin and a UserSig signed now with the app's key, so the stub
// still checks every signature as it does for any client. An interaction given the state "the request
// keeps its recorded usersig" is sent as recorded (pacts of 70001, 70003, 70009 … answers).
import { sign } from '@tim-marks/usersig';

export interface Credentials {
  sdkAppId: number;
  identifier: string;
  secretKey: string;
}

/** The query parameters that authenticate as `credentials`: sdkappid, identifier and a UserSig signed now. */
export function credentialQuery(credentials: Credentials): {
  sdkappid: string;
  identifier: string;
  usersig: string;
} {
  const { sdkAppId, identifier, secretKey } = credentials;
  return { sdkappid: String(sdkAppId), identifier, usersig: sign({ sdkAppId, identifier, secretKey }) };
}

/** A request target (path?query) with sdkappid, identifier and usersig set for `credentials`; others untouched. */
export function withCredentials(target: string, credentials: Credentials): string {
  const q = target.indexOf('?');
  if (q < 0) return target;
  const query = new URLSearchParams(target.slice(q + 1));
  if (!query.has('usersig') && !query.has('sdkappid') && !query.has('identifier')) return target;
  for (const [name, value] of Object.entries(credentialQuery(credentials))) query.set(name, value);
  return `${target.slice(0, q)}?${query.toString()}`;
}
