// `tim-marks-stub verify` as a team runs it (the built CLI): the report's lines, the exit codes,
// credentials re-signed, a running stub with --url and a team's own --state-handlers.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Stub } from '../src/stub.js';
import { VERIFY_EXIT } from '../src/verify/command.js';
import { allContacts, testStub } from './helpers.js';
import { runCli } from './process.js';

const PACTS = fileURLToPath(new URL('../../../pacts/', import.meta.url));
const CLIENT_PACT = 'tim-marks-client-tim-marks-stub.json';
const dir = mkdtempSync(join(tmpdir(), 'tim-marks-verify-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A Pact V3 file of a team, with credentials no stub would accept as they are. */
function pactFile(name: string, interactions: unknown[]): string {
  const file = join(dir, `${name}.json`);
  writeFileSync(
    file,
    JSON.stringify({
      consumer: { name },
      provider: { name: 'tim-im-api' },
      interactions,
      metadata: { pactSpecification: { version: '3.0.0' } },
    }),
  );
  return file;
}

function markContact(
  description: string,
  states: string[],
  expected: Record<string, unknown>,
  from = 'user0',
) {
  return {
    description,
    providerStates: states.map((name) => ({ name })),
    request: {
      method: 'POST',
      path: '/v4/recentcontact/mark_contact',
      query: {
        sdkappid: ['1400999999'],
        identifier: ['someone'],
        usersig: ['recorded-garbage'],
        random: ['7'],
        contenttype: ['json'],
      },
      headers: { 'Content-Type': 'application/json' },
      body: {
        From_Account: from,
        MarkItem: [{ OptType: 1, ContactItem: { Type: 1, To_Account: 'peer1' }, SetMark: [1] }],
      },
    },
    response: { status: 200, body: expected },
  };
}

const verify = (args: string[]) => runCli(['verify', ...args]);

describe('tim-marks-stub verify', () => {
  it('--help documents the command and its exit codes', async () => {
    const { code, stdout } = await verify(['--help']);
    expect(code).toBe(0);
    expect(stdout).toContain('Usage: tim-marks-stub verify <pact file or folder>');
    expect(stdout).toContain('--state-handlers FILE');
    expect(stdout).toMatch(
      /Exit codes: 0 all verified, 1 an interaction failed, 2 bad flags, 3 nothing verified/,
    );
  });

  it('answers 2 without a pact, 3 for a folder holding none of the provider', async () => {
    const none = await verify([]);
    expect(none.code).toBe(VERIFY_EXIT.USAGE);
    expect(none.stderr).toMatch(/^tim-marks-stub verify: name the pact files or folders/);
    const missing = await verify([join(dir, 'nowhere')]);
    expect(missing.code).toBe(VERIFY_EXIT.NOT_RUN);
    const other = await verify([PACTS]);
    expect(other.code).toBe(VERIFY_EXIT.NOT_RUN);
    expect(other.stderr).toContain('no pact for provider tim-im-api');
  });

  it('verifies our own client pact: one ✓ line per interaction, exit 0', async () => {
    // The committed pact (the consumer run's drift check keeps it equal to a fresh one): pacts/ itself
    // is rewritten by the consumer run, which `npm test` runs beside this test.
    const committed = join(dir, 'committed');
    mkdirSync(committed);
    const pact = execFileSync('git', ['show', `HEAD:pacts/${CLIENT_PACT}`], { cwd: PACTS, encoding: 'utf8' });
    writeFileSync(join(committed, CLIENT_PACT), pact);
    const { code, stdout } = await verify([committed, '--provider', 'tim-marks-stub']);
    expect(code, stdout).toBe(VERIFY_EXIT.VERIFIED);
    const lines = stdout.split('\n');
    expect(lines.filter((line) => line.startsWith('  ✓ ')).length).toBeGreaterThanOrEqual(30);
    expect(lines.some((line) => line.startsWith('  ✗ '))).toBe(false);
    expect(stdout).toMatch(/1 pact, \d+ interactions: \d+ verified, 0 failed/);
  });

  it('re-signs recorded credentials, and shows a mismatch as a short diff at its JSON path, exit 1', async () => {
    const file = pactFile('team-t', [
      markContact('mark_contact stars peer1', ['user0 is imported', 'peer1 is imported'], {
        ActionStatus: 'OK',
        ErrorCode: 0,
      }),
      markContact('mark_contact on a pro app', ['user0 is imported'], {
        ErrorCode: 51013,
        ErrorInfo: 'x'.repeat(500),
      }),
    ]);
    const { code, stdout } = await verify([file]);
    expect(code, stdout).toBe(VERIFY_EXIT.FAILED);
    expect(stdout).toMatch(
      /^ {2}✓ mark_contact stars peer1 {2}\(given user0 is imported; peer1 is imported\)$/m,
    );
    expect(stdout).toMatch(/^ {2}✗ mark_contact on a pro app/m);
    expect(stdout).toMatch(/^ {6}\$\.ErrorCode: expected 51013, got 0$/m);
    expect(stdout).toMatch(/^ {6}\$\.ErrorInfo: expected "x{60,}…, got ""$/m);
    expect(stdout.split('\n').every((line) => line.length < 200)).toBe(true);
    expect(stdout).toMatch(/1 pact, 2 interactions: 1 verified, 1 failed/);
  });

  it('fails an interaction whose state is unknown, naming the closest states', async () => {
    const file = pactFile('team-u', [
      markContact('mark_contact as a starred user', ['user0 has starred peer1'], { ActionStatus: 'OK' }),
    ]);
    const { code, stdout } = await verify([file]);
    expect(code).toBe(VERIFY_EXIT.FAILED);
    expect(stdout).toMatch(
      /provider state "user0 has starred peer1" could not be set up:\n {8}unknown provider state "user0 has starred peer1"\n {8}closest: .*"\{user\} has marked \{peer\}/,
    );
  });

  it('sends the recorded credentials when told to: "the request keeps its recorded usersig"', async () => {
    const garbage = markContact(
      'mark_contact with a garbage usersig',
      ['the request keeps its recorded usersig'],
      {
        ErrorCode: 70003,
      },
    );
    // The stub's own app and admin, as recorded: only the usersig is wrong.
    Object.assign(garbage.request.query, { sdkappid: ['1400000000'], identifier: ['administrator'] });
    // The name as the vocabulary accepts it (any case, spaces around) keeps the recorded usersig too.
    const variant = markContact(
      'mark_contact with a garbage usersig, the state written otherwise',
      [' The request keeps its recorded USERSIG '],
      { ErrorCode: 70003 },
    );
    Object.assign(variant.request.query, { sdkappid: ['1400000000'], identifier: ['administrator'] });
    const file = pactFile('team-v', [garbage, variant]);
    const { code, stdout } = await verify([file]);
    expect(code, stdout).toBe(VERIFY_EXIT.VERIFIED);
    expect(stdout).toMatch(/2 interactions: 2 verified/);
  });

  it('lists the vocabulary', async () => {
    const { code, stdout } = await verify(['--list-states']);
    expect(code).toBe(0);
    expect(stdout).toContain('{user} has marked {peer} with {positions} and custom mark {mark}');
    expect(stdout).toContain('e.g. "user0 has marked user1 with 1,2 and custom mark vip"');
  });
});

describe('tim-marks-stub verify --url, with a team’s --state-handlers', () => {
  let stub: Stub;
  beforeAll(async () => {
    stub = await testStub({ sdkAppId: 1400000042, secretKey: 'team-key' });
  });
  afterAll(() => stub.close());

  it('sets up the team’s state through the control plane of the running stub and re-signs with --secret-key', async () => {
    const handlers = join(dir, 'states.mjs');
    writeFileSync(
      handlers,
      `export default {
        '{user} is a customer': async ({ user }, control) => { await control.seed({ accounts: [user] }); return { user }; },
      };\n`,
    );
    const file = pactFile('team-w', [
      markContact(
        'mark_contact by a customer',
        ['carol is a customer', 'peer1 is imported'],
        { ErrorCode: 0 },
        'carol',
      ),
    ]);
    const args = [file, '--url', stub.url, '--state-handlers', handlers, '--secret-key', 'team-key'];
    const { code, stdout } = await verify(args);
    expect(code, stdout).toBe(VERIFY_EXIT.VERIFIED);
    expect(stdout).toContain(`against the stub at ${stub.url} (SDKAppID 1400000042, admin administrator)`);
    // The stub is reset before each interaction, not after: the last one's data is there to inspect.
    expect((await allContacts(stub, 'carol')).map((c) => c.To_Account)).toEqual(['peer1']);

    const wrongKey = await verify([file, '--url', stub.url, '--state-handlers', handlers]);
    expect(wrongKey.code).toBe(VERIFY_EXIT.FAILED);
    expect(wrongKey.stdout).toMatch(/\$\.ErrorCode: expected 0, got 70009/);
  });
});
