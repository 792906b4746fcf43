import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadTurnout } from '../../../src/node/data/loadTurnout.js';

test('loadTurnout(2020) has 51 units and a national VEP turnout of 65.99% (re-estimated VEP)', () => {
  const t = loadTurnout(2020);
  assert.equal(t.units.length, 51);
  assert.equal(t.national.vepTurnoutRate, 0.6599);
  // McDonald's national VEP adds eligible citizens overseas, which no state holds: 1-3% more than the state sum.
  const stateSum = t.units.reduce((s, u) => s + u.vep, 0);
  assert.ok(stateSum < t.national.vep && stateSum > 0.97 * t.national.vep);
});

test('loadTurnout(2000) leaves missing ballot counts absent, not zero', () => {
  const al = loadTurnout(2000).units.find((u) => u.id === 'AL')!;
  assert.equal(al.totalBallots, undefined);
  assert.equal(al.vepTurnoutRate, undefined);
});

test('loadTurnout of a year without an election lists the years that exist', () => {
  assert.throws(() => loadTurnout(2010), /year must be one of 2000, 2004, 2008, 2012, 2016, 2020, 2024, got 2010/);
});
