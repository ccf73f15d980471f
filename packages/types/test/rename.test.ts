// The promise of a single source of truth: a field renamed in the spec must break the compile. This
// renames To_Account in a copy of the spec, regenerates into a copy of the package's sources, and
// type-checks the type-level test against it: tsc must fail, naming the field.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const pkg = join(dirname(fileURLToPath(import.meta.url)), '..');
const spec = join(pkg, '..', '..', 'openapi', 'openapi.yaml');
// Inside the package, so that node_modules (typescript, @types/node) resolve as usual.
const work = mkdtempSync(join(pkg, '.rename-test-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function typecheck(dir: string) {
  const tsc = join(pkg, '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');
  return spawnSync(process.execPath, [tsc, '-p', join(dir, 'tsconfig.json')], { encoding: 'utf8' });
}

function copyPackage(specText: string): string {
  const dir = mkdtempSync(join(work, 'pkg-'));
  cpSync(join(pkg, 'src'), join(dir, 'src'), { recursive: true });
  cpSync(join(pkg, 'test', 'type-level.ts'), join(dir, 'test', 'type-level.ts'));
  writeFileSync(join(dir, 'openapi.yaml'), specText);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({
      extends: '../../../../tsconfig.base.json',
      compilerOptions: { noEmit: true },
      include: ['src', 'test'],
    }),
  );
  execFileSync(process.execPath, [
    join(pkg, 'scripts', 'generate.mjs'),
    '--spec',
    join(dir, 'openapi.yaml'),
    '--out',
    join(dir, 'src', 'generated'),
  ]);
  return dir;
}

describe('a field renamed in the spec breaks the compile', () => {
  const original = readFileSync(spec, 'utf8');
  // The schemas, at their indentation (create_contact_group's example also has a `GroupContactItem:` field).
  const c2c = original.indexOf('\n    C2CContactItem:');
  const group = original.indexOf('\n    GroupContactItem:');
  const renamed =
    original.slice(0, c2c) +
    original.slice(c2c, group).replaceAll('To_Account', 'To_account') +
    original.slice(group);

  it('compiles as generated from the spec itself', () => {
    const result = typecheck(copyPackage(original));
    expect(result.stdout + result.stderr).toBe('');
    expect(result.status).toBe(0);
  }, 120_000);

  it('fails once To_Account is renamed To_account and the types regenerated', () => {
    expect(renamed).not.toBe(original);
    const result = typecheck(copyPackage(renamed));
    expect(result.status).not.toBe(0);
    expect(result.stdout).toMatch(/To_Account/);
  }, 120_000);
});
