import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sweepValues } from '../../src/scenario/sweep.js';
import { sweep, mergeSweepShards } from '../../src/node/sweep.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { baseScenario, parameters } from '../sim/raceFixtures.js';

const results = loadResults({ country: 'us', year: 2016 });
const scenario = baseScenario({
  year: 2016,
  simulations: 5000,
  seed: 4,
  uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 },
  campaigns: { D: { listSize: 0, channels: { door: { coverage: 0.2 }, phone: {} } }, R: { listSize: 1e6, channels: { door: {} } } },
});
const spec = { key: 'campaigns.D.listSize', from: 0, to: 3e7, steps: 5 };

test('sweepValues spaces the points evenly, ends included', () => {
  assert.deepEqual(sweepValues(spec), [0, 7.5e6, 1.5e7, 2.25e7, 3e7]);
  assert.deepEqual(sweepValues({ ...spec, steps: 1 }), [0]);
  assert.throws(() => sweepValues({ ...spec, steps: 0 }), /vary.steps must be an integer between 1 and 5000 \(the points of one sweep are kept in memory\), got 0/);
});

test('sweep runs every point with the same seed: P(win) grows with the list and shards merge exactly', async () => {
  const whole = await sweep(scenario, spec, { results, parameters });
  assert.equal(whole.points.length, 5);
  for (let i = 1; i < 5; i++) assert.ok(whole.points[i].summary.pWin.D >= whole.points[i - 1].summary.pWin.D);
  assert.ok(whole.points[4].summary.pWin.D > whole.points[0].summary.pWin.D);
  const shards = await Promise.all([0, 1, 2].map((index) => sweep(scenario, { ...spec, shard: { index, count: 3 } }, { results, parameters })));
  assert.deepEqual(shards.map((s) => s.points.map((p) => p.index)), [[0, 3], [1, 4], [2]]);
  const merged = mergeSweepShards([shards[2], shards[0], shards[1]]);
  assert.equal(JSON.stringify(merged), JSON.stringify(whole));
});

test('mergeSweepShards rejects missing or foreign shards', async () => {
  const a = await sweep(scenario, { ...spec, steps: 2, shard: { index: 0, count: 2 } }, { results, parameters });
  assert.throws(() => mergeSweepShards([a]), /shards must be all 2 shards, got shard 2\/2 \(--shard 2\/2\) missing/);
  const b = await sweep({ ...scenario, seed: 5 }, { ...spec, steps: 2, shard: { index: 1, count: 2 } }, { results, parameters });
  assert.throws(() => mergeSweepShards([a, b]), /shards.1.seed must be 4 as in the first shard \(shards of one sweep share scenario, seed, simulations, --vary and version\), got 5/);
});

test('sweep reports a bad value at its key path', async () => {
  await assert.rejects(sweep(scenario, { key: 'campaigns.D.listSize', from: -10, to: 0, steps: 2 }, { results, parameters }), /campaigns.D.listSize must be a number from 0 to 1000000000, got -10/);
});
