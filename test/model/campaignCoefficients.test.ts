import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { campaignCoefficients, localLikeMinded } from '../../src/model/campaignCoefficients.js';
import { baseScenario, parameters, syntheticResults } from '../sim/raceFixtures.js';

// One territory, 100,000 D and 90,000 R votes, 400,000 eligible (so 210,000 non-voters).
const results = syntheticResults([{ id: 'T', weight: 1, a: 100000, b: 90000, eligible: 400000 }]);
const none = { national: 0, regional: 0, territory: 0, tails: 5 };
// Relay and friends' contacts lean as T does (D 100,000 of 190,000 two-party votes): the share sharing D's
// preference there, s = p e^eta / (p e^eta + 1 - p) with e^eta = h / (1 - h).
const localShare = () => localLikeMinded(parameters.networkHomophily.central, 100000, 90000);

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
  // The shift is the net margin votes in pp of the baseline two-party vote (190,000).
  const margin = (100 * (100000 + 129.4 - 90000)) / 190000;
  assert.ok(Math.abs(result.marginSum[0] / 10 - margin) < 1e-9);
  assert.ok(Math.abs(result.effects.D.turnout - 129.4) < 1e-9);
  assert.equal(result.effects.D.persuasion + result.effects.D.relay + result.effects.D.indirect, 0);
});

test('mobilisation never exceeds the list\'s non-voters', () => {
  const { result } = run({ listSize: 1000, churn: 0, certainShare: 0.9, channels: { door: { contactRate: 1, effect: 100, persuasion: 0 }, sms: { contactRate: 1, effect: 100, persuasion: 0 } } });
  assert.ok(Math.abs(result.meanExtraVotes.D[0] - 100) < 1e-9);
});

test('relay votes split by the homophily of discussion networks, leaning as the territory does', () => {
  // 10,000 members, 10% volunteers, each reaching 50 contacts at contact rate 1 with a 2 pp effect:
  // 1000 x 50 x 0.02 = 1000 relay votes; a share s of them goes to D, 1 - s to R: net 1000 x (2s - 1),
  // s the territory's like-minded share (h in an evenly split place; T is 52.6 % D, so s > h).
  const h = parameters.networkHomophily.central;
  const s = localShare();
  assert.ok(s > h && s < 1);
  const { resolved, result } = run({ listSize: 10000, churn: 0, certainShare: 0, volunteers: 0.1, channels: { relay: { contactRate: 1, contactsPerVolunteer: 50, effect: 2, persuasion: 0 } } });
  assert.equal(resolved.campaigns.D.homophily, h);
  assert.ok(resolved.citations['campaigns.D.homophily'].source.length > 0);
  assert.ok(Math.abs(result.meanExtraVotes.D[0] - 1000 * (2 * s - 1)) < 1e-9);
  assert.ok(Math.abs(result.effects.D.relay - 1000 * (2 * s - 1)) < 1e-9);
  assert.ok(Math.abs(result.effects.D.total - 1000 * (2 * s - 1)) < 1e-9);
});

test('persuasion reaches only people who do not already vote for the side', () => {
  // A supporter list: its members already vote for the side, so door persuasion of 1 pp switches nobody.
  const list = run({ listSize: 10000, churn: 0, certainShare: 1, channels: { door: { contactRate: 0.25, effect: 0, persuasion: 1 } } });
  assert.equal(list.result.meanExtraVotes.D[0], 0);
  assert.equal(list.result.marginSum[0] / 10, (100 * 10000) / 190000);
  // A list of whom 40% do not vote for the side: 10,000 x 0.25 reached x 0.4 x 1 pp = 10 switches = +20 margin votes.
  const { resolved } = list;
  resolved.campaigns.D.persuadable = 0.4;
  const mixed = simulate(prepareModel(resolved), { simulations: 10, seed: 1 });
  assert.ok(Math.abs(mixed.meanExtraVotes.D[0] - 20) < 1e-9, String(mixed.meanExtraVotes.D[0]));
  assert.ok(Math.abs(mixed.effects.D.persuasion - 20) < 1e-9);
  assert.ok(Math.abs(mixed.marginSum[0] / 10 - (100 * (10000 + 20)) / 190000) < 1e-9);
  // Relay contacts: only the 1 - s who do not share the side's preference there can be persuaded.
  // 1000 volunteers x 50 contacts x (1 - s) x 1 pp switches, 2 margin votes each.
  const h = localShare();
  const relay = run({ listSize: 10000, churn: 0, certainShare: 1, volunteers: 0.1, channels: { relay: { contactRate: 1, contactsPerVolunteer: 50, effect: 0, persuasion: 1 } } });
  assert.ok(Math.abs(relay.result.effects.D.persuasion - 2 * 50000 * (1 - h) * 0.01) < 1e-9, String(relay.result.effects.D.persuasion));
});

