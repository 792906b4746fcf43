/**
 * Turning a prior {central, low, high} into a random draw whose mean is the prior's central value.
 *
 * A prior's `central` is read as the expected effect (what meta-analyses and field experiments report:
 * an average treatment effect), and `low`/`high` as its 5th and 95th percentiles before the shift below.
 * The draw is a two-piece ("split") normal (Gibbons & Mylroie 1973; John 1982, Commun. Stat. 11(8)) in
 * its equal-halves form: value = mode + z × spread, with spread (central − low) / 1.645 for z < 0 and
 * (high − central) / 1.645 for z >= 0, so the asymmetry of published ranges such as 1.0–4.0–8.0 pp is
 * kept. The mode is then placed so that the mean is exactly `central`:
 * - a prior whose low end is below zero is unbounded: mean = mode + (above − below) / sqrt(2π), so
 *   mode = central − (above − below) / sqrt(2π);
 * - a prior whose low end is >= 0 describes a non-negative effect (a list never hurts its own side through
 *   it), so draws are floored at 0 and the mode is solved (Newton's method on the closed-form mean of the
 *   floored two-piece normal) so that the floored mean is `central`. A non-negative quantity whose mean is
 *   0 is 0: such a prior ({central 0, low 0, high 0.5}) draws 0 every time.
 * The spreads still come from low and high; with an asymmetric range the 5th and 95th percentiles move by
 * the same amount as the mode.
 */
import type { Prior } from './types.js';

/** 95th percentile of the standard normal: low and high of a prior set the spreads at ±1.645 z. */
export const NORMAL_Q95 = 1.6448536269514722;

/** 1 / sqrt(2π): the standard normal density at 0, and E[z; z > 0]. */
const PHI0 = 0.3989422804014327;

/** A prior turned into the numbers a kernel needs: value(z) = max(floor, mode + z × (z < 0 ? below : above)). */
export interface PriorShape {
  /** Location of the two halves, in the prior's unit. */
  mode: number;
  /** Spread per unit of z below the mode and above it, in the prior's unit. */
  below: number;
  above: number;
  /** Lowest value a draw takes: 0 for a non-negative prior (low >= 0), −Infinity otherwise. */
  floor: number;
}

/** Numerator and denominator coefficients of normalCdf's rational approximation, highest power first. */
const NUMERATOR = [3.52624965998911e-2, 0.700383064443688, 6.37396220353165, 33.912866078383, 112.079291497871, 221.213596169931, 220.206867912376];
const DENOMINATOR = [8.83883476483184e-2, 1.75566716318264, 16.064177579207, 86.7807322029461, 296.564248779674, 637.333633378831, 793.826512519948, 440.413735824752];

/** A polynomial at x by Horner's rule, coefficients highest power first (the same operations, in order, as writing it out). */
function horner(coefficients: readonly number[], x: number): number {
  let value = coefficients[0]!;
  for (let k = 1; k < coefficients.length; k++) value = value * x + coefficients[k]!;
  return value;
}

/**
 * Standard normal distribution function Φ(x), to about 1e-15 (Hart 1968 rational approximation as
 * given by West 2005, "Better approximations to cumulative normal functions", Wilmott Magazine).
 *
 * @param x Any number.
 * @returns P(Z <= x), 0–1.
 * @example
 * normalCdf(0) // => 0.5
 */
export function normalCdf(x: number): number {
  const a = Math.abs(x);
  let c: number;
  if (a > 37) c = 0;
  else {
    const e = Math.exp((-a * a) / 2);
    if (a < 7.07106781186547) {
      c = (e * horner(NUMERATOR, a)) / horner(DENOMINATOR, a);
    } else {
      let b = a + 0.65;
      b = a + 4 / b;
      b = a + 3 / b;
      b = a + 2 / b;
      b = a + 1 / b;
      c = e / b / 2.506628274631;
    }
  }
  return x > 0 ? 1 - c : c;
}

