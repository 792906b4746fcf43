import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { allocationComparison } from '../../src/charts/allocationComparison.js';
import { ALLOCATION_STRATEGIES } from '../fixtures/chartInputs.js';
import { ILLUSTRATION } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

test('allocationComparison groups territories beyond the top ones as "All others"', () => {
  const spec = allocationComparison({ side: 'D', topTerritories: 1, strategies: [
    { name: 'S', pWin: 0.5, low: 0.45, high: 0.55, shares: [{ territory: 'PA', share: 0.6 }, { territory: 'WI', share: 0.3 }, { territory: 'MI', share: 0.1 }] },
  ] }, { title: 'T', sources: ['S'] });
  const shares = (spec as unknown as { vconcat: [{ hconcat: [unknown, { data: { values: { territory: string; share: number }[] } }] }] }).vconcat[0].hconcat[1].data.values;
  assert.deepEqual(shares.map((s) => s.territory), ['PA', 'All others']);
  assert.ok(Math.abs(shares[1].share - 0.4) < 1e-12);
});

test('allocationComparison rejects a negative share', () => {
  assert.throws(() => allocationComparison({ side: 'D', strategies: [{ name: 'S', pWin: 0.5, low: 0.4, high: 0.6, shares: [{ territory: 'PA', share: -0.1 }] }] }, { title: 'T', sources: ['S'] }), InputError);
});

test('allocationComparison(three strategies) matches its golden spec and SVG', async () => {
  const spec = allocationComparison(
    { side: 'D', strategies: ALLOCATION_STRATEGIES },
    { title: 'Concentrating the budget beats spreading it', subtitle: 'P(Democrat wins) and where each strategy spends the same budget', sources: [ILLUSTRATION] },
  );
  await assertMatchesSnapshot('allocationComparison', spec);
});
