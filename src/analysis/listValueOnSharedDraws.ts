/**
 * Marginal value of list growth for every territory (or region) from two runs on shared draws instead of
 * one run per territory.
 *
 * Why it is exact: a side's campaign moves a territory's margin through that territory's own list members
 * only (campaignCoefficients is per territory; a district unit takes its parent's shift), and with the same
 * seed every draw consumes the same random numbers whatever the campaigns (common random numbers, see
 * simulate). So the run in which *every* group gets its extra supporters at once ("boosted") holds, draw by
 * draw, the margins each group's own variant would have in that group's units, while all other units keep
 * the base run's margins. Replacing one group's margins in the base draw and re-applying the decision rule
 * gives that group's variant outcome: two runs and one pass over the kept margins replace one full run per
 * group. Weighted rules (electoral college, seats) only: a national-vote rule also depends on the
 * post-campaign two-party votes, which a run does not keep, so those take one run per group
 * ({@link pairedGroupDifference} on their outcomes).
 */
import { sideSign } from '../model/sideSign.js';
import type { Side } from '../model/types.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { SimulationResult } from '../sim/types.js';
import { InputError } from '../errors.js';
import { addOwn, getOwn, setOwn } from '../model/ownKeys.js';
import { Z90, pairedInterval, type PairedGroupDifference } from './pairedWinDifference.js';


/** Territories that receive extra supporters together, and how many each gets. */
export interface SupporterGroup {
  /** Territory id (`--by territory`) or region name (`--by region`). */
  id: string;
  /** Display name. */
  name: string;
  /** Extra supporters per top-level territory id of the side's allocation, people. */
  extra: Record<string, number>;
}

/** One group's paired change against the base run. */
export interface GroupDifference extends PairedGroupDifference {
  id: string;
  name: string;
  /** Extra supporters added in the group, people. */
  added: number;
}

/**
 * The groups of `--by territory` or `--by region`: every top-level territory of the side's allocation gets
 * `add` supporters; a region gets `add` supporters spread over its territories in proportion to the side's
 * current allocation (equally when the region's allocation is empty). No territory gets more than the room
 * its eligible voters leave above the side's list (a group's `added` says how many it got).
 *
 * @param scenario resolved scenario
 * @param side side whose list grows
 * @param add extra supporters per group, people (> 0)
 * @param by `territory` or `region`
 * @param regionOf the region of a territory id for `by: 'region'` (French races: the regions since 2016,
 *   data/fr_departements.csv `region_2016`); a territory it does not name keeps its own `region`
 * @throws {InputError} when `add` is not a positive number or the side is not in the race
 * @example
 * supporterGroups(resolved2020, 'D', 100000, 'territory')[0] // => {id: 'AK', name: 'Alaska', extra: {AK: 100000}}
 */
export function supporterGroups(scenario: ResolvedScenario, side: Side, add: number, by: 'territory' | 'region', regionOf?: ReadonlyMap<string, string>): SupporterGroup[] {
  if (!(add > 0) || !Number.isFinite(add)) throw new InputError({ at: 'add', expected: 'a positive number of supporters', found: String(add) });
  const campaign = scenario.campaigns[side];
  if (!campaign) throw new InputError({ at: 'side', expected: `one of ${scenario.sides.join(', ')}`, found: JSON.stringify(side) });
  const ids = Object.keys(campaign.allocation);
  const names = new Map(scenario.territories.map((t) => [t.id, t]));
  // A list holds at most a territory's eligible voters: the extra supporters stop at the room left.
  const room = (id: string, extra: number) => {
    const eligible = names.get(id)?.eligible ?? 0;
    return eligible > 0 ? Math.max(0, Math.min(extra, eligible - (getOwn(campaign.allocation, id) ?? 0))) : extra;
  };
  if (by === 'territory') return ids.map((id) => ({ id, name: names.get(id)?.name ?? id, extra: Object.fromEntries([[id, room(id, add)]]) }));
  const regions = new Map<string, string[]>();
  for (const id of ids) {
    const region = regionOf?.get(id) ?? names.get(id)?.region ?? '(none)';
    regions.set(region, [...(regions.get(region) ?? []), id]);
  }
  return [...regions.entries()].map(([region, members]) => {
    const total = members.reduce((s, id) => s + (getOwn(campaign.allocation, id) ?? 0), 0);
    const extra: Record<string, number> = {};
    for (const id of members) setOwn(extra, id, room(id, total > 0 ? (add * (getOwn(campaign.allocation, id) ?? 0)) / total : add / members.length));
    return { id: region, name: region, extra };
  });
}

/**
 * Copy of a resolved scenario with every group's extra supporters added to the side's list at once.
 *
 * @param scenario resolved scenario (not modified)
 * @param side side whose list grows
 * @param groups groups whose `extra` are added
 * @example
 * withAllGroupsAdded(s, 'D', [{id: 'PA', name: 'Pennsylvania', extra: {PA: 1000}}]).campaigns.D.allocation.PA // => s.campaigns.D.allocation.PA + 1000
 */
