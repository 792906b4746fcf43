/**
 * Block bookkeeping of the kernel: the fixed block size, per-block totals (plain typed arrays, so worker
 * threads can send them), their merge in block order, and the per-draw arrays a caller asks to keep.
 * Merging always in block order makes every floating-point sum identical whatever the number of threads.
 */
import type { SimulationModel } from './prepareModel.js';
import type { KeptDraws } from './types.js';

/** Draws per block. Fixed: changing it changes which stream each draw uses. */
export const BLOCK_SIZE = 4096;

/** Sources of a campaign's net margin votes, in the order of `BlockTotals.sources`. */
export const EFFECT_SOURCES = ['turnout', 'persuasion', 'relay', 'indirect'] as const;

/** Number of {@link EFFECT_SOURCES}. */
export const SOURCE_COUNT = EFFECT_SOURCES.length;

/**
 * Largest total weight whose distribution is kept as a dense array (one count per weight, 512 KiB at
 * most): electoral votes (538), seats, a few thousand units. Above it, the weights reached are counted
 * in a Map, so memory grows with the number of distinct totals reached (at most one per draw), never
 * with the weights' magnitude (a race weighted by registered voters totals millions).
 */
export const DENSE_WEIGHT_LIMIT = 65_536;

/** Largest total weight of a weighted race: weights won per draw are kept as 32-bit integers. */
export const MAX_TOTAL_WEIGHT = 2_147_483_647;

/** True when a model's weight distribution is kept dense (see {@link DENSE_WEIGHT_LIMIT}). */
function denseWeights(model: Pick<SimulationModel, 'totalWeight'>): boolean {
  return model.totalWeight <= DENSE_WEIGHT_LIMIT;
}

/** Which per-draw arrays to keep. Memory grows with simulations only for what is kept. */
export interface KeepOptions {
  margins?: boolean;
  weightA?: boolean;
  nationalMargin?: boolean;
  outcome?: boolean;
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
  /**
   * Weighted rules: sum, over draws with a tipping unit, of A's margin there minus A's national margin,
   * both over all votes cast (pp): the electoral-college bias; and the number of those draws.
   */
  biasSum: number;
  biasDraws: number;
  /** Draws per weight won by side A, index = weight (dense); empty when {@link weightTally} is used. */
  weightCounts: Float64Array;
  /** Draws per weight won by side A, weight → draws, when the total weight is above {@link DENSE_WEIGHT_LIMIT}. */
  weightTally: Map<number, number> | null;
  unitWinsA: Float64Array;
  marginSum: Float64Array;
  marginSumSq: Float64Array;
  tippingCounts: Float64Array;
  extraA: Float64Array;
  extraB: Float64Array;
  /**
   * Sums over draws of each side's net margin votes by source, summed over units: index
   * side × SOURCE_COUNT + source, sources in {@link EFFECT_SOURCES} order.
   */
  sources: Float64Array;
}

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

/**
 * Draw range [first, end) of a block.
 * @example
 * blockDraws(2, 10000) // => [8192, 10000]
 */
export function blockDraws(block: number, simulations: number): [number, number] {
  const first = block * BLOCK_SIZE;
  return [first, Math.min(first + BLOCK_SIZE, simulations)];
}

/**
 * The weights reached and their draw counts, ascending, from either form of the totals: what every
 * reader of the distribution uses (sums over it in ascending weight are those of the dense array,
 * whose zeros add nothing).
 *
 * @example
 * weightTallyOf(totals) // => { weights: Float64Array [261, 270, …], counts: Float64Array [3, 12, …] }
 */
export function weightTallyOf(totals: Pick<BlockTotals, 'weightCounts' | 'weightTally'>): { weights: Float64Array; counts: Float64Array } {
  const weights: number[] = [];
  const counts: number[] = [];
  if (totals.weightTally) {
    for (const weight of [...totals.weightTally.keys()].sort((x, y) => x - y)) {
      weights.push(weight);
      counts.push(totals.weightTally.get(weight)!);
    }
  } else {
    for (let w = 0; w < totals.weightCounts.length; w++) {
      if (totals.weightCounts[w] === 0) continue;
      weights.push(w);
      counts.push(totals.weightCounts[w]);
    }
  }
  return { weights: Float64Array.from(weights), counts: Float64Array.from(counts) };
}

/**
 * Zeroed totals for a model.
 * @example
 * emptyTotals(model).unitWinsA.length // => model.units
 */
