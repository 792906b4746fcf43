import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBlockStream } from '../../src/sim/normalStream.js';
import { assembleRace, type UnitRecord } from '../../src/race/assembleRace.js';
import { legislativeRoundOne, applyWithdrawals, withdrawRule, twoRoundLegislative, createLegislativeOutput } from '../../src/race/twoRoundLegislative.js';
import { createTransferDraw, drawTransfers } from '../../src/race/transferDraw.js';
import { defaultTransferPrior, transferPriorFromRows, type TransferPrior } from '../../src/race/transferPrior.js';
import { createRoundTwoScratch } from '../../src/race/roundTwo.js';
import { InputError } from '../../src/errors.js';

/** A unit of `registered` voters whose candidates are [party, votes] pairs. */
function unit(id: string, registered: number, candidates: [string, number][]): UnitRecord {
  return { id, name: id, weight: 1, region: undefined, registered, voters: 0, other: 0, candidates: candidates.map(([party, votes]) => ({ party, votes, label: party })) };
}

const race = assembleRace(
  [
    unit('elected', 1000, [['ENS', 300], ['RN', 150], ['NUP', 100]]), // 300 > 275 and 300 >= 250: elected
    unit('majority-not-quarter', 1000, [['ENS', 200], ['RN', 60], ['NUP', 40]]), // 200 > 150 but 200 < 250; only ENS >= 125
    unit('none-over-bar', 1000, [['ENS', 100], ['RN', 90], ['NUP', 80], ['LR', 70]]), // nobody >= 125: the top two
    unit('three-way', 1000, [['RN', 200], ['ENS', 150], ['NUP', 130], ['LR', 20]]), // three >= 125
  ],
  { source: 't', order: ['ENS', 'RN', 'NUP', 'LR'] },
);

function roundOne(): { elected: Int32Array; qualified: Uint8Array; decided: number } {
  const elected = new Int32Array(4);
  const qualified = new Uint8Array(race.slotParty.length);
  const decided = legislativeRoundOne(race, race.votes, race.units.other, elected, qualified);
  return { elected, qualified, decided };
}

test('legislativeRoundOne: elected with > 50 % of exprimés and >= 25 % of inscrits (L126), else 12.5 % of inscrits, the runner-up or the top two (L162)', () => {
  const { elected, qualified, decided } = roundOne();
  assert.equal(decided, 1);
  assert.deepEqual([...elected], [0, -1, -1, -1]);
  assert.deepEqual([...qualified], [0, 0, 0, /* al. 4 */ 1, 1, 0, /* al. 5 */ 1, 1, 0, 0, /* three */ 1, 1, 1, 0]);
});

test('legislativeRoundOne lets every candidate tied for the last place through', () => {
  const tied = assembleRace([unit('t', 1000, [['A', 100], ['B', 90], ['C', 90]])], { source: 't' });
  const qualified = new Uint8Array(3);
  legislativeRoundOne(tied, tied.votes, tied.units.other, new Int32Array(1), qualified);
  assert.deepEqual([...qualified], [1, 1, 1]);
});

test('applyWithdrawals: the third withdraws, only for the parties named and where the leader is of the parties named, and two always stay', () => {
  const third = roundOne().qualified;
  assert.equal(applyWithdrawals(race, race.votes, { fromRank: 3 }, third), 1);
  assert.deepEqual([...third.subarray(10)], [1, 1, 0, 0]);
  const front = roundOne().qualified;
  assert.equal(applyWithdrawals(race, race.votes, withdrawRule(race.parties, { fromRank: 3, parties: ['NUP', 'ENS'], whenLeader: ['RN'] }), front), 1);
  const notLeader = roundOne().qualified;
  assert.equal(applyWithdrawals(race, race.votes, withdrawRule(race.parties, { fromRank: 3, whenLeader: ['ENS'] }), notLeader), 0);
  const notParty = roundOne().qualified;
  assert.equal(applyWithdrawals(race, race.votes, withdrawRule(race.parties, { fromRank: 3, parties: ['LR'] }), notParty), 0);
  const keepTwo = roundOne().qualified;
  assert.equal(applyWithdrawals(race, race.votes, { fromRank: 2 }, keepTwo), 1);
  assert.deepEqual([...keepTwo.subarray(10)], [1, 1, 0, 0]);
});

