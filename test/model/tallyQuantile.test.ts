import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tallyQuantileIndex } from '../../src/model/tallyQuantile.js';

test('tallyQuantileIndex: the first position where the counts so far reach q × total (Hyndman & Fan definition 1)', () => {
  const counts = Float64Array.of(1, 0, 2, 1);
  assert.equal(tallyQuantileIndex(counts, 0, 4, 4, 0.25), 0);
  assert.equal(tallyQuantileIndex(counts, 0, 4, 4, 0.26), 2);
  assert.equal(tallyQuantileIndex(counts, 0, 4, 4, 0.5), 2);
  assert.equal(tallyQuantileIndex(counts, 0, 4, 4, 0.76), 3);
  // A slice of a larger histogram: positions stay those of the whole array.
  assert.equal(tallyQuantileIndex(Float64Array.of(9, 9, 0, 3, 1), 2, 5, 4, 0.5), 3);
  // No draws, or counts that never reach the need: −1.
  assert.equal(tallyQuantileIndex(counts, 0, 4, 0, 0.5), -1);
  assert.equal(tallyQuantileIndex(counts, 0, 2, 4, 0.5), -1);
});