export function emptyTotals(model: SimulationModel): BlockTotals {
  const u = model.units;
  return {
    draws: 0,
    winsA: 0,
    winsB: 0,
    ties: 0,
    popularWinsA: 0,
    splits: 0,
    weightSumB: 0,
    biasSum: 0,
    biasDraws: 0,
    weightCounts: new Float64Array(denseWeights(model) ? model.totalWeight + 1 : 0),
    weightTally: denseWeights(model) ? null : new Map(),
    unitWinsA: new Float64Array(u),
    marginSum: new Float64Array(u),
    marginSumSq: new Float64Array(u),
    tippingCounts: new Float64Array(u),
    extraA: new Float64Array(u),
    extraB: new Float64Array(u),
    sources: new Float64Array(2 * SOURCE_COUNT),
  };
}

/**
 * Sets every total back to zero, so one object can serve block after block.
 * @example
 * clearTotals(totals); totals.draws // => 0
 */
export function clearTotals(totals: BlockTotals): void {
  totals.draws = 0;
  totals.winsA = 0;
  totals.winsB = 0;
  totals.ties = 0;
  totals.popularWinsA = 0;
  totals.splits = 0;
  totals.weightSumB = 0;
  totals.biasSum = 0;
  totals.biasDraws = 0;
  totals.weightTally?.clear();
  for (const a of [totals.weightCounts, totals.unitWinsA, totals.marginSum, totals.marginSumSq, totals.tippingCounts, totals.extraA, totals.extraB, totals.sources]) a.fill(0);
}

/** The outcome counters of {@link BlockTotals}: draws, wins, ties, splits and the weight and bias sums. */
export type BlockCounters = Pick<BlockTotals, 'draws' | 'winsA' | 'winsB' | 'ties' | 'popularWinsA' | 'splits' | 'weightSumB' | 'biasSum' | 'biasDraws'>;

