/**
 * The one worker-thread launcher of the engine (simulateParallel's pool, `campaign-lab allocate`'s
 * search and the report's chart renderer start their workers here). From dist/ a worker runs the compiled entry beside this file;
 * under tsx (tests, `node --import tsx`) Node 20 does not run `--import` preloads in workers, so a
 * two-line bootstrap registers tsx's loader in the worker first and then imports the entry's .ts file.
 * Errors come back through src/node/workerError.ts, the same way for every worker.
 *
 * Node-only (worker threads).
 */
import { Worker } from 'node:worker_threads';

/** The worker entries of src/node: the simulation's blocks, the allocation's greedy search, the report's charts. */
export type WorkerEntry = 'simulateWorker' | 'allocateWorker' | 'chartWorker';

/**
 * Starts a worker thread running one of the entries of src/node.
 *
 * @param entry the entry module's name, without extension
 * @returns the started worker (referenced: the caller unreferences or terminates it)
 * @example
 * const worker = startWorker('allocateWorker'); worker.postMessage(input) // the worker answers with progress, then its output
 */
export function startWorker(entry: WorkerEntry): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL(`./${entry}.js`, here));
  const api = import.meta.resolve('tsx/esm/api');
  const source = new URL(`./${entry}.ts`, here).href;
  const bootstrap = `import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(source)}); });`;
  return new Worker(bootstrap, { eval: true });
}
