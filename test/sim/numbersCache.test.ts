import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulate } from '../../src/sim/simulate.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { resultToJson } from '../../src/sim/resultToJson.js';
import { blockGeneratorState } from '../../src/sim/normalStream.js';
import { blockNumbers, clearNumbersCache, keepBatch, keepNumbersFromFirstRun, numbersCacheBytes } from '../../src/sim/numbersCache.js';
import { prepareScenario } from '../../src/node/prepareScenario.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import type { SimulationModel } from '../../src/sim/prepareModel.js';

/** A run's whole result as text, every figure and per-draw array it keeps. */
function run(model: SimulationModel, simulations: number, seed: number): string {
  return JSON.stringify(resultToJson(simulate(model, { simulations, seed, keep: { outcome: true, weightA: true } })));
}

test('runs on kept numbers give the figures of runs that draw them, to the bit: shorter and longer runs, another scenario of the same layout, another seed', async () => {
  const prepared = await prepareScenario('scenarios/default.yaml', { cwd: process.cwd() });
  const model = prepareModel(prepared.resolved);
  // The same race without our side's list (the briefing's variant): other campaigns, the same draw layout.
  const noList = prepareModel(resolveScenario({ ...prepared.scenario, campaigns: { ...prepared.scenario.campaigns, D: { ...prepared.scenario.campaigns!.D!, listSize: 0 } } }, prepared.inputs));
  const drawn = (m: SimulationModel, n: number, seed: number) => {
    clearNumbersCache();
    const text = run(m, n, seed);
    clearNumbersCache();
    return text;
  };
  // 10,000 draws end with a partial batch and a partial block; 12,345 run past where 10,000 stopped.
  const cases: [SimulationModel, number, number][] = [[model, 10_000, 2024], [model, 12_345, 2024], [noList, 10_000, 2024], [model, 5_000, 7], [noList, 12_345, 2024]];
  const expected = cases.map(([m, n, seed]) => drawn(m, n, seed));
  clearNumbersCache();
  for (let round = 0; round < 2; round++) {
    cases.forEach(([m, n, seed], k) => {
      assert.equal(run(m, n, seed), expected[k], `case ${k} (${n} draws, seed ${seed}), round ${round}`);
    });
    assert.ok(numbersCacheBytes() > 0, 'the numbers are kept from the second run on');
  }
});

test('keepBatch: at the limit, numbers of other seeds or layouts are dropped first, and no more are kept when only this one is left', () => {
  clearNumbersCache();
  const layout = { studentT: 5, normals: 3, uniforms: 0 };
  const batch = new Float64Array(8);
  const state = Int32Array.of(1, 2, 3, 4);
  const limit = 3 * batch.byteLength;
  // A block's first run keeps nothing (a single run takes no memory); its second does.
  const first = blockNumbers(1, 0, layout, () => blockGeneratorState(1, 0));
  assert.equal(keepBatch(first, batch, state, limit), false);
  const other = blockNumbers(1, 0, layout, () => blockGeneratorState(1, 0));
  assert.equal(other, first);
  assert.equal(keepBatch(other, batch, state, limit), true);
  assert.equal(keepBatch(other, batch, state, limit), true);
  blockNumbers(2, 0, layout, () => blockGeneratorState(2, 0));
  const entry = blockNumbers(2, 0, layout, () => blockGeneratorState(2, 0));
  assert.deepEqual([...entry.state], [...blockGeneratorState(2, 0)]);
  assert.equal(keepBatch(entry, batch, state, limit), true);
  assert.equal(numbersCacheBytes(), limit);
  // Full: seed 1's numbers go; seed 2's stay and take the room.
  assert.equal(keepBatch(entry, batch, state, limit), true);
  assert.equal(keepBatch(entry, batch, state, limit), true);
  assert.equal(numbersCacheBytes(), limit);
  assert.equal(blockNumbers(1, 0, layout, () => blockGeneratorState(1, 0)).batches.length, 0);
  assert.equal(keepBatch(entry, batch, state, limit), false);
  assert.equal(entry.batches.length, 3);
  assert.deepEqual([...entry.state], [1, 2, 3, 4]);
  clearNumbersCache();
  assert.equal(numbersCacheBytes(), 0);
});

test('blockNumbers: past its bound on blocks, the oldest entry goes with its numbers, so a thread running many seeds holds a bounded number', () => {
  clearNumbersCache();
  const layout = { studentT: 5, normals: 3, uniforms: 0 };
  const batch = new Float64Array(8);
  const state = Int32Array.of(1, 2, 3, 4);
  const first = blockNumbers(1, 0, layout, () => blockGeneratorState(1, 0), 3);
  blockNumbers(1, 0, layout, () => blockGeneratorState(1, 0), 3);
  assert.equal(keepBatch(first, batch, state), true);
  assert.equal(numbersCacheBytes(), batch.byteLength);
  for (let seed = 2; seed <= 4; seed++) blockNumbers(seed, 0, layout, () => blockGeneratorState(seed, 0), 3);
  // Seeds 2, 3 and 4 are held; seed 1's entry went first, and its numbers with it.
  assert.equal(numbersCacheBytes(), 0);
  assert.equal(blockNumbers(1, 0, layout, () => blockGeneratorState(1, 0), 3).runs, 1);
  assert.equal(blockNumbers(4, 0, layout, () => blockGeneratorState(4, 0), 3).runs, 2);
  clearNumbersCache();
});

// Last in this file: it changes the thread's policy for the tests after it.
test('keepNumbersFromFirstRun: a block\'s first run keeps its batches (the live engines), and the runs after copy them to the bit', async () => {
  clearNumbersCache();
  const layout = { studentT: 5, normals: 3, uniforms: 0 };
  keepNumbersFromFirstRun();
  const entry = blockNumbers(3, 0, layout, () => blockGeneratorState(3, 0));
  assert.equal(keepBatch(entry, new Float64Array(8), Int32Array.of(1, 2, 3, 4)), true);
  clearNumbersCache();
  const prepared = await prepareScenario('scenarios/default.yaml', { cwd: process.cwd() });
  const model = prepareModel(prepared.resolved);
  const first = run(model, 6_000, 2024);
  assert.ok(numbersCacheBytes() > 0, 'the first run kept its numbers');
  assert.equal(run(model, 6_000, 2024), first);
  clearNumbersCache();
});
