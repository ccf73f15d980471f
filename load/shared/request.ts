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

/** Everything of a call's path but `random`, which changes with every call. */
function pathPrefix(command: CommandName, credentials: Credentials): string {
  return (
    `${COMMANDS[command]}?sdkappid=${credentials.sdkAppId}` +
    `&identifier=${encodeURIComponent(credentials.identifier)}&usersig=${encodeURIComponent(credentials.userSig)}`
  );
}

export function commandPath(command: CommandName, credentials: Credentials, random = randomParam()): string {
  return `${pathPrefix(command, credentials)}&random=${random}&contenttype=json`;
}

/** commandPath with the fixed part built once: for load loops (k6 interprets every call). */
export function commandPaths(credentials: Credentials): (command: CommandName) => string {
  const prefixes = new Map<CommandName, string>();
  return (command) => {
    let prefix = prefixes.get(command);
    if (prefix === undefined) {
      prefix = pathPrefix(command, credentials);
      prefixes.set(command, prefix);
    }
    return `${prefix}&random=${randomParam()}&contenttype=json`;
  };
}
