/**
 * Worker-thread entry of `campaign-lab allocate` (Node-only): runs {@link allocatePlans} on the one
 * input it is sent, posting progress after each simulation run and then the output.
 */
import { parentPort } from 'node:worker_threads';
import { workerErrorMessage } from './workerError.js';
import { allocatePlans, type AllocatePlansInput } from '../analysis/allocatePlans.js';

parentPort?.once('message', (input: AllocatePlansInput) => {
  try {
    const output = allocatePlans(input, (done, expected) => parentPort!.postMessage({ progress: [done, expected] }));
    parentPort!.postMessage({ output });
  } catch (error) {
    parentPort!.postMessage({ error: workerErrorMessage(error) });
  }
});
