// The one way the project's command lines are built (tim-marks-stub, tim-marks-usersig, npm run load):
// node:util parseArgs, one usage-error shape, one exit-code convention, the version read once.
// Written by hand, unlike the rest of this package: it lives here because every CLI already depends
// on @tim-marks/types and on nothing else in common (usersig → types; the stub and load → types), so
// the convention exists once instead of as three copies that drift apart.
import { readFileSync } from 'node:fs';
import { type ParseArgsConfig, parseArgs } from 'node:util';

/**
 * Exit codes of every tim-marks command line:
 * 0 done; 1 the work itself failed (an invalid UserSig, a port in use, a failed check);
 * 2 bad arguments or environment (one line on stderr ending in "(see --help)").
 * Commands that run another program pass its exit code through (documented where they do).
 */
export const EXIT = { OK: 0, FAILED: 1, USAGE: 2 } as const;

/** Bad flags, arguments or environment variables: reported as one line, exit 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The one shape of a usage error on stderr: `PROGRAM: MESSAGE (see --help)`. */
export function usageLine(program: string, message: string): string {
  return `${program}: ${message} (see --help)\n`;
}

/** True for UsageError and for parseArgs' own errors (unknown option, missing value, ...). */
export function isUsageError(error: unknown): error is Error {
  if (error instanceof UsageError) return true;
  const code = error instanceof Error ? (error as NodeJS.ErrnoException).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}

/**
 * A usage error's message on one line: parseArgs explains some errors over several lines, and
 * follows an unknown option with advice about positionals that no command here needs.
 */
export function usageMessage(error: Error): string {
  const message = error.message.replace(/\s*\n\s*/g, ' ');
  return (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
    ? message.replace(/\. To specify a positional argument .*$/, '')
    : message;
}

/**
 * parseArgs, strict, with --help (-h) and --version added to `options`. Its errors are usage errors
 * (isUsageError). `negatable` accepts --no-NAME for each boolean NAME.
 */
type WithHelp<O> = O & { help: { type: 'boolean'; short: 'h' }; version: { type: 'boolean' } };
type FlagsConfig<O> = { args: string[]; options: WithHelp<O>; strict: true; allowPositionals: boolean };

export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(
  args: readonly string[],
  options: O,
  { positionals = false, negatable = false }: { positionals?: boolean; negatable?: boolean } = {},
): ReturnType<typeof parseArgs<FlagsConfig<O>>> {
  return parseArgs({
    args: [...args],
    options: {
      ...options,
      help: { type: 'boolean', short: 'h' },
      version: { type: 'boolean' },
    } as WithHelp<O>,
    strict: true,
    allowPositionals: positionals,
    // --no-NAME for a boolean NAME (the last of --NAME / --no-NAME wins).
    allowNegative: negatable,
  });
}

/** The `version` of a package.json; call it once per program and keep the answer. */
export function packageVersion(packageJson: URL): string {
  return (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
}
