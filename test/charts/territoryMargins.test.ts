import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { territoryMargins } from '../../src/charts/territoryMargins.js';
import { territoryRows2016 } from '../fixtures/chartInputs.js';
import { MEDSL_2016, ILLUSTRATION } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

type Row = { id: string; result: number; winner: string };
const rowsOf = (spec: unknown) => (spec as { vconcat: [{ data: { values: Row[] } }] }).vconcat[0].data.values;

test('territoryMargins computes result = baseline + A shift − B shift and puts the closest first', () => {
  const spec = territoryMargins(
    {
      sides: ['D', 'R'],
      rows: [
        { id: 'TX', name: 'Texas', baselineMargin: -9.4, shiftA: 1, shiftB: 0 },
        { id: 'WI', name: 'Wisconsin', baselineMargin: -0.8, shiftA: 1, shiftB: 0.3 },
      ],
    },
    { title: 'T', sources: ['S'] },
  );
  const rows = rowsOf(spec);
  assert.deepEqual(rows.map((r) => r.id), ['WI', 'TX']);
  assert.ok(Math.abs(rows[0].result - -0.1) < 1e-12);
  assert.equal(rows[0].winner, 'R');
});

test('territoryMargins with 2016 swing states lists Michigan, Pennsylvania and Wisconsin among the closest', () => {
  const ids = rowsOf(territoryMargins({ sides: ['D', 'R'], rows: territoryRows2016(), limit: 5 }, { title: 'T', sources: ['S'] })).map((r) => r.id);
  for (const id of ['MI', 'PA', 'WI']) assert.ok(ids.includes(id), id);
});

test('territoryMargins rejects a negative shift', () => {
  assert.throws(() => territoryMargins({ sides: ['D', 'R'], rows: [{ id: 'X', name: 'X', baselineMargin: 0, shiftA: -1, shiftB: 0 }] }, { title: 'T', sources: ['S'] }), InputError);
});

test('territoryMargins(2016 swing states) matches its golden spec and SVG', async () => {
  const spec = territoryMargins(
    { sides: ['D', 'R'], rows: territoryRows2016() },
    { title: 'A 0.3 pp net gain flips Michigan only', subtitle: 'Two-party margin before and after both sides mobilise, closest 15 states, 2016 baseline', sources: [MEDSL_2016, ILLUSTRATION] },
  );
  await assertMatchesSnapshot('territoryMargins', spec);
});
