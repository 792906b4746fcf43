import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulateParallel, closeWorkerPool, guidedTasks } from '../../src/node/simulateParallel.js';
import { prepareScenario } from '../../src/node/prepareScenario.js';
import { projectRoot } from '../cli/cliHarness.js';
import { join } from 'node:path';
import { simulate } from '../../src/sim/simulate.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { resultToJson } from '../../src/sim/resultToJson.js';
import { resolveUs } from '../sim/raceFixtures.js';
import { InputError } from '../../src/errors.js';

const resolved = resolveUs(2020, {
  uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 },
  campaigns: { D: { listSize: 6e6, channels: { door: { coverage: 0.1 }, sms: {}, relay: {} }, volunteers: 0.01 }, R: { listSize: 15e6 } },
});

test('guidedTasks covers every block once, in order, large tasks first and single blocks at the end', () => {
  for (const [blocks, threads] of [[245, 2], [10, 2], [3, 2], [1, 4], [1000, 3]]) {
    const tasks = guidedTasks(blocks, threads);
    assert.equal(tasks[0].start, 0);
    assert.equal(tasks.at(-1)!.end, blocks);
    for (let k = 1; k < tasks.length; k++) assert.equal(tasks[k].start, tasks[k - 1].end);
    for (let k = 1; k < tasks.length; k++) assert.ok(tasks[k].end - tasks[k].start <= tasks[k - 1].end - tasks[k - 1].start, `${blocks} blocks: task ${k} larger than task ${k - 1}`);
    if (blocks >= 2 * threads) assert.equal(tasks.at(-1)!.end - tasks.at(-1)!.start, 1);
  }
  assert.deepEqual(guidedTasks(245, 2).map((t) => t.end - t.start), [62, 46, 35, 26, 19, 15, 11, 8, 6, 5, 3, 3, 2, 1, 1, 1, 1]);
});

test('a county race (Pennsylvania by county: popular vote, a race file, a list whose draws take the exact path) gives identical JSON on 1, 2 and 3 threads', async () => {
  const { resolved: county } = await prepareScenario(join(projectRoot, 'scenarios', 'pennsylvania-2024-counties.yaml'), { cwd: projectRoot });
  const options = { simulations: 21000, seed: 23, keep: { outcome: true, nationalMargin: true } };
  const one = JSON.stringify(resultToJson(await simulateParallel(county, { ...options, threads: 1 })));
  const two = JSON.stringify(resultToJson(await simulateParallel(county, { ...options, threads: 2 })));
  const three = JSON.stringify(resultToJson(await simulateParallel(county, { ...options, threads: 3 })));
  assert.equal(two, one);
  assert.equal(three, one);
  const parsed = JSON.parse(one) as { tippingCounts: number[] };
  assert.ok(parsed.tippingCounts.filter((c) => c > 0).length > 3, 'tipping units spread over several counties');
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

test('a run of many tasks (each worker with a task queued ahead, block totals and every kept array transferred) gives the JSON of one thread on 2 and 3 threads', async () => {
  // 100,000 draws: 25 blocks, guided tasks of 7, 5, 4, 3, 2, 1, 1, 1, 1 blocks on 2 threads.
  const options = { simulations: 100000, seed: 29, keep: { margins: true, weightA: true, nationalMargin: true, outcome: true } };
  const one = await simulateParallel(resolved, { ...options, threads: 1 });
  for (const threads of [2, 3]) {
    const many = await simulateParallel(resolved, { ...options, threads });
    assert.equal(JSON.stringify(resultToJson({ ...many, draws: undefined })), JSON.stringify(resultToJson({ ...one, draws: undefined })), `${threads} threads`);
    for (const key of ['margins', 'weightA', 'nationalMargin', 'outcome'] as const) {
      const [a, b] = [many.draws![key]!, one.draws![key]!];
      assert.ok(Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength)), `${threads} threads: kept ${key}`);
    }
  }
  assert.equal(one.draws!.margins!.length, 100000 * 56);
  await closeWorkerPool();
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

test('runs in flight at once share the pool: each gives the JSON of its run alone on one thread', async () => {
  const other = resolveUs(2016, { uncertainty: { national: 2, regional: 1.5, territory: 3, tails: 5 } });
  const runs = [
    { scenario: resolved, options: { simulations: 30000, seed: 3, threads: 2, keep: { outcome: true, weightA: true } } },
    { scenario: other, options: { simulations: 10000, seed: 3, threads: 2 } },
    { scenario: resolved, options: { simulations: 9000, seed: 8, threads: 3 } },
    { scenario: other, options: { simulations: 20000, seed: 9, threads: 2, keep: { outcome: true } } },
  ];
  const together = await Promise.all(runs.map((r) => simulateParallel(r.scenario, r.options)));
  for (const [i, r] of runs.entries()) {
    const alone = await simulateParallel(r.scenario, { ...r.options, threads: 1 });
    assert.equal(JSON.stringify(resultToJson(together[i])), JSON.stringify(resultToJson(alone)), `run ${i}`);
  }
  await closeWorkerPool();
});

test('a run aborted or failing while others are in flight on the pool leaves them whole', async () => {
  const options = { simulations: 16000, seed: 4, threads: 2 };
  const alone = JSON.stringify(resultToJson(await simulateParallel(resolved, options)));
  const controller = new AbortController();
  // Aborted on its first progress report (an event, not a delay), while the others have tasks queued or running.
  const aborted = simulateParallel(resolved, { ...options, simulations: 400000, signal: controller.signal, onProgress: () => controller.abort() });
  const bad = simulateParallel(resolved, { ...options, seed: Number.NaN });
  const others = [simulateParallel(resolved, options), simulateParallel(resolved, options)];
  await assert.rejects(aborted, { name: 'AbortError' });
  await assert.rejects(bad, InputError);
  for (const other of await Promise.all(others)) assert.equal(JSON.stringify(resultToJson(other)), alone);
  assert.equal(JSON.stringify(resultToJson(await simulateParallel(resolved, options))), alone);
  await closeWorkerPool();
});

test('closing the pool with runs in flight (running or queued) fails each of them; the next run starts new workers', async () => {
  const options = { simulations: 200000, seed: 6, threads: 2 };
  let progressed: () => void = () => undefined;
  const started = new Promise<void>((resolve) => (progressed = resolve));
  // Closed on the first run's first finished task (an event, not a delay): it and the runs queued behind it are in flight.
  const watched = simulateParallel(resolved, { ...options, onProgress: () => progressed() });
  const inFlight = [watched, simulateParallel(resolved, options), simulateParallel(resolved, options)].map((run) => run.then(() => 'finished', (error: Error) => error.message));
  await Promise.race([started, inFlight[0]]);
  await closeWorkerPool();
  assert.deepEqual(await Promise.all(inFlight), Array(3).fill('the simulation worker pool was closed'));
  const after = JSON.stringify(resultToJson(await simulateParallel(resolved, { simulations: 9000, seed: 6, threads: 2 })));
  assert.equal(after, JSON.stringify(resultToJson(await simulateParallel(resolved, { simulations: 9000, seed: 6, threads: 1 }))));
  await closeWorkerPool();
});
