// Every interaction of a pact checked against the OpenAPI document with Ajv 2020 (the dialect of
// OpenAPI 3.1): the five query parameters, the request body, the status and the response body of
// the operation the path names. Where swagger-mock-validator must be run with open response schemas
// (see spec.pact.ts), this check is closed-world: a field the spec does not name, at any depth of a
// request or a response, is a violation. It also counts `x-max-bytes` in UTF-8 bytes, which no
// generic OpenAPI tool knows.
import { COMMANDS, openapiDocument } from '@tim-marks/types';
import type { Ajv2020 } from 'ajv/dist/2020.js';
import { createAjv, type ErrorObject, type ValidateFunction } from '../../src/schemas.js';
import type { Interaction } from './pacts.js';

type Schema = Record<string, unknown>;

export interface Violation {
  interaction: string;
  part: 'request' | 'response';
  /** A JSON pointer into the body, or `?name` for a query parameter. */
  path: string;
  keyword: string;
  message: string;
}

const CLOSED_ID = 'closed-openapi.json';
const COMPOSITION = ['allOf', 'oneOf', 'anyOf'] as const;

function isSchema(value: unknown): value is Schema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Closes a schema where it is used as a whole value (a body, a property, an array item): no property
 * beyond those its subschemas evaluate. Branches of allOf/oneOf/anyOf stay open — their parent,
 * closed where it is used, sees the properties every branch evaluated (unevaluatedProperties).
 */
function closeSchema(node: Schema, standalone: boolean): Schema {
  const out: Schema = { ...node };
  if (isSchema(node.properties)) {
    out.properties = Object.fromEntries(
      Object.entries(node.properties).map(([name, value]) => [
        name,
        isSchema(value) ? closeSchema(value, true) : value,
      ]),
    );
  }
  if (isSchema(node.items)) out.items = closeSchema(node.items, true);
  for (const keyword of COMPOSITION) {
    const branches = node[keyword];
    if (Array.isArray(branches)) {
      out[keyword] = branches.map((branch) => (isSchema(branch) ? closeSchema(branch, false) : branch));
    }
  }
  const objectLike =
    typeof node.$ref === 'string' ||
    node.type === 'object' ||
    node.properties !== undefined ||
    COMPOSITION.some((keyword) => node[keyword] !== undefined);
  if (standalone && objectLike && node.additionalProperties === undefined) out.unevaluatedProperties = false;
  return out;
}

/** The spec with every component schema closed at its uses. */
function closedDocument(): Schema {
  const document = structuredClone(openapiDocument) as Schema & {
    components: { schemas: Record<string, Schema> };
  };
  const schemas = document.components.schemas;
  for (const [name, schema] of Object.entries(schemas)) schemas[name] = closeSchema(schema, false);
  return { ...document, $id: CLOSED_ID };
}

interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
}

interface Operation {
  parameters: ({ $ref: string } | Parameter)[];
  requestBody: { content: { 'application/json': { schema: { $ref: string } } } };
  responses: Record<string, { $ref: string }>;
}

