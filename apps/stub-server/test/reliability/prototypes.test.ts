// Keys from users never touch prototypes (issue row 6): `__proto__`, `constructor` and `toString`
// are valid UserIDs and GroupIds, so they must work as From_Account, To_Account and GroupId through
// the API, the exported state, an import and the journal across a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allContacts, c2c, call, controlRequest, group, readStateFile, testStub } from '../helpers.js';

const NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty'];

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tim-marks-proto-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('prototype-named keys', () => {
  it('work as From_Account, To_Account and GroupId everywhere, and survive export, import and restart', async () => {
    const file = join(dir, 'state.json');
    const stub = await testStub({ stateFile: file });
    try {
      expect((await call(stub, 'multiaccountImport', { Accounts: NAMES })).ErrorCode).toBe(0);
      for (const name of NAMES) {
        expect(
          (await call(stub, 'createGroup', { Type: 'Public', Name: 'g', GroupId: name })).ErrorCode,
        ).toBe(0);
        const answer = await call(stub, 'markContact', {
          From_Account: name,
          MarkItem: [c2c(name), group(name, { SetMark: [2] })],
        });
        expect(answer.ErrorCode).toBe(0);
      }
      for (const name of NAMES) {
        expect(await allContacts(stub, name)).toMatchObject([
          { Type: 1, To_Account: name },
          { Type: 2, ToGroupId: name },
        ]);
      }
      // The exported state lists them as keys of its own.
      const exported = (await controlRequest(stub, 'GET', 'state')).body as {
        apps: { marks: Record<string, unknown[]> }[];
      };
      const keys = Object.keys(exported.apps[0]?.marks ?? {});
      for (const name of NAMES) expect(keys).toContain(name);
      expect(Object.hasOwn(exported.apps[0]?.marks ?? {}, '__proto__')).toBe(true);

      // Imported back over a reset, they are all there again.
      await stub.control.reset();
      expect((await controlRequest(stub, 'PUT', 'state', exported)).status).toBe(200);
      for (const name of NAMES) expect(await allContacts(stub, name)).toHaveLength(2);
    } finally {
      await stub.close();
    }
    // The snapshot holds them, and a restart reads them back.
    expect(Object.hasOwn(readStateFile(file).apps[0]?.marks ?? {}, '__proto__')).toBe(true);
    const restarted = await testStub({ stateFile: file });
    try {
      for (const name of NAMES) expect(await allContacts(restarted, name)).toHaveLength(2);
      // Nothing leaked into Object.prototype on the way.
      expect(({} as Record<string, unknown>).Type).toBeUndefined();
    } finally {
      await restarted.close();
    }
  });
});
