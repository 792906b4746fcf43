import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { usComparison2000to2024 } from '../../src/charts/usComparison2000to2024.js';
import { US_COMPARISON_YEARS } from '../fixtures/chartInputs.js';
import { MEDSL_2016, FACTS_LISTS } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

test('usComparison2000to2024 marks unknown list sizes as not available instead of zero-height bars', () => {
  const spec = usComparison2000to2024({ sides: ['D', 'R'], years: [{ year: 2008, winner: 'D', listSizes: { D: 13e6, R: null }, tippingPoint: { unit: 'CO', margin: 9.1 }, votesToFlip: 990629 }] }, { title: 'T', sources: ['S'] });
  const lists = (spec as unknown as { vconcat: [{ vconcat: [{ data: { values: { side: string; known: boolean }[] } }] }] }).vconcat[0].vconcat[0].data.values;
  assert.deepEqual(lists.map((l) => [l.side, l.known]), [['D', true], ['R', false]]);
});

test('usComparison2000to2024 rejects zero votes to flip', () => {
  assert.throws(() => usComparison2000to2024({ sides: ['D', 'R'], years: [{ year: 2000, winner: 'R', listSizes: {}, tippingPoint: { unit: 'FL', margin: 0 }, votesToFlip: 0 }] }, { title: 'T', sources: ['S'] }), InputError);
});

test('usComparison2000to2024 matches its golden spec and SVG', async () => {
  const spec = usComparison2000to2024(
    { sides: ['D', 'R'], years: US_COMPARISON_YEARS },
    { title: 'The bigger list won in 2004, 2008 and 2012, and lost in 2016 and 2020', subtitle: 'Supporter lists, tipping-point margins and the fewest new votes that flip the result', sources: [FACTS_LISTS, MEDSL_2016, 'UCSB American Presidency Project 2024'] },
  );
  await assertMatchesSnapshot('usComparison2000to2024', spec);
});
