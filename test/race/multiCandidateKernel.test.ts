import { test } from 'node:test';
import assert from 'node:assert/strict';
import { blockGeneratorState } from '../../src/sim/normalStream.js';
import { createMultiCandidateDraw, drawMultiCandidate, type MultiCandidateUncertainty } from '../../src/race/multiCandidateDraw.js';
import { createMultiCandidateKernel } from '../../src/race/multiCandidateKernel.js';
import { buildTableRace } from '../../src/race/tableRace.js';
import { assembleRace } from '../../src/race/assembleRace.js';
import { loadTableRace, loadPresidentialRace } from '../../src/node/data/loadMultiCandidateRace.js';
import type { MultiCandidateRace } from '../../src/race/multiCandidateRace.js';
import { simulateMultiCandidate, type MultiCandidateRule } from '../../src/race/simulateMultiCandidate.js';
import { createRuleWork, decideDraw } from '../../src/race/multiCandidateRule.js';
import { createMultiCandidateTotals, seatSummaries, type MultiCandidateTotals } from '../../src/race/multiCandidateTotals.js';
import { blockCount, blockDraws } from '../../src/sim/blockTotals.js';

/**
 * Draws `draws` elections by the JavaScript reference and by the WebAssembly kernel from one seed, with
 * no added votes, added votes per slot, and signed added votes per slot and unit `other` in turn, and
 * fails at the first vote, `other` or generator state that differs in any bit.
 */
function assertSameDraws(race: MultiCandidateRace, uncertainty: MultiCandidateUncertainty, draws: number): void {
  const work = createMultiCandidateDraw(race, uncertainty);
  const kernel = createMultiCandidateKernel(race, work);
  const s = race.slotParty.length;
  const n = race.unitStart.length - 1;
  const state = blockGeneratorState(31, 2);
  kernel.state.set(state);
  const votes = new Float64Array(s);
  const other = new Float64Array(n);
  const added = new Float64Array(s + n);
  for (let i = 0; i < draws; i++) {
    // Signed: some slots lose more than they hold (clamped to 0 the same way on both paths).
    for (let j = 0; j < s + n; j++) added[j] = Math.round(4000 * Math.sin(7 * i + 3 * j)) - (j % 5 === 0 ? 1e6 : 0);
    const mode = i % 3;
    const given = mode === 0 ? null : mode === 1 ? added.subarray(0, s) : added;
    drawMultiCandidate(race, work, state, given, votes, other);
    kernel.draw(given);
    for (let k = 0; k < s; k++) if (!Object.is(kernel.votes[k], votes[k])) assert.fail(`draw ${i}, slot ${k}: WebAssembly ${kernel.votes[k]}, JavaScript ${votes[k]}`);
    for (let u = 0; u < n; u++) if (!Object.is(kernel.other[u], other[u])) assert.fail(`draw ${i}, unit ${u} other: WebAssembly ${kernel.other[u]}, JavaScript ${other[u]}`);
    assert.deepEqual(Array.from(kernel.state), Array.from(state), `generator state after draw ${i}`);
  }
}

test('the WebAssembly K-candidate draw gives the JavaScript reference\'s votes bit for bit: Canada 2011 (308 ridings, 1,302 candidates)', () => {
  assertSameDraws(loadTableRace('ca-2011-federal-ridings'), { national: 2.5, regional: 1.5, unit: 2.5, tails: 6 }, 1500);
});

test('the WebAssembly K-candidate draw gives the JavaScript reference\'s votes bit for bit: 2022 first round (12 candidates, 107 départements), wide errors and tails', () => {
  const race = loadPresidentialRace({ year: 2022 });
  assertSameDraws(race, { national: 2.5, regional: 1.5, unit: 2.5, tails: 6 }, 1500);
  // Errors wide enough that exp leaves its k = 0 range (|x| > 0.35) in many slots, fat tails (3 df).
  assertSameDraws(race, { national: 20, regional: 10, unit: Array.from(race.units.ids, (_, u) => 5 + (u % 30)), tails: 3 }, 500);
});

test('the WebAssembly K-candidate draw: zero uncertainty replays the file, units without a region and 0-vote slots as the reference', () => {
  const canada = loadTableRace('ca-2011-federal-ridings');
  const kernel = createMultiCandidateKernel(canada, createMultiCandidateDraw(canada, { national: 0, regional: 0, unit: 0, tails: 6 }));
  kernel.state.set(blockGeneratorState(1, 0));
  kernel.draw(null);
  assert.deepEqual(kernel.votes, canada.votes);
  assert.deepEqual(kernel.other, canada.units.other);
  // One unit in a region, one without (region −1), a 0-vote slot, a party absent from a unit.
  const unit = (id: string, region: string | undefined, other: number, candidates: [string, number][]) => ({
    id, name: id, weight: 1, region, registered: 0, voters: 0, other, candidates: candidates.map(([party, votes]) => ({ party, votes, label: party })),
  });
  const small = assembleRace([unit('N', 'R', 5, [['A', 120], ['B', 80], ['C', 0]]), unit('S', undefined, 10, [['A', 50], ['C', 40]])], { source: 't' });
  assert.deepEqual(Array.from(small.units.region), [0, -1]);
  assertSameDraws(small, { national: 3, regional: 2, unit: 4, tails: 5 }, 300);
});

