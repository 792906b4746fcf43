/**
 * `campaign-lab run`: simulates a scenario file and prints or writes its briefing.
 */
import { SCENARIO_ARGUMENT, runOptions, scenarioSettings, scenarioAndOut } from '../scenarioOptions.js';
import { resolve } from 'node:path';
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { ProgressBar } from '../ProgressBar.js';
import { loadCommandScenario, prepareLoadedScenario, warnOnStderr } from '../../node/prepareScenario.js';
import { loadedMultiCandidateRace } from '../../scenario/multiCandidateScenario.js';
import type { Scenario } from '../../scenario/types.js';
import type { CliContext } from '../CliContext.js';
import { formatRunSummary } from '../formatRunSummary.js';
import { listSizeSweep, type ListSizeSweep } from '../../briefing/listSizeSweep.js';
import { buildReportCharts } from '../../briefing/reportCharts.js';
import { startChartRenderer } from '../../node/chartRenderer.js';
import type { SimulationResult } from '../../sim/types.js';
import { simulateParallel } from '../../node/simulateParallel.js';
import { summarizeRun } from '../../sim/summarizeRun.js';
import { runDocument } from '../../node/runScenarioFile.js';
import type { RunSummary } from '../../sim/summarizeRun.js';
import { describeBaseline } from '../../scenario/describeBaseline.js';
import { resolveScenario } from '../../scenario/resolveScenario.js';
import { LIVE_TERRITORIES_MAX } from '../../briefing/reportLimits.js';
import { RUN_ASSUMPTION_DRAWS, assumptionDrawsOption, parseAssumptionDraws } from '../assumptionOptions.js';
import { runAssumptions } from '../runAssumptions.js';
import type { RunAssumptions } from '../../analysis/answerAssumptions.js';
import type { PreparedScenario } from '../../node/prepareScenario.js';
import type { ResolvedScenario } from '../../model/resolvedScenario.js';

/**
 * Draws per point of the briefing's list-size sweep, at most: up to this the sweep runs the scenario's
 * own number, so its point at today's list is the run itself, figure for figure.
 */
const SWEEP_SIMULATIONS = 200_000;

