import { test } from 'node:test';
import assert from 'node:assert/strict';
import { standardDeviation, mean } from 'simple-statistics';
import { blockGeneratorState } from '../../src/sim/normalStream.js';
import { createMultiCandidateDraw, drawMultiCandidate, logRatioScale, type MultiCandidateUncertainty } from '../../src/race/multiCandidateDraw.js';
import { buildTableRace } from '../../src/race/tableRace.js';
import { assembleRace } from '../../src/race/assembleRace.js';
import { loadTableRace, loadPresidentialRace } from '../../src/node/data/loadMultiCandidateRace.js';
import { InputError } from '../../src/errors.js';
import type { MultiCandidateRace } from '../../src/race/multiCandidateRace.js';

const zero: MultiCandidateUncertainty = { national: 0, regional: 0, unit: 0, tails: 6 };

/** Draws `n` elections and returns each one's votes (copies) and other. */
function drawMany(race: MultiCandidateRace, uncertainty: MultiCandidateUncertainty, n: number, added: Float64Array | null = null): { votes: Float64Array[]; other: Float64Array[] } {
  const work = createMultiCandidateDraw(race, uncertainty);
  const state = blockGeneratorState(7, 0);
  const v = new Float64Array(race.slotParty.length);
  const o = new Float64Array(race.units.ids.length);
  const out = { votes: [] as Float64Array[], other: [] as Float64Array[] };
  for (let i = 0; i < n; i++) {
    drawMultiCandidate(race, work, state, added, v, o);
    out.votes.push(v.slice());
    out.other.push(o.slice());
  }
  return out;
}

test('logRatioScale maps pp of two-party margin to the log-ratio SD of one component: sigma / (50 sqrt 2)', () => {
  assert.equal(logRatioScale(2.5), 2.5 / (50 * Math.SQRT2));
  assert.equal(logRatioScale(0), 0);
});

test('drawMultiCandidate with zero uncertainty gives every slot of Canada 2011 exactly its votes and every unit its other', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  const { votes, other } = drawMany(race, zero, 3);
  for (const v of votes) assert.deepEqual(v, race.votes);
  for (const o of other) assert.deepEqual(o, race.units.other);
});

test('drawMultiCandidate keeps each unit at its valid votes plus the mobilisation, an absent party at no slot, a 0-vote slot at 0', () => {
  const race = buildTableRace({ file: 't.csv', text: 'id,name,weight,A,B,C,other\nN,North,1,120,80,0,5\nS,South,1,50,60,40,10\n' });
  assert.deepEqual([...race.unitStart], [0, 2, 5]);
  const added = Float64Array.of(30, 0, 0, 0, 0);
  const { votes, other } = drawMany(race, { national: 3, regional: 0, unit: 4, tails: 5 }, 200, added);
  for (let i = 0; i < votes.length; i++) {
    const v = votes[i]!;
    const o = other[i]!;
    assert.ok(Math.abs(v[0]! + v[1]! + o[0]! - 235) < 1e-9);
    assert.ok(Math.abs(v[2]! + v[3]! + v[4]! + o[1]! - 160) < 1e-9);
    assert.ok(v.every((x) => x > 0));
  }
  // With zero uncertainty the mobilisation's votes go to the slot: 150 and 80 of 235.
  const still = drawMany(race, zero, 1, added);
  assert.deepEqual([...still.votes[0]!].map((x) => Math.round(x * 1e9) / 1e9), [150, 80, 50, 60, 40]);
  const zeroVotes = assembleRace([{ id: 'x', name: 'X', weight: 1, region: undefined, registered: 0, voters: 0, other: 0, candidates: [{ party: 'A', votes: 0, label: 'A' }, { party: 'B', votes: 9, label: 'B' }] }], { source: 't' });
  for (const v of drawMany(zeroVotes, { national: 3, regional: 0, unit: 4, tails: 5 }, 20).votes) assert.ok(v[0] === 0 && Math.abs(v[1]! - 9) < 1e-12, `${v[0]}, ${v[1]}`);
});

test('drawMultiCandidate: the log-ratio of two candidates has SD sigma / 50 from the unit term alone, and from the national t alone', () => {
  const race = buildTableRace({ file: 't.csv', text: 'id,name,weight,A,B,C\nX,X,1,400,350,250\n' });
  const logRatios = (u: MultiCandidateUncertainty) => drawMany(race, u, 20000).votes.map((v) => Math.log(v[0]! / v[1]!) - Math.log(400 / 350));
  const unit = logRatios({ national: 0, regional: 0, unit: 10, tails: 6 });
  assert.ok(Math.abs(mean(unit)) < 4 * (0.2 / Math.sqrt(20000)));
  // SD of a sample SD of 20,000 normals: 0.2 / sqrt(2 × 20000) = 0.001; 4 SE.
  assert.ok(Math.abs(standardDeviation(unit) - 0.2) < 0.004, `unit: ${standardDeviation(unit)}`);
  const national = logRatios({ national: 10, regional: 0, unit: 0, tails: 6 });
  // The t with 6 df has kurtosis 6: the sample SD's SE is about 0.2 × sqrt((6 + 2) / (4 × 20000)) = 0.002.
  assert.ok(Math.abs(standardDeviation(national) - 0.2) < 0.008, `national: ${standardDeviation(national)}`);
});

