/**
 * From a scenario file to a resolved scenario: load and validate the file (with `--set` overrides),
 * load its baseline results (and past results for a historical correlation), the cited parameters,
 * and resolve every default. Shared by `run` and `sweep`.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { InputError, escapeControlCharacters } from '../errors.js';
import { loadScenario } from './loadScenario.js';
import { resolveScenario, scenarioRound, type ResolveInputs } from '../scenario/resolveScenario.js';
import type { ResolvedScenario, Scenario } from '../scenario/types.js';
import { availableYears, loadResults } from './data/loadResults.js';
import { loadParameters } from './data/loadParameters.js';
import type { ElectionResults } from '../model/types.js';
import { loadedRace } from '../scenario/parseScenarioText.js';
import { multiCandidateReason } from '../scenario/multiCandidateScenario.js';

/** A scenario ready to simulate, with what it was built from. */
export interface PreparedScenario {
  /** The file as given (after overrides and counts files). */
  scenario: Scenario;
  resolved: ResolvedScenario;
  results: ElectionResults;
  /** Past results used for a historical correlation. */
  history?: ElectionResults[];
  /** What the scenario was resolved with (results, parameters, history, file, race format): a variant of it resolves the same way. */
  inputs: ResolveInputs;
}

/**
 * Resolves an already loaded scenario: results, history and parameters from data/.
 *
 * @throws InputError naming the file and key path of any semantic problem (unknown territory, side
 *   not in the results, year without data, …)
 * @example
 * resolveLoadedScenario(await loadScenario('scenarios/us-2020.yaml'), 'us-2020.yaml').resolved.territories.length // => 56
 */
export function resolveLoadedScenario(scenario: Scenario, file: string): PreparedScenario {
  let results: ElectionResults;
  const multi = multiCandidateReason(scenario);
  if (multi) throw new InputError({ file, at: multi.at, expected: 'a two-candidate scenario (this command runs two-candidate races; `campaign-lab run` runs multi-candidate races)', found: multi.found });
  if (scenario.race !== undefined) {
    const loaded = loadedRace(scenario);
    if (!loaded) throw new InputError({ file, at: 'race', expected: 'a race file read by the scenario loader (loadScenario)', found: 'a race that was not read' });
    if (scenario.uncertainty?.correlation === 'historical') {
      throw new InputError({ file, at: 'uncertainty.correlation', expected: '"independent" with race (past elections are bundled for country + year only)', found: '"historical"' });
    }
    const inputs: ResolveInputs = { results: loaded.results, parameters: loadParameters(), file, raceFormat: loaded.format };
    return { scenario, resolved: resolveScenario(scenario, inputs), results: loaded.results, inputs };
  }
  if (scenario.country === undefined || scenario.year === undefined) {
    throw new InputError({ file, at: scenario.country === undefined ? 'country' : 'year', expected: 'country + year (a bundled election) or race (your own race file)', found: 'nothing' });
  }
  const { country, year } = scenario;
  try {
    const round = scenarioRound(scenario);
    results = loadResults({ country, year, ...(round !== undefined ? { round } : {}) });
  } catch (error) {
    // A year or round without data is the scenario's mistake: name the scenario file and key.
    if (error instanceof InputError && (error.details.at === 'year' || error.details.at === 'round')) {
      throw new InputError({ ...error.details, file });
    }
    throw error;
  }
  let history: ElectionResults[] | undefined;
  if (scenario.uncertainty?.correlation === 'historical') {
    history = availableYears(country)
      .filter((y) => y < year)
      .map((y) => loadResults({ country, year: y, ...(country === 'fr' ? { round: 2 } : {}) }));
  }
  const inputs: ResolveInputs = { results, parameters: loadParameters(), history, file };
  return { scenario, resolved: resolveScenario(scenario, inputs), results, ...(history ? { history } : {}), inputs };
}

/**
 * Loads a scenario file and resolves it.
 *
 * @param file path as the user typed it (messages name it so)
 * @param options `overrides` (`key=value` texts, values read as YAML), `set` (key path → value, after them), `cwd` to
 *   resolve the path against, `onWarning` for a counts file that placed few rows
 * @example
 * prepareScenario('scenarios/florida-2000.yaml', { overrides: ['simulations=1000'], cwd: '.' }).then((p) => p.resolved.year) // => 2000
 */
