import { test } from 'node:test';
import assert from 'node:assert/strict';
import { usGeoMap } from '../../src/charts/usGeoMap.js';
import { snakeUnits2016 } from '../fixtures/chartInputs.js';
import { MEDSL_2016 } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

type Geometry = { id: string; properties: { code: string; value: number | null } };
const geometries = (spec: unknown) =>
  (spec as { vconcat: [{ vconcat: [{ data: { values: { objects: { states: { geometries: Geometry[] } } } } }] }] }).vconcat[0].vconcat[0].data.values.objects.states.geometries;

test('usGeoMap inlines the 50 states and DC from us-atlas with their values (offline)', () => {
  const spec = usGeoMap({ sides: ['D', 'R'], measure: 'margin', units: [{ id: 'WI', value: -0.77 }] }, { title: 'T', sources: ['S'] });
  const states = geometries(spec);
  assert.equal(states.length, 51);
  const wi = states.find((g) => g.properties.code === 'WI');
  assert.equal(wi?.id, '55'); // Census FIPS code of Wisconsin
  assert.equal(wi?.properties.value, -0.77);
  assert.ok(!JSON.stringify(spec).includes('"url"'), 'no data loaded by URL');
});

test('usGeoMap(2016 margins) matches its golden spec and SVG', async () => {
  const spec = usGeoMap(
    { sides: ['D', 'R'], measure: 'margin', units: snakeUnits2016().map((u) => ({ id: u.id, value: u.margin })) },
    { title: 'The 2016 map', subtitle: 'Two-party margin by state (Albers USA projection)', sources: [MEDSL_2016, 'boundaries: US Census Bureau via us-atlas 3.0.1'] },
  );
  await assertMatchesSnapshot('usGeoMap', spec);
});
