import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marginCdf, marginInterval, marginProbabilityPositive, marginQuantile, studentTNodes } from '../../src/polls/marginDistribution.js';

const close = (a: number, b: number, tol: number, what: string) => assert.ok(Math.abs(a - b) <= tol, `${what}: ${a} vs ${b}`);

test('marginDistribution with a normal national term is the normal of the summed variance', () => {
  const d = { mean: 1, nationalSD: 3, tails: 1e6, otherSD: 4 };
  // SD 5: the 95th percentile is 1 + 1.6448536 × 5 (R: qnorm(0.95, 1, 5) = 9.224268).
  close(marginQuantile(d, 0.95), 9.224268, 1e-5, 'q95');
  close(marginProbabilityPositive(d), 0.5792597, 2e-7, 'P(>0)'); // R: pnorm(0.2)
});

test('marginDistribution with a Student-t national term matches the t quantiles and a Monte Carlo of the sum', () => {
  const { t, w } = studentTNodes(5);
  close(t.reduce((s, x, k) => s + w[k] * x * x, 0), 1, 1e-3, 'unit variance');
  // t(4) national SD 2 plus normal SD 1.5, by simulation (seeded Box–Muller, 400,000 draws).
  let seed = 12345;
  const uniform = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) + 0.5) / 4294967296;
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  const draws = 400_000;
  let below = 0;
  for (let i = 0; i < draws; i++) {
    let chi = 0;
    for (let k = 0; k < 4; k++) chi += normal() ** 2;
    const tDraw = (normal() / Math.sqrt(chi / 4)) * Math.sqrt(2 / 4);
    if (2 * tDraw + 1.5 * normal() <= 3) below++;
  }
  close(marginCdf({ mean: 0, nationalSD: 2, tails: 4, otherSD: 1.5 }, 3), below / draws, 0.003, 'cdf(3)');
  const i90 = marginInterval({ mean: 2, nationalSD: 2, tails: 4, otherSD: 1.5 });
  close(i90.low + i90.high, 4, 1e-5, 'symmetric about the mean');
});
