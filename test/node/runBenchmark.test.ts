import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBenchmark, benchmarkScenario, peerModel, CENSUS_REGION_OF_DIVISION } from '../../src/node/runBenchmark.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';

test('runBenchmark runs the 56-unit full-model race and reports the bench --json fields', async () => {
  const r = await runBenchmark({ simulations: 5000, threads: 1 });
  assert.equal(r.units, 56);
  assert.equal(r.simulations, 5000);
  assert.equal(r.threads, 1);
  assert.equal(r.model, 'full');
  assert.ok(r.electionsPerSecond > 0 && Number.isFinite(r.electionsPerSecond));
  assert.ok(r.peakMemoryBytes > 1e6);
  // 9 Census divisions + 56 units = 65 error normals, plus 2 normals for each of the 7 channel slots
  // (email, sms, phone, door, mail, social, relay), shared by both sides, drawn whether switched on or not.
  assert.equal(r.normalsPerElection, 65 + 7 * 2);
  // Each normal takes one integer or a little more (slow path); the Student-t takes 2 × 4/π on average.
  assert.ok(r.integersPerElection > 79 + 2 && r.integersPerElection < 79 * 1.05 + 4, String(r.integersPerElection));
  assert.deepEqual(Object.keys(benchmarkScenario(10).campaigns!.D.channels!), ['email', 'sms', 'phone', 'door', 'mail']);
});

test('the peer model is the numpy peer\'s: 2016 map, 4 Census regions, errors 2.5/1.5/2.5 pp with t(6), a 50,000-vote uniform effect', () => {
  const { resolved, prepare } = peerModel(1000);
  assert.equal(resolved.year, 2016);
  assert.equal(resolved.territories.length, 56);
  assert.deepEqual(new Set(resolved.territories.map((t) => t.region)), new Set(['Northeast', 'Midwest', 'South', 'West']));
  assert.equal(Object.keys(CENSUS_REGION_OF_DIVISION).length, 9);
  const me = resolved.territories.find((t) => t.id === 'ME')!;
  const ne2 = resolved.territories.find((t) => t.id === 'NE-2')!;
  assert.deepEqual([me.weight, me.region, ne2.weight, ne2.region], [2, 'Northeast', 1, 'Midwest']);
  assert.deepEqual([resolved.uncertainty.national, resolved.uncertainty.regional, resolved.uncertainty.territory, resolved.uncertainty.tails], [2.5, 1.5, 2.5, 6]);
  const model = prepareModel(resolved, prepare);
  // 100 × 50,000 / two-party votes, in every unit (districts with their own totals).
  const i = model.unitIds.indexOf('NE-2');
  assert.ok(Math.abs(model.uniformShift![i] - (100 * 50000) / (131030 + 137564)) < 1e-12);
  assert.equal(model.channelDraws, false);
  // With every error at zero, the effect alone decides: P(D wins) is the share of uniform draws that
  // move enough states, between the 2016 result (D loses) and the full effect.
  const still = prepareModel({ ...resolved, uncertainty: { ...resolved.uncertainty, national: 0, regional: 0, territory: 0 } }, prepare);
  const r = simulate(still, { simulations: 20000, seed: 1 });
  assert.ok(r.pWin.D > 0 && r.pWin.D < 1, String(r.pWin.D));
  const none = simulate(prepareModel({ ...resolved, uncertainty: { ...resolved.uncertainty, national: 0, regional: 0, territory: 0 } }), { simulations: 100, seed: 1 });
  assert.equal(none.expectedWeight.D, 232);
});

test('the peer model\'s P(win) agrees with the numpy peer\'s own run (pWinD 0.4831, pTie 0.0147 at 1,000,000 draws) within sampling error', () => {
  // The peer's own output on this data (seed 2016, 1,000,000 simulations): pWinD=0.4831 pTie=0.0147.
  const { resolved, prepare } = peerModel(200000);
  const r = simulate(prepareModel(resolved, prepare), { simulations: 200000, seed: 3 });
  const se = (p: number) => Math.sqrt((p * (1 - p)) / 200000 + (p * (1 - p)) / 1e6);
  assert.ok(Math.abs(r.pWin.D - 0.4831) < 4 * se(0.4831) + 5e-5, String(r.pWin.D));
  assert.ok(Math.abs(r.pTie - 0.0147) < 4 * se(0.0147) + 5e-5, String(r.pTie));
});

test('runBenchmark runs the peer model and rejects a bad thread count or model', async () => {
  const r = await runBenchmark({ simulations: 5000, threads: 1, model: 'peer' });
  assert.equal(r.model, 'peer');
  assert.equal(r.units, 56);
  assert.equal(r.normalsPerElection, 4 + 56);
  await assert.rejects(runBenchmark({ simulations: 10, threads: 0 }), /threads must be a positive integer, got 0/);
  await assert.rejects(runBenchmark({ simulations: 10, model: 'numpy' as never }), /model/);
});
