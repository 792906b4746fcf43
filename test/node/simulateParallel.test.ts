import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateParallel, closeWorkerPool } from '../../src/node/simulateParallel.js';
import { simulate } from '../../src/sim/simulate.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { resultToJson } from '../../src/sim/resultToJson.js';
import { resolveUs } from '../sim/raceFixtures.js';
import { InputError } from '../../src/errors.js';

const resolved = resolveUs(2020, {
  uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 },
  campaigns: { D: { listSize: 6e6, channels: { door: { coverage: 0.1 }, sms: {}, relay: {} }, volunteers: 0.01 }, R: { listSize: 15e6 } },
});

test('simulateParallel with threads 1 and 2 gives identical JSON, equal to simulate', async () => {
  const options = { simulations: 30000, seed: 17, keep: { outcome: true } };
  const one = JSON.stringify(resultToJson(await simulateParallel(resolved, { ...options, threads: 1 })));
  const two = JSON.stringify(resultToJson(await simulateParallel(resolved, { ...options, threads: 2 })));
  const three = JSON.stringify(resultToJson(await simulateParallel(resolved, { ...options, threads: 3 })));
  const direct = JSON.stringify(resultToJson(simulate(prepareModel(resolved), options)));
  assert.equal(two, one);
  assert.equal(three, one);
  assert.equal(direct, one);
});

test('simulateParallel reports progress up to the total and stops on abort', async () => {
  const seen: number[] = [];
  await simulateParallel(resolved, { simulations: 20000, seed: 1, threads: 2, onProgress: (done, total) => seen.push(done / total) });
  assert.equal(seen.at(-1), 1);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(simulateParallel(resolved, { simulations: 20000, seed: 1, threads: 2, signal: controller.signal }), { name: 'AbortError' });
});

test('simulateParallel reuses its workers: repeated runs and a run after an abort give the same JSON', async () => {
  const options = { simulations: 12000, seed: 5, threads: 2 };
  const first = JSON.stringify(resultToJson(await simulateParallel(resolved, options)));
  const second = JSON.stringify(resultToJson(await simulateParallel(resolved, options)));
  const controller = new AbortController();
  // Aborted on its first progress report (an event, not a delay): mid-run on any machine and load.
  const aborted = simulateParallel(resolved, { ...options, simulations: 400000, signal: controller.signal, onProgress: () => controller.abort() });
  await assert.rejects(aborted, { name: 'AbortError' });
  const third = JSON.stringify(resultToJson(await simulateParallel(resolved, options)));
  assert.equal(second, first);
  assert.equal(third, first);
  await closeWorkerPool();
});

test('simulateParallel on worker threads rejects bad input with the InputError a run in this thread gives (exit 2, not 1)', async () => {
  // The seed is checked where the blocks run: in a worker when threads > 1.
  const options = { simulations: 20000, seed: Number.NaN };
  const inThread = await simulateParallel(resolved, { ...options, threads: 1 }).catch((e: unknown) => e);
  const inWorkers = await simulateParallel(resolved, { ...options, threads: 2 }).catch((e: unknown) => e);
  assert.ok(inThread instanceof InputError);
  assert.ok(inWorkers instanceof InputError, `got ${String(inWorkers)}`);
  assert.deepEqual(inWorkers.details, inThread.details);
  assert.equal(inWorkers.message, 'seed must be a finite number, got NaN');
});
