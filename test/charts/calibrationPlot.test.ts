import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { calibrationPlot } from '../../src/charts/calibrationPlot.js';
import { CALIBRATION_BINS } from '../fixtures/chartInputs.js';
import { ILLUSTRATION } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

test('calibrationPlot draws the diagonal from (0,0) to (1,1) and one dot per bin', () => {
  const spec = calibrationPlot({ bins: [{ predicted: 0.2, observed: 0.25, count: 10 }] }, { title: 'T', sources: ['S'] });
  const layers = (spec as unknown as { vconcat: [{ layer: { data: { values: unknown[] } }[] }] }).vconcat[0].layer;
  assert.deepEqual(layers[0].data.values, [{ p: 0 }, { p: 1 }]);
  assert.equal(layers[2].data.values.length, 1);
});

test('calibrationPlot rejects a zero count', () => {
  assert.throws(() => calibrationPlot({ bins: [{ predicted: 0.2, observed: 0.25, count: 0 }] }, { title: 'T', sources: ['S'] }), InputError);
});

test('calibrationPlot(state forecasts) matches its golden spec and SVG', async () => {
  const spec = calibrationPlot(
    { bins: CALIBRATION_BINS },
    { title: 'Forecast probabilities match outcomes', subtitle: 'State-level forecasts, binned; dot area = number of forecasts', sources: [ILLUSTRATION] },
  );
  await assertMatchesSnapshot('calibrationPlot', spec);
});
