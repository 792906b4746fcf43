/**
 * The random numbers of a block, kept between runs of this thread: common random numbers, made once.
 *
 * A block's numbers depend only on the seed, the block and the draw layout (normalStream.ts: the block's
 * generator is seeded from (seed, block), and a draw's numbers from the generator's state at its start,
 * never from the model's inputs beyond the layout). The runs of one command that share a seed (the
 * list-size sweep's points, the assumptions draws, the tornado, each scenario and its variant) therefore
 * draw the very same numbers, which the generator made anew in every run: about a quarter of a run's CPU
 * on the default scenario (`node --cpu-prof`: the kernel's fillNumbers, its ziggurat slow path and the
 * logarithms it calls). Kept here, a batch of numbers is copied instead of drawn again, so every figure is
 * the same to the bit: the numbers are the ones the generator makes.
 *
 * What is kept: per (seed, block, layout), from the block's second run in this thread (a single run keeps
 * nothing, so a plain `run` takes no more memory; the briefing's live engines keep from the first), the full batches drawn so far, in order, and the
 * generator's state after the last of them (to go on drawing from there). A partial batch (the end of a run) is not
 * kept: its draws are the first ones of the full batch a longer run keeps, which serves it in turn. Memory
 * is bounded by {@link NUMBERS_CACHE_BYTES} per thread: past it, the numbers of other seeds or layouts are
 * dropped, and when the cache holds only this seed and layout, no more is kept (the run draws the rest).
 * Per thread (a module's state): worker threads and the briefing page's Web Workers each keep their own.
 */
import type { DrawLayout } from './normalStream.js';

/** Most bytes of numbers kept per thread: the 50,000 draws of the default scenario take 32 MB (80 numbers a draw). */
export const NUMBERS_CACHE_BYTES = 48 * 1024 * 1024;

/**
 * Most blocks with an entry per thread. Every block run gets one (its run count, a generator state), kept
 * or not, so a long-lived thread running many seeds (a notebook, a server) would otherwise gather them
 * without end; past it, the oldest entry goes, with its numbers.
 */
export const NUMBERS_CACHE_BLOCKS = 4096;

/** The kept numbers of one block: full batches in draw order, and the generator's state after the last. */
export interface BlockNumbers {
  /** Seed and layout, as one text (entries of another family are dropped first when the cache is full). */
  family: string;
  /** Runs of the block in this thread so far, this one included. */
  runs: number;
  batches: Float64Array[];
  state: Int32Array;
}

const cache = new Map<string, BlockNumbers>();
let cachedBytes = 0;
/** The run of a block from which its batches are kept: the second, or the first (a thread that will re-run). */
let firstKeptRun = 2;

/**
 * Keeps a block's numbers from its first run in this thread on, not its second: for a thread whose every
 * run is followed by others of the same seed (the briefing page's live engines, src/browser/liveWorker.ts).
 *
 * @example
 * keepNumbersFromFirstRun() // then a block's first run keeps its full batches, as far as the bound allows
 */
export function keepNumbersFromFirstRun(): void {
  firstKeptRun = 1;
}

/**
 * The kept numbers of a block, created empty (with the block's first state) on first use, the oldest entry
 * dropped first when `maxBlocks` are held; counts a run of the block (call it once per run of a block).
 *
 * @param seed user seed
 * @param block block index
 * @param layout the draw layout (Student-t df, normals, uniforms)
 * @param firstState the block's generator state at its first draw (normalStream.ts blockGeneratorState),
 *   called only when the block has no entry yet
 * @param maxBlocks most entries held in this thread (default {@link NUMBERS_CACHE_BLOCKS}; tests pass less)
 * @returns the block's entry: `batches` may be empty
 * @example
 * blockNumbers(2024, 0, { studentT: 5, normals: 79, uniforms: 0 }, () => blockGeneratorState(2024, 0)).batches.length // => 0 in a fresh thread
 */
export function blockNumbers(seed: number, block: number, layout: DrawLayout, firstState: () => Int32Array, maxBlocks = NUMBERS_CACHE_BLOCKS): BlockNumbers {
  const family = `${seed}|${layout.studentT}|${layout.normals}|${layout.uniforms}`;
  const key = `${family}|${block}`;
  let entry = cache.get(key);
  if (!entry) {
    // A Map iterates in insertion order: the first key is the oldest entry.
    for (const [oldest, old] of cache) {
      if (cache.size < maxBlocks) break;
      cache.delete(oldest);
      for (const batch of old.batches) cachedBytes -= batch.byteLength;
    }
    entry = { family, runs: 0, batches: [], state: firstState().slice() };
    cache.set(key, entry);
  }
  entry.runs++;
  return entry;
}

/**
 * Keeps a full batch just drawn as the block's next one, with the generator's state after it, from the block's
 * second run on (its first after {@link keepNumbersFromFirstRun}); when that would pass {@link NUMBERS_CACHE_BYTES}, the entries of other families go first, and
 * the batch is not kept when there is still no room.
 *
 * @param entry the block's entry, whose batches end just before this one
 * @param numbers the batch's numbers (copied)
 * @param state the generator state after the batch (copied)
 * @param limit most bytes kept in this thread (default {@link NUMBERS_CACHE_BYTES}; tests pass less)
 * @returns whether the batch was kept
 * @example
 * keepBatch(entry, work.numbers, work.state) // => false on the block's first run, then true while there is room
 */
export function keepBatch(entry: BlockNumbers, numbers: Float64Array, state: Int32Array, limit = NUMBERS_CACHE_BYTES): boolean {
  if (entry.runs < firstKeptRun) return false;
  if (cachedBytes + numbers.byteLength > limit) {
    for (const [key, other] of cache) {
      if (other.family === entry.family) continue;
      cache.delete(key);
      for (const batch of other.batches) cachedBytes -= batch.byteLength;
    }
    if (cachedBytes + numbers.byteLength > limit) return false;
  }
  entry.batches.push(numbers.slice());
  entry.state = state.slice();
  cachedBytes += numbers.byteLength;
  return true;
}

/**
 * Drops every kept number of this thread (tests; a caller that wants the memory back).
 *
 * @example
 * clearNumbersCache(); numbersCacheBytes() // => 0
 */
export function clearNumbersCache(): void {
  cache.clear();
  cachedBytes = 0;
}

/**
 * Bytes of numbers kept in this thread.
 *
 * @example
 * numbersCacheBytes() // => 0 in a fresh thread
 */
export function numbersCacheBytes(): number {
  return cachedBytes;
}
