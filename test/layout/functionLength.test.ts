import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_FUNCTION_LINES, longFunctions } from './longFunctions.js';

test(`no function in src/ (the generated kernel module aside) is over ${MAX_FUNCTION_LINES} lines`, () => {
  assert.deepEqual(longFunctions(), []);
});
