// Runs the built CLI (dist/cli.js, built by the global setup) as a user would.
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const APP_DIR = fileURLToPath(new URL('..', import.meta.url));
export const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));

export interface StubProcess {
  child: ChildProcess;
  url: string;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal's name). */
  exited: Promise<number | string>;
}

/**
 * The environment of a spawned CLI: the test's own, minus the developer's TIM_STUB_* settings (a
 * TIM_STUB_EDITION=pro in the shell must not change what a test sees, nor nx's cached verdict), plus `env`.
 */
function cliEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(([name]) => !name.startsWith('TIM_STUB_'));
  return { ...Object.fromEntries(inherited), ...env };
}

/** Runs the CLI to completion (for --help, bad flags, ...). */
export function runCli(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: APP_DIR, env: cliEnv(env) });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the CLI and waits for its `listening on` line. */
export function startCli(args: string[], env: Record<string, string> = {}): Promise<StubProcess> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: APP_DIR,
    env: cliEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const exited = new Promise<number | string>((resolve) =>
    child.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no "listening on" line within 15 s:\n${stdout}\n${stderr}`));
    }, 15_000);
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
      const match = /listening on (http:\/\/[^\s]+)/.exec(stdout);
      if (match?.[1] !== undefined && stdout.includes('get_contact_group')) {
        clearTimeout(timer);
        resolve({ child, url: match[1], stdout: () => stdout, stderr: () => stderr, exited });
      }
    });
    exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`the CLI exited (${code}) before listening:\n${stdout}\n${stderr}`));
    });
  });
}
