import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assembleRace, orderParties } from '../../src/race/assembleRace.js';
import { partyTotals, unitCount } from '../../src/race/multiCandidateRace.js';

test('orderParties puts the named parties first, then the rest by national votes, ties by code', () => {
  const votes = new Map([['NDP', 4512411], ['CPC', 5835270], ['GPC', 572095], ['BQ', 572095]]);
  assert.deepEqual(orderParties(votes), ['CPC', 'NDP', 'BQ', 'GPC']);
  assert.deepEqual(orderParties(votes, ['GPC', 'NDP']), ['GPC', 'NDP', 'CPC', 'BQ']);
});

test('assembleRace lays out ragged units as CSR slots, valid = slots + other, regions by first appearance, -1 for none', () => {
  const race = assembleRace(
    [
      { id: 'a', name: 'A', weight: 1, region: 'North', registered: 50, voters: 40, other: 2, candidates: [{ party: 'X', votes: 5, label: 'x1' }, { party: 'Y', votes: 7, label: 'y' }, { party: 'X', votes: 1, label: 'x2' }] },
      { id: 'b', name: 'B', weight: 2, region: undefined, registered: 0, voters: 0, other: 0, candidates: [{ party: 'Z', votes: 9, label: 'z' }] },
      { id: 'c', name: 'C', weight: 1, region: 'North', registered: 0, voters: 0, other: 0, candidates: [] },
    ],
    { source: 's' },
  );
  assert.deepEqual(race.parties, ['Z', 'Y', 'X']);
  assert.equal(unitCount(race), 3);
  assert.deepEqual([...race.unitStart], [0, 3, 4, 4]);
  assert.deepEqual([...race.slotParty], [2, 1, 2, 0]);
  assert.deepEqual(race.slotLabels, ['x1', 'y', 'x2', 'z']);
  assert.deepEqual([...race.units.valid], [15, 9, 0]);
  assert.deepEqual([...race.units.region], [0, -1, 0]);
  const totals = new Float64Array(3);
  race.units.inNational[1] = 0;
  partyTotals(race, race.votes, totals);
  assert.deepEqual([...totals], [0, 7, 6]);
});