export function withAllGroupsAdded(scenario: ResolvedScenario, side: Side, groups: readonly SupporterGroup[]): ResolvedScenario {
  const campaign = scenario.campaigns[side];
  const allocation = { ...campaign.allocation };
  let listSize = campaign.listSize;
  for (const group of groups) {
    for (const [id, n] of Object.entries(group.extra)) {
      addOwn(allocation, id, n);
      listSize += n;
    }
  }
  return { ...scenario, campaigns: { ...scenario.campaigns, [side]: { ...campaign, listSize, allocation } } };
}

/**
 * Every group's paired change in P(win) and expected weight from a base run and a boosted run (all groups'
 * supporters added at once), both with kept per-draw margins and the same seed and size. See the module
 * comment for why this equals one variant run per group.
 *
 * The decision rule is the kernel's weighted rule: a side wins a unit with a positive margin (A) or a
 * negative one (B), a draw is won with at least `threshold` weight, and neither side reaching it is a tie.
 * Intervals: 90 %, ± z90 paired standard errors; ±3/n when no draw changes (rule of three: with no change in
 * n draws the one-sided 95 % bound on the share of changed draws is about 3/n, the end of a two-sided 90 %
 * interval; Hanley & Lippman-Hand 1983, JAMA 249(13)). Common random numbers: Law & Kelton, Simulation
 * Modeling and Analysis, variance reduction.
 *
 * @param scenario the resolved base scenario (its territories give each unit's parent)
 * @param base base run, `keep: {margins: true}`
 * @param boosted run of {@link withAllGroupsAdded}, same seed and simulations, `keep: {margins: true}`
 * @param groups the groups, as given to withAllGroupsAdded
 * @param side side whose list grows
 * @returns one row per group, highest deltaPWin first (ties by id)
 * @throws {InputError} for a national-vote rule, runs without kept margins, or runs of different seed or size
 * @example
 * // scenarios/default.yaml (2024, D list 6 M, R list 15 M), 20,000 draws, seed 2024, 100,000 more D supporters per state:
 * groupDifferencesOnSharedDraws(resolved, base, boosted, supporterGroups(resolved, 'D', 100000, 'territory'), 'D')[0]
 * // => {id: 'PA', name: 'Pennsylvania', added: 100000, deltaPWin: 0.00045, standardError: 0.00015, low: 0.000203, high: 0.000697,
 * //     deltaWeight: 0.0209, deltaWeightLow: 0.0136, deltaWeightHigh: 0.0282, gained: 9, lost: 0}
 */
export function groupDifferencesOnSharedDraws(
  scenario: ResolvedScenario,
  base: SimulationResult,
  boosted: SimulationResult,
  groups: readonly SupporterGroup[],
  side: Side,
): GroupDifference[] {
  const mBase = base.draws?.margins;
  const mBoost = boosted.draws?.margins;
  if (!mBase || !mBoost) throw new InputError({ at: 'result.draws.margins', expected: 'kept margins (keep: {margins: true})', found: 'none' });
  if (base.seed !== boosted.seed || base.simulations !== boosted.simulations || base.unitIds.join() !== boosted.unitIds.join()) {
    throw new InputError({ at: 'boosted run', expected: `the base run's seed ${base.seed}, ${base.simulations} draws and units`, found: `seed ${boosted.seed}, ${boosted.simulations} draws` });
  }
  const accumulator = sharedDrawAccumulator(scenario, base, groups, side);
  accumulator.add(mBase, mBoost, base.simulations);
  return accumulator.rows();
}

/** What {@link sharedDrawAccumulator} returns: feed it slices of draws, then read the rows. */
export interface SharedDrawAccumulator {
  /** Adds `draws` paired draws: kept margins of the base and the boosted run, index `draw × units + unit`. */
  add(baseMargins: Float32Array, boostedMargins: Float32Array, draws: number): void;
  /** Draws added so far, and those the side won in the base run. */
  readonly draws: number;
  readonly baseWins: number;
  /** One row per group, highest deltaPWin first (ties by id), over the draws added so far. */
  rows(): GroupDifference[];
}

/**
 * The streaming form of {@link groupDifferencesOnSharedDraws}: the same sums, fed slice by slice of draws,
 * so a run of millions of simulations never holds all its margins at once.
 *
 * @param scenario the resolved base scenario (its territories give each unit's parent)
 * @param layout a run of the scenario (or its model): `rule`, `sides`, `unitIds`, `weights`, `threshold`
 * @param groups the groups, as given to withAllGroupsAdded
 * @param side side whose list grows
 * @throws {InputError} for a national-vote rule or a side not in the race
 * @example
 * const acc = sharedDrawAccumulator(resolved, baseRun, groups, 'D');
 * acc.add(baseSlice, boostedSlice, 4096); acc.rows()[0].id // => 'PA'
 */
