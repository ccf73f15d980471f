// Memory returns to its baseline after churn (issue row 12): marking then clearing 200,000 distinct
// conversations once left ~96 bytes per id behind (the interned ids were never released).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { MemoryStore } from '../../src/store/memory.js';
import type { MarkOp } from '../../src/store/store.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

const APP = 1400000000;

function op(id: string, set: boolean): MarkOp {
  return { type: 1, id, setHi: 0, setLo: set ? 1 : 0, clearHi: 0, clearLo: set ? 0 : 1, custom: undefined };
}

describe('the in-memory store under churn', () => {
  it('returns to its baseline (±10%) after marking then clearing 200,000 distinct conversations', () => {
    const store = new MemoryStore();
    store.importAccounts(APP, ['alice', 'bob']);
    store.applyMarks(APP, 'alice', [op('first', true)], 1);
    const baseline = heapAfterGc();
    for (let i = 0; i < 200_000; i += 100) {
      const ids = Array.from({ length: 100 }, (_, j) => `peer-${i + j}-with-a-longer-name`);
      store.applyMarks(
        APP,
        'bob',
        ids.map((id) => op(id, true)),
        1,
      );
      store.applyMarks(
        APP,
        'bob',
        ids.map((id) => op(id, false)),
        1,
      );
    }
    const after = heapAfterGc();
    expect(store.countMarks(APP)).toBe(1);
    expect(Math.abs(after - baseline) / baseline, `${baseline} → ${after} bytes`).toBeLessThan(0.1);
    // What is left is still right.
    expect(store.getContacts(APP, 'alice', 0, 10)?.items.map((c) => c.id)).toEqual(['first']);
  });
});
