/**
 * Builds the typed-array model the kernel runs from a resolved scenario, once per run.
 */
import { twoPartyMargin } from '../model/twoPartyMargin.js';
import { CHANNEL_NAMES } from '../model/types.js';
import type { RuleName, Side } from '../model/types.js';
import { priorShape } from '../model/priorDraw.js';
import { ruleThresholds, unitWeight } from '../model/decisionRule.js';
import { campaignCoefficients, type CampaignCoefficients } from '../model/campaignCoefficients.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { InputError } from '../errors.js';

/** Everything the kernel needs, on typed arrays. Side index 0 is A (`sides[0]`), 1 is B. */
export interface SimulationModel {
  sides: [Side, Side];
  rule: RuleName;
  units: number;
  unitIds: string[];
  unitNames: string[];
  /** Weight each unit carries under the rule (0 for national-vote rules). */
  weights: Int32Array;
  weighted: boolean;
  totalWeight: number;
  threshold: number;
  /** Baseline two-party votes of A and B, and A's baseline margin in pp. */
  baseA: Float64Array;
  baseB: Float64Array;
  baseMargin: Float64Array;
  /** Index of the parent unit, −1 when none. */
  parentIndex: Int32Array;
  /** 1 when the unit counts in national sums (no parent). */
  inNational: Uint8Array;
  regionIndex: Int32Array;
  regionCount: number;
  regionNames: string[];
  nationalSD: number;
  regionalSD: number;
  /** Per unit: SD of the territory's own error, pp (its `territorySD` when given, else uncertainty.territory). */
  territoryScale: Float64Array;
  tails: number;
  /** Per unit: 100 / baseline two-party votes, turning net margin votes into pp of margin. */
  marginPerVote: Float64Array;
  /** Per unit: baseline two-party votes (the weight of the unit's margin in the national margin). */
  twoParty: Float64Array;
  /** Lower Cholesky factor of the territory correlation (row-major), or null for independent errors. */
  cholesky: Float64Array | null;
  /**
   * +1 when `sides` is in canonical (sorted) order, −1 otherwise. Errors are drawn for the canonical
   * first side's margin, so swapping the sides mirrors every draw exactly.
   */
  orientation: number;
  /** Campaign coefficients per side index. */
  campaigns: [CampaignCoefficients, CampaignCoefficients];
  /** Active channel slots per side index, relay excluded (the mobilisation product). */
  activeSlots: [Int32Array, Int32Array];
  /** True when any side has a kept list member. */
  anyCampaign: boolean;
  /**
   * Per side index and slot (s × slots + c): the shape of the turnout-effect prior (see priorShape:
   * value = max(floor, mode + z × (z < 0 ? below : above)), mean = the prior's central value).
   */
  effectMode: Float64Array;
  effectBelow: Float64Array;
  effectAbove: Float64Array;
  effectFloor: Float64Array;
  /** The same for the persuasion prior. */
  persuasionMode: Float64Array;
  persuasionBelow: Float64Array;
  persuasionAbove: Float64Array;
  persuasionFloor: Float64Array;
  /**
   * Per unit: pp of margin added by a uniform(0, 1) effect drawn once per simulation (the benchmark's
   * peer model: 100 × votes / two-party votes), or null for none (every scenario).
   */
  uniformShift: Float64Array | null;
  /** Whether each draw takes the channel-effect normals (two per slot); false only for a model without campaigns built with `channelDraws: false`. */
  channelDraws: boolean;
  /** Units with a parent (they take the parent's campaign shift). */
  childUnits: Int32Array;
  /** Per unit: its weight in the national two-party margin (baseline two-party votes; 0 for units with a parent). */
  nationalWeight: Float64Array;
  /** Sum of `nationalWeight`. */
  nationalTotal: number;
  /**
   * Units that can be tipping points (weighted rules: closest baseline margin first), and the weight each
   * contributes (weights, or two-party votes). Empty when the model computes no tipping points
   * (PrepareOptions.tippingPoints false).
   */
  tippingUnits: Int32Array;
  tippingWeight: Float64Array;
  /** Cumulative weight at which a unit tips the race (threshold, or more than half the national vote). */
  tippingThreshold: number;
  /** Whether the tipping threshold is reached with >= (weights) or > (half the votes). */
  tippingStrict: boolean;
  /**
   * Per unit: its baseline two-party share of all votes cast, (A + B) / (A + B + other), 1 when it has no
   * votes. A two-party margin times it is the margin over all votes cast (the other candidates' votes held
   * at baseline), the basis of the published tipping-point tables on which tipping units are ordered.
   */
  allVotesShare: Float64Array;
  /** The same for the national vote (units without a parent). */
  nationalAllVotesShare: number;
}

