import { describe, expect, it } from 'vitest';
import * as usersig from '../src/index.js';

describe('the public surface', () => {
  // The package's contract: the CLI is a bin (tim-marks-usersig), its HELP text, runCli and exit
  // codes are not an API, and neither are the codec helpers; exporting them would freeze them.
  it('exports sign, verify and decode and nothing else at run time', () => {
    expect(Object.keys(usersig).sort()).toEqual(['decode', 'sign', 'verify']);
  });
});
