/**
 * The Monte Carlo kernel's entry points: run a prepared model for a number of simulated elections and
 * merge the per-block totals into a {@link SimulationResult}.
 *
 * The work is split along the kernel's seams, one algorithm per file: blockTotals.ts (block bookkeeping:
 * block size, per-block totals and their merge, kept per-draw arrays), drawLoop.ts (the draw loop: errors,
 * channel effects, margins, outcome, accumulators), campaignShift.ts (the campaign shift of one draw),
 * tippingUnit.ts (the tipping unit of one draw) and normalStream.ts (the random numbers).
 *
 * Determinism: draws are split in blocks of {@link BLOCK_SIZE}, each with its own generator seeded from
 * (seed, block); per-block totals are merged in block order, so the result does not depend on threads.
 */
import type { SimulationModel } from './prepareModel.js';
import type { CampaignEffects, SimulationResult } from './types.js';
import { VERSION } from './version.js';
import { InputError, describeValue } from '../errors.js';
import {
  allocateKept,
  blockCount,
  blockDraws,
  BLOCK_SIZE,
  clearTotals,
  emptyTotals,
  joinKept,
  mergeBlockTotals,
  SOURCE_COUNT,
  weightTallyOf,
  type BlockTotals,
  type KeepOptions,
  type KeptSlice,
} from './blockTotals.js';
import { drawWorkspaceFor, runBlock } from './drawLoop.js';

export { BLOCK_SIZE, blockCount, mergeBlockTotals, EFFECT_SOURCES, type BlockTotals, type KeepOptions, type KeptSlice } from './blockTotals.js';

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
  const work = drawWorkspaceFor(model);
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
 * Pure and browser-safe: the random streams are built from `seed` (a xoshiro128** generator per block seeded
 * through seedrandom's Alea, ziggurat normals, Bailey's polar Student-t), nothing global is read, and
 * memory does not grow with `simulations` except for the per-draw arrays asked for in `keep`. P(win)
 * comes with its Monte Carlo standard error sqrt(p(1 − p) / n).
 *
 * @param model Prepared model (prepareModel).
 * @param options `simulations` (draws), `seed`, optional `keep` and block range.
 * @returns The accumulated result (see SimulationResult).
 * @throws {InputError} for a non-positive number of simulations, a non-finite seed or a bad block range.
 * @example
 * simulate(prepareModel(resolved), { simulations: 100000, seed: 2000 }).pWin.D // => e.g. 0.4812
 */
export function simulate(model: SimulationModel, options: SimulateOptions): SimulationResult {
  const running = emptyTotals(model);
  const kept = simulateInto(model, options, running);
  return finishResult(model, options.seed, [running], kept ? [kept] : []);
}

/**
 * Runs blocks [blockStart, blockEnd) and merges each block's totals, in block order, into `running`,
 * through one block-totals object per workspace (nothing is allocated per block, so memory stays flat
 * however many blocks run). Merging in block order gives the same sums as {@link simulateBlocks}
 * followed by mergeBlockTotals, so a run split into calls of this equals one call.
 *
 * @param model Prepared model.
 * @param options Simulations, seed, block range and what to keep.
 * @param running Running totals (added to).
 * @returns The kept slice of these blocks (draw indices from their first draw), or undefined.
 * @throws {InputError} for a non-positive or non-integer number of simulations, or a bad block range.
 * @example
 * const running = emptyTotals(model); simulateInto(model, { simulations: 10000, seed: 1 }, running); running.draws // => 10000
 */
export function simulateInto(model: SimulationModel, options: SimulateOptions, running: BlockTotals): KeptSlice | undefined {
  const { blockStart, blockEnd } = checkOptions(options);
  const firstDraw = blockDraws(blockStart, options.simulations)[0];
  const lastDraw = blockDraws(blockEnd - 1, options.simulations)[1];
  const kept = allocateKept(model, options.keep, lastDraw - firstDraw);
  const work = drawWorkspaceFor(model);
  let block = BLOCK_TOTALS.get(work);
  if (!block) {
    block = emptyTotals(model);
    BLOCK_TOTALS.set(work, block);
  }
  for (let b = blockStart; b < blockEnd; b++) {
    const [first, end] = blockDraws(b, options.simulations);
    clearTotals(block);
    runBlock(model, work, options.seed, b, end - first, block, kept, first - firstDraw);
    mergeBlockTotals(running, block);
  }
  return kept ? { firstDraw, draws: kept } : undefined;
}

/** The block-totals object reused by {@link simulateInto}, one per workspace. */
const BLOCK_TOTALS = new WeakMap<object, BlockTotals>();

function sourceMeans(sources: Float64Array, side: number, n: number): CampaignEffects {
  const at = side * SOURCE_COUNT;
  const turnout = sources[at] / n;
  const persuasion = sources[at + 1] / n;
  const relay = sources[at + 2] / n;
  const indirect = sources[at + 3] / n;
  return { turnout, persuasion, relay, indirect, total: turnout + persuasion + relay + indirect };
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
  // Over the weights reached in ascending order: the same sum, bit for bit, as over the dense array.
  const weightTally = weightTallyOf(total);
  let weightSum = 0;
  for (let i = 0; i < weightTally.weights.length; i++) weightSum += weightTally.weights[i] * weightTally.counts[i];
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
    weightTally,
    unitWinsA: total.unitWinsA,
    marginSum: total.marginSum,
    marginSumSq: total.marginSumSq,
    tippingCounts: total.tippingCounts,
    tippingBasis: 'all-votes',
    popularWinsA: total.popularWinsA,
    splits: total.splits,
    meanExtraVotes: { [sideA]: total.extraA.map((x) => x / n), [sideB]: total.extraB.map((x) => x / n) },
    effects: { [sideA]: sourceMeans(total.sources, 0, n), [sideB]: sourceMeans(total.sources, 1, n) },
  };
  if (model.weighted && model.tippingUnits.length > 0) {
    result.electoralCollegeBias = { basis: 'all-votes', meanPp: total.biasDraws > 0 ? total.biasSum / total.biasDraws : NaN, draws: total.biasDraws };
  }
  if (keptSlices.length > 0) result.draws = joinKept(model, keptSlices, n);
  return result;
}
