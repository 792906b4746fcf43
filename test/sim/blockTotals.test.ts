import { test } from 'node:test';
import assert from 'node:assert/strict';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate, simulateBlocks } from '../../src/sim/simulate.js';
import { DENSE_WEIGHT_LIMIT, MAX_TOTAL_WEIGHT, emptyTotals, mergeBlockTotals, mergePackedBlocks, packBlockTotals, unpackBlockTotals } from '../../src/sim/blockTotals.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { winProbability } from '../../src/analysis/winProbability.js';
import { baseScenario, parameters } from './raceFixtures.js';

/** The 2020 states with every weight multiplied by `k` (k = 1: the electoral votes). */
function scaled(k: number) {
  const results = loadResults({ country: 'us', year: 2020 });
  const units = results.units.map((u) => ({ ...u, weight: u.weight * k }));
  return resolveScenario(baseScenario({ seed: 11, uncertainty: { national: 3, regional: 1.5, territory: 3, tails: 5 } }), { results: { ...results, units }, parameters });
}

test('a weight distribution past 65,536 is counted by the totals reached: the same draws as electoral votes, weights times 10,000', () => {
  const ev = simulate(prepareModel(scaled(1)), { simulations: 20000, seed: 11 });
  const big = simulate(prepareModel(scaled(10_000)), { simulations: 20000, seed: 11 });
  // 538 electoral votes: dense, one count per weight. 5,380,000: no dense array at all.
  assert.equal(ev.weightCounts.length, 539);
  assert.equal(big.weightCounts.length, 0);
  assert.ok(538 * 10_000 > DENSE_WEIGHT_LIMIT);
  // Scaling every weight (and so the threshold, 269,001 against 270) changes no outcome: the same wins,
  // ties and tally, weight for weight.
  assert.deepEqual([big.winsA, big.winsB, big.ties], [ev.winsA, ev.winsB, ev.ties]);
  assert.deepEqual(Array.from(big.weightTally.weights), Array.from(ev.weightTally.weights, (w) => w * 10_000));
  assert.deepEqual(Array.from(big.weightTally.counts), Array.from(ev.weightTally.counts));
  assert.equal(big.weightTally.weights.length, ev.weightTally.weights.length);
  // The dense tally is the dense array without its zeros.
  assert.deepEqual(Array.from(ev.weightTally.weights), Array.from(ev.weightCounts.keys()).filter((w) => ev.weightCounts[w] > 0));
  assert.equal(big.expectedWeight.D, ev.expectedWeight.D * 10_000);
  const q = winProbability(big).weightQuantiles;
  const qEv = winProbability(ev).weightQuantiles;
  assert.deepEqual([q.p05, q.p50, q.p95], [qEv.p05 * 10_000, qEv.p50 * 10_000, qEv.p95 * 10_000]);
});

test('a total weight above 2,147,483,647 is refused with its figure; up to it the run takes the totals reached', () => {
  const results = loadResults({ country: 'us', year: 2020 });
  const units = results.units.map((u) => ({ ...u, weight: u.weight * 5_000_000 }));
  assert.throws(() => resolveScenario(baseScenario(), { results: { ...results, units }, parameters }), new RegExp(`race weights must be units whose weights add up to at most ${MAX_TOTAL_WEIGHT.toLocaleString('en-US')}, got 2690000000`));
});

test('packed blocks round-trip every total, and merged packed in block order give the sums of mergeBlockTotals to the bit (dense and tallied weights)', () => {
  for (const k of [1, 10_000]) {
    const model = prepareModel(scaled(k));
    const { blocks } = simulateBlocks(model, { simulations: 5 * 4096 - 100, seed: 3, blockStart: 1, blockEnd: 5 });
    const packed = packBlockTotals(blocks);
    assert.equal(packed.count, 4);
    assert.equal(packed.stride, k === 1 ? 892 : 9 + 6 * 56 + 8);
    assert.deepEqual(unpackBlockTotals(packed), blocks);
    // A running total merged block by block, against one merged from two packed tasks (blocks 1–2, 3–4).
    const expected = emptyTotals(model);
    for (const block of blocks) mergeBlockTotals(expected, block);
    const running = packBlockTotals([emptyTotals(model)]);
    mergePackedBlocks(running, packBlockTotals(blocks.slice(0, 2)));
    mergePackedBlocks(running, packBlockTotals(blocks.slice(2)));
    const [merged] = unpackBlockTotals(running);
    assert.deepEqual(merged, expected);
    assert.ok(merged.marginSum.some((x) => x !== 0) && merged.draws === 4 * 4096 - 100);
    if (k > 1) assert.ok(merged.weightTally!.size > 10, 'weights tallied in a Map');
  }
  assert.throws(() => packBlockTotals([]), /no blocks/);
  const us = prepareModel(scaled(1));
  assert.throws(() => mergePackedBlocks(packBlockTotals([emptyTotals(us)]), packBlockTotals([emptyTotals(prepareModel(scaled(10_000)))])), /another layout/);
});
