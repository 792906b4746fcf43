/**
 * The Monte Carlo kernel: simulated elections on typed arrays with streaming accumulators.
 *
 * One simulated election ("draw"):
 * 1. errors on each unit's two-party margin (pp): national Student-t scaled to its SD, one normal per
 *    region, one normal per territory (optionally correlated through a Cholesky factor);
 * 2. every channel slot draws one turnout-effect z and one persuasion z, once per draw, shared by all
 *    territories and by both sides: a channel's true effect is one fact about the world; each side turns
 *    the same z into its effect through its own prior (see priorShape: mean = the prior's central value),
 *    and keeps its own coverage, contact rate and list;
 * 3. each territory's margin = baseline margin + campaign shift (net margin votes of A's campaign minus
 *    B's, in pp of the baseline two-party vote, see campaignShifts) + errors; a unit with a parent takes
 *    the parent's campaign shift;
 * 4. the rule decides the draw; accumulators record wins, weights, margins, tipping points and extra votes.
 *
 * Stream use per draw, all from the block's one Alea generator, in this order:
 * - the national unit t by Bailey's polar method (pairs of uniforms until one falls in the unit disc,
 *   2.55 uniforms on average; see unitStudentTFromUniforms);
 * - regions + units standard normals by the 128-layer ziggurat of Marsaglia & Tsang (2000, J. Stat.
 *   Softw. 5(8)): one uniform (Alea's 32-bit output) for about 98.8 % of normals, more on the slow path
 *   (see normalStream);
 * - two ziggurat normals per channel slot, 7 slots: the slot's turnout-effect z, then its persuasion z
 *   (regions + units + 14 normals per draw: 79 for the 56-unit US map).
 * The number of uniforms a draw takes varies with the stream's own values (rejections), never with the
 * model's inputs beyond the number of regions and units.
 *
 * Common random numbers: every draw consumes the same random numbers whatever the campaigns (slots
 * switched off still draw their two normals and discard them), so two runs with the same seed pair their
 * draws.
 * Mirror symmetry: errors are drawn for the margin of the side that sorts first and channel effects are
 * shared by both sides, so swapping `sides` negates every margin exactly; two identical campaigns cancel
 * exactly, draw for draw.
 * Determinism: draws are split in blocks of {@link BLOCK_SIZE}, each with its own stream seeded from
 * (seed, block); per-block totals are merged in block order, so the result does not depend on threads.
 */
import { CHANNEL_SLOTS, type SimulationModel } from './prepareModel.js';
import { createBlockUniforms, unitStudentTFromUniforms, zigguratSlowPath, ZIGGURAT_K, ZIGGURAT_W } from './normalStream.js';
import { RELAY_SLOT, SOCIAL_SLOT } from '../model/campaignCoefficients.js';
import type { CampaignEffects, KeptDraws, SimulationResult } from './types.js';
import { VERSION } from './version.js';
import { InputError, describeValue } from '../errors.js';

/** 2^32: Alea's uniform times this, truncated to a signed 32-bit integer, is Alea's `int32()` output. */
const TWO_32 = 4294967296;
/** Low bits of the integer that pick the ziggurat layer (128 layers). */
const ZIGGURAT_MASK = ZIGGURAT_K.length - 1;

/** Draws per block. Fixed: changing it changes which stream each draw uses. */
export const BLOCK_SIZE = 4096;

/** Which per-draw arrays to keep. Memory grows with simulations only for what is kept. */
export interface KeepOptions {
  margins?: boolean;
  weightA?: boolean;
  nationalMargin?: boolean;
  outcome?: boolean;
}

/** Options of {@link simulate}. */
export interface SimulateOptions {
  /** Number of simulated elections (draws), positive integer. */
  simulations: number;
  /** Seed of the random streams. */
  seed: number;
  /** Per-draw arrays to keep. */
  keep?: KeepOptions;
  /** First block to run (default 0); with blockEnd, runs a slice of the draws. */
  blockStart?: number;
  /** One past the last block to run (default: all blocks). */
  blockEnd?: number;
}

/** Totals of one block (or of several blocks merged in order). Plain typed arrays, so workers can send them. */
export interface BlockTotals {
  draws: number;
  winsA: number;
  winsB: number;
  ties: number;
  popularWinsA: number;
  splits: number;
  /** Sum over draws of B's weight (integer, exact). */
  weightSumB: number;
  weightCounts: Float64Array;
  unitWinsA: Float64Array;
  marginSum: Float64Array;
  marginSumSq: Float64Array;
  tippingCounts: Float64Array;
  extraA: Float64Array;
  extraB: Float64Array;
  /**
   * Sums over draws of each side's net margin votes by source, summed over units: index
   * side × SOURCES + source, sources in {@link EFFECT_SOURCES} order (turnout, persuasion, relay, indirect).
   */
  sources: Float64Array;
}

