/**
 * The draw loop of the Monte Carlo kernel: one block of simulated elections on typed arrays.
 *
 * One simulated election ("draw"):
 * 1. errors on each unit's two-party margin (pp): national Student-t scaled to its SD, one normal per
 *    region, one normal per territory scaled by the territory's own SD (optionally correlated through a
 *    Cholesky factor);
 * 2. every channel slot draws one turnout-effect z and one persuasion z, shared by all territories and by
 *    both sides: a channel's true effect is one fact about the world; each side turns the same z into its
 *    effect through its own prior (see priorShape: mean = the prior's central value) and keeps its own
 *    coverage, contact rate and list;
 * 3. each territory's margin = baseline margin + campaign shift (see campaignShift) + errors; a unit with
 *    a parent takes the parent's campaign shift;
 * 4. the rule decides the draw; accumulators record wins, weights, margins, tipping points and extra votes.
 *
 * Random numbers: the block's sfc32 generator fills a batch of {@link BATCH} draws at a time
 * (fillDrawNumbers), each draw in this order: the national unit t (Bailey's polar method), the regions'
 * and then the units' standard normals (ziggurat), then two normals per channel slot (7 slots: the
 * slot's turnout-effect z, then its persuasion z) — regions + units + 14 = 79 normals for the 56-unit US
 * map — and, for the benchmark's peer model only, one uniform for its effect. The count of 32-bit outputs
 * a draw takes varies with the stream's own values (rejections), never with the campaigns.
 *
 * Common random numbers: every draw consumes the same random numbers whatever the campaigns (slots
 * switched off still draw their two normals), so two runs with the same seed pair their draws.
 * Mirror symmetry: errors are drawn for the margin of the side that sorts first and channel effects are
 * shared by both sides, so swapping `sides` negates every margin exactly; two identical campaigns cancel
 * exactly, draw for draw.
 */
import { CHANNEL_SLOTS, type SimulationModel } from './prepareModel.js';
import { blockGeneratorState, drawStride, fillDrawNumbers, type DrawLayout } from './normalStream.js';
import { campaignShift, createShiftWorkspace, flushFastSums, type ShiftWorkspace } from './campaignShift.js';
import { tippingUnitBySelect, tippingUnitBySurplus } from './tippingUnit.js';
import { SOURCE_COUNT, type BlockTotals } from './blockTotals.js';
import type { KeptDraws } from './types.js';

/** Draws whose random numbers are generated at a time (a buffer of BATCH × 80 numbers stays in cache). */
export const BATCH = 64;

/** Scratch arrays reused across draws and blocks of one run (no allocation per draw). */
export interface DrawWorkspace {
  layout: DrawLayout;
  stride: number;
  /** Random numbers of a batch of draws. */
  numbers: Float64Array;
  /** Per unit: orientation × territory SD. */
  unitScale: Float64Array;
  /** Correlated territory errors of a draw (Cholesky only). */
  territory: Float64Array;
  /** Regional errors of a draw, pp. */
  regional: Float64Array;
  effect: Float64Array;
  persuasion: Float64Array;
  /** 1 where a side's channel slot is switched on (side index × slots + slot). */
  slotOn: Uint8Array;
  shift: Float64Array;
  /** Margins of the draws of a batch, pp: index draw-in-batch × units + unit. */
  margins: Float64Array;
  /** Zeros: the uniform-effect vector of a model without one. */
  zeros: Float64Array;
  order: Int32Array;
  bufferUnits: Int32Array;
  bufferKeys: Float64Array;
  /** Per-block counts of draws A won each unit. */
  unitWins: Int32Array;
  extraA: Float64Array;
  extraB: Float64Array;
  sources: Float64Array;
  shiftWork: ShiftWorkspace;
}

/**
 * The random-number layout of one draw of a model: t, regions + units (+ 2 per channel slot) normals,
 * and one uniform for the peer model's effect.
 *
 * @param model Prepared model.
 * @returns The layout fillDrawNumbers uses.
 * @example
 * drawLayout(model) // => { studentT: 5, normals: 79, uniforms: 0 } for the US map with 9 divisions
 */
export function drawLayout(model: SimulationModel): DrawLayout {
  return {
    studentT: model.tails,
    normals: model.regionCount + model.units + (model.channelDraws ? 2 * CHANNEL_SLOTS : 0),
    uniforms: model.uniformShift ? 1 : 0,
  };
}

/**
 * Scratch space of the draw loop for a model.
 *
 * @param model Prepared model.
 * @returns A workspace for {@link runBlock}.
 * @example
 * createDrawWorkspace(model).numbers.length // => BATCH × stride
 */
