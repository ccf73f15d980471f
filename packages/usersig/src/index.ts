export { escapeBase64, unescapeBase64 } from './base64url.js';
export { type CliIo, EXIT_INVALID, EXIT_OK, EXIT_USAGE, HELP, runCli } from './cli-main.js';
export { computeSig, contentToSign, type SignedFields } from './content.js';
export { type DecodedUserSig, type DecodeOutcome, decode, decodeDetailed } from './decode.js';
export { DEFAULT_EXPIRE_SECONDS, type SignOptions, sign } from './sign.js';
export { type VerifyFailureCode, type VerifyOptions, type VerifyResult, verify } from './verify.js';
