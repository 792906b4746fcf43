/**
 * Turning a prior {central, low, high} into a random draw.
 */
import type { Prior } from './types.js';

/** 95th percentile of the standard normal: low and high of a prior sit at the 5th and 95th percentiles. */
export const NORMAL_Q95 = 1.6448536269514722;

/**
 * Value of a prior at a standard-normal draw `z`, using a split (two-piece) normal: the median is
 * `central`, the spread below the median is (central − low) / 1.645 and above it (high − central) / 1.645,
 * so `low` and `high` are the 5th and 95th percentiles. The split normal (Gibbons & Mylroie 1973; John
 * 1982, Commun. Stat. 11(8)) keeps the asymmetry of published ranges such as 1.0–4.0–8.0 pp without
 * bounding the tails. A prior with low = central = high returns `central` for every `z`.
 *
 * @param prior Central value and 5th–95th percentile range (pp or any unit).
 * @param z Standard normal number.
 * @returns The draw, in the prior's unit.
 * @example
 * priorAtNormal({ central: 4, low: 1, high: 8 }, 1.6448536269514722) // => 8
 */
export function priorAtNormal(prior: Prior, z: number): number {
  const spread = z < 0 ? prior.central - prior.low : prior.high - prior.central;
  return prior.central + (z * spread) / NORMAL_Q95;
}
