// `npm start` as a new user meets it: the stub must be the process that gets npm's signals, or a CI
// job's `kill` leaves it holding its port.
//
// Runs alone, after every other task of `npm test` (vitest.serial.config.ts, `test:serial`): `npm
// start` builds through nx, and nx without its daemon answers a cache hit by copying the outputs
// back, every dist/ of the stub and its dependencies. Any other test reading a dist/ at that moment
// found files missing (ENOENT from the usersig CLI, a stub that did not start).
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { APP_DIR } from './process.js';

const ROOT = join(APP_DIR, '..', '..');

/** Whether something is listening on the port: a fresh server can take it only when nothing does. */
function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

describe('npm start', () => {
  it('hands its signals to the stub: killing npm stops the stub and frees its port', async () => {
    const npm = spawn('npm', ['start', '--silent', '--', '--port', '0', '--log-level', 'warn'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      // With nx's cache on, `npm start`'s build is a cache hit: nx copies dist/ back from the cache
      // (without its daemon it always does), which is why this file runs alone.
      env: { ...process.env, NX_DAEMON: 'false', NX_NO_CLOUD: 'true', NX_SKIP_NX_CACHE: '' },
      // A process group of its own, so that whatever this test fails to stop is stopped at the end.
      detached: true,
    });
    onTestFinished(() => {
      try {
        process.kill(-(npm.pid as number), 'SIGKILL');
      } catch {
        // Already gone: the expected case.
      }
    });
    const exited = new Promise<number | string>((resolve) =>
      npm.on('exit', (code, signal) => resolve(code ?? signal ?? 'unknown')),
    );
    let stdout = '';
    let stderr = '';
    npm.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    const url = await new Promise<string>((resolve, reject) => {
      npm.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(stdout);
        if (match?.[1]) resolve(match[1]);
      });
      exited.then((code) => reject(new Error(`npm start exited (${code}):\n${stdout}\n${stderr}`)));
    });
    const port = Number(new URL(url).port);
    expect(await portIsFree(port)).toBe(false);

    // The stub writes to the same stderr pipe as npm: it closes once both have exited.
    const stderrClosed = once(npm.stderr, 'close');
    npm.kill('SIGTERM');
    await exited;
    // Bounded: a stub that outlived npm keeps the pipe open, and the port check below then says so.
    await Promise.race([stderrClosed, new Promise((resolve) => setTimeout(resolve, 15_000))]);
    // The stub went with npm and let its port go (without `exec` it outlives npm and keeps it).
    expect(await portIsFree(port)).toBe(true);
  }, 90_000);

  it('ends with `exec node`, so that no shell stays between npm and the stub', () => {
    const scripts = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts;
    expect(scripts.start).toMatch(/&& exec node apps\/stub-server\/dist\/cli\.js$/);
  });
});
