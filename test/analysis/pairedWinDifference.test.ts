import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pairedWinDifference } from '../../src/analysis/pairedWinDifference.js';
import { resultFromMargins } from './fixtures.js';

test('pairedWinDifference on four hand-made paired draws', () => {
  // one unit of weight 1: outcome = sign of the margin
  const base = resultFromMargins([[1], [1], [-1], [-1]], [1], ['X']);
  const variant = resultFromMargins([[1], [1], [1], [-1]], [1], ['X']);
  const d = pairedWinDifference(base, variant, 1);
  // per-draw differences 0, 0, 1, 0: mean 0.25, sample variance (0.75 × 4 / 3) × 0.25 = 0.25, SE sqrt(0.25 / 4) = 0.25
  assert.equal(d.difference, 0.25);
  assert.equal(d.standardError, 0.25);
  assert.equal(d.gained, 1);
  assert.equal(d.lost, 0);
  // the 90 % interval of every paired difference: ±1.6449 standard errors
  assert.ok(Math.abs(d.low - (0.25 - 1.6448536269514722 * 0.25)) < 1e-12);
  // for side B the same change is a loss of 0.25
  assert.equal(pairedWinDifference(base, variant, -1).difference, -0.25);
});

test('pairedWinDifference gives a rule-of-three interval when no draw changes', () => {
  const base = resultFromMargins([[1], [-1], [1], [-1], [1], [1]], [1], ['X']);
  const d = pairedWinDifference(base, base, 1);
  assert.equal(d.difference, 0);
  assert.equal(d.standardError, 0);
  assert.equal(d.low, -0.5); // 3 / 6
  assert.equal(d.high, 0.5);
});
