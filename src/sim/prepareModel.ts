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
  const unit = unitArrays(resolved);
  const { weights, baseA, baseB, inNational, parentIndex } = unit;
  const thresholds = ruleThresholds(rule, territories.map((t) => t.weight), resolved.threshold);
  const campaigns: [CampaignCoefficients, CampaignCoefficients] = [
    campaignCoefficients(resolved.campaigns[sideA], territories, sideA, sideB),
    campaignCoefficients(resolved.campaigns[sideB], territories, sideB, sideA),
  ];
  const anyCampaign = campaigns.some((c) => c.members.some((m) => m > 0));
  const tipping = tippingCandidates(unit, thresholds.weighted);
  const { nationalWeight, nationalTotal, children } = nationalWeights(unit);
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
  const u = resolved.uncertainty;
  const shares = unitShares(resolved, unit);
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
    baseMargin: unit.baseMargin,
    parentIndex,
    inNational,
    regionIndex: unit.regionIndex,
    regionCount: unit.regionNames.length,
    regionNames: unit.regionNames,
    nationalSD: u.national,
    regionalSD: u.regional,
    territoryScale: shares.territoryScale,
    tails: u.tails,
    marginPerVote: shares.marginPerVote,
    twoParty: shares.twoParty,
    cholesky: u.cholesky ? Float64Array.from(u.cholesky) : null,
    orientation: sideA <= sideB ? 1 : -1,
    campaigns,
    activeSlots: [campaigns[0].mobiliseSlots, campaigns[1].mobiliseSlots],
    anyCampaign,
    ...channelPriors(resolved),
    uniformShift,
    channelDraws,
    childUnits: Int32Array.from(children),
    nationalWeight,
    nationalTotal,
    tippingUnits: options.tippingPoints === false ? new Int32Array(0) : Int32Array.from(tipping.scanOrder, (k) => tipping.units[k]),
    tippingWeight: tipping.weight,
    tippingThreshold: thresholds.weighted ? thresholds.threshold : tipping.voteTotal / 2,
    tippingStrict: !thresholds.weighted,
    allVotesShare: shares.allVotesShare,
    nationalAllVotesShare: shares.nationalAllVotesShare,
  };
}

/** The per-unit arrays read off the territories: weights, the sides' votes and margin, parents and regions. */
type UnitArrays = Pick<SimulationModel, 'weights' | 'baseA' | 'baseB' | 'baseMargin' | 'parentIndex' | 'inNational' | 'regionIndex' | 'regionNames'>;

/** Fills the {@link UnitArrays}; throws an InputError for a parent id that is not a territory. */
function unitArrays(resolved: ResolvedScenario): UnitArrays {
  const territories = resolved.territories;
  const units = territories.length;
  const [sideA, sideB] = resolved.sides;
  const index = new Map(territories.map((t, i) => [t.id, i]));
  const a: UnitArrays = {
    weights: new Int32Array(units),
    baseA: new Float64Array(units),
    baseB: new Float64Array(units),
    baseMargin: new Float64Array(units),
    parentIndex: new Int32Array(units).fill(-1),
    inNational: new Uint8Array(units),
    regionIndex: new Int32Array(units),
    regionNames: [],
  };
  territories.forEach((t, i) => {
    a.weights[i] = unitWeight(resolved.rule, t.weight);
    a.baseA[i] = t.votes[sideA] ?? 0;
    a.baseB[i] = t.votes[sideB] ?? 0;
    a.baseMargin[i] = twoPartyMargin(a.baseA[i], a.baseB[i]);
    if (t.parent !== undefined) {
      const p = index.get(t.parent);
      if (p === undefined) throw new InputError({ at: `territories.${t.id}.parent`, expected: 'the id of a territory of the race', found: JSON.stringify(t.parent) });
      a.parentIndex[i] = p;
    } else {
      a.inNational[i] = 1;
    }
    let r = a.regionNames.indexOf(t.region);
    if (r < 0) r = a.regionNames.push(t.region) - 1;
    a.regionIndex[i] = r;
  });
  return a;
}

