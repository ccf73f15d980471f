// Spec problems the fuzz run found and that only the spec's owner may fix (openapi/ is the lead's).
// The runner applies each patch to a temporary copy of the spec, says so loudly, and lists the exact
// change proposed for openapi/openapi.yaml. A patch whose problem is gone (the spec was fixed)
// applies nothing and prints nothing; `--strict-spec` runs against the spec exactly as it is.
// Never add a patch here to hide a stub bug: fix the stub, with a regression test in vitest.

/** @typedef {{ id: string, problem: string, proposal: string, applies(doc: any): boolean, apply(doc: any): void }} SpecPatch */

/** @type {SpecPatch[]} */
export const SPEC_PATCHES = [
  {
    id: 'contact-item-discriminator',
    problem:
      'ContactItem has `discriminator: { propertyName: Type, mapping: { "1": ..., "2": ... } }` on an integer ' +
      'property. A discriminator names a string property (its mapping keys are the string values); ' +
      'schemathesis reads it as "Type must be the string 1 / 2", finds both oneOf branches ' +
      'unsatisfiable and cannot generate a single mark_contact body ("Nothing satisfies the branch at ' +
      '/components/schemas/ContactItem/oneOf/0 and the branch at /components/schemas/ContactItem/oneOf/1"). ' +
      'The oneOf of two branches with `Type: { const: 1 }` / `{ const: 2 }` already discriminates; Ajv ' +
      'ignores the discriminator too (the stub compiles with `discriminator: false`).',
    proposal:
      'openapi/openapi.yaml, components.schemas.ContactItem: delete these lines\n' +
      '      discriminator:\n' +
      '        propertyName: Type\n' +
      '        mapping:\n' +
      '          "1": "#/components/schemas/C2CContactItem"\n' +
      '          "2": "#/components/schemas/GroupContactItem"\n' +
      '(then `npm run generate`; openapi-typescript types the oneOf as the union of the two branches, ' +
      'each with its literal Type, since the branches carry `const`).',
    applies: (doc) => doc.components?.schemas?.ContactItem?.discriminator !== undefined,
    apply: (doc) => {
      delete doc.components.schemas.ContactItem.discriminator;
    },
  },
  {
    id: 'mark-result-item-echo',
    problem:
      'MarkResultItem requires a valid OptType and ContactItem in every ResultItem, but a ResultItem echoes ' +
      'the item as it was sent, and an item fails (ResultCode 50002 / 60015) precisely because its OptType or ' +
      'ContactItem is invalid or missing: e.g. `ContactItem: { Type: 2, ToGroupId: "" }` or `OptType: 7` fail ' +
      'that item alone (x-assumption of MarkContactResponse), and no answer can then satisfy the schema ' +
      '(there is no valid ContactItem to put in). The stub echoes what was sent (the official page echoes ' +
      'the item); the schema must allow it for failed items.',
    proposal:
      'openapi/openapi.yaml, components.schemas.MarkResultItem: keep `required: [OptType, ContactItem, ' +
      'ResultCode, ResultInfo]` for applied items only. Replace the schema by\n' +
      '    MarkResultItem:\n' +
      '      description: The outcome of one MarkItem, in request order.\n' +
      '      oneOf:\n' +
      '        - $ref: "#/components/schemas/AppliedMarkResultItem"\n' +
      '        - $ref: "#/components/schemas/FailedMarkResultItem"\n' +
      '    AppliedMarkResultItem:\n' +
      '      type: object\n' +
      '      description: An item that was applied.\n' +
      '      required: [OptType, ContactItem, ResultCode, ResultInfo]\n' +
      '      properties:\n' +
      '        OptType: { $ref: "#/components/schemas/OptType" }\n' +
      '        ContactItem: { $ref: "#/components/schemas/ContactItem" }\n' +
      '        ResultCode: { type: integer, const: 0 }\n' +
      '        ResultInfo: { type: string }\n' +
      '    FailedMarkResultItem:\n' +
      '      type: object\n' +
      '      description: >-\n' +
      '        An item that failed alone. OptType and ContactItem echo the item as it was sent (any JSON\n' +
      '        value, absent when the item had none), since an invalid one is often why it failed.\n' +
      '      required: [ResultCode, ResultInfo]\n' +
      '      properties:\n' +
      "        OptType: { description: The item's OptType as sent. }\n" +
      "        ContactItem: { description: The item's ContactItem as sent. }\n" +
      '        ResultCode: { type: integer, not: { const: 0 }, description: "50002, 51007, 51008 or 60015." }\n' +
      '        ResultInfo: { type: string }\n' +
      '(then `npm run generate`; the generated type becomes a union the client narrows on ResultCode).',
    applies: (doc) => {
      const item = doc.components?.schemas?.MarkResultItem;
      return item !== undefined && Array.isArray(item.required) && item.required.includes('ContactItem');
    },
    apply: (doc) => {
      const schemas = doc.components.schemas;
      const original = schemas.MarkResultItem;
      schemas.AppliedMarkResultItem = {
        type: 'object',
        required: ['OptType', 'ContactItem', 'ResultCode', 'ResultInfo'],
        properties: {
          OptType: { $ref: '#/components/schemas/OptType' },
          ContactItem: { $ref: '#/components/schemas/ContactItem' },
          ResultCode: { type: 'integer', const: 0 },
          ResultInfo: { type: 'string' },
        },
      };
      schemas.FailedMarkResultItem = {
        type: 'object',
        required: ['ResultCode', 'ResultInfo'],
        properties: {
          OptType: {},
          ContactItem: {},
          ResultCode: { type: 'integer', not: { const: 0 } },
          ResultInfo: { type: 'string' },
        },
      };
      schemas.MarkResultItem = {
        description: original.description,
        oneOf: [
          { $ref: '#/components/schemas/AppliedMarkResultItem' },
          { $ref: '#/components/schemas/FailedMarkResultItem' },
        ],
      };
    },
  },
];

/** Applies every patch whose problem is still in `doc` (mutates it); answers the patches applied. */
export function applySpecPatches(doc) {
  const applied = [];
  for (const patch of SPEC_PATCHES) {
    if (!patch.applies(doc)) continue;
    patch.apply(doc);
    applied.push(patch);
  }
  return applied;
}