export function createDrawWorkspace(model: SimulationModel): DrawWorkspace {
  const u = model.units;
  const layout = drawLayout(model);
  const stride = drawStride(layout);
  const slotOn = new Uint8Array(2 * CHANNEL_SLOTS);
  model.campaigns.forEach((c, s) => c.active.forEach((on, k) => (slotOn[s * CHANNEL_SLOTS + k] = on)));
  return {
    layout,
    stride,
    numbers: new Float64Array(BATCH * stride),
    unitScale: model.territoryScale.map((sd) => model.orientation * sd),
    territory: new Float64Array(u),
    regional: new Float64Array(Math.max(1, model.regionCount)),
    effect: new Float64Array(2 * CHANNEL_SLOTS),
    persuasion: new Float64Array(2 * CHANNEL_SLOTS),
    slotOn,
    shift: new Float64Array(u),
    margins: new Float64Array(BATCH * u),
    zeros: new Float64Array(u),
    order: Int32Array.from(model.tippingUnits),
    bufferUnits: new Int32Array(u + 1),
    bufferKeys: new Float64Array(u + 1),
    unitWins: new Int32Array(u),
    extraA: new Float64Array(u),
    extraB: new Float64Array(u),
    sources: new Float64Array(2 * SOURCE_COUNT),
    shiftWork: createShiftWorkspace(model),
  };
}

/**
 * Runs `draws` draws of block `block` and adds them to `totals`.
 *
 * @param model Prepared model.
 * @param work Workspace from {@link createDrawWorkspace}.
 * @param seed User seed.
 * @param block Block index (seeds the block's generator).
 * @param draws Draws in this block (BLOCK_SIZE, or fewer in the last block).
 * @param totals Totals of this block (added to).
 * @param kept Per-draw arrays to fill, or undefined.
 * @param keptOffset Index in `kept` of this block's first draw.
 * @example
 * const totals = emptyTotals(model);
 * runBlock(model, createDrawWorkspace(model), 1, 0, 4096, totals, undefined, 0); totals.draws // => 4096
 */
