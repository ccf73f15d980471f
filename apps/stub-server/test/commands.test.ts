// The repository's commands as a new user meets them: `npm start` (the stub must be the process that
// gets npm's signals, or a CI job's `kill` leaves it holding its port) and the installed bins (they
// must work right after `npm ci && npm run build`, with no extra step).
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { accessSync, constants, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { APP_DIR } from './process.js';

const ROOT = join(APP_DIR, '..', '..');
const run = promisify(execFile);

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
      // With nx's cache on, `npm start`'s build finds the build the test run made and leaves dist/ as
      // it is: a rebuild would rewrite files that other test processes may be running at that moment.
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

describe('the installed commands', () => {
  const bins: [dir: string, name: string][] = [
    ['apps/stub-server', 'tim-marks-stub'],
    ['packages/usersig', 'tim-marks-usersig'],
  ];
  for (const [dir, name] of bins) {
    it(`${name} is a committed, executable shim that loads dist/ and runs with npx after a build`, async () => {
      const pkg = JSON.parse(readFileSync(join(ROOT, dir, 'package.json'), 'utf8'));
      const shim = `bin/${name}.js`;
      expect(pkg.bin).toEqual({ [name]: `./${shim}` });
      // Tracked (so a fresh clone has it when `npm ci` links the bins), with the executable bit.
      const { stdout: staged } = await run('git', ['ls-files', '--stage', '--', shim], {
        cwd: join(ROOT, dir),
      });
      expect(staged).toMatch(/^100755 /);
      accessSync(join(ROOT, dir, shim), constants.X_OK);
      expect(readFileSync(join(ROOT, dir, shim), 'utf8')).toContain("'../dist/cli.js'");
      const { stdout } = await run('npx', ['--no', '--', name, '--version'], { cwd: ROOT });
      expect(stdout).toBe(`${pkg.version}\n`);
    }, 30_000);
  }
});
