// The pact of version 2 (pacts-broken/) must fail verification, and say why in lines a person reads:
// each interaction marked ✗, with the JSON path and what was expected and what the API answered, or
// the provider state that could not be set up and the closest known ones.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';

test('tim-marks-stub verify reports the mismatch and exits 1', () => {
  const run = spawnSync('npx', ['--no', 'tim-marks-stub', 'verify', './pacts-broken'], { encoding: 'utf8' });
  process.stdout.write(run.stdout);
  process.stdout.write(run.stderr);
  assert.equal(run.status, 1, 'exit code 1: an interaction failed');
  assert.match(run.stdout, /^ {2}✗ get_contact_group of alice listing bob starred/m);
  assert.match(
    run.stdout,
    /\$\.ContactItem\[0\]\.StandardMark: expected \[1\] \(Array\), got '1' \(String\)/,
  );
  // A state the stub does not know fails its interaction, naming the closest states.
  assert.match(run.stdout, /^ {2}✗ mark_contact starring bob again for alice/m);
  assert.match(
    run.stdout,
    /provider state "alice has starred bob" could not be set up:\n {8}unknown provider state "alice has starred bob"\n {8}closest: [^\n]*"\{user\} has marked \{peer\} with \{positions\} and custom mark \{mark\}"/,
  );
  assert.match(run.stdout, /1 pact, 2 interactions: 0 verified, 2 failed/);
  // A short report, not Pact's body dumps.
  const lines = run.stdout.trimEnd().split('\n');
  assert.ok(lines.length < 15, `${lines.length} lines`);
  assert.ok(
    lines.every((line) => line.length < 200),
    'no line longer than 200 characters',
  );
});