test('the social channel adds its indirect votes: multiplier x direct votes, split by homophily, within non-voters', () => {
  // 100,000 members, none certain to vote, social reaching 50% at 1 pp: 500 direct votes;
  // indirect = 4.7 x 500 = 2,350 among friends, net (2s - 1) x 2,350 (s: T's like-minded share).
  const h = localShare();
  const multiplier = parameters.channels.social.indirectMultiplier!.central;
  const { resolved, result } = run({ listSize: 100000, churn: 0, certainShare: 0, volunteers: 0, channels: { social: { contactRate: 0.5, effect: 1, persuasion: 0 } } });
  assert.equal(resolved.campaigns.D.channels.social!.indirectMultiplier!.central, multiplier);
  assert.ok(resolved.citations['campaigns.D.channels.social.indirectMultiplier'].source.includes('Bond'));
  assert.ok(Math.abs(result.effects.D.turnout - 500) < 1e-9, String(result.effects.D.turnout));
  assert.ok(Math.abs(result.effects.D.indirect - multiplier * 500 * (2 * h - 1)) < 1e-9, String(result.effects.D.indirect));
  assert.ok(Math.abs(result.meanExtraVotes.D[0] - result.effects.D.total) < 1e-9);
  // Capped by the territory's non-voters (210,000): a 100 pp message to 100,000 members would mobilise
  // 50,000 directly and 235,000 indirectly; the indirect votes stop at 210,000.
  const capped = run({ listSize: 100000, churn: 0, certainShare: 0, volunteers: 0, channels: { social: { contactRate: 0.5, effect: 100, persuasion: 0 } } });
  assert.ok(Math.abs(capped.result.effects.D.indirect - 210000 * (2 * h - 1)) < 1e-6, String(capped.result.effects.D.indirect));
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
  // Social's indirect votes come on top: multiplier x its own direct votes, net of homophily.
  const direct = 20000 * c.mobiliseReach[5] * effects.social;
  const expected = 20000 * 0.6 * (1 - keep) + c.likeMindedNetByTerritory[0] * c.indirectPerDirect * direct;
  assert.equal(c.mobiliseSlots.length, 6);
  assert.ok(expected > 100, String(expected));
  assert.ok(Math.abs(result.meanExtraVotes.D[0] - expected) < 1e-9 * expected, `${result.meanExtraVotes.D[0]} vs ${expected}`);
});

test('relay contacts lean as their territory does: s = p e^eta / (p e^eta + 1 - p), by hand, and net negative where the other side dominates', async () => {
  const { localLikeMinded } = await import('../../src/model/campaignCoefficients.js');
  assert.equal(localLikeMinded(0.75, 50, 50), 0.75);
  // p = 0.2, odds bonus 3: 0.6 / (0.6 + 0.8) = 0.428571...: a D relay there nets 2s - 1 < 0.
  assert.ok(Math.abs(localLikeMinded(0.75, 20, 80) - 0.6 / 1.4) < 1e-15);
  const lean = syntheticResults([
    { id: 'BLUE', weight: 1, a: 90000, b: 10000, eligible: 400000 },
    { id: 'RED', weight: 1, a: 15000, b: 85000, eligible: 400000 },
  ]);
  const resolved = resolveScenario(
    baseScenario({ uncertainty: none, rule: 'seats', campaigns: { D: { listSize: 20000, churn: 0, volunteers: 1, allocation: { counts: { BLUE: 10000, RED: 10000 } }, channels: { relay: { effect: 2, persuasion: 0 } } } } as never }),
    { results: lean, parameters },
  );
  const c = campaignCoefficients(resolved.campaigns.D, resolved.territories, 'D', 'R');
  assert.ok(c.networkVaries);
  const h = resolved.campaigns.D.homophily!;
  const sBlue = (0.9 * h) / (1 - h) / ((0.9 * h) / (1 - h) + 0.1);
  assert.ok(Math.abs(c.likeMindedNetByTerritory[0] - (2 * sBlue - 1)) < 1e-12);
  assert.ok(c.likeMindedNetByTerritory[1] < 0, String(c.likeMindedNetByTerritory[1]));
  const result = simulate(prepareModel(resolved), { simulations: 10, seed: 1, keep: { margins: true } });
  // The same 10,000 relays give +net in BLUE and -net in RED: relay votes = members x contacts x 2 pp.
  const relayVotes = 10000 * resolved.campaigns.D.channels.relay!.contactsPerVolunteer * 0.02;
  assert.ok(Math.abs(result.meanExtraVotes.D[0] - relayVotes * c.likeMindedNetByTerritory[0]) < 1e-6, String(result.meanExtraVotes.D[0]));
  assert.ok(Math.abs(result.meanExtraVotes.D[1] - relayVotes * c.likeMindedNetByTerritory[1]) < 1e-6, String(result.meanExtraVotes.D[1]));
  assert.ok(result.meanExtraVotes.D[1] < 0);
});
