import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decisiveProbability } from '../../src/analysis/decisiveProbability.js';
import { race, resultFromMargins, seededNormal, normalCdf } from './fixtures.js';

test('decisiveProbability matches P(others split) x normal density at 0 for three independent units', () => {
  // Units X, Y, Z of weight 1 (2 of 3 wins), margins N(mu, sd) pp independent.
  // Unit X is pivotal iff Y and Z split: q = pY (1 - pZ) + (1 - pY) pZ.
  // Joint density at 0 = q * phi(mu_X / sd_X) / sd_X. Voter power = density / (votes / 200).
  const mu = [1, -2, 3], sd = [3, 4, 5];
  const normal = seededNormal(11);
  const n = 200000;
  const draws = Array.from({ length: n }, () => mu.map((m, i) => m + sd[i] * normal()));
  const r = resultFromMargins(draws, [1, 1, 1], ['X', 'Y', 'Z']);
  const results = race(2000, [['X', 1, 500000, 500000], ['Y', 1, 100, 100], ['Z', 1, 100, 100]]);
  const rows = decisiveProbability(r, { results });
  const pY = normalCdf(mu[1] / sd[1]), pZ = normalCdf(mu[2] / sd[2]);
  const q = pY * (1 - pZ) + (1 - pY) * pZ;
  const phi = Math.exp(-0.5 * (mu[0] / sd[0]) ** 2) / Math.sqrt(2 * Math.PI) / sd[0];
  const x = rows[0];
  assert.ok(Math.abs(x.pivotal - q) < 0.005, `pivotal ${x.pivotal} vs ${q}`);
  // kernel smoothing bias is O(h^2), h about 0.9*3*200000^-0.2 = 0.23 pp: relative bias < 1 %
  assert.ok(Math.abs(x.densityAtZeroPerPp / (q * phi) - 1) < 0.03, `${x.densityAtZeroPerPp} vs ${q * phi}`);
  assert.ok(Math.abs(x.voterPower / ((q * phi) / (1000000 / 200)) - 1) < 0.03);
  assert.ok(x.bandwidthPp > 0.2 && x.bandwidthPp < 0.26);
});

test('decisiveProbability: a unit that can never change the winner has zero power', () => {
  // W (weight 5) always decides: A wins iff W goes to A; V (weight 1) never matters (threshold 4 of 6).
  const normal = seededNormal(5);
  const draws = Array.from({ length: 5000 }, () => [normal(), normal()]);
  const r = resultFromMargins(draws, [5, 1], ['W', 'V']);
  const rows = decisiveProbability(r, { results: race(2000, [['W', 5, 10, 10], ['V', 1, 10, 10]]), bandwidthPp: 0.5 });
  assert.equal(rows[0].pivotal, 1);
  assert.equal(rows[1].pivotal, 0);
  assert.equal(rows[1].voterPower, 0);
  assert.equal(rows[1].oneIn, Infinity);
});

test('decisiveProbability under a national-vote rule: one power for all, the national density at 0', () => {
  // national margin N(1, 2) pp: density at 0 = phi(0.5) / 2; national two-party votes 2,000,000 (parent units left out)
  const normal = seededNormal(21);
  const n = 100000;
  const national = Array.from({ length: n }, () => 1 + 2 * normal());
  const r = { ...resultFromMargins(national.map((m) => [m, m]), [0, 0], ['A', 'B'], 1, national), rule: 'popular-vote' as const };
  const results = race(2012, [['A', 0, 600000, 400000], ['B', 0, 500000, 500000], ['A-1', 0, 1, 1]], { 'A-1': { parent: 'A' } });
  const rows = decisiveProbability(r, { results });
  const expected = Math.exp(-0.5 * 0.25) / Math.sqrt(2 * Math.PI) / 2;
  assert.ok(Math.abs(rows[0].densityAtZeroPerPp / expected - 1) < 0.03, `${rows[0].densityAtZeroPerPp} vs ${expected}`);
  assert.equal(rows[0].voterPower, rows[1].voterPower);
  assert.ok(Math.abs(rows[0].voterPower - rows[0].densityAtZeroPerPp / (2000000 / 200)) < 1e-18);
});
