import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as vega from 'vega';
import { InputError } from '../../src/errors.js';
import { checkMapInput, mapColourScale, mapLegendTitle, mapValueExpression } from '../../src/charts/mapColourScale.js';

test('mapColourScale runs from B through grey to A, centred on 0 pp or on even odds', () => {
  const margin = mapColourScale({ sides: ['D', 'R'], measure: 'margin', units: [], clampMargin: 15 });
  assert.deepEqual(margin.domain, [-15, 0, 15]);
  assert.deepEqual(margin.range, ['#cf2e2e', '#f0f0f0', '#1f64b4']);
  assert.deepEqual(mapColourScale({ sides: ['D', 'R'], measure: 'pWin', units: [] }, { palette: 'colourblind' }).range, ['#D55E00', '#f0f0f0', '#0072B2']);
});

test('mapValueExpression labels a margin with the side ahead, as Vega evaluates it', () => {
  const expression = mapValueExpression({ sides: ['D', 'R'], measure: 'margin', units: [] });
  // The expression uses only Vega's expression functions: run it in a real dataflow.
  const spec = {
    data: [{ name: 't', values: [{ value: -0.77 }, { value: 3.2 }, { value: null }], transform: [{ type: 'formula', expr: expression, as: 'label' }] }],
  };
  const view = new vega.View(vega.parse(spec as never), { renderer: 'none' });
  return view.runAsync().then(() => {
    assert.deepEqual(view.data('t').map((d: { label: string }) => d.label), ['R+0.8', 'D+3.2', '']);
  });
});

test('checkMapInput rejects an unknown measure and mapLegendTitle speaks French', () => {
  assert.throws(() => checkMapInput('m', { sides: ['D', 'R'], measure: 'share' as never, units: [] }), InputError);
  assert.equal(mapLegendTitle({ sides: ['PS', 'UMP'], measure: 'margin', units: [] }, 'fr'), 'Écart PS − UMP (points)');
});
