/**
 * Entry of the briefing page's Web Workers, the live engines (bundled by scripts/bundleLiveEngine.mjs,
 * started from a Blob URL). The page starts one engine per core, up to two, and they share each run by
 * blocks (liveRun.ts livePart): engine 0 runs the first blocks and summarizes, the others run the rest.
 * Protocol, all messages plain JSON:
 * - page → engine `{type: 'inputs', inputs, map?}` once (see LiveInputs, LiveMap); `{type: 'warm', engine?:
 *   {index, count}}` once, answered `{type: 'warmed'}` after this engine's part of the page's own run (the
 *   kernel compiled, its blocks' random numbers drawn and kept for the moves) and the figures and the map's
 *   spec made once on one block;
 *   then `{type: 'run', id, settings, engine?: {index, count}}` (default: engine 0 of 1);
 * - engine → page `{type: 'progress', id, done, total}` after each block (done: this engine's draws);
 * - engine i > 0 → page `{type: 'blocks', id, index, blocks}`: its blocks' totals, which the page hands to
 *   engine 0 as they are; engine 0 joins every engine's blocks in engine order (that is, block order);
 * - engine 0 → page `{type: 'result', id, figures, milliseconds, mapSpec?, narrowMapSpec?}` (see LiveFigures;
 *   mapSpec when a map was given: the P(win) map of this run; narrowMapSpec its phone version);
 * - any engine → page `{type: 'error', id, message, details?}` (details: an InputError's at, expected,
 *   found and hint).
 * A run asked while another is queued replaces it: the page only wants the latest position of a control.
 */
import { liveBlocks, liveFigures, liveMapSpec, type LiveInputs, type LiveMap } from './liveRun.js';
import { InputError } from '../errors.js';
import { BLOCK_SIZE, type BlockTotals } from '../sim/simulate.js';
import { keepNumbersFromFirstRun } from '../sim/numbersCache.js';

interface WorkerScope {
  postMessage(message: unknown): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

interface Job {
  id: number;
  settings: Record<string, unknown>;
  index: number;
  count: number;
}

const scope = globalThis as unknown as WorkerScope;
// Every run of an engine is followed by others of the same seed (the next moves): keep the numbers at once.
keepNumbersFromFirstRun();
let inputs: LiveInputs | undefined;
let map: LiveMap | undefined;
let pending: Job | undefined;
let scheduled = false;
/** Engine 0's run waiting for the other engines' blocks, and the blocks that came, by run and engine. */
let awaiting: { job: Job; blocks: BlockTotals[]; started: number } | undefined;
const received = new Map<number, Map<number, BlockTotals[]>>();

function postError(id: number, error: unknown): void {
  // An InputError's details go too, so the page can say it in its own language (src/briefing/liveErrors.ts).
  const details = error instanceof InputError ? { at: error.details.at, expected: error.details.expected, found: error.details.found, hint: error.details.hint } : undefined;
  scope.postMessage({ type: 'error', id, message: error instanceof Error ? error.message : String(error), ...(details ? { details } : {}) });
}

function runPending(): void {
  scheduled = false;
  const job = pending;
  pending = undefined;
  if (!job || !inputs) return;
  const started = performance.now();
  try {
    const blocks = liveBlocks(inputs, job.settings, job.index, job.count, (done, total) => scope.postMessage({ type: 'progress', id: job.id, done, total }));
    if (job.index > 0) {
      scope.postMessage({ type: 'blocks', id: job.id, index: job.index, blocks });
      return;
    }
    awaiting = { job, blocks, started };
    finishIfComplete();
  } catch (error) {
    postError(job.id, error);
  }
}

/** Engine 0: the run's figures once the other engine's blocks are in (at once when alone). */
function finishIfComplete(): void {
  if (!awaiting || !inputs) return;
  const { job, blocks, started } = awaiting;
  const parts = received.get(job.id) ?? new Map<number, BlockTotals[]>();
  if (parts.size < job.count - 1) return;
  awaiting = undefined;
  received.delete(job.id);
  const all = [...blocks];
  for (let index = 1; index < job.count; index++) all.push(...(parts.get(index) ?? []));
  try {
    const figures = liveFigures(inputs, job.settings, all);
    const milliseconds = performance.now() - started;
    const maps = map ? { mapSpec: liveMapSpec(figures, map), ...(map.narrowOptions ? { narrowMapSpec: liveMapSpec(figures, map, 'narrow') } : {}) } : {};
    scope.postMessage({ type: 'result', id: job.id, figures, milliseconds, ...maps });
  } catch (error) {
    postError(job.id, error);
  }
}

scope.onmessage = (event) => {
  const message = event.data as { type: string; inputs?: LiveInputs; map?: LiveMap; id?: number; index?: number; settings?: Record<string, unknown>; engine?: { index: number; count: number }; blocks?: BlockTotals[] };
  if (message.type === 'inputs' && message.inputs) {
    inputs = message.inputs;
    map = message.map;
  } else if (message.type === 'warm' && inputs) {
    try {
      // This engine's part of the page's own run: the kernel compiled and every block's numbers drawn
      // and kept (numbersCache.ts), which every later move of the same seed copies instead of drawing
      // again; then the figures and the map's spec made once on one block, so that the first move
      // compiles none of them.
      liveBlocks(inputs, {}, message.engine?.index ?? 0, message.engine?.count ?? 1);
      const settings = { simulations: BLOCK_SIZE };
      const figures = liveFigures(inputs, settings, liveBlocks(inputs, settings, 0, 1));
      if (map) liveMapSpec(figures, map);
    } catch {
      // A scenario the engine cannot run says so on the first move, in the page's words; not here.
    }
    scope.postMessage({ type: 'warmed' });
  } else if (message.type === 'blocks' && typeof message.id === 'number' && typeof message.index === 'number' && message.blocks) {
    const parts = received.get(message.id) ?? new Map<number, BlockTotals[]>();
    parts.set(message.index, message.blocks);
    received.set(message.id, parts);
    finishIfComplete();
  } else if (message.type === 'run' && typeof message.id === 'number') {
    pending = { id: message.id, settings: message.settings ?? {}, index: message.engine?.index ?? 0, count: message.engine?.count ?? 1 };
    // A newer run replaces one waiting for blocks (the page shows only the latest).
    if (awaiting && awaiting.job.id !== message.id) awaiting = undefined;
    for (const id of received.keys()) if (id < message.id) received.delete(id);
    // Let queued messages arrive first, so only the newest setting runs.
    if (!scheduled) {
      scheduled = true;
      setTimeout(runPending, 0);
    }
  }
};