export function runBlock(
  model: SimulationModel,
  work: DrawWorkspace,
  seed: number,
  block: number,
  draws: number,
  totals: BlockTotals,
  kept: KeptDraws | undefined,
  keptOffset: number,
): void {
  const state = blockGeneratorState(seed, block);
  const U = model.units;
  const S = CHANNEL_SLOTS;
  const R = model.regionCount;
  const sigma = model.orientation;
  const nationalScale = sigma * model.nationalSD;
  const regionalScale = sigma * model.regionalSD;
  const { numbers, stride, layout, unitScale, territory, regional, effect, persuasion, shift, margins, order, slotOn, unitWins, shiftWork } = work;
  const { baseMargin, regionIndex, weights, cholesky, nationalWeight, uniformShift } = model;
  const effectShift = uniformShift ?? work.zeros;
  const nationalTotal = model.nationalTotal;
  const { effectMode, effectBelow, effectAbove, effectFloor, persuasionMode, persuasionBelow, persuasionAbove, persuasionFloor } = model;
  const anyCampaign = model.anyCampaign;
  const slotOffset = 1 + R + U;
  const uniformOffset = slotOffset + (model.channelDraws ? 2 * S : 0);
  const weighted = model.weighted;
  const threshold = model.threshold;
  const tippingUnits = model.tippingUnits;
  let totalWeight = 0;
  for (let i = 0; i < U; i++) totalWeight += weights[i];
  const tippingWeight = model.tippingWeight;
  const tippingThreshold = model.tippingThreshold;
  const tippingStrict = model.tippingStrict;
  const orderLength = order.length;
  const { weightCounts, marginSum, marginSumSq, tippingCounts } = totals;
  const keepMargins = kept?.margins;
  const keepWeight = kept?.weightA;
  const keepNational = kept?.nationalMargin;
  const keepOutcome = kept?.outcome;
  let winsA = 0;
  let winsB = 0;
  let ties = 0;
  let popularWinsA = 0;
  let splits = 0;
  let weightSumB = 0;
  if (!anyCampaign && !uniformShift) shift.fill(0);
  unitWins.fill(0);

  for (let first = 0; first < draws; first += BATCH) {
    const count = Math.min(BATCH, draws - first);
    fillDrawNumbers(state, numbers, count, layout);
    for (let k = 0; k < count; k++) {
      const o = k * stride;
      // 1. Errors (the national t, then regions at o + 1, units at o + 1 + R).
      const national = nationalScale * numbers[o];
      const regionAt = o + 1;
      const unitAt = regionAt + R;
      if (cholesky) {
        for (let i = 0; i < U; i++) {
          let sum = 0;
          const row = i * U;
          for (let j = 0; j <= i; j++) sum += cholesky[row + j] * numbers[unitAt + j];
          territory[i] = unitScale[i] * sum;
        }
      }
      // 2. Channel effects: each slot's two shared z's, read by each side's prior; 3. campaign shift.
      if (anyCampaign) {
        const at = o + slotOffset;
        for (let c = 0; c < S; c++) {
          const ze = numbers[at + 2 * c];
          const zp = numbers[at + 2 * c + 1];
          for (let j = c; j < 2 * S; j += S) {
            if (slotOn[j] === 0) continue;
            const e = effectMode[j] + ze * (ze < 0 ? effectBelow[j] : effectAbove[j]);
            effect[j] = e < effectFloor[j] ? effectFloor[j] : e;
            const p = persuasionMode[j] + zp * (zp < 0 ? persuasionBelow[j] : persuasionAbove[j]);
            persuasion[j] = p < persuasionFloor[j] ? persuasionFloor[j] : p;
          }
        }
        campaignShift(model, shiftWork, effect, persuasion, shift, work.extraA, work.extraB, work.sources);
      }
      // 4. Margins, unit winners, national vote (per-unit sums after the batch, unit by unit).
      for (let r = 0; r < R; r++) regional[r] = regionalScale * numbers[regionAt + r];
      const at = k * U;
      // A's weight: signedWeight = Σ (m > 0 ? w : −w) = A − (B + weight of exact zeros), so
      // A = (total + signedWeight) / 2; exact zeros (rare: the test stays predictable) count for neither.
      let signedWeight = 0;
      let zeroWeight = 0;
      let nationalVotes = 0;
      if (anyCampaign) {
        for (let i = 0; i < U; i++) {
          const m = baseMargin[i] + shift[i] + national + regional[regionIndex[i]] + (cholesky ? territory[i] : unitScale[i] * numbers[unitAt + i]);
          margins[at + i] = m;
          signedWeight += m > 0 ? weights[i] : -weights[i];
          if (m === 0) zeroWeight += weights[i];
          nationalVotes += nationalWeight[i] * m;
        }
      } else {
        // No campaign: the only shift is the peer model's uniform effect (zero otherwise).
        const effectDraw = uniformShift ? numbers[o + uniformOffset] : 0;
        for (let i = 0; i < U; i++) {
          const m = baseMargin[i] + effectDraw * effectShift[i] + national + regional[regionIndex[i]] + (cholesky ? territory[i] : unitScale[i] * numbers[unitAt + i]);
          margins[at + i] = m;
          signedWeight += m > 0 ? weights[i] : -weights[i];
          if (m === 0) zeroWeight += weights[i];
          nationalVotes += nationalWeight[i] * m;
        }
      }
      const weightA = (totalWeight + signedWeight) / 2;
      const weightB = totalWeight - weightA - zeroWeight;
      const nationalMargin = nationalTotal > 0 ? nationalVotes / nationalTotal : 0;
      const popular = nationalMargin > 0 ? 1 : nationalMargin < 0 ? -1 : 0;
      let outcome: number;
      if (weighted) outcome = weightA >= threshold ? 1 : weightB >= threshold ? -1 : 0;
      else outcome = popular;
      if (outcome === 1) winsA++;
      else if (outcome === -1) winsB++;
      else ties++;
      if (popular === 1) popularWinsA++;
      if (outcome !== 0 && popular !== 0 && outcome !== popular) splits++;
      const recordedWeight = weighted ? weightA : outcome === 1 ? 1 : 0;
      weightCounts[recordedWeight] += 1;
      weightSumB += weighted ? weightB : outcome === -1 ? 1 : 0;
      // 5. Tipping point (see tippingUnit.ts).
      if (outcome !== 0 && orderLength > 0) {
        let u: number;
        if (weighted) {
          // An integer (weights are whole numbers), passed as a small integer rather than a boxed double.
          const surplus = ((outcome === 1 ? weightA : weightB) - threshold) | 0;
          u = tippingUnitBySurplus(tippingUnits, margins, at, outcome, tippingWeight, surplus, work.bufferUnits, work.bufferKeys);
        } else {
          order.set(tippingUnits);
          u = tippingUnitBySelect(order, margins, at, outcome, tippingWeight, tippingThreshold, tippingStrict);
        }
        tippingCounts[u] += 1;
      }
      const index = keptOffset + first + k;
      if (keepMargins) for (let i = 0; i < U; i++) keepMargins[index * U + i] = margins[at + i];
      if (keepWeight) keepWeight[index] = recordedWeight;
      if (keepNational) keepNational[index] = nationalMargin;
      if (keepOutcome) keepOutcome[index] = outcome;
    }
    // Per-unit sums of the batch, unit by unit (sums in registers rather than one update per draw).
    for (let i = 0; i < U; i++) {
      let wins = 0;
      let sum = 0;
      let sumSq = 0;
      for (let at = i, end = count * U; at < end; at += U) {
        const m = margins[at];
        wins += m > 0 ? 1 : 0;
        sum += m;
        sumSq += m * m;
      }
      unitWins[i] += wins;
      marginSum[i] += sum;
      marginSumSq[i] += sumSq;
    }
  }
  totals.draws += draws;
  totals.winsA += winsA;
  totals.winsB += winsB;
  totals.ties += ties;
  totals.popularWinsA += popularWinsA;
  totals.splits += splits;
  totals.weightSumB += weightSumB;
  for (let i = 0; i < U; i++) totals.unitWinsA[i] += unitWins[i];
  if (anyCampaign) {
    const { extraA, extraB, sources } = work;
    flushFastSums(model, shiftWork, extraA, extraB);
    for (let i = 0; i < U; i++) {
      totals.extraA[i] += extraA[i];
      totals.extraB[i] += extraB[i];
      extraA[i] = 0;
      extraB[i] = 0;
    }
    for (let k = 0; k < sources.length; k++) {
      totals.sources[k] += sources[k];
      sources[k] = 0;
    }
  }
}
