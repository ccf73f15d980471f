// The stub's version, read from its package.json once (the banner, --version and /__stub/health show it).
import { packageVersion } from '@tim-marks/types/cli';

export const VERSION = packageVersion(new URL('../package.json', import.meta.url));
