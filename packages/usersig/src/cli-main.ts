import { ErrorCode } from '@tim-marks/types';
import {
  EXIT,
  isUsageError,
  packageVersion,
  parseFlags,
  UsageError,
  usageLine,
  usageMessage,
} from '@tim-marks/types/cli';
import { type DecodedUserSig, decodeDetailed } from './decode.js';
import { DEFAULT_EXPIRE_SECONDS, sign } from './sign.js';
import { verify } from './verify.js';

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** Exit codes (the project's convention, @tim-marks/types/cli): 0 done, 1 the UserSig is invalid or undecodable, 2 bad arguments. */
export const EXIT_OK = EXIT.OK;
export const EXIT_INVALID = EXIT.FAILED;
export const EXIT_USAGE = EXIT.USAGE;

export const HELP = `Usage: tim-marks-usersig [options]

Issue, verify or decode a Tencent Cloud IM UserSig (TLSSigAPIv2).

Sign (default): prints the UserSig alone on stdout, so  SIG=$(tim-marks-usersig ...)  works.
  --sdkappid N         SDKAppID of the IM application            (env TIM_SDKAPPID)
  --identifier ID      user the UserSig is issued for, e.g. admin (env TIM_IDENTIFIER)
  --secret-key KEY     the application's secret key               (env TIM_SECRET_KEY)
  --expire SECONDS     validity from now, default ${DEFAULT_EXPIRE_SECONDS} (180 days)
  --userbuf STR        optional userbuf signed along (UTF-8 text)
  --now UNIX_SECONDS   issue time instead of the current second (reproducible output)

Verify: --verify SIG  with --sdkappid, --identifier and --secret-key.
  Prints the result as JSON: {"ok":true,...} or {"ok":false,"code":...,"reason":...}.
  Exits 1 when the UserSig is invalid. --now sets the clock used for the expiry check.
  Codes: ${ErrorCode.USERSIG_EMPTY} empty, ${ErrorCode.USERSIG_INVALID} undecodable, ${ErrorCode.USERSIG_SDKAPPID} wrong SDKAppID, \
${ErrorCode.USERSIG_IDENTIFIER} wrong identifier,
  ${ErrorCode.USERSIG_EXPIRED} expired, ${ErrorCode.USERSIG_SIGNATURE} wrong signature (checked in that order).

Decode: --decode SIG  prints the fields of the UserSig as JSON, without checking the signature
  or the expiry (no key needed). Exits 1 when it cannot be decoded.

  -h, --help           this text
  --version            the version

Options given on the command line win over the environment. Prefer TIM_SECRET_KEY to
--secret-key: command lines are visible to other users of the machine.
Exit codes: 0 success, 1 invalid UserSig, 2 bad arguments.
`;

const OPTIONS = {
  sdkappid: { type: 'string' },
  identifier: { type: 'string' },
  'secret-key': { type: 'string' },
  expire: { type: 'string' },
  userbuf: { type: 'string' },
  now: { type: 'string' },
  verify: { type: 'string' },
  decode: { type: 'string' },
} as const;

export function runCli(argv: readonly string[], io: CliIo): number {
  try {
    return run(argv, io);
  } catch (error) {
    if (isUsageError(error)) {
      io.stderr(usageLine('tim-marks-usersig', usageMessage(error)));
      return EXIT_USAGE;
    }
    throw error;
  }
}

function run(argv: readonly string[], io: CliIo): number {
  const { values, positionals } = parseFlags(argv, OPTIONS, { positionals: true });
  if (values.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  if (values.version) {
    io.stdout(`${packageVersion(new URL('../package.json', import.meta.url))}\n`);
    return EXIT_OK;
  }
  if (positionals.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}`);
  if (values.verify !== undefined && values.decode !== undefined) {
    throw new UsageError('--verify and --decode cannot be combined');
  }
  const now = values.now === undefined ? undefined : parseCount('--now', values.now, 0);

  if (values.decode !== undefined) {
    const outcome =
      values.decode === ''
        ? { ok: false as const, reason: 'UserSig is empty' }
        : decodeDetailed(values.decode);
    if (!outcome.ok) {
      io.stderr(`tim-marks-usersig: cannot decode: ${outcome.reason}\n`);
      return EXIT_INVALID;
    }
    io.stdout(`${JSON.stringify(printable(outcome.decoded), null, 2)}\n`);
    return EXIT_OK;
  }

  const sdkAppId = parseCount(
    '--sdkappid',
    required(values.sdkappid, io.env.TIM_SDKAPPID, '--sdkappid', 'TIM_SDKAPPID'),
    1,
  );
  const identifier = required(values.identifier, io.env.TIM_IDENTIFIER, '--identifier', 'TIM_IDENTIFIER');
  const secretKey = required(values['secret-key'], io.env.TIM_SECRET_KEY, '--secret-key', 'TIM_SECRET_KEY');

  if (values.verify !== undefined) {
    for (const signingOnly of ['expire', 'userbuf'] as const) {
      if (values[signingOnly] !== undefined)
        throw new UsageError(`--${signingOnly} applies only when signing`);
    }
    const result = verify(values.verify, {
      sdkAppId,
      identifier,
      secretKey,
      ...(now === undefined ? {} : { now }),
    });
    const output = result.ok
      ? { ok: true, expiresAt: result.expiresAt, decoded: printable(result.decoded) }
      : result;
    io.stdout(`${JSON.stringify(output, null, 2)}\n`);
    return result.ok ? EXIT_OK : EXIT_INVALID;
  }

  const expireSeconds =
    values.expire === undefined ? DEFAULT_EXPIRE_SECONDS : parseCount('--expire', values.expire, 0);
  const userSig = sign({
    sdkAppId,
    identifier,
    secretKey,
    expireSeconds,
    ...(values.userbuf === undefined ? {} : { userBuf: values.userbuf }),
    ...(now === undefined ? {} : { now }),
  });
  io.stdout(`${userSig}\n`);
  return EXIT_OK;
}

function required(flag: string | undefined, env: string | undefined, name: string, envName: string): string {
  const value = flag ?? env;
  if (value === undefined || value === '') throw new UsageError(`${name} is required (or set ${envName})`);
  return value;
}

function parseCount(name: string, text: string, min: number): number {
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`${name} must be an integer >= ${min}, got ${JSON.stringify(text)}`);
  }
  return value;
}

/** JSON-friendly view: the userbuf as base64, times also as ISO dates for the reader. */
function printable(decoded: DecodedUserSig): Record<string, unknown> {
  const { userBuf: _binary, ...fields } = decoded;
  return {
    ...fields,
    timeIso: new Date(decoded.time * 1000).toISOString(),
    expiresAtIso: new Date(decoded.expiresAt * 1000).toISOString(),
  };
}
