import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assumptionScores, assumptionShares, assumptionsInterval, assumptionsOf, withAssumptions, type Assumption } from '../../src/analysis/assumptions.js';
import { prepareScenario } from '../../src/node/prepareScenario.js';
import { loadParameters } from '../../src/node/data/loadParameters.js';
import { normalCdf } from '../../src/model/priorDraw.js';

const p = loadParameters();
const priors = { volunteerConversion: p.volunteerConversion, relayContactsPerVolunteer: p.relayContactsPerVolunteer, networkHomophily: p.networkHomophily, listChurn: p.listChurn };

test('assumptionScores is a Latin hypercube: each assumption takes every stratum once, reproducibly', () => {
  const draws = assumptionScores(10, 3, 2024);
  for (let j = 0; j < 3; j++) {
    const strata = draws.map((z) => Math.floor(10 * normalCdf(z[j]!)));
    assert.deepEqual([...strata].sort((a, b) => a - b), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  }
  assert.deepEqual(assumptionScores(10, 3, 2024), draws);
  assert.notDeepEqual(assumptionScores(10, 3, 7), draws);
  assert.deepEqual(assumptionScores(2, 1, 7).map((z) => Math.abs(z[0]!)).map((x) => x.toFixed(4)), ['0.6745', '0.6745']);
});

test('assumptionsInterval: type 7 percentiles and the mean', () => {
  assert.deepEqual(assumptionsInterval([5, 1, 3, 2, 4]), { low: 1.2, high: 4.8, mean: 3 });
});

test('assumptionShares: squared swings over their sum, largest first, adding up to 1', () => {
  const a: Assumption[] = [
    { key: 'x', kind: 'conversion', label: 'x' },
    { key: 'y', kind: 'contacts', label: 'y' },
  ];
  const shares = assumptionShares(a, [[0, 1], [0, 2]]);
  assert.deepEqual(shares.map((s) => [s.key, s.share]), [['y', 0.8], ['x', 0.2]]);
  assert.deepEqual(assumptionShares(a, [[1, 1], [2, 2]]).map((s) => s.share), [0, 0]);
});

test('withAssumptions moves every side alike and leaves the scenario as it was; z = 0 is each median', async () => {
  const { resolved } = await prepareScenario('scenarios/default.yaml', { cwd: process.cwd() });
  const keys = assumptionsOf(resolved).map((a) => a.key);
  for (const key of ['turnout.relay', 'relay.conversion', 'relay.contacts', 'relay.homophily', 'list.decay', 'persuasion.door']) assert.ok(keys.includes(key), key);
  // Door turnout in a US high-salience election is drawn; e-mail persuasion (-0.5..0.5) too.
  const all = assumptionsOf(resolved);
  const before = JSON.stringify(resolved);
  const median = withAssumptions(resolved, all, new Float64Array(all.length), priors);
  assert.equal(JSON.stringify(resolved), before);
  const d = resolved.campaigns.D;
  // Log-normal conversion: the median is the mean x exp(-sigma^2 / 2), sigma = ln(0.13 / 0.0002) / 3.29.
  const sigma = Math.log(0.13 / 0.0002) / (2 * 1.6448536269514722);
  assert.ok(Math.abs(median.campaigns.D.volunteers - d.volunteers * Math.exp((-sigma * sigma) / 2)) < 1e-15);
  assert.ok(Math.abs(median.campaigns.D.homophily! - d.homophily!) < 1e-12);
  const relay = median.campaigns.D.channels.relay!.effect;
  assert.equal(relay.low, relay.high);
  // A high score raises conversion, homophily and the relay effect; a low one lowers them.
  const high = withAssumptions(resolved, all, new Float64Array(all.length).fill(1.645), priors);
  const low = withAssumptions(resolved, all, new Float64Array(all.length).fill(-1.645), priors);
  assert.ok(high.campaigns.D.volunteers > d.volunteers && low.campaigns.D.volunteers < d.volunteers * 0.05);
  assert.ok(high.campaigns.D.homophily! > 0.8 && low.campaigns.D.homophily! < 0.65);
  assert.ok(high.campaigns.D.channels.relay!.effect.central > low.campaigns.D.channels.relay!.effect.central);
});
