// The fuzz run's schemathesis, in a Python virtual environment this module creates on first use (so
// that `npm test` on a fresh clone needs no manual step), reuses afterwards, and rebuilds when it is
// broken or was made with another Python or another schemathesis version.
//
// Python: the first that runs of SCHEMATHESIS_PYTHON (when set), python3.12, python3.13, python3.14,
// the same versions installed under pyenv, then python3. 3.12 comes first on purpose: under CPython
// 3.11 hypothesis intermittently crashes schemathesis ("SystemError: AST constructor recursion depth
// mismatch"), and 3.12 is the version the fuzz run was proved with.
//
// A virtual environment named by SCHEMATHESIS_VENV belongs to its owner: it is used as it is, never
// created or rebuilt here.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, relative } from 'node:path';

export const SCHEMATHESIS_VERSION = '4.32.5';
/** Python versions tried before the machine's `python3`, best first. */
const PREFERRED = ['3.12', '3.13', '3.14'];
const OLDEST = [3, 10];
/** Written last, once the environment works: a missing or different marker means "rebuild". */
const MARKER = 'tim-marks-fuzz.json';

/** `{ executable, version }` of a Python that runs, or undefined. */
function probe(command) {
  const result = spawnSync(
    command,
    ['-c', 'import sys; print(sys.executable); print("%d.%d.%d" % sys.version_info[:3])'],
    { encoding: 'utf8', timeout: 20_000 },
  );
  if (result.status !== 0) return undefined;
  const [executable, version] = result.stdout.trim().split('\n');
  return executable && version ? { executable, version } : undefined;
}

const atLeast = (version, [major, minor]) => {
  const [a, b] = version.split('.').map(Number);
  return a > major || (a === major && b >= minor);
};

/** Pythons installed with pyenv (its shims run only the selected version, so look behind them). */
function pyenvPythons(minor) {
  const root = process.env.PYENV_ROOT || join(homedir(), '.pyenv');
  const versions = join(root, 'versions');
  if (!existsSync(versions)) return [];
  return readdirSync(versions)
    .filter((name) => name.startsWith(`${minor}.`))
    .sort((a, b) => b.localeCompare(a, 'en', { numeric: true }))
    .map((name) => join(versions, name, 'bin', 'python3'));
}

/** The Python to build the environment with. */
export function choosePython(env = process.env) {
  if (env.SCHEMATHESIS_PYTHON) {
    const python = probe(env.SCHEMATHESIS_PYTHON);
    if (!python) throw new Error(`SCHEMATHESIS_PYTHON=${env.SCHEMATHESIS_PYTHON} does not run`);
    return python;
  }
  for (const minor of PREFERRED) {
    for (const command of [`python${minor}`, ...pyenvPythons(minor)]) {
      const python = probe(command);
      if (python?.version.startsWith(`${minor}.`)) return python;
    }
  }
  const python = probe('python3');
  if (python && atLeast(python.version, OLDEST)) return python;
  throw new Error(
    `no Python ${OLDEST.join('.')}+ found (python3.12 preferred): install one, or set SCHEMATHESIS_PYTHON`,
  );
}

/** The schemathesis version the environment's executable reports, or undefined when it does not run. */
function installedVersion(venv) {
  const result = spawnSync(join(venv, 'bin', 'schemathesis'), ['--version'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (result.status !== 0) return undefined;
  return /(\d+\.\d+\.\d+)/.exec(result.stdout)?.[1];
}

function readMarker(venv) {
  try {
    return JSON.parse(readFileSync(join(venv, MARKER), 'utf8'));
  } catch {
    return undefined;
  }
}

/** Why the environment at `venv` cannot be reused with this Python, or undefined when it can. */
export function staleReason(venv, pythonVersion) {
  const marker = readMarker(venv);
  if (!existsSync(venv)) return 'first use';
  if (marker === undefined) return 'it was not made by this script';
  if (marker.python !== pythonVersion) return `it was made with Python ${marker.python}`;
  if (marker.schemathesis !== SCHEMATHESIS_VERSION) return `it holds schemathesis ${marker.schemathesis}`;
  if (installedVersion(venv) !== SCHEMATHESIS_VERSION) return 'its schemathesis does not run';
  return undefined;
}

export function writeMarker(venv, marker) {
  writeFileSync(join(venv, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

/**
 * The path of a working schemathesis executable. Prints one line saying what it does: reuse,
 * create or rebuild (and why).
 */
export function ensureSchemathesis({ root, log, env = process.env }) {
  const own = env.SCHEMATHESIS_VENV;
  const venv = own ?? join(root, '.venv');
  const shown = relative(root, venv).startsWith('..') ? venv : relative(root, venv);
  const executable = join(venv, 'bin', 'schemathesis');
  if (own) {
    const version = installedVersion(venv);
    if (!version) throw new Error(`SCHEMATHESIS_VENV=${own} has no working bin/schemathesis`);
    log(`schemathesis ${version} from SCHEMATHESIS_VENV=${own} (used as it is)`);
    return executable;
  }

  const python = choosePython(env);
  const why = staleReason(venv, python.version);
  if (why === undefined) {
    log(`schemathesis ${SCHEMATHESIS_VERSION} in ${shown} (Python ${python.version}), reused`);
    return executable;
  }

  log(
    `${existsSync(venv) ? 'rebuilding' : 'creating'} ${shown} with Python ${python.version} and ` +
      `schemathesis ${SCHEMATHESIS_VERSION} from PyPI (${why}; once, about a minute)`,
  );
  rmSync(venv, { recursive: true, force: true });
  const quiet = { stdio: ['ignore', 'ignore', 'inherit'] };
  execFileSync(python.executable, ['-m', 'venv', venv], quiet);
  execFileSync(
    join(venv, 'bin', 'pip'),
    ['install', '--quiet', '--disable-pip-version-check', `schemathesis==${SCHEMATHESIS_VERSION}`],
    quiet,
  );
  const version = installedVersion(venv);
  if (version !== SCHEMATHESIS_VERSION) {
    throw new Error(`${shown}: schemathesis ${SCHEMATHESIS_VERSION} was installed but does not run`);
  }
  writeMarker(venv, {
    python: python.version,
    schemathesis: SCHEMATHESIS_VERSION,
    executable: python.executable,
  });
  return executable;
}
