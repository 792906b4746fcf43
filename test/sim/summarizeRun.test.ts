import { test } from 'node:test';
import assert from 'node:assert/strict';
import { summarizeRun } from '../../src/sim/summarizeRun.js';
import { simulate } from '../../src/sim/simulate.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { resolveUs } from './raceFixtures.js';

test('summarizeRun gives the run --json fields, consistent with the accumulators', () => {
  const resolved = resolveUs(2016, {
    uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 },
    campaigns: { D: { listSize: 8e6, channels: { door: { coverage: 0.1 } } } },
  });
  const result = simulate(prepareModel(resolved), { simulations: 6000, seed: 3 });
  const s = summarizeRun(result, resolved);
  for (const key of ['seed', 'simulations', 'sides', 'pWin', 'pTie', 'standardError', 'expectedWeight', 'tippingPoint', 'territories', 'scenario', 'version']) {
    assert.ok(key in s, key);
  }
  assert.equal(s.simulations, 6000);
  assert.ok(Math.abs(s.pWin.D + s.pWin.R + s.pTie - 1) < 1e-12);
  assert.ok(Math.abs(s.standardError.D - Math.sqrt((s.pWin.D * (1 - s.pWin.D)) / 6000)) < 1e-15);
  const tipSum = s.tippingPoint.reduce((a, t) => a + t.frequency, 0);
  assert.ok(Math.abs(tipSum - (1 - s.pTie)) < 1e-12, 'every decided draw has one tipping point');
  const freqs = s.tippingPoint.map((t) => t.frequency);
  for (let i = 1; i < freqs.length; i++) assert.ok(freqs[i] <= freqs[i - 1], 'most frequent first');
  assert.equal(s.tippingBasis, 'all-votes');
  assert.equal(s.tippingPoint[0].name, s.territories.find((t) => t.id === s.tippingPoint[0].id)!.name);
  const pa = s.territories.find((t) => t.id === 'PA')!;
  assert.equal(pa.pWin.D, result.unitWinsA[result.unitIds.indexOf('PA')] / 6000);
  assert.ok(pa.extraVotes.D > 0 && pa.extraVotes.R === 0);
  assert.ok(Math.abs(s.weightDistribution.reduce((a, b) => a + b, 0) - 1) < 1e-12);
  assert.equal(s.scenario, resolved);
  assert.deepEqual(Object.keys(s.effects.D), ['turnout', 'persuasion', 'relay', 'indirect', 'total']);
  assert.ok(Math.abs(s.effects.D.total - s.expectedExtraVotes.D) < 1e-6 * s.expectedExtraVotes.D);
  assert.ok(s.effects.D.turnout > 0);
  assert.equal(s.effects.R.total, 0);
});

test('summarizeRun keeps tipping points ranked as an array when unit ids are whole numbers (ridings, FIPS, départements)', () => {
  // Twelve units with integer-like ids: a JavaScript object would list them by numeric id, not by rank.
  const resolved = resolveUs(2016, { uncertainty: { national: 3, regional: 2, territory: 3, tails: 5 } });
  const result = simulate(prepareModel(resolved), { simulations: 6000, seed: 3 });
  const renamed = { ...result, unitIds: result.unitIds.map((id, i) => String(10 + i)) };
  const s = summarizeRun(renamed, { ...resolved, territories: resolved.territories.map((t, i) => ({ ...t, id: String(10 + i) })) });
  const freqs = s.tippingPoint.map((t) => t.frequency);
  for (let i = 1; i < freqs.length; i++) assert.ok(freqs[i] <= freqs[i - 1], 'most frequent first');
  const text = JSON.parse(JSON.stringify(s)) as typeof s;
  assert.deepEqual(text.tippingPoint.map((t) => t.id), s.tippingPoint.map((t) => t.id));
  // The same ranking as with the USPS codes, not the numerically smallest ids first.
  assert.deepEqual(s.tippingPoint.map((t) => t.name), summarizeRun(result, resolved).tippingPoint.map((t) => t.name));
  assert.notEqual(s.tippingPoint[0].id, '10');
});
