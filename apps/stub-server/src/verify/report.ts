// The report `tim-marks-stub verify` prints: one line per interaction, ✓ or ✗, and under a ✗ each
// mismatch as "where: expected X, got Y", values cut short; never a whole body.
import { isAbsolute, relative } from 'node:path';
import type { InteractionOutcome, Mismatch, RunOutcome } from './protocol.js';

/** Longest value shown in a mismatch; longer ones end with "…". */
export const VALUE_WIDTH = 72;

function cut(text: string, width = VALUE_WIDTH): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length <= width ? flat : `${flat.slice(0, width - 1)}…`;
}

/** A pact file relative to the working folder when it is inside it. */
function shortPath(file: string): string {
  if (!isAbsolute(file)) return file;
  const near = relative(process.cwd(), file);
  return near.startsWith('..') || isAbsolute(near) ? file : near;
}

export function mismatchLine(m: Mismatch): string {
  if (m.expected !== undefined || m.actual !== undefined) {
    return `${m.where}: expected ${cut(m.expected ?? '(nothing)')}, got ${cut(m.actual ?? '(nothing)')}`;
  }
  return `${m.where}: ${cut(m.text ?? '', VALUE_WIDTH * 2)}`;
}

function interactionLines(interaction: InteractionOutcome): string[] {
  const given = interaction.states.length > 0 ? `  (given ${interaction.states.join('; ')})` : '';
  const lines = [`  ${interaction.ok ? '✓' : '✗'} ${interaction.description}${given}`];
  if (interaction.stateFailure !== undefined) {
    // The stub's reasons come as "a; b; c": one line each.
    lines.push(
      `      provider state "${interaction.stateFailure.state}" could not be set up:`,
      ...interaction.stateFailure.message.split('; ').map((part) => `        ${cut(part, 180)}`),
    );
  }
  // Pact reports the same path more than once for some bodies; one line each is enough.
  const seen = new Set<string>();
  for (const m of interaction.mismatches) {
    const line = mismatchLine(m);
    if (!seen.has(line)) lines.push(`      ${line}`);
    seen.add(line);
  }
  return lines;
}

export interface Totals {
  sources: number;
  interactions: number;
  failed: number;
  unverified: number;
}

export function totals(runs: readonly RunOutcome[]): Totals {
  return {
    sources: runs.length,
    interactions: runs.reduce((n, run) => n + run.interactions.length, 0),
    failed: runs.reduce((n, run) => n + run.interactions.filter((i) => !i.ok).length, 0),
    unverified: runs.filter((run) => run.error !== undefined).length,
  };
}

export function report(runs: readonly RunOutcome[], { verbose = false } = {}): string {
  const lines: string[] = [];
  for (const run of runs) {
    const title =
      run.consumer === undefined
        ? run.source
        : `${run.consumer} → ${run.provider ?? '?'}  (${shortPath(run.source)})`;
    lines.push('', title);
    if (run.error !== undefined) lines.push(`  ✗ not verified: ${cut(run.error, 400)}`);
    for (const interaction of run.interactions) lines.push(...interactionLines(interaction));
    if (verbose && run.output.length > 0) {
      lines.push(
        '  Pact’s own report:',
        ...run.output
          .flatMap((entry) => entry.split('\n'))
          .map((line) => `  | ${line.replace(/\u001b\[[0-9;]*m/g, '')}`),
      );
    }
  }
  const t = totals(runs);
  const verified = t.interactions - t.failed;
  lines.push(
    '',
    `${t.sources} ${t.sources === 1 ? 'pact' : 'pacts'}, ${t.interactions} ${t.interactions === 1 ? 'interaction' : 'interactions'}: ` +
      `${verified} verified, ${t.failed} failed${t.unverified > 0 ? `, ${t.unverified} not verified at all` : ''}`,
  );
  return `${lines.join('\n')}\n`;
}
