/**
 * Builds the typed-array model the kernel runs from a resolved scenario, once per run.
 */
import { CHANNEL_NAMES } from '../model/types.js';
import type { RuleName, Side } from '../model/types.js';
import { NORMAL_Q95 } from '../model/priorDraw.js';
import { ruleThresholds, unitWeight } from '../model/decisionRule.js';
import { campaignCoefficients, RELAY_SLOT, type CampaignCoefficients } from '../model/campaignCoefficients.js';
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
  territorySD: number;
  tails: number;
  /** Lower Cholesky factor of the territory correlation (row-major), or null for independent errors. */
  cholesky: Float64Array | null;
  /**
   * +1 when `sides` is in canonical (sorted) order, −1 otherwise. Errors are drawn for the canonical
   * first side's margin and the channel slots in canonical side order, so swapping the sides mirrors
   * every draw exactly.
   */
  orientation: number;
  /** Side indices (0 = A, 1 = B) in canonical order: the order in which channel slots are drawn. */
  drawOrder: Int32Array;
  /** Campaign coefficients per side index. */
  campaigns: [CampaignCoefficients, CampaignCoefficients];
  /** Active channel slots per side index, relay excluded (the mobilisation product). */
  activeSlots: [Int32Array, Int32Array];
  /** True when any side has a kept list member. */
  anyCampaign: boolean;
  /** Per side index and slot (s × slots + c): prior central and spreads per unit of z (below, above). */
  effectCentral: Float64Array;
  effectBelow: Float64Array;
  effectAbove: Float64Array;
  /** Per slot: lowest value a draw may take (0 when the prior's low is >= 0, else −Infinity). */
  effectFloor: Float64Array;
  persuasionFloor: Float64Array;
  persuasionCentral: Float64Array;
  persuasionBelow: Float64Array;
  persuasionAbove: Float64Array;
  /** Units that can be tipping points, and the weight each contributes (weights, or two-party votes). */
  tippingUnits: Int32Array;
  tippingWeight: Float64Array;
  /** Cumulative weight at which a unit tips the race (threshold, or more than half the national vote). */
  tippingThreshold: number;
  /** Whether the tipping threshold is reached with >= (weights) or > (half the votes). */
  tippingStrict: boolean;
}

/** Channel slots per side (one per {@link CHANNEL_NAMES} entry). */
export const CHANNEL_SLOTS = CHANNEL_NAMES.length;

/**
 * Prepares the kernel model from a resolved scenario.
 *
 * @param resolved Resolved scenario (from resolveScenario).
 * @returns The typed-array model; build it once and run {@link simulate} on it as often as needed.
 * @throws {InputError} when the race has no territory or a parent id is not a territory.
 * @example
 * prepareModel(resolved).units // => 56 for a US electoral-college race
 */
export function prepareModel(resolved: ResolvedScenario): SimulationModel {
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
    const two = baseA[i] + baseB[i];
    baseMargin[i] = two > 0 ? (100 * (baseA[i] - baseB[i])) / two : 0;
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
  const effectCentral = new Float64Array(2 * slots);
  const effectBelow = new Float64Array(2 * slots);
  const effectAbove = new Float64Array(2 * slots);
  const persuasionCentral = new Float64Array(2 * slots);
  const persuasionBelow = new Float64Array(2 * slots);
  const persuasionAbove = new Float64Array(2 * slots);
  const effectFloor = new Float64Array(2 * slots);
  const persuasionFloor = new Float64Array(2 * slots);
  resolved.sides.forEach((side, s) => {
    CHANNEL_NAMES.forEach((name, c) => {
      const channel = resolved.campaigns[side].channels[name];
      if (!channel) return;
      const k = s * slots + c;
      effectCentral[k] = channel.effect.central;
      effectBelow[k] = (channel.effect.central - channel.effect.low) / NORMAL_Q95;
      effectAbove[k] = (channel.effect.high - channel.effect.central) / NORMAL_Q95;
      persuasionCentral[k] = channel.persuasion.central;
      persuasionBelow[k] = (channel.persuasion.central - channel.persuasion.low) / NORMAL_Q95;
      persuasionAbove[k] = (channel.persuasion.high - channel.persuasion.central) / NORMAL_Q95;
      effectFloor[k] = channel.effect.low >= 0 ? 0 : -Infinity;
      persuasionFloor[k] = channel.persuasion.low >= 0 ? 0 : -Infinity;
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
  const tippingWeight = new Float64Array(units);
  tipping.forEach((u, k) => (tippingWeight[u] = tipWeights[k]));
  const voteTotal = tipWeights.reduce((a, b) => a + b, 0);
  const u = resolved.uncertainty;
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
    territorySD: u.territory,
    tails: u.tails,
    cholesky: u.cholesky ? Float64Array.from(u.cholesky) : null,
    orientation: canonical ? 1 : -1,
    drawOrder: Int32Array.from(canonical ? [0, 1] : [1, 0]),
    campaigns,
    activeSlots,
    anyCampaign,
    effectCentral,
    effectBelow,
    effectAbove,
    effectFloor,
    persuasionFloor,
    persuasionCentral,
    persuasionBelow,
    persuasionAbove,
    tippingUnits: Int32Array.from(tipping),
    tippingWeight,
    tippingThreshold: thresholds.weighted ? thresholds.threshold : voteTotal / 2,
    tippingStrict: !thresholds.weighted,
  };
}
