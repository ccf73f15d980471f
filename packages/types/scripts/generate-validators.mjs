// Generates packages/types/src/generated/validators.ts: Ajv standalone validators of every schema a
// request body reaches, compiled from openapi/openapi.yaml. The client (before sending) and the stub
// (on receipt) both run these through src/rules/, so a limit written in the spec is checked by the
// same code on both sides.
//
// What the generated code promises, because it runs on untrusted input:
// - it stops at the first error (`allErrors: false`): no error list grows with the input;
// - it needs nothing at run time (no `ajv` import): the keyword `x-max-bytes` is emitted inline and
//   string lengths are counted in UTF-16 code units (`unicode: false`), so no Ajv runtime helper is
//   required by the published package;
// - a string's UTF-8 length is counted only up to its limit (`exceedsMaxBytes`), so a long string
//   costs no more than a short one over the limit.
import ajv2020 from 'ajv/dist/2020.js';
import standalone from 'ajv/dist/standalone/index.js';

const { Ajv2020, _, str } = ajv2020;
const standaloneCode = standalone.default;

const DOCUMENT_ID = 'openapi.json';

/** Written once, here, and emitted into the generated module: the stub's runtime Ajv (its config
 * file) re-uses it through @tim-marks/types. A lone surrogate counts 3 bytes (the U+FFFD that UTF-8
 * encoders write for it), as Node's Buffer.byteLength counts it. */
function exceedsMaxBytes(text, max) {
  const length = text.length;
  if (length > max) return true; // a UTF-16 code unit is at least one UTF-8 byte
  if (length * 3 <= max) return false; // …and at most three
  let bytes = 0;
  for (let i = 0; i < length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
    if (bytes > max) return true;
  }
  return false;
}

/** The names of the component schemas that request bodies reach, in document order. */
function requestSchemaNames(spec) {
  const schemas = spec.components.schemas;
  const seen = new Set();
  const visit = (node) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node === null || typeof node !== 'object') return;
    const ref = node.$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      const name = ref.slice('#/components/schemas/'.length);
      if (!seen.has(name)) {
        seen.add(name);
        visit(schemas[name]);
      }
    }
    for (const value of Object.values(node)) visit(value);
  };
  for (const item of Object.values(spec.paths)) visit(item.post?.requestBody);
  return Object.keys(schemas).filter((name) => seen.has(name));
}

/** operationId → the name of its request body's schema. */
function requestSchemaOf(spec) {
  const out = {};
  for (const item of Object.values(spec.paths)) {
    const op = item.post;
    const ref = op?.requestBody?.content?.['application/json']?.schema?.$ref;
    if (typeof ref === 'string') out[op.operationId] = ref.slice('#/components/schemas/'.length);
  }
  return out;
}

/** The copy of the document the validators are compiled from: no discriminator (the API's `Type`
 * is an integer, which Ajv's discriminator does not take; the oneOf's `const` branches say the same),
 * and no `maxLength` where `x-max-bytes` says more (code units never outnumber UTF-8 bytes). */
const ANNOTATIONS = new Set([
  'description',
  'summary',
  'examples',
  'example',
  'x-assumption',
  'x-named-positions',
]);

function forValidation(node, inProperties = false) {
  if (Array.isArray(node)) return node.map((entry) => forValidation(entry));
  if (node === null || typeof node !== 'object') return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'discriminator') continue;
    // Words for readers, which the generated code would otherwise carry along.
    if (!inProperties && ANNOTATIONS.has(key)) continue;
    if (key === 'maxLength' && typeof node['x-max-bytes'] === 'number' && node['x-max-bytes'] <= value)
      continue;
    out[key] = forValidation(value, !inProperties && key === 'properties');
  }
  return out;
}

export function validatorsModule(spec, header) {
  const ajv = new Ajv2020({
    strict: false,
    allErrors: false,
    discriminator: false,
    unicode: false,
    validateFormats: false,
    code: { source: true, esm: true, lines: true },
    // Ajv calls `unicode` deprecated but still honours it; the notice is the only thing silenced.
    logger: {
      log: console.log,
      warn: (message, ...rest) => {
        if (!String(message).startsWith('DEPRECATED: option unicode')) console.warn(message, ...rest);
      },
      error: console.error,
    },
  });
  ajv.addKeyword({
    keyword: 'x-max-bytes',
    type: 'string',
    schemaType: 'number',
    error: {
      message: ({ schema }) => str`must be at most ${schema} UTF-8 bytes`,
      params: ({ schema }) => _`{limit: ${schema}}`,
    },
    code(cxt) {
      const over = cxt.gen.scopeValue('func', { ref: exceedsMaxBytes, code: _`exceedsMaxBytes` });
      cxt.fail(_`${over}(${cxt.data}, ${cxt.schema})`);
    },
  });
  ajv.addSchema({ ...forValidation(spec), $id: DOCUMENT_ID });
  const names = requestSchemaNames(spec);
  const refs = Object.fromEntries(names.map((name) => [name, `${DOCUMENT_ID}#/components/schemas/${name}`]));
  // Each export gets a declared type: the inferred declaration of Ajv's functions destructures
  // parameters its own type does not list, which a consumer's tsc (skipLibCheck off) refuses.
  const code = standaloneCode(ajv, refs).replace(
    /^export const (\w+) = (validate\d+);$/gm,
    'export const $1: SchemaValidator = $2;',
  );
  if (/\brequire\(|^\s*import\s/m.test(code)) {
    throw new Error('generated validators need an Ajv runtime helper; keep them self-contained');
  }
  return `${header}// @ts-nocheck — Ajv standalone code (stops at the first error). Read through src/rules/.
/* eslint-disable */
/** An Ajv standalone validator: true when \`data\` is valid; otherwise \`errors\` holds the first error. */
export type SchemaValidator = ((data: unknown) => boolean) & {
  errors?: { instancePath: string; keyword: string; params: Record<string, unknown>; message?: string }[] | null;
};
${code}

/** The schemas request bodies reach, each with its validator above. */
export const REQUEST_SCHEMA_NAMES = ${JSON.stringify(names)};
export type RequestSchemaName = ${names.map((name) => JSON.stringify(name)).join(' | ')};

/** Each command's request schema (its operation's requestBody). */
export const REQUEST_SCHEMA_OF = ${JSON.stringify(requestSchemaOf(spec), null, 2)} as const;

/** Whether \`text\` is longer than \`max\` UTF-8 bytes (\`x-max-bytes\`); counts at most \`max\` bytes. */
export ${exceedsMaxBytes.toString()}
`;
}
