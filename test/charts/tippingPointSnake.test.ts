import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { snakeSegments, tippingPointSnake } from '../../src/charts/tippingPointSnake.js';
import { snakeUnits2016 } from '../fixtures/chartInputs.js';
import { MEDSL_2016 } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

test('snakeSegments(2016) finds Wisconsin as the tipping point (FiveThirtyEight: Wisconsin, Trump +0.8)', () => {
  const segments = snakeSegments({ sides: ['D', 'R'], units: snakeUnits2016(), threshold: 270 });
  const tips = segments.filter((s) => s.tipping);
  assert.deepEqual(tips.map((s) => s.id), ['WI']);
  assert.equal(segments[segments.length - 1].end, 538);
  // Clinton's pledged 232 electoral votes end where the margins turn negative.
  assert.equal(segments.filter((s) => s.margin > 0).reduce((sum, s) => sum + s.weight, 0), 232);
});

test('snakeSegments picks the winner-side unit that crosses the threshold for side A', () => {
  const segments = snakeSegments({ sides: ['A', 'B'], threshold: 3, units: [
    { id: 'x', name: 'x', weight: 2, margin: 10 },
    { id: 'y', name: 'y', weight: 2, margin: 1 },
    { id: 'z', name: 'z', weight: 1, margin: -5 },
  ] });
  assert.deepEqual(segments.map((s) => [s.id, s.start, s.end, s.tipping]), [['x', 0, 2, false], ['y', 2, 4, true], ['z', 4, 5, false]]);
});

test('tippingPointSnake rejects a threshold above the total weight', () => {
  assert.throws(() => tippingPointSnake({ sides: ['D', 'R'], units: [{ id: 'a', name: 'a', weight: 3, margin: 1 }], threshold: 4 }, { title: 'T', sources: ['S'] }), InputError);
});

test('tippingPointSnake(2016) matches its golden spec and SVG', async () => {
  const spec = tippingPointSnake(
    { sides: ['D', 'R'], units: snakeUnits2016(), threshold: 270 },
    { title: 'In 2016 Wisconsin carried the winner past 270', subtitle: 'Units ordered by two-party margin, each as wide as its electoral votes', sources: [MEDSL_2016] },
  );
  await assertMatchesSnapshot('tippingPointSnake', spec);
});

test('tippingPointSnake in French names the tipping point with a decimal comma', async () => {
  const { toSvg } = await import('../../src/render/toSvg.js');
  const spec = tippingPointSnake({ sides: ['D', 'R'], units: snakeUnits2016(), threshold: 270 }, { title: 'Le Wisconsin a fait basculer 2016', sources: [MEDSL_2016], locale: 'fr' });
  const svg = await toSvg(spec);
  assert.ok(svg.includes('Point de bascule\u00a0: Wisconsin (R +0,8)'), 'French tipping-point label');
});
