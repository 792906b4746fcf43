/**
 * Tipping-point unit: order the winner's units by the winner's margin, strongest first, and add up
 * their weights; the unit that takes the winner past the threshold is the tipping point. Also its
 * frequency across simulated draws and the electoral-college bias.
 *
 * Source: the "tipping-point state" of Nate Silver / FiveThirtyEight (Tipping Point Index); Wikipedia
 * "Tipping-point state" and David Baron's table; EC bias = tipping-point margin − national margin.
 * Those published tables use margins over all votes cast, so that is the default basis here (2012:
 * Colorado); the two-party basis is an option (2012: Pennsylvania).
 */
import type { ElectionResults, Side } from '../model/types.js';
import type { SimulationResult } from '../sim/types.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { InputError } from '../errors.js';
import { keptDraws } from './keptDraws.js';
import { twoPartyMargin } from '../model/twoPartyMargin.js';

/** Which unit tips the race, as found by {@link tippingPointFromSortedMargins}. */
export interface SortedTippingPoint {
  /** Position in the sorted arrays of the tipping unit, or -1 if neither side reaches the threshold. */
  index: number;
  /** 1 if side A reaches the threshold, -1 if side B does, 0 if neither does. */
  winner: 1 | -1 | 0;
}

/**
 * Tipping point from margins already sorted from side A's best unit to its worst.
 *
 * If A reaches the threshold with the units it carries (margin > 0), walks from the top and returns the
 * unit where A's running weight first reaches the threshold; if B does (margin < 0), walks from the
 * bottom for B. Units with a margin of exactly 0 count for neither side.
 *
 * @param sortedMargins side A's margin per unit, sorted in descending order (pp or votes: only the sign and order matter)
 * @param weights weight of each unit, in the same order (electoral votes)
 * @param threshold weight needed to win (270)
 * @example
 * tippingPointFromSortedMargins([12, 3, 0.5, -1, -8], [10, 20, 5, 30, 6], 30) // => {index: 1, winner: 1}
 */
export function tippingPointFromSortedMargins(
  sortedMargins: ArrayLike<number>,
  weights: ArrayLike<number>,
  threshold: number,
): SortedTippingPoint {
  let weightA = 0;
  let weightB = 0;
  for (let i = 0; i < sortedMargins.length; i++) {
    if (sortedMargins[i] > 0) weightA += weights[i];
    else if (sortedMargins[i] < 0) weightB += weights[i];
  }
  if (weightA >= threshold) {
    let running = 0;
    for (let i = 0; i < sortedMargins.length; i++) {
      running += weights[i];
      if (running >= threshold) return { index: i, winner: 1 };
    }
  }
  if (weightB >= threshold) {
    let running = 0;
    for (let i = sortedMargins.length - 1; i >= 0; i--) {
      running += weights[i];
      if (running >= threshold) return { index: i, winner: -1 };
    }
  }
  return { index: -1, winner: 0 };
}

/** Margin basis: `all-votes` = 100 × (A − B) / all votes cast; `two-party` = 100 × (A − B) / (A + B). */
export type MarginBasis = 'all-votes' | 'two-party';

/** Tipping point of actual results. */
export interface TippingPoint {
  year: number;
  winner: Side;
  /** Basis of every margin below. */
  basis: MarginBasis;
  /** Tipping unit id (`FL`) and name. */
  id: string;
  name: string;
  /** Winner's margin in the tipping unit, pp, on the chosen basis. */
  marginPp: number;
  /** Winner's national margin (units without a parent), pp, same basis. */
  nationalMarginPp: number;
  /** Electoral-college bias toward the winner: tipping-point margin − national margin, pp. */
  biasPp: number;
  /** Winner's weight and the threshold it passed. */
  winnerWeight: number;
  threshold: number;
}

/** Options of {@link tippingPoint}. */
export interface TippingPointOptions {
  /**
   * Margin used to order units and to measure the bias. `all-votes` (default): 100 × (winner − loser) /
   * all votes cast, the basis of the published tipping-point tables. `two-party`: 100 × (winner − loser)
   * / (winner + loser), the basis of the simulation's margins. The two orders differ in close calls
   * (2012: Colorado on all votes, Pennsylvania on the two-party basis).
   */
  basis?: MarginBasis;
}

/**
 * Tipping-point unit of actual results and the electoral-college bias.
 *
 * Every unit with a weight counts, Maine and Nebraska districts as their own units beside the at-large
 * unit. Margins are pp on the chosen basis (all votes cast by default). Weights are the pledged
 * electoral votes of the unit winners (faithless electors are not counted).
 *
 * @param results actual results with weights
 * @param options `basis` of the margins (default `all-votes`)
 * @throws {InputError} when no side has an outright majority of the weight, or for an unknown basis
 * @example
 * tippingPoint(results2012).id // => 'CO'
 * tippingPoint(results2012, { basis: 'two-party' }).id // => 'PA'
 * tippingPoint(results2000)
 * // => {year: 2000, winner: 'R', basis: 'all-votes', id: 'FL', name: 'Florida', marginPp: 0.009, nationalMarginPp: -0.514, biasPp: 0.523, winnerWeight: 271, threshold: 270} (rounded here)
 */
