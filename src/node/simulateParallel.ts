/**
 * Runs a simulation on worker threads (Node-only edge of src/sim). The draws are split in the kernel's
 * fixed blocks; workers run ranges of blocks and the per-block totals are merged in block order, so the
 * result is identical, to the bit, for any number of threads. One pool of workers serves every run of the
 * process: runs in flight at once (a sweep's points, the assumptions draws) queue their tasks on it, first
 * come first served, each run on at most its own number of threads, so a worker never waits for a run's
 * last block while another run has blocks left. Workers are kept between runs, unreferenced while idle.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from './startWorker.js';
import { blockSlices } from '../sim/blockSlices.js';
import { prepareModel, type PrepareOptions } from '../sim/prepareModel.js';
import { blockCount, finishResult, simulateInto, BLOCK_SIZE, type KeepOptions, type KeptSlice } from '../sim/simulate.js';
import { emptyTotals, mergePackedBlocks, packBlockTotals, unpackBlockTotals, type PackedBlocks } from '../sim/blockTotals.js';
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
  /** Worker threads of the shared pool this run uses at most at once (1 runs in this thread). */
  threads: number;
  keep?: KeepOptions;
  /** Called after each finished range of blocks with the draws done so far and the total. */
  onProgress?: (done: number, total: number) => void;
  /** Aborts the run: workers are terminated and the promise rejects with an AbortError. */
  signal?: AbortSignal;
  /** Extra model terms passed to prepareModel (the benchmark's peer model); scenarios leave it out. */
  prepare?: PrepareOptions;
}

/** A run on the pool: its tasks (ranges of blocks) and what it does with a worker's answer. */
interface PoolRun {
  id: number;
  resolved: ResolvedScenario;
  options: ParallelOptions;
  tasks: { start: number; end: number }[];
  /** Next task to hand out. */
  next: number;
  /** Most workers at once (the run's threads), and how many run one of its tasks now. */
  threads: number;
  running: number;
  /** Workers that hold its model (sent with their first task of the run; freed when the run ends). */
  holders: Set<Worker>;
  /** Finished, failed or aborted: answers still arriving are ignored. */
  ended: boolean;
  answer(message: TaskAnswer): void;
  fail(error: Error): void;
}

/** What a worker posts for a task. */
interface TaskAnswer {
  id: number;
  run: number;
  /** The task's per-block totals, in one transferred buffer. */
  packed?: PackedBlocks;
  kept?: KeptSlice;
  error?: WorkerErrorMessage;
}

/**
 * The pool: every live worker, the idle ones (unreferenced), the runs with tasks left in arrival order, each
 * busy worker's run and its tasks posted and not yet answered (1, or 2 with one task queued ahead).
 */
const pool = { workers: new Set<Worker>(), idle: [] as Worker[], queue: [] as PoolRun[], busy: new Map<Worker, PoolRun>(), posted: new Map<Worker, number>() };
let nextRunId = 0;

/** Takes a worker out of the pool (it died, or is being terminated); the run it was working for fails with `error`. */
function removeWorker(worker: Worker, error: Error): void {
  if (!pool.workers.delete(worker)) return;
  const at = pool.idle.indexOf(worker);
  if (at >= 0) pool.idle.splice(at, 1);
  const run = pool.busy.get(worker);
  pool.busy.delete(worker);
  pool.posted.delete(worker);
  if (run) run.fail(error);
}

