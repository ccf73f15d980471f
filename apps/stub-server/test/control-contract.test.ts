// The control plane keeps its contract: every answer of every operation, success or refusal, matches
// the response schema openapi/control-plane.yaml gives for its operation and status.
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { Stub } from '../src/stub.js';
import { c2c, call, controlRequest, testStub } from './helpers.js';

const document = parse(
  readFileSync(new URL('../../../openapi/control-plane.yaml', import.meta.url), 'utf8'),
) as { paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
const ajv = new Ajv2020({ strict: false, validateFormats: false });
ajv.addSchema({ ...document, $id: 'control-plane.json' });

const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

/** The JSON schema of an operation's answer with this status (following a components/responses $ref). */
function schemaOf(method: string, path: string, status: number): string {
  const responses = document.paths[path]?.[method]?.responses;
  const response = responses?.[String(status)] as { $ref?: string } | undefined;
  expect(response, `${method.toUpperCase()} ${path} documents no ${status}`).toBeDefined();
  const base =
    response?.$ref !== undefined
      ? response.$ref.slice(1)
      : `/${pointer('paths', path, method, 'responses', String(status))}`;
  return `control-plane.json#${base}/content/application~1json/schema`;
}

let stub: Stub;
beforeAll(async () => {
  stub = await testStub({ rateLimit: 0 });
  await call(stub, 'markContact', {
    From_Account: 'user0',
    MarkItem: [c2c('user1', { OptType: 1, SetMark: [1], CustomMark: 'vip' })],
  });
  // A conversation group and a group conversation in it, so that the state shows every field.
  stub.control.setEdition(stub.sdkAppId, 'ultimate');
  await call(stub, 'createGroup', {
    Owner_Account: 'user0',
    Type: 'Public',
    Name: 'Team',
    GroupId: 'team-1',
  });
  const created = await call(stub, 'createContactGroup', {
    From_Account: 'user0',
    GroupContactItem: [{ GroupName: 'work', ContactItem: [{ Type: 2, ToGroupId: 'team-1' }] }],
  });
  expect(created.ErrorCode).toBe(0);
});
afterAll(() => stub.close());

/** Sends one control request and checks its answer against the yaml. */
async function conforms(method: string, route: string, documented: string, body?: unknown): Promise<number> {
  const { status, body: answer } = await controlRequest(stub, method, route, body);
  const validate = ajv.compile({ $ref: schemaOf(method.toLowerCase(), `/__stub/${documented}`, status) });
  expect(
    validate(answer),
    `${method} ${route} → ${status}: ${JSON.stringify(validate.errors)}\n${JSON.stringify(answer)}`,
  ).toBe(true);
  return status;
}

describe('the control plane answers as openapi/control-plane.yaml says', () => {
  it('on success', async () => {
    expect(await conforms('GET', 'health', 'health')).toBe(200);
    expect(await conforms('GET', 'stats?command=markContact', 'stats')).toBe(200);
    expect(await conforms('GET', 'state', 'state')).toBe(200);
    expect(await conforms('POST', 'seed', 'seed', { accounts: ['extra'] })).toBe(200);
    for (const spec of [
      { kind: 'error', code: 50004, count: 1 },
      { kind: 'item-error', ResultCode: 51008, To_Account: ['x'], ResultInfo: 'full' },
      { kind: 'http', status: 503, probability: 0.5 },
      { kind: 'latency', latencyMs: { mean: 5, stddev: 1 }, From_Account: 'user0' },
      { kind: 'drop', sdkAppId: 1400000000, latencyMs: 3 },
      { kind: 'hang', command: 'v4/recentcontact/get_contact_group' },
      { command: 'markContact', code: 50005, latencyMs: 1 },
    ]) {
      expect(await conforms('POST', 'faults', 'faults', spec)).toBe(200);
    }
    expect(await conforms('GET', 'faults', 'faults')).toBe(200);
    const id = ((await controlRequest(stub, 'GET', 'faults')).body.faults as { id: string }[])[0]?.id;
    expect(await conforms('DELETE', `faults/${id}`, 'faults/{id}')).toBe(200);
    expect(await conforms('DELETE', 'faults', 'faults')).toBe(200);
    expect(await conforms('GET', 'requests?limit=5', 'requests')).toBe(200);
    expect(
      await conforms('POST', 'requests/count', 'requests/count', {
        command: 'markContact',
        body: { From_Account: 'user0' },
      }),
    ).toBe(200);
    expect(await conforms('DELETE', 'requests', 'requests')).toBe(200);
    expect(await conforms('POST', 'reset', 'reset', {})).toBe(200);
    const state = (await controlRequest(stub, 'GET', 'state')).body;
    expect(await conforms('PUT', 'state', 'state', state)).toBe(200);
  });

  it('on refusal', async () => {
    expect(await conforms('POST', 'faults', 'faults', { kind: 'nope' })).toBe(400);
    expect(await conforms('POST', 'faults', 'faults', { kind: 'drop', sdkAppId: 1 })).toBe(404);
    expect(await conforms('DELETE', 'faults/fault-0', 'faults/{id}')).toBe(404);
    expect(await conforms('GET', 'requests?limit=0', 'requests')).toBe(400);
    expect(await conforms('POST', 'requests/count', 'requests/count', {})).toBe(400);
    expect(await conforms('GET', 'stats?command=nope', 'stats')).toBe(400);
    expect(await conforms('POST', 'seed', 'seed', { accounts: [''] })).toBe(400);
    expect(await conforms('PUT', 'state', 'state', { version: 2 })).toBe(400);
    expect(await conforms('POST', 'reset', 'reset', { sdkAppId: 5 })).toBe(404);
  });
});
