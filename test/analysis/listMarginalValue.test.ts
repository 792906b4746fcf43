import { test } from 'node:test';
import assert from 'node:assert/strict';
import { listMarginalValue, withExtraSupporters } from '../../src/analysis/listMarginalValue.js';
import { toyScenario, toyCampaign, toyRun, toyChannel } from './toyEngine.js';
import { normalCdf } from './fixtures.js';

// K: knife-edge (50,000 each, weight 3) decides the race (threshold 3 of 5); S: safe for D (+20 pp, weight 2).
// Each member gives 0.05 votes (door effect 5 pp, everyone reached). 1,000 members in K add 50 votes:
// margin +100 × 50 / 100,050 pp, so ΔP(win) = Φ(δ / 2) − Φ(0) with SD 2 pp.
const scenario = toyScenario([['K', 3, 50000, 50000], ['S', 2, 60000, 40000]], 2, {
  D: toyCampaign({ K: 10000, S: 10000 }, { door: toyChannel(5) }),
  R: toyCampaign({}),
});

test('listMarginalValue of the knife-edge unit matches the closed form Φ(δ/σ) − Φ(0)', () => {
  const base = toyScenario([['K', 3, 50000, 50000], ['S', 2, 60000, 40000]], 2, { D: toyCampaign({ K: 0, S: 0 }, { door: toyChannel(5) }), R: toyCampaign({}) });
  const mv = listMarginalValue(base, { run: toyRun(1, 40000), step: 1000, costPerSupporter: 2 });
  const delta = (100 * 50) / 100050;
  const expected = normalCdf(delta / 2) - 0.5;
  const k = mv.rows.find((r) => r.id === 'K')!;
  assert.ok(Math.abs(k.delta - expected) < 4 * k.standardError, `${k.delta} vs ${expected} ± ${k.standardError}`);
  assert.equal(k.lost, 0); // adding voters never loses a draw
  assert.ok(Math.abs(k.perMoney! - k.delta / 2000) < 1e-15);
  assert.ok(Math.abs(mv.basePWin - 0.5) < 0.01);
});

test('listMarginalValue ranks the knife-edge unit above the safe unit for every seed, with intervals apart', () => {
  for (const seed of [1, 2, 3, 4, 5]) {
    const mv = listMarginalValue(scenario, { run: toyRun(seed, 20000) });
    assert.deepEqual(mv.rows.map((r) => r.id), ['K', 'S'], `seed ${seed}`);
    const [k, s] = mv.rows;
    assert.ok(k.low > 0, `seed ${seed}: K interval ${k.low}..${k.high} should exclude 0`);
    assert.ok(k.low > s.high, `seed ${seed}: intervals overlap`);
  }
});

test('withExtraSupporters copies, never mutates, and cannot go below zero members', () => {
  const v = withExtraSupporters(scenario, 'D', 'K', 500);
  assert.equal(v.campaigns.D.allocation.K, 10500);
  assert.equal(v.campaigns.D.listSize, 20500);
  assert.equal(scenario.campaigns.D.allocation.K, 10000);
  assert.equal(withExtraSupporters(scenario, 'D', 'K', -1e9).campaigns.D.allocation.K, 0);
  assert.throws(() => listMarginalValue(scenario, { run: toyRun(1, 10), territories: ['ZZ'] }), /territories must be/);
});

import { loadParameters } from '../../src/node/data/loadParameters.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { race } from './fixtures.js';

test('listMarginalValue on the engine: knife-edge above safe for three seeds, common random numbers lose no draw', () => {
  const results = race(2020, [['K', 3, 500000, 500000], ['S', 2, 600000, 400000]]);
  for (const u of results.units) u.region = 'one';
  const resolved = resolveScenario(
    {
      name: 'knife-edge and safe', country: 'us', year: 2020, rule: 'electoral-college', sides: ['D', 'R'], simulations: 20000, seed: 1,
      uncertainty: { national: 1, regional: 0, territory: 2, tails: 5 },
      campaigns: { D: { listSize: 200000, channels: { door: {} } } },
    },
    { results, parameters: loadParameters() },
  );
  for (const seed of [1, 2, 3]) {
    const run = (s: typeof resolved) => simulate(prepareModel(s), { simulations: 20000, seed, keep: { outcome: true } });
    const mv = listMarginalValue(resolved, { run, step: 20000 });
    assert.deepEqual(mv.rows.map((r) => r.id), ['K', 'S'], `seed ${seed}`);
    const [k, s] = mv.rows;
    assert.ok(k.low > s.high, `seed ${seed}: K ${k.low}..${k.high}, S ${s.low}..${s.high}`);
    assert.equal(k.lost, 0, 'more supporters never lose a paired draw');
    assert.equal(s.gained + s.lost, 0, 'the safe unit never changes the winner');
  }
});
