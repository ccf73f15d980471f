// The external programs the runner uses: the usersig CLI (to sign) and k6 (brought by the user).
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { USERSIG_CLI } from './paths.ts';

const run = promisify(execFile);

/** Signs a UserSig with `tim-marks-usersig`; the key goes by environment, never on a command line. */
export async function signUserSig(sdkAppId: number, identifier: string, secretKey: string): Promise<string> {
  if (!existsSync(USERSIG_CLI)) {
    throw new Error(`${USERSIG_CLI} is missing: build it first (npx nx run @tim-marks/usersig:build)`);
  }
  const { stdout } = await run(
    process.execPath,
    [USERSIG_CLI, '--sdkappid', String(sdkAppId), '--identifier', identifier],
    { env: { ...process.env, TIM_SECRET_KEY: secretKey } },
  );
  const userSig = stdout.trim();
  if (!userSig) throw new Error('tim-marks-usersig printed no UserSig');
  return userSig;
}

/** The k6 executable on PATH (or K6_BIN), if any. */
export function findK6(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const candidates = env.K6_BIN
    ? [env.K6_BIN]
    : (env.PATH ?? '')
        .split(delimiter)
        .filter(Boolean)
        .map((dir) => join(dir, 'k6'));
  return candidates.find((file) => {
    try {
      accessSync(file, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

export const K6_MISSING =
  'k6 is not on the PATH: install it (https://grafana.com/docs/k6/latest/set-up/install-k6/, ' +
  'v0.57 or newer for TypeScript) and put it on the PATH, or set K6_BIN=/path/to/k6';
