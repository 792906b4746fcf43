import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalCdf, priorAtNormal, priorShape, shapeAtNormal, NORMAL_Q95 } from '../../src/model/priorDraw.js';
import { createBlockStream } from '../../src/sim/normalStream.js';
import { loadParameters } from '../../src/node/data/loadParameters.js';
import type { Prior } from '../../src/model/types.js';

/** Every {central, low, high} object in a parsed value, with its key path. */
function priorsIn(value: unknown, at: string, out: [string, Prior][]): [string, Prior][] {
  if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.central === 'number' && typeof o.low === 'number' && typeof o.high === 'number') out.push([at, o as unknown as Prior]);
    else for (const [k, v] of Object.entries(o)) priorsIn(v, at ? `${at}.${k}` : k, out);
  }
  return out;
}

/** Mean of priorAtNormal over z ~ N(0, 1) by the trapezoidal rule on [−12, 12] (the kinks at z = 0 and the floor cost < 1e-8). */
function quadratureMean(prior: Prior): number {
  const shape = priorShape(prior);
  const h = 2e-4;
  let sum = 0;
  for (let k = -60000; k <= 60000; k++) {
    const z = k * h;
    const w = k === -60000 || k === 60000 ? 0.5 : 1;
    sum += w * shapeAtNormal(shape, z) * Math.exp((-z * z) / 2);
  }
  return (sum * h) / Math.sqrt(2 * Math.PI);
}

test('normalCdf agrees with published values of the standard normal distribution', () => {
  // Abramowitz & Stegun table 26.1: Φ(1) = 0.8413447461, Φ(2.5) = 0.9937903347; Φ(−1.6448536) = 0.05.
  assert.ok(Math.abs(normalCdf(1) - 0.8413447460685429) < 1e-14);
  assert.ok(Math.abs(normalCdf(2.5) - 0.9937903346742238) < 1e-14);
  assert.ok(Math.abs(normalCdf(-NORMAL_Q95) - 0.05) < 1e-14);
  assert.equal(normalCdf(0), 0.5);
  // Published 95th percentile of the standard normal (Abramowitz & Stegun table 26.5): 1.644854.
  assert.ok(Math.abs(NORMAL_Q95 - 1.644854) < 1e-6);
});

test('every prior in data/parameters.json has a sampled mean equal to its central value', () => {
  const priors = priorsIn(loadParameters(), '', []);
  assert.ok(priors.length > 40, `found ${priors.length} priors`);
  const stream = createBlockStream(12, 0);
  const n = 200_000;
  const z = Float64Array.from({ length: n }, () => stream.normal());
  for (const [at, prior] of priors) {
    // Exact (quadrature) to 1e-6 of the prior's range, and by sampling within 4 standard errors.
    const scale = Math.max(prior.high - prior.low, 1e-12);
    const exact = quadratureMean(prior);
    assert.ok(Math.abs(exact - prior.central) < 1e-6 * scale + 1e-12, `${at}: quadrature mean ${exact} vs central ${prior.central}`);
    const shape = priorShape(prior);
    let sum = 0;
    let sumSq = 0;
    for (let k = 0; k < n; k++) {
      const v = shapeAtNormal(shape, z[k]);
      sum += v;
      sumSq += v * v;
    }
    const mean = sum / n;
    const se = Math.sqrt(Math.max(0, sumSq / n - mean * mean) / n);
    assert.ok(Math.abs(mean - prior.central) <= 4 * se + 1e-12, `${at}: sampled mean ${mean} vs central ${prior.central} (se ${se})`);
  }
});

test('a zero prior has mean zero: {central 0, low 0, high 0.5} draws 0, {central 0, low −0.2, high 0.3} averages 0', () => {
  for (const z of [-3, -1, 0, 0.5, 2, 4]) assert.equal(priorAtNormal({ central: 0, low: 0, high: 0.5 }, z), 0);
  const symmetric = { central: 0, low: -0.2, high: 0.3 };
  assert.ok(Math.abs(quadratureMean(symmetric)) < 1e-9);
  assert.ok(priorAtNormal(symmetric, -3) < 0 && priorAtNormal(symmetric, 3) > 0);
});

test('a non-negative prior never draws below 0 and keeps its spreads; an unbounded one is shifted by (above − below)/sqrt(2π)', () => {
  const door = { central: 4, low: 1, high: 8 };
  const shape = priorShape(door);
  assert.equal(shape.floor, 0);
  assert.ok(Math.abs(shape.below - 3 / NORMAL_Q95) < 1e-12 && Math.abs(shape.above - 4 / NORMAL_Q95) < 1e-12);
  assert.ok(shape.mode < 4, 'a right-skewed range moves the mode below the mean');
  for (let z = -8; z <= 8; z += 0.25) assert.ok(priorAtNormal(door, z) >= 0);
  const email = priorShape({ central: 0, low: -0.2, high: 0.3 });
  assert.equal(email.floor, -Infinity);
  assert.ok(Math.abs(email.mode - -(0.1 / NORMAL_Q95) / Math.sqrt(2 * Math.PI)) < 1e-15);
  assert.equal(priorAtNormal({ central: 2, low: 2, high: 2 }, -3), 2);
});
