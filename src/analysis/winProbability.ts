/**
 * Win probability summary of a simulation: P(win) per side with its Monte Carlo standard error, the
 * distribution of the weight won, P(tie) and P(split between the weight winner and the popular vote).
 */
import type { Side } from '../model/types.js';
import type { SimulationResult } from '../sim/types.js';

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

/**
 * Summarises who wins a simulated race and how surely.
 *
 * Standard errors are binomial, sqrt(p (1 − p) / n) over independent draws. The weight distribution and
 * quantiles come from `result.weightCounts` (draws per weight won by side A).
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
  const quantiles = { p05: NaN, p50: NaN, p95: NaN };
  let cumulative = 0;
  for (let w = 0; w < result.weightCounts.length; w++) {
    const count = result.weightCounts[w];
    if (count === 0) continue;
    weightDistribution.push({ weight: w, probability: count / n });
    const before = cumulative;
    cumulative += count;
    if (before < 0.05 * n && cumulative >= 0.05 * n) quantiles.p05 = w;
    if (before < 0.5 * n && cumulative >= 0.5 * n) quantiles.p50 = w;
    if (before < 0.95 * n && cumulative >= 0.95 * n) quantiles.p95 = w;
  }
  return {
    sides: result.sides,
    simulations: n,
    win: { [a]: estimate(result.winsA, n), [b]: estimate(result.winsB, n) },
    tie: estimate(result.ties, n),
    popularWinA: estimate(result.popularWinsA, n),
    split: estimate(result.splits, n),
    expectedWeight: { ...result.expectedWeight },
    weightDistribution,
    weightQuantiles: quantiles,
  };
}
