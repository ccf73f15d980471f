// Spec problems the fuzz run found and that only the spec's owner may fix (openapi/ is the lead's).
// The runner applies each patch to a temporary copy of the spec, says so loudly, and lists the exact
// change proposed for openapi/openapi.yaml. A patch whose problem is gone (the spec was fixed)
// applies nothing and prints nothing; `--strict-spec` runs against the spec exactly as it is.
// Never add a patch here to hide a stub bug: fix the stub, with a regression test in vitest.
// (The echo of failed items, found the same way, was settled in the spec itself: ContactItemEcho.)

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
