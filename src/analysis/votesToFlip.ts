/**
 * Votes-to-flip: the cheapest set of units whose flip changes the winner of a weighted race
 * (US Electoral College), found exactly by a 0/1 knapsack over weights.
 */
import type { ElectionResults, Side } from '../model/types.js';
import { InputError, describeValue } from '../errors.js';

/** How the loser gets votes: `mobilise` new voters (margin + 1 per unit) or `convert` the winner's voters (floor(margin / 2) + 1). */
export type FlipMode = 'mobilise' | 'convert';

/**
 * `win`: the loser reaches the winning threshold (270 of 538). `tie`: the winner is denied a majority
 * (ends below the threshold, so the loser reaches at least half: 269 of 538), the usual meaning of
 * "tie or better". `exact-tie`: both sides end with exactly equal weight (269–269).
 */
export type FlipTarget = 'win' | 'tie' | 'exact-tie';

/** Options of {@link votesToFlip}. */
export interface VotesToFlipOptions {
  /** Default `mobilise`. */
  mode?: FlipMode;
  /** Default `win`; `tie` denies the winner a majority; `exact-tie` asks for 269–269. */
  target?: FlipTarget;
  /**
   * Weight needed to win, when the race sets one (a scenario's `threshold` or `seatsToWin`): an integer
   * above half of the total weight and at most the total. Default: more than half (270 of 538).
   */
  threshold?: number;
}

/** The command-line contract of `campaign-lab flip --json`. */
export interface VotesToFlip {
  year: number;
  winner: Side;
  loser: Side;
  mode: FlipMode;
  target: FlipTarget;
  /**
   * `weights` (default): the cheapest set of weighted units; `popular-vote`: a race without unit weights,
   * decided by the national vote, where the loser needs the national margin (units is then empty).
   */
  basis?: 'weights' | 'popular-vote';
  /** Ids of the units to flip, in the order of `results.units`. */
  units: string[];
  /** Sum of the winner's vote margins (winner's votes − loser's votes) in those units, votes. */
  marginSum: number;
  /** Votes the loser needs in total: new voters (`mobilise`) or switched voters (`convert`). */
  votes: number;
}

/** A unit the winner holds, as the knapsack sees it. */
export interface FlipCandidate {
  id: string;
  /** Weight (electoral votes) moved to the loser if the unit flips. */
  weight: number;
  /** Votes needed to flip the unit. */
  cost: number;
}

/**
 * Votes needed to flip a unit the winner leads by `margin` votes.
 *
 * `mobilise`: margin + 1 new voters for the loser. `convert`: each switched voter moves the margin by two,
 * so floor(margin / 2) + 1 switched voters.
 *
 * @param margin winner's votes − loser's votes in the unit, a positive integer (votes)
 * @param mode `mobilise` or `convert`
 * @returns votes
 * @example
 * flipCost(537, 'mobilise') // => 538
 * flipCost(537, 'convert') // => 269
 */
export function flipCost(margin: number, mode: FlipMode): number {
  return mode === 'mobilise' ? margin + 1 : Math.floor(margin / 2) + 1;
}

/** Most cells (units × weight reached) of the exact search of {@link votesToFlip}: 64 MiB of memory. */
export const MAX_FLIP_SEARCH_CELLS = 1 << 26;

/**
 * Cheapest subset of candidates whose total weight satisfies `accept(weight)`, exactly.
 *
 * Dynamic programme over reachable weight: best[w] is the least cost of a subset weighing exactly w
 * (0/1 knapsack, O(units × total weight)). Among subsets of equal cost the one found first in unit
 * order is kept, so the answer is deterministic.
 *
 * @param candidates units with integer weights and costs (votes)
 * @param accept which flipped weights reach the target
 * @returns indexes of the chosen candidates and their total cost, or null if no subset is acceptable
 * @example
 * cheapestFlipSet([{id: 'a', weight: 3, cost: 10}, {id: 'b', weight: 2, cost: 4}, {id: 'c', weight: 2, cost: 5}], (w) => w >= 4)
 * // => {indexes: [1, 2], cost: 9}
 */
