import { test } from 'node:test';
import assert from 'node:assert/strict';
import { conditionalWin } from '../../src/analysis/conditionalWin.js';
import { resultFromMargins, seededNormal, normalCdf } from './fixtures.js';

test('conditionalWin matches the closed form for three independent equal units', () => {
  // Three units of weight 1, margins N(mu_i, 1) independent; D wins with 2 of 3.
  // P(D wins | D wins unit 0) = P(at least one of units 1, 2) = 1 - (1 - p1)(1 - p2).
  const mu = [0.3, -0.2, 0.5];
  const normal = seededNormal(7);
  const draws = Array.from({ length: 40000 }, () => mu.map((m) => m + normal()));
  const r = resultFromMargins(draws, [1, 1, 1], ['X', 'Y', 'Z']);
  const p1 = normalCdf(-0.2), p2 = normalCdf(0.5);
  const expected = 1 - (1 - p1) * (1 - p2);
  const c = conditionalWin(r, { unit: 'X', side: 'D' });
  assert.ok(Math.abs(c.win.p - expected) < 4 * c.win.standardError + 1e-9, `${c.win.p} vs ${expected}`);
  assert.ok(Math.abs(c.draws / 40000 - normalCdf(0.3)) < 0.01);
  assert.deepEqual(c.warnings, []);
  // for R: P(R wins | R wins X) = P(R wins at least one of Y, Z) = 1 - p1 p2
  const cr = conditionalWin(r, { unit: 'X', side: 'R' });
  assert.ok(Math.abs(cr.win.p - (1 - p1 * p2)) < 4 * cr.win.standardError);
});

test('conditionalWin warns, counted, when fewer than minDraws remain, and when none do', () => {
  const normal = seededNormal(3);
  const draws = Array.from({ length: 1000 }, () => [-4 + normal(), normal(), normal()]);
  const r = resultFromMargins(draws, [1, 1, 1], ['X', 'Y', 'Z']);
  const c = conditionalWin(r, { unit: 'X', side: 'D' });
  // P(N(-4,1) > 0) = 3.2e-5: expect 0 or very few of 1000 draws
  assert.equal(c.warnings.length, 1);
  assert.ok(c.warnings[0].code === 'few-draws' || c.warnings[0].code === 'no-draws');
  const few = conditionalWin(r, { unit: 'Y', side: 'D', minDraws: 900 });
  assert.equal(few.warnings.length, 1);
  assert.equal(few.warnings[0].code, 'few-draws');
  assert.match(few.warnings[0].message, new RegExp(`kept ${few.draws} of 1000 draws`));
  assert.throws(() => conditionalWin(r, { unit: 'nowhere' }), /unit must be a unit id/);
});