/** Sources of a campaign's net margin votes, in the order of `BlockTotals.sources`. */
export const EFFECT_SOURCES = ['turnout', 'persuasion', 'relay', 'indirect'] as const;
const SOURCES = EFFECT_SOURCES.length;

/** Per-draw arrays of a slice of draws. */
export interface KeptSlice {
  firstDraw: number;
  draws: KeptDraws;
}

/**
 * Number of blocks for a number of simulations.
 * @example
 * blockCount(10000) // => 3
 */
export function blockCount(simulations: number): number {
  return Math.ceil(simulations / BLOCK_SIZE);
}

function emptyTotals(model: SimulationModel): BlockTotals {
  const u = model.units;
  return {
    draws: 0,
    winsA: 0,
    winsB: 0,
    ties: 0,
    popularWinsA: 0,
    splits: 0,
    weightSumB: 0,
    weightCounts: new Float64Array(model.totalWeight + 1),
    unitWinsA: new Float64Array(u),
    marginSum: new Float64Array(u),
    marginSumSq: new Float64Array(u),
    tippingCounts: new Float64Array(u),
    extraA: new Float64Array(u),
    extraB: new Float64Array(u),
    sources: new Float64Array(2 * SOURCES),
  };
}

/**
 * Adds block totals into a running total, in place. Merging always in block order makes the floating-point
 * sums identical whatever the number of threads.
 *
 * @param into Running total (modified).
 * @param block Totals of the next block.
 * @example
 * mergeBlockTotals(total, blockTotals) // total now includes the block
 */
export function mergeBlockTotals(into: BlockTotals, block: BlockTotals): void {
  into.draws += block.draws;
  into.winsA += block.winsA;
  into.winsB += block.winsB;
  into.ties += block.ties;
  into.popularWinsA += block.popularWinsA;
  into.splits += block.splits;
  into.weightSumB += block.weightSumB;
  const pairs: [Float64Array, Float64Array][] = [
    [into.weightCounts, block.weightCounts],
    [into.unitWinsA, block.unitWinsA],
    [into.marginSum, block.marginSum],
    [into.marginSumSq, block.marginSumSq],
    [into.tippingCounts, block.tippingCounts],
    [into.extraA, block.extraA],
    [into.extraB, block.extraB],
    [into.sources, block.sources],
  ];
  for (const [a, b] of pairs) for (let i = 0; i < a.length; i++) a[i] += b[i];
}

function checkOptions(options: SimulateOptions): { blockStart: number; blockEnd: number } {
  const { simulations, seed } = options;
  if (!Number.isInteger(simulations) || simulations < 1) {
    throw new InputError({ at: 'simulations', expected: 'a positive integer', found: describeValue(simulations) });
  }
  if (typeof seed !== 'number' || !Number.isFinite(seed)) {
    throw new InputError({ at: 'seed', expected: 'a finite number', found: describeValue(seed) });
  }
  const blocks = blockCount(simulations);
  const blockStart = options.blockStart ?? 0;
  const blockEnd = options.blockEnd ?? blocks;
  if (!Number.isInteger(blockStart) || !Number.isInteger(blockEnd) || blockStart < 0 || blockEnd > blocks || blockStart >= blockEnd) {
    throw new InputError({ at: 'blockStart..blockEnd', expected: `a non-empty range of blocks within 0..${blocks}`, found: `${blockStart}..${blockEnd}` });
  }
  return { blockStart, blockEnd };
}

/** Draw range [first, end) of a block. */
function blockDraws(block: number, simulations: number): [number, number] {
  const first = block * BLOCK_SIZE;
  return [first, Math.min(first + BLOCK_SIZE, simulations)];
}

function allocateKept(model: SimulationModel, keep: KeepOptions | undefined, draws: number): KeptDraws | undefined {
  if (!keep || !(keep.margins || keep.weightA || keep.nationalMargin || keep.outcome)) return undefined;
  const kept: KeptDraws = {};
  if (keep.margins) kept.margins = new Float32Array(draws * model.units);
  if (keep.weightA) kept.weightA = new Int32Array(draws);
  if (keep.nationalMargin) kept.nationalMargin = new Float32Array(draws);
  if (keep.outcome) kept.outcome = new Int8Array(draws);
  return kept;
}

/**
 * Runs blocks [blockStart, blockEnd) and returns one totals object per block (in block order) plus the
 * kept per-draw arrays of the whole slice. Used by {@link simulate} and by worker threads.
 *
 * @param model Prepared model.
 * @param options Simulations, seed, block range and what to keep.
 * @returns Per-block totals and the kept slice (draw indices from the slice's first draw).
 * @throws {InputError} for a non-positive or non-integer number of simulations, or a bad block range.
 * @example
 * simulateBlocks(model, { simulations: 10000, seed: 1, blockStart: 1, blockEnd: 2 }).blocks.length // => 1
 */
