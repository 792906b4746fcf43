/**
 * A scenario that runs on the K-candidate engine (issue 20): when it is one, and the simulation options it
 * gives (src/race/simulateMultiCandidate.ts). Browser-safe: no file access; the race is read by the Node
 * loader (src/node/loadScenario.ts) and carried on the scenario's `race` as {@link withMultiCandidateRace} puts it.
 *
 * A scenario is multi-candidate when it names a bundled race (`race.bundled`), a rule only that engine runs
 * (`plurality`, `two-round-legislative`), the `log-ratio` error scale, or a `table` race file with three or
 * more candidate columns (every column kept: the lead's decision 1 for issue 20). Everything else (K = 2 on the
 * `margin` scale) stays on the two-candidate engine, numbers unchanged.
 */
import { InputError, describeValue } from '../errors.js';
import type { Citation } from '../model/types.js';
import type { MultiCandidateRace } from '../race/multiCandidateRace.js';
import type { MultiCandidateOptions, MultiCandidateRule } from '../race/simulateMultiCandidate.js';
import type { TransferPrior } from '../race/transferPrior.js';
import type { Scenario } from './types.js';
import type { UncertaintyDefaults } from '../data/parameters.js';

/** Where the race and transfers of a multi-candidate scenario are carried (not a key of the file: JSON and the schema never see it). */
const LOADED_MULTI = Symbol('campaign-lab.multiCandidateRace');

/** A multi-candidate race read by the loader, with its transfer prior (two-round rules). */
export interface LoadedMultiCandidateRace {
  race: MultiCandidateRace;
  /** Transfers between the rounds: the published surveys for France 2022, else the documented defaults. */
  transfers?: TransferPrior;
  /** What the loader read and how, in words (shown by `run`). */
  notes: string[];
}

/**
 * Why a scenario is multi-candidate by its keys alone, as the key and the value that say so; undefined for a
 * scenario whose keys leave it two-candidate (a `table` file may still hold 3+ candidates: the loader decides).
 *
 * @example
 * multiCandidateReason({ rule: 'plurality' } as Scenario) // => { at: 'rule', found: '"plurality"' }
 */
export function multiCandidateReason(scenario: Scenario): { at: string; found: string } | undefined {
  if (scenario.race?.bundled !== undefined) return { at: 'race.bundled', found: describeValue(scenario.race.bundled) };
  const loaded = loadedMultiCandidateRace(scenario);
  if (loaded) return { at: 'race.file', found: `a table of ${loaded.race.partyCount} candidates` };
  if (scenario.rule === 'plurality' || scenario.rule === 'two-round-legislative') return { at: 'rule', found: describeValue(scenario.rule) };
  if (scenario.uncertainty?.scale === 'log-ratio') return { at: 'uncertainty.scale', found: '"log-ratio"' };
  return undefined;
}

/**
 * The scenario with its multi-candidate race attached (the loader's output).
 *
 * @example
 * loadedMultiCandidateRace(withMultiCandidateRace(scenario, { race, notes: [] }))?.race === race // => true
 */
export function withMultiCandidateRace(scenario: Scenario, loaded: LoadedMultiCandidateRace): Scenario {
  if (!scenario.race) throw new InputError({ at: 'race', expected: 'a scenario with race', found: 'none' });
  return { ...scenario, race: Object.assign({ ...scenario.race }, { [LOADED_MULTI]: loaded }) };
}

/**
 * The multi-candidate race the loader attached, if any.
 *
 * @example
 * loadedMultiCandidateRace(await loadScenario('scenarios/canada-2011.yaml'))?.race.partyCount // => 5
 */
export function loadedMultiCandidateRace(scenario: Scenario): LoadedMultiCandidateRace | undefined {
  return (scenario.race as (Scenario['race'] & { [LOADED_MULTI]?: LoadedMultiCandidateRace }) | undefined)?.[LOADED_MULTI];
}

/** The engine's rule for a scenario's rule: `seats` is the old name of `plurality` (FPTP seats). */
export function multiCandidateRule(rule: Scenario['rule']): MultiCandidateRule {
  return rule === 'seats' ? 'plurality' : rule;
}


/**
 * The simulation options of a multi-candidate scenario: rule, SDs (the scenario's, else the cited defaults),
 * seats to win, transfers. A scenario with `baseline` or `firstRound` is refused, never run without them. Our
 * candidate's `campaigns` are resolved apart (scenario/multiCandidateCampaignScenario.ts) and given to the
 * engine as `campaign` by the runner (node/runMultiCandidateScenario.ts).
 *
 * @param scenario The validated scenario.
 * @param loaded The race and transfer prior the loader read.
 * @param defaults the error defaults: data/parameters.json `uncertainty`, or the scenario's `horizon` (horizonUncertainty)
 * @param file The scenario file, for messages.
 * @returns Options for simulateMultiCandidate and the citations of the defaults used.
 * @throws {InputError} `uncertainty.scale: margin` (the two-candidate scale), `uncertainty.correlation: historical`,
 *   `baseline`, `firstRound`, `threshold` (use `seatsToWin`).
 * @example
 * multiCandidateOptions(canadaScenario, loaded, parameters.uncertainty).options.uncertainty // => { national: 7, regional: 1.5, unit: 2, tails: 5 }
 */
export function multiCandidateOptions(
  scenario: Scenario,
  loaded: LoadedMultiCandidateRace,
  defaults: UncertaintyDefaults,
  file?: string,
): { options: MultiCandidateOptions; citations: Record<string, Citation> } {
  const fail = (at: string, expected: string, found: unknown): never => {
    throw new InputError({ file, at, expected, found: typeof found === 'string' ? found : describeValue(found) });
  };
  const u = scenario.uncertainty ?? {};
  if (u.scale === 'margin') fail('uncertainty.scale', '"log-ratio" for a race of three or more candidates ("margin" is the two-candidate scale)', '"margin"');
  if (u.correlation === 'historical') fail('uncertainty.correlation', '"independent" for a multi-candidate race', '"historical"');
  for (const key of ['baseline', 'firstRound', 'threshold'] as const) {
    if (scenario[key] !== undefined) {
      const why = key === 'threshold' ? 'absent (give seatsToWin)' : 'absent for a multi-candidate race (a replay of the race file)';
      fail(key, why, key);
    }
  }
  const rule = multiCandidateRule(scenario.rule);
  if (scenario.seatsToWin !== undefined && rule !== 'plurality' && rule !== 'two-round-legislative') fail('seatsToWin', 'absent unless rule is "plurality", "seats" or "two-round-legislative"', scenario.seatsToWin);
  const citations: Record<string, Citation> = {};
  const sd = (key: 'national' | 'regional' | 'territory' | 'tails'): number => {
    if (u[key] !== undefined) return u[key];
    citations[`uncertainty.${key}`] = defaults.citation;
    return defaults[key];
  };
  const options: MultiCandidateOptions = {
    simulations: scenario.simulations,
    seed: scenario.seed,
    rule,
    uncertainty: { national: sd('national'), regional: sd('regional'), unit: sd('territory'), tails: sd('tails') },
    ...(scenario.seatsToWin !== undefined ? { seatsToWin: scenario.seatsToWin } : {}),
    ...(loaded.transfers && (rule === 'two-round' || rule === 'two-round-legislative') ? { transfers: loaded.transfers } : {}),
  };
  return { options, citations };
}
