/**
 * The assumptions interval of a list value (and what drives it): listValue computed again at K joint
 * draws of the assumptions (src/analysis/assumptions.ts), each with the same seed and simulations, so the
 * spread of a territory's ΔP(win) over the draws is the spread the assumptions make, beside the Monte
 * Carlo interval of the headline run. With `explain`, a tornado: the answer with each assumption at its
 * 5th and 95th percentiles, every other at its median, turned into shares of the spread.
 */
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { Side } from '../model/types.js';
import type { SupporterGroup } from './listValueOnSharedDraws.js';
import { listValueAsync, type AsyncListValueRunner, type ListValueMethod } from './listValue.js';
import { assumptionPoints, assumptionShares, assumptionsInterval, assumptionsOf, withAssumptions, type Assumption, type AssumptionPriors, type AssumptionShare } from './assumptions.js';

/** Simulations per assumption draw: at most this many (the scenario's when fewer). */
export const ASSUMPTION_SIMULATIONS = 10_000;

/** A group's ΔP(win) over the assumption draws. */
export interface GroupAssumptions {
  /** 5th and 95th percentiles of ΔP(win) over the draws, share 0–1. */
  low: number;
  high: number;
  /** Mean of ΔP(win) over the draws. */
  mean: number;
}

/** The assumptions part of a list value. */
export interface ListValueAssumptions {
  /** Joint draws K. */
  draws: number;
  /** Simulations of each draw's runs (same seed as the scenario). */
  simulations: number;
  assumptions: Assumption[];
  /** Per group id (the groups asked for). */
  groups: Map<string, GroupAssumptions>;
  /** With `explain`: the group explained and every assumption's share of the spread of its ΔP(win), largest first. */
  explain?: { id: string; shares: AssumptionShare[] };
}

/**
 * The assumptions interval of each group's ΔP(win), and optionally what drives the spread of one group's.
 *
 * @param resolved resolved scenario
 * @param groups groups to value (all of them under shared draws; a few under one run per group)
 * @param side side whose list grows
 * @param options `run` (runs a scenario with the caller's seed and `simulations`), `draws` K (>= 2),
 *   `priors`, `method`, `explain` (a group id), `onRun` (runs done, runs in all)
 * @returns intervals per group (absent when the scenario has no assumption that varies: then every draw
 *   is the same answer)
 * @example
 * // scenarios/default.yaml, D +1,000,000 per state, 40 draws of 10,000 simulations (seed 2024):
 * (await listValueAssumptions(resolved, groups, 'D', { run, draws: 40, priors, simulations: 10000 })).groups.get('PA') // => { low: 0.0001, high: 0.002145, mean: 0.00099 }
 */
export async function listValueAssumptions(
  resolved: ResolvedScenario,
  groups: readonly SupporterGroup[],
  side: Side,
  options: { run: AsyncListValueRunner; draws: number; priors: AssumptionPriors; simulations: number; method?: ListValueMethod; explain?: string; onRun?: (done: number, total: number) => void },
): Promise<ListValueAssumptions> {
  const assumptions = assumptionsOf(resolved);
  const { scores, all } = assumptionPoints(options.draws, assumptions.length, resolved.seed, options.explain !== undefined);
  const values = new Map<string, number[]>(groups.map((g) => [g.id, []]));
  const total = all.length;
  let done = 0;
  const tornadoValues: number[] = [];
  for (let k = 0; k < all.length; k++) {
    const scenario = withAssumptions(resolved, assumptions, all[k]!, options.priors);
    const value = await listValueAsync(scenario, groups, side, { run: options.run, ...(options.method ? { method: options.method } : {}) });
    options.onRun?.(++done, total);
    for (const row of value.rows) {
      if (k < scores.length) values.get(row.id)?.push(row.deltaPWin);
      else if (row.id === options.explain) tornadoValues.push(row.deltaPWin);
    }
  }
  const out: ListValueAssumptions = { draws: options.draws, simulations: options.simulations, assumptions, groups: new Map() };
  for (const [id, v] of values) if (v.length > 0) out.groups.set(id, assumptionsInterval(v));
  if (options.explain !== undefined) {
    const swings = assumptions.map((_, j) => [tornadoValues[2 * j] ?? 0, tornadoValues[2 * j + 1] ?? 0] as const);
    out.explain = { id: options.explain, shares: assumptionShares(assumptions, swings) };
  }
  return out;
}
