/**
 * `campaign-lab allocate`'s search on a worker thread (src/node/allocateWorker.ts runs allocatePlans, the
 * pure analysis in src/analysis/allocatePlans.ts): the main thread stays free for progress and Ctrl-C.
 * Node-only (worker threads).
 */
import { errorFromWorker, type WorkerErrorMessage } from './workerError.js';
import { startWorker } from './startWorker.js';
import type { AllocatePlansInput, AllocatePlansOutput } from '../analysis/allocatePlans.js';

/**
 * Runs {@link allocatePlans} on a worker thread: the main thread stays free, so progress and Ctrl-C
 * work while the greedy search runs; on abort the worker is terminated at once.
 *
 * @param input as for allocatePlans
 * @param options `onRun` progress, `signal` to stop
 * @returns the same output as allocatePlans
 * @throws the signal's reason when aborted; the worker's error otherwise
 * @example
 * await allocatePlansInWorker(input, { signal: context.signal }) // => { result, gain, nationwide }
 */
export async function allocatePlansInWorker(input: AllocatePlansInput, options: { onRun?: (done: number, expected: number) => void; signal?: AbortSignal } = {}): Promise<AllocatePlansOutput> {
  const { onRun, signal } = options;
  signal?.throwIfAborted();
  const worker = startWorker('allocateWorker');
  try {
    return await new Promise<AllocatePlansOutput>((resolve, reject) => {
      const onAbort = () => reject(signal!.reason);
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', (message: { progress?: [number, number]; output?: AllocatePlansOutput; error?: WorkerErrorMessage }) => {
        if (message.progress) onRun?.(...message.progress);
        else if (message.output) resolve(message.output);
        else if (message.error) reject(errorFromWorker(message.error));
      });
      worker.on('error', reject);
      worker.on('exit', (code) => reject(new Error(`allocation worker exited with code ${code}`)));
      worker.postMessage(input);
    });
  } finally {
    await worker.terminate();
  }
}

