// Defaults shared by the CLI and startStub.
import { LIMITS } from '@tim-marks/types';
import type { Edition } from './apps.js';

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;
export const DEFAULT_SDKAPPID = 1400000000;
export const DEFAULT_ADMIN = 'administrator';
export const DEFAULT_EDITION: Edition = 'ultimate';
export const DEFAULT_RATE_LIMIT = LIMITS.callsPerSecondPerCommand;

/**
 * The fixed development secret key the default app uses when no --secret-key is given. It is
 * public (it is in this source file and the README): fine for a local stub, never for anything real.
 */
export const DEVELOPMENT_SECRET_KEY = 'tim-marks-development-key-0123456789abcdef0123456789abcdef';

/** The accounts the default app (no --config) imports at start and after every reset. */
export const DEFAULT_SEED_ACCOUNTS: readonly string[] = Array.from({ length: 10 }, (_, i) => `user${i}`);

/** A host is loopback when it is 127.0.0.0/8, ::1 or localhost: only then is the control plane on by default. */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, '');
  return (
    h === 'localhost' ||
    h === '::1' ||
    /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h) ||
    /^::ffff:127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h)
  );
}
