/**
 * Marginal value of list growth: change in P(win) per 1,000 extra supporters in each territory (and per
 * unit of money when a recruitment cost is given), with common random numbers.
 */
import { sideSign } from '../model/sideSign.js';
import type { Side } from '../model/types.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { SimulationResult } from '../sim/types.js';
import { InputError } from '../errors.js';
import { listValue } from './listValue.js';
import { getOwn } from '../model/ownKeys.js';

/**
 * Runs a resolved scenario and returns its result with `draws.outcome` kept. The caller fixes the seed and
 * the number of simulations, so every call pairs its draws with the others (common random numbers), e.g.
 * `(s) => simulate(prepareModel(s), {simulations: 20000, seed: 1, keep: {outcome: true}})`.
 */
export type RunScenario = (scenario: ResolvedScenario) => SimulationResult;

/** Options of {@link listMarginalValue}. */
export interface ListMarginalValueOptions {
  /** Runs a scenario with a fixed seed, keeping outcomes. */
  run: RunScenario;
  /** Side whose list grows; default the first side ("ours"). */
  side?: Side;
  /** Extra supporters added per territory in each variant, people. Default 1,000. */
  step?: number;
  /** Territories to try; default every territory in the side's list allocation. */
  territories?: string[];
  /** Cost of recruiting one supporter, currency units; when given, value per unit of money is reported. */
  costPerSupporter?: number;
}

/** One territory's marginal value (the row shape the marginalValue chart reads). */
export interface ListMarginalValueRow {
  id: string;
  name: string;
  /** Change in P(win) per 1,000 supporters added (probability difference, 0.004 = 0.4 pp), with its standard error and 90 % interval. */
  delta: number;
  standardError: number;
  low: number;
  high: number;
  /** Change in P(win) per unit of money (per dollar or euro), when `costPerSupporter` is given. */
  perMoney?: number;
  /** Draws won by the variant and not the base, and the reverse. */
  gained: number;
  lost: number;
}

/** What {@link listMarginalValue} returns. */
export interface ListMarginalValue {
  side: Side;
  step: number;
  /** P(win) of the base run. */
  basePWin: number;
  /** Territories, highest value first. */
  rows: ListMarginalValueRow[];
}

/**
 * Adds `step` supporters to one territory at a time and measures the change in P(win) against the base
 * run, draw by draw (same seed: common random numbers).
 *
 * Differences are scaled to 1,000 supporters (× 1000 / step); the interval is the 90 % paired interval of
 * every list value, ±1.645 paired standard errors (±3/n by the rule of three when no draw changes; see
 * src/analysis/pairedWinDifference.ts). It is {@link listValue} by one run per territory.
 * Sources: common random numbers for comparing simulated systems (Law & Kelton, Simulation Modeling and
 * Analysis, variance reduction).
 *
 * @param base resolved scenario
 * @param options `run` (fixed seed, keeps outcomes), `side`, `step` (default 1000 people), `territories`, `costPerSupporter`
 * @throws {InputError} when a territory is not in the side's allocation or `step` is not positive
 * @example
 * // 2020 baseline, uncertainty {national: 2, regional: 1.5, territory: 2, tails: 5}, D list 2,000,000 with email and door (coverage 0.1), 20,000 draws, seed 1; run keeps outcomes with the same seed. With realistic channel effects 10,000 more members
 * // move no draw, and the interval is the rule-of-three bound ±3/n scaled to 1,000 supporters:
 * listMarginalValue(resolved, { run, step: 10000, territories: ['PA'] }).rows
 * // => [{id: 'PA', name: 'Pennsylvania', delta: 0, standardError: 0, low: -0.000015, high: 0.000015, gained: 0, lost: 0}]
 */
export function listMarginalValue(base: ResolvedScenario, options: ListMarginalValueOptions): ListMarginalValue {
  const side = options.side ?? base.sides[0];
  sideSign(base.sides, side);
  const step = options.step ?? 1000;
  if (!(step > 0)) throw new InputError({ at: 'step', expected: 'a positive number of supporters', found: String(step) });
  const campaign = base.campaigns[side];
  const territories = options.territories ?? Object.keys(campaign.allocation);
  for (const id of territories) {
    if (!(id in campaign.allocation)) {
      throw new InputError({ at: 'territories', expected: `territory ids of campaigns.${side}.allocation`, found: JSON.stringify(id) });
    }
  }
  const groups = territories.map((id) => ({ id, name: base.territories.find((t) => t.id === id)?.name ?? id, extra: Object.fromEntries([[id, step]]) }));
  // One variant run per territory beside the base run (src/analysis/listValue.ts), scaled to 1,000 supporters.
  const value = listValue(base, groups, side, { run: (scenario) => options.run(scenario), method: 'one-run-per-group' });
  const scale = 1000 / step;
  const rows = value.rows.map((d): ListMarginalValueRow => {
    const row: ListMarginalValueRow = { id: d.id, name: d.name, delta: d.deltaPWin * scale, standardError: d.standardError * scale, low: d.low * scale, high: d.high * scale, gained: d.gained, lost: d.lost };
    if (options.costPerSupporter !== undefined && options.costPerSupporter > 0) row.perMoney = d.deltaPWin / (step * options.costPerSupporter);
    return row;
  });
  return { side, step, basePWin: value.basePWin, rows };
}

/**
 * Copy of a resolved scenario with `extra` supporters added to one territory of one side's list.
 *
 * @param scenario resolved scenario (not modified)
 * @param side side whose list grows
 * @param territory territory id in that side's allocation
 * @param extra supporters added, people (may be negative down to removing the territory's members)
 * @example
 * withExtraSupporters(s, 'D', 'PA', 1000).campaigns.D.allocation.PA // => s.campaigns.D.allocation.PA + 1000
 */
export function withExtraSupporters(scenario: ResolvedScenario, side: Side, territory: string, extra: number): ResolvedScenario {
  const campaign = scenario.campaigns[side];
  const current = getOwn(campaign.allocation, territory) ?? 0;
  const added = Math.max(extra, -current);
  return {
    ...scenario,
    campaigns: {
      ...scenario.campaigns,
      [side]: {
        ...campaign,
        listSize: campaign.listSize + added,
        allocation: { ...campaign.allocation, [territory]: current + added },
      },
    },
  };
}
