import { test } from 'node:test';
import assert from 'node:assert/strict';
import { electoralCollegeWinner } from '../../src/race/electoralCollege.js';
import { popularVoteWinner } from '../../src/race/popularVote.js';
import { seatsToWinFor } from '../../src/race/plurality.js';
import { assembleRace } from '../../src/race/assembleRace.js';

/** Three units of 3, 2 and 4 electoral votes, three candidates. */
const race = assembleRace(
  [
    { id: 'a', name: 'A', weight: 3, region: undefined, registered: 0, voters: 0, other: 0, candidates: [{ party: 'D', votes: 40, label: 'D' }, { party: 'R', votes: 35, label: 'R' }, { party: 'I', votes: 25, label: 'I' }] },
    { id: 'b', name: 'B', weight: 2, region: undefined, registered: 0, voters: 0, other: 0, candidates: [{ party: 'D', votes: 30, label: 'D' }, { party: 'R', votes: 45, label: 'R' }, { party: 'I', votes: 25, label: 'I' }] },
    { id: 'c', name: 'C', weight: 4, region: undefined, registered: 0, voters: 0, other: 0, candidates: [{ party: 'D', votes: 20, label: 'D' }, { party: 'R', votes: 30, label: 'R' }, { party: 'I', votes: 50, label: 'I' }] },
  ],
  { source: 't', order: ['D', 'R', 'I'] },
);

test('electoralCollegeWinner: plurality per unit, weights to the unit winners, no winner below the threshold', () => {
  const winners = new Int32Array(3);
  const ev = new Float64Array(3);
  const threshold = seatsToWinFor(9);
  assert.equal(threshold, 5);
  // D 3, R 2, I 4: nobody reaches 5 (the House would choose).
  assert.equal(electoralCollegeWinner(race, race.votes, race.units.weight, threshold, winners, ev), -1);
  assert.deepEqual([...ev], [3, 2, 4]);
  const votes = Float64Array.from(race.votes);
  votes[8] = 10; // I falls to third in C: R wins C.
  assert.equal(electoralCollegeWinner(race, votes, race.units.weight, threshold, winners, ev), 1);
  assert.deepEqual([...winners], [0, 4, 7]);
});

test('popularVoteWinner sums every unit counted nationally', () => {
  const totals = new Float64Array(3);
  assert.equal(popularVoteWinner(race, race.votes, totals), 1);
  assert.deepEqual([...totals], [90, 110, 100]);
});
