/**
 * Quantiles of a tally: draws counted per value (electoral votes, seats), read as the inverse of the
 * empirical distribution function (Hyndman & Fan 1996, "Sample quantiles in statistical packages", *The
 * American Statistician* 50(4), definition 1). The two-sided engine's weight quantiles and the
 * multi-candidate seat intervals both read their tallies through it.
 */

/**
 * The first index k of from .. to − 1 at which the counts so far reach q × total: the q-quantile of the
 * tally, as a position (−1 when total is not positive or the counts never reach it).
 *
 * @param counts Draws per value, in ascending order of value.
 * @param from First index read.
 * @param to One past the last index read.
 * @param total Draws in all (the sum of the counts).
 * @param q Probability, 0–1.
 * @example
 * tallyQuantileIndex(Float64Array.of(1, 0, 2, 1), 0, 4, 4, 0.5) // => 2
 * tallyQuantileIndex(Float64Array.of(1, 0, 2, 1), 0, 4, 4, 0.25) // => 0
 */
export function tallyQuantileIndex(counts: ArrayLike<number>, from: number, to: number, total: number, q: number): number {
  if (!(total > 0)) return -1;
  const need = q * total;
  let cumulative = 0;
  for (let k = from; k < to; k++) {
    cumulative += counts[k];
    if (cumulative >= need) return k;
  }
  return -1;
}