export function simulateBlocks(model: SimulationModel, options: SimulateOptions): { blocks: BlockTotals[]; kept?: KeptSlice } {
  const { blockStart, blockEnd } = checkOptions(options);
  const firstDraw = blockDraws(blockStart, options.simulations)[0];
  const lastDraw = blockDraws(blockEnd - 1, options.simulations)[1];
  const kept = allocateKept(model, options.keep, lastDraw - firstDraw);
  const work = createWorkspace(model);
  const blocks: BlockTotals[] = [];
  for (let b = blockStart; b < blockEnd; b++) {
    const [first, end] = blockDraws(b, options.simulations);
    const totals = emptyTotals(model);
    runBlock(model, work, options.seed, b, end - first, totals, kept, first - firstDraw);
    blocks.push(totals);
  }
  return { blocks, kept: kept ? { firstDraw, draws: kept } : undefined };
}

/**
 * Runs the Monte Carlo simulation of a prepared model.
 *
 * Pure and browser-safe: the random streams are built from `seed` (seedrandom's Alea, ziggurat
 * normals, Bailey's polar Student-t), nothing global is read, and memory does not grow with `simulations` except for the per-draw
 * arrays asked for in `keep`. P(win) comes with its Monte Carlo standard error sqrt(p(1 − p) / n).
 *
 * @param model Prepared model (prepareModel).
 * @param options `simulations` (draws), `seed`, optional `keep` and block range.
 * @returns The accumulated result (see SimulationResult).
 * @throws {InputError} for a non-positive number of simulations, a non-finite seed or a bad block range.
 * @example
 * simulate(prepareModel(resolved), { simulations: 100000, seed: 2000 }).pWin.D // => e.g. 0.4812
 */
export function simulate(model: SimulationModel, options: SimulateOptions): SimulationResult {
  const { blocks, kept } = simulateBlocks(model, options);
  return finishResult(model, options.seed, blocks, kept ? [kept] : []);
}

/**
 * Merges per-block totals (in block order) and kept slices into a {@link SimulationResult}.
 *
 * @param model Prepared model.
 * @param seed Seed used.
 * @param blocks Per-block totals, in block order.
 * @param keptSlices Kept slices in draw order (may be empty).
 * @returns The result, with `simulations` equal to the draws actually merged.
 * @example
 * finishResult(model, 1, simulateBlocks(model, { simulations: 4096, seed: 1 }).blocks, []).simulations // => 4096
 */
export function finishResult(model: SimulationModel, seed: number, blocks: BlockTotals[], keptSlices: KeptSlice[]): SimulationResult {
  const total = emptyTotals(model);
  for (const block of blocks) mergeBlockTotals(total, block);
  const n = total.draws;
  const [sideA, sideB] = model.sides;
  const pA = total.winsA / n;
  const pB = total.winsB / n;
  let weightSum = 0;
  for (let w = 0; w < total.weightCounts.length; w++) weightSum += w * total.weightCounts[w];
  const meanWeightA = weightSum / n;
  const meanWeightB = model.weighted ? total.weightSumB / n : pB;
  const result: SimulationResult = {
    version: VERSION,
    seed,
    simulations: n,
    blockSize: BLOCK_SIZE,
    sides: [sideA, sideB],
    rule: model.rule,
    unitIds: model.unitIds.slice(),
    unitNames: model.unitNames.slice(),
    weights: Int32Array.from(model.weights),
    threshold: model.threshold,
    winsA: total.winsA,
    winsB: total.winsB,
    ties: total.ties,
    pWin: { [sideA]: pA, [sideB]: pB },
    pTie: total.ties / n,
    standardError: { [sideA]: Math.sqrt((pA * (1 - pA)) / n), [sideB]: Math.sqrt((pB * (1 - pB)) / n) },
    expectedWeight: { [sideA]: meanWeightA, [sideB]: meanWeightB },
    weightCounts: total.weightCounts,
    unitWinsA: total.unitWinsA,
    marginSum: total.marginSum,
    marginSumSq: total.marginSumSq,
    tippingCounts: total.tippingCounts,
    popularWinsA: total.popularWinsA,
    splits: total.splits,
    meanExtraVotes: { [sideA]: total.extraA.map((x) => x / n), [sideB]: total.extraB.map((x) => x / n) },
    effects: { [sideA]: sourceMeans(total.sources, 0, n), [sideB]: sourceMeans(total.sources, 1, n) },
  };
  if (keptSlices.length > 0) result.draws = joinKept(model, keptSlices, n);
  return result;
}

function sourceMeans(sources: Float64Array, side: number, n: number): CampaignEffects {
  const at = side * SOURCES;
  const turnout = sources[at] / n;
  const persuasion = sources[at + 1] / n;
  const relay = sources[at + 2] / n;
  const indirect = sources[at + 3] / n;
  return { turnout, persuasion, relay, indirect, total: turnout + persuasion + relay + indirect };
}

