/**
 * Runs a simulation on worker threads (Node-only edge of src/sim). The draws are split in the kernel's
 * fixed blocks; workers run ranges of blocks and the per-block totals are merged in block order, so the
 * result is identical, to the bit, for any number of threads. Workers are kept between runs (a sweep
 * starts them once), unreferenced while idle.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './startWorker.js';
import { blockSlices } from '../sim/blockSlices.js';
import { prepareModel, type PrepareOptions } from '../sim/prepareModel.js';
import { blockCount, finishResult, mergeBlockTotals, simulateInto, BLOCK_SIZE, type BlockTotals, type KeepOptions, type KeptSlice } from '../sim/simulate.js';
import { emptyTotals } from '../sim/blockTotals.js';
import type { SimulationResult } from '../sim/types.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { WorkerTask } from './simulateWorker.js';
import { InputError, describeValue } from '../errors.js';
import { errorFromWorker, type WorkerErrorMessage } from './workerError.js';

/** Options of {@link simulateParallel}. */
export interface ParallelOptions {
  /** Number of simulated elections. */
  simulations: number;
  seed: number;
  /** Worker threads (1 runs in this thread). */
  threads: number;
  keep?: KeepOptions;
  /** Called after each finished range of blocks with the draws done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborts the run: workers are terminated and the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Extra model terms passed to prepareModel (the benchmark's peer model); scenarios leave it out. */
  prepare?: PrepareOptions;
}

/** Idle workers kept between runs (unreferenced, so they never keep the process alive). */
const idleWorkers: Worker[] = [];

function acquireWorkers(count: number): Worker[] {
  const workers = idleWorkers.splice(0, count);
  while (workers.length < count) {
    const worker = startWorker('simulateWorker');
    // A worker that fails or dies while idle leaves the pool (a run in progress has its own listeners).
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      const at = idleWorkers.indexOf(worker);
      if (at >= 0) idleWorkers.splice(at, 1);
    });
    workers.push(worker);
  }
  for (const w of workers) w.ref();
  return workers;
}

function releaseWorkers(workers: Worker[]): void {
  for (const w of workers) {
    w.unref();
    idleWorkers.push(w);
  }
}

/**
 * Terminates the idle workers that simulateParallel keeps between runs. Optional: idle workers do not
 * keep the process alive; call it to free their memory early.
 *
 * @example
 * await closeWorkerPool() // no idle workers remain
 */
export async function closeWorkerPool(): Promise<void> {
  const workers = idleWorkers.splice(0);
  await Promise.all(workers.map((w) => w.terminate()));
}