/** Each national unit's weight in the national vote (its two-party votes), their total, and the units with a parent. */
function nationalWeights(unit: UnitArrays): { nationalWeight: Float64Array; nationalTotal: number; children: number[] } {
  const { baseA, baseB, inNational, parentIndex } = unit;
  const units = baseA.length;
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
  return { nationalWeight, nationalTotal, children };
}

/** The channels' effect and persuasion priors as shapes, one slot per side and channel. */
function channelPriors(resolved: ResolvedScenario): Pick<SimulationModel, 'effectMode' | 'effectBelow' | 'effectAbove' | 'effectFloor' | 'persuasionMode' | 'persuasionBelow' | 'persuasionAbove' | 'persuasionFloor'> {
  const slots = CHANNEL_SLOTS;
  const p = {
    effectMode: new Float64Array(2 * slots),
    effectBelow: new Float64Array(2 * slots),
    effectAbove: new Float64Array(2 * slots),
    effectFloor: new Float64Array(2 * slots),
    persuasionMode: new Float64Array(2 * slots),
    persuasionBelow: new Float64Array(2 * slots),
    persuasionAbove: new Float64Array(2 * slots),
    persuasionFloor: new Float64Array(2 * slots),
  };
  resolved.sides.forEach((side, s) => {
    CHANNEL_NAMES.forEach((name, c) => {
      const channel = resolved.campaigns[side].channels[name];
      if (!channel) return;
      const k = s * slots + c;
      const e = priorShape(channel.effect);
      p.effectMode[k] = e.mode;
      p.effectBelow[k] = e.below;
      p.effectAbove[k] = e.above;
      p.effectFloor[k] = e.floor;
      const q = priorShape(channel.persuasion);
      p.persuasionMode[k] = q.mode;
      p.persuasionBelow[k] = q.below;
      p.persuasionAbove[k] = q.above;
      p.persuasionFloor[k] = q.floor;
    });
  });
  return p;
}

/**
 * The units that can tip the race (weighted rules: units with weight; else the national units by their
 * two-party votes), their weights, the total, and the order the tipping scan visits them in.
 */
function tippingCandidates(unit: UnitArrays, weighted: boolean): { units: number[]; weight: Float64Array; voteTotal: number; scanOrder: number[] } {
  const { weights, baseA, baseB, baseMargin, inNational } = unit;
  const count = weights.length;
  const tipping: number[] = [];
  const tipWeights: number[] = [];
  for (let i = 0; i < count; i++) {
    const w = weighted ? weights[i] : inNational[i] ? baseA[i] + baseB[i] : 0;
    if (w > 0) {
      tipping.push(i);
      tipWeights.push(w);
    }
  }
  // Weighted rules scan the candidates closest first (by baseline margin, then index), so the one-pass
  // tipping scan fills its buffer with the close units early and skips the safe ones with one comparison;
  // its answer does not depend on the scan order (see tippingUnitBySurplus).
  const scanOrder = weighted
    ? tipping.map((u, k) => k).sort((x, y) => Math.abs(baseMargin[tipping[x]]) - Math.abs(baseMargin[tipping[y]]) || tipping[x] - tipping[y])
    : tipping.map((u, k) => k);
  const weight = new Float64Array(count);
  tipping.forEach((u, k) => (weight[u] = tipWeights[k]));
  return { units: tipping, weight, voteTotal: tipWeights.reduce((a, b) => a + b, 0), scanOrder };
}

/**
 * Per-unit scales: the territory error SD (its own `territorySD` or the scenario's), margin pp per vote,
 * the two-party votes and the two-party share of all votes (and the national one).
 */
function unitShares(resolved: ResolvedScenario, unit: UnitArrays): Pick<SimulationModel, 'territoryScale' | 'marginPerVote' | 'twoParty' | 'allVotesShare' | 'nationalAllVotesShare'> {
  const territories = resolved.territories;
  const units = territories.length;
  const { baseA, baseB, inNational } = unit;
  const territoryScale = new Float64Array(units);
  const marginPerVote = new Float64Array(units);
  const twoParty = new Float64Array(units);
  territories.forEach((t, i) => {
    const sd = t.territorySD ?? resolved.uncertainty.territory;
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
  return { territoryScale, marginPerVote, twoParty, allVotesShare, nationalAllVotesShare: nationalAll > 0 ? nationalTwoParty / nationalAll : 1 };
}
