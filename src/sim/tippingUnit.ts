/**
 * The tipping unit of one simulated election: the unit where the winner's cumulative weight, units
 * taken from the winner's safest, reaches the threshold. Two algorithms: a one-pass scan for weighted
 * rules (electoral votes, seats) and a weighted quickselect for national-vote rules.
 *
 * Units are ordered by the winner's margin over all votes cast, the convention of the published
 * tipping-point tables (FiveThirtyEight, David Baron's table; 2012: Colorado, where the two-party margin
 * would give Pennsylvania): the simulated two-party margin times the unit's two-party share of all votes,
 * `scale` (the other candidates' votes held at their baseline; all 1 orders by the two-party margin).
 */

/**
 * Tipping unit of a draw under a weighted rule, in one pass. With the winner's units ordered from the
 * closest (smallest winning margin) up, cumulative weights c_1, c_2, …, and surplus S = winner's weight −
 * threshold, the tipping unit is the first u_k with c_k > S: the units at least as safe as u_k still
 * reach the threshold (W − c_{k−1} >= threshold) and those safer than it do not. The scan keeps the
 * shortest run of closest units whose weight exceeds S in a small sorted buffer and returns its last.
 * Scanning the candidates closest first (by baseline margin) lets safe units be skipped with one
 * comparison once the buffer holds more than S.
 *
 * @param candidates Units that carry weight.
 * @param margin A's margins, pp: this draw's margin of unit u at `at + u × step`.
 * @param at Offset of this draw's margins in `margin`.
 * @param winner 1 when A won the draw, −1 when B did.
 * @param weight Weight per unit (electoral votes, seats).
 * @param scale Per unit, the factor from the two-party margin to the margin that orders units (its
 *   two-party share of all votes cast, 0–1; all 1 for the two-party margin).
 * @param surplus Winner's weight − threshold (>= 0).
 * @param units Scratch buffer of at least units + 1 entries.
 * @param keys Scratch buffer of the same length.
 * @param step Distance between two units' margins in `margin` (1 by default).
 * @returns Index of the tipping unit.
 * @example
 * // margins [5, 1, −2], weights [3, 3, 3], threshold 5: A wins 6, surplus 1, the closest A unit tips.
 * tippingUnitBySurplus(Int32Array.of(0, 1, 2), Float64Array.of(5, 1, -2), 0, 1, Float64Array.of(3, 3, 3), Float64Array.of(1, 1, 1), 1, new Int32Array(4), new Float64Array(4)) // => 1
 * // Over all votes: unit 0 (margin 5 of a two-party vote that is 10 % of all votes) is A's closest.
 * tippingUnitBySurplus(Int32Array.of(0, 1, 2), Float64Array.of(5, 1, -2), 0, 1, Float64Array.of(3, 3, 3), Float64Array.of(0.1, 1, 1), 1, new Int32Array(4), new Float64Array(4)) // => 0
 */
export function tippingUnitBySurplus(
  candidates: Int32Array,
  margin: Float64Array,
  at: number,
  winner: number,
  weight: Float64Array,
  scale: Float64Array,
  surplus: number,
  units: Int32Array,
  keys: Float64Array,
  step = 1,
): number {
  let size = 0;
  let total = 0;
  // A candidate enters the buffer when 0 < key < limit, limit = the buffer's largest key once the buffer
  // holds more than the surplus (+Infinity before): tested as key × (limit − key) > 0, one comparison
  // whose outcome is predictable for the safe units, the loser's included (the product is negative or
  // NaN for key <= 0, and zero or negative for key >= limit).
  let limit = Infinity;
  for (let c = 0; c < candidates.length; c++) {
    const u = candidates[c];
    const key = winner * margin[at + u * step] * scale[u];
    if (!(key * (limit - key) > 0)) continue;
    let j = size;
    while (j > 0 && keys[j - 1] > key) {
      keys[j] = keys[j - 1];
      units[j] = units[j - 1];
      j--;
    }
    keys[j] = key;
    units[j] = u;
    size++;
    total += weight[u];
    while (size > 1 && total - weight[units[size - 1]] > surplus) {
      size--;
      total -= weight[units[size]];
    }
    if (total > surplus) limit = keys[size - 1];
  }
  return units[size - 1];
}

/**
 * Tipping unit of a draw by weighted quickselect: with key = the winner's margin (A's margin, or minus it
 * when B wins), the unit whose key is such that units with a larger key weigh less than the threshold
 * and, with it, reach it. Three-way partitions around a middle pivot; equal keys are taken in array
 * order. `order` is scratch space holding the candidate units and is permuted.
 *
 * @param order Candidate units (permuted in place).
 * @param margin A's margins, pp: this draw's margin of unit u at `at + u × step`.
 * @param at Offset of this draw's margins in `margin`.
 * @param winner 1 when A won the draw, −1 when B did.
 * @param weight Weight each unit contributes (two-party votes for national-vote rules).
 * @param scale Per unit, the factor from the two-party margin to the ordering margin (as in tippingUnitBySurplus).
 * @param threshold Cumulative weight that tips the race.
 * @param strict Whether the threshold must be exceeded (>) rather than reached (>=).
 * @param step Distance between two units' margins in `margin` (1 by default).
 * @returns Index of the tipping unit.
 * @example
 * tippingUnitBySelect(Int32Array.of(0, 1, 2), Float64Array.of(5, 1, -2), 0, 1, Float64Array.of(10, 10, 10), Float64Array.of(1, 1, 1), 15, true) // => 1
 */
export function tippingUnitBySelect(order: Int32Array, margin: Float64Array, at: number, winner: number, weight: Float64Array, scale: Float64Array, threshold: number, strict: boolean, step = 1): number {
  let lo = 0;
  let hi = order.length - 1;
  let need = threshold;
  while (lo < hi) {
    const middle = order[(lo + hi) >> 1];
    const pivot = winner * margin[at + middle * step] * scale[middle];
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = order[i];
      const key = winner * margin[at + v * step] * scale[v];
      if (key > pivot) {
        order[i] = order[lt];
        order[lt] = v;
        lt++;
        i++;
      } else if (key < pivot) {
        order[i] = order[gt];
        order[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    let above = 0;
    for (let k = lo; k < lt; k++) above += weight[order[k]];
    if (strict ? above > need : above >= need) {
      hi = lt - 1;
      continue;
    }
    let cumulative = above;
    for (let k = lt; k <= gt; k++) {
      cumulative += weight[order[k]];
      if (strict ? cumulative > need : cumulative >= need) return order[k];
    }
    need -= cumulative;
    lo = gt + 1;
  }
  return order[Math.min(lo, order.length - 1)];
}

