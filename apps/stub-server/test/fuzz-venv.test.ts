// The fuzz run's virtual environment is reused only when it is the one it would build: same Python,
// same schemathesis, and working. (Building one needs PyPI; `npm test` does that on first use.)
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SCHEMATHESIS_VERSION, staleReason, writeMarker } from '../fuzz/venv.mjs';

const dir = mkdtempSync(join(tmpdir(), 'tim-marks-venv-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A stand-in environment whose bin/schemathesis prints `version` (or fails when undefined). */
function fakeVenv(name: string, version: string | undefined): string {
  const venv = join(dir, name);
  mkdirSync(join(venv, 'bin'), { recursive: true });
  const script = join(venv, 'bin', 'schemathesis');
  writeFileSync(
    script,
    version === undefined ? '#!/bin/sh\nexit 1\n' : `#!/bin/sh\necho "schemathesis, version ${version}"\n`,
  );
  chmodSync(script, 0o755);
  return venv;
}

describe('the schemathesis virtual environment', () => {
  it('is reused when it was made with this Python and this schemathesis, and runs', () => {
    const venv = fakeVenv('good', SCHEMATHESIS_VERSION);
    writeMarker(venv, { python: '3.12.1', schemathesis: SCHEMATHESIS_VERSION });
    expect(staleReason(venv, '3.12.1')).toBeUndefined();
  });

  it('is (re)built on first use, or when it is foreign, made with another Python or version, or broken', () => {
    expect(staleReason(join(dir, 'missing'), '3.12.1')).toBe('first use');
    expect(staleReason(fakeVenv('foreign', SCHEMATHESIS_VERSION), '3.12.1')).toBe(
      'it was not made by this script',
    );
    const older = fakeVenv('older-python', SCHEMATHESIS_VERSION);
    writeMarker(older, { python: '3.11.7', schemathesis: SCHEMATHESIS_VERSION });
    expect(staleReason(older, '3.12.1')).toBe('it was made with Python 3.11.7');
    const otherVersion = fakeVenv('other-version', '4.0.0');
    writeMarker(otherVersion, { python: '3.12.1', schemathesis: '4.0.0' });
    expect(staleReason(otherVersion, '3.12.1')).toBe('it holds schemathesis 4.0.0');
    const broken = fakeVenv('broken', undefined);
    writeMarker(broken, { python: '3.12.1', schemathesis: SCHEMATHESIS_VERSION });
    expect(staleReason(broken, '3.12.1')).toBe('its schemathesis does not run');
  });
});
