/**
 * Paired (common-random-number) difference of win probability between two runs of the same seed.
 */
import { InputError } from '../errors.js';
import type { SimulationResult } from '../sim/types.js';

/** A paired difference of P(win) with its standard error and a normal interval. */
export interface PairedDifference {
  /** P(win | variant) − P(win | base), share 0–1. */
  difference: number;
  /** Standard error of the mean paired difference: SD of per-draw differences / sqrt(n). */
  standardError: number;
  /**
   * 95 % interval: difference ± 1.96 standard errors. When no draw changes the SE is 0, so the interval is
   * ±3/n instead (rule of three: with 0 changes in n draws the 95 % upper bound on the share of changed
   * draws is about 3/n; Hanley & Lippman-Hand 1983, JAMA 249(13)).
   */
  low: number;
  high: number;
  /** Draws where the variant wins and the base does not, and the reverse. */
  gained: number;
  lost: number;
}

/** z of a two-sided 95 % normal interval. */
export const Z95 = 1.959963984540054;

/**
 * Difference in P(side wins outright) between a variant run and a base run paired draw by draw.
 *
 * With common random numbers (same seed, the engine's draws paired exactly), the per-draw difference
 * x_d = win_variant(d) − win_base(d) is −1, 0 or +1; its mean is the change in P(win) and its standard
 * error is sd(x) / sqrt(n), far smaller than for two independent runs when few draws change.
 *
 * @param base base run with kept `outcome`
 * @param variant variant run, same seed and simulations, with kept `outcome`
 * @param sign 1 for side A, −1 for side B
 * @throws {InputError} when outcomes were not kept or the runs differ in size or seed
 * @example
 * // 4 paired draws: base wins 1, 2; variant wins 1, 2, 3
 * pairedWinDifference(base, variant, 1) // => {difference: 0.25, standardError: 0.25, low: -0.24, high: 0.74, gained: 1, lost: 0}
 */
export function pairedWinDifference(base: SimulationResult, variant: SimulationResult, sign: 1 | -1): PairedDifference {
  const a = base.draws?.outcome;
  const b = variant.draws?.outcome;
  if (!a || !b) throw new InputError({ at: 'result.draws.outcome', expected: 'kept outcomes (keep: {outcome: true})', found: 'none' });
  if (a.length !== b.length || base.seed !== variant.seed) {
    throw new InputError({ at: 'variant run', expected: `the base run's seed ${base.seed} and ${a.length} draws`, found: `seed ${variant.seed}, ${b.length} draws` });
  }
  const n = a.length;
  let gained = 0;
  let lost = 0;
  for (let d = 0; d < n; d++) {
    const x = (b[d] === sign ? 1 : 0) - (a[d] === sign ? 1 : 0);
    if (x > 0) gained++;
    else if (x < 0) lost++;
  }
  const mean = (gained - lost) / n;
  const meanSq = (gained + lost) / n;
  const variance = n > 1 ? ((meanSq - mean * mean) * n) / (n - 1) : 0;
  const standardError = Math.sqrt(Math.max(0, variance) / n);
  const halfWidth = gained + lost === 0 ? 3 / n : Z95 * standardError;
  return { difference: mean, standardError, low: mean - halfWidth, high: mean + halfWidth, gained, lost };
}
