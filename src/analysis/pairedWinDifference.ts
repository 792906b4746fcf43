/**
 * Paired (common-random-number) differences between two runs of the same seed: P(win), and the expected
 * weight when each draw's weight was kept. One convention for every analysis (sweep steps, value,
 * allocate, compare, sensitivity, listMarginalValue): a 90 % normal interval, ±1.645 standard errors,
 * or ±3/n when no draw changes (the rule of three).
 */
import { InputError } from '../errors.js';
import type { Side } from '../model/types.js';
import type { SimulationResult } from '../sim/types.js';

/** A paired difference of P(win) with its standard error and a normal interval. */
export interface PairedDifference {
  /** P(win | variant) − P(win | base), share 0–1. */
  difference: number;
  /** Standard error of the mean paired difference: SD of per-draw differences / sqrt(n). */
  standardError: number;
  /**
   * 90 % interval: difference ± 1.645 standard errors. When no draw changes the SE is 0, so the interval is
   * ±3/n instead (rule of three: with 0 changes in n draws the 95 % upper bound on the share of changed
   * draws is about 3/n; Hanley & Lippman-Hand 1983, JAMA 249(13)).
   */
  low: number;
  high: number;
  /** Draws where the variant wins and the base does not, and the reverse. */
  gained: number;
  lost: number;
}

/** A paired difference of one side's P(win) and expected weight, with 90 % intervals. */
export interface PairedGroupDifference {
  /** P(side wins | variant) − P(side wins | base), share 0–1. */
  deltaPWin: number;
  /** Standard error of the paired mean difference, share 0–1. */
  standardError: number;
  /** 90 % interval of deltaPWin: ± z90 standard errors, or ±3/n when no draw changes (rule of three). */
  low: number;
  high: number;
  /** Change in the side's expected weight (electoral votes, seats), with its 90 % interval. */
  deltaWeight: number;
  deltaWeightLow: number;
  deltaWeightHigh: number;
  /** Draws the variant wins and the base does not, and the reverse. */
  gained: number;
  lost: number;
}

/** z of a two-sided 90 % normal interval (the 95th percentile of the standard normal). */
export const Z90 = 1.6448536269514722;

/** Mean, standard error and z-interval of a per-draw difference given its sum and sum of squares over n draws. */
export function pairedInterval(sum: number, sumSq: number, n: number, z: number, zeroHalfWidth: number) {
  const mean = sum / n;
  const variance = n > 1 ? ((sumSq / n - mean * mean) * n) / (n - 1) : 0;
  const standardError = Math.sqrt(Math.max(0, variance) / n);
  const half = sumSq === 0 ? zeroHalfWidth : z * standardError;
  return { mean, standardError, low: mean - half, high: mean + half };
}

/**
 * Paired difference of two runs' outcomes for one side, with a 90 % interval (P(win) and expected weight).
 *
 * @param base base run with kept `outcome` (and `weightA` for the weight change)
 * @param variant variant run, same seed and simulations
 * @param side the side whose chance is measured
 * @throws {InputError} when outcomes were not kept or the runs differ in seed or size
 * @example
 * // 4 paired draws: base wins 1, 2; variant wins 1, 2, 3
 * pairedGroupDifference(base, variant, 'D') // => {deltaPWin: 0.25, standardError: 0.25, low: -0.161, high: 0.661, gained: 1, lost: 0, ...}
 */
export function pairedGroupDifference(base: SimulationResult, variant: SimulationResult, side: Side): PairedGroupDifference {
  const a = base.draws?.outcome;
  const b = variant.draws?.outcome;
  if (!a || !b) throw new InputError({ at: 'result.draws.outcome', expected: 'kept outcomes (keep: {outcome: true})', found: 'none' });
  if (a.length !== b.length || base.seed !== variant.seed) {
    throw new InputError({ at: 'variant run', expected: `the base run's seed ${base.seed} and ${a.length} draws`, found: `seed ${variant.seed}, ${b.length} draws` });
  }
  const sign = side === base.sides[0] ? 1 : -1;
  const n = a.length;
  const wa = base.draws?.weightA;
  const wb = variant.draws?.weightA;
  let gained = 0;
  let lost = 0;
  let wSum = 0;
  let wSumSq = 0;
  for (let d = 0; d < n; d++) {
    const x = (b[d] === sign ? 1 : 0) - (a[d] === sign ? 1 : 0);
    if (x > 0) gained++;
    else if (x < 0) lost++;
    if (wa && wb) {
      // Side B's weight is not kept per draw; for a weighted rule without ties to others, B's change is −A's.
      const w = sign * (wb[d] - wa[d]);
      wSum += w;
      wSumSq += w * w;
    }
  }
  const p = pairedInterval(gained - lost, gained + lost, n, Z90, 3 / n);
  const w = wa && wb ? pairedInterval(wSum, wSumSq, n, Z90, 0) : { mean: variant.expectedWeight[side] - base.expectedWeight[side], low: NaN, high: NaN };
  return { deltaPWin: p.mean, standardError: p.standardError, low: p.low, high: p.high, deltaWeight: w.mean, deltaWeightLow: w.low, deltaWeightHigh: w.high, gained, lost };
}

/**
 * Difference in P(side wins outright) between a variant run and a base run paired draw by draw
 * ({@link pairedGroupDifference} for side A when `sign` is 1, side B when −1).
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
 * pairedWinDifference(base, variant, 1) // => {difference: 0.25, standardError: 0.25, low: -0.161, high: 0.661, gained: 1, lost: 0}
 */
export function pairedWinDifference(base: SimulationResult, variant: SimulationResult, sign: 1 | -1): PairedDifference {
  const d = pairedGroupDifference(base, variant, base.sides[sign === 1 ? 0 : 1]);
  return { difference: d.deltaPWin, standardError: d.standardError, low: d.low, high: d.high, gained: d.gained, lost: d.lost };
}