export function cheapestFlipSet(
  candidates: readonly FlipCandidate[],
  accept: (flippedWeight: number) => boolean,
): { indexes: number[]; cost: number } | null {
  const total = candidates.reduce((s, c) => s + c.weight, 0);
  const best = new Float64Array(total + 1).fill(Infinity);
  best[0] = 0;
  // taken[i][w]: candidate i was added to reach weight w with best cost after considering 0..i.
  const taken: Uint8Array[] = [];
  let reach = 0;
  for (const c of candidates) {
    const row = new Uint8Array(total + 1);
    for (let w = reach; w >= 0; w--) {
      if (best[w] === Infinity) continue;
      const cost = best[w] + c.cost;
      if (cost < best[w + c.weight]) {
        best[w + c.weight] = cost;
        row[w + c.weight] = 1;
      }
    }
    taken.push(row);
    reach += c.weight;
  }
  let bestWeight = -1;
  for (let w = 0; w <= total; w++) {
    if (best[w] !== Infinity && accept(w) && (bestWeight < 0 || best[w] < best[bestWeight])) bestWeight = w;
  }
  if (bestWeight < 0) return null;
  const indexes: number[] = [];
  let w = bestWeight;
  for (let i = candidates.length - 1; i >= 0; i--) {
    if (taken[i][w]) {
      indexes.push(i);
      w -= candidates[i].weight;
    }
  }
  return { indexes: indexes.reverse(), cost: best[bestWeight] };
}

/**
 * The cheapest set of units that changes the winner of a weighted race on its actual results.
 *
 * Each unit the winner carried can be flipped to the loser at a cost in votes ({@link flipCost}); the
 * search is exact (knapsack over weights), not greedy. Maine and Nebraska districts are their own units
 * beside the at-large unit (`ME`, `NE`), whose margin is the statewide one; the search treats them as
 * independent, as the published results count them. Units the loser carried stay with the loser; tied
 * units and units carried by a third side stay as they are.
 *
 * Weights are pledged electoral votes (the unit winners'); faithless electors are not counted. The 2000
 * figure (Florida, 537 votes) is the certified margin (FEC, Federal Elections 2000).
 *
 * @param results actual results with weights (electoral votes)
 * @param options `mode` (`mobilise` | `convert`, default `mobilise`), `target` (`win` | `tie` |
 *   `exact-tie`, default `win`)
 * @throws {InputError} when the results carry no weights, have no outright winner (a tied chamber: see {@link votesToBreakTie}), the
 *   target cannot be reached, or the weights are too large for the exact search (units × weight over 67,108,864)
 * @example
 * votesToFlip(results2000, { mode: 'mobilise', target: 'win' })
 * // => {year: 2000, winner: 'R', loser: 'D', mode: 'mobilise', target: 'win', units: ['FL'], marginSum: 537, votes: 538}
 * votesToFlip(results2000, { target: 'tie' }).units // => ['FL'] (Bush below 270)
 * votesToFlip(results2000, { target: 'exact-tie' }).units // => ['NE-1', 'NE-2'] (269–269)
 */
export function votesToFlip(results: ElectionResults, options: VotesToFlipOptions = {}): VotesToFlip {
  const mode = options.mode ?? 'mobilise';
  const target = options.target ?? 'win';
  if (mode !== 'mobilise' && mode !== 'convert') {
    throw new InputError({ at: 'mode', expected: '"mobilise" or "convert"', found: JSON.stringify(mode) });
  }
  if (target !== 'win' && target !== 'tie' && target !== 'exact-tie') {
    throw new InputError({ at: 'target', expected: '"win", "tie" or "exact-tie"', found: JSON.stringify(target) });
  }
  const [a, b] = results.sides;
  const totalWeight = results.units.reduce((s, u) => s + u.weight, 0);
  if (totalWeight <= 0) return nationalVoteFlip(results, mode, target);
  const threshold = weightThreshold(options.threshold, totalWeight);
  const held = heldWeights(results, a, b);
  const winner = held[a] >= threshold ? a : held[b] >= threshold ? b : undefined;
  if (winner === undefined) {
    throw new InputError({ at: `results ${results.year}`, expected: 'a side with an outright majority of the weight', found: `${a} ${held[a]}, ${b} ${held[b]}`, hint: 'votesToBreakTie answers what each side needs' });
  }
  const loser = winner === a ? b : a;
  const units = results.units.filter((u) => u.weight > 0 && (u.votes[winner] ?? 0) > (u.votes[loser] ?? 0));
  const candidates = units.map((u) => ({ id: u.id, weight: u.weight, cost: flipCost((u.votes[winner] ?? 0) - (u.votes[loser] ?? 0), mode) }));
  const accept =
    target === 'win'
      ? (f: number) => held[loser] + f >= threshold
      : target === 'tie'
        ? (f: number) => held[winner] - f < threshold
        : (f: number) => held[loser] + f === held[winner] - f;
  // The exact search holds one byte per unit and weight reached: bounded, so weights that are vote counts
  // (a race weighted by registered voters) are refused in words instead of exhausting memory.
  const searched = candidates.reduce((s, c) => s + c.weight, 0);
  if (candidates.length * (searched + 1) > MAX_FLIP_SEARCH_CELLS) {
    throw new InputError({
      at: 'weights',
      expected: `weights small enough for the exact search (units × their total weight at most ${MAX_FLIP_SEARCH_CELLS.toLocaleString('en-US')}: electoral votes or seats)`,
      found: `${candidates.length} units the winner carried, weighing ${searched.toLocaleString('en-US')} in all`,
      hint: 'weights that are vote counts are too large for it; flip the race on its national vote with weights 0',
    });
  }
  const found = cheapestFlipSet(candidates, accept);
  if (found === null) {
    throw new InputError({ at: `results ${results.year}`, expected: `a set of units that reaches a ${target}`, found: 'none' });
  }
  const chosen = found.indexes.map((i) => units[i]);
  return {
    year: results.year,
    winner,
    loser,
    mode,
    target,
    units: chosen.map((u) => u.id),
    marginSum: chosen.reduce((s, u) => s + (u.votes[winner] ?? 0) - (u.votes[loser] ?? 0), 0),
    votes: found.cost,
  };
}

