import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { openapiDocument } from '../src/index.js';

// Every example in the document must validate against the schema it illustrates, with Ajv 2020 and
// `x-max-bytes` left as an annotation (Redocly's `no-invalid-media-type-examples` checks them too).

interface MediaType {
  schema?: { $ref?: string };
  examples?: Record<string, { value: unknown }>;
}

const doc = openapiDocument as {
  paths: Record<string, { post: { requestBody: { content: Record<string, MediaType> } } }>;
  components: { responses: Record<string, { content: Record<string, MediaType> }> };
};

function newAjv() {
  const ajv = new Ajv2020.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  ajv.addSchema({ ...openapiDocument, $id: 'openapi.json' } as object);
  return ajv;
}

const ajv = newAjv();

function examplesOf(where: string, media: MediaType | undefined) {
  expect(media?.schema?.$ref, `${where} has a schema $ref`).toBeDefined();
  return Object.entries(media?.examples ?? {}).map(([name, ex]) => ({
    name: `${where} ${name}`,
    ref: `openapi.json${media?.schema?.$ref}`,
    value: ex.value,
  }));
}

const cases = [
  ...Object.entries(doc.paths).flatMap(([path, item]) =>
    examplesOf(`request ${path}`, item.post.requestBody.content['application/json']),
  ),
  ...Object.entries(doc.components.responses).flatMap(([name, response]) =>
    examplesOf(`response ${name}`, response.content['application/json']),
  ),
];

describe('every example in the spec validates against its schema', () => {
  it('has examples for every command', () => {
    expect(cases.length).toBeGreaterThanOrEqual(12);
  });
  it.each(cases)('$name', ({ ref, value }) => {
    const validate = ajv.getSchema(ref);
    expect(validate, ref).toBeDefined();
    const ok = validate?.(value);
    expect(validate?.errors ?? [], JSON.stringify(validate?.errors)).toEqual([]);
    expect(ok).toBe(true);
  });
  it('rejects what the schemas forbid (the validator is not a no-op)', () => {
    const validate = ajv.getSchema('openapi.json#/components/schemas/MarkContactRequest');
    expect(validate?.({ From_Account: 'user0', MarkItem: [] })).toBe(false);
    expect(
      validate?.({
        From_Account: 'user0',
        MarkItem: [{ OptType: 4, ContactItem: { Type: 1, To_Account: 'a' } }],
      }),
    ).toBe(false);
    expect(
      validate?.({
        From_Account: 'user0',
        MarkItem: [{ OptType: 1, ContactItem: { Type: 2, To_Account: 'a' } }],
      }),
    ).toBe(false);
  });
});
