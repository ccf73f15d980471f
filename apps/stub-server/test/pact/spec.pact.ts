// Both sides honest to the spec: every interaction of every pact of the stub is checked against the
// OpenAPI document, by @pactflow/swagger-mock-validator and by a closed-world Ajv 2020 check
// (spec-check.ts). A few interactions break the spec on purpose — the answer to a forbidden request
// is what they pin — and must break it exactly where they mean to, and nowhere else.
//
// swagger-mock-validator 14.5 reads OpenAPI 3.1 (the document as it is, written to a temporary JSON
// file), with one option: responses are validated open (`additionalPropertiesInResponse`): in its
// default, strict mode the validator adds `additionalProperties: false` to each allOf branch, so that
// no ContactItemWithMarks (ContactItem + ContactMarks) can ever be valid. The Ajv check closes responses correctly
//    (unevaluatedProperties, which sees through allOf and oneOf), and counts `x-max-bytes`.
// Its postinstall (patch-package, blocked by npm's allowScripts) only changes how Ajv coerces a
// whitespace-only query value to a number; the Ajv check reads query integers strictly.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SwaggerMockValidatorFactory, type ValidationResult } from '@pactflow/swagger-mock-validator';
import { openapiDocument } from '@tim-marks/types';
import { afterAll, describe, expect, it } from 'vitest';
import { type Interaction, type PactFile, stubPacts } from './pacts.js';
import { SpecCheck, type Violation } from './spec-check.js';

const ITEM_50002 = 'mark_contact with a To_Account over 32 bytes answers 50002 for that item';

/** The violations the pacts mean to contain: where each is confined, its cause, and why. */
const INTENDED: {
  interaction: string;
  part: Violation['part'];
  scope: string;
  cause: { path: string; keyword: string };
  why: string;
}[] = [
  {
    interaction: 'mark_contact naming no conversation fails with 51006',
    part: 'request',
    scope: '/MarkItem',
    cause: { path: '/MarkItem', keyword: 'minItems' },
    why: '51006 answers a MarkItem the spec forbids (empty)',
  },
  {
    interaction: 'mark_contact with a body that is not a JSON object fails with 60003',
    part: 'request',
    scope: '',
    cause: { path: '', keyword: 'type' },
    why: '60003 answers a body the spec forbids (not an object)',
  },
  {
    interaction: ITEM_50002,
    part: 'request',
    scope: '/MarkItem/1/ContactItem',
    cause: { path: '/MarkItem/1/ContactItem/To_Account', keyword: 'x-max-bytes' },
    why: 'an item-level 50002 answers an item the spec forbids (a To_Account of 33 UTF-8 bytes)',
  },
];

/** The same intentions as swagger-mock-validator reports them (it cannot count bytes). */
const INTENDED_BY_VALIDATOR = [
  { code: 'request.body.incompatible', interaction: 'mark_contact naming no conversation fails with 51006' },
  {
    code: 'request.body.incompatible',
    interaction: 'mark_contact with a body that is not a JSON object fails with 60003',
  },
];

const workDir = mkdtempSync(join(tmpdir(), 'tim-marks-spec-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

/** The spec as a JSON file, for swagger-mock-validator. */
function specForValidator(): string {
  const file = join(workDir, 'openapi.json');
  writeFileSync(file, JSON.stringify(openapiDocument));
  return file;
}

async function validatorFindings(specFile: string, pactFile: string): Promise<ValidationResult[]> {
  const outcome = await SwaggerMockValidatorFactory.create().validate({
    specPathOrUrl: specFile,
    mockPathOrUrl: pactFile,
    additionalPropertiesInResponse: 'true',
  });
  return [...outcome.errors, ...outcome.warnings];
}

const summary = (results: ValidationResult[]) =>
  results.map((result) => ({ code: result.code, interaction: result.mockDetails?.interactionDescription }));

/** A copy of the seed interaction broken three ways: a query value, a request field, a response field. */
function brokenSeed(pact: PactFile): PactFile {
  const seed = pact.interactions.find((interaction) =>
    interaction.description.startsWith('mark_contact of the seed'),
  );
  if (seed === undefined) throw new Error('the pact has no seed interaction');
  const broken = structuredClone(seed) as Interaction & {
    request: { body: { content: Record<string, unknown> } };
    response: { body: { content: Record<string, unknown> } };
  };
  broken.description = 'the seed, broken';
  broken.request.query = { ...broken.request.query, contenttype: ['xml'] };
  broken.request.body.content.From_Account = 123;
  const answer = broken.response.body.content;
  answer.ResultItems = answer.ResultItem;
  delete answer.ResultItem;
  return { ...pact, interactions: [broken] };
}

describe('every interaction of every pact against the OpenAPI document', () => {
  const pacts = stubPacts();
  const interactions = pacts.flatMap(({ pact }) => pact.interactions);
  const specCheck = new SpecCheck();
  const specFile = specForValidator();

  it('names only interactions the pacts have', () => {
    const names = new Set(interactions.map((interaction) => interaction.description));
    expect(INTENDED.map((entry) => entry.interaction).filter((name) => !names.has(name))).toEqual([]);
  });

  it('Ajv 2020, closed-world: no violation but the intended ones, each confined to its scope', () => {
    const violations = interactions.flatMap((interaction) => specCheck.check(interaction));
    const unintended = violations.filter(
      (violation) =>
        !INTENDED.some(
          (entry) =>
            entry.interaction === violation.interaction &&
            entry.part === violation.part &&
            violation.path.startsWith(entry.scope),
        ),
    );
    expect(unintended).toEqual([]);
    for (const entry of INTENDED) {
      const found = violations.filter((v) => v.interaction === entry.interaction && v.part === entry.part);
      expect(
        found.map((v) => ({ path: v.path, keyword: v.keyword })),
        entry.why,
      ).toContainEqual(entry.cause);
    }
  });

  it('swagger-mock-validator: no finding but the intended ones', async () => {
    for (const { file } of pacts) {
      const findings = summary(await validatorFindings(specFile, file));
      expect(findings).toEqual(
        INTENDED_BY_VALIDATOR.filter((entry) =>
          interactions.some((i) => i.description === entry.interaction),
        ),
      );
    }
  });

  it('both checks reject an interaction that breaks the spec', async () => {
    const broken = brokenSeed(pacts[0]?.pact as PactFile);
    const found = specCheck.check(broken.interactions[0] as Interaction);
    expect(found.map((v) => [v.part, v.path, v.keyword])).toEqual(
      expect.arrayContaining([
        ['request', '?contenttype', 'const'],
        ['request', '/From_Account', 'type'],
        ['response', '', 'unevaluatedProperties'],
      ]),
    );

    const brokenFile = join(workDir, 'broken-pact.json');
    writeFileSync(brokenFile, JSON.stringify(broken));
    const findings = await validatorFindings(specFile, brokenFile);
    expect(findings.map((finding) => finding.code)).toEqual(
      expect.arrayContaining(['request.query.incompatible', 'request.body.incompatible']),
    );
  });
});
