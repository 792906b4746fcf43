import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { tornado } from '../../src/charts/tornado.js';
import { TORNADO_ROWS } from '../fixtures/chartInputs.js';
import { ILLUSTRATION } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

test('tornado orders priors by swing, widest first', () => {
  const spec = tornado({ side: 'D', central: 0.5, rows: [
    { name: 'small', pWinLow: 0.49, pWinHigh: 0.51 },
    { name: 'large', pWinLow: 0.3, pWinHigh: 0.7 },
    { name: 'middle', pWinLow: 0.45, pWinHigh: 0.6 },
  ] }, { title: 'T', sources: ['S'] });
  const y = (spec as unknown as { vconcat: [{ layer: [{ encoding: { y: { sort: string[] } } }] }] }).vconcat[0].layer[0].encoding.y;
  assert.deepEqual(y.sort, ['large', 'middle', 'small']);
});

test('tornado labels bar ends with the prior values in the chart\'s number format when no label is given', async () => {
  const { toSvg } = await import('../../src/render/toSvg.js');
  const spec = tornado({ side: 'PS', central: 0.5, rows: [{ name: 'porte-à-porte', pWinLow: 0.45, pWinHigh: 0.6, low: 1.5, high: 8 }] }, { title: 'T', sources: ['S'], locale: 'fr' });
  const svg = await toSvg(spec);
  assert.ok(svg.includes('>1,5<'), 'low value with a decimal comma');
  assert.ok(svg.includes('>8<'), 'high value');
});

test('tornado rejects a central probability above 1', () => {
  assert.throws(() => tornado({ side: 'D', central: 1.2, rows: [{ name: 'x', pWinLow: 0.1, pWinHigh: 0.2 }] }, { title: 'T', sources: ['S'] }), InputError);
});

test('tornado(channel priors) matches its golden spec and SVG', async () => {
  const spec = tornado(
    { side: 'D', central: 0.4, rows: TORNADO_ROWS },
    { title: 'The door-knocking effect moves the odds most', subtitle: 'P(Democrat wins) with each prior at the low and high end of its range', sources: ['ranges: facts.md section A (Gerber & Green 2000; Nickerson 2006; Dale & Strauss 2009; Nickerson 2007)', ILLUSTRATION] },
  );
  await assertMatchesSnapshot('tornado', spec);
});
