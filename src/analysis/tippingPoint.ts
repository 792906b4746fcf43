/**
 * Tipping-point unit: order the winner's units by the winner's margin, strongest first, and add up
 * their weights; the unit that takes the winner past the threshold is the tipping point. Also its
 * frequency across simulated draws and the electoral-college bias.
 *
 * Source: the "tipping-point state" of Nate Silver / FiveThirtyEight (Tipping Point Index); Wikipedia
 * "Tipping-point state" and David Baron's table; EC bias = tipping-point margin − national margin.
 */
import type { ElectionResults, Side } from '../model/types.js';
import type { SimulationResult } from '../sim/types.js';
import { InputError } from '../errors.js';
import { twoPartyMarginPp } from './twoPartyMarginPp.js';

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

/** Tipping point of actual results. */
export interface TippingPoint {
  year: number;
  winner: Side;
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
   * Margin used to order units. `two-party` (default): 100 × (winner − loser) / (winner + loser).
   * `all-votes`: 100 × (winner − loser) / all votes cast, the basis of most published tipping-point tables;
   * the two orders differ in close calls (2012: Pennsylvania on the two-party basis, Colorado on all votes).
   */
  basis?: 'two-party' | 'all-votes';
}

/**
 * Tipping-point unit of actual results and the electoral-college bias.
 *
 * Every unit with a weight counts, Maine and Nebraska districts as their own units beside the at-large
 * unit. Margins are pp on the chosen basis (two-party by default).
 *
 * @param results actual results with weights
 * @param options `basis` of the margins (default `two-party`)
 * @throws {InputError} when no side has an outright majority of the weight
 * @example
 * tippingPoint(results2000)
 * // => {year: 2000, winner: 'R', id: 'FL', name: 'Florida', marginPp: 0.009, nationalMarginPp: -0.536, biasPp: 0.545, winnerWeight: 271, threshold: 270} (rounded here)
 */
export function tippingPoint(results: ElectionResults, options: TippingPointOptions = {}): TippingPoint {
  const [a, b] = results.sides;
  const allVotes = options.basis === 'all-votes';
  const marginOf = (va: number, vb: number, total: number) => (allVotes ? (total > 0 ? (100 * (va - vb)) / total : 0) : twoPartyMarginPp(va, vb));
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

/** Electoral-college bias across simulated draws. */
export interface SimulatedBias {
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
 * unit. Needs the run to keep `margins` and `nationalMargin`.
 *
 * @param result a simulation result with kept margins and national margins
 * @throws {InputError} when those draws were not kept
 * @example
 * // 2 draws, units X, Y, Z of weight 1; A's margins [5, 1, -2] (national 0.5) and [3, -4, -1] (national -1)
 * // draw 1: A wins X, Y; tipping Y (+1) − national 0.5 = 0.5. Draw 2: B wins Y, Z; tipping Z (−1) − (−1) = 0.
 * simulatedBias(result) // => {draws: 2, meanPp: 0.25, p05: 0, p50: 0.5, p95: 0.5}
 */
export function simulatedBias(result: SimulationResult): SimulatedBias {
  const margins = result.draws?.margins;
  const national = result.draws?.nationalMargin;
  if (!margins || !national) {
    throw new InputError({ at: 'result.draws', expected: 'kept margins and nationalMargin (keep: {margins: true, nationalMargin: true})', found: 'no kept draws' });
  }
  const units = result.unitIds.length;
  const order = Array.from({ length: units }, (_, i) => i);
  const sorted = new Float64Array(units);
  const weights = new Float64Array(units);
  const bias: number[] = [];
  for (let d = 0; d < national.length; d++) {
    const row = margins.subarray(d * units, (d + 1) * units);
    order.sort((x, y) => row[y] - row[x]);
    for (let k = 0; k < units; k++) {
      sorted[k] = row[order[k]];
      weights[k] = result.weights[order[k]];
    }
    const tip = tippingPointFromSortedMargins(sorted, weights, result.threshold);
    if (tip.winner !== 0) bias.push(sorted[tip.index] - national[d]);
  }
  bias.sort((x, y) => x - y);
  const at = (p: number) => (bias.length === 0 ? NaN : bias[Math.min(bias.length - 1, Math.floor(p * bias.length))]);
  return {
    draws: bias.length,
    meanPp: bias.length === 0 ? NaN : bias.reduce((s, x) => s + x, 0) / bias.length,
    p05: at(0.05),
    p50: at(0.5),
    p95: at(0.95),
  };
}