/** The `run` command. */
export const runCommand: Command = {
  name: 'run',
  summary: 'Simulate a scenario file; print the results or write a briefing report.',
  details: [
    'Loads and validates the scenario (YAML or JSON; see `campaign-lab schema`), fills in cited defaults, runs the',
    'Monte Carlo simulation (bit-identical for any number of threads) and summarises it.',
    'The race is a bundled election (country + year) or your own results file (race: {file, format}); the',
    'simulation is centred on its result (a replay) or on a forecast baseline (baseline: {swing, swingModel,',
    'shifts, margins, turnout}, margins in pp toward the first side). --json and summary.json (up to 5,000',
    'territories) hold the resolved baseline: every territory\'s expected margin.',
    'Tipping points (--json: tippingPoint, an array, most frequent first) and the electoral-college bias are found on',
    'each simulated election\'s margins over all votes cast, the convention of published tables (2012: Colorado).',
    'A list given as counts (allocation: {file: counts.json}) takes its spread from the counts and its size from',
    'listSize when given (else the counts\' sum), so --set campaigns.<side>.listSize=N resizes it.',
    'With --out DIR: summary.json, territories.csv, charts as SVG and PNG, and briefing.html, written atomically as a set:',
    'DIR must be new, empty, or an earlier report (a folder of other files is refused, never emptied); two runs sharing',
    'DIR leave the report of the one that finished last, whole.',
    'briefing.html works offline and re-runs the scenario in the page as you move its controls (list sizes,',
    'the national swing, channel coverage), with the same figures as `run --set <key>=<value>`.',
    'A race of more than 5,000 territories keeps its report usable: charts show the closest territories (the',
    'tipping-point snake groups neighbouring ones into at most 300 bars), territories.csv holds every territory,',
    'summary.json the 100 closest and the race-wide figures, and the list-size sweep and the live controls are left out.',
    'Three or more candidates (race: {bundled: NAME}, a table of 3+ candidate columns, rule plurality or',
    'two-round-legislative, uncertainty.scale: log-ratio) run on the K-candidate engine: every candidate is kept;',
    'the text, --json (candidates, units) and --out (summary.json, territories.csv per unit and candidate, charts,',
    'and a static briefing.html in the race\'s language, without live controls) give P(win), P(round 2), seats',
    'with 90% intervals, P(majority) and P(most seats).',
    'Two kinds of interval: P(win)\'s 95% interval is Monte Carlo error; the assumptions interval (--json: assumptions)',
    'gives the 5th-95th percentiles of each side\'s P(win) and campaign votes over --assumption-draws joint draws of',
    'every mechanism\'s prior, each run on the same elections. With --out the briefing adds what our side\'s list is',
    'worth against no list under those draws, and the three assumptions that drive it most.',
    'The error model follows the scenario\'s horizon: `horizon: replay` the eve-of-election error (how wrong the result',
    'could have looked the day before), `horizon: N` the error N days out (poll record at 1, 20, 50, 100 days, interpolated;',
    'beyond 100 the no-poll error), none the no-poll error. A key set in `uncertainty` wins over the horizon\'s value for',
    'that key. The text (Error model:) and --json (scenario.uncertainty.basis) say which error was used and why.',
    '',
    'Examples:',
    '  campaign-lab run scenarios/default.yaml --out out',
    '  campaign-lab run scenarios/france-2022-first-round.yaml --json',
    '  campaign-lab run scenarios/florida-2000.yaml --sims 20000 --set campaigns.D.listSize=3000000 --json',
    '  campaign-lab run scenarios/default.yaml --set baseline.swing=2 --set campaigns.D.listSize=8e6 --json',
    '  campaign-lab run scenarios/pennsylvania-2024-counties.yaml --set baseline.swing=-1',
  ].join('\n'),
  spec: {
    positionals: [SCENARIO_ARGUMENT],
    options: {
      ...runOptions(['sims', 'seed', 'threads', 'set'], { set: 'Override any scenario key (value read as YAML), e.g. campaigns.D.listSize=3e6.' }),
      out: { type: 'string', valueName: 'DIR', description: 'Write the report (summary.json, territories.csv, charts, briefing.html) to DIR.' },
      'assumption-draws': assumptionDrawsOption('P(win) and the campaigns\' votes', RUN_ASSUMPTION_DRAWS),
      'no-sweep': { type: 'flag', description: 'With --out: skip the list-size sweep behind the briefing headline and its list-size chart.' },
      json: { type: 'flag', description: 'Print one JSON document on stdout (the run summary with the resolved scenario).' },
    },
  },
  async run(args, context) {
    const { file, out } = await scenarioAndOut(args, context.cwd);
    const settings = { ...scenarioSettings(args.options), cwd: context.cwd, onWarning: warnOnStderr(context.stderr) };
    const scenario = await loadCommandScenario(file, settings);
    // Three or more candidates, a bundled race, or a multi-candidate rule: the K-candidate engine.
    if (loadedMultiCandidateRace(scenario)) return runMultiCandidate(scenario, file, out, args.options.json === true, context);
    const prepared = prepareLoadedScenario(scenario, file, settings);
    const { resolved } = prepared;
    const assumptionDraws = parseAssumptionDraws(args.options['assumption-draws'] as string | undefined, RUN_ASSUMPTION_DRAWS);
    // With --out the charts are drawn on a worker thread, started now: Vega and the fonts load while the run
    // simulates, and the run's charts are drawn while the sweep and the assumptions draws simulate here.
    const renderer = out ? startChartRenderer() : undefined;
    let summary: RunSummary;
    let assumptions: RunAssumptions | undefined;
    try {
      const result = await mainRun(resolved, context);
      summary = summarizeRun(result, resolved);
      if (renderer) for (const chart of buildReportCharts(summary)) void renderer.render(chart.spec, 2);
      // A race of many territories: the sweep (eleven runs of the race) is left out, as with --no-sweep.
      const large = resolved.territories.length > LIVE_TERRITORIES_MAX;
      const withSweep = out !== undefined && !args.options['no-sweep'] && !large;
      if (out && large && !args.options['no-sweep']) {
        context.stderr.write(`campaign-lab: note: a race of ${resolved.territories.length.toLocaleString('en-US')} territories (more than ${LIVE_TERRITORIES_MAX.toLocaleString('en-US')}): the report leaves out the list-size sweep and the briefing's live controls; charts show the closest territories, territories.csv and summary.json all of them\n`);
      }
      // The sweep before the assumptions draws, so its chart is drawn while they simulate.
      const sweep = withSweep ? await runSweep(prepared, result, context) : undefined;
      if (renderer && sweep) for (const chart of buildReportCharts(summary, sweep)) void renderer.render(chart.spec, 2);
      assumptions = await runAssumptions(resolved, assumptionDraws, withSweep ? withoutOurList(prepared) : undefined, context, summary.pWin);
      if (out) {
        const { writeReport } = await import('../../node/writeReport.js');
        const { results, parameters, history, raceFormat } = prepared.inputs;
        const live = { scenario: prepared.scenario, results, parameters, ...(history ? { history } : {}), ...(raceFormat ? { raceFormat } : {}) };
        await writeReport(resolve(context.cwd, out), { summary, scenarioFile: file, sweep, live, ...(assumptions ? { assumptions } : {}), render: renderer!.render }, context.signal, out);
      }
    } finally {
      await renderer?.close();
    }
    if (args.options.json) printJson(context.stdout, withAssumptions(runDocument(summary), assumptions));
    else {
      const text = formatRunSummary(summary, assumptions);
      const eol = text.indexOf('\n');
      // The baseline in words goes under the headline: a forecast and a replay read differently.
      const error = resolved.uncertainty.basis ? `Error model: ${resolved.uncertainty.basis.reason}\n` : '';
      context.stdout.write(`${text.slice(0, eol + 1)}Baseline: ${describeBaseline(resolved)}\n${error}${text.slice(eol + 1)}` + (out ? `Report written to ${out}/ (briefing.html, summary.json, territories.csv, charts)\n` : ''));
    }
  },
};