function startPoolWorker(): void {
  const worker = startWorker('simulateWorker');
  worker.on('message', (message: TaskAnswer) => {
    if (!pool.workers.has(worker)) return;
    const run = pool.busy.get(worker);
    const left = (pool.posted.get(worker) ?? 1) - 1;
    if (left > 0) pool.posted.set(worker, left);
    else {
      pool.posted.delete(worker);
      pool.busy.delete(worker);
      pool.idle.push(worker);
      if (run) run.running--;
    }
    // The worker gets its next task before this answer is merged: the merge runs while it works, never
    // while it waits. A failed task fails its run first, so none of the run's tasks is handed out after.
    const mine = run?.id === message.run ? run : undefined;
    if (message.error) mine?.answer(message);
    dispatch();
    if (!message.error) mine?.answer(message);
  });
  // A worker that dies (a crash, not a termination by this file) fails every run in flight, as a run's own
  // worker dying failed it before the pool was shared: none waits on blocks a dead worker held.
  worker.on('error', (error) => {
    if (pool.workers.has(worker)) failRunsInFlight(error);
  });
  worker.on('exit', (code) => {
    if (pool.workers.has(worker)) failRunsInFlight(new Error(`simulation worker exited with code ${code}`));
  });
  pool.workers.add(worker);
  pool.idle.push(worker);
}

/** Takes the dead worker's kind of failure to every run in flight (queued or running), then frees the pool. */
function failRunsInFlight(error: Error): void {
  const runs = new Set([...pool.queue, ...pool.busy.values()]);
  for (const worker of [...pool.workers]) {
    removeWorker(worker, error);
    void worker.terminate();
  }
  for (const run of runs) run.fail(error);
}

/**
 * Hands tasks to idle workers: each queued run in arrival order, while it has a task left and fewer busy
 * workers than its threads, gets an idle worker, one that holds its model already when there is one. Then
 * each of the run's busy workers gets its next task queued ahead while that task is of two blocks or more
 * (it starts it the moment it posts the current one, without waiting for this thread to answer), unless
 * an earlier run waits for a worker (first come, first served); single-block tasks, the last ones, go to
 * whichever worker is free first, so the threads still finish within about a block of each other.
 */
function dispatch(): void {
  let earlierWaits = false;
  for (const run of pool.queue) {
    while (run.next < run.tasks.length && run.running < run.threads && pool.idle.length > 0) {
      const held = pool.idle.findIndex((w) => run.holders.has(w));
      const worker = pool.idle.splice(Math.max(0, held), 1)[0]!;
      run.running++;
      pool.busy.set(worker, run);
      worker.ref();
      postTask(run, worker);
    }
    if (!earlierWaits) {
      for (const [worker, r] of pool.busy) {
        const next = run.tasks[run.next];
        if (r === run && pool.posted.get(worker) === 1 && next && next.end - next.start >= 2) postTask(run, worker);
      }
    }
    if (run.next < run.tasks.length && run.running < run.threads) earlierWaits = true;
  }
  pool.queue = pool.queue.filter((run) => run.next < run.tasks.length);
  for (const worker of pool.idle) worker.unref();
}

/** Posts the run's next task to a worker busy for it (with the run's scenario, the first time). */
function postTask(run: PoolRun, worker: Worker): void {
  const id = run.next++;
  const { simulations, seed, keep, prepare } = run.options;
  const task: WorkerTask = { id, run: run.id, simulations, seed, blockStart: run.tasks[id].start, blockEnd: run.tasks[id].end, keep };
  if (!run.holders.has(worker)) {
    task.resolved = run.resolved;
    task.prepare = prepare;
    run.holders.add(worker);
  }
  pool.posted.set(worker, (pool.posted.get(worker) ?? 0) + 1);
  worker.postMessage(task);
}

/** Starts workers for the runs still queued (as many as the most threads one of them uses) and hands out their tasks. */
function refill(): void {
  const wanted = Math.max(0, ...pool.queue.map((run) => run.threads));
  while (pool.workers.size < wanted) startPoolWorker();
  dispatch();
}

/** Ends a run on the pool: its tasks not handed out are dropped, and the workers holding its model free it. */
function endRun(run: PoolRun): void {
  run.ended = true;
  pool.queue = pool.queue.filter((r) => r !== run);
  for (const worker of run.holders) if (pool.workers.has(worker)) worker.postMessage({ drop: run.id });
  run.holders.clear();
}

