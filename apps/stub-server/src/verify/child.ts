// One Pact verification in a process of its own (forked by `tim-marks-stub verify`): Pact's native
// core prints its own report straight to the process's stdout, so the parent captures that (shown with
// --verbose) and prints its own report from the structured results this child sends back over IPC.
//
// Each interaction: the stub is reset, its provider states are set up (a team's handler from
// --state-handlers when one matches, else the stub's vocabulary at POST /__stub/provider-states),
// and the request goes out with fresh credentials for the target app (see credentials.ts).
import { readFileSync } from 'node:fs';
import { keepsRecordedUsersig, NOT_STATES } from '../provider-states.js';
import { ControlClient } from './control-client.js';
import { withCredentials } from './credentials.js';
import type {
  BrokerInput,
  ChildInput,
  ChildOutput,
  InteractionOutcome,
  Mismatch,
  RunOutcome,
} from './protocol.js';
import { loadStateHandlers, type TeamStateHandlers } from './state-handlers.js';

type Params = Record<string, unknown> | undefined;
type PactModule = typeof import('@pact-foundation/pact');

const PACT_MISSING =
  'tim-marks-stub verify needs @pact-foundation/pact (16.x) installed beside it: npm i -D @pact-foundation/pact@16.5.0';

/** The parts of Pact's JSON results (pactffi_verifier_json) the report reads. */
interface PactResults {
  result?: boolean;
  output?: string[];
  interactionResults?: { description: string; result: string }[];
  errors?: {
    interaction: string;
    mismatch: {
      type: string;
      message?: string;
      mismatches?: {
        type: string;
        path?: string;
        key?: string;
        parameter?: string;
        expected?: unknown;
        actual?: unknown;
        mismatch?: string;
      }[];
    };
  }[];
}