/**
 * Votes-to-flip of a race without unit weights (popular vote, a runoff): the national two-side margin,
 * summed over units without a parent. `win` needs margin + 1 new voters or floor(margin / 2) + 1
 * switchers; `tie` and `exact-tie` need the margin in new voters, or half of it in switchers (an odd
 * margin cannot be tied by switching).
 *
 * @throws {InputError} when the two sides are tied nationally, or an exact tie by switching is impossible
 * @example
 * nationalVoteFlip(pa2024Counties, 'mobilise', 'win').votes // => 120267 (Trump's 120,266-vote margin + 1)
 */
function nationalVoteFlip(results: ElectionResults, mode: FlipMode, target: FlipTarget): VotesToFlip {
  const [a, b] = results.sides;
  const [va, vb] = nationalVotes(results, a, b);
  if (va === vb) throw new InputError({ at: 'results', expected: 'a national winner between the two sides', found: `a tie, ${va} votes each` });
  const [winner, loser] = va > vb ? [a, b] : [b, a];
  const margin = Math.abs(va - vb);
  let votes: number;
  if (target === 'win') votes = flipCost(margin, mode);
  else if (mode === 'mobilise') votes = margin;
  else if (margin % 2 === 0) votes = margin / 2;
  else throw new InputError({ at: 'target', expected: 'a national margin that switchers can tie (an even number of votes)', found: `an odd margin of ${margin} votes` });
  return { year: results.year, winner, loser, mode, target, basis: 'popular-vote', units: [], marginSum: margin, votes };
}

/** What one side needs to break a tie: the cheapest units to take and the votes that takes. */
export interface TieBreaker {
  side: Side;
  /** Ids of the units to take, in the order of `results.units` (empty for a race without unit weights). */
  units: string[];
  /** Sum of the other side's vote margins in those units (0 in exactly tied units), votes. */
  marginSum: number;
  /** Votes the side needs: new voters (`mobilise`) or switched voters (`convert`). */
  votes: number;
}

/** The answer of {@link votesToBreakTie}. */
export interface TieBreak {
  year: number;
  /** Always true: neither side holds an outright majority of the weight (or of the national vote). */
  tie: true;
  mode: FlipMode;
  /** `weights`: units decide; `popular-vote`: the national vote does. */
  basis: 'weights' | 'popular-vote';
  /** Weight each side holds now (its national votes under `popular-vote`), and what a win needs. */
  held: Record<Side, number>;
  threshold: number;
  /** Each side's cheapest way to a win, cheapest first (ties between sides: the first side first). */
  sides: TieBreaker[];
}

/**
 * What each side needs to break a tie: a chamber or electoral college where neither side holds the
 * winning weight (5–5 seats; 269–269), or a national vote with exactly equal totals. For each side, the
 * cheapest set of units it does not hold whose weight takes it to the threshold, found exactly as in
 * {@link votesToFlip} (knapsack over weights): a unit the other side carried costs {@link flipCost} of
 * its margin, an exactly tied unit one vote. Without unit weights, one new voter or one switched voter
 * breaks an exact national tie.
 *
 * @param results actual results (weights or none)
 * @param options `mode` (default `mobilise`); `threshold` as for votesToFlip (default: more than half)
 * @throws {InputError} when a side does hold a majority (use votesToFlip), or no set of units takes either side to the threshold
 * @example
 * // Ten seats of weight 1, five each; A needs 1 vote in seat 5 (80–81), B 2 in seat 9 (44–43).
 * votesToBreakTie(chamber).sides // => [{side: 'A', units: ['5'], marginSum: 1, votes: 2}, {side: 'B', units: ['9'], marginSum: 1, votes: 2}]
 */
