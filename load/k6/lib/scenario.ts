// Builds one k6 scenario script from the shared plan: its options and thresholds, setup (the world created
// through the setup commands), the per-command iterations, teardown (the stub's window proof) and the summary.

import { check, fail, sleep } from 'k6';
import exec from 'k6/execution';
import { Counter } from 'k6/metrics';
import type { Options, Scenario } from 'k6/options';
import {
  contactGroupRequests,
  loadRequest,
  setupRequests,
  type World,
  world,
} from '../../shared/payloads.ts';
import {
  isRetryable,
  type LoadedCommand,
  type ScenarioName,
  SETUP_ATTEMPTS,
  scenarioCommands,
  settleMs,
  type TimedPhase,
  timeline,
} from '../../shared/plan.ts';
import { judgeWindow, perSecondMetric, type WindowVerdict } from '../../shared/report.ts';
import { call, checkAnswer, describeAnswer, type Target } from './api.ts';
import { type RunConfig, runConfig } from './config.ts';
import { smokeIteration } from './smoke.ts';
import { isStub, resetStub, stubStats } from './stub.ts';
import { type SummaryInput, summarize } from './summary.ts';

/** Counts 1 s windows the stub admitted over the ceiling; emitted in teardown, so that a threshold can fail the run. */
const windowViolations = new Counter('stub_window_violations');

export interface SetupData {
  world: World;
  stub: boolean;
}

function scenarioKey(phase: TimedPhase, command: LoadedCommand): string {
  return `${phase.name}_${command}`;
}

/**
 * VUs for `latencyMs` of latency at the phase's rate (env VUS sets them per scenario): an arrival that
 * finds no free VU is dropped while k6 starts another, up to maxVUs.
 */
function arrivalScenario(phase: TimedPhase, command: LoadedCommand, vus: number | undefined): Scenario {
  const latencyMs = 250;
  const preAllocatedVUs = vus ?? Math.ceil((phase.rate * latencyMs) / phase.perMs) + 10;
  return {
    executor: 'constant-arrival-rate',
    rate: phase.rate,
    timeUnit: `${phase.perMs}ms`,
    duration: `${phase.durationS}s`,
    startTime: `${phase.startS}s`,
    preAllocatedVUs,
    maxVUs: preAllocatedVUs * 4,
    gracefulStop: '5s',
    exec: command,
    tags: { phase: phase.name, command },
  };
}

function thresholds(
  phases: readonly TimedPhase[],
  config: RunConfig,
  commands: readonly LoadedCommand[],
): NonNullable<Options['thresholds']> {
  const t: NonNullable<Options['thresholds']> = {
    checks: ['rate==1'],
    http_req_failed: ['rate==0'],
    stub_window_violations: ['count==0'],
  };
  for (const phase of phases) {
    if (phase.expect === 'no-refusals') {
      t[`calls_refused{phase:${phase.name}}`] = ['count==0'];
      t.dropped_iterations = ['count==0'];
      t[`http_req_duration{phase:${phase.name}}`] = [`p(99)<${config.p99Ms}`];
    }
    if (phase.expect === 'split') {
      t[`calls_refused{phase:${phase.name}}`] = ['count>0'];
      for (const command of commands) {
        // Whatever the target, a sliding window lets at most the ceiling through per second of the phase (+1 s of edge).
        t[`calls_accepted{phase:${phase.name},command:${command}}`] = [
          'count>0',
          `count<=${config.rate * (phase.durationS + 1)}`,
        ];
      }
    }
    if (phase.expect === 'settles') {
      t[`calls_refused{phase:${phase.name},settled:yes}`] = ['count==0'];
    }
  }
  // Per-second counters exist in the summary only as thresholds; `count>=0` always holds.
  const seconds = phases.reduce((end, p) => Math.max(end, p.startS + p.durationS), 0) + 2;
  for (const command of commands) {
    for (let second = 0; second < seconds; second++) {
      t[perSecondMetric('calls_accepted', command, second)] = ['count>=0'];
      t[perSecondMetric('calls_refused', command, second)] = ['count>=0'];
    }
  }
  return t;
}

function options(name: ScenarioName, config: RunConfig, phases: readonly TimedPhase[]): Options {
  const commands = scenarioCommands(name);
  const common: Options = {
    setupTimeout: '60s',
    teardownTimeout: '60s',
    summaryTrendStats: ['avg', 'min', 'med', 'p(90)', 'p(99)', 'max'],
    // The query string carries a fresh `random` on every call: keep the full URL out of the tags.
    systemTags: [
      'status',
      'method',
      'name',
      'group',
      'check',
      'error',
      'error_code',
      'scenario',
      'expected_response',
    ],
    discardResponseBodies: false,
  };
  if (name === 'smoke') {
    return {
      ...common,
      scenarios: { smoke: { executor: 'per-vu-iterations', vus: 1, iterations: 1, exec: 'smoke' } },
      thresholds: { checks: ['rate==1'], http_req_failed: ['rate==0'] },
    };
  }
  const scenarios: Record<string, Scenario> = {};
  for (const phase of phases) {
    for (const command of commands) {
      scenarios[scenarioKey(phase, command)] = arrivalScenario(phase, command, config.vus);
    }
  }
  return { ...common, scenarios, thresholds: thresholds(phases, config, commands) };
}

