import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { campaignCoefficients } from '../../src/model/campaignCoefficients.js';
import { baseScenario, parameters, syntheticResults } from '../sim/raceFixtures.js';

// One territory, 100,000 D and 90,000 R votes, 400,000 eligible (so 210,000 non-voters).
const results = syntheticResults([{ id: 'T', weight: 1, a: 100000, b: 90000, eligible: 400000 }]);
const none = { national: 0, regional: 0, territory: 0, tails: 5 };

function run(campaign: object) {
  const resolved = resolveScenario(baseScenario({ uncertainty: none, rule: 'seats', campaigns: { D: campaign } as never }), { results, parameters });
  return { resolved, result: simulate(prepareModel(resolved), { simulations: 10, seed: 1, keep: { margins: true } }) };
}

test('campaignCoefficients keeps members after churn and splits certain voters from non-voters', () => {
  const { resolved } = run({ listSize: 10000, churn: 0.2, yearsSinceCollected: 2, certainShare: 0.5, channels: { door: { effect: 4 } } });
  const c = campaignCoefficients(resolved.campaigns.D, resolved.territories, 'D', 'R');
  assert.ok(Math.abs(c.members[0] - 10000 * 0.8 * 0.8) < 1e-9);
  assert.ok(Math.abs(c.nonVoters[0] - 3200) < 1e-9);
  assert.ok(Math.abs(c.relayCap[0] - 210000) < 1e-9);
});

test('mobilised votes: non-voters x (1 - product of (1 - reach x effect / mobilisable share)), by hand', () => {
  // 10,000 members, half certain. Door reaches 25% at 4 pp: q = 0.25 x 0.04 / 0.5 = 0.02.
  // Phone reaches 15% at 2 pp: q = 0.15 x 0.02 / 0.5 = 0.006.
  // Extra votes = 5000 x (1 - 0.98 x 0.994) = 5000 x 0.02588 = 129.4.
  const { result } = run({
    listSize: 10000,
    churn: 0,
    certainShare: 0.5,
    volunteers: 0,
    channels: { door: { contactRate: 0.25, effect: 4, persuasion: 0 }, phone: { contactRate: 0.15, effect: 2, persuasion: 0 } },
  });
  assert.ok(Math.abs(result.meanExtraVotes.D[0] - 129.4) < 1e-9, String(result.meanExtraVotes.D[0]));
  const margin = (100 * (100000 + 129.4 - 90000)) / (190000 + 129.4);
  assert.ok(Math.abs(result.marginSum[0] / 10 - margin) < 1e-9);
});

test('mobilisation never exceeds the list\'s non-voters', () => {
  const { result } = run({ listSize: 1000, churn: 0, certainShare: 0.9, channels: { door: { contactRate: 1, effect: 100, persuasion: 0 }, sms: { contactRate: 1, effect: 100, persuasion: 0 } } });
  assert.ok(Math.abs(result.meanExtraVotes.D[0] - 100) < 1e-9);
});

test('relay votes count net of the contacts\' partisan mix; persuasion switches votes', () => {
  // 10,000 members, 10% volunteers, each reaching 50 contacts at contact rate 1 with a 2 pp effect:
  // 1000 x 50 x 0.02 = 1000 relay votes, split by D's two-party share 100/190: net 1000 x (2 x 100/190 - 1).
  const { result } = run({ listSize: 10000, churn: 0, certainShare: 0, volunteers: 0.1, channels: { relay: { contactRate: 1, contactsPerVolunteer: 50, effect: 2, persuasion: 0 } } });
  assert.ok(Math.abs(result.meanExtraVotes.D[0] - 1000 * ((2 * 100) / 190 - 1)) < 1e-9);
  // Persuasion 1 pp of 10,000 x 0.25 reached = 25 switches = +50 on the margin in votes.
  const p = run({ listSize: 10000, churn: 0, certainShare: 1, channels: { door: { contactRate: 0.25, effect: 0, persuasion: 1 } } });
  assert.ok(Math.abs(p.result.meanExtraVotes.D[0] - 50) < 1e-9);
  const margin = (100 * (100025 - 89975)) / 190000;
  assert.ok(Math.abs(p.result.marginSum[0] / 10 - margin) < 1e-9);
});

test('six mobilisation channels at once: the kernel matches the product of the six chances, computed here', () => {
  // Every mobilisation slot on (all powers of the kernel's degree-6 polynomial in play), effects fixed.
  const effects = { email: 0.5, sms: 1, phone: 2, door: 4, mail: 0.8, social: 1.5 };
  const channels = Object.fromEntries(Object.entries(effects).map(([name, effect]) => [name, { contactRate: 0.5, effect, persuasion: 0 }]));
  const { resolved, result } = run({ listSize: 20000, churn: 0, certainShare: 0.4, volunteers: 0, channels });
  const c = campaignCoefficients(resolved.campaigns.D, resolved.territories, 'D', 'R');
  const names = ['email', 'sms', 'phone', 'door', 'mail', 'social'] as const;
  let keep = 1;
  names.forEach((name, slot) => (keep *= 1 - (c.mobiliseReach[slot] * effects[name]) / (1 - 0.4)));
  const expected = 20000 * 0.6 * (1 - keep);
  assert.equal(c.mobiliseSlots.length, 6);
  assert.ok(expected > 100, String(expected));
  assert.ok(Math.abs(result.meanExtraVotes.D[0] - expected) < 1e-9 * expected, `${result.meanExtraVotes.D[0]} vs ${expected}`);
});
