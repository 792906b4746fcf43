import { test } from 'node:test';
import assert from 'node:assert/strict';
import { didYouMean, editDistance } from '../../src/scenario/didYouMean.js';

test('editDistance counts insertions, deletions, substitutions and swaps (kitten → sitting = 3, fats → fast = 1)', () => {
  assert.equal(editDistance('fats', 'fast'), 1);
  assert.equal(editDistance('ca', 'abc'), 3); // optimal string alignment, not unrestricted Damerau (which gives 2)
  assert.equal(editDistance('kitten', 'sitting'), 3);
  assert.equal(editDistance('', 'abc'), 3);
  assert.equal(editDistance('flaw', 'lawn'), 2);
});

test('didYouMean suggests a close key and nothing for a far one', () => {
  assert.equal(didYouMean('campains', ['name', 'campaigns', 'country']), 'campaigns');
  assert.equal(didYouMean('LISTSIZE', ['listSize', 'churn']), 'listSize');
  assert.equal(didYouMean('budget', ['listSize', 'churn']), undefined);
});
