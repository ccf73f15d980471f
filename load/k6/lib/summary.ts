// handleSummary: summary.json and summary.html in OUT_DIR, and a text summary on stdout. k6's own
// textSummary lives at a remote jslib URL, unreachable offline, so the text is rendered by shared/report.ts.
import { SCENARIOS, type ScenarioName, scenarioCommands, type TimedPhase } from '../../shared/plan.ts';
import { renderHtml, renderText } from '../../shared/report.ts';
import { loadReport, type SummaryInput } from '../../shared/summary.ts';
import type { RunConfig } from './config.ts';
import { stubStats } from './stub.ts';

export type { SummaryInput };

export function summarize(
  input: SummaryInput,
  scenario: ScenarioName,
  config: RunConfig,
  phases: readonly TimedPhase[],
): Record<string, string> {
  const stub = input.setup_data?.stub === true && scenario !== 'smoke';
  const report = loadReport(input, {
    scenario,
    description: SCENARIOS[scenario].description,
    target: config.baseUrl,
    rate: config.rate,
    durationS: phases.reduce((sum, p) => sum + p.durationS, 0),
    // handleSummary may still call the target: the stub's own count per second is the one to chart.
    stubSeries: stub ? stubStats(config.baseUrl, config.sdkAppId, scenarioCommands(scenario), 3600) : [],
  });
  const { userSig: _secret, ...shown } = config;
  const json = { report, config: shown, phases, k6: input };
  return {
    stdout: renderText(report),
    [`${config.outDir}/summary.json`]: `${JSON.stringify(json, null, 2)}\n`,
    [`${config.outDir}/summary.html`]: renderHtml(report),
  };
}