export async function prepareScenario(
  file: string,
  options: { overrides?: string[]; set?: Readonly<Record<string, unknown>>; cwd: string; onWarning?: (message: string) => void },
): Promise<PreparedScenario> {
  return prepareLoadedScenario(await loadCommandScenario(file, options), file, options);
}

/**
 * Loads a command's scenario file with its overrides (the first half of {@link prepareScenario}); `run` looks at
 * it before resolving, to send a multi-candidate race to the K-candidate engine.
 *
 * @example
 * (await loadCommandScenario('scenarios/canada-2011.yaml', { cwd: '.' })).rule // => 'plurality'
 */
export async function loadCommandScenario(file: string, options: { overrides?: string[]; set?: Readonly<Record<string, unknown>>; cwd: string; onWarning?: (message: string) => void }): Promise<Scenario> {
  // Messages name files as the user typed them: the scenario as given, a counts file as written in
  // it when absolute, else relative to the scenario's folder as given.
  return loadScenario(file === '-' ? file : resolve(options.cwd, file), { overrides: options.overrides, set: options.set, displayPath: file, onWarning: options.onWarning });
}

/**
 * Resolves a loaded scenario and sets the threads it runs on (the second half of {@link prepareScenario}):
 * see {@link runThreads}.
 *
 * @throws InputError as {@link resolveLoadedScenario}
 * @example
 * prepareLoadedScenario(await loadCommandScenario(file, { cwd }), file, { cwd }).resolved.threads // => 2 on a 2-core machine (no `threads` in the file)
 */
export function prepareLoadedScenario(scenario: Scenario, file: string, options: { onWarning?: (message: string) => void }): PreparedScenario {
  const prepared = resolveLoadedScenario(scenario, file);
  const threads = runThreads(scenario, options.onWarning);
  return threads === prepared.resolved.threads ? prepared : { ...prepared, resolved: { ...prepared.resolved, threads } };
}

/**
 * Threads a scenario runs on in Node: its own `threads` (in the file, `--set threads=N` or `--threads N`), capped to
 * the machine's cores with a warning ({@link capThreads}); when it sets none, the machine's cores
 * (os.availableParallelism()). The results are the same for any number of threads; the resolved scenario (and so
 * summary.json's and `--json`'s `scenario.threads`) records the number run. The browser-safe resolveScenario
 * keeps 1 for a scenario without `threads`: the briefing page runs its own engine.
 *
 * @param scenario the loaded scenario (after `--set` and `--threads`)
 * @param onWarning told when the scenario's own number is more than the cores
 * @returns worker threads, 1 or more
 * @example
 * runThreads({ ...scenario, threads: undefined }) // => 2 on a 2-core machine
 * runThreads({ ...scenario, threads: 1 }) // => 1
 */
export function runThreads(scenario: Pick<Scenario, 'threads'>, onWarning?: (message: string) => void): number {
  return scenario.threads === undefined ? availableParallelism() : capThreads(scenario.threads, onWarning);
}

/**
 * Threads to run on: at most the machine's cores (os.availableParallelism). More add nothing but
 * memory (each thread keeps its own workspace), so a larger number is capped, with a warning; results
 * do not depend on the number of threads.
 *
 * @example
 * capThreads(64, console.warn) // => 2 on a 2-core machine, after a warning
 */
export function capThreads(threads: number, onWarning?: (message: string) => void): number {
  const cores = availableParallelism();
  if (threads <= cores) return threads;
  onWarning?.(`threads ${threads} is more than the ${cores} core${cores === 1 ? '' : 's'} of this machine: running on ${cores} (more would add memory, not speed; the results are the same)`);
  return cores;
}

/**
 * The `onWarning` of a command: one `campaign-lab: warning: …` line on stderr.
 *
 * @example
 * prepareScenario(file, { cwd, onWarning: warnOnStderr(context.stderr) })
 */
export function warnOnStderr(stderr: { write(text: string): unknown }): (message: string) => void {
  return (message) => stderr.write(`campaign-lab: warning: ${escapeControlCharacters(message)}\n`);
}
