// Adaptations of the spec for schemathesis, applied to a temporary copy only, each said out loud by the
// runner. `--strict-spec` runs against the spec exactly as it is. A patch whose problem is gone
// applies nothing and prints nothing. Never add a patch here to hide a stub bug: fix the stub, with a
// regression test in vitest. (The echo of failed items, found the same way, was settled in the spec
// itself: ContactItemEcho.)
//
// The one patch: the spec keeps its ContactItem discriminator on purpose (the contract asks for an
// explicit mapping, and readers and generators use it), but the API's `Type` is an integer and
// schemathesis, like every tool that reads mapping keys as string tags, then finds no valid body.
// The spec's ContactItem description says validators should decide by the oneOf alone.

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
      'None: the spec keeps the discriminator with its explicit mapping (the contract asks for it, and ' +
      'readers and generators use it); its ContactItem description tells validators to decide by the ' +
      'oneOf alone. This adaptation is permanent and applies to the fuzz copy only.',
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
