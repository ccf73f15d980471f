// Types of venv.mjs, for the tests that import it.
export const SCHEMATHESIS_VERSION: string;
export function choosePython(env?: NodeJS.ProcessEnv): { executable: string; version: string };
export function staleReason(venv: string, pythonVersion: string): string | undefined;
export function writeMarker(
  venv: string,
  marker: { python: string; schemathesis: string; executable?: string },
): void;
export function ensureSchemathesis(options: {
  root: string;
  log: (line: string) => void;
  env?: NodeJS.ProcessEnv;
}): string;