test('withdrawRule refuses a rank below 2 and a code that is not a party', () => {
  assert.throws(() => withdrawRule(race.parties, { fromRank: 1 }), /withdraw\.fromRank must be an integer of at least 2, got 1/);
  assert.throws(() => withdrawRule(race.parties, { fromRank: 3, parties: ['XYZ'] }), (e: unknown) => e instanceof InputError && /withdraw\.parties\[0\] must be a party of the race, got "XYZ"/.test(e.message));
});

/** A prior where every origin row is a point mass on one destination code (a party, blank_null or abstention). */
function pointMasses(targets: Record<string, string>): TransferPrior {
  const prior = defaultTransferPrior(race.parties);
  const p = race.parties.length;
  const d = p + 2;
  const index = (code: string) => (code === 'blank_null' ? p : code === 'abstention' ? p + 1 : race.parties.indexOf(code));
  for (let o = 0; o < d; o++) {
    const origin = o < p ? race.parties[o]! : o === p ? 'other' : 'non-voters';
    prior.defaultAlpha.fill(0, o * d, (o + 1) * d);
    prior.defaultAlpha[o * d + index(targets[origin] ?? 'abstention')] = 1;
  }
  return prior;
}

test('twoRoundLegislative: round 2 from point-mass transfers gives exact votes, winners and seats', () => {
  const prior = pointMasses({ NUP: 'ENS', LR: 'RN' });
  const draw = createTransferDraw(prior);
  drawTransfers(prior, createBlockStream(1, 0), draw);
  const out = createLegislativeOutput(race);
  const decided = twoRoundLegislative(race, race.votes, race.units.other, { prior, draw }, withdrawRule(race.parties, { fromRank: 3, parties: ['NUP'] }), out, createRoundTwoScratch(4));
  assert.equal(decided, 1);
  // majority-not-quarter: ENS 200 + NUP 40 = 240, RN 60; none-over-bar: ENS 100 + NUP 80, RN 90 + LR 70;
  // three-way after NUP withdraws: RN 200 + LR 20 = 220, ENS 150 + NUP 130 = 280.
  assert.deepEqual([...out.round2], [0, 0, 0, 240, 60, 0, 180, 160, 0, 0, 220, 280, 0, 0]);
  assert.deepEqual([...out.winnerSlot], [0, 3, 6, 11]);
  assert.deepEqual([...out.seats], [4, 0, 0, 0]);
});

test('round 2 keeps a finalist\'s own voters, gives an eliminated candidate\'s voters to its party\'s finalist, and has no winner on an exact tie', () => {
  const twin = assembleRace([unit('a', 1000, [['DVG', 200], ['RN', 180], ['DVG', 30]]), unit('b', 1000, [['X', 150], ['Y', 140], ['Z', 10]])], { source: 't' });
  const prior = transferPriorFromRows(twin.parties, [{ origin: 'Z', shares: { X: 0, Y: 1 }, concentration: 1e6, source: 't' }]);
  const draw = createTransferDraw(prior);
  drawTransfers(prior, createBlockStream(1, 0), draw);
  const out = createLegislativeOutput(twin);
  twoRoundLegislative(twin, twin.votes, twin.units.other, { prior, draw }, undefined, out, createRoundTwoScratch(twin.partyCount));
  assert.deepEqual([...out.round2.subarray(0, 3)], [230, 180, 0]);
  assert.equal(out.round2[3], 150);
  assert.equal(out.round2[4], 150);
  const exact = assembleRace([unit('b', 1000, [['X', 150], ['Y', 140], ['Z', 10]])], { source: 't' });
  const pm = defaultTransferPrior(exact.parties);
  const d = exact.partyCount + 2;
  pm.defaultAlpha.fill(0, 2 * d, 3 * d);
  pm.defaultAlpha[2 * d + 1] = 1; // Z's voters all to Y: 150 against 150
  const pmDraw = createTransferDraw(pm);
  drawTransfers(pm, createBlockStream(1, 0), pmDraw);
  const exactOut = createLegislativeOutput(exact);
  twoRoundLegislative(exact, exact.votes, exact.units.other, { prior: pm, draw: pmDraw }, undefined, exactOut, createRoundTwoScratch(3));
  assert.deepEqual([...exactOut.round2], [150, 150, 0]);
  assert.deepEqual([...exactOut.winnerSlot], [-1]);
});
