import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError, formatInputError } from '../../src/errors.js';

test('formatInputError renders file, key path, expected and found in one grammar', () => {
  assert.equal(
    formatInputError({ file: 'scenarios/a.yaml', at: 'campaigns.D.listSize', expected: 'a non-negative integer', found: '-5' }),
    'scenarios/a.yaml: campaigns.D.listSize must be a non-negative integer, got -5',
  );
  assert.ok(new InputError({ expected: 'x' }) instanceof Error);
});
