import { readFileSync } from 'node:fs';
import { ErrorCode } from '@tim-marks/types';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, runCli } from '../src/cli-main.js';
import { decode, sign, verify } from '../src/index.js';
import { DEFAULT_EXPIRE_SECONDS } from '../src/sign.js';

const KEY = 'cli-secret-key';
const SIGN_ARGS = ['--sdkappid', '1400000000', '--identifier', 'admin', '--secret-key', KEY];

function cli(argv: string[], env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env,
  });
  return { code, stdout, stderr };
}

describe('tim-marks-usersig', () => {
  it('prints the UserSig alone on stdout, ready for $(...)', () => {
    const { code, stdout, stderr } = cli([...SIGN_ARGS, '--now', '1700000000']);
    expect(code).toBe(EXIT_OK);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^[A-Za-z0-9*_-]+\n$/);
    const userSig = stdout.trim();
    expect(decode(userSig)).toMatchObject({ time: 1700000000, expire: DEFAULT_EXPIRE_SECONDS });
    expect(
      verify(userSig, { sdkAppId: 1400000000, identifier: 'admin', secretKey: KEY, now: 1700000000 }).ok,
    ).toBe(true);
  });

  it('signs the same thing as the library', () => {
    const { stdout } = cli([...SIGN_ARGS, '--now', '1700000000', '--expire', '60', '--userbuf', 'room-9']);
    const expected = sign({
      sdkAppId: 1400000000,
      identifier: 'admin',
      secretKey: KEY,
      now: 1700000000,
      expireSeconds: 60,
      userBuf: 'room-9',
    });
    expect(stdout).toBe(`${expected}\n`);
  });

  it('reads sdkappid, identifier and secret key from the environment, flags winning', () => {
    const env = { TIM_SDKAPPID: '1400000000', TIM_IDENTIFIER: 'admin', TIM_SECRET_KEY: KEY };
    const fromEnv = decode(cli([], env).stdout.trim());
    expect(fromEnv).toMatchObject({ sdkAppId: 1400000000, identifier: 'admin' });
    const overridden = decode(cli(['--identifier', 'bob'], env).stdout.trim());
    expect(overridden?.identifier).toBe('bob');
  });

  it('--verify prints the result as JSON and exits 0 when valid', () => {
    const userSig = cli(SIGN_ARGS).stdout.trim();
    const { code, stdout } = cli([...SIGN_ARGS, '--verify', userSig]);
    expect(code).toBe(EXIT_OK);
    const result = JSON.parse(stdout);
    expect(result).toMatchObject({ ok: true, decoded: { identifier: 'admin', sdkAppId: 1400000000 } });
  });

  it('--verify exits 1 with the error code when invalid', () => {
    const userSig = cli([...SIGN_ARGS, '--now', '1700000000', '--expire', '10']).stdout.trim();
    const expired = cli([...SIGN_ARGS, '--verify', userSig]);
    expect(expired.code).toBe(EXIT_INVALID);
    expect(JSON.parse(expired.stdout)).toMatchObject({ ok: false, code: ErrorCode.USERSIG_EXPIRED });

    const wrongKey = cli([
      ...SIGN_ARGS.slice(0, 4),
      '--secret-key',
      'other',
      '--now',
      '1700000000',
      '--verify',
      userSig,
    ]);
    expect(JSON.parse(wrongKey.stdout)).toMatchObject({ ok: false, code: ErrorCode.USERSIG_SIGNATURE });
    expect(wrongKey.stdout).not.toContain(userSig);

    expect(JSON.parse(cli([...SIGN_ARGS, '--verify', '']).stdout).code).toBe(ErrorCode.USERSIG_EMPTY);
    expect(JSON.parse(cli([...SIGN_ARGS, '--verify', 'junk']).stdout).code).toBe(ErrorCode.USERSIG_INVALID);
  });

  it('--decode prints the fields without a key and without checking', () => {
    const userSig = sign({
      sdkAppId: 7,
      identifier: 'eve',
      secretKey: 'k',
      now: 0,
      expireSeconds: 1,
      userBuf: 'hi',
    });
    const { code, stdout } = cli(['--decode', userSig]);
    expect(code).toBe(EXIT_OK);
    expect(JSON.parse(stdout)).toMatchObject({
      version: '2.0',
      identifier: 'eve',
      sdkAppId: 7,
      time: 0,
      expire: 1,
      expiresAt: 1,
      userBufBase64: 'aGk=',
      expiresAtIso: '1970-01-01T00:00:01.000Z',
    });
  });

  it('--decode exits 1 with a one-line reason on stderr when undecodable', () => {
    const { code, stdout, stderr } = cli(['--decode', 'junk']);
    expect(code).toBe(EXIT_INVALID);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^tim-marks-usersig: cannot decode: .+\n$/);
  });

  it.each([
    [
      'a missing sdkappid',
      ['--identifier', 'admin', '--secret-key', KEY],
      /--sdkappid is required.*TIM_SDKAPPID/,
    ],
    [
      'a non-numeric sdkappid',
      ['--sdkappid', '14e8', '--identifier', 'a', '--secret-key', KEY],
      /--sdkappid must be/,
    ],
    ['a zero sdkappid', ['--sdkappid', '0', '--identifier', 'a', '--secret-key', KEY], /--sdkappid must be/],
    ['a missing identifier', ['--sdkappid', '1', '--secret-key', KEY], /--identifier is required/],
    [
      'a missing secret key',
      ['--sdkappid', '1', '--identifier', 'a'],
      /--secret-key is required.*TIM_SECRET_KEY/,
    ],
    ['a negative expire', [...SIGN_ARGS, '--expire', '-5'], /--expire/],
    ['a non-numeric expire', [...SIGN_ARGS, '--expire', '1d'], /--expire must be/],
    ['an unknown option', [...SIGN_ARGS, '--expiry', '5'], /Unknown option '--expiry'/],
    ['a stray argument', [...SIGN_ARGS, 'extra'], /unexpected argument "extra"/],
    ['--verify with --decode', ['--verify', 'a', '--decode', 'b'], /cannot be combined/],
    [
      '--expire with --verify',
      [...SIGN_ARGS, '--expire', '5', '--verify', 'a'],
      /--expire applies only when signing/,
    ],
  ])('exits 2 with a one-line error on %s', (_name, argv, message) => {
    const { code, stdout, stderr } = cli(argv);
    expect(code).toBe(EXIT_USAGE);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).not.toContain(KEY);
  });

  it('--help explains every option and the environment variables', () => {
    const { code, stdout } = cli(['--help']);
    expect(code).toBe(EXIT_OK);
    for (const word of [
      '--sdkappid',
      '--identifier',
      '--secret-key',
      '--expire',
      '--userbuf',
      '--now',
      '--verify',
      '--decode',
      'TIM_SDKAPPID',
      'TIM_IDENTIFIER',
      'TIM_SECRET_KEY',
      String(ErrorCode.USERSIG_SIGNATURE),
    ]) {
      expect(stdout).toContain(word);
    }
    expect(cli(['-h']).stdout).toBe(stdout);
    expect(stdout).toContain('Exit codes: 0 success, 1 invalid UserSig, 2 bad arguments.');
  });

  it('--version prints the package version alone', () => {
    const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(cli(['--version'])).toEqual({ code: EXIT_OK, stdout: `${version}\n`, stderr: '' });
  });

  it('reports an option without its value in the shared usage-error shape', () => {
    expect(cli(['--sdkappid'])).toEqual({
      code: EXIT_USAGE,
      stdout: '',
      stderr: "tim-marks-usersig: Option '--sdkappid <value>' argument missing (see --help)\n",
    });
  });
});
