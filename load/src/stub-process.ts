// A local stub in a child process: `node apps/stub-server/dist/cli.js --port 0`, ready once it prints
// its `listening on http://HOST:PORT` line.
import { type ChildProcess, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { STUB_CLI } from './paths.ts';

export interface StubProcess {
  url: string;
  child: ChildProcess;
  /** Everything the stub wrote, for error messages. */
  output(): string;
  stop(): Promise<void>;
}

export interface StubProcessOptions {
  /** Extra CLI arguments, e.g. ['--rate-limit', '0']. */
  args?: readonly string[];
  secretKey?: string;
  timeoutMs?: number;
}

const LISTENING = /listening on (https?:\/\/\S+?)\/?(?:\s|$)/;

export async function startStubProcess(options: StubProcessOptions = {}): Promise<StubProcess> {
  if (!existsSync(STUB_CLI)) {
    throw new Error(`${STUB_CLI} is missing: build the stub first (npx nx run @tim-marks/stub-server:build)`);
  }
  const child = spawn(process.execPath, [STUB_CLI, '--port', '0', ...(options.args ?? [])], {
    stdio: ['ignore', 'pipe', 'pipe'],
    // The key goes by environment: command lines are visible to every user of the machine.
    // Of the stub's own TIM_STUB_* variables only the log level passes: the run decides the rest.
    env: {
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('TIM_STUB_'))),
      TIM_STUB_LOG_LEVEL: process.env.TIM_STUB_LOG_LEVEL ?? 'warn',
      ...(options.secretKey ? { TIM_STUB_SECRET_KEY: options.secretKey } : {}),
    },
  });
  let output = '';
  const keep = (text: string) => {
    output = (output + text).slice(-65_536);
  };
  child.stderr?.on('data', (chunk: Buffer) => keep(chunk.toString()));
  const exited = once(child, 'exit').then(() => undefined);
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
  };

  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`the stub did not print "listening on" in time:\n${output}`)),
      options.timeoutMs ?? 15_000,
    );
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      keep(`${line}\n`);
      const match = LISTENING.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the stub exited (${signal ?? code}) before listening:\n${output}`));
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
  }).catch(async (error: unknown) => {
    await stop();
    throw error;
  });
  return { url, child, output: () => output, stop };
}