function resolveRef<T>(ref: string): T {
  let node: unknown = openapiDocument;
  for (const key of ref.replace(/^#\//, '').split('/')) node = (node as Record<string, unknown>)[key];
  if (node === undefined) throw new Error(`the spec has no ${ref}`);
  return node as T;
}

interface CompiledOperation {
  parameters: { parameter: Parameter; validate: ValidateFunction }[];
  request: ValidateFunction;
  responses: Map<number, ValidateFunction>;
}

function closedUse(ajv: Ajv2020, ref: string): ValidateFunction {
  return ajv.compile({ $ref: `${CLOSED_ID}${ref}`, unevaluatedProperties: false });
}

function compileOperations(ajv: Ajv2020): Map<string, CompiledOperation> {
  const paths = openapiDocument.paths as Record<string, { post: Operation }>;
  const compiled = new Map<string, CompiledOperation>();
  for (const path of Object.values(COMMANDS)) {
    const operation = paths[path]?.post;
    if (operation === undefined) throw new Error(`the spec has no POST ${path}`);
    const parameters = operation.parameters.map((entry) => {
      const parameter = '$ref' in entry ? resolveRef<Parameter>(entry.$ref) : entry;
      return { parameter, validate: ajv.compile(parameter.schema) };
    });
    const responses = new Map<number, ValidateFunction>();
    for (const [status, reference] of Object.entries(operation.responses)) {
      const response = resolveRef<{ content: { 'application/json': { schema: { $ref: string } } } }>(
        reference.$ref,
      );
      responses.set(Number(status), closedUse(ajv, response.content['application/json'].schema.$ref));
    }
    compiled.set(path, {
      parameters,
      request: closedUse(ajv, operation.requestBody.content['application/json'].schema.$ref),
      responses,
    });
  }
  return compiled;
}

const INTEGER_TEXT = /^(0|-?[1-9][0-9]*)$/;

/** Checks interactions against the spec; one instance compiles the spec once. */
export class SpecCheck {
  private readonly operations: Map<string, CompiledOperation>;

  constructor() {
    const ajv = createAjv();
    // `format: int64` on the query integers is a size hint; minimum and maximum carry the bounds.
    ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
    ajv.addSchema(closedDocument());
    this.operations = compileOperations(ajv);
  }

  check(interaction: Interaction): Violation[] {
    const violations: Violation[] = [];
    const add = (part: Violation['part'], path: string, keyword: string, message: string) =>
      violations.push({ interaction: interaction.description, part, path, keyword, message });
    const fromAjv = (part: Violation['part'], errors: ErrorObject[] | null | undefined) => {
      for (const error of errors ?? []) add(part, error.instancePath, error.keyword, error.message ?? '');
    };

    const { request, response } = interaction;
    const operation = this.operations.get(request.path);
    if (request.method !== 'POST' || operation === undefined) {
      add('request', '', 'operation', `the spec has no ${request.method} ${request.path}`);
      return violations;
    }

    const query = request.query ?? {};
    for (const { parameter, validate } of operation.parameters) {
      const values = query[parameter.name];
      if (values === undefined || values.length === 0) {
        if (parameter.required) add('request', `?${parameter.name}`, 'required', 'is required');
        continue;
      }
      if (values.length > 1) add('request', `?${parameter.name}`, 'maxItems', 'is given more than once');
      const text = values[0] as string;
      // Query values are text: an integer parameter must be written as one, without spaces.
      const isInteger = parameter.schema.type === 'integer';
      if (isInteger && !INTEGER_TEXT.test(text)) {
        add('request', `?${parameter.name}`, 'type', `must be an integer, got ${JSON.stringify(text)}`);
      } else if (!validate(isInteger ? Number(text) : text)) {
        for (const error of validate.errors ?? []) {
          add('request', `?${parameter.name}`, error.keyword, error.message ?? '');
        }
      }
    }
    const known = new Set(operation.parameters.map(({ parameter }) => parameter.name));
    for (const name of Object.keys(query)) {
      if (!known.has(name)) add('request', `?${name}`, 'unknown', 'is not a parameter of the spec');
    }

    if (request.body === undefined) add('request', '', 'required', 'the spec requires a JSON body');
    else if (!operation.request(request.body.content)) fromAjv('request', operation.request.errors);

    const validateResponse = operation.responses.get(response.status);
    if (validateResponse === undefined) {
      add('response', '', 'status', `the spec defines no ${response.status} answer`);
    } else if (response.body?.contentType !== 'application/json') {
      add(
        'response',
        '',
        'contentType',
        `the spec answers application/json, not ${response.body?.contentType}`,
      );
    } else if (!validateResponse(response.body.content)) {
      fromAjv('response', validateResponse.errors);
    }
    return violations;
  }
}
