import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadCampaignLists, loadPrimaries, loadLegalLimits } from '../../../src/node/data/loadFacts.js';

test('loadCampaignLists keeps unknown list sizes null and cites every fact', () => {
  const { facts, largerListWon } = loadCampaignLists();
  const mccain = facts.find((f) => f.year === 2008 && f.side === 'R' && f.kind === 'email-list')!;
  assert.equal(mccain.value, null);
  const obama = facts.find((f) => f.year === 2008 && f.side === 'D' && f.kind === 'email-list')!;
  assert.equal(obama.value, 13000000);
  for (const f of facts) assert.ok(f.citation.source.length > 0 && ['H', 'M', 'L'].includes(f.citation.confidence));
  for (const db of ['Catalist', 'Narwhal', 'Project Alamo', 'Voter Vault']) assert.ok(facts.some((f) => f.organisation.includes(db)), db);
  assert.deepEqual(largerListWon, { 2000: null, 2004: true, 2008: true, 2012: true, 2016: false, 2020: false, 2024: null });
});

test('loadPrimaries gives the 2011 PS primary 2,661,231 and 2,860,157 voters and Italy 2005 4,311,149', () => {
  const [ps, it] = loadPrimaries();
  assert.deepEqual(ps!.rounds.map((r) => r.voters), [2661231, 2860157]);
  assert.equal(ps!.rounds[1]!.votes!.Hollande! + ps!.rounds[1]!.votes!.Aubry!, ps!.rounds[1]!.valid);
  assert.equal(it!.rounds[0]!.voters, 4311149);
});

test('loadLegalLimits(fr) has the 2012 caps, the L52-1 window from 2011-10-01 and opt-in for rented e-mail', () => {
  const fr = loadLegalLimits('fr');
  assert.equal(fr.spendingCaps.find((c) => c.year === 2012 && c.scope.startsWith('finalists'))!.amount, 22509000);
  assert.equal(fr.advertisingBlackouts.find((b) => b.year === 2012)!.start, '2011-10-01');
  assert.equal(fr.consent.find((c) => c.channel === 'email' && c.listOrigin === 'rented-commercial')!.requirement, 'opt-in');
});

test('loadLegalLimits(us) has no spending cap for campaigns without public funds', () => {
  const us = loadLegalLimits('us');
  assert.ok(us.spendingCaps.every((c) => c.amount === null && c.citation.source.includes('Buckley')));
  assert.throws(() => loadLegalLimits('de' as 'us'), /country must be one of "us", "fr", got "de"/);
});