function shown(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function mismatchesOf(error: NonNullable<PactResults['errors']>[number]): Mismatch[] {
  const { mismatch } = error;
  if (mismatch.mismatches === undefined)
    return [{ where: mismatch.type, text: mismatch.message ?? mismatch.type }];
  return mismatch.mismatches.map((m) => {
    const where =
      m.type === 'StatusMismatch'
        ? 'status'
        : m.type === 'HeaderMismatch'
          ? `header ${m.key ?? ''}`
          : m.type === 'QueryMismatch'
            ? `query ${m.parameter ?? ''}`
            : (m.path ?? m.type);
    let expected = shown(m.expected);
    let actual = shown(m.actual);
    // Pact's expected/actual drop the quotes of a string in a type mismatch ("1" shows as 1): its
    // sentence keeps them, and names both types.
    const typed = /^Type mismatch: Expected (.+) \((\w+)\) to be the same type as (.+) \((\w+)\)$/s.exec(
      m.mismatch ?? '',
    );
    if (typed !== null) {
      actual = `${typed[1]} (${typed[2]})`;
      expected = `${typed[3]} (${typed[4]})`;
    }
    return expected === undefined && actual === undefined
      ? { where, text: m.mismatch ?? m.type }
      : { where, expected, actual, text: m.mismatch };
  });
}

interface PactFileShape {
  consumer?: { name?: string };
  provider?: { name?: string };
  interactions?: { description?: string; providerStates?: { name: string }[]; providerState?: string }[];
}

async function main(input: ChildInput): Promise<ChildOutput> {
  let pact: PactModule;
  try {
    pact = await import('@pact-foundation/pact');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_MODULE_NOT_FOUND')
      return { kind: 'error', message: PACT_MISSING };
    throw error;
  }
  const control = new ControlClient(input.stubUrl, input.controlToken, input.credentials);
  let team: TeamStateHandlers = { find: () => undefined };
  if (input.stateHandlersFile !== undefined) {
    try {
      team = await loadStateHandlers(input.stateHandlersFile);
    } catch (error) {
      return {
        kind: 'error',
        message: `--state-handlers ${input.stateHandlersFile}: ${(error as Error).message}`,
      };
    }
  }
  const runs: RunOutcome[] = [];
  for (const file of input.pactFiles) runs.push(await verifyFile(pact, input, control, team, file));
  if (input.broker !== undefined)
    runs.push(await verifySource(pact, input, control, team, { broker: input.broker }));
  return { kind: 'done', runs };
}

async function verifyFile(
  pact: PactModule,
  input: ChildInput,
  control: ControlClient,
  team: TeamStateHandlers,
  file: string,
): Promise<RunOutcome> {
  let shape: PactFileShape;
  try {
    shape = JSON.parse(readFileSync(file, 'utf8')) as PactFileShape;
  } catch (error) {
    return { source: file, interactions: [], passed: false, error: (error as Error).message, output: [] };
  }
  const run = await verifySource(pact, input, control, team, { file });
  run.consumer = shape.consumer?.name;
  run.provider = shape.provider?.name;
  // States as the pact names them, for the report's "given" part.
  const states = new Map(
    (shape.interactions ?? []).map((i) => [
      i.description ?? '',
      i.providerStates?.map((s) => s.name) ?? (i.providerState ? [i.providerState] : []),
    ]),
  );
  for (const interaction of run.interactions) interaction.states = states.get(interaction.description) ?? [];
  return run;
}

async function verifySource(
  pact: PactModule,
  input: ChildInput,
  control: ControlClient,
  team: TeamStateHandlers,
  source: { file: string } | { broker: BrokerInput },
): Promise<RunOutcome> {
  // Interactions run one after another; `index` counts them (pact-js calls beforeEach once for each,
  // also for an interaction without a state) so that a failed state is told to the right one.
  let index = -1;
  let keepRecorded = false;
  const stateFailures = new Map<number, { state: string; message: string }>();

  const setup = async (state: string, params: Params) => {
    if (keepsRecordedUsersig(state)) keepRecorded = true;
    try {
      if (state === '') return await control.credentialValues();
      const handler = team.find(state);
      if (handler !== undefined) {
        const values = await handler.setup(handler.params(params), control);
        return {
          ...(await control.credentialValues()),
          ...(typeof values === 'object' && values !== null ? values : {}),
        };
      }
      return await control.providerState(state, params ?? {}, 'setup');
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (!stateFailures.has(index)) stateFailures.set(index, { state, message });
      throw new Error(message);
    }
  };
  const teardown = async (state: string, params: Params) => {
    if (state === '') return;
    const handler = team.find(state);
    if (handler === undefined) await control.providerState(state, params ?? {}, 'teardown');
    else if (handler.teardown !== undefined) await handler.teardown(handler.params(params), control);
  };
  // Any name reaches a handler: an unknown one fails in the stub with the closest names listed, instead
  // of pact-js's "no state handler found" warning and an interaction run in the wrong state.
  const stateHandlers = new Proxy(
    {},
    {
      get: (_target, name) =>
        typeof name === 'string' && !NOT_STATES.has(name)
          ? {
              setup: (params: Params) => setup(name, params),
              teardown: (params: Params) => teardown(name, params),
            }
          : undefined,
    },
  );

  // pact-js hands this to express. An interaction whose state could not be set up is answered here
  // with a 500, so it fails even when the stub would have answered as the pact expects by chance.
  const requestFilter = (
    req: { url: string; path: string },
    res: { status(code: number): { json(body: unknown): void } },
    next: () => void,
  ) => {
    if (req.path.startsWith('/_pact')) return next();
    const failed = stateFailures.get(index);
    if (failed !== undefined) {
      res
        .status(500)
        .json({ 'tim-marks-stub verify': `provider state "${failed.state}" failed: ${failed.message}` });
      return;
    }
    if (!keepRecorded) req.url = withCredentials(req.url, control.credentials);
    next();
  };

  const broker = 'broker' in source ? source.broker : undefined;
  const raw = await new pact.Verifier({
    provider: input.provider,
    providerBaseUrl: input.stubUrl,
    ...('file' in source ? { pactUrls: [source.file] } : {}),
    ...(broker === undefined
      ? {}
      : {
          pactBrokerUrl: broker.url,
          ...(broker.token === undefined ? {} : { pactBrokerToken: broker.token }),
          ...(broker.username === undefined
            ? {}
            : { pactBrokerUsername: broker.username, pactBrokerPassword: broker.password ?? '' }),
          ...(broker.providerVersion === undefined
            ? {}
            : { providerVersion: broker.providerVersion, publishVerificationResult: broker.publish }),
          ...(broker.providerBranch === undefined ? {} : { providerVersionBranch: broker.providerBranch }),
          consumerVersionSelectors: [
            { mainBranch: true },
            { matchingBranch: true },
            { deployedOrReleased: true },
          ],
        }),
    stateHandlers,
    requestFilter: requestFilter as never,
    beforeEach: async () => {
      index += 1;
      keepRecorded = false;
      await control.reset();
    },
    logLevel: input.logLevel,
  })
    .verifyProvider()
    .then(
      (results: unknown) => String(results ?? ''),
      (error: unknown) => (error instanceof Error ? error.message : String(error)),
    );

  const sourceName = 'file' in source ? source.file : source.broker.url;
  let results: PactResults;
  try {
    results = JSON.parse(raw) as PactResults;
  } catch {
    return { source: sourceName, interactions: [], passed: false, error: raw, output: [] };
  }
  const errors = results.errors ?? [];
  const interactions: InteractionOutcome[] = (results.interactionResults ?? []).map((entry, i) => {
    const own = errors.filter(
      (e) => e.interaction.endsWith(`- ${entry.description}`) || e.interaction === entry.description,
    );
    const stateFailure = stateFailures.get(i);
    return {
      description: entry.description,
      states: [],
      ok: own.length === 0 && stateFailure === undefined && entry.result === 'OK',
      mismatches: stateFailure === undefined ? own.flatMap(mismatchesOf) : [],
      stateFailure,
    };
  });
  return {
    source: sourceName,
    interactions,
    passed: results.result === true && interactions.every((i) => i.ok),
    ...(interactions.length === 0 && results.result !== true
      ? {
          error:
            errors
              .map((e) =>
                mismatchesOf(e)
                  .map((m) => m.text)
                  .join('; '),
              )
              .join('; ') || 'no interaction was verified',
        }
      : {}),
    output: results.output ?? [],
  };
}

const input = JSON.parse(process.argv[2] as string) as ChildInput;
const reply = (output: ChildOutput) => process.send?.(output, undefined, undefined, () => process.exit(0));
main(input).then(reply, (error: unknown) =>
  reply({ kind: 'error', message: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
);
