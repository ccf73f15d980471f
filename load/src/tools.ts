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

/** Where k6 was looked for and what was found: K6_BIN (or K6) alone when set, else every PATH entry. */
export type K6Lookup = { ok: true; file: string } | { ok: false; message: string };

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The k6 executable: K6_BIN when set, else K6 (the shorter name some setups use), never silently
 * replaced by one on the PATH; else k6 on the PATH. */
export function findK6(env: NodeJS.ProcessEnv = process.env): K6Lookup {
  const name = env.K6_BIN ? 'K6_BIN' : env.K6 ? 'K6' : undefined;
  if (name !== undefined) {
    const file = env[name] as string;
    if (executable(file)) return { ok: true, file };
    const why = existsSync(file) ? 'is not executable' : 'points at nothing';
    return {
      ok: false,
      message: `${name}=${file} ${why}: set it to the k6 executable, or unset it to use k6 from the PATH`,
    };
  }
  const file = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, 'k6'))
    .find(executable);
  return file ? { ok: true, file } : { ok: false, message: K6_MISSING };
}

export const K6_MISSING =
  'k6 is not on the PATH: install it (https://grafana.com/docs/k6/latest/set-up/install-k6/, ' +
  'v0.57 or newer for TypeScript) and put it on the PATH, or set K6_BIN=/path/to/k6 (or K6)';
