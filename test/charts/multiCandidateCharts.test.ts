import { test } from 'node:test';
import assert from 'node:assert/strict';
import { candidateProbabilities } from '../../src/charts/candidateProbabilities.js';
import { seatHistogram } from '../../src/charts/seatHistogram.js';
import { transferMatrix } from '../../src/charts/transferMatrix.js';
import { InputError } from '../../src/errors.js';

const options = { title: 'T', sources: ['S'] };

test('candidateProbabilities: one row per candidate in the given order, P(round 2) beside P(win) when the rule has a round 2', () => {
  const spec = candidateProbabilities(
    [
      { party: 'RN', name: 'Marine Le Pen', pWin: 0.2, pQualify: 0.7 },
      { party: 'LREM', name: 'Emmanuel Macron', pWin: 0.8, pQualify: 1 },
    ],
    options,
  ) as unknown as { vconcat: [{ data: { values: { name: string; measure: string; p: number }[] }; encoding: { y: { sort: string[] } } }]; usermeta: { chart: string } };
  assert.equal(spec.usermeta.chart, 'candidateProbabilities');
  const plot = spec.vconcat[0];
  assert.deepEqual(plot.encoding.y.sort, ['Marine Le Pen', 'Emmanuel Macron']);
  assert.deepEqual(plot.data.values.map((r) => [r.name, r.measure, r.p]), [
    ['Marine Le Pen', 'P(reaches round 2)', 0.7],
    ['Marine Le Pen', 'P(wins)', 0.2],
    ['Emmanuel Macron', 'P(reaches round 2)', 1],
    ['Emmanuel Macron', 'P(wins)', 0.8],
  ]);
  assert.throws(() => candidateProbabilities([{ party: 'A', name: 'A', pWin: 1.5, pQualify: null }], options), InputError);
  assert.throws(() => candidateProbabilities([], options), InputError);
});

test('seatHistogram: each party on the range of seats it gets, padded; the majority rule only where in range; shares must sum to 1', () => {
  const spec = seatHistogram(
    [
      { party: 'CPC', name: 'CPC', distribution: [...Array(150).fill(0), 0.25, 0.5, 0.25, ...Array(10).fill(0)] },
      { party: 'GPC', name: 'GPC', distribution: [0.1, 0.9, 0, 0, 0, 0, 0] },
    ],
    options,
    152,
  ) as unknown as { vconcat: [{ vconcat: { data: { values: { seats: number }[] }; layer: unknown[] }[] }] };
  const [cpc, gpc] = spec.vconcat[0].vconcat;
  assert.deepEqual([cpc!.data.values[0]!.seats, cpc!.data.values.at(-1)!.seats], [148, 154]);
  assert.equal(cpc!.layer.length, 2);
  assert.equal(gpc!.layer.length, 1);
  assert.throws(() => seatHistogram([{ party: 'A', name: 'A', distribution: [0.5, 0.4] }], options), InputError);
});

test('transferMatrix: one cell per origin and destination in order, assumed rows marked, shares checked', () => {
  const spec = transferMatrix(
    [
      { origin: 'LFI', shares: { LREM: 0.42, RN: 0.17, blank_null: 0.17, abstention: 0.24 } },
      { origin: 'REC', shares: { LREM: 0.25, RN: 0.25, blank_null: 0.25, abstention: 0.25 }, assumed: true },
    ],
    [{ code: 'LREM', label: 'Macron' }, { code: 'RN', label: 'Le Pen' }],
    options,
  ) as unknown as { vconcat: [{ data: { values: { origin: string; destination: string; share: number }[] } }] };
  assert.deepEqual(spec.vconcat[0].data.values.map((v) => [v.origin, v.destination, v.share]), [
    ['LFI', 'Macron', 0.42],
    ['LFI', 'Le Pen', 0.17],
    ['REC (assumed)', 'Macron', 0.25],
    ['REC (assumed)', 'Le Pen', 0.25],
  ]);
  assert.throws(() => transferMatrix([{ origin: 'X', shares: { A: 2 } }], [{ code: 'A', label: 'A' }], options), InputError);
});
