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
