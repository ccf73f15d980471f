// Keeps a generated section of BAD-INPUT.md (between a start and an end marker) in step with the
// table a test renders: BAD_INPUT_DOC=write rewrites it, otherwise a difference fails the test.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

export const BAD_INPUT_DOC = new URL('../../BAD-INPUT.md', import.meta.url);
const BIOME = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');

/**
 * The doc's lines with table cells trimmed and rule rows reduced to `---`: Biome aligns Markdown
 * tables, which changes the padding and nothing else.
 */
function normalized(markdown: string): string[] {
  return markdown
    .trim()
    .split('\n')
    .map((line) => {
      if (!line.startsWith('|')) return line.trim();
      const cells = line
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map((c) => c.trim());
      return cells.every((c) => /^-+$/.test(c)) ? cells.map(() => '---').join('|') : cells.join('|');
    });
}

/** Checks (or with BAD_INPUT_DOC=write, rewrites) the section between `start` and `end`. */
export function syncDocSection(start: string, end: string, table: string): void {
  const doc = readFileSync(BAD_INPUT_DOC, 'utf8');
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  expect(from, `BAD-INPUT.md has no line ${start}`).toBeGreaterThanOrEqual(0);
  expect(to).toBeGreaterThan(from);
  const current = doc.slice(from + start.length, to);
  if (process.env.BAD_INPUT_DOC === 'write') {
    writeFileSync(BAD_INPUT_DOC, `${doc.slice(0, from + start.length)}\n\n${table}\n${doc.slice(to)}`);
    // Aligned as `biome check` wants it.
    execFileSync(BIOME, ['format', '--write', fileURLToPath(BAD_INPUT_DOC)], { stdio: 'ignore' });
    return;
  }
  expect(normalized(current), 'BAD-INPUT.md is out of date: BAD_INPUT_DOC=write regenerates it').toEqual(
    normalized(table),
  );
}

export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}
