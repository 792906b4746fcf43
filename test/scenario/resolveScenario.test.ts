import { test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { InputError } from '../../src/errors.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { baseScenario, parameters } from '../sim/raceFixtures.js';
import type { Scenario } from '../../src/scenario/types.js';

const results2020 = loadResults({ country: 'us', year: 2020 });

function failsWith(scenario: unknown, at: string, expected: RegExp, found: string): void {
  assert.throws(
    () => resolveScenario(scenario as Scenario, { results: results2020, parameters, file: 'scenarios/a.yaml' }),
    (error: unknown) => {
      assert.ok(error instanceof InputError, String(error));
      assert.equal(error.details.at, at);
      assert.match(error.details.expected, expected);
      assert.equal(error.details.found, found);
      assert.ok(error.message.startsWith(`scenarios/a.yaml: ${at} must be `), error.message);
      return true;
    },
  );
}

test('resolveScenario fills defaults from parameters with their citations', () => {
  const resolved = resolveScenario(
    baseScenario({ uncertainty: {}, campaigns: { D: { listSize: 1e6, channels: { door: {}, mail: {}, relay: {} } } } }),
    { results: results2020, parameters },
  );
  assert.equal(resolved.territories.length, 56);
  assert.equal(resolved.uncertainty.national, parameters.uncertainty.national);
  assert.equal(resolved.uncertainty.tails, parameters.uncertainty.tails);
  assert.deepEqual(resolved.citations['uncertainty.national'], parameters.uncertainty.citation);
  const door = resolved.campaigns.D.channels.door!;
  assert.deepEqual(door.effect, {
    central: parameters.channels.door.turnoutEffect.highSalience.central,
    low: parameters.channels.door.turnoutEffect.highSalience.low,
    high: parameters.channels.door.turnoutEffect.highSalience.high,
  });
  assert.deepEqual(resolved.citations['campaigns.D.channels.door.effect'], parameters.channels.door.turnoutEffect.highSalience.citation);
  assert.equal(resolved.campaigns.D.channels.mail!.saturation, 5);
  assert.equal(resolved.campaigns.D.channels.relay!.contactsPerVolunteer, parameters.relayContactsPerVolunteer.central);
  assert.equal(resolved.campaigns.D.churn, parameters.listChurn.central);
  assert.equal(resolved.campaigns.D.volunteers, parameters.volunteerConversion.central);
  // R has no campaign: an empty one.
  assert.equal(resolved.campaigns.R.listSize, 0);
  assert.deepEqual(resolved.campaigns.R.channels, {});
  // The resolved scenario is plain JSON.
  assert.deepEqual(JSON.parse(JSON.stringify(resolved)), resolved);
});

test('resolveScenario allocates a list proportionally to the side\'s votes over units without a parent', () => {
  const resolved = resolveScenario(baseScenario({ campaigns: { D: { listSize: 1e6 } } }), { results: results2020, parameters });
  const alloc = resolved.campaigns.D.allocation;
  assert.equal(alloc['ME-1'], undefined);
  const top = results2020.units.filter((u) => !u.parent);
  const total = top.reduce((s, u) => s + u.votes.D, 0);
  assert.ok(Math.abs(alloc.CA - (1e6 * results2020.units.find((u) => u.id === 'CA')!.votes.D) / total) < 1e-6);
  assert.ok(Math.abs(Object.values(alloc).reduce((a, b) => a + b, 0) - 1e6) < 1e-6);
  // Counts with a list size: the size is listSize, the counts give the spread (800,000 spread like an export's 500 rows).
  const counts = resolveScenario(baseScenario({ campaigns: { D: { listSize: 800_000, allocation: { counts: { PA: 300, WI: 200 } } } } }), { results: results2020, parameters });
  assert.equal(counts.campaigns.D.listSize, 800_000);
  assert.deepEqual(counts.campaigns.D.allocation, { PA: 480_000, WI: 320_000 });
  assert.equal(counts.citations['campaigns.D.allocation'].source, 'spread as the counts given (500 people), scaled to listSize');
  // With counts the list size may be left out: then it is their sum.
  const countsOnly = resolveScenario(baseScenario({ campaigns: { D: { allocation: { counts: { PA: 300, WI: 200 } } } } }), { results: results2020, parameters });
  assert.equal(countsOnly.campaigns.D.listSize, 500);
  assert.deepEqual(countsOnly.campaigns.D.allocation, { PA: 300, WI: 200 });
  assert.equal(countsOnly.citations['campaigns.D.allocation'].source, 'the counts given; their sum (500 people) is the list size');
  // A size with nothing to spread it over is bad input; a size of 0 over zero counts is no list.
  failsWith(baseScenario({ campaigns: { D: { listSize: 10, allocation: { counts: { PA: 0 } } } } }), 'campaigns.D.allocation.counts', /counts with at least one positive count, to spread listSize \(10\)/, '{"PA":0}');
  assert.equal(resolveScenario(baseScenario({ campaigns: { D: { listSize: 0, allocation: { counts: { PA: 0 } } } } }), { results: results2020, parameters }).campaigns.D.listSize, 0);
});

test('resolveScenario uses the French priors for France (door: no turnout effect, Pons 2018 persuasion)', () => {
  const results = loadResults({ country: 'fr', year: 2012 });
  const resolved = resolveScenario(
    baseScenario({ country: 'fr', year: 2012, rule: 'two-round', sides: ['PS', 'UMP'], campaigns: { PS: { listSize: 1e6, channels: { door: {} } } } }),
    { results, parameters },
  );
  assert.equal(resolved.campaigns.PS.channels.door!.effect.central, 0);
  assert.equal(resolved.campaigns.PS.channels.door!.persuasion.central, parameters.channels.door.persuasion.france.central);
  assert.ok(resolved.territories.length > 90);
});

test('resolveScenario: mail variant social-pressure takes the Gerber, Green & Larimer prior and keeps mail\'s contact rate', () => {
  const resolved = resolveScenario(
    baseScenario({ salience: 'low', campaigns: { D: { listSize: 1e5, channels: { mail: { variant: 'social-pressure' } } }, R: { listSize: 1e5, channels: { mail: {} } } } }),
    { results: results2020, parameters },
  );
  const sp = parameters.channels.mail.variants!['social-pressure'].turnoutEffect.lowSalience;
  const d = resolved.campaigns.D.channels.mail!;
  assert.equal(d.variant, 'social-pressure');
  assert.deepEqual(d.effect, { central: sp.central, low: sp.low, high: sp.high });
  assert.deepEqual(resolved.citations['campaigns.D.channels.mail.effect'], sp.citation);
  assert.equal(d.contactRate, parameters.channels.mail.contactRate.central);
  const r = resolved.campaigns.R.channels.mail!;
  assert.equal(r.variant, undefined);
  assert.equal(r.effect.central, parameters.channels.mail.turnoutEffect.lowSalience.central);
  failsWith(baseScenario({ campaigns: { D: { listSize: 1, channels: { door: { variant: 'social-pressure' } } } } }), 'campaigns.D.channels.door.variant', /absent except for the mail channel/, '"social-pressure"');
  failsWith(baseScenario({ campaigns: { D: { listSize: 1, channels: { mail: { variant: 'neighbours' as never } } } } }), 'campaigns.D.channels.mail.variant', /plain/, '"neighbours"');
});

test('resolveScenario rejects bad values with key path, expected and found: the shape by the schema (the one validator), then what needs the results', () => {
  failsWith(baseScenario({ campaigns: { D: { listSize: -5 } } }), 'campaigns.D.listSize', /a number from 0 to 1000000000/, '-5');
  failsWith(baseScenario({ campaigns: { D: { channels: { door: {} } } } }), 'campaigns.D.listSize', /required unless allocation gives counts/, 'nothing');
  failsWith(baseScenario({ campaigns: { D: { listSize: 10, channels: { door: { contactRate: 1.5 } } } } }), 'campaigns.D.channels.door.contactRate', /a number from 0 to 1/, '1.5');
  failsWith(baseScenario({ campaigns: { D: { listSize: 10, allocation: { counts: { XX: 4 } } } } }), 'campaigns.D.allocation.counts.XX', /territory/, '"XX"');
  failsWith(baseScenario({ campaigns: { D: { listSize: 10, channels: { carrierPigeon: {} } as never } } }), 'campaigns.D.channels.carrierPigeon', /one of the keys email, sms, phone, door, mail, social, relay/, 'an unknown key');
  failsWith(
    baseScenario({ campaigns: { D: { listSize: 10, channels: { door: { effect: { central: 4, low: 6, high: 8 } } } } } }),
    'campaigns.D.channels.door.effect',
    /low <= central <= high/,
    '{"low":6,"central":4,"high":8}',
  );
  failsWith(baseScenario({ campaigns: { G: { listSize: 10 } } }), 'campaigns.G', /one of the sides D, R/, '"G"');
  failsWith(baseScenario({ uncertainty: { tails: 2 } }), 'uncertainty.tails', /a number > 2/, '2');
  failsWith(baseScenario({ uncertainty: { national: -1 } }), 'uncertainty.national', /a number from 0 to 100/, '-1');
  failsWith(baseScenario({ sides: ['D', 'G'] }), 'sides.1', /sides of the results table/, '"G"');
  failsWith(baseScenario({ campaigns: { D: { listSize: 10, churn: 2 } } }), 'campaigns.D.churn', /a number from 0 to 1/, '2');
  failsWith(baseScenario({ simulations: 0 }), 'simulations', /an integer from 1 to 100000000/, '0');
  failsWith(baseScenario({ simulations: 1.5 }), 'simulations', /an integer/, '1.5');
  failsWith({ ...baseScenario(), sims: 3 }, 'sims', /one of the keys/, 'an unknown key');
  failsWith(baseScenario({ campaigns: { D: { listSize: 10, allocation: { file: 'a.csv' } } } }), 'campaigns.D.allocation', /scenario loader replaces/, '{"file":"a.csv"}');
  failsWith(baseScenario({ campaigns: { D: { listSize: 10, allocation: { counts: { 'ME-2': 4 } } } } }), 'campaigns.D.allocation.counts.ME-2', /without a parent/, '"ME-2"');
});

test('resolveScenario rejects the electoral-college rule on a table without electoral votes', () => {
  const results = loadResults({ country: 'fr', year: 2012 });
  assert.throws(
    () => resolveScenario(baseScenario({ country: 'fr', year: 2012, sides: ['PS', 'UMP'], rule: 'electoral-college' }), { results, parameters }),
    /rule must be "popular-vote", "two-round" or "seats" for a table without unit weights \(electoral votes\), got "electoral-college"/,
  );
});

test('resolveScenario estimates a historical correlation only with history', () => {
  failsWith(baseScenario({ uncertainty: { correlation: 'historical' } }), 'uncertainty.correlation', /at least three past elections/, '"historical"');
  const history = [2004, 2008, 2012, 2016].map((year) => loadResults({ country: 'us', year }));
  const resolved = resolveScenario(baseScenario({ uncertainty: { correlation: 'historical' } }), { results: results2020, parameters, history });
  assert.equal(resolved.uncertainty.cholesky!.length, 56 * 56);
  assert.ok(resolved.uncertainty.shrinkage! > 0 && resolved.uncertainty.shrinkage! <= 1);
  assert.deepEqual(resolved.uncertainty.historyYears, [2004, 2008, 2012, 2016]);
});
