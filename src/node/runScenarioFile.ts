/**
 * The one-call API: a scenario file, or a scenario object, to the document `campaign-lab run --json`
 * prints, for any race (a bundled `country` + `year`, or your own `race:` file), with the same numbers
 * for the same seed. The files a scenario names (race, margins, polls, counts) are read as the command
 * line reads them; the bundled results, past results and cited parameters are loaded once per call.
 */
import { join, resolve } from 'node:path';
import type { Scenario } from '../scenario/types.js';
import { validateScenario } from '../scenario/validateScenario.js';
import { describeBaseline } from '../scenario/describeBaseline.js';
import { summarizeRun, type RunSummary } from '../sim/summarizeRun.js';
import { loadScenario, readScenarioFiles } from './loadScenario.js';
import { resolveLoadedScenario, runThreads } from './prepareScenario.js';
import { simulateParallel } from './simulateParallel.js';

/** What `campaign-lab run --json` prints: the run summary and the baseline in words. */
export type ScenarioRun = RunSummary & { baseline: Record<string, unknown> };

/** Options of {@link runScenarioFile} and {@link runScenario}. */
export interface RunScenarioOptions {
  /** Told about a counts file that placed few rows, or threads capped to the machine's cores. */
  onWarning?: (message: string) => void;
  /** Stops the run (worker threads are told at once). */
  signal?: AbortSignal;
  /** Called with draws done and draws in all as the run goes. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * The document `run --json` prints for a run summary: the summary with its baseline described in words.
 *
 * @example
 * runDocument(summary).baseline.description // => '2024 result, swung 2.0 pp toward D'
 */
export function runDocument(summary: RunSummary): ScenarioRun {
  return { ...summary, baseline: { description: describeBaseline(summary.scenario), ...(summary.scenario.baseline ?? {}) } };
}

async function runLoaded(scenario: Scenario, shown: string, options: RunScenarioOptions): Promise<ScenarioRun> {
  const { resolved } = resolveLoadedScenario(scenario, shown);
  const threads = runThreads(scenario, options.onWarning);
  const result = await simulateParallel(resolved, {
    simulations: resolved.simulations,
    seed: resolved.seed,
    threads,
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return runDocument(summarizeRun(result, threads === resolved.threads ? resolved : { ...resolved, threads }));
}

/**
 * Runs a scenario file (YAML or JSON) as `campaign-lab run <file> --set key=value… --json` does.
 *
 * @param path the scenario file; files it names are read relative to its folder
 * @param set key path → value, applied before validation (`{ simulations: 20000, 'campaigns.D.listSize': 3e6 }`)
 * @param options warnings, abort signal, progress
 * @returns the run: P(win) per side with its standard error, expected weights, tipping points, each
 *   territory's P(win) and mean margin (pp), the campaigns' effects (votes), the resolved scenario
 * @throws InputError naming the file, key path and line of any bad input (as the command exits 2 on)
 * @example
 * (await runScenarioFile('scenarios/florida-2000.yaml', { simulations: 20000 })).pWin.D // => the P(D wins) of `run --sims 20000 --json`
 */
export async function runScenarioFile(path: string, set: Readonly<Record<string, unknown>> = {}, options: RunScenarioOptions = {}): Promise<ScenarioRun> {
  const scenario = await loadScenario(resolve(path), { set, displayPath: path, ...(options.onWarning ? { onWarning: options.onWarning } : {}) });
  return runLoaded(scenario, path, options);
}

/**
 * Runs a scenario given as an object (the shape of a scenario file), validated by the same schema; the
 * files it names are read relative to `directory` (default: the working directory).
 *
 * @param scenario the scenario object (`{ name, country, year, rule, sides, simulations, seed, campaigns… }` or with `race`)
 * @param options `directory` for relative file names, `name` for messages (default `scenario`), warnings, signal, progress
 * @returns the run, as {@link runScenarioFile}
 * @throws InputError naming the key path of any problem
 * @example
 * (await runScenario({ name: 'x', country: 'us', year: 2016, rule: 'electoral-college', sides: ['D', 'R'], simulations: 2000, seed: 1 })).simulations // => 2000
 */
export async function runScenario(scenario: object, options: RunScenarioOptions & { directory?: string; name?: string } = {}): Promise<ScenarioRun> {
  const name = options.name ?? 'scenario';
  const validated = validateScenario(scenario, name);
  const loaded = await readScenarioFiles(validated, join(resolve(options.directory ?? '.'), name), { displayPath: name, ...(options.onWarning ? { onWarning: options.onWarning } : {}) });
  return runLoaded(loaded, name, options);
}