function joinKept(model: SimulationModel, slices: KeptSlice[], draws: number): KeptDraws {
  const first = slices[0].draws;
  const out = allocateKept(model, {
    margins: !!first.margins,
    weightA: !!first.weightA,
    nationalMargin: !!first.nationalMargin,
    outcome: !!first.outcome,
  }, draws) as KeptDraws;
  const start = slices[0].firstDraw;
  for (const slice of slices) {
    const offset = slice.firstDraw - start;
    if (out.margins && slice.draws.margins) out.margins.set(slice.draws.margins, offset * model.units);
    if (out.weightA && slice.draws.weightA) out.weightA.set(slice.draws.weightA, offset);
    if (out.nationalMargin && slice.draws.nationalMargin) out.nationalMargin.set(slice.draws.nationalMargin, offset);
    if (out.outcome && slice.draws.outcome) out.outcome.set(slice.draws.outcome, offset);
  }
  return out;
}

/** Scratch arrays reused across draws (no allocation per draw). */
interface Workspace {
  regional: Float64Array;
  /** Territory normals before the Cholesky factor (correlated errors only). */
  normals: Float64Array;
  territory: Float64Array;
  effect: Float64Array;
  persuasion: Float64Array;
  shift: Float64Array;
  extraA: Float64Array;
  extraB: Float64Array;
  margin: Float64Array;
  order: Int32Array;
  /** 1 where a side's channel slot is switched on (side index × slots + slot). */
  slotOn: Uint8Array;
  /** Per active mobilisation slot of A and of B: reach × drawn effect. */
  pushA: Float64Array;
  pushB: Float64Array;
  /** Scratch buffer of the closest winner-won units (tipping point by surplus). */
  bufferUnits: Int32Array;
  bufferKeys: Float64Array;
  /** Elementary symmetric polynomials e_1..e_6 of A's and B's pushes (see mobilisationPolynomial). */
  coefficientA: Float64Array;
  coefficientB: Float64Array;
  /** Per-block sums of net margin votes by source (see BlockTotals.sources). */
  sources: Float64Array;
}

function createWorkspace(model: SimulationModel): Workspace {
  const u = model.units;
  const order = Int32Array.from(model.tippingUnits);
  const slotOn = new Uint8Array(2 * CHANNEL_SLOTS);
  model.campaigns.forEach((c, s) => c.active.forEach((on, k) => (slotOn[s * CHANNEL_SLOTS + k] = on)));
  return {
    slotOn,
    pushA: new Float64Array(CHANNEL_SLOTS),
    pushB: new Float64Array(CHANNEL_SLOTS),
    bufferUnits: new Int32Array(u + 1),
    bufferKeys: new Float64Array(u + 1),
    coefficientA: new Float64Array(CHANNEL_SLOTS),
    coefficientB: new Float64Array(CHANNEL_SLOTS),
    regional: new Float64Array(model.regionCount),
    normals: new Float64Array(u),
    territory: new Float64Array(u),
    effect: new Float64Array(2 * CHANNEL_SLOTS),
    persuasion: new Float64Array(2 * CHANNEL_SLOTS),
    shift: new Float64Array(u),
    sources: new Float64Array(2 * SOURCES),
    extraA: new Float64Array(u),
    extraB: new Float64Array(u),
    margin: new Float64Array(u),
    order,
  };
}

