// The command-line convention shared by tim-marks-stub, tim-marks-usersig and `npm run load`.
import { describe, expect, it } from 'vitest';
import {
  EXIT,
  isUsageError,
  packageVersion,
  parseFlags,
  UsageError,
  usageLine,
  usageMessage,
} from '../src/cli.js';

const OPTIONS = { port: { type: 'string' }, fsync: { type: 'boolean' } } as const;

function usage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isUsageError(error)) return usageLine('prog', usageMessage(error));
    throw error;
  }
  throw new Error('no usage error');
}

describe('the shared CLI convention', () => {
  it('exits 0 done, 1 failed, 2 bad usage', () => {
    expect(EXIT).toEqual({ OK: 0, FAILED: 1, USAGE: 2 });
  });

  it('adds --help, -h and --version to every command', () => {
    expect(parseFlags(['--help'], OPTIONS).values.help).toBe(true);
    expect(parseFlags(['-h'], OPTIONS).values.help).toBe(true);
    expect(parseFlags(['--version'], OPTIONS).values.version).toBe(true);
    expect(parseFlags(['--port', '0', '--fsync'], OPTIONS).values).toEqual({ port: '0', fsync: true });
  });

  it("turns parseArgs' errors and UsageError into one line: `prog: message (see --help)`", () => {
    expect(usage(() => parseFlags(['--bogus'], OPTIONS))).toBe(
      "prog: Unknown option '--bogus' (see --help)\n",
    );
    expect(usage(() => parseFlags(['--bogus'], OPTIONS, { positionals: true }))).toBe(
      "prog: Unknown option '--bogus' (see --help)\n",
    );
    expect(usage(() => parseFlags(['--port'], OPTIONS))).toBe(
      "prog: Option '--port <value>' argument missing (see --help)\n",
    );
    expect(usage(() => parseFlags(['stray'], OPTIONS))).toMatch(/^prog: Unexpected argument 'stray'/);
    expect(parseFlags(['stray'], OPTIONS, { positionals: true }).positionals).toEqual(['stray']);
    expect(
      usage(() => {
        throw new UsageError('--port must be\nan integer');
      }),
    ).toBe('prog: --port must be an integer (see --help)\n');
    expect(isUsageError(new Error('other'))).toBe(false);
  });

  it("reads a package's version", () => {
    expect(packageVersion(new URL('../package.json', import.meta.url))).toMatch(/^\d+\.\d+\.\d+/);
  });
});