test('drawMultiCandidate gives a party one national and one regional error per region, its two candidates in a unit one unit error each', () => {
  const race = buildTableRace({ file: 't.csv', text: 'id,name,weight,A,B,region\nX,X,1,100,100,R\nY,Y,1,100,100,R\n' });
  // Only the national and regional terms: A's share is the same in both units of the region in every draw.
  for (const v of drawMany(race, { national: 5, regional: 5, unit: 0, tails: 6 }, 50).votes) assert.ok(Math.abs(v[0]! - v[2]!) < 1e-9);
  const withUnit = drawMany(race, { national: 5, regional: 5, unit: 5, tails: 6 }, 50).votes;
  assert.ok(withUnit.some((v) => Math.abs(v[0]! - v[2]!) > 1e-6));
  const twoOfA = assembleRace(
    [{ id: 'x', name: 'X', weight: 1, region: 'R', registered: 0, voters: 0, other: 0, candidates: [{ party: 'A', votes: 60, label: 'a1' }, { party: 'A', votes: 30, label: 'a2' }, { party: 'B', votes: 90, label: 'b' }] }],
    { source: 't' },
  );
  // Without the unit term the two A candidates keep their 2:1 ratio; with it they part.
  for (const v of drawMany(twoOfA, { national: 5, regional: 5, unit: 0, tails: 6 }, 50).votes) assert.ok(Math.abs(v[0]! / v[1]! - 2) < 1e-12);
  assert.ok(drawMany(twoOfA, { national: 0, regional: 0, unit: 5, tails: 6 }, 50).votes.some((v) => Math.abs(v[0]! / v[1]! - 2) > 1e-6));
});

test('drawMultiCandidate takes the same numbers for the same seed and block, and its layout for the 2022 first round is 29 regions x 13 + 1284 + 107 normals', () => {
  const race = loadPresidentialRace({ year: 2022 });
  const work = createMultiCandidateDraw(race, { national: 2.5, regional: 1.5, unit: 2.5, tails: 6 });
  assert.equal(work.normals.length, 29 * 13 + 1284 + 107);
  const a = new Float64Array(1284);
  const b = new Float64Array(1284);
  const o = new Float64Array(107);
  drawMultiCandidate(race, work, blockGeneratorState(3, 1), null, a, o);
  drawMultiCandidate(race, work, blockGeneratorState(3, 1), null, b, o);
  assert.deepEqual(a, b);
  drawMultiCandidate(race, work, blockGeneratorState(3, 2), null, b, o);
  assert.notDeepEqual(a, b);
});

test('createMultiCandidateDraw refuses degrees of freedom at or below 2, a negative SD and per-unit SDs of the wrong length', () => {
  const race = buildTableRace({ file: 't.csv', text: 'id,name,weight,A,B\nX,X,1,1,2\n' });
  assert.throws(() => createMultiCandidateDraw(race, { ...zero, tails: 2 }), (e: unknown) => e instanceof InputError && /uncertainty.tails must be degrees of freedom above 2/.test(e.message));
  assert.throws(() => createMultiCandidateDraw(race, { ...zero, national: -1 }), (e: unknown) => e instanceof InputError && /uncertainty.national must be a standard deviation in pp between 0 and 100, got -1/.test(e.message));
  assert.throws(() => createMultiCandidateDraw(race, { ...zero, unit: [1, 2] }), (e: unknown) => e instanceof InputError && /one SD per unit \(1\)/.test(e.message));
  assert.equal(createMultiCandidateDraw(race, { ...zero, unit: [5] }).unitScale[0], logRatioScale(5));
});

test('drawMultiCandidate takes signed added votes for the slots and, past S, for each unit\'s other; a component never goes below 0', () => {
  const race = loadTableRace('ca-2011-federal-ridings');
  const s = race.slotParty.length;
  const n = race.units.ids.length;
  const added = new Float64Array(s + n);
  // Move 100 votes from `other` of unit 0 to its first slot, and take more than a second slot has.
  added[race.unitStart[0]] = 100;
  added[s] = -100;
  const second = race.unitStart[1];
  added[second + 1] = -(race.votes[second + 1] + 5000);
  const { votes, other } = drawMany(race, zero, 1, added);
  assert.equal(votes[0][race.unitStart[0]], race.votes[race.unitStart[0]] + 100);
  assert.equal(other[0][0], Math.max(0, race.units.other[0] - 100));
  assert.equal(votes[0][second + 1], 0);
  let unitSum = other[0][1];
  for (let k = second; k < race.unitStart[2]; k++) unitSum += votes[0][k];
  assert.ok(Math.abs(unitSum - (race.units.valid[1] - race.votes[second + 1])) < 1e-6);
});
