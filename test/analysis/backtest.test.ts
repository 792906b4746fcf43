import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backtest, scoreForecasts, calibrationTable, forecastScenario } from '../../src/analysis/backtest.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { prepareModel } from '../../src/sim/prepareModel.js';
import { simulate } from '../../src/sim/simulate.js';
import { race, resultFromMargins } from './fixtures.js';

test('scoreForecasts: Brier and log score by hand', () => {
  const s = scoreForecasts(
    [
      { year: 1, id: 'a', p: 0.8, outcome: 1 },
      { year: 1, id: 'b', p: 0.4, outcome: 0 },
      { year: 1, id: 'c', p: 0, outcome: 1 },
    ],
    0.01,
  );
  assert.ok(Math.abs(s.brier - (0.04 + 0.16 + 1) / 3) < 1e-12);
  assert.ok(Math.abs(s.logScore - (Math.log(0.8) + Math.log(0.6) + Math.log(0.01)) / 3) < 1e-12);
  assert.equal(s.count, 3);
});

test('calibrationTable bins forecasts and reports observed frequencies', () => {
  const f = [0.05, 0.07, 0.55, 0.62, 0.68, 1].map((p, i) => ({ year: 1, id: String(i), p, outcome: (i === 1 || i >= 3 ? 1 : 0) as 0 | 1 }));
  assert.deepEqual(calibrationTable(f, 2), [
    { low: 0, high: 0.5, count: 2, predicted: (0.05 + 0.07) / 2, observed: 0.5 },
    { low: 0.5, high: 1, count: 4, predicted: (0.55 + 0.62 + 0.68 + 1) / 4, observed: 0.75 },
  ]);
});

test('backtest scores a stub forecaster and prefers the grid point that forecasts better', () => {
  // Two years, one unit each. The stub says P(D wins) = 0.9 when territory SD = 1, and 0.6 when SD = 5;
  // D wins both years, so SD 1 scores better: Brier 0.01 vs 0.16, log ln 0.9 vs ln 0.6.
  const results = (year: number) => race(year, [['X', 1, year >= 2004 ? 60 : 40, 50]]);
  const out = backtest({
    years: [2004, 2008],
    simulations: 10,
    grid: { national: [0], regional: [0], territory: [5, 1], tails: [5] },
    results,
    simulate: (scenario) => {
      const wins = scenario.uncertainty.territory === 1 ? 9 : 6;
      return resultFromMargins(Array.from({ length: 10 }, (_, d) => [d < wins ? 1 : -1]), [1], ['X']);
    },
  });
  assert.equal(out.best.uncertainty.territory, 1);
  assert.ok(Math.abs(out.best.units.brier - 0.01) < 1e-12);
  assert.ok(Math.abs(out.best.units.logScore - Math.log(0.9)) < 1e-12);
  assert.ok(Math.abs(out.points[1].units.brier - 0.16) < 1e-12);
  assert.equal(out.best.national.count, 2);
  // forecasts of 2004 use 2000's margins (D 40 vs R 50) with 2004's weights
  const s = forecastScenario(results(2000), results(2004), { national: 1, regional: 1, territory: 1, tails: 5 });
  assert.deepEqual(s.territories[0].votes, { D: 40, R: 50 });
});

test('backtest 2004–2024 on the engine at a reduced size beats a naive forecast', () => {
  const out = backtest({
    simulations: 1000,
    grid: { national: [1, 5.2], regional: [3.3], territory: [4.4], tails: [5] },
    results: (year) => loadResults({ country: 'us', year }),
    simulate: (s, o) => simulate(prepareModel(s), o),
  });
  assert.equal(out.best.units.count, 6 * 56);
  assert.equal(out.best.national.count, 6);
  // a coin flip on every unit scores Brier 0.25 and log ln 0.5 = -0.693; previous margins do far better
  assert.ok(out.best.units.brier < 0.1, `Brier ${out.best.units.brier}`);
  assert.ok(out.best.units.logScore > -0.4, `log ${out.best.units.logScore}`);
  // a national SD of 1 pp is overconfident against swings of several points: it must lose
  assert.equal(out.best.uncertainty.national, 5.2);
  const counted = out.calibration.reduce((s, b) => s + b.count, 0);
  assert.equal(counted, 336);
});
