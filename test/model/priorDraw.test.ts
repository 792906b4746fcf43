import { test } from 'node:test';
import assert from 'node:assert/strict';
import { priorAtNormal, NORMAL_Q95 } from '../../src/model/priorDraw.js';

test('priorAtNormal puts low and high at the 5th and 95th percentiles and central at the median', () => {
  const prior = { central: 4, low: 1, high: 8 };
  assert.equal(priorAtNormal(prior, 0), 4);
  assert.ok(Math.abs(priorAtNormal(prior, NORMAL_Q95) - 8) < 1e-12);
  assert.ok(Math.abs(priorAtNormal(prior, -NORMAL_Q95) - 1) < 1e-12);
  // Published 95th percentile of the standard normal (Abramowitz & Stegun table 26.5): 1.644854.
  assert.ok(Math.abs(NORMAL_Q95 - 1.644854) < 1e-6);
  assert.equal(priorAtNormal({ central: 2, low: 2, high: 2 }, -3), 2);
});