/** Channel slots per side (one per {@link CHANNEL_NAMES} entry). */
export const CHANNEL_SLOTS = CHANNEL_NAMES.length;

/** Options of {@link prepareModel} beyond the scenario (the benchmark's peer model). */
export interface PrepareOptions {
  /**
   * Net votes that a uniform(0, 1) effect, drawn once per simulation, adds to side A's margin in every
   * unit at its full value (the peer model of `campaign-lab bench --model peer`: 50,000). Absent: none.
   */
  uniformEffectVotes?: number;
  /** false: draws take no channel-effect normals (allowed only without campaigns). Default true. */
  channelDraws?: boolean;
  /**
   * false: no tipping points are computed (the result's `tippingCounts` stay 0), for callers that do not
   * report them, such as `npm run bench`'s line for exactly the numpy peer's outputs. Default true.
   */
  tippingPoints?: boolean;
}

/**
 * Prepares the kernel model from a resolved scenario.
 *
 * @param resolved Resolved scenario (from resolveScenario).
 * @param options Extra terms of the benchmark's peer model; scenarios leave it out.
 * @returns The typed-array model; build it once and run {@link simulate} on it as often as needed.
 * @throws {InputError} when the race has no territory, a parent id is not a territory, a territory's
 *   `territorySD` is negative, a campaign's homophily or persuadable share is not a share, or
 *   `channelDraws: false` is asked with a campaign.
 * @example
 * prepareModel(resolved).units // => 56 for a US electoral-college race
 */
