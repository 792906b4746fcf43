import { test } from 'node:test';
import assert from 'node:assert/strict';
import { winProbability } from '../../src/analysis/winProbability.js';
import { resultFromMargins } from './fixtures.js';

test('winProbability on four hand-made draws: 2 wins, 1 loss, 1 tie, standard errors by hand', () => {
  // units A (w 2), B (w 2), C (w 1): total 5, threshold 3 ... use even total for ties: add D (w 1)
  const weights = [2, 2, 1, 1];
  const draws = [
    [1, 1, -1, -1], // D gets 4: win
    [1, -1, 1, 1], // 4: win
    [1, -1, 1, -1], // 3-3: tie
    [-1, -1, 1, -1], // 1: loss
  ];
  const s = winProbability(resultFromMargins(draws, weights, ['A', 'B', 'C', 'D']));
  assert.equal(s.win.D.p, 0.5);
  assert.equal(s.win.D.standardError, Math.sqrt(0.25 / 4)); // 0.25
  assert.equal(s.win.R.p, 0.25);
  assert.ok(Math.abs(s.win.R.standardError - Math.sqrt(0.1875 / 4)) < 1e-12);
  assert.equal(s.tie.p, 0.25);
  assert.deepEqual(s.weightDistribution, [
    { weight: 1, probability: 0.25 },
    { weight: 3, probability: 0.25 },
    { weight: 4, probability: 0.5 },
  ]);
  // sorted weights 1,3,4,4: 5th pct -> first reaching 0.2 draws = 1; median: cumulative 2 of 4 at 3; 95th: 4
  assert.deepEqual(s.weightQuantiles, { p05: 1, p50: 3, p95: 4 });
  assert.equal(s.expectedWeight.D, 3);
});

import { wilsonInterval } from '../../src/analysis/winProbability.js';

test('wilsonInterval matches the Wilson intervals published by Newcombe (1998) and never collapses at 0 or n', () => {
  // Newcombe 1998, Statistics in Medicine 17:857-872, Table I, method 3 (score interval without
  // continuity correction), to 4 decimals.
  const r4 = (x: number) => Math.round(x * 1e4) / 1e4;
  const table: Array<[number, number, number, number]> = [
    [81, 263, 0.2553, 0.3662],
    [15, 148, 0.0624, 0.1605],
    [0, 20, 0, 0.1611],
    [1, 29, 0.0061, 0.1718],
  ];
  for (const [x, n, low, high] of table) {
    const w = wilsonInterval(x, n);
    assert.deepEqual([r4(w.low), r4(w.high)], [low, high], `${x}/${n}`);
  }
  // All 200 draws won: the lower end is n / (n + z²) in closed form, the upper end 1.
  const all = wilsonInterval(200, 200);
  assert.ok(Math.abs(all.low - 200 / (200 + 1.959963984540054 ** 2)) < 1e-12, JSON.stringify(all));
  assert.equal(all.high, 1);
  assert.ok(Math.abs(wilsonInterval(0, 200).high - (1 - all.low)) < 1e-12);
  assert.ok(Number.isNaN(wilsonInterval(0, 0).low));
});

test('winProbability gives a Wilson interval per side beside the standard error', () => {
  const s = winProbability(resultFromMargins([[1, 1], [1, 1], [1, -1], [-1, -1]], [2, 1], ['A', 'B']));
  assert.deepEqual(s.winInterval.D, wilsonInterval(3, 4));
  assert.deepEqual(s.winInterval.R, wilsonInterval(1, 4));
});