export interface ScenarioScript {
  options: Options;
  setup(): SetupData;
  smoke(data: SetupData): void;
  markContact(data: SetupData): void;
  getContactGroup(data: SetupData): void;
  updateContactGroup(data: SetupData): void;
  searchContactGroup(data: SetupData): void;
  teardown(data: SetupData): void;
  handleSummary(data: SummaryInput): Record<string, string>;
}

export function scenarioScript(name: ScenarioName): ScenarioScript {
  const config = runConfig(name);
  const phases = timeline(name, config.rate, config.durationS, config.pacingMarginMs);
  const target: Target = config;
  const markOptions = { standardMarks: config.standardMarks };

  /**
   * A setup command, sent again (up to SETUP_ATTEMPTS in all, a growing pause between) while it answers
   * a code the spec marks retryable (50004, a 60007 from a ceiling shared with other traffic, …) or no
   * answer at all: a run must not fail before it starts on what a retry fixes.
   */
  function setupCall<C extends 'multiaccountImport' | 'createGroup' | 'createContactGroup'>(
    command: C,
    request: Parameters<typeof call<C>>[2],
  ): ReturnType<typeof call<C>> {
    for (let attempt = 1; ; attempt++) {
      const answer = call(target, command, request, { phase: 'setup' });
      const code = answer.body?.ErrorCode;
      const again = answer.status !== 200 || typeof code !== 'number' || isRetryable(code);
      if (!again || attempt === SETUP_ATTEMPTS) return answer;
      sleep(0.2 * attempt);
    }
  }

  function setup(): SetupData {
    const stub = isStub(config.baseUrl);
    if (stub && config.reset && !resetStub(config.baseUrl, config.sdkAppId)) {
      fail('the stub refused POST /__stub/reset');
    }
    const w = world(config.seed, { users: config.users, groups: config.groups });
    const { imports, groups } = setupRequests(w);
    for (const request of imports) {
      const answer = setupCall('multiaccountImport', request);
      const imported = check(answer, {
        'setup: multiaccount_import imports every account': (a) =>
          a.body?.ErrorCode === 0 && (a.body.FailAccounts ?? []).length === 0,
      });
      if (!imported) fail(`multiaccount_import failed: ${describeAnswer(answer)}`);
    }
    for (const request of groups) {
      const answer = setupCall('createGroup', request);
      // 10021: the group is left from an earlier run with the same seed (a real API is not reset).
      const created = check(answer, {
        'setup: create_group creates the group (or finds it from an earlier run)': (a) =>
          a.body?.ErrorCode === 0 || a.body?.ErrorCode === 10021,
      });
      if (!created) fail(`create_group failed: ${describeAnswer(answer)}`);
    }
    if (scenarioCommands(name).includes('updateContactGroup')) {
      for (const request of contactGroupRequests(w)) {
        const answer = setupCall('createContactGroup', request);
        // 51011: the user has the group from an earlier run with the same seed.
        const created = check(answer, {
          'setup: create_contact_group creates the group (or finds it from an earlier run)': (a) =>
            a.body?.ErrorCode === 0 || a.body?.ErrorCode === 51011,
        });
        if (!created) fail(`create_contact_group failed: ${describeAnswer(answer)}`);
      }
    }
    return { world: w, stub };
  }

  function iterate(command: LoadedCommand, data: SetupData): void {
    const phaseName = exec.scenario.name.slice(0, exec.scenario.name.indexOf('_'));
    const phaseIndex = phases.findIndex((p) => p.name === phaseName);
    const phase = phases[phaseIndex];
    if (!phase) fail(`unknown phase ${phaseName}`);
    // Unique over the whole run, so every call's payload differs and can be regenerated from the seed.
    const index = phaseIndex * 10_000_000 + exec.scenario.iterationInTest;
    const elapsedMs = Date.now() - exec.scenario.startTime;
    const settled = elapsedMs >= settleMs(config.pacingMarginMs);
    const countTags = {
      second: String(phase.startS + Math.floor(elapsedMs / 1000)),
      settled: settled ? 'yes' : 'no',
    };
    const refusalAllowed = phase.expect === 'split' || (phase.expect === 'settles' && !settled);
    const request = loadRequest(command, data.world, index, markOptions) as never;
    checkAnswer(command, request, call(target, command, request, {}, countTags), refusalAllowed);
  }

  function teardown(data: SetupData): void {
    if (!data.stub || name === 'smoke') return;
    for (const verdict of windowVerdicts()) {
      check(verdict, { 'stub: no 1000 ms window accepted more than the ceiling': (v) => v.ok });
      windowViolations.add(verdict.problems.length, { command: verdict.command });
    }
  }

  function windowVerdicts(): WindowVerdict[] {
    const seconds = Math.ceil(phases.reduce((s, p) => s + p.durationS, 0)) + 60;
    return stubStats(config.baseUrl, config.sdkAppId, scenarioCommands(name), seconds).map((series) =>
      judgeWindow(series, config.rate),
    );
  }

  return {
    options: options(name, config, phases),
    setup,
    smoke: (data) => smokeIteration(target, data.world, markOptions),
    markContact: (data) => iterate('markContact', data),
    getContactGroup: (data) => iterate('getContactGroup', data),
    updateContactGroup: (data) => iterate('updateContactGroup', data),
    searchContactGroup: (data) => iterate('searchContactGroup', data),
    teardown,
    handleSummary: (data) => summarize(data, name, config, phases),
  };
}
