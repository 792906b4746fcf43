/**
 * Worker-thread entry of simulateParallel (Node-only): runs a range of blocks of a resolved scenario
 * and posts back the per-block totals and kept draws. Each message is one task.
 */
import { parentPort } from 'node:worker_threads';
import { prepareModel, type PrepareOptions, type SimulationModel } from '../sim/prepareModel.js';
import { simulateBlocks, type KeepOptions } from '../sim/simulate.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { workerErrorMessage } from './workerError.js';

/** A task sent to a worker. */
export interface WorkerTask {
  id: number;
  resolved?: ResolvedScenario;
  /** Extra model terms for prepareModel, sent with `resolved`. */
  prepare?: PrepareOptions;
  simulations: number;
  seed: number;
  blockStart: number;
  blockEnd: number;
  keep?: KeepOptions;
}

let model: SimulationModel | undefined;

parentPort?.on('message', (task: WorkerTask) => {
  try {
    if (task.resolved) model = prepareModel(task.resolved, task.prepare);
    if (!model) throw new Error('worker received a task before its scenario');
    const out = simulateBlocks(model, task);
    parentPort!.postMessage({ id: task.id, blocks: out.blocks, kept: out.kept });
  } catch (error) {
    parentPort!.postMessage({ id: task.id, error: workerErrorMessage(error) });
  }
});
