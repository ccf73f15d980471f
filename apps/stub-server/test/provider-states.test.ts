// The provider-state vocabulary at POST /__stub/provider-states (pacts/README.md): what each state
// leaves in the stub, as the API then answers it, and how an unknown or malformed state is refused.
import { ErrorCode } from '@tim-marks/types';
import { request } from 'undici';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { closeStates, matchState, PROVIDER_STATES } from '../src/provider-states.js';
import type { Stub } from '../src/stub.js';
import { allContacts, c2c, call, controlRequest, group, testStub } from './helpers.js';

let stub: Stub;
beforeAll(async () => {
  // No ceiling configured: "the {command} ceiling is exhausted" then has to set one, and its teardown
  // to put the configured 0 back.
  stub = await testStub({ rateLimit: 0 });
});
afterAll(() => stub.close());
beforeEach(async () => {
  await controlRequest(stub, 'POST', 'reset', {});
});

const setUp = (state: string, params?: Record<string, unknown>, action?: string) =>
  controlRequest(stub, 'POST', 'provider-states', {
    state,
    ...(params ? { params } : {}),
    ...(action ? { action } : {}),
  });

describe('POST /__stub/provider-states', () => {
  it('answers the values Pact may inject: sdkappid, identifier, a fresh usersig and the parameters', async () => {
    const { status, body } = await setUp('alice is imported');
    expect(status).toBe(200);
    expect(body).toEqual({
      sdkappid: '1400000000',
      identifier: 'administrator',
      usersig: expect.any(String),
      user: 'alice',
    });
    // The usersig is a real one for the admin.
    const answer = await call(
      stub,
      'multiaccountImport',
      { Accounts: ['x1'] },
      { query: { usersig: body.usersig as string } },
    );
    expect(answer.ErrorCode).toBe(0);
  });

  it('"{user} has marked {peer} with {positions} and custom mark {mark}" marks the C2C conversation', async () => {
    expect((await setUp('alice has marked bob with 1,2 and custom mark vip')).status).toBe(200);
    const [item] = await allContacts(stub, 'alice');
    expect(item).toMatchObject({ Type: 1, To_Account: 'bob', StandardMark: '11', CustomMark: 'vip' });
  });

  it('takes the parameters from params when the name is the template', async () => {
    const { status } = await setUp('{user} has marked {peer} with {positions} and custom mark {mark}', {
      user: 'alice',
      peer: 'bob',
      positions: [3],
      mark: 'none',
    });
    expect(status).toBe(200);
    const [item] = await allContacts(stub, 'alice');
    expect(item).toMatchObject({ To_Account: 'bob', StandardMark: '100' });
    expect(item?.CustomMark ?? '').toBe('');
  });

  it('refuses a mark the API would refuse, naming the rule, and marks nothing', async () => {
    const { status, body } = await setUp(`alice has marked bob with 1 and custom mark ${'x'.repeat(300)}`);
    expect(status).toBe(400);
    expect(body.error).toContain('mark_contact would refuse marking bob for alice');
    expect(body.error).toMatch(/MarkItem\[0\]\.CustomMark .*256/);
    expect(await allContacts(stub, 'alice')).toEqual([]);
  });

  it('"{user} has {n} marked conversations" marks c0000.. starred with custom mark vip', async () => {
    expect((await setUp('user0 has 150 marked conversations')).status).toBe(200);
    const items = await allContacts(stub, 'user0');
    expect(items).toHaveLength(150);
    expect(items[0]).toMatchObject({ To_Account: 'c0000', StandardMark: '1', CustomMark: 'vip' });
    expect(items[149]).toMatchObject({ To_Account: 'c0149' });
  });

  it('"group {GroupId} was dissolved": marking it answers 51007', async () => {
    expect((await setUp('group team-gone was dissolved')).status).toBe(200);
    const answer = await call(stub, 'markContact', {
      From_Account: 'user0',
      MarkItem: [group('team-gone', { SetMark: [1] })],
    });
    expect((answer.ResultItem as { ResultCode: number }[])[0]?.ResultCode).toBe(ErrorCode.GROUP_UNRESOLVED);
  });

  it('"{user} has a contact group {name} with {members}" and "{user} has {n} contact groups"', async () => {
    expect((await setUp('alice has a contact group work with bob, group:team-1')).status).toBe(200);
    const contacts = await allContacts(stub, 'alice');
    expect(contacts.map((c) => c.To_Account ?? c.ToGroupId)).toEqual(['bob', 'team-1']);
    await controlRequest(stub, 'POST', 'reset', {});
    expect((await setUp('user0 has 20 contact groups')).status).toBe(200);
    const answer = await call(stub, 'createContactGroup', {
      From_Account: 'user0',
      GroupContactItem: [{ GroupName: 'one-more', ContactItem: [{ Type: 1, To_Account: 'user1' }] }],
    });
    expect(answer.ErrorCode).toBe(ErrorCode.CONTACT_GROUP_COUNT);
  });

  it('"the {command} ceiling is exhausted": the next call answers 60007; teardown puts back the configured ceiling', async () => {
    // The live ceiling (stub.apps is the configuration as started, not what the app enforces now).
    const ceiling = () => stub.control.stats({ command: 'markContact' }).series[0]?.ceiling;
    const mark = () => call(stub, 'markContact', { From_Account: 'user0', MarkItem: [c2c('user1')] });
    expect(ceiling()).toBe(0);
    expect((await setUp('the mark_contact ceiling is exhausted')).status).toBe(200);
    expect(ceiling()).toBe(1);
    expect((await mark()).ErrorCode).toBe(ErrorCode.RATE_LIMITED);
    expect((await setUp('the mark_contact ceiling is exhausted', undefined, 'teardown')).status).toBe(200);
    expect(ceiling()).toBe(0);
    // No ceiling again: the next call passes within the same second.
    expect((await mark()).ErrorCode).toBe(0);
  });

  it('"an app with edition {edition}" until its teardown', async () => {
    expect((await setUp('an app with edition pro')).status).toBe(200);
    const mark = () =>
      call(stub, 'markContact', {
        From_Account: 'user0',
        MarkItem: [c2c('user1')],
      });
    expect((await mark()).ErrorCode).toBe(ErrorCode.NOT_ULTIMATE);
    expect((await setUp('an app with edition pro', undefined, 'teardown')).status).toBe(200);
    expect((await mark()).ErrorCode).toBe(0);
  });

  it('"the next {command} fails with {code}" injects one fault', async () => {
    expect((await setUp('the next mark_contact fails with 50004')).status).toBe(200);
    const body = {
      From_Account: 'user0',
      MarkItem: [c2c('user1')],
    };
    expect((await call(stub, 'markContact', body)).ErrorCode).toBe(ErrorCode.INTERNAL_ERROR);
    expect((await call(stub, 'markContact', body)).ErrorCode).toBe(0);
  });

  it('refuses an unknown state with 404, naming it and the closest states', async () => {
    const { status, body } = await setUp('alice has starred bob');
    expect(status).toBe(404);
    expect(body.code).toBe('unknown-provider-state');
    expect(body.error).toMatch(/^unknown provider state "alice has starred bob"; closest: /);
    expect(body.error).toContain('"{user} has marked {peer} with {positions} and custom mark {mark}"');
  });

  it('refuses a bad parameter with 400, naming it', async () => {
    const { status, body } = await setUp('an app with edition gold');
    expect(status).toBe(400);
    expect(body.error).toContain('edition must be one of ultimate, pro, standard, got "gold"');
    expect((await setUp('alice has marked bob with 65 and custom mark x')).status).toBe(400);
  });

  it('refuses "{user} is not imported" for an account the stub seeds', async () => {
    expect((await setUp('nobody is not imported')).status).toBe(200);
    const { status, body } = await setUp('user0 is not imported');
    expect(status).toBe(400);
    expect(body.error).toContain('seed account');
  });

  it("keeps the control plane's rules: JSON only, loopback Host only", async () => {
    const form = await request(`${stub.url}/__stub/provider-states`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'state=alice+is+imported',
    });
    expect(form.statusCode).toBe(415);
    await form.body.dump();
    const rebound = await request(`${stub.url}/__stub/provider-states`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', host: 'evil.example' },
      body: JSON.stringify({ state: 'alice is imported' }),
    });
    expect(rebound.statusCode).toBe(403);
    await rebound.body.dump();
  });

  it('GET lists the vocabulary, each example matching its own template', async () => {
    const { status, body } = await controlRequest(stub, 'GET', 'provider-states');
    expect(status).toBe(200);
    expect((body.states as { template: string }[]).map((s) => s.template)).toEqual(
      PROVIDER_STATES.map((s) => s.template),
    );
    for (const state of PROVIDER_STATES)
      expect(matchState(state.example).state.template).toBe(state.template);
  });
});

describe('closeStates', () => {
  it('suggests the vocabulary a person probably meant', () => {
    expect(closeStates('the app is not Ultimate')).toContain('an app with edition {edition}');
    expect(closeStates('mark_contact is rate limited')[0]).toBe('the {command} ceiling is exhausted');
    expect(closeStates('user0 has 20 conversation groups')[0]).toBe('{user} has {n} contact groups');
  });
});
