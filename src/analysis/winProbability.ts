/**
 * Win probability summary of a simulation: P(win) per side with its Monte Carlo standard error, the
 * distribution of the weight won, P(tie) and P(split between the weight winner and the popular vote).
 */
import type { Side } from '../model/types.js';
import type { SimulationResult } from '../sim/types.js';
import { tallyQuantileIndex } from '../model/tallyQuantile.js';

/** Probability with its Monte Carlo standard error sqrt(p (1 − p) / n). */
export interface Estimate {
  p: number;
  standardError: number;
}

/** One bar of the weight distribution of side A. */
export interface WeightShare {
  /** Weight won by side A (electoral votes, seats). */
  weight: number;
  /** Share of draws, 0–1. */
  probability: number;
}

/** What {@link winProbability} returns. */
export interface WinProbabilitySummary {
  sides: [Side, Side];
  simulations: number;
  /** P(win outright) per side. */
  win: Record<Side, Estimate>;
  /** 95 % Wilson interval of P(win outright) per side (Monte Carlo error only). */
  winInterval: Record<Side, Interval>;
  /** P(tie): 269–269 or an exact national tie. */
  tie: Estimate;
  /** P(side A wins the national two-party popular vote). */
  popularWinA: Estimate;
  /** P(the weight winner loses the popular vote). */
  split: Estimate;
  /** Mean weight per side. */
  expectedWeight: Record<Side, number>;
  /** Weights side A won with non-zero probability, ascending. */
  weightDistribution: WeightShare[];
  /** 5th, 50th and 95th percentiles of side A's weight. */
  weightQuantiles: { p05: number; p50: number; p95: number };
}

/**
 * A share of draws with its binomial Monte Carlo standard error sqrt(p (1 − p) / n).
 *
 * @param count draws in which the event happened
 * @param n draws (NaN estimate when 0)
 * @example
 * estimate(25, 100) // => {p: 0.25, standardError: 0.04330127018922193}
 */
export function estimate(count: number, n: number): Estimate {
  const p = n > 0 ? count / n : NaN;
  return { p, standardError: n > 0 ? Math.sqrt((p * (1 - p)) / n) : NaN };
}

/** A two-sided interval of a probability, both ends shares 0–1. */
export interface Interval {
  low: number;
  high: number;
}

/** z of a two-sided 95 % normal interval. */
const Z95 = 1.959963984540054;

/**
 * Wilson score interval of a binomial share (Wilson 1927, JASA 22(158):209-212; recommended over the
 * normal "± 1.96 SE" interval by Brown, Cai & DasGupta 2001, Statistical Science 16(2)). Unlike p ± 1.96 SE
 * it never collapses to a point when every or no draw is a win: 200 wins in 200 draws give 98.1–100 %,
 * not 100 % ± 0.
 *
 * It measures Monte Carlo error only: where the probability the model gives would settle with more
 * draws, not the uncertainty of the election itself.
 *
 * @param count draws in which the event happened, 0..n
 * @param n draws; NaN ends when 0
 * @param z normal quantile of the confidence level (default 1.96, a 95 % interval)
 * @returns `{low, high}`, shares 0–1
 * @example
 * wilsonInterval(81, 263) // => {low: 0.2552885198782742, high: 0.36620957698280004} (Newcombe 1998: 0.2553–0.3662)
 * wilsonInterval(200, 200) // => {low: 0.9811546736227335, high: 1}
 */
export function wilsonInterval(count: number, n: number, z = Z95): Interval {
  if (!(n > 0)) return { low: NaN, high: NaN };
  const p = count / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return { low: count === 0 ? 0 : Math.max(0, centre - half), high: count === n ? 1 : Math.min(1, centre + half) };
}

/**
 * Summarises who wins a simulated race and how surely.
 *
 * Standard errors are binomial, sqrt(p (1 − p) / n) over independent draws. The weight distribution and
 * quantiles come from `result.weightTally` (the weights side A won and the draws of each).
 *
 * @param result a simulation result
 * @example
 * // 4 draws in which D won 300, 280, 269 and 200 electoral votes
 * winProbability(result).win // => {D: {p: 0.5, standardError: 0.25}, R: {p: 0.25, standardError: 0.21650635094610965}}
 * winProbability(result).tie // => {p: 0.25, standardError: 0.21650635094610965}
 * winProbability(result).weightQuantiles // => {p05: 200, p50: 269, p95: 300}
 */
export function winProbability(result: SimulationResult): WinProbabilitySummary {
  const n = result.simulations;
  const [a, b] = result.sides;
  const weightDistribution: WeightShare[] = [];
  const { weights, counts } = result.weightTally;
  for (let i = 0; i < weights.length; i++) if (counts[i] > 0) weightDistribution.push({ weight: weights[i], probability: counts[i] / n });
  const quantile = (q: number): number => {
    const k = tallyQuantileIndex(counts, 0, weights.length, n, q);
    return k < 0 ? NaN : weights[k];
  };
  const quantiles = { p05: quantile(0.05), p50: quantile(0.5), p95: quantile(0.95) };
  return {
    sides: result.sides,
    simulations: n,
    win: { [a]: estimate(result.winsA, n), [b]: estimate(result.winsB, n) },
    winInterval: { [a]: wilsonInterval(result.winsA, n), [b]: wilsonInterval(result.winsB, n) },
    tie: estimate(result.ties, n),
    popularWinA: estimate(result.popularWinsA, n),
    split: estimate(result.splits, n),
    expectedWeight: { ...result.expectedWeight },
    weightDistribution,
    weightQuantiles: quantiles,
  };
}
