import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pluralityWinners, seatsPerParty, seatsToWinFor, majorityParty, leadingParty } from '../../src/race/plurality.js';
import { loadTableRace } from '../../src/node/data/loadMultiCandidateRace.js';
import type { MultiCandidateRace } from '../../src/race/multiCandidateRace.js';
import { InputError } from '../../src/errors.js';

/** Seats per party code with zero uncertainty: plurality on the file's own votes. */
function seatsOnFile(race: MultiCandidateRace): { seats: Record<string, number>; undecided: number } {
  const winners = new Int32Array(race.units.ids.length);
  pluralityWinners(race, race.votes, winners);
  const seats = new Float64Array(race.partyCount);
  const undecided = seatsPerParty(race, winners, race.units.weight, seats);
  return { seats: Object.fromEntries(race.parties.map((p, i) => [p, seats[i]!])), undecided };
}

test('plurality on Canada 2011 with zero uncertainty gives the published seats: CPC 166, NDP 103, LPC 34, BQ 4, GPC 1', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  // Elections Canada, Forty-first General Election 2011, Official Voting Results.
  assert.deepEqual(seatsOnFile(race), { seats: { CPC: 166, NDP: 103, LPC: 34, BQ: 4, GPC: 1 }, undecided: 0 });
  assert.equal(seatsToWinFor(308), 155);
});

test('plurality on the UK 2024 general election with zero uncertainty gives Lab 411, Con 121 and every other party its published seats', () => {
  const race = loadTableRace('uk-2024-general-election-constituencies');
  // House of Commons Library, General election 2024 results (CBP-10009): 650 seats.
  const published: Record<string, number> = { Lab: 411, Con: 121, LD: 72, SNP: 9, SF: 7, Ind: 6, RUK: 5, DUP: 5, Green: 4, PC: 4, SDLP: 2, APNI: 1, Spk: 1, TUV: 1, UUP: 1 };
  const { seats, undecided } = seatsOnFile(race);
  assert.deepEqual(seats, { ...Object.fromEntries(race.parties.map((p) => [p, 0])), ...published });
  assert.equal(undecided, 0);
  const seatArray = Float64Array.from(race.parties, (p) => seats[p]!);
  assert.equal(majorityParty(seatArray, race.partyCount, seatsToWinFor(650)), race.parties.indexOf('Lab'));
  assert.equal(leadingParty(seatArray, race.partyCount), race.parties.indexOf('Lab'));
});

test('pluralityWinners gives no winner on an exact tie between the top two, never counts other, and a unit without slots has none', () => {
  const layout = { partyCount: 3, unitStart: Int32Array.of(0, 3, 5, 5, 8), slotParty: Int32Array.of(0, 1, 2, 0, 1, 0, 1, 2) };
  const winners = new Int32Array(4);
  pluralityWinners(layout, Float64Array.of(10, 30, 20, 7, 7, 5, 5, 6), winners);
  assert.deepEqual([...winners], [1, -1, -1, 7]);
  const seats = new Float64Array(3);
  assert.equal(seatsPerParty(layout, winners, [2, 3, 1, 4], seats), 4);
  assert.deepEqual([...seats], [0, 2, 4]);
});

test('seatsToWinFor is more than half by default and refuses a threshold at or below half', () => {
  assert.equal(seatsToWinFor(650), 326);
  assert.equal(seatsToWinFor(538), 270);
  assert.equal(seatsToWinFor(577, 300), 300);
  assert.throws(() => seatsToWinFor(650, 325), (e: unknown) => e instanceof InputError && /seatsToWin must be an integer above half of the 650 seats and at most 650, got 325/.test(e.message));
  assert.throws(() => seatsToWinFor(650, 400.5), InputError);
});

test('majorityParty finds no majority in a hung parliament; leadingParty finds no leader on a tie at the top', () => {
  assert.equal(majorityParty(Float64Array.of(300, 250, 100), 3, 326), -1);
  assert.equal(leadingParty(Float64Array.of(300, 300, 50), 3), -1);
  assert.equal(leadingParty(Float64Array.of(300, 301, 50), 3), 1);
});