export function votesToBreakTie(results: ElectionResults, options: { mode?: FlipMode; threshold?: number } = {}): TieBreak {
  const mode = options.mode ?? 'mobilise';
  if (mode !== 'mobilise' && mode !== 'convert') throw new InputError({ at: 'mode', expected: '"mobilise" or "convert"', found: JSON.stringify(mode) });
  const [a, b] = results.sides;
  const totalWeight = results.units.reduce((s, u) => s + u.weight, 0);
  if (totalWeight <= 0) {
    const [va, vb] = nationalVotes(results, a, b);
    if (va !== vb) throw new InputError({ at: 'results', expected: 'a national tie between the two sides', found: `${a} ${va}, ${b} ${vb}` });
    const one = (side: Side): TieBreaker => ({ side, units: [], marginSum: 0, votes: 1 });
    return { year: results.year, tie: true, mode, basis: 'popular-vote', held: { [a]: va, [b]: vb }, threshold: va + 1, sides: [one(a), one(b)] };
  }
  const threshold = weightThreshold(options.threshold, totalWeight);
  const held = heldWeights(results, a, b);
  if (held[a] >= threshold || held[b] >= threshold) {
    throw new InputError({ at: `results ${results.year}`, expected: 'a race neither side won (a tie)', found: `${a} ${held[a]}, ${b} ${held[b]} of ${threshold} needed`, hint: 'votesToFlip answers what the loser needs' });
  }
  const breakers: TieBreaker[] = [];
  for (const side of [a, b]) {
    const other = side === a ? b : a;
    const units = results.units.filter((u) => u.weight > 0 && (u.votes[side] ?? 0) <= (u.votes[other] ?? 0));
    const candidates = units.map((u) => {
      const margin = (u.votes[other] ?? 0) - (u.votes[side] ?? 0);
      return { id: u.id, weight: u.weight, cost: margin === 0 ? 1 : flipCost(margin, mode) };
    });
    const found = cheapestFlipSet(candidates, (f) => held[side] + f >= threshold);
    if (found === null) continue;
    const chosen = found.indexes.map((i) => units[i]);
    breakers.push({ side, units: chosen.map((u) => u.id), marginSum: chosen.reduce((s, u) => s + (u.votes[other] ?? 0) - (u.votes[side] ?? 0), 0), votes: found.cost });
  }
  if (breakers.length === 0) throw new InputError({ at: `results ${results.year}`, expected: `a set of units that takes a side to ${threshold}`, found: 'none' });
  breakers.sort((x, y) => x.votes - y.votes);
  return { year: results.year, tie: true, mode, basis: 'weights', held, threshold, sides: breakers };
}

/**
 * Whether a side holds an outright win: the threshold of the weight (default more than half), or, for a
 * race without unit weights, more national votes than the other. False for a tie (5–5 seats, 269–269, equal
 * national totals): then {@link votesToBreakTie} answers, not {@link votesToFlip}.
 *
 * @example
 * hasOutrightWinner(results2000) // => true
 */
export function hasOutrightWinner(results: ElectionResults, threshold?: number): boolean {
  const [a, b] = results.sides;
  const totalWeight = results.units.reduce((s, u) => s + u.weight, 0);
  let ha = 0;
  let hb = 0;
  for (const u of results.units) {
    const ma = u.votes[a] ?? 0;
    const mb = u.votes[b] ?? 0;
    if (totalWeight <= 0) {
      if (u.parent === undefined) {
        ha += ma;
        hb += mb;
      }
    } else if (ma > mb) ha += u.weight;
    else if (mb > ma) hb += u.weight;
  }
  if (totalWeight <= 0) return ha !== hb;
  const needed = threshold ?? Math.floor(totalWeight / 2) + 1;
  return ha >= needed || hb >= needed;
}

/** The weight to win: `asked`, or a majority of `totalWeight`; an integer above half of it and at most all of it. */
function weightThreshold(asked: number | undefined, totalWeight: number): number {
  const threshold = asked ?? Math.floor(totalWeight / 2) + 1;
  if (!Number.isInteger(threshold) || threshold * 2 <= totalWeight || threshold > totalWeight) {
    throw new InputError({ at: 'threshold', expected: `an integer above half of the total weight ${totalWeight} and at most ${totalWeight}`, found: describeValue(threshold) });
  }
  return threshold;
}

/** The weight each side holds: the units it carries (a tied unit counts for neither). */
function heldWeights(results: Pick<ElectionResults, 'units'>, a: Side, b: Side): Record<Side, number> {
  const held: Record<Side, number> = { [a]: 0, [b]: 0 };
  for (const u of results.units) {
    const ma = u.votes[a] ?? 0;
    const mb = u.votes[b] ?? 0;
    if (ma > mb) held[a] += u.weight;
    else if (mb > ma) held[b] += u.weight;
  }
  return held;
}

/** The two sides' national votes (units without a parent). */
function nationalVotes(results: Pick<ElectionResults, 'units'>, a: Side, b: Side): [number, number] {
  let va = 0;
  let vb = 0;
  for (const u of results.units) {
    if (u.parent !== undefined) continue;
    va += u.votes[a] ?? 0;
    vb += u.votes[b] ?? 0;
  }
  return [va, vb];
}