export function tippingPoint(results: ElectionResults, options: TippingPointOptions = {}): TippingPoint {
  const [a, b] = results.sides;
  const basis = options.basis ?? 'all-votes';
  if (basis !== 'all-votes' && basis !== 'two-party') {
    throw new InputError({ at: 'basis', expected: '"all-votes" or "two-party"', found: JSON.stringify(basis) });
  }
  const allVotes = basis === 'all-votes';
  const marginOf = (va: number, vb: number, total: number) => (allVotes ? (total > 0 ? (100 * (va - vb)) / total : 0) : twoPartyMargin(va, vb));
  const units = results.units.filter((u) => u.weight > 0);
  const totalWeight = units.reduce((s, u) => s + u.weight, 0);
  const threshold = Math.floor(totalWeight / 2) + 1;
  const order = units
    .map((u) => ({ unit: u, margin: marginOf(u.votes[a] ?? 0, u.votes[b] ?? 0, u.total) }))
    .sort((x, y) => y.margin - x.margin);
  const found = tippingPointFromSortedMargins(
    order.map((o) => o.margin),
    order.map((o) => o.unit.weight),
    threshold,
  );
  if (found.winner === 0) {
    throw new InputError({ at: `results ${results.year}`, expected: 'a side with an outright majority of the weight', found: 'none' });
  }
  const sign = found.winner;
  const winner = sign === 1 ? a : b;
  const tip = order[found.index];
  const national = marginOf(results.popularVote[a] ?? 0, results.popularVote[b] ?? 0, results.popularVote.total ?? 0) * sign;
  const winnerWeight = units.reduce((s, u) => s + (sign * ((u.votes[a] ?? 0) - (u.votes[b] ?? 0)) > 0 ? u.weight : 0), 0);
  return {
    year: results.year,
    winner,
    basis,
    id: tip.unit.id,
    name: tip.unit.name,
    marginPp: tip.margin * sign,
    nationalMarginPp: national,
    biasPp: tip.margin * sign - national,
    winnerWeight,
    threshold,
  };
}

/** One row of the tipping-point frequency table. */
export interface TippingFrequency {
  id: string;
  name: string;
  /** Draws in which the unit was the tipping point. */
  count: number;
  /** count / simulations (draws with no outright winner are tipped by no unit). */
  frequency: number;
}

/**
 * Frequency of each unit as the tipping point across simulated draws, most frequent first.
 *
 * Reads `result.tippingCounts` (filled by the engine with {@link tippingPointFromSortedMargins} per draw);
 * units never tipping are left out.
 *
 * @param result a simulation result
 * @example
 * // 2020 baseline, uncertainty {national: 2, regional: 1.5, territory: 2, tails: 5}, D list 2,000,000 with email and door (coverage 0.1), 20,000 draws, seed 1:
 * tippingFrequencies(result).slice(0, 2)
 * // => [{id: 'PA', name: 'Pennsylvania', count: 4353, frequency: 0.21765}, {id: 'GA', name: 'Georgia', count: 3182, frequency: 0.1591}]
 */
export function tippingFrequencies(result: SimulationResult): TippingFrequency[] {
  const rows: TippingFrequency[] = [];
  for (let i = 0; i < result.unitIds.length; i++) {
    const count = result.tippingCounts[i];
    if (count > 0) rows.push({ id: result.unitIds[i], name: result.unitNames[i], count, frequency: count / result.simulations });
  }
  return rows.sort((x, y) => y.count - x.count || (x.id < y.id ? -1 : 1));
}

/**
 * Two-party share of all votes cast, (A + B) / all votes, per unit (in the result's unit order) and
 * nationally: what turns a simulated two-party margin into a margin over all votes.
 */
export interface AllVotesShares {
  units: Float64Array;
  national: number;
}

/**
 * The baseline two-party share of all votes cast per unit and nationally (units with a parent left out of
 * the national sum), in the order of `unitIds`, from a resolved scenario. A margin over all votes is the
 * two-party margin times this share, holding the other candidates' votes at their baseline.
 *
 * @param resolved the resolved scenario of the run
 * @param unitIds the run's unit order (`result.unitIds`)
 * @throws {InputError} when a unit id is not a territory of the scenario
 * @example
 * allVotesShares(resolved2016, result.unitIds).national // => 0.9419 (2016: 128,838,643 of 136,787,187 votes)
 */
