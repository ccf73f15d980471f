// The fuzz run's virtual environment is reused only when it is the one it would build: same Python,
// same schemathesis, and working. (Building one needs PyPI; `npm test` does that on first use.)
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureSchemathesis, SCHEMATHESIS_VERSION, staleReason, writeMarker } from '../fuzz/venv.mjs';

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

  it('is created on first use, reused after, rebuilt when broken; one line says which', () => {
    // A stand-in Python: `-c` reports itself, `-m venv DIR` makes DIR/bin/pip, and that pip
    // "installs" a schemathesis that prints the requested version.
    const pip = join(dir, 'fake-pip');
    writeFileSync(
      pip,
      [
        '#!/bin/sh',
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion
        'for arg in "$@"; do case "$arg" in schemathesis==*) v="${arg#schemathesis==}";; esac; done',
        'bin=$(dirname "$0")',
        'printf \'#!/bin/sh\\necho "schemathesis, version %s"\\n\' "$v" > "$bin/schemathesis"',
        'chmod +x "$bin/schemathesis"',
        '',
      ].join('\n'),
    );
    chmodSync(pip, 0o755);
    const python = join(dir, 'fake-python');
    writeFileSync(
      python,
      [
        '#!/bin/sh',
        `if [ "$1" = "-c" ]; then echo "${python}"; echo 3.12.9; exit 0; fi`,
        `if [ "$1" = "-m" ] && [ "$2" = "venv" ]; then mkdir -p "$3/bin" && cp "${pip}" "$3/bin/pip"; exit 0; fi`,
        'exit 1',
        '',
      ].join('\n'),
    );
    chmodSync(python, 0o755);
    const root = join(dir, 'repo');
    mkdirSync(root);
    const lines: string[] = [];
    const ensure = () =>
      ensureSchemathesis({ root, log: (line) => lines.push(line), env: { SCHEMATHESIS_PYTHON: python } });

    expect(ensure()).toBe(join(root, '.venv', 'bin', 'schemathesis'));
    expect(ensure()).toBe(join(root, '.venv', 'bin', 'schemathesis'));
    rmSync(join(root, '.venv', 'bin', 'schemathesis'));
    ensure();
    expect(lines).toEqual([
      `creating .venv with Python 3.12.9 and schemathesis ${SCHEMATHESIS_VERSION} from PyPI (first use; once, about a minute)`,
      `schemathesis ${SCHEMATHESIS_VERSION} in .venv (Python 3.12.9), reused`,
      `rebuilding .venv with Python 3.12.9 and schemathesis ${SCHEMATHESIS_VERSION} from PyPI (its schemathesis does not run; once, about a minute)`,
    ]);
    expect(staleReason(join(root, '.venv'), '3.12.9')).toBeUndefined();
  });
});
