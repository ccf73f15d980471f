// The public face of @tim-marks/usersig: sign, verify, decode and their types. The CLI
// (tim-marks-usersig) is a bin, not an export; the codec helpers behind these three stay internal.
export type { DecodedUserSig } from './decode.js';
export { decode } from './decode.js';
export { type SignOptions, sign } from './sign.js';
export { type VerifyFailureCode, type VerifyOptions, type VerifyResult, verify } from './verify.js';
