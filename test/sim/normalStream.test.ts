import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBlockStream, createBlockUniforms, chiSquareFromUniforms, unitStudentT, unitStudentTFromUniforms, zigguratNormal, blockSeedText } from '../../src/sim/normalStream.js';

function moments(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / n;
  const kurtosis = xs.reduce((s, x) => s + (x - mean) ** 4, 0) / n / variance ** 2 - 3;
  return { mean, sd: Math.sqrt(variance), kurtosis };
}

test('createBlockStream: same (seed, block) gives the same normals, another block others', () => {
  const a = createBlockStream(5, 2);
  const b = createBlockStream(5, 2);
  const c = createBlockStream(5, 3);
  const xa = [a.normal(), a.normal(), a.normal()];
  assert.deepEqual([b.normal(), b.normal(), b.normal()], xa);
  assert.notDeepEqual([c.normal(), c.normal(), c.normal()], xa);
  assert.equal(blockSeedText(5, 2), 'campaign-lab/5/2');
});

test('normals have mean 0 and SD 1 within sampling error', () => {
  const s = createBlockStream(1, 0);
  const m = moments(Array.from({ length: 200000 }, () => s.normal()));
  assert.ok(Math.abs(m.mean) < 4 / Math.sqrt(200000));
  assert.ok(Math.abs(m.sd - 1) < 0.01);
  assert.ok(Math.abs(m.kurtosis) < 0.1);
});

test('unit Student-t has SD 1 and fat tails; chi-square has mean df and variance 2 df', () => {
  const s = createBlockStream(2, 0);
  const t = moments(Array.from({ length: 200000 }, () => unitStudentT(s, 8)));
  assert.ok(Math.abs(t.sd - 1) < 0.02, String(t.sd));
  // Excess kurtosis of t with 8 df: 6 / (8 - 4) = 1.5.
  assert.ok(t.kurtosis > 0.9 && t.kurtosis < 2.3, String(t.kurtosis));
  const next = createBlockUniforms(3, 0);
  const c = moments(Array.from({ length: 100000 }, () => chiSquareFromUniforms(next, 5)));
  assert.ok(Math.abs(c.mean - 5) < 0.05, String(c.mean));
  assert.ok(Math.abs(c.sd - Math.sqrt(10)) < 0.05, String(c.sd));
});

test('ziggurat normals match the normal distribution function in the body and in the tails (slow path)', () => {
  const next = createBlockUniforms(7, 0);
  const n = 1_000_000;
  // Published values of the standard normal distribution function: Phi(-1) = 0.158655254,
  // 1 - Phi(2) = 0.022750132, 1 - Phi(3.5) = 0.000232629 (beyond the ziggurat's base edge r = 3.4426).
  const cuts = [
    { test: (x: number) => x < -1, p: 0.158655254 },
    { test: (x: number) => x > 2, p: 0.022750132 },
    { test: (x: number) => x > 3.5, p: 0.000232629 },
    { test: (x: number) => x < -3.5, p: 0.000232629 },
  ];
  const counts = cuts.map(() => 0);
  for (let k = 0; k < n; k++) {
    const x = zigguratNormal(next);
    cuts.forEach((c, i) => {
      if (c.test(x)) counts[i]++;
    });
  }
  cuts.forEach((c, i) => {
    const se = Math.sqrt((c.p * (1 - c.p)) / n);
    assert.ok(Math.abs(counts[i] / n - c.p) < 4 * se, `cut ${i}: ${counts[i] / n} vs ${c.p}`);
  });
});

test('Bailey polar Student-t: P(T > 2) for 5 df matches the t distribution function', () => {
  // For 5 df, P(T > 2) = 0.050969739 (t tables); the unit-SD draw is T × sqrt(3 / 5).
  const next = createBlockUniforms(8, 0);
  const n = 400_000;
  let above = 0;
  for (let k = 0; k < n; k++) if (unitStudentTFromUniforms(next, 5) / Math.sqrt(3 / 5) > 2) above++;
  const p = 0.050969739;
  assert.ok(Math.abs(above / n - p) < 4 * Math.sqrt((p * (1 - p)) / n), String(above / n));
});
