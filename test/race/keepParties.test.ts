import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keepParties } from '../../src/race/keepParties.js';
import { partyTotals } from '../../src/race/multiCandidateRace.js';
import { loadPresidentialRace } from '../../src/node/data/loadMultiCandidateRace.js';
import { InputError } from '../../src/errors.js';

const full = loadPresidentialRace({ year: 2022 });

test('keepParties narrows the 2022 first round to LREM, RN, LFI, REC: the other eight candidates\' votes go to other, every unit keeps its valid votes', () => {
  const race = keepParties(full, ['LREM', 'RN', 'LFI', 'REC']);
  assert.deepEqual(race.parties, ['LREM', 'RN', 'LFI', 'REC']);
  assert.equal(race.partyNames[2], 'Jean-Luc Mélenchon');
  assert.equal(race.slotParty.length, 107 * 4);
  assert.deepEqual(race.units.valid, full.units.valid);
  assert.deepEqual(race.units.registered, full.units.registered);
  assert.deepEqual(race.units.region, full.units.region);
  const before = new Float64Array(12);
  partyTotals(full, full.votes, before);
  const after = new Float64Array(4);
  partyTotals(race, race.votes, after);
  assert.deepEqual([...after], [...before.subarray(0, 4)]);
  const otherTotal = race.units.other.reduce((a, b) => a + b, 0);
  assert.equal(otherTotal, before.subarray(4).reduce((a, b) => a + b, 0) + full.units.other.reduce((a, b) => a + b, 0));
});

test('keepParties refuses fewer than two parties, a code that is not a party of the race, a code named twice', () => {
  assert.throws(() => keepParties(full, ['LREM']), (e: unknown) => e instanceof InputError && /keep must be at least two party codes, got 1/.test(e.message));
  assert.throws(() => keepParties(full, ['LREM', 'XYZ']), (e: unknown) => e instanceof InputError && /keep\[1\] must be a party of the race named once/.test(e.message));
  assert.throws(() => keepParties(full, ['LREM', 'LREM']), InputError);
});