function runBlock(
  model: SimulationModel,
  work: Workspace,
  seed: number,
  block: number,
  draws: number,
  totals: BlockTotals,
  kept: KeptDraws | undefined,
  keptOffset: number,
): void {
  const next = createBlockUniforms(seed, block);
  const U = model.units;
  const S = CHANNEL_SLOTS;
  const sigma = model.orientation;
  const nationalScale = sigma * model.nationalSD;
  const regionalScale = sigma * model.regionalSD;
  const territoryScale = model.territoryScale;
  const tails = model.tails;
  const { regional, normals, territory, effect, persuasion, shift, extraA, extraB, margin, order } = work;
  const { baseA, baseB, baseMargin, inNational, regionIndex, weights, cholesky } = model;
  const regionCount = model.regionCount;
  const { effectMode, effectBelow, effectAbove, effectFloor, persuasionMode, persuasionBelow, persuasionAbove, persuasionFloor } = model;
  const twoParty = model.twoParty;
  const slotOn = work.slotOn;
  const anyCampaign = model.anyCampaign;
  const weighted = model.weighted;
  const threshold = model.threshold;
  const tippingUnits = model.tippingUnits;
  const tippingWeight = model.tippingWeight;
  const tippingThreshold = model.tippingThreshold;
  const tippingStrict = model.tippingStrict;
  const orderLength = order.length;
  const { weightCounts, unitWinsA, marginSum, marginSumSq, tippingCounts } = totals;
  const keepMargins = kept?.margins;
  const keepWeight = kept?.weightA;
  const keepNational = kept?.nationalMargin;
  const keepOutcome = kept?.outcome;
  const zigguratK = ZIGGURAT_K;
  const zigguratW = ZIGGURAT_W;


  for (let d = 0; d < draws; d++) {
    // 1. Errors: the national unit t (Bailey's polar method), then one ziggurat normal per region and
    // per unit (fast path inlined; see normalStream).
    const national = nationalScale * unitStudentTFromUniforms(next, tails);
    for (let r = 0; r < regionCount; r++) {
      const hz = (next() * TWO_32) | 0;
      const layer = hz & ZIGGURAT_MASK;
      regional[r] = regionalScale * (Math.abs(hz) < zigguratK[layer] ? hz * zigguratW[layer] : zigguratSlowPath(next, hz));
    }
    if (cholesky) {
      for (let k = 0; k < U; k++) {
        const hz = (next() * TWO_32) | 0;
        const layer = hz & ZIGGURAT_MASK;
        normals[k] = Math.abs(hz) < zigguratK[layer] ? hz * zigguratW[layer] : zigguratSlowPath(next, hz);
      }
      for (let i = 0; i < U; i++) {
        let sum = 0;
        const row = i * U;
        for (let j = 0; j <= i; j++) sum += cholesky[row + j] * normals[j];
        territory[i] = sigma * territoryScale[i] * sum;
      }
    } else {
      for (let i = 0; i < U; i++) {
        const hz = (next() * TWO_32) | 0;
        const layer = hz & ZIGGURAT_MASK;
        territory[i] = sigma * territoryScale[i] * (Math.abs(hz) < zigguratK[layer] ? hz * zigguratW[layer] : zigguratSlowPath(next, hz));
      }
    }
    // 2. Channel effects: two ziggurat normals per slot (the slot's turnout-effect z, then its persuasion
    // z), shared by both sides, each side reading them through its own prior. Every slot draws its two
    // normals whether it is switched on or not, so stream use does not depend on the campaigns.
    for (let c = 0; c < S; c++) {
      let hz = (next() * TWO_32) | 0;
      let layer = hz & ZIGGURAT_MASK;
      const ze = Math.abs(hz) < zigguratK[layer] ? hz * zigguratW[layer] : zigguratSlowPath(next, hz);
      hz = (next() * TWO_32) | 0;
      layer = hz & ZIGGURAT_MASK;
      const zp = Math.abs(hz) < zigguratK[layer] ? hz * zigguratW[layer] : zigguratSlowPath(next, hz);
      for (let j = c; j < 2 * S; j += S) {
        if (slotOn[j] === 0) continue;
        const e = effectMode[j] + ze * (ze < 0 ? effectBelow[j] : effectAbove[j]);
        effect[j] = e < effectFloor[j] ? effectFloor[j] : e;
        const p = persuasionMode[j] + zp * (zp < 0 ? persuasionBelow[j] : persuasionAbove[j]);
        persuasion[j] = p < persuasionFloor[j] ? persuasionFloor[j] : p;
      }
    }
    // 3. Campaign shifts (see campaignShifts).
    if (anyCampaign) campaignShifts(model, work);
    // 4. Margins, unit winners, national vote.
    let weightA = 0;
    let weightB = 0;
    let nationalVotes = 0;
    let nationalTwo = 0;
    for (let i = 0; i < U; i++) {
      const m = anyCampaign
        ? baseMargin[i] + shift[i] + national + regional[regionIndex[i]] + territory[i]
        : baseMargin[i] + national + regional[regionIndex[i]] + territory[i];
      margin[i] = m;
      if (m > 0) {
        weightA += weights[i];
        unitWinsA[i] += 1;
      } else if (m < 0) {
        weightB += weights[i];
      }
      marginSum[i] += m;
      marginSumSq[i] += m * m;
      if (inNational[i] === 1) {
        nationalVotes += twoParty[i] * m;
        nationalTwo += twoParty[i];
      }
    }
    const nationalMargin = nationalTwo > 0 ? nationalVotes / nationalTwo : 0;
    const popular = nationalMargin > 0 ? 1 : nationalMargin < 0 ? -1 : 0;
    let outcome: number;
    if (weighted) outcome = weightA >= threshold ? 1 : weightB >= threshold ? -1 : 0;
    else outcome = popular;
    if (outcome === 1) totals.winsA += 1;
    else if (outcome === -1) totals.winsB += 1;
    else totals.ties += 1;
    if (popular === 1) totals.popularWinsA += 1;
    if (outcome !== 0 && popular !== 0 && outcome !== popular) totals.splits += 1;
    const recordedWeight = weighted ? weightA : outcome === 1 ? 1 : 0;
    weightCounts[recordedWeight] += 1;
    totals.weightSumB += weighted ? weightB : outcome === -1 ? 1 : 0;
    // 5. Tipping point: the unit where the winner's cumulative weight, units taken from the winner's
    // safest, reaches the threshold. Weighted rules: the closest winner-won units whose weight exceeds
    // the winner's surplus (one pass, see tippingUnitBySurplus); national-vote rules: weighted quickselect.
    if (outcome !== 0 && orderLength > 0) {
      let u: number;
      if (weighted) {
        const surplus = (outcome === 1 ? weightA : weightB) - threshold;
        u = tippingUnitBySurplus(tippingUnits, margin, outcome, tippingWeight, surplus, work.bufferUnits, work.bufferKeys);
      } else {
        order.set(tippingUnits);
        u = tippingUnit(order, margin, outcome, tippingWeight, tippingThreshold, tippingStrict);
      }
      tippingCounts[u] += 1;
    }
    const index = keptOffset + d;
    if (keepMargins) for (let i = 0; i < U; i++) keepMargins[index * U + i] = margin[i];
    if (keepWeight) keepWeight[index] = recordedWeight;
    if (keepNational) keepNational[index] = nationalMargin;
    if (keepOutcome) keepOutcome[index] = outcome;
  }
  totals.draws += draws;
  if (anyCampaign) {
    for (let i = 0; i < U; i++) {
      totals.extraA[i] += extraA[i];
      totals.extraB[i] += extraB[i];
      extraA[i] = 0;
      extraB[i] = 0;
    }
    for (let k = 0; k < work.sources.length; k++) {
      totals.sources[k] += work.sources[k];
      work.sources[k] = 0;
    }
  }
}