export function allVotesShares(resolved: ResolvedScenario, unitIds: readonly string[]): AllVotesShares {
  const [a, b] = resolved.sides;
  const byId = new Map(resolved.territories.map((t) => [t.id, t]));
  let twoParty = 0;
  let all = 0;
  const units = Float64Array.from(unitIds, (id) => {
    const t = byId.get(id);
    if (!t) throw new InputError({ at: `unit ${id}`, expected: 'a territory of the resolved scenario', found: 'none' });
    const ab = (t.votes[a] ?? 0) + (t.votes[b] ?? 0);
    if (t.parent === undefined) {
      twoParty += ab;
      all += ab + t.other;
    }
    return ab + t.other > 0 ? ab / (ab + t.other) : 1;
  });
  return { units, national: all > 0 ? twoParty / all : 1 };
}

/** Options of {@link simulatedBias}. */
export interface SimulatedBiasOptions {
  /**
   * Two-party shares of all votes ({@link allVotesShares}): with them the bias is on the all-votes basis,
   * the published convention; without them on the simulation's own two-party basis.
   */
  allVotesShares?: AllVotesShares;
}

/** Electoral-college bias across simulated draws. */
export interface SimulatedBias {
  /** Basis of the margins: `all-votes` when shares were given, else the simulation's own `two-party`. */
  basis: MarginBasis;
  /** Draws with an outright winner (the others have no tipping point). */
  draws: number;
  /** Mean of (tipping-point margin − national margin), side A's view, pp: > 0 means the weights favour A. */
  meanPp: number;
  /** 5th, 50th, 95th percentiles of the same, pp. */
  p05: number;
  p50: number;
  p95: number;
}

/**
 * Electoral-college bias in every simulated draw: side A's margin in the draw's tipping-point unit minus
 * A's national margin, pp, summarised over draws with an outright winner.
 *
 * Per draw the units are sorted by A's margin and {@link tippingPointFromSortedMargins} finds the tipping
 * unit. Needs the run to keep `margins` and `nationalMargin`. The engine simulates two-party margins; given
 * `allVotesShares`, each unit's margin and the national margin are first multiplied by their two-party share
 * of all votes (the other candidates' votes held at baseline), so the bias is on the all-votes basis of
 * the published tables, as {@link tippingPoint}'s default. The result names its basis.
 *
 * @param result a simulation result with kept margins and national margins
 * @param options `allVotesShares` for the all-votes basis (default: two-party)
 * @throws {InputError} when those draws were not kept, or the shares do not match the result's units
 * @example
 * // 2 draws, units X, Y, Z of weight 1; A's margins [5, 1, -2] (national 0.5) and [3, -4, -1] (national -1)
 * // draw 1: A wins X, Y; tipping Y (+1) − national 0.5 = 0.5. Draw 2: B wins Y, Z; tipping Z (−1) − (−1) = 0.
 * simulatedBias(result) // => {basis: 'two-party', draws: 2, meanPp: 0.25, p05: 0, p50: 0.5, p95: 0.5}
 */
export function simulatedBias(result: SimulationResult, options: SimulatedBiasOptions = {}): SimulatedBias {
  const { margins, nationalMargin: national } = keptDraws(result, ['margins', 'nationalMargin']);
  const units = result.unitIds.length;
  const shares = options.allVotesShares;
  if (shares && shares.units.length !== units) {
    throw new InputError({ at: 'allVotesShares.units', expected: `${units} shares, one per unit of the result`, found: String(shares.units.length) });
  }
  const order = Array.from({ length: units }, (_, i) => i);
  const row = new Float64Array(units);
  const sorted = new Float64Array(units);
  const weights = new Float64Array(units);
  const bias: number[] = [];
  for (let d = 0; d < national.length; d++) {
    for (let i = 0; i < units; i++) row[i] = margins[d * units + i] * (shares ? shares.units[i] : 1);
    order.sort((x, y) => row[y] - row[x]);
    for (let k = 0; k < units; k++) {
      sorted[k] = row[order[k]];
      weights[k] = result.weights[order[k]];
    }
    const tip = tippingPointFromSortedMargins(sorted, weights, result.threshold);
    if (tip.winner !== 0) bias.push(sorted[tip.index] - national[d] * (shares ? shares.national : 1));
  }
  bias.sort((x, y) => x - y);
  const at = (p: number) => (bias.length === 0 ? NaN : bias[Math.min(bias.length - 1, Math.floor(p * bias.length))]);
  return {
    basis: shares ? 'all-votes' : 'two-party',
    draws: bias.length,
    meanPp: bias.length === 0 ? NaN : bias.reduce((s, x) => s + x, 0) / bias.length,
    p05: at(0.05),
    p50: at(0.5),
    p95: at(0.95),
  };
}
