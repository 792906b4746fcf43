import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tippingPoint, tippingPointFromSortedMargins, tippingFrequencies, simulatedBias } from '../../src/analysis/tippingPoint.js';
import { race, resultFromMargins } from './fixtures.js';

test('tippingPointFromSortedMargins walks from the top for A and from the bottom for B', () => {
  // A holds 10+20+5 = 35 of 71 (threshold 36): nobody; make it 30 to win
  assert.deepEqual(tippingPointFromSortedMargins([12, 3, 0.5, -1, -8], [10, 20, 5, 30, 6], 30), { index: 1, winner: 1 });
  // B holds 36 >= 36: from the bottom 6, then 30 -> index 3
  assert.deepEqual(tippingPointFromSortedMargins([12, 3, 0.5, -1, -8], [10, 20, 5, 30, 6], 36), { index: 3, winner: -1 });
  // exact-zero margin counts for neither; nobody reaches 36 here
  assert.deepEqual(tippingPointFromSortedMargins([12, 3, 0, -1, -8], [10, 20, 5, 25, 6], 36), { index: -1, winner: 0 });
});

test('tippingPoint on a hand-made race gives the unit, margin and bias computed by hand', () => {
  // D wins P (w 3, +20 pp), Q (w 4, +4 pp), R (w 2, +2 pp); loses S (w 4, -30 pp). Total 13, threshold 7.
  // Order P, Q -> running 3, 7: Q tips. National: D 600+520+510+350 = 1980, R 400+480+490+650 = 2020.
  const r = race(2004, [['P', 3, 600, 400], ['Q', 4, 520, 480], ['R', 2, 510, 490], ['S', 4, 350, 650]]);
  const tp = tippingPoint(r, { basis: 'two-party' });
  assert.equal(tp.id, 'Q');
  assert.equal(tp.winner, 'D');
  assert.ok(Math.abs(tp.marginPp - 4) < 1e-12);
  assert.ok(Math.abs(tp.nationalMarginPp - -1) < 1e-12); // 100 * (1980 - 2020) / 4000
  assert.ok(Math.abs(tp.biasPp - 5) < 1e-12);
  assert.equal(tp.winnerWeight, 9);
});

test('tippingFrequencies sorts the counts of a run and divides by the draws', () => {
  const draws = [[5, 1, -2], [3, 4, -1], [-5, -1, -2], [2, -1, 1]];
  const r = resultFromMargins(draws, [1, 1, 1], ['X', 'Y', 'Z']);
  // draw 1: D wins X,Y -> order X(5),Y(1) -> Y tips. draw 2: order Y(4),X(3) -> X tips.
  // draw 3: R wins all: order X(-5)... R's strongest first: X(5), Z(2), Y(1) -> Z tips. draw 4: D X, Z: X(2), Z(1) -> Z.
  assert.deepEqual(tippingFrequencies(r), [
    { id: 'Z', name: 'Z', count: 2, frequency: 0.5 },
    { id: 'X', name: 'X', count: 1, frequency: 0.25 },
    { id: 'Y', name: 'Y', count: 1, frequency: 0.25 },
  ]);
});

import { loadResults } from '../../src/node/data/loadResults.js';

const usResults = (year: number) => loadResults({ country: 'us', year });