/** Most mobilisation channels the unrolled polynomial of {@link campaignShifts} takes (degree 6). */
const POLYNOMIAL_TERMS = 6;

/**
 * Per-draw coefficients of a side's mobilisation polynomial. Fills `push` with reach × drawn effect per
 * mobilisation channel switched on and, when every push × perNonVoter stays within [−1, 1] in all
 * territories (largest |push| × largest perNonVoter <= 1, so no factor of the product needs clamping),
 * `symmetric[j − 1]` with e_j, the elementary symmetric polynomials of the pushes (j = 1..6, zero past
 * the number of channels): then the mobilised share 1 − Π_c (1 − push_c × scale) equals
 * scale × (e_1 − e_2 scale + e_3 scale² − … − e_6 scale⁵), evaluated by Estrin's scheme in pairs,
 * (e_1 − e_2 s) + s² ((e_3 − e_4 s) + s² (e_5 − e_6 s)), whose short dependency chain lets the processor
 * overlap territories; no branch. Returns whether that form may be used; otherwise the kernel takes the clamped product.
 */
function mobilisationPolynomial(campaign: SimulationModel['campaigns'][0], effect: Float64Array, offset: number, push: Float64Array, symmetric: Float64Array): boolean {
  const slots = campaign.mobiliseSlots;
  const count = slots.length;
  let largest = 0;
  for (let k = 0; k < count; k++) {
    const c = slots[k];
    const v = campaign.mobiliseReach[c] * effect[offset + c];
    push[k] = v;
    const magnitude = v < 0 ? -v : v;
    if (magnitude > largest) largest = magnitude;
  }
  if (count > POLYNOMIAL_TERMS || largest * campaign.largestPerNonVoter > 1) return false;
  // symmetric[j − 1] = e_j; e_0 = 1 is implicit.
  for (let j = 0; j < POLYNOMIAL_TERMS; j++) symmetric[j] = 0;
  for (let k = 0; k < count; k++) {
    const v = push[k];
    for (let j = k; j >= 1; j--) symmetric[j] += symmetric[j - 1] * v;
    symmetric[0] += v;
  }
  return true;
}

/** Mobilised votes of a side in territory `t` by the clamped product (when the polynomial form may not be used). */
function mobilisedByProduct(campaign: SimulationModel['campaigns'][0], push: Float64Array, t: number): number {
  const scale = campaign.perNonVoter[t];
  let keep = 1;
  for (let k = 0; k < campaign.mobiliseSlots.length; k++) {
    const q = push[k] * scale;
    keep *= q > 1 ? 0 : q < -1 ? 2 : 1 - q;
  }
  return campaign.nonVoters[t] * (1 - keep);
}

