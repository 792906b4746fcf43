/**
 * Conditional what-if: P(side wins the race | side wins territory X), from the draws a run kept.
 */
import { sideSign } from '../model/sideSign.js';
import type { Side } from '../model/types.js';
import type { SimulationResult } from '../sim/types.js';
import { InputError } from '../errors.js';
import { keptDraws } from './keptDraws.js';
import { analysisMessages, type AnalysisWarning } from './analysisMessages.js';
import { estimate, type Estimate } from './winProbability.js';

/** Options of {@link conditionalWin}. */
export interface ConditionalWinOptions {
  /** Territory id conditioned on (`FL`). */
  unit: string;
  /** Side that wins the territory; default side A (`result.sides[0]`). */
  side?: Side;
  /** Below this many kept draws a `few-draws` warning is returned. Default 100. */
  minDraws?: number;
}

/** What {@link conditionalWin} returns. */
export interface ConditionalWin {
  unit: string;
  side: Side;
  /** Draws in which `side` won `unit`. */
  draws: number;
  /** P(side wins the race | side wins unit), with its standard error over the kept draws; NaN when none. */
  win: Estimate;
  /** Unconditional P(side wins the race), over all draws, for comparison. */
  unconditional: Estimate;
  warnings: AnalysisWarning[];
}

/**
 * P(a side wins the race given it wins one territory), counted over the draws of a run.
 *
 * Needs the run to keep `margins` and `outcome` (`simulate(model, {keep: {margins: true, outcome: true}})`).
 * A side wins a territory when its two-party margin there is above 0. When fewer than `minDraws` draws
 * satisfy the condition the estimate is returned with a `few-draws` warning (none: `no-draws`, NaN).
 *
 * @param result a simulation result with kept margins and outcomes
 * @param options `unit`, `side` (default side A), `minDraws` (default 100)
 * @throws {InputError} when the unit or side is unknown or the draws were not kept
 * @example
 * // 2020 baseline, uncertainty {national: 2, regional: 1.5, territory: 2, tails: 5}, D list 2,000,000 with email and door (coverage 0.1), 20,000 draws, seed 1, keeping margins and outcomes:
 * conditionalWin(result, { unit: 'PA', side: 'D' })
 * // => {unit: 'PA', side: 'D', draws: 12997, win: {p: 0.8724, standardError: 0.0029}, unconditional: {p: 0.6984, standardError: 0.0032}, warnings: []}
 */
export function conditionalWin(result: SimulationResult, options: ConditionalWinOptions): ConditionalWin {
  const side = options.side ?? result.sides[0];
  const sign = sideSign(result.sides, side);
  const index = result.unitIds.indexOf(options.unit);
  if (index < 0) throw new InputError({ at: 'unit', expected: 'a unit id of the run', found: JSON.stringify(options.unit) });
  const { margins, outcome } = keptDraws(result, ['margins', 'outcome']);
  const units = result.unitIds.length;
  const n = outcome.length;
  let kept = 0;
  let won = 0;
  let wonAll = 0;
  for (let d = 0; d < n; d++) {
    if (outcome[d] === sign) wonAll++;
    if (sign * margins[d * units + index] > 0) {
      kept++;
      if (outcome[d] === sign) won++;
    }
  }
  const condition = `${side} wins ${options.unit}`;
  const minDraws = options.minDraws ?? 100;
  const warnings: AnalysisWarning[] = [];
  if (kept === 0) warnings.push(analysisMessages.noDraws(n, condition));
  else if (kept < minDraws) warnings.push(analysisMessages.fewDraws(kept, n, condition));
  return { unit: options.unit, side, draws: kept, win: estimate(won, kept), unconditional: estimate(wonAll, n), warnings };
}