/** Standard normal density. */
function density(x: number): number {
  return PHI0 * Math.exp((-x * x) / 2);
}

/**
 * Mean of max(0, mode + z × (z < 0 ? below : above)) for a standard normal z, in closed form, and the
 * probability that the value is positive (the derivative of the mean in the mode).
 */
function flooredMean(mode: number, below: number, above: number): { mean: number; positive: number } {
  if (mode >= 0) {
    // z >= 0: always positive. z < 0: positive above a = −mode / below.
    let mean = mode / 2 + above * PHI0;
    let positive = 0.5;
    if (below > 0) {
      const a = -mode / below;
      mean += mode * (0.5 - normalCdf(a)) + below * (density(a) - PHI0);
      positive += 0.5 - normalCdf(a);
    } else {
      mean += mode / 2;
      positive += mode > 0 ? 0.5 : 0;
    }
    return { mean, positive };
  }
  if (above <= 0) return { mean: 0, positive: 0 };
  const b = -mode / above;
  const tail = 1 - normalCdf(b);
  return { mean: mode * tail + above * density(b), positive: tail };
}

/**
 * The shape of a prior's draw: spreads from low and high, the mode placed so the mean is `central`
 * (see the module comment), and the floor of a non-negative prior.
 *
 * @param prior Central value (the mean) and 5th–95th percentile range (pp or any unit), low <= central <= high.
 * @returns Mode, spreads per unit of z below and above, and the floor.
 * @example
 * priorShape({ central: 0, low: 0, high: 0.5 }) // => { mode: 0, below: 0, above: 0, floor: 0 }
 */
export function priorShape(prior: Prior): PriorShape {
  const below = (prior.central - prior.low) / NORMAL_Q95;
  const above = (prior.high - prior.central) / NORMAL_Q95;
  if (prior.low < 0) return { mode: prior.central - (above - below) * PHI0, below, above, floor: -Infinity };
  // Non-negative prior: central >= low >= 0.
  if (prior.central <= 0) return { mode: 0, below: 0, above: 0, floor: 0 };
  if (below === 0 && above === 0) return { mode: prior.central, below, above, floor: 0 };
  // E[max(0, X_m)] is increasing and convex in m, and at the unfloored solution it is >= central, so
  // Newton's method from there descends monotonically onto the root.
  let mode = prior.central - (above - below) * PHI0;
  for (let k = 0; k < 100; k++) {
    const { mean, positive } = flooredMean(mode, below, above);
    const step = (mean - prior.central) / positive;
    mode -= step;
    if (!(Math.abs(step) > 1e-15 * (Math.abs(mode) + below + above))) break;
  }
  return { mode, below, above, floor: 0 };
}

/**
 * Value of a prior at a standard-normal draw `z`: max(floor, mode + z × spread) with the shape of
 * {@link priorShape}, so that over z ~ N(0, 1) the mean is the prior's `central`. A prior with
 * low = central = high returns `central` for every `z`.
 *
 * @param prior Central value (the mean) and 5th–95th percentile range (pp or any unit).
 * @param z Standard normal number.
 * @returns The draw, in the prior's unit.
 * @example
 * priorAtNormal({ central: 2, low: 2, high: 2 }, -3) // => 2
 */
export function priorAtNormal(prior: Prior, z: number): number {
  return shapeAtNormal(priorShape(prior), z);
}

/**
 * Value of a prepared {@link PriorShape} at a standard-normal draw `z` (what the kernel inlines).
 *
 * @param shape Shape from {@link priorShape}.
 * @param z Standard normal number.
 * @returns max(floor, mode + z × (z < 0 ? below : above)).
 * @example
 * shapeAtNormal({ mode: 1, below: 0.5, above: 2, floor: 0 }, -4) // => 0
 */
export function shapeAtNormal(shape: PriorShape, z: number): number {
  const v = shape.mode + z * (z < 0 ? shape.below : shape.above);
  return v < shape.floor ? shape.floor : v;
}