/**
 * Campaign shift of every unit's margin for the effects drawn in this draw (work.effect, work.persuasion):
 * per side, per-draw scalars first (mobilisation polynomial, persuasion, relay and social votes per
 * member), then one pass over territories of a few multiply-adds and clamps each (formulas in
 * campaignCoefficients). The shift is the net margin votes of A's campaign minus B's, in pp of the
 * baseline two-party vote (× marginPerVote): the error terms are pp of that same vote, so the sign of
 * baseline + shift + errors is the sign of the margin in votes; the dilution of the margin's pp by the
 * evenly split part of the added turnout is not counted. Two identical campaigns give bitwise-identical
 * net votes and so a shift of exactly 0. Units with a parent take the parent's shift. Also adds each
 * side's net margin votes to work.extraA / work.extraB and, by source, to work.sources.
 */
function campaignShifts(model: SimulationModel, work: Workspace): void {
  const U = model.units;
  const S = CHANNEL_SLOTS;
  const { effect, persuasion, shift, extraA, extraB, pushA, pushB, coefficientA, coefficientB, sources } = work;
  const { baseA, baseB, marginPerVote, parentIndex } = model;
  const campaignA = model.campaigns[0];
  const campaignB = model.campaigns[1];
  const polynomialA = mobilisationPolynomial(campaignA, effect, 0, pushA, coefficientA);
  const polynomialB = mobilisationPolynomial(campaignB, effect, S, pushB, coefficientB);
  const a1 = coefficientA[0], a2 = coefficientA[1], a3 = coefficientA[2], a4 = coefficientA[3], a5 = coefficientA[4], a6 = coefficientA[5];
  const b1 = coefficientB[0], b2 = coefficientB[1], b3 = coefficientB[2], b4 = coefficientB[3], b5 = coefficientB[4], b6 = coefficientB[5];
  let persuadeA = 0;
  let persuadeB = 0;
  for (let c = 0; c < S; c++) {
    persuadeA += campaignA.persuadeReach[c] * persuasion[c];
    persuadeB += campaignB.persuadeReach[c] * persuasion[S + c];
  }
  const relayPerMemberA = campaignA.relayReach * effect[RELAY_SLOT];
  const relayPerMemberB = campaignB.relayReach * effect[S + RELAY_SLOT];
  // Direct social votes per member (before the non-voter bounds) and indirect votes per direct vote.
  const socialPerMemberA = campaignA.mobiliseReach[SOCIAL_SLOT] * effect[SOCIAL_SLOT];
  const socialPerMemberB = campaignB.mobiliseReach[SOCIAL_SLOT] * effect[S + SOCIAL_SLOT];
  const indirectA = campaignA.indirectPerDirect;
  const indirectB = campaignB.indirectPerDirect;
  const netA = campaignA.likeMindedNet;
  const netB = campaignB.likeMindedNet;
  const { members: membersOfA, certain: certainA, nonVoters: nonVotersA, relayCap: relayCapA, perNonVoter: scaleA } = campaignA;
  const { members: membersOfB, certain: certainB, nonVoters: nonVotersB, relayCap: relayCapB, perNonVoter: scaleB } = campaignB;
  let turnoutSumA = 0, persuasionSumA = 0, relaySumA = 0, indirectSumA = 0;
  let turnoutSumB = 0, persuasionSumB = 0, relaySumB = 0, indirectSumB = 0;
  for (let i = 0; i < U; i++) {
    if (parentIndex[i] >= 0) continue;
    const membersA = membersOfA[i];
    const membersB = membersOfB[i];
    let gainA = 0;
    let gainB = 0;
    if (membersA > 0) {
      let mob: number;
      if (polynomialA) {
        const x = scaleA[i];
        const x2 = x * x;
        mob = nonVotersA[i] * (x * (a1 - x * a2 + x2 * (a3 - x * a4 + x2 * (a5 - x * a6))));
      } else {
        mob = mobilisedByProduct(campaignA, pushA, i);
      }
      if (mob < -certainA[i]) mob = -certainA[i];
      const cap = relayCapA[i];
      let relay = membersA * relayPerMemberA;
      if (relay > cap) relay = cap;
      else if (relay < -cap) relay = -cap;
      let direct = membersA * socialPerMemberA;
      if (direct > nonVotersA[i]) direct = nonVotersA[i];
      else if (direct < -certainA[i]) direct = -certainA[i];
      let indirect = indirectA * direct;
      if (indirect > cap) indirect = cap;
      else if (indirect < -cap) indirect = -cap;
      let switched = membersA * persuadeA;
      if (switched > baseB[i]) switched = baseB[i];
      else if (switched < -baseA[i]) switched = -baseA[i];
      const relayNet = netA * relay;
      const indirectNet = netA * indirect;
      gainA = mob + relayNet + indirectNet + 2 * switched;
      turnoutSumA += mob;
      persuasionSumA += 2 * switched;
      relaySumA += relayNet;
      indirectSumA += indirectNet;
    }
    if (membersB > 0) {
      let mob: number;
      if (polynomialB) {
        const x = scaleB[i];
        const x2 = x * x;
        mob = nonVotersB[i] * (x * (b1 - x * b2 + x2 * (b3 - x * b4 + x2 * (b5 - x * b6))));
      } else {
        mob = mobilisedByProduct(campaignB, pushB, i);
      }
      if (mob < -certainB[i]) mob = -certainB[i];
      const cap = relayCapB[i];
      let relay = membersB * relayPerMemberB;
      if (relay > cap) relay = cap;
      else if (relay < -cap) relay = -cap;
      let direct = membersB * socialPerMemberB;
      if (direct > nonVotersB[i]) direct = nonVotersB[i];
      else if (direct < -certainB[i]) direct = -certainB[i];
      let indirect = indirectB * direct;
      if (indirect > cap) indirect = cap;
      else if (indirect < -cap) indirect = -cap;
      let switched = membersB * persuadeB;
      if (switched > baseA[i]) switched = baseA[i];
      else if (switched < -baseB[i]) switched = -baseB[i];
      const relayNet = netB * relay;
      const indirectNet = netB * indirect;
      gainB = mob + relayNet + indirectNet + 2 * switched;
      turnoutSumB += mob;
      persuasionSumB += 2 * switched;
      relaySumB += relayNet;
      indirectSumB += indirectNet;
    }
    shift[i] = (gainA - gainB) * marginPerVote[i];
    extraA[i] += gainA;
    extraB[i] += gainB;
  }
  sources[0] += turnoutSumA;
  sources[1] += persuasionSumA;
  sources[2] += relaySumA;
  sources[3] += indirectSumA;
  sources[SOURCES] += turnoutSumB;
  sources[SOURCES + 1] += persuasionSumB;
  sources[SOURCES + 2] += relaySumB;
  sources[SOURCES + 3] += indirectSumB;
  for (let i = 0; i < U; i++) {
    const p = parentIndex[i];
    if (p >= 0) shift[i] = shift[p];
  }
}

