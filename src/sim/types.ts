/**
 * The result of a Monte Carlo run: streaming accumulators on typed arrays, no per-draw objects
 * unless the caller asks to keep draws. This is the contract that analyses, charts and the command
 * line read; fields may be added, but these keep their meaning.
 */
import type { RuleName, Side } from '../model/types.js';

/** Per-draw arrays, kept only when `SimulationOptions.keep` asks for them. */
export interface KeptDraws {
  /** Two-party margin of side A in pp, per draw and unit: index `draw * units + unit`. */
  margins?: Float32Array;
  /** Weight won by side A per draw (EV, seats; for popular-vote rules 1 = win, 0 = loss). */
  weightA?: Int32Array;
  /** National two-party margin of side A in pp, per draw. */
  nationalMargin?: Float32Array;
  /** Winner per draw: 1 side A, -1 side B, 0 tie. Lets analyses pair draws across runs (common random numbers). */
  outcome?: Int8Array;
}

/**
 * Mean over draws of one side's net margin votes (its gain in margin over the other side, votes) by
 * source, summed over units: list mobilisation, persuasion (2 per switched vote), relay votes and the
 * social channel's indirect votes (each net of the share going to the other side), and their total.
 */
export interface CampaignEffects {
  turnout: number;
  persuasion: number;
  relay: number;
  indirect: number;
  total: number;
}

/** What a simulation returns. Side A is `sides[0]` ("ours"), side B is `sides[1]`. */
export interface SimulationResult {
  /** Package version that produced the result. */
  version: string;
  seed: number;
  simulations: number;
  /** Draws per block; blocks are seeded from (seed, block index). */
  blockSize: number;
  sides: [Side, Side];
  rule: RuleName;
  unitIds: string[];
  unitNames: string[];
  /** Weight of each unit (EV, seats; 0 where units are not weighted). */
  weights: Int32Array;
  /** Weight needed to win outright (270 of 538). For popular-vote rules: 1. */
  threshold: number;
  /** Draws won by A, by B, and tied (269–269, or an exact national tie). */
  winsA: number;
  winsB: number;
  ties: number;
  /** P(win) per side, P(tie), and the Monte Carlo standard error sqrt(p(1-p)/n) per side. */
  pWin: Record<Side, number>;
  pTie: number;
  standardError: Record<Side, number>;
  /** Mean weight per side. */
  expectedWeight: Record<Side, number>;
  /**
   * weightCounts[w] = draws in which side A won weight w; length = total weight + 1, when the total weight
   * is at most 65,536 (electoral votes, seats). Above it (a race weighted by registered voters) it is
   * empty: read {@link weightTally}, which holds the same counts for every total.
   */
  weightCounts: Float64Array;
  /**
   * The weights side A won in some draw, ascending, and the draws of each: the distribution of the weight
   * at the cost of the distinct totals reached, whatever the weights' magnitude.
   */
  weightTally: { weights: Float64Array; counts: Float64Array };
  /** Per unit: draws A won the unit; sum and sum of squares of A's margin (pp). */
  unitWinsA: Float64Array;
  marginSum: Float64Array;
  marginSumSq: Float64Array;
  /**
   * Per unit: draws in which the unit was the tipping point (for the draw's winner), units ordered by the
   * winner's margin over all votes cast (`tippingBasis`), the convention of the published tables.
   */
  tippingCounts: Float64Array;
  /** Margin on which tipping units are found: always `all-votes`, 100 × (A − B) / all votes cast. */
  tippingBasis: 'all-votes';
  /**
   * Weighted rules (electoral college, seats): the electoral-college bias, mean over draws with a tipping
   * unit of A's margin there minus A's national margin, both over all votes cast (pp; > 0: the weights
   * favour A). Absent under national-vote rules.
   */
  electoralCollegeBias?: { basis: 'all-votes'; meanPp: number; draws: number };
  /** Draws A won the national two-party popular vote. */
  popularWinsA: number;
  /** Draws in which the weight winner differs from the popular-vote winner (no tie). */
  splits: number;
  /**
   * Per side and unit: mean net margin votes of that side's campaign (mobilisation + relay and indirect
   * votes net of the share going to the other side + 2 per switched vote).
   */
  meanExtraVotes: Record<Side, Float64Array>;
  /** Per side: mean net margin votes of its campaign by source (sums over units of meanExtraVotes, split). */
  effects: Record<Side, CampaignEffects>;
  /** Per-draw arrays when asked for. */
  draws?: KeptDraws;
}
