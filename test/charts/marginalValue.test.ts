import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { marginalValue } from '../../src/charts/marginalValue.js';
import { marginalRows2016 } from '../fixtures/chartInputs.js';
import { MEDSL_2016, ILLUSTRATION } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

test('marginalValue shows probability differences in percentage points, highest first, cut to the limit', () => {
  const spec = marginalValue({ side: 'D', limit: 2, rows: [
    { id: 'A', name: 'A', delta: 0.001, low: 0.0005, high: 0.0015 },
    { id: 'B', name: 'B', delta: 0.004, low: 0.003, high: 0.005 },
    { id: 'C', name: 'C', delta: 0.002, low: 0.001, high: 0.003 },
  ] }, { title: 'T', sources: ['S'] });
  const rows = (spec as unknown as { vconcat: [{ data: { values: { id: string; delta: number }[] } }] }).vconcat[0].data.values;
  assert.deepEqual(rows.map((r) => [r.id, r.delta]), [['B', 0.4], ['C', 0.2]]);
});

test('marginalValue rejects an interval with low above high', () => {
  assert.throws(() => marginalValue({ side: 'D', rows: [{ id: 'A', name: 'A', delta: 0.1, low: 0.2, high: 0.1 }] }, { title: 'T', sources: ['S'] }), InputError);
});

test('marginalValue(2016 states) matches its golden spec and SVG', async () => {
  const spec = marginalValue(
    { side: 'D', rows: marginalRows2016() },
    { title: 'A thousand supporters are worth most in Florida and Pennsylvania', subtitle: 'Change in P(Democrat wins) per 1,000 more supporters, with interval', sources: [MEDSL_2016, ILLUSTRATION] },
  );
  await assertMatchesSnapshot('marginalValue', spec);
});
