// One Pact verification in a process of its own, for break.pact.ts: Pact's native core prints its
// report straight to the process's stdout, where no test can reword it, so the test runs the
// verification here, captures that report and says in its own words what was expected and seen.
// Input (argv[2], JSON): { provider, providerBaseUrl, pactUrls, statesUrl }. Provider states are set
// up by the parent: each is POSTed to statesUrl as { state, params }, and { reset: true } before
// every interaction. Output: one IPC message, { ok: true } or { ok: false, report }.
import { readFileSync } from 'node:fs';
import { Verifier } from '@pact-foundation/pact';

const { provider, providerBaseUrl, pactUrls, statesUrl } = JSON.parse(process.argv[2]);

async function post(body) {
  const response = await fetch(statesUrl, { method: 'POST', body: JSON.stringify(body) });
  if (!response.ok) throw new Error(`provider state ${JSON.stringify(body)}: ${await response.text()}`);
}

const names = new Set(
  pactUrls.flatMap((file) =>
    JSON.parse(readFileSync(file, 'utf8')).interactions.flatMap((interaction) =>
      (interaction.providerStates ?? []).map((state) => state.name),
    ),
  ),
);
const stateHandlers = Object.fromEntries(
  [...names].map((state) => [state, (params) => post({ state, params })]),
);

const outcome = await new Verifier({
  provider,
  providerBaseUrl,
  pactUrls,
  stateHandlers,
  beforeEach: () => post({ reset: true }),
  logLevel: 'error',
})
  .verifyProvider()
  .then(
    () => ({ ok: true }),
    (error) => ({ ok: false, report: error instanceof Error ? error.message : String(error) }),
  );
process.send(outcome, () => process.exit(0));
