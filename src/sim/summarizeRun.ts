/**
 * The `campaign-lab run --json` object from a simulation result.
 */
import type { Side } from '../model/types.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { CampaignEffects, SimulationResult } from './types.js';

/** One territory of a run summary. */
export interface TerritorySummary {
  id: string;
  name: string;
  weight: number;
  /** P(win) of the unit per side (P(B) = 1 − P(A): an exact zero margin has probability zero). */
  pWin: Record<Side, number>;
  /** Mean two-party margin of side A, pp. */
  meanMargin: number;
  /** Standard deviation of side A's margin across draws, pp. */
  sdMargin: number;
  /** Share of draws in which the unit was the tipping point. */
  tippingPoint: number;
  /**
   * Mean net margin votes each side's campaign added in the unit. A unit that takes its parent's campaign
   * (`ME-2` in `ME`) moves by the parent's shift in pp, so it shows the parent's votes in proportion to its
   * two-party vote; national totals count the parent only.
   */
  extraVotes: Record<Side, number>;
}

/** One row of a run's tipping-point ranking. */
export interface TippingPointShare {
  id: string;
  name: string;
  /** Share of simulations in which the unit was the tipping point. */
  frequency: number;
}

/** The run summary printed by `campaign-lab run --json`. */
export interface RunSummary extends Pick<SimulationResult, 'pWin' | 'pTie' | 'standardError' | 'expectedWeight'> {
  name: string;
  seed: number;
  simulations: number;
  sides: [Side, Side];
  rule: string;
  /** Weight needed to win (270); 1 for national-vote rules. */
  threshold: number;
  /**
   * Tipping points, most frequent first (ties by id), units never tipping left out. An array, so the rank
   * survives JSON: an object keyed by unit id would list integer-like ids (`10`, `95`, FIPS codes) first,
   * in numeric order, whatever their frequency.
   */
  tippingPoint: TippingPointShare[];
  /** Margin on which units are ordered to find the tipping point: `all-votes`, the published convention. */
  tippingBasis: 'all-votes';
  /**
   * Weighted rules: the electoral-college bias, mean of (A's margin in the draw's tipping unit − A's
   * national margin), both over all votes cast, pp (> 0: the weights favour A). Absent under national-vote rules.
   */
  electoralCollegeBias?: { basis: 'all-votes'; meanPp: number };
  /** P(win) of the national two-party popular vote per side. */
  popularVote: { pWin: Record<Side, number> };
  /** Share of draws where the weight winner lost the popular vote. */
  pSplit: number;
  /** Expected net extra votes per side, summed over units. */
  expectedExtraVotes: Record<Side, number>;
  /**
   * Per side: mean over draws of its campaign's net margin votes (its gain in margin over the other side)
   * by source: turnout (list mobilisation), persuasion, relay, indirect (social network), total.
   */
  effects: Record<Side, CampaignEffects>;
  /**
   * P(side A wins weight w), index w = 0..total weight, when the total weight is at most 65,536
   * (electoral votes, seats); empty above it (a race weighted by registered voters): see weightsReached.
   */
  weightDistribution: number[];
  /** With a total weight above 65,536: the weights side A won in some draw, ascending, and their probabilities. */
  weightsReached?: { weight: number[]; probability: number[] };
  territories: TerritorySummary[];
  scenario: ResolvedScenario;
  version: string;
}

/**
 * Builds the run summary: probabilities with their Monte Carlo standard errors, expected weights,
 * tipping-point frequencies, per-territory P(win) and mean margin, and the resolved scenario.
 *
 * @param result Simulation result.
 * @param resolved The resolved scenario that produced it.
 * @returns The `run --json` object.
 * @example
 * summarizeRun(result, resolved).pWin // => { D: 0.61, R: 0.38 }
 */
export function summarizeRun(result: SimulationResult, resolved: ResolvedScenario): RunSummary {
  const n = result.simulations;
  const [a, b] = result.sides;
  const byId = new Map(resolved.territories.map((t) => [t.id, t]));
  const index = new Map(result.unitIds.map((id, i) => [id, i]));
  const twoParty = (id: string): number => {
    const t = byId.get(id);
    return t ? (t.votes[a] ?? 0) + (t.votes[b] ?? 0) : 0;
  };
  /** A side's mean net margin votes in a unit; a district takes its parent's, scaled to its two-party vote. */
  const extra = (side: Side, id: string, i: number): number => {
    const parent = byId.get(id)?.parent;
    const p = parent === undefined ? undefined : index.get(parent);
    if (parent === undefined || p === undefined || twoParty(parent) <= 0) return result.meanExtraVotes[side][i];
    return (result.meanExtraVotes[side][p] * twoParty(id)) / twoParty(parent);
  };
  const territories = result.unitIds.map((id, i): TerritorySummary => {
    const mean = result.marginSum[i] / n;
    const variance = Math.max(0, result.marginSumSq[i] / n - mean * mean);
    const pA = result.unitWinsA[i] / n;
    return {
      id,
      name: result.unitNames[i],
      weight: result.weights[i],
      pWin: { [a]: pA, [b]: 1 - pA },
      meanMargin: mean,
      sdMargin: Math.sqrt(variance),
      tippingPoint: result.tippingCounts[i] / n,
      extraVotes: { [a]: extra(a, id, i), [b]: extra(b, id, i) },
    };
  });
  const tipping = territories
    .filter((t) => t.tippingPoint > 0)
    .sort((x, y) => y.tippingPoint - x.tippingPoint || (x.id < y.id ? -1 : 1));
  const sum = (values: Float64Array): number => values.reduce((s, v) => s + v, 0);
  return {
    name: resolved.name,
    seed: result.seed,
    simulations: n,
    sides: [a, b],
    rule: result.rule,
    pWin: result.pWin,
    pTie: result.pTie,
    standardError: result.standardError,
    expectedWeight: result.expectedWeight,
    threshold: result.threshold,
    tippingPoint: tipping.map((t) => ({ id: t.id, name: t.name, frequency: t.tippingPoint })),
    tippingBasis: result.tippingBasis,
    ...(result.electoralCollegeBias ? { electoralCollegeBias: { basis: result.electoralCollegeBias.basis, meanPp: result.electoralCollegeBias.meanPp } } : {}),
    popularVote: { pWin: { [a]: result.popularWinsA / n, [b]: 1 - result.popularWinsA / n } },
    pSplit: result.splits / n,
    expectedExtraVotes: { [a]: sum(result.meanExtraVotes[a]), [b]: sum(result.meanExtraVotes[b]) },
    effects: { [a]: { ...result.effects[a] }, [b]: { ...result.effects[b] } },
    weightDistribution: Array.from(result.weightCounts, (c) => c / n),
    ...(result.weightCounts.length === 0 ? { weightsReached: { weight: Array.from(result.weightTally.weights), probability: Array.from(result.weightTally.counts, (c) => c / n) } } : {}),
    territories,
    scenario: resolved,
    version: result.version,
  };
}
