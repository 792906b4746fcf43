/**
 * Worker-thread entry of simulateParallel's pool (Node-only): runs a range of blocks of a run's resolved
 * scenario and posts back the per-block totals, packed in one buffer (packBlockTotals), and the kept draws,
 * their buffers transferred rather than copied. Each message is one task, or `{ drop: run }`
 * when a run has ended. The model of each run in flight is kept, prepared from the scenario its first
 * task here carried, until the run ends: tasks of several runs may come in turn.
 */
import { parentPort } from 'node:worker_threads';
import { prepareModel, type PrepareOptions, type SimulationModel } from '../sim/prepareModel.js';
import { simulateBlocks, type KeepOptions } from '../sim/simulate.js';
import { packBlockTotals } from '../sim/blockTotals.js';
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
    const packed = packBlockTotals(out.blocks);
    const transfer: ArrayBuffer[] = [packed.data.buffer as ArrayBuffer];
    for (const array of Object.values(out.kept?.draws ?? {})) transfer.push(array.buffer as ArrayBuffer);
    parentPort!.postMessage({ id: task.id, run: task.run, packed, kept: out.kept }, transfer);
  } catch (error) {
    parentPort!.postMessage({ id: task.id, run: task.run, error: workerErrorMessage(error) });
  }
});