test('the WebAssembly K-candidate draw refuses added votes of a length other than S or S + N', () => {
  const race = buildTableRace({ file: 't.csv', text: 'id,name,weight,A,B\nX,X,1,10,20\n' });
  const kernel = createMultiCandidateKernel(race, createMultiCandidateDraw(race, { national: 1, regional: 0, unit: 1, tails: 6 }));
  assert.throws(() => kernel.draw(new Float64Array(5)), /added votes of length 5, expected 2 \(the slots\) or 3/);
});

/**
 * The totals of the JavaScript path for `simulations` draws: per block, the reference draw and decideDraw
 * on the block's generator (as simulateMultiCandidate ran before the kernel decided plurality and popular vote).
 */
function referenceTotals(race: MultiCandidateRace, options: { simulations: number; seed: number; rule: MultiCandidateRule; uncertainty: MultiCandidateUncertainty }): MultiCandidateTotals {
  const rule = createRuleWork(race, options);
  const work = createMultiCandidateDraw(race, options.uncertainty);
  const votes = new Float64Array(race.slotParty.length);
  const other = new Float64Array(race.unitStart.length - 1);
  const totals = createMultiCandidateTotals(race, rule.weighted ? rule.totalWeight : 0);
  for (let b = 0; b < blockCount(options.simulations); b++) {
    const [first, end] = blockDraws(b, options.simulations);
    const state = blockGeneratorState(options.seed, b);
    const stream = { uniform: () => 0, normal: () => 0 }; // no transfers under these rules
    for (let i = first; i < end; i++) {
      drawMultiCandidate(race, work, state, null, votes, other);
      decideDraw(race, rule, stream, votes, other, totals);
    }
  }
  return totals;
}

test('plurality and popular vote decided in the WebAssembly kernel count what decideDraw counts: wins, no winner, seats, most seats, each slot\'s wins', () => {
  const canada = loadTableRace('ca-2011-federal-ridings');
  const president = loadPresidentialRace({ year: 2022 });
  const runs: [MultiCandidateRace, MultiCandidateRule, MultiCandidateUncertainty][] = [
    [canada, 'plurality', { national: 2.5, regional: 1.5, unit: 4, tails: 6 }],
    [canada, 'plurality', { national: 0, regional: 0, unit: 0, tails: 6 }],
    [canada, 'popular-vote', { national: 6, regional: 1.5, unit: 2.5, tails: 4 }],
    [president, 'popular-vote', { national: 2.5, regional: 1.5, unit: 2.5, tails: 6 }],
  ];
  for (const [race, rule, uncertainty] of runs) {
    // Two blocks, the second short.
    const options = { simulations: 4096 + 700, seed: 9, rule, uncertainty };
    const result = simulateMultiCandidate(race, options);
    const totals = referenceTotals(race, options);
    const share = (a: Float64Array) => Array.from(a, (c) => c / totals.draws);
    assert.deepEqual(result.pWin, share(totals.wins), `${rule} pWin`);
    assert.equal(result.pNoWinner, totals.noWinner / totals.draws);
    assert.deepEqual(result.slotWin, share(totals.slotWins), `${rule} slotWin`);
    if (rule === 'plurality') {
      assert.deepEqual(result.pMostSeats, share(totals.mostSeats));
      assert.deepEqual(result.seats, seatSummaries(totals, race.partyCount));
      const bins = totals.seatCounts.length / race.partyCount;
      assert.deepEqual(result.seatDistribution, Array.from({ length: race.partyCount }, (_, k) => share(totals.seatCounts.subarray(k * bins, (k + 1) * bins))));
    }
  }
  // The zero-uncertainty replay: 166 CPC seats in every draw.
  assert.deepEqual(simulateMultiCandidate(canada, { simulations: 50, seed: 1, rule: 'plurality', uncertainty: { national: 0, regional: 0, unit: 0, tails: 6 } }).seats![0], { mean: 166, low: 166, high: 166 });
});

test('the WebAssembly kernel counts a tie at the top of a unit and of the national vote as no winner, as decideDraw does', () => {
  // Zero uncertainty on integer counts: unit T ties A and B (no winner, no slot win); nationally A and B tie at 150.
  const race = buildTableRace({ file: 't.csv', text: 'id,name,weight,A,B,C\nT,Tie,1,50,50,10\nU,U,1,100,40,5\nV,V,1,0,60,1\n' });
  const zero = { national: 0, regional: 0, unit: 0, tails: 6 };
  for (const rule of ['plurality', 'popular-vote'] as const) {
    const result = simulateMultiCandidate(race, { simulations: 10, seed: 1, rule, uncertainty: zero });
    const totals = referenceTotals(race, { simulations: 10, seed: 1, rule, uncertainty: zero });
    assert.deepEqual(result.slotWin, Array.from(totals.slotWins, (c) => c / 10));
    assert.deepEqual(result.pWin, Array.from(totals.wins, (c) => c / 10));
    assert.equal(result.pNoWinner, totals.noWinner / 10);
    assert.equal(result.slotWin[0], 0);
  }
  assert.equal(simulateMultiCandidate(race, { simulations: 10, seed: 1, rule: 'popular-vote', uncertainty: zero }).pNoWinner, 1);
});
