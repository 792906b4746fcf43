/**
 * The per-draw arrays an analysis needs from a run, or a clear error naming the `keep` option that gives
 * them. Browser-safe.
 */
import type { KeptDraws, SimulationResult } from '../sim/types.js';
import { InputError } from '../errors.js';

/**
 * The kept arrays `names` of a run.
 *
 * @param result a run that kept draws (simulate with `keep`)
 * @param names the arrays needed, in the order the message names them
 * @throws {InputError} at `result.draws` when one of them was not kept, naming the `keep` option to set
 * @example
 * keptDraws(result, ['margins', 'outcome']).outcome.length // => result.simulations
 */
export function keptDraws<K extends keyof KeptDraws>(result: Pick<SimulationResult, 'draws'>, names: readonly K[]): Required<Pick<KeptDraws, K>> {
  const draws = result.draws;
  if (!draws || names.some((name) => !draws[name])) {
    throw new InputError({ at: 'result.draws', expected: `kept ${names.join(' and ')} (keep: {${names.map((name) => `${name}: true`).join(', ')}})`, found: 'no kept draws' });
  }
  return draws as Required<Pick<KeptDraws, K>>;
}