export function sharedDrawAccumulator(
  scenario: ResolvedScenario,
  layout: Pick<SimulationResult, 'rule' | 'sides' | 'unitIds' | 'weights' | 'threshold'>,
  groups: readonly SupporterGroup[],
  side: Side,
): SharedDrawAccumulator {
  const base = layout;
  if (base.rule === 'popular-vote' || base.rule === 'two-round') {
    throw new InputError({ at: 'rule', expected: 'a weighted rule (electoral-college or seats) for shared-draw values', found: JSON.stringify(base.rule) });
  }
  const sign = sideSign(base.sides, side);
  const U = base.unitIds.length;
  const weights = base.weights;
  const threshold = base.threshold;
  const groupUnits = groupUnitIndexes(scenario, base.unitIds, groups);
  const G = groups.length;
  const gained = new Float64Array(G);
  const lost = new Float64Array(G);
  const wSum = new Float64Array(G);
  const wSumSq = new Float64Array(G);
  let n = 0;
  let baseWins = 0;
  const add = (mBase: Float32Array, mBoost: Float32Array, draws: number) => {
    if (mBase.length < draws * U || mBoost.length < draws * U) {
      throw new InputError({ at: 'margins', expected: `${draws} draws of ${U} units`, found: `${Math.min(mBase.length, mBoost.length)} values` });
    }
    for (let d = 0; d < draws; d++) {
      const row = d * U;
      let wA = 0;
      let wB = 0;
      for (let i = 0; i < U; i++) {
        const m = mBase[row + i];
        if (m > 0) wA += weights[i];
        else if (m < 0) wB += weights[i];
      }
      const baseOutcome = wA >= threshold ? 1 : wB >= threshold ? -1 : 0;
      const baseWin = baseOutcome === sign ? 1 : 0;
      baseWins += baseWin;
      for (let g = 0; g < G; g++) {
        const units = groupUnits[g];
        let a = wA;
        let b = wB;
        for (let k = 0; k < units.length; k++) {
          const i = units[k];
          const before = mBase[row + i];
          const after = mBoost[row + i];
          if (before > 0) a -= weights[i];
          else if (before < 0) b -= weights[i];
          if (after > 0) a += weights[i];
          else if (after < 0) b += weights[i];
        }
        const outcome = a >= threshold ? 1 : b >= threshold ? -1 : 0;
        const x = (outcome === sign ? 1 : 0) - baseWin;
        if (x > 0) gained[g]++;
        else if (x < 0) lost[g]++;
        const w = sign === 1 ? a - wA : b - wB;
        wSum[g] += w;
        wSumSq[g] += w * w;
      }
    }
    n += draws;
  };
  const rows = (): GroupDifference[] => groupRows(groups, { gained, lost, wSum, wSumSq }, n);
  return {
    add,
    get draws() {
      return n;
    },
    get baseWins() {
      return baseWins;
    },
    rows,
  };
}

/** Unit indexes of each group: its territories and their district units (which take their parent's shift). */
function groupUnitIndexes(scenario: ResolvedScenario, unitIds: readonly string[], groups: readonly SupporterGroup[]): Int32Array[] {
  const index = new Map(unitIds.map((id, i) => [id, i]));
  const children = new Map<string, number[]>();
  for (const t of scenario.territories) {
    if (t.parent !== undefined) children.set(t.parent, [...(children.get(t.parent) ?? []), index.get(t.id)!]);
  }
  return groups.map((g) => {
    const units: number[] = [];
    for (const id of Object.keys(g.extra)) {
      const i = index.get(id);
      if (i === undefined) throw new InputError({ at: `groups.${g.id}`, expected: 'territory ids of the race', found: JSON.stringify(id) });
      units.push(i, ...(children.get(id) ?? []));
    }
    return Int32Array.from(units);
  });
}

/**
 * One row per group from its paired sums (draws gained and lost, Σ and Σ² of the weight change) over `n`
 * draws, with 90 % intervals; highest deltaPWin first, ties by id.
 */
function groupRows(groups: readonly SupporterGroup[], sums: { gained: Float64Array; lost: Float64Array; wSum: Float64Array; wSumSq: Float64Array }, n: number): GroupDifference[] {
  const { gained, lost, wSum, wSumSq } = sums;
  const out = groups.map((group, g): GroupDifference => {
    const p = pairedInterval(gained[g] - lost[g], gained[g] + lost[g], n, Z90, 3 / n);
    const w = pairedInterval(wSum[g], wSumSq[g], n, Z90, 0);
    return {
      id: group.id,
      name: group.name,
      added: Math.round(Object.values(group.extra).reduce((s, x) => s + x, 0) * 1e6) / 1e6,
      deltaPWin: p.mean,
      standardError: p.standardError,
      low: p.low,
      high: p.high,
      deltaWeight: w.mean,
      deltaWeightLow: w.low,
      deltaWeightHigh: w.high,
      gained: gained[g],
      lost: lost[g],
    };
  });
  return out.sort((x, y) => y.deltaPWin - x.deltaPWin || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
}
