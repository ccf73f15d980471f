// The nesting check skips its walk for short texts; the shortest text that nests one level too deep
// must still be caught, whatever mix of arrays and objects it uses.
import { describe, expect, it } from 'vitest';
import { MAX_NESTING, nestingProblem } from '../src/body.js';

/** The shortest JSON text of `depth` levels: arrays, or objects (`{"":…}`) when `objects`. */
function nested(depth: number, objects: boolean): string {
  if (depth === 1) return objects ? '{}' : '[]';
  return objects ? `{"":${nested(depth - 1, objects)}}` : `[${nested(depth - 1, objects)}]`;
}

describe('nestingProblem', () => {
  it('accepts MAX_NESTING levels and refuses one more, however short the text', () => {
    for (const objects of [false, true]) {
      for (let depth = MAX_NESTING - 3; depth <= MAX_NESTING + 3; depth++) {
        const text = nested(depth, objects);
        const problem = nestingProblem(JSON.parse(text) as object, Buffer.byteLength(text));
        if (depth <= MAX_NESTING) expect(problem, `${depth} levels`).toBeUndefined();
        else expect(problem, `${depth} levels`).toMatch(/deeper than 64 levels/);
      }
    }
  });
});
