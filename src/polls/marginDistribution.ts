/**
 * The distribution of one unit's margin under the poll forecast: its expected margin plus a national
 * Student-t error and an independent normal error (regional, state and the aggregate's own), the sum
 * the simulation draws. Probabilities and quantiles by numerical integration over the t (no
 * simulation), so intervals and scores need no seed; probabilities are accurate to about 1e-3 (1e-4 when
 * the normal part's SD is at least half the national one, as in every poll forecast). Browser-safe.
 */
/** Margin = mean + national·T + other·Z, T a Student-t scaled to SD 1 (tails degrees of freedom), Z standard normal. */
export interface MarginDistribution {
  /** Expected margin, pp. */
  mean: number;
  /** SD of the national term, pp. */
  nationalSD: number;
  /** Degrees of freedom of the national term (> 2; 1e6 or more: normal). */
  tails: number;
  /** SD of the rest (regional, state and the aggregate's own), pp. */
  otherSD: number;
}

/**
 * The error function by the Chebyshev fit of erfc in Press, Teukolsky, Vetterling & Flannery, *Numerical
 * Recipes in C* (2nd ed., 1992), section 6.2 (`erfcc`): fractional error below 1.2e-7 for every x.
 *
 * @example
 * errorFunction(1) // => 0.8427007878 (exact 0.8427007929)
 */
function errorFunction(x: number): number {
  const z = Math.abs(x);
  const t = 1 / (1 + 0.5 * z);
  // t·P(t), P of degree 8 in Horner form; erfc = t·exp(−z² + t·P(t) − 1.26551223).
  const tP =
    ((((((((0.17087277 * t - 0.82215223) * t + 1.48851587) * t - 1.13520398) * t + 0.27886807) * t - 0.18628806) * t +
      0.09678418) *
      t +
      0.37409196) *
      t +
      1.00002368) *
    t;
  const erfc = t * Math.exp(-z * z + tP - 1.26551223);
  return x >= 0 ? 1 - erfc : erfc - 1;
}

/** Standard normal CDF from the error function above (absolute error below 1.2e-7). */
function phi(z: number): number {
  if (z < -38) return 0;
  if (z > 38) return 1;
  return 0.5 * (1 + errorFunction(z / Math.SQRT2));
}

/** Quadrature nodes and weights of a unit-SD Student-t, cached by degrees of freedom. */
const NODES = new Map<number, { t: Float64Array; w: Float64Array }>();

/**
 * Quadrature of an expectation over a Student-t scaled to SD 1: E[g(T)] ≈ Σ w_k g(t_k). Nodes t = s·sinh(z)
 * for z ∈ [−7, 7] in steps of 0.02 (dense near 0, reaching |t| ≈ 548·s, s = √((df − 2)/df)); trapezoid
 * weights f(t)·cosh(z)·dz renormalised to sum to 1.
 *
 * @param df degrees of freedom, > 2
 * @example
 * const { t, w } = studentTNodes(5); t.reduce((s, x, k) => s + w[k] * x * x, 0) // => 1.0000 (about)
 */
export function studentTNodes(df: number): { t: Float64Array; w: Float64Array } {
  const cached = NODES.get(df);
  if (cached) return cached;
  const step = 0.02;
  const count = Math.round(14 / step) + 1;
  const t = new Float64Array(count);
  const w = new Float64Array(count);
  const scale = Math.sqrt((df - 2) / df);
  let sum = 0;
  for (let k = 0; k < count; k++) {
    const z = -7 + k * step;
    const x = Math.sinh(z);
    // x is the unscaled t; the unit-SD variable is scale·x.
    t[k] = scale * x;
    // The density up to its constant factor, which the renormalisation below removes.
    w[k] = Math.exp(-((df + 1) / 2) * Math.log1p((x * x) / df)) * Math.cosh(z) * step;
    sum += w[k];
  }
  for (let k = 0; k < count; k++) w[k] /= sum;
  const nodes = { t, w };
  if (NODES.size < 64) NODES.set(df, nodes);
  return nodes;
}

/**
 * P(margin ≤ x).
 *
 * @param d the distribution (pp)
 * @param x a margin, pp
 * @example
 * marginCdf({ mean: 0, nationalSD: 0, tails: 5, otherSD: 1 }, 1.6448536) // => 0.95 (to 1e-6)
 */
export function marginCdf(d: MarginDistribution, x: number): number {
  const other = Math.max(d.otherSD, 1e-9);
  if (d.nationalSD <= 0 || d.tails >= 1e6) return phi((x - d.mean) / Math.hypot(d.nationalSD, other));
  const { t, w } = studentTNodes(d.tails);
  let p = 0;
  for (let k = 0; k < t.length; k++) p += w[k] * phi((x - d.mean - d.nationalSD * t[k]) / other);
  return Math.min(1, Math.max(0, p));
}

/**
 * P(margin > 0): the probability that the first side carries the unit.
 *
 * @example
 * marginProbabilityPositive({ mean: 2, nationalSD: 0, tails: 5, otherSD: 2 }) // => 0.841344 (Φ(1), to 1e-6)
 */
export function marginProbabilityPositive(d: MarginDistribution): number {
  return 1 - marginCdf(d, 0);
}

/**
 * The margin at cumulative probability p (bisection on {@link marginCdf}, to 1e-6 pp).
 *
 * @param p probability in (0, 1)
 * @throws {RangeError} when p is not strictly between 0 and 1
 * @example
 * marginQuantile({ mean: 1, nationalSD: 0, tails: 5, otherSD: 2 }, 0.95) // => 4.289707 (1 + 1.644854 × 2)
 */
export function marginQuantile(d: MarginDistribution, p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`marginQuantile needs a probability strictly between 0 and 1, got ${p}`);
  const spread = Math.hypot(d.nationalSD, d.otherSD);
  let lo = d.mean - 60 * spread - 1;
  let hi = d.mean + 60 * spread + 1;
  for (let i = 0; i < 200 && hi - lo > 1e-6; i++) {
    const mid = (lo + hi) / 2;
    if (marginCdf(d, mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * Central interval of the margin: the (1 − level)/2 and (1 + level)/2 quantiles.
 *
 * @param level coverage, 0–1 (default 0.9)
 * @example
 * marginInterval({ mean: 0, nationalSD: 0, tails: 5, otherSD: 1 }, 0.9) // => { low: -1.644854, high: 1.644854 } (to 1e-6)
 */
export function marginInterval(d: MarginDistribution, level = 0.9): { low: number; high: number } {
  return { low: marginQuantile(d, (1 - level) / 2), high: marginQuantile(d, (1 + level) / 2) };
}