/**
 * Tipping unit of a draw under a weighted rule, in one pass. With the winner's units ordered from the
 * closest (smallest winning margin) up, cumulative weights c_1, c_2, …, and surplus S = winner's weight −
 * threshold, the tipping unit is the first u_k with c_k > S: the units at least as safe as u_k still
 * reach the threshold (W − c_{k−1} >= threshold) and those safer than it do not. The scan keeps the
 * shortest run of closest units whose weight exceeds S in a small sorted buffer and returns its last.
 */
function tippingUnitBySurplus(
  candidates: Int32Array,
  margin: Float64Array,
  winner: number,
  weight: Float64Array,
  surplus: number,
  units: Int32Array,
  keys: Float64Array,
): number {
  let size = 0;
  let total = 0;
  for (let c = 0; c < candidates.length; c++) {
    const u = candidates[c];
    const key = winner * margin[u];
    if (!(key > 0)) continue;
    if (size > 0 && total > surplus && key >= keys[size - 1]) continue;
    let j = size;
    while (j > 0 && keys[j - 1] > key) {
      keys[j] = keys[j - 1];
      units[j] = units[j - 1];
      j--;
    }
    keys[j] = key;
    units[j] = u;
    size++;
    total += weight[u];
    while (size > 1 && total - weight[units[size - 1]] > surplus) {
      size--;
      total -= weight[units[size]];
    }
  }
  return units[size - 1];
}

/**
 * Tipping unit of a draw by weighted quickselect: with key = the winner's margin (A's margin, or minus it
 * when B wins), the unit whose key is such that units with a larger key weigh less than the threshold
 * and, with it, reach it. Three-way partitions around a middle pivot; equal keys are taken in array
 * order. `order` is scratch space holding the candidate units and is permuted.
 */
function tippingUnit(order: Int32Array, margin: Float64Array, winner: number, weight: Float64Array, threshold: number, strict: boolean): number {
  let lo = 0;
  let hi = order.length - 1;
  let need = threshold;
  while (lo < hi) {
    const pivot = winner * margin[order[(lo + hi) >> 1]];
    let lt = lo;
    let i = lo;
    let gt = hi;
    while (i <= gt) {
      const v = order[i];
      const key = winner * margin[v];
      if (key > pivot) {
        order[i] = order[lt];
        order[lt] = v;
        lt++;
        i++;
      } else if (key < pivot) {
        order[i] = order[gt];
        order[gt] = v;
        gt--;
      } else {
        i++;
      }
    }
    let above = 0;
    for (let k = lo; k < lt; k++) above += weight[order[k]];
    if (strict ? above > need : above >= need) {
      hi = lt - 1;
      continue;
    }
    let cumulative = above;
    for (let k = lt; k <= gt; k++) {
      cumulative += weight[order[k]];
      if (strict ? cumulative > need : cumulative >= need) return order[k];
    }
    need -= cumulative;
    lo = gt + 1;
  }
  return order[Math.min(lo, order.length - 1)];
}
