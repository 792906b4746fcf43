import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleThresholds, unitWeight, weightUnit } from '../../src/model/decisionRule.js';

test('ruleThresholds: 270 of 538 electoral votes; majority of seats; sign of the national vote', () => {
  assert.deepEqual(ruleThresholds('electoral-college', [55, 38, 445]), { weighted: true, totalWeight: 538, threshold: 270 });
  assert.deepEqual(ruleThresholds('seats', [0, 0, 0, 0, 0]), { weighted: true, totalWeight: 5, threshold: 3 });
  assert.deepEqual(ruleThresholds('seats', [3, 4]), { weighted: true, totalWeight: 7, threshold: 4 });
  assert.deepEqual(ruleThresholds('popular-vote', [55]), { weighted: false, totalWeight: 1, threshold: 1 });
  assert.deepEqual(ruleThresholds('two-round', [0]), { weighted: false, totalWeight: 1, threshold: 1 });
});

test('unitWeight counts a weight-0 unit as one seat and ignores weights for national-vote rules', () => {
  assert.equal(unitWeight('seats', 0), 1);
  assert.equal(unitWeight('electoral-college', 0), 0);
  assert.equal(unitWeight('popular-vote', 29), 0);
});

test('ruleThresholds works on any integer weights: odd totals cannot tie, even totals tie at half, a set threshold replaces the majority', () => {
  assert.deepEqual(ruleThresholds('electoral-college', [1, 1, 1]), { weighted: true, totalWeight: 3, threshold: 2 });
  assert.deepEqual(ruleThresholds('electoral-college', [10, 4, 6]), { weighted: true, totalWeight: 20, threshold: 11 });
  assert.deepEqual(ruleThresholds('seats', new Array(67).fill(0)), { weighted: true, totalWeight: 67, threshold: 34 });
  assert.deepEqual(ruleThresholds('seats', [0, 0, 0, 0, 0], 4), { weighted: true, totalWeight: 5, threshold: 4 });
  assert.deepEqual(ruleThresholds('electoral-college', [538], 300), { weighted: true, totalWeight: 538, threshold: 300 });
  assert.throws(() => ruleThresholds('electoral-college', [538], 269), RangeError);
  assert.throws(() => ruleThresholds('seats', [3, 4], 8), RangeError);
  assert.deepEqual(ruleThresholds('popular-vote', [55], 40), { weighted: false, totalWeight: 1, threshold: 1 });
});

test('weightUnit names what a rule weighs: electoral votes, seats, or a plain weight', () => {
  assert.deepEqual((['electoral-college', 'seats', 'popular-vote', 'two-round'] as const).map(weightUnit), ['electoral votes', 'seats', 'weight', 'weight']);
});
