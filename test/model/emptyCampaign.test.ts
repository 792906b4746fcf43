import { test } from 'node:test';
import assert from 'node:assert/strict';
import { emptyCampaign } from '../../src/model/emptyCampaign.js';

test('emptyCampaign has no list, keeps everyone and returns a fresh object each call', () => {
  const a = emptyCampaign();
  assert.equal(a.listSize, 0);
  assert.equal(a.retention, 1);
  assert.deepEqual(a.channels, {});
  a.allocation.FL = 5;
  assert.deepEqual(emptyCampaign().allocation, {});
});
