// The exported state (GET /__stub/state, the snapshot file) and its validation on import
// (PUT /__stub/state, start-up): a clear message naming the bad field, or the state typed.
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describeError } from './commands/describe.js';
import { fromDecimalString } from './standard-mark.js';
import type { StubState } from './store/store.js';

const STATE_SCHEMA = {
  type: 'object',
  required: ['version', 'apps'],
  properties: {
    version: { const: 1 },
    apps: {
      type: 'array',
      items: {
        type: 'object',
        required: ['sdkAppId', 'accounts', 'groups', 'marks'],
        properties: {
          sdkAppId: { type: 'integer', minimum: 1 },
          accounts: { type: 'array', items: { type: 'string', minLength: 1 } },
          groups: {
            type: 'array',
            items: {
              type: 'object',
              required: ['GroupId', 'Type', 'Name', 'dissolved'],
              properties: {
                GroupId: { type: 'string', minLength: 1 },
                Type: { type: 'string' },
                Name: { type: 'string' },
                Owner_Account: { type: 'string' },
                dissolved: { type: 'boolean' },
              },
            },
          },
          marks: {
            type: 'object',
            additionalProperties: {
              type: 'array',
              items: {
                type: 'object',
                required: ['Type', 'StandardMark', 'Timestamp', 'firstMarkedSeq'],
                properties: {
                  Type: { enum: [1, 2] },
                  To_Account: { type: 'string', minLength: 1 },
                  ToGroupId: { type: 'string', minLength: 1 },
                  StandardMark: { type: 'string', pattern: '^[0-9]{1,20}$' },
                  CustomMark: { type: 'string' },
                  Timestamp: { type: 'integer', minimum: 0 },
                  firstMarkedSeq: { type: 'integer', minimum: 0 },
                },
              },
            },
          },
        },
      },
    },
  },
} as const;

let validator: ReturnType<Ajv2020['compile']> | undefined;

export class StateError extends Error {
  override name = 'StateError';
}

/** Checks a state to import; throws StateError naming the first bad field. */
export function validateState(value: unknown): StubState {
  validator ??= new Ajv2020({ allErrors: false, strict: false }).compile(STATE_SCHEMA);
  if (!validator(value)) {
    const error = validator.errors?.[0];
    throw new StateError(
      error ? describeError(error).replace(/^the body /, 'the state ') : 'the state is invalid',
    );
  }
  const state = value as StubState;
  const seen = new Set<number>();
  state.apps.forEach((app, i) => {
    if (seen.has(app.sdkAppId)) throw new StateError(`apps[${i}].sdkAppId ${app.sdkAppId} appears twice`);
    seen.add(app.sdkAppId);
    const accounts = new Set(app.accounts);
    for (const [from, list] of Object.entries(app.marks)) {
      if (!accounts.has(from)) {
        throw new StateError(`apps[${i}].marks.${from}: ${from} is not in apps[${i}].accounts`);
      }
      list.forEach((item, j) => {
        const where = `apps[${i}].marks.${from}[${j}]`;
        if (item.Type === 1 && item.To_Account === undefined)
          throw new StateError(`${where}.To_Account is required`);
        if (item.Type === 2 && item.ToGroupId === undefined)
          throw new StateError(`${where}.ToGroupId is required`);
        if (fromDecimalString(item.StandardMark) === undefined) {
          throw new StateError(`${where}.StandardMark must be a decimal number in 0..2^64-1`);
        }
      });
    }
  });
  return state;
}
