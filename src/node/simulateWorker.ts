/**
 * Worker-thread entry of simulateParallel's pool (Node-only): runs a range of blocks of a run's resolved
 * scenario and posts back the per-block totals and kept draws. Each message is one task, or `{ drop: run }`
 * when a run has ended. The model of each run in flight is kept, prepared from the scenario its first
 * task here carried, until the run ends: tasks of several runs may come in turn.
 */
import { parentPort } from 'node:worker_threads';
import { prepareModel, type PrepareOptions, type SimulationModel } from '../sim/prepareModel.js';
import { simulateBlocks, type KeepOptions } from '../sim/simulate.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { workerErrorMessage } from './workerError.js';

/** A task sent to a worker. */
export interface WorkerTask {
  /** The task's index in its run, and the run's id in the pool. */
  id: number;
  run: number;
  resolved?: ResolvedScenario;
  /** Extra model terms for prepareModel, sent with `resolved`. */
  prepare?: PrepareOptions;
  simulations: number;
  seed: number;
  blockStart: number;
  blockEnd: number;
  keep?: KeepOptions;
}

/** The model of each run in flight on this worker, by run id. */
const models = new Map<number, SimulationModel>();

parentPort?.on('message', (task: WorkerTask | { drop: number }) => {
  if ('drop' in task) {
    models.delete(task.drop);
    return;
  }
  try {
    if (task.resolved) models.set(task.run, prepareModel(task.resolved, task.prepare));
    const model = models.get(task.run);
    if (!model) throw new Error('worker received a task before its scenario');
    const out = simulateBlocks(model, task);
    parentPort!.postMessage({ id: task.id, run: task.run, blocks: out.blocks, kept: out.kept });
  } catch (error) {
    parentPort!.postMessage({ id: task.id, run: task.run, error: workerErrorMessage(error) });
  }
});