export function prepareModel(resolved: ResolvedScenario, options: PrepareOptions = {}): SimulationModel {
  const territories = resolved.territories;
  const units = territories.length;
  if (units === 0) throw new InputError({ at: 'territories', expected: 'at least one territory', found: '[]' });
  const [sideA, sideB] = resolved.sides;
  const rule = resolved.rule;
  const index = new Map(territories.map((t, i) => [t.id, i]));
  const weights = new Int32Array(units);
  const baseA = new Float64Array(units);
  const baseB = new Float64Array(units);
  const baseMargin = new Float64Array(units);
  const parentIndex = new Int32Array(units).fill(-1);
  const inNational = new Uint8Array(units);
  const regionIndex = new Int32Array(units);
  const regionNames: string[] = [];
  territories.forEach((t, i) => {
    weights[i] = unitWeight(rule, t.weight);
    baseA[i] = t.votes[sideA] ?? 0;
    baseB[i] = t.votes[sideB] ?? 0;
    baseMargin[i] = twoPartyMargin(baseA[i], baseB[i]);
    if (t.parent !== undefined) {
      const p = index.get(t.parent);
      if (p === undefined) throw new InputError({ at: `territories.${t.id}.parent`, expected: 'the id of a territory of the race', found: JSON.stringify(t.parent) });
      parentIndex[i] = p;
    } else {
      inNational[i] = 1;
    }
    let r = regionNames.indexOf(t.region);
    if (r < 0) r = regionNames.push(t.region) - 1;
    regionIndex[i] = r;
  });
  const thresholds = ruleThresholds(rule, territories.map((t) => t.weight), resolved.threshold);
  const campaigns: [CampaignCoefficients, CampaignCoefficients] = [
    campaignCoefficients(resolved.campaigns[sideA], territories, sideA, sideB),
    campaignCoefficients(resolved.campaigns[sideB], territories, sideB, sideA),
  ];
  const activeSlots: [Int32Array, Int32Array] = [campaigns[0].mobiliseSlots, campaigns[1].mobiliseSlots];
  const anyCampaign = campaigns.some((c) => c.members.some((m) => m > 0));
  const slots = CHANNEL_SLOTS;
  const effectMode = new Float64Array(2 * slots);
  const effectBelow = new Float64Array(2 * slots);
  const effectAbove = new Float64Array(2 * slots);
  const effectFloor = new Float64Array(2 * slots);
  const persuasionMode = new Float64Array(2 * slots);
  const persuasionBelow = new Float64Array(2 * slots);
  const persuasionAbove = new Float64Array(2 * slots);
  const persuasionFloor = new Float64Array(2 * slots);
  resolved.sides.forEach((side, s) => {
    CHANNEL_NAMES.forEach((name, c) => {
      const channel = resolved.campaigns[side].channels[name];
      if (!channel) return;
      const k = s * slots + c;
      const e = priorShape(channel.effect);
      effectMode[k] = e.mode;
      effectBelow[k] = e.below;
      effectAbove[k] = e.above;
      effectFloor[k] = e.floor;
      const p = priorShape(channel.persuasion);
      persuasionMode[k] = p.mode;
      persuasionBelow[k] = p.below;
      persuasionAbove[k] = p.above;
      persuasionFloor[k] = p.floor;
    });
  });
  const canonical = sideA <= sideB;
  const tipping: number[] = [];
  const tipWeights: number[] = [];
  for (let i = 0; i < units; i++) {
    const w = thresholds.weighted ? weights[i] : inNational[i] ? baseA[i] + baseB[i] : 0;
    if (w > 0) {
      tipping.push(i);
      tipWeights.push(w);
    }
  }
  // Weighted rules scan the candidates closest first (by baseline margin, then index), so the one-pass
  // tipping scan fills its buffer with the close units early and skips the safe ones with one comparison;
  // its answer does not depend on the scan order (see tippingUnitBySurplus).
  const scanOrder = thresholds.weighted
    ? tipping.map((u, k) => k).sort((x, y) => Math.abs(baseMargin[tipping[x]]) - Math.abs(baseMargin[tipping[y]]) || tipping[x] - tipping[y])
    : tipping.map((u, k) => k);
  const nationalWeight = new Float64Array(units);
  let nationalTotal = 0;
  const children: number[] = [];
  for (let i = 0; i < units; i++) {
    if (inNational[i]) {
      nationalWeight[i] = baseA[i] + baseB[i];
      nationalTotal += nationalWeight[i];
    }
    if (parentIndex[i] >= 0) children.push(i);
  }
  let uniformShift: Float64Array | null = null;
  if (options.uniformEffectVotes !== undefined) {
    const votes = options.uniformEffectVotes;
    uniformShift = new Float64Array(units);
    for (let i = 0; i < units; i++) {
      const two = baseA[i] + baseB[i];
      uniformShift[i] = two > 0 ? (100 * votes) / two : 0;
    }
  }
  const channelDraws = options.channelDraws ?? true;
  if (!channelDraws && anyCampaign) throw new InputError({ at: 'campaigns', expected: 'no campaign in a model without channel draws', found: 'a campaign with list members' });
  const tippingWeight = new Float64Array(units);
  tipping.forEach((u, k) => (tippingWeight[u] = tipWeights[k]));
  const voteTotal = tipWeights.reduce((a, b) => a + b, 0);
  const u = resolved.uncertainty;
  const territoryScale = new Float64Array(units);
  const marginPerVote = new Float64Array(units);
  const twoParty = new Float64Array(units);
  territories.forEach((t, i) => {
    const sd = t.territorySD ?? u.territory;
    if (!(sd >= 0 && Number.isFinite(sd))) throw new InputError({ at: `territories.${t.id}.territorySD`, expected: 'a non-negative number of pp', found: String(sd) });
    territoryScale[i] = sd;
    const two = baseA[i] + baseB[i];
    twoParty[i] = two;
    marginPerVote[i] = two > 0 ? 100 / two : 0;
  });
  const allVotesShare = new Float64Array(units);
  let nationalTwoParty = 0;
  let nationalAll = 0;
  territories.forEach((t, i) => {
    const two = baseA[i] + baseB[i];
    const all = two + (t.other ?? 0);
    allVotesShare[i] = all > 0 ? two / all : 1;
    if (inNational[i]) {
      nationalTwoParty += two;
      nationalAll += all;
    }
  });
  if (u.cholesky && u.cholesky.length !== units * units) {
    throw new InputError({ at: 'uncertainty.cholesky', expected: `${units * units} numbers (units × units)`, found: String(u.cholesky.length) });
  }
  return {
    sides: [sideA, sideB],
    rule,
    units,
    unitIds: territories.map((t) => t.id),
    unitNames: territories.map((t) => t.name),
    weights,
    weighted: thresholds.weighted,
    totalWeight: thresholds.totalWeight,
    threshold: thresholds.threshold,
    baseA,
    baseB,
    baseMargin,
    parentIndex,
    inNational,
    regionIndex,
    regionCount: regionNames.length,
    regionNames,
    nationalSD: u.national,
    regionalSD: u.regional,
    territoryScale,
    tails: u.tails,
    marginPerVote,
    twoParty,
    cholesky: u.cholesky ? Float64Array.from(u.cholesky) : null,
    orientation: canonical ? 1 : -1,
    campaigns,
    activeSlots,
    anyCampaign,
    effectMode,
    effectBelow,
    effectAbove,
    effectFloor,
    persuasionMode,
    persuasionBelow,
    persuasionAbove,
    persuasionFloor,
    uniformShift,
    channelDraws,
    childUnits: Int32Array.from(children),
    nationalWeight,
    nationalTotal,
    tippingUnits: options.tippingPoints === false ? new Int32Array(0) : Int32Array.from(scanOrder, (k) => tipping[k]),
    tippingWeight,
    tippingThreshold: thresholds.weighted ? thresholds.threshold : voteTotal / 2,
    tippingStrict: !thresholds.weighted,
    allVotesShare,
    nationalAllVotesShare: nationalAll > 0 ? nationalTwoParty / nationalAll : 1,
  };
}
