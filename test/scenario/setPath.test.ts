import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setPath } from '../../src/scenario/setPath.js';
import { InputError } from '../../src/errors.js';

test('setPath sets a nested key on a copy and leaves the input alone', () => {
  const base = { campaigns: { D: { listSize: 1, churn: 0.1 } }, seed: 3 };
  const next = setPath(base, 'campaigns.D.listSize', 5);
  assert.deepEqual(next, { campaigns: { D: { listSize: 5, churn: 0.1 } }, seed: 3 });
  assert.equal(base.campaigns.D.listSize, 1);
});

test('setPath creates missing objects and indexes arrays', () => {
  assert.deepEqual(setPath({}, 'campaigns.R.channels.door.coverage', 0.2), { campaigns: { R: { channels: { door: { coverage: 0.2 } } } } });
  assert.deepEqual(setPath({ sides: ['D', 'R'] }, 'sides.1', 'G'), { sides: ['D', 'G'] });
});

test('setPath rejects empty paths and paths through numbers', () => {
  assert.throws(() => setPath({}, '', 1), InputError);
  assert.throws(() => setPath({}, 'a..b', 1), InputError);
  assert.throws(() => setPath({ seed: 3 }, 'seed.x', 1), /seed must be an object to hold "x" \(setting seed.x\), got 3/);
});
