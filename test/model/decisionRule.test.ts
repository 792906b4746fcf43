import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleThresholds, unitWeight } from '../../src/model/decisionRule.js';

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
