import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBlockStream, createBlockUniforms, chiSquareVariate, unitStudentT, unitStudentTFromUniforms, zigguratNormal, blockSeedText, blockGeneratorState, fillDrawNumbers, drawStride, nextInt32, unitStudentTFromState, zigguratSlowPath, ZIGGURAT_K, ZIGGURAT_W } from '../../src/sim/normalStream.js';

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
  const stream = createBlockStream(3, 0);
  const c = moments(Array.from({ length: 100000 }, () => chiSquareVariate(stream, 5)));
  assert.ok(Math.abs(c.mean - 5) < 0.05, String(c.mean));
  assert.ok(Math.abs(c.sd - Math.sqrt(10)) < 0.05, String(c.sd));
});

test('ziggurat normals match the normal distribution function in the body and in the tails (slow path)', () => {
  const state = blockGeneratorState(7, 0);
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
    const x = zigguratNormal(state);
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

test('xoshiro128** follows its reference code, and the block seed fixes the state', () => {
  // Blackman & Vigna's xoshiro128** from the state (1, 2, 3, 4), worked by hand from the reference code:
  // rotl(2 × 5, 7) × 9 = 11520; then s = (7, 0, 1026, 12288) gives 0; then (12295, 1029, 1029, 25165824)
  // gives rotl(1029 × 5, 7) × 9 = 5927040.
  const state = Int32Array.of(1, 2, 3, 4);
  assert.deepEqual([nextInt32(state), nextInt32(state), nextInt32(state)], [11520, 0, 5927040]);
  // Alea seeds the state, so the same (seed, block) gives the same state on every machine.
  assert.deepEqual(Array.from(blockGeneratorState(5, 2)), Array.from(blockGeneratorState(5, 2)));
  assert.notDeepEqual(Array.from(blockGeneratorState(5, 2)), Array.from(blockGeneratorState(5, 3)));
});

test('fillDrawNumbers: a draw\'s numbers do not depend on the batch size, and follow the one-at-a-time protocol', () => {
  const layout = { studentT: 6, normals: 61, uniforms: 1 };
  const stride = drawStride(layout);
  assert.equal(stride, 63);
  const draws = 500;
  const whole = new Float64Array(draws * stride);
  const batched = blockGeneratorState(9, 4);
  fillDrawNumbers(batched, whole, draws, layout);
  const inPieces = blockGeneratorState(9, 4);
  const piece = new Float64Array(7 * stride);
  for (let first = 0; first < draws; first += 7) {
    const count = Math.min(7, draws - first);
    fillDrawNumbers(inPieces, piece, count, layout);
    assert.deepEqual(Array.from(piece.subarray(0, count * stride)), Array.from(whole.subarray(first * stride, (first + count) * stride)));
  }
  assert.deepEqual(Array.from(inPieces), Array.from(batched));
  // The protocol one number at a time: the t, then one integer per normal (accepted on the fast path or
  // kept for later), then the slow path of the kept ones in order, then the uniform.
  const single = blockGeneratorState(9, 4);
  let slowPaths = 0;
  for (let d = 0; d < draws; d++) {
    const o: number = d * stride;
    assert.equal(whole[o], unitStudentTFromState(single, 6), `t of draw ${d}`);
    const pending: [number, number][] = [];
    for (let k = 1; k <= 61; k++) {
      const hz = nextInt32(single);
      const layer = hz & 127;
      if (Math.abs(hz) < ZIGGURAT_K[layer]) assert.equal(whole[o + k], hz * ZIGGURAT_W[layer]);
      else pending.push([k, hz]);
    }
    for (const [k, hz] of pending) assert.equal(whole[o + k], zigguratSlowPath(single, hz), `slow normal ${k} of draw ${d}`);
    slowPaths += pending.length;
    assert.equal(whole[o + 62], (nextInt32(single) >>> 0) / 4294967296, `uniform of draw ${d}`);
  }
  assert.ok(slowPaths > 100, `the slow path was exercised (${slowPaths} times)`);
  assert.deepEqual(Array.from(batched), Array.from(single));
});

test('the kernel\'s batched normals have the normal distribution in the body and in the tails', () => {
  const layout = { studentT: 0, normals: 1000, uniforms: 0 };
  const state = blockGeneratorState(13, 0);
  const out = new Float64Array(1000);
  const n = 1_000_000;
  const cuts = [
    { test: (x: number) => x < -1, p: 0.158655254 },
    { test: (x: number) => x > 2, p: 0.022750132 },
    { test: (x: number) => x > 3.5, p: 0.000232629 },
    { test: (x: number) => x < -3.5, p: 0.000232629 },
  ];
  const counts = cuts.map(() => 0);
  let sum = 0;
  let sumSq = 0;
  for (let r = 0; r < n / 1000; r++) {
    fillDrawNumbers(state, out, 1, layout);
    for (let k = 0; k < 1000; k++) {
      const x = out[k];
      sum += x;
      sumSq += x * x;
      cuts.forEach((c, i) => {
        if (c.test(x)) counts[i]++;
      });
    }
  }
  assert.ok(Math.abs(sum / n) < 4 / Math.sqrt(n));
  assert.ok(Math.abs(sumSq / n - 1) < 0.006);
  cuts.forEach((c, i) => {
    const se = Math.sqrt((c.p * (1 - c.p)) / n);
    assert.ok(Math.abs(counts[i] / n - c.p) < 4 * se, `cut ${i}: ${counts[i] / n} vs ${c.p}`);
  });
});