/** The run itself: the scenario's simulations and seed on its threads, with a progress bar on a terminal. */
async function mainRun(resolved: ResolvedScenario, context: CliContext): Promise<SimulationResult> {
  const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'simulating' });
  try {
    return await simulateParallel(resolved, {
      simulations: resolved.simulations,
      seed: resolved.seed,
      threads: resolved.threads,
      signal: context.signal,
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.finish();
  }
}

/**
 * The briefing's list-size sweep, on the run's threads; the point at today's list is the run itself (`result`)
 * when the sweep takes as many draws: its figures, not a second run of them.
 */
async function runSweep(prepared: PreparedScenario, result: SimulationResult, context: CliContext): Promise<ListSizeSweep | undefined> {
  const { resolved } = prepared;
  const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'list-size sweep' });
  try {
    return await listSizeSweep(prepared.scenario, resolved, {
      simulations: Math.min(resolved.simulations, SWEEP_SIMULATIONS),
      resolve: (scaled) => resolveScenario(scaled, prepared.inputs),
      // A point's P(win) is all the sweep shows: its runs skip the tipping points.
      run: (point, o) =>
        sameRun(point, o.simulations, resolved, resolved.simulations) ? Promise.resolve(result) : simulateParallel(point, { ...o, threads: resolved.threads, prepare: { tippingPoints: false }, signal: context.signal }),
      signal: context.signal,
      onProgress: (done, total) => bar.update(done, total),
    });
  } finally {
    bar.finish();
  }
}

/**
 * Whether two runs give the same figures: the same resolved scenario (the thread count aside, which changes
 * no figure) with the same number of draws (each run takes the scenario's seed).
 *
 * @example
 * sameRun(resolved, 50000, { ...resolved, threads: 2 }, 50000) // => true
 */
function sameRun(a: ResolvedScenario, aDraws: number, b: ResolvedScenario, bDraws: number): boolean {
  return aDraws === bDraws && JSON.stringify({ ...a, threads: 0 }) === JSON.stringify({ ...b, threads: 0 });
}

/** The run document with its assumptions interval, when one was computed. */
function withAssumptions<T extends object>(document: T, assumptions: RunAssumptions | undefined): T & { assumptions?: RunAssumptions } {
  return assumptions ? { ...document, assumptions } : document;
}

/** The scenario with our side's (the first side's) list at 0, resolved as the run was; undefined when it runs no list. */
function withoutOurList(prepared: PreparedScenario): ResolvedScenario | undefined {
  const side = prepared.resolved.sides[0];
  const campaign = prepared.scenario.campaigns?.[side];
  if (!campaign || (prepared.resolved.campaigns[side]?.listSize ?? 0) <= 0) return undefined;
  return resolveScenario({ ...prepared.scenario, campaigns: { ...prepared.scenario.campaigns, [side]: { ...campaign, listSize: 0 } } }, prepared.inputs);
}

/** `run` on a multi-candidate race: the text table or the JSON document, and the report with --out. */
async function runMultiCandidate(scenario: Scenario, file: string, out: string | undefined, json: boolean, context: CliContext): Promise<void> {
  const { runMultiCandidateScenario, writeMultiCandidateReport } = await import('../../node/runMultiCandidateScenario.js');
  const run = runMultiCandidateScenario(scenario, file);
  if (out) await writeMultiCandidateReport(resolve(context.cwd, out), run, file, context.signal, out, scenario);
  if (json) printJson(context.stdout, run.document);
  else {
    const { formatMultiCandidateRun } = await import('../formatMultiCandidateRun.js');
    context.stdout.write(formatMultiCandidateRun(run.document) + (out ? `Report written to ${out}/ (briefing.html without live controls, summary.json, territories.csv, charts)\n` : ''));
  }
}