// Hand-checked table, 2000–2024, on data/us_president_results.csv read by loadResults (56 units: states, DC, ME/NE at-large
// and districts). Checked by a separate Python script (not this code): sort the winner's units by the
// winner's margin, add electoral votes until 270; margins rounded to 0.01 pp. The national all-votes
// margins agree with the published popular-vote margins (2000 Gore +0.51, 2004 Bush +2.46, 2008 Obama
// +7.27, 2012 Obama +3.86, 2016 Clinton +2.10, 2020 Biden +4.45, 2024 Trump +1.47).
// Against published tables (Wikipedia "Tipping-point state", FiveThirtyEight), which use all votes cast:
// 2000 FL, 2004 OH, 2008 CO, 2012 CO, 2016 WI, 2020 WI, 2024 PA. On the two-party margin 2012 is
// Pennsylvania (+5.46) below Colorado (+5.50); on all votes Colorado (+5.37) sits below Pennsylvania (+5.40).
const table: Array<[number, string, string, number, number, number, string, number, number]> = [
  // year, winner, all-votes unit, its margin, national all-votes margin, bias; two-party unit, margin, national
  [2000, 'R', 'FL', 0.01, -0.51, 0.52, 'FL', 0.01, -0.54],
  [2004, 'R', 'OH', 2.11, 2.46, -0.35, 'OH', 2.12, 2.49],
  [2008, 'D', 'CO', 8.95, 7.27, 1.69, 'CO', 9.10, 7.38],
  [2012, 'D', 'CO', 5.37, 3.86, 1.51, 'PA', 5.46, 3.93],
  [2016, 'R', 'WI', 0.76, -2.10, 2.86, 'WI', 0.82, -2.23],
  [2020, 'D', 'WI', 0.63, 4.45, -3.82, 'WI', 0.64, 4.54],
  [2024, 'R', 'PA', 1.71, 1.47, 0.24, 'PA', 1.73, 1.50],
];

const r2 = (x: number) => Math.round(x * 100) / 100;

for (const [year, winner, id, margin, national, bias, twoId, twoMargin, twoNational] of table) {
  test(`tippingPoint(${year}) is ${id} on all votes (the default) and ${twoId} on the two-party basis`, () => {
    const r = usResults(year);
    assert.equal(r.units.length, 56);
    const tp = tippingPoint(r);
    assert.equal(tp.basis, 'all-votes');
    assert.equal(tp.winner, winner);
    assert.equal(tp.id, id);
    assert.equal(r2(tp.marginPp), margin);
    assert.equal(r2(tp.nationalMarginPp), national);
    assert.ok(Math.abs(r2(tp.biasPp) - bias) <= 0.011);
    assert.ok(Math.abs(tp.biasPp - (tp.marginPp - tp.nationalMarginPp)) < 1e-12);
    const two = tippingPoint(r, { basis: 'two-party' });
    assert.equal(two.basis, 'two-party');
    assert.equal(two.id, twoId);
    assert.equal(r2(two.marginPp), twoMargin);
    assert.equal(r2(two.nationalMarginPp), twoNational);
  });
}

test('tippingPoint rejects an unknown basis', () => {
  assert.throws(() => tippingPoint(usResults(2012), { basis: 'votes' as never }), /basis/);
});

test('simulatedBias: tipping-point margin minus national margin per draw, by hand', () => {
  // draw 1: D wins X, Y (2 of 3): order X 5, Y 1 -> Y tips; bias 1 - 0.5 = 0.5.
  // draw 2: R wins Y, Z: from the bottom Y -4, Z -1 -> Z tips; bias -1 - (-1) = 0.
  // draw 3: D wins X, Z: order X 2, Z 0.5 -> Z tips; bias 0.5 - 2 = -1.5.
  const r = resultFromMargins([[5, 1, -2], [3, -4, -1], [2, -3, 0.5]], [1, 1, 1], ['X', 'Y', 'Z'], 1, [0.5, -1, 2]);
  const b = simulatedBias(r);
  assert.equal(b.basis, 'two-party');
  assert.equal(b.draws, 3);
  assert.ok(Math.abs(b.meanPp - (0.5 + 0 - 1.5) / 3) < 1e-9);
  assert.deepEqual([b.p05, b.p50, b.p95], [-1.5, 0, 0.5]);
  assert.throws(() => simulatedBias(resultFromMargins([[1, 1, 1]], [1, 1, 1], ['X', 'Y', 'Z'])), /nationalMargin/);
});

import { loadParameters } from '../../src/node/data/loadParameters.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';

