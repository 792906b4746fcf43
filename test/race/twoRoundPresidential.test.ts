import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBlockStream } from '../../src/sim/normalStream.js';
import { qualifyTopTwo, twoRoundPresidential, createPresidentialOutput } from '../../src/race/twoRoundPresidential.js';
import { createTransferDraw, drawTransfers } from '../../src/race/transferDraw.js';
import { defaultTransferPrior } from '../../src/race/transferPrior.js';
import { createRoundTwoScratch } from '../../src/race/roundTwo.js';
import { partyTotals } from '../../src/race/multiCandidateRace.js';
import { assembleRace } from '../../src/race/assembleRace.js';
import { loadPresidentialRace, loadTransferPrior } from '../../src/node/data/loadMultiCandidateRace.js';

const race = loadPresidentialRace({ year: 2022 });

test('the 2022 presidential first round by département keeps 12 candidates, and with zero uncertainty Macron and Le Pen qualify', () => {
  assert.equal(race.partyCount, 12);
  assert.equal(race.units.ids.length, 107);
  assert.equal(race.slotParty.length, 107 * 12);
  assert.equal(race.partyNames[race.parties.indexOf('LFI')], 'Jean-Luc Mélenchon');
  const totals = new Float64Array(12);
  partyTotals(race, race.votes, totals);
  const finalists = new Uint8Array(12);
  assert.equal(qualifyTopTwo(totals, 12, finalists), 2);
  assert.deepEqual(race.parties.filter((_, p) => finalists[p] === 1), ['LREM', 'RN']);
  // Le Pen ahead of Mélenchon for second place by 421,308 votes (Conseil constitutionnel, 13 April 2022).
  assert.equal(totals[race.parties.indexOf('RN')]! - totals[race.parties.indexOf('LFI')]!, 421308);
  assert.equal(race.units.registered.reduce((a, b) => a + b, 0), 48747876);
});

test('qualifyTopTwo lets every party tied for second place through', () => {
  const finalists = new Uint8Array(4);
  assert.equal(qualifyTopTwo(Float64Array.of(50, 30, 30, 10), 4, finalists), 3);
  assert.deepEqual([...finalists], [1, 1, 1, 0]);
  assert.equal(qualifyTopTwo(Float64Array.of(40, 40, 30, 10), 4, finalists), 2);
  assert.deepEqual([...finalists], [1, 1, 0, 0]);
});

test('twoRoundPresidential counts round 2 exactly with point-mass transfers: finalists keep their voters, LFI to LREM, the rest abstain', () => {
  const prior = defaultTransferPrior(race.parties);
  const d = race.partyCount + 2;
  // Point masses: every eliminated row and other to abstention, LFI's row to LREM.
  for (let o = 0; o < d - 1; o++) {
    prior.defaultAlpha.fill(0, o * d, (o + 1) * d);
    prior.defaultAlpha[o * d + d - 1] = 1;
  }
  const lfi = race.parties.indexOf('LFI');
  prior.defaultAlpha[lfi * d + d - 1] = 0;
  prior.defaultAlpha[lfi * d + race.parties.indexOf('LREM')] = 1;
  const draw = createTransferDraw(prior);
  drawTransfers(prior, createBlockStream(1, 0), draw);
  const out = createPresidentialOutput(12);
  const winner = twoRoundPresidential(race, race.votes, race.units.other, { prior, draw }, out, createRoundTwoScratch(12));
  assert.equal(race.parties[winner], 'LREM');
  assert.deepEqual([out.round2[0], out.round2[1]], [9783058 + 7712520, 8133828]);
  assert.equal(out.round2.subarray(2).reduce((a, b) => a + b, 0), 0);
});

test('twoRoundPresidential with the 2022 survey: finalists LREM and RN in every draw of zero first-round uncertainty, and round-2 votes within the voters available', () => {
  const prior = loadTransferPrior(race.parties, 2022);
  const draw = createTransferDraw(prior);
  const stream = createBlockStream(2022, 0);
  const out = createPresidentialOutput(12);
  const scratch = createRoundTwoScratch(12);
  for (let i = 0; i < 50; i++) {
    drawTransfers(prior, stream, draw);
    const winner = twoRoundPresidential(race, race.votes, race.units.other, { prior, draw }, out, scratch);
    assert.deepEqual([...out.finalists], [1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    assert.ok(winner === 0 || winner === 1);
    assert.ok(out.round2[0]! >= 9783058 && out.round2[1]! >= 8133828);
    assert.ok(out.round2[0]! + out.round2[1]! <= 35132947);
  }
});

test('twoRoundPresidential elects in round 1 a candidate with more than half the valid votes', () => {
  const small = assembleRace(
    [{ id: 'a', name: 'A', weight: 0, region: undefined, registered: 100, voters: 90, other: 0, candidates: [{ party: 'X', votes: 46, label: 'X' }, { party: 'Y', votes: 30, label: 'Y' }, { party: 'Z', votes: 14, label: 'Z' }] }],
    { source: 't' },
  );
  const prior = defaultTransferPrior(small.parties);
  const draw = createTransferDraw(prior);
  drawTransfers(prior, createBlockStream(1, 0), draw);
  const out = createPresidentialOutput(3);
  assert.equal(twoRoundPresidential(small, small.votes, small.units.other, { prior, draw }, out, createRoundTwoScratch(3)), 0);
  assert.deepEqual([...out.finalists], [0, 0, 0]);
  small.votes[0] = 44; // 44 of 88: exactly half, not a majority
  assert.equal(twoRoundPresidential(small, small.votes, small.units.other, { prior, draw }, out, createRoundTwoScratch(3)) >= 0, true);
  assert.deepEqual([...out.finalists], [1, 1, 0]);
});
