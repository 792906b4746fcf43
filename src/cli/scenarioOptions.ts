/**
 * The options every command that runs a scenario shares (run, sweep, value, allocate, compare), declared
 * once: the scenario argument, `--sims`, `--seed`, `--threads` and `--set`, and how they reach the
 * scenario. `--sims`, `--seed` and `--threads` arrive as the numbers parseArguments checked (set on the
 * scenario's key paths, never turned back into text); `--set key=value` is read as YAML, as documented.
 */
import { resolve } from 'node:path';
import { checkOutputFolder } from '../node/writeFileAtomic.js';
import type { OptionSpec, ParsedArguments, PositionalSpec } from './parseArguments.js';

/** The scenario file argument. */
export const SCENARIO_ARGUMENT: PositionalSpec = { name: 'scenario', description: 'a scenario file (.yaml, .yml or .json)' };

/** The shared run options, by name. */
export type RunOptionName = 'sims' | 'seed' | 'threads' | 'set';

const RUN_OPTIONS: Record<RunOptionName, OptionSpec> = {
  sims: { type: 'integer', minimum: 1, valueName: 'N', description: 'Number of simulated elections (overrides simulations).' },
  seed: { type: 'integer', valueName: 'S', description: 'Seed of the random streams (overrides seed).' },
  threads: { type: 'integer', minimum: 1, valueName: 'T', description: 'Worker threads (default: the scenario\'s threads, else the machine\'s cores); more than the cores are capped, with a warning; results do not depend on it.' },
  set: { type: 'string', multiple: true, valueName: 'key=value', description: 'Override any scenario key (value read as YAML).' },
};

/**
 * The declarations of some of the shared options, in the order asked, each with its shared description
 * unless the command words it its own way.
 *
 * @example
 * Object.keys(runOptions(['sims', 'seed'])) // => ['sims', 'seed']
 */
export function runOptions(names: readonly RunOptionName[], descriptions: Partial<Record<RunOptionName, string>> = {}): Record<string, OptionSpec> {
  return Object.fromEntries(names.map((name) => [name, descriptions[name] ? { ...RUN_OPTIONS[name], description: descriptions[name] } : RUN_OPTIONS[name]]));
}

/** What the shared options change in a scenario: `--set` texts, then the numbers of `--sims`, `--seed`, `--threads`. */
export interface ScenarioSettings {
  /** `key=value` texts of `--set`, values read as YAML. */
  overrides: string[];
  /** Key path → number: `simulations`, `seed`, `threads` as given. */
  set: Record<string, number>;
}

/**
 * The scenario settings of parsed options; `setOption` names the option holding `key=value` texts
 * (compare's `--base`).
 *
 * @example
 * scenarioSettings({ sims: 1000, set: ['seed=3'] }) // => { overrides: ['seed=3'], set: { simulations: 1000 } }
 */
export function scenarioSettings(options: ParsedArguments['options'], setOption = 'set'): ScenarioSettings {
  const set: Record<string, number> = {};
  if (typeof options.sims === 'number') set.simulations = options.sims;
  if (typeof options.seed === 'number') set.seed = options.seed;
  if (typeof options.threads === 'number') set.threads = options.threads;
  return { overrides: [...((options[setOption] as string[] | undefined) ?? [])], set };
}

/**
 * The scenario file and the `--out` folder of a command's arguments; a wrong --out (a file, a folder of
 * other files, read-only) is said before the simulation runs.
 *
 * @throws {InputError} for an --out that cannot take the command's files
 */
export async function scenarioAndOut(args: ParsedArguments, cwd: string): Promise<{ file: string; out: string | undefined }> {
  const file = args.positionals.scenario as string;
  const out = args.options.out as string | undefined;
  if (out) await checkOutputFolder(resolve(cwd, out), out);
  return { file, out };
}
