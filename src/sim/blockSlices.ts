/**
 * A run's blocks in slices, for the loops that run a scenario slice by slice in one thread (the page's
 * live engine, simulateParallel on one thread, the list value of a run too large to hold its margins):
 * each slice is a range of whole blocks, so the draws, and the numbers, are those of the whole run.
 */
import { BLOCK_SIZE, blockCount } from './blockTotals.js';

/** One slice: blocks [blockStart, blockEnd), and the draws done once it has run. */
export interface BlockSlice {
  blockStart: number;
  blockEnd: number;
  /** Simulated elections done after this slice (for progress). */
  drawsDone: number;
}

/**
 * The slices of a run of `simulations` draws, at most `blocksPerSlice` blocks each, in order.
 *
 * @param simulations draws of the run
 * @param blocksPerSlice blocks per slice (at least 1)
 * @example
 * blockSlices(10000, 2) // => [{ blockStart: 0, blockEnd: 2, drawsDone: 8192 }, { blockStart: 2, blockEnd: 3, drawsDone: 10000 }]
 */
export function blockSlices(simulations: number, blocksPerSlice: number): BlockSlice[] {
  const blocks = blockCount(simulations);
  const size = Math.max(1, Math.floor(blocksPerSlice));
  const slices: BlockSlice[] = [];
  for (let start = 0; start < blocks; start += size) {
    const end = Math.min(blocks, start + size);
    slices.push({ blockStart: start, blockEnd: end, drawsDone: Math.min(simulations, end * BLOCK_SIZE) });
  }
  return slices;
}
