// The URL of a command call, with the five query parameters every command takes.
import { COMMANDS, type CommandName, LIMITS } from './plan.ts';

export interface Credentials {
  sdkAppId: number;
  identifier: string;
  userSig: string;
}

/** A fresh unsigned 32-bit `random` for each call, as the API asks. */
export function randomParam(): number {
  return Math.floor(Math.random() * (LIMITS.randomMax + 1));
}

export function commandPath(command: CommandName, credentials: Credentials, random = randomParam()): string {
  return (
    `${COMMANDS[command]}?sdkappid=${credentials.sdkAppId}` +
    `&identifier=${encodeURIComponent(credentials.identifier)}&usersig=${encodeURIComponent(credentials.userSig)}` +
    `&random=${random}&contenttype=json`
  );
}