test('tippingPointFromSortedMargins on kept draws, over all votes, reproduces the engine tipping counts exactly (2016, 5,000 draws)', () => {
  const results = usResults(2016);
  const resolved = resolveScenario(
    { name: 'tipping check', country: 'us', year: 2016, rule: 'electoral-college', sides: ['D', 'R'], simulations: 5000, seed: 3 },
    { results, parameters: loadParameters() },
  );
  const r = simulate(prepareModel(resolved), { simulations: 5000, seed: 3, keep: { margins: true } });
  const units = r.unitIds.length;
  const counts = new Float64Array(units);
  // The engine orders units by margins over all votes cast: the two-party margin times the two-party share.
  const shares = allVotesShares(resolved, r.unitIds).units;
  for (let d = 0; d < r.simulations; d++) {
    const row = r.draws!.margins!.subarray(d * units, (d + 1) * units).map((m, i) => m * shares[i]);
    const order = Array.from({ length: units }, (_, i) => i).sort((x, y) => row[y] - row[x]);
    const tip = tippingPointFromSortedMargins(order.map((i) => row[i]), order.map((i) => r.weights[i]), r.threshold);
    if (tip.winner !== 0) counts[order[tip.index]]++;
  }
  assert.deepEqual(Array.from(counts), Array.from(r.tippingCounts));
});

import { allVotesShares } from '../../src/analysis/tippingPoint.js';

test('simulatedBias on the all-votes basis: a third-party vote can change the tipping unit, by hand', () => {
  // One draw, units X, Y, Z of weight 1 (2 to win). Two-party margins 6, 4, −1; national 3.
  // Two-party: order X 6, Y 4 -> Y tips; bias 4 − 3 = 1.
  // All votes with two-party shares 0.5, 1, 1 and 0.8 nationally: X 3, Y 4 -> order Y 4, X 3 -> X tips; bias 3 − 2.4 = 0.6.
  const r = resultFromMargins([[6, 4, -1]], [1, 1, 1], ['X', 'Y', 'Z'], 1, [3]);
  const two = simulatedBias(r);
  assert.equal(two.basis, 'two-party');
  assert.ok(Math.abs(two.meanPp - 1) < 1e-9);
  const all = simulatedBias(r, { allVotesShares: { units: Float64Array.of(0.5, 1, 1), national: 0.8 } });
  assert.equal(all.basis, 'all-votes');
  assert.ok(Math.abs(all.meanPp - 0.6) < 1e-6, String(all.meanPp));
  assert.throws(() => simulatedBias(r, { allVotesShares: { units: Float64Array.of(1), national: 1 } }), /one per unit/);
});

test('simulatedBias with no error reproduces the published 2012 bias on all votes (Colorado, 1.51 pp) and 1.54 pp on two-party (Pennsylvania)', () => {
  const results = usResults(2012);
  const resolved = resolveScenario(
    { name: 'bias check', country: 'us', year: 2012, rule: 'electoral-college', sides: ['D', 'R'], simulations: 10, seed: 1, uncertainty: { national: 0, regional: 0, territory: 0, tails: 5 }, campaigns: {} },
    { results, parameters: loadParameters() },
  );
  const r = simulate(prepareModel(resolved), { simulations: 10, seed: 1, keep: { margins: true, nationalMargin: true } });
  // Independent values: the Python table above (CO 5.37 − 3.86; PA 5.46 − 3.93), rounded to 0.01 pp.
  const all = simulatedBias(r, { allVotesShares: allVotesShares(resolved, r.unitIds) });
  assert.equal(all.basis, 'all-votes');
  assert.ok(Math.abs(all.meanPp - tippingPoint(results).biasPp) < 1e-3, `${all.meanPp} vs ${tippingPoint(results).biasPp}`);
  assert.equal(Math.round(all.meanPp * 100) / 100, 1.51);
  const two = simulatedBias(r);
  assert.equal(Math.round(two.meanPp * 100) / 100, 1.54);
  assert.ok(Math.abs(allVotesShares(resolved, r.unitIds).national - (65915794 + 60933504) / results.popularVote.total) < 1e-12);
  // The run itself finds its tipping points and bias on the same all-votes basis: Colorado, 1.51 pp.
  assert.equal(r.tippingBasis, 'all-votes');
  assert.equal(r.unitIds[r.tippingCounts.indexOf(10)], 'CO');
  assert.equal(r.electoralCollegeBias?.basis, 'all-votes');
  assert.ok(Math.abs(r.electoralCollegeBias!.meanPp - tippingPoint(results).biasPp) < 1e-9, `${r.electoralCollegeBias!.meanPp}`);
});