function abortError(): Error {
  const error = new Error('the simulation was aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * Runs {@link simulate} over worker threads and merges the blocks in order.
 *
 * @param resolved Resolved scenario (plain JSON, sent to each worker once).
 * @param options Simulations, seed, threads, what to keep, progress callback and abort signal.
 * @returns The same SimulationResult as a single-threaded run, bit for bit.
 * @throws {InputError} for a bad thread count or number of simulations; rejects with an AbortError when aborted.
 * @example
 * JSON.stringify(resultToJson(await simulateParallel(resolved, { simulations: 1e6, seed: 1, threads: 4 }))) // => same text as threads: 1
 */
export async function simulateParallel(resolved: ResolvedScenario, options: ParallelOptions): Promise<SimulationResult> {
  const { simulations, seed, keep, onProgress, signal } = options;
  if (!Number.isInteger(options.threads) || options.threads < 1) {
    throw new InputError({ at: 'threads', expected: 'a positive integer', found: describeValue(options.threads) });
  }
  if (!Number.isInteger(simulations) || simulations < 1) {
    throw new InputError({ at: 'simulations', expected: 'a positive integer', found: describeValue(simulations) });
  }
  if (signal?.aborted) throw abortError();
  const model = prepareModel(resolved, options.prepare);
  const blocks = blockCount(simulations);
  // Never more threads than blocks, nor than cores (more would add memory, not speed).
  const threads = Math.min(options.threads, blocks, availableParallelism());
  if (threads === 1) return simulateHere(model, options, blocks);
  return simulateOnWorkers(resolved, model, options, blocks, threads);
}

/**
 * In this thread, in chunks so progress and abort still work; blocks are merged in order as they come, so
 * memory does not grow with the number of simulations.
 */
async function simulateHere(model: ReturnType<typeof prepareModel>, options: ParallelOptions, blocks: number): Promise<SimulationResult> {
  const { simulations, seed, keep, onProgress, signal } = options;
  const running = emptyTotals(model);
  const kept: KeptSlice[] = [];
  for (const { blockStart, blockEnd, drawsDone } of blockSlices(simulations, Math.ceil(blocks / 20))) {
    if (signal?.aborted) throw abortError();
    const slice = simulateInto(model, { simulations, seed, keep, blockStart, blockEnd }, running);
    if (slice) kept.push(slice);
    onProgress?.(drawsDone, simulations);
    if (onProgress || signal) await new Promise((resolve) => setImmediate(resolve));
  }
  return finishResult(model, seed, [running], kept);
}

/**
 * The tasks of a run on `threads` workers, in block order: guided sizes, each a 2 × threads-th of the
 * blocks still to hand out (at least one block), so the first tasks are large (few messages) and the last
 * ones a block or two: the threads finish within about a block of each other, where tasks of equal size
 * (a quarter of a thread's share, as before) left one thread idle for up to a whole task at the end, a
 * large part of a short run (1,000,000 draws of the peer model are 245 blocks, some 0.3 s a thread).
 *
 * @example
 * guidedTasks(10, 2) // => [{start: 0, end: 3}, {start: 3, end: 5}, {start: 5, end: 7}, {start: 7, end: 8}, {start: 8, end: 9}, {start: 9, end: 10}]
 */
export function guidedTasks(blocks: number, threads: number): { start: number; end: number }[] {
  const tasks: { start: number; end: number }[] = [];
  for (let start = 0; start < blocks; ) {
    const end = start + Math.max(1, Math.ceil((blocks - start) / (2 * threads)));
    tasks.push({ start, end });
    start = end;
  }
  return tasks;
}

/**
 * On `threads` workers: tasks of consecutive blocks (guidedTasks) handed out as workers finish, the blocks merged in
 * block order (finished tasks wait until every earlier one has been merged: the sums stay identical for
 * any number of threads, and only out-of-order tasks are held in memory).
 */
async function simulateOnWorkers(resolved: ResolvedScenario, model: ReturnType<typeof prepareModel>, options: ParallelOptions, blocks: number, threads: number): Promise<SimulationResult> {
  const { simulations, seed, keep, onProgress, signal } = options;
  const tasks = guidedTasks(blocks, threads);
  const running = emptyTotals(model);
  const waiting = new Map<number, BlockTotals[]>();
  let merged = 0;
  let blocksDone = 0;
  const keptByTask: (KeptSlice | undefined)[] = new Array(tasks.length);
  let finished = 0;
  let next = 0;
  const workers = acquireWorkers(threads);
  const detach: (() => void)[] = [];
  let ok = false;
  try {
    await new Promise<void>((resolve, reject) => {
      let failed = false;
      const fail = (error: Error) => {
        if (failed) return;
        failed = true;
        reject(error);
      };
      if (signal) {
        const onAbort = () => fail(abortError());
        signal.addEventListener('abort', onAbort, { once: true });
        detach.push(() => signal.removeEventListener('abort', onAbort));
      }
      const send = (worker: Worker, first: boolean) => {
        if (next >= tasks.length) return;
        const id = next++;
        const task: WorkerTask = { id, simulations, seed, blockStart: tasks[id].start, blockEnd: tasks[id].end, keep };
        if (first) {
          task.resolved = resolved;
          task.prepare = options.prepare;
        }
        worker.postMessage(task);
      };
      for (const worker of workers) {
        const onMessage = (message: { id: number; blocks?: BlockTotals[]; kept?: KeptSlice; error?: WorkerErrorMessage }) => {
          if (message.error) {
            fail(errorFromWorker(message.error));
            return;
          }
          waiting.set(message.id, message.blocks!);
          blocksDone += message.blocks!.length;
          for (let ready = waiting.get(merged); ready; ready = waiting.get(merged)) {
            for (const block of ready) mergeBlockTotals(running, block);
            waiting.delete(merged);
            merged++;
          }
          keptByTask[message.id] = message.kept;
          finished++;
          onProgress?.(Math.min(simulations, blocksDone * BLOCK_SIZE), simulations);
          if (finished === tasks.length) resolve();
          else send(worker, false);
        };
        const onExit = (code: number) => {
          if (finished < tasks.length) fail(new Error(`simulation worker exited with code ${code}`));
        };
        worker.on('message', onMessage);
        worker.on('error', fail);
        worker.on('exit', onExit);
        detach.push(() => {
          worker.off('message', onMessage);
          worker.off('error', fail);
          worker.off('exit', onExit);
        });
        send(worker, true);
      }
    });
    ok = true;
  } finally {
    for (const d of detach) d();
    if (ok) releaseWorkers(workers);
    else await Promise.all(workers.map((w) => w.terminate()));
  }
  const kept = keptByTask.filter((k): k is KeptSlice => k !== undefined);
  return finishResult(model, seed, [running], kept);
}
