// The response schemas of every command, compiled at run time from the spec's `openapiDocument` with
// Ajv 2020, for tests and the Pact spec check (trusted input, never the request path). Requests are
// checked by @tim-marks/types' rules (`checkRequest` / `checkItem`): validators generated from the
// same spec at `npm run generate`, shared with the client. ContactItem's oneOf branches are told
// apart by their `const` Type. `x-max-bytes` becomes a real keyword, counting UTF-8 bytes where JSON
// Schema's maxLength only counts characters.

import { COMMANDS, type CommandName, exceedsMaxBytes, openapiDocument } from '@tim-marks/types';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';

const DOCUMENT_ID = 'openapi.json';

/** Teaches `ajv` the spec's `x-max-bytes` (a string's UTF-8 length) with the generated validators'
 * own byte count; the config file uses it too. */
export function addMaxBytesKeyword(ajv: Ajv2020): Ajv2020 {
  return ajv.addKeyword({
    keyword: 'x-max-bytes',
    type: 'string',
    schemaType: 'number',
    errors: true,
    validate: function maxBytes(max: number, data: string) {
      if (!exceedsMaxBytes(data, max)) return true;
      (maxBytes as unknown as { errors: Partial<ErrorObject>[] }).errors = [
        { keyword: 'x-max-bytes', message: `must be at most ${max} UTF-8 bytes`, params: { limit: max } },
      ];
      return false;
    },
  });
}

/** `allErrors` lists every error of an answer in a failing test; never use this on a request. */
export function createAjv(): Ajv2020 {
  const ajv = addMaxBytesKeyword(new Ajv2020({ strict: false, allErrors: true, validateFormats: false }));
  ajv.addSchema({ ...openapiDocument, $id: DOCUMENT_ID } as object);
  return ajv;
}

type Operation = {
  responses: { '200': { $ref: string } };
};

function operation(command: CommandName): Operation {
  const paths = openapiDocument.paths as Record<string, { post: Operation }>;
  const entry = paths[COMMANDS[command]];
  if (entry === undefined) throw new Error(`the spec has no path ${COMMANDS[command]}`);
  return entry.post;
}

function compileRef(ajv: Ajv2020, ref: string): ValidateFunction {
  const validate = ajv.getSchema(`${DOCUMENT_ID}${ref}`);
  if (validate === undefined) throw new Error(`the spec has no schema ${ref}`);
  return validate;
}

/** The response-body validator of each command (used by tests, never on the hot path). */
export function compileResponseValidators(ajv: Ajv2020 = createAjv()): Record<CommandName, ValidateFunction> {
  const responses = (openapiDocument.components as { responses: Record<string, unknown> }).responses;
  const validators = {} as Record<CommandName, ValidateFunction>;
  for (const command of Object.keys(COMMANDS) as CommandName[]) {
    const name = operation(command).responses['200'].$ref.split('/').pop() as string;
    const response = responses[name] as { content: { 'application/json': { schema: { $ref: string } } } };
    validators[command] = compileRef(ajv, response.content['application/json'].schema.$ref);
  }
  return validators;
}

/** The envelope alone: the answer to an unknown path or a request that failed before its command was known. */
export function compileEnvelopeValidator(ajv: Ajv2020 = createAjv()): ValidateFunction {
  return compileRef(ajv, '#/components/schemas/ResponseEnvelope');
}

export type { ErrorObject, ValidateFunction };