/** Adds the counters of `from` to those of `into`. */
export function addCounters(into: BlockCounters, from: BlockCounters): void {
  into.draws += from.draws;
  into.winsA += from.winsA;
  into.winsB += from.winsB;
  into.ties += from.ties;
  into.popularWinsA += from.popularWinsA;
  into.splits += from.splits;
  into.weightSumB += from.weightSumB;
  into.biasSum += from.biasSum;
  into.biasDraws += from.biasDraws;
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
  addCounters(into, block);
  if (into.weightTally && block.weightTally) {
    for (const [weight, draws] of block.weightTally) into.weightTally.set(weight, (into.weightTally.get(weight) ?? 0) + draws);
  }
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

/**
 * Per-draw arrays for `draws` draws, only those `keep` asks for; undefined when it asks for none.
 * @example
 * allocateKept(model, { outcome: true }, 10)?.outcome?.length // => 10
 */
export function allocateKept(model: SimulationModel, keep: KeepOptions | undefined, draws: number): KeptDraws | undefined {
  if (!keep || !(keep.margins || keep.weightA || keep.nationalMargin || keep.outcome)) return undefined;
  const kept: KeptDraws = {};
  if (keep.margins) kept.margins = new Float32Array(draws * model.units);
  if (keep.weightA) kept.weightA = new Int32Array(draws);
  if (keep.nationalMargin) kept.nationalMargin = new Float32Array(draws);
  if (keep.outcome) kept.outcome = new Int8Array(draws);
  return kept;
}

/**
 * Joins kept slices (in draw order) into the arrays of the whole run.
 * @example
 * joinKept(model, [slice], 4096).outcome?.length // => 4096
 */
export function joinKept(model: SimulationModel, slices: KeptSlice[], draws: number): KeptDraws {
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

/** The counters of {@link BlockCounters}, in the order they head each block of {@link PackedBlocks}. */
const COUNTER_KEYS = ['draws', 'winsA', 'winsB', 'ties', 'popularWinsA', 'splits', 'weightSumB', 'biasSum', 'biasDraws'] as const;

/**
 * Totals of consecutive blocks in one Float64Array, so a worker thread posts a task's blocks as one
 * transferred buffer (no copy, no per-array clone) and the main thread merges them with one loop. Each
 * block takes `stride` doubles: the counters of {@link BlockCounters} (draws, winsA, winsB, ties,
 * popularWinsA, splits, weightSumB, biasSum, biasDraws), then weightCounts (`weightLength` doubles),
 * unitWinsA, marginSum, marginSumSq, tippingCounts, extraA, extraB (`units` doubles each) and sources.
 * Each element is a plain copy, so merging packed blocks in block order gives the sums, to the bit, of
 * {@link mergeBlockTotals} in that order.
 */
export interface PackedBlocks {
  /** Blocks held. */
  count: number;
  units: number;
  /** Length of each block's dense weightCounts (0 when the weights are tallied in a Map). */
  weightLength: number;
  /** Doubles per block. */
  stride: number;
  data: Float64Array;
  /** Each block's weightTally (weights above {@link DENSE_WEIGHT_LIMIT}), or null when dense. */
  tallies: Map<number, number>[] | null;
}

/** Doubles one block takes in {@link PackedBlocks}. */
function packedStride(units: number, weightLength: number): number {
  return COUNTER_KEYS.length + weightLength + 6 * units + 2 * SOURCE_COUNT;
}

/**
 * Copies block totals (in block order, all of one model) into one {@link PackedBlocks}.
 *
 * @param blocks Per-block totals, at least one, of the same model.
 * @returns The packed blocks; `data.buffer` can be transferred to another thread.
 * @throws {Error} when `blocks` is empty.
 * @example
 * packBlockTotals([emptyTotals(model)]).stride // => 892 (the 2020 map: 9 counters, 539 weights 0–538, 6 × 56 units, 8 sources)
 */
export function packBlockTotals(blocks: BlockTotals[]): PackedBlocks {
  if (blocks.length === 0) throw new Error('packBlockTotals: no blocks');
  const units = blocks[0].unitWinsA.length;
  const weightLength = blocks[0].weightCounts.length;
  const stride = packedStride(units, weightLength);
  const data = new Float64Array(blocks.length * stride);
  blocks.forEach((block, b) => {
    let at = b * stride;
    for (const key of COUNTER_KEYS) data[at++] = block[key];
    for (const array of [block.weightCounts, block.unitWinsA, block.marginSum, block.marginSumSq, block.tippingCounts, block.extraA, block.extraB, block.sources]) {
      data.set(array, at);
      at += array.length;
    }
  });
  const tallies = blocks[0].weightTally ? blocks.map((block) => block.weightTally!) : null;
  return { count: blocks.length, units, weightLength, stride, data, tallies };
}

/**
 * The blocks of a {@link PackedBlocks} as block totals whose arrays are views on its data (no copy).
 *
 * @param packed Packed blocks.
 * @returns One totals object per block, in block order.
 * @example
 * unpackBlockTotals(packBlockTotals(blocks))[0].winsA === blocks[0].winsA // => true
 */
export function unpackBlockTotals(packed: PackedBlocks): BlockTotals[] {
  const { units, weightLength, stride, data } = packed;
  const blocks: BlockTotals[] = [];
  for (let b = 0; b < packed.count; b++) {
    let at = b * stride + COUNTER_KEYS.length;
    const view = (length: number) => data.subarray(at, (at += length));
    const [draws, winsA, winsB, ties, popularWinsA, splits, weightSumB, biasSum, biasDraws] = data.subarray(b * stride, b * stride + COUNTER_KEYS.length);
    blocks.push({
      draws, winsA, winsB, ties, popularWinsA, splits, weightSumB, biasSum, biasDraws,
      weightCounts: view(weightLength),
      weightTally: packed.tallies ? packed.tallies[b] : null,
      unitWinsA: view(units),
      marginSum: view(units),
      marginSumSq: view(units),
      tippingCounts: view(units),
      extraA: view(units),
      extraB: view(units),
      sources: view(2 * SOURCE_COUNT),
    });
  }
  return blocks;
}

/**
 * Adds every block of `from`, in block order, into the one block of `into` (a running total of the same
 * model), in place: one loop over the doubles, each element added as {@link mergeBlockTotals} adds it,
 * so the sums are the same to the bit; the weight tallies, when kept in Maps, are added too.
 *
 * @param into Running total: packed, one block (modified).
 * @param from Blocks to add, in block order.
 * @throws {Error} when the two do not have the same layout.
 * @example
 * const running = packBlockTotals([emptyTotals(model)]); mergePackedBlocks(running, packBlockTotals(simulateBlocks(model, { simulations: 10000, seed: 1 }).blocks)); unpackBlockTotals(running)[0].draws // => 10000
 */
export function mergePackedBlocks(into: PackedBlocks, from: PackedBlocks): void {
  if (into.count !== 1 || into.stride !== from.stride || into.units !== from.units || (into.tallies === null) !== (from.tallies === null)) {
    throw new Error('mergePackedBlocks: blocks of another layout');
  }
  const sum = into.data;
  const data = from.data;
  const stride = from.stride;
  for (let b = 0; b < from.count; b++) {
    const at = b * stride;
    for (let i = 0; i < stride; i++) sum[i] += data[at + i];
    const tally = into.tallies?.[0];
    if (tally) for (const [weight, draws] of from.tallies![b]) tally.set(weight, (tally.get(weight) ?? 0) + draws);
  }
}