/**
 * Terminates the pool's workers; runs still in flight fail. Optional: idle workers do not keep the process
 * alive; call it to free their memory early, as the command line does when a command ends.
 *
 * @example
 * await closeWorkerPool() // no workers remain
 */
export async function closeWorkerPool(): Promise<void> {
  const workers = [...pool.workers];
  const runs = new Set([...pool.queue, ...pool.busy.values()]);
  const error = new Error('the simulation worker pool was closed');
  for (const worker of workers) removeWorker(worker, error);
  for (const run of runs) run.fail(error);
  await Promise.all(workers.map((w) => w.terminate()));
}

function abortError(): Error {
  const error = new Error('the simulation was aborted');
  error.name = 'AbortError';
  return error;
}

/**
 * Runs {@link simulate} over worker threads and merges the blocks in order. Calls in flight at once share
 * the process's pool of workers (at most the machine's cores), each using at most its own `threads`.
 *
 * @param resolved Resolved scenario (plain JSON, sent once to each worker that runs one of its tasks).
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
 * On `threads` workers of the pool: tasks of consecutive blocks (guidedTasks) queued on it, the blocks merged in
 * block order (finished tasks wait until every earlier one has been merged: the sums stay identical for
 * any number of threads, and only out-of-order tasks are held in memory). A worker posts a task's blocks
 * packed in one transferred buffer (packBlockTotals) and gets its next task before they are merged
 * (mergePackedBlocks, one loop): the main thread's work never holds a worker up. Aborted, the workers
 * running its tasks are terminated (the pool starts others when needed).
 */
async function simulateOnWorkers(resolved: ResolvedScenario, model: ReturnType<typeof prepareModel>, options: ParallelOptions, blocks: number, threads: number): Promise<SimulationResult> {
  const { simulations, seed, onProgress, signal } = options;
  const running = packBlockTotals([emptyTotals(model)]);
  const waiting = new Map<number, PackedBlocks>();
  const tasks = guidedTasks(blocks, threads);
  const keptByTask: (KeptSlice | undefined)[] = new Array(tasks.length);
  let merged = 0;
  let blocksDone = 0;
  let finished = 0;
  let onAbort: (() => void) | undefined;
  try {
    await new Promise<void>((resolve, reject) => {
      const run: PoolRun = {
        id: nextRunId++, resolved, options, tasks, next: 0, threads, running: 0, holders: new Set(), ended: false,
        fail(error) {
          if (run.ended) return;
          endRun(run);
          reject(error);
        },
        answer(message) {
          if (run.ended) return;
          if (message.error) return run.fail(errorFromWorker(message.error));
          waiting.set(message.id, message.packed!);
          blocksDone += message.packed!.count;
          for (let ready = waiting.get(merged); ready; ready = waiting.get(merged)) {
            mergePackedBlocks(running, ready);
            waiting.delete(merged);
            merged++;
          }
          keptByTask[message.id] = message.kept;
          onProgress?.(Math.min(simulations, blocksDone * BLOCK_SIZE), simulations);
          if (++finished < tasks.length) return;
          endRun(run);
          resolve();
        },
      };
      onAbort = () => {
        // Its tasks stop at once: the workers running them are terminated (the pool starts others when needed).
        for (const [worker, r] of [...pool.busy]) {
          if (r !== run) continue;
          removeWorker(worker, abortError());
          void worker.terminate();
        }
        run.fail(abortError());
        // Runs still queued get workers again (the one that answered may have held this run's next task).
        refill();
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      while (pool.workers.size < threads) startPoolWorker();
      pool.queue.push(run);
      dispatch();
    });
  } finally {
    if (onAbort) signal?.removeEventListener('abort', onAbort);
  }
  const kept = keptByTask.filter((k): k is KeptSlice => k !== undefined);
  return finishResult(model, seed, unpackBlockTotals(running), kept);
}
