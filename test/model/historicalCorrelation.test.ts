import { test } from 'node:test';
import assert from 'node:assert/strict';
import { historicalCorrelation } from '../../src/model/historicalCorrelation.js';
import type { ElectionResults } from '../../src/model/types.js';

// Five elections, four units: X and Y always swing together, Z and W against each other.
function election(year: number, margins: Record<string, number>): ElectionResults {
  const units = Object.entries(margins).map(([id, m]) => {
    const d = 50000 + 500 * m;
    const r = 50000 - 500 * m;
    return { id, name: id, weight: 1, votes: { D: d, R: r }, total: d + r, winner: d > r ? 'D' : 'R' };
  });
  return { country: 'us', year, sides: ['D', 'R'], units, weightTotals: {}, popularVote: {}, source: 'synthetic' };
}
const swingsXY = [3, -2, 5, -1];
const swingsZ = [1, 2, -3, 0.5];
const history: ElectionResults[] = [];
const margin = { X: 0, Y: 10, Z: -5, W: 5 };
history.push(election(2000, margin));
swingsXY.forEach((s, k) => {
  margin.X += s;
  margin.Y += s;
  margin.Z += swingsZ[k];
  margin.W -= swingsZ[k];
  history.push(election(2004 + 4 * k, margin));
});

function correlationFromCholesky(l: number[], n: number): number[][] {
  return Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => l.slice(i * n, i * n + n).reduce((s, v, k) => s + v * l[j * n + k], 0)));
}

test('historicalCorrelation makes units that swing together correlated and keeps a unit diagonal', () => {
  const est = historicalCorrelation(history, ['X', 'Y', 'Z', 'W'], ['D', 'R']);
  assert.deepEqual(est.years, [2000, 2004, 2008, 2012, 2016]);
  assert.ok(est.shrinkage >= 0 && est.shrinkage <= 1);
  const r = correlationFromCholesky(est.cholesky, 4);
  for (let i = 0; i < 4; i++) assert.ok(Math.abs(r[i][i] - 1) < 1e-9);
  assert.ok(r[0][1] > 0.1, `X-Y ${r[0][1]}`);
  assert.ok(r[2][3] < -0.1, `Z-W ${r[2][3]}`);
  assert.ok(r[0][1] < 1);
});

test('historicalCorrelation needs three elections', () => {
  assert.throws(() => historicalCorrelation(history.slice(0, 2), ['X'], ['D', 'R']), /history must be at least three past elections, got 2/);
});
