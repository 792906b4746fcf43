import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { winProbabilityByListSize } from '../../src/charts/winProbabilityByListSize.js';
import { listSweep2016 } from '../fixtures/chartInputs.js';
import { MEDSL_2016, ILLUSTRATION } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

const points = () => listSweep2016().map(({ value, pWin, low, high }) => ({ value, pWin, low, high }));

test('winProbabilityByListSize draws the band from low to high and the line through pWin', () => {
  const spec = winProbabilityByListSize({ side: 'D', measure: 'listSize', points: [{ value: 1, pWin: 0.4, low: 0.3, high: 0.5 }, { value: 2, pWin: 0.6, low: 0.5, high: 0.7 }] }, { title: 'T', sources: ['S'] });
  const plot = (spec as unknown as { vconcat: [{ layer: { mark: { type: string }; encoding: { y: { field: string }; y2?: { field: string } } }[] }] }).vconcat[0];
  assert.equal(plot.layer[0].mark.type, 'area');
  assert.equal(plot.layer[0].encoding.y.field, 'low');
  assert.equal(plot.layer[0].encoding.y2?.field, 'high');
  assert.equal(plot.layer[1].encoding.y.field, 'pWin');
});

test('winProbabilityByListSize rejects a single point and probabilities outside 0–1', () => {
  assert.throws(() => winProbabilityByListSize({ side: 'D', measure: 'listSize', points: [{ value: 1, pWin: 0.5, low: 0.4, high: 0.6 }] }, { title: 'T', sources: ['S'] }), InputError);
  assert.throws(() => winProbabilityByListSize({ side: 'D', measure: 'listRatio', points: [{ value: 1, pWin: 1.5, low: 0.4, high: 0.6 }, { value: 2, pWin: 0.5, low: 0.4, high: 0.6 }] }, { title: 'T', sources: ['S'] }), /points\[0\]\.pWin must be a probability/);
});

test('winProbabilityByListSize(2016 sweep) matches its golden spec and SVG', async () => {
  const spec = winProbabilityByListSize(
    { side: 'D', measure: 'listSize', points: points(), current: 8e6 },
    { title: 'Doubling the list lifts the odds from 40% to 68%', subtitle: 'P(Democrat wins) against list size, 2016 baseline', sources: [MEDSL_2016, ILLUSTRATION] },
  );
  await assertMatchesSnapshot('winProbabilityByListSize', spec);
});
