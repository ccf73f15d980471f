// The installed bins as a new user meets them: they must work right after `npm ci && npm run build`,
// with no extra step. (`npm start` has its own file, npm-start.serial.ts: it must run alone.)
import { execFile } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { APP_DIR } from './process.js';

const ROOT = join(APP_DIR, '..', '..');
const run = promisify(execFile);

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
