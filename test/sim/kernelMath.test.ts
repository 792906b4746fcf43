import { test } from 'node:test';
import assert from 'node:assert/strict';
import { KernelArena } from '../../src/sim/wasm/kernelModule.js';

// The kernel's logarithm and e^x − 1 (fdlibm ports in src/sim/wasm/assembly/kernel.ts) against the engine's
// Math.log and Math.expm1, which the JavaScript stream (src/sim/normalStream.ts) uses: the two streams stay
// the same number for number only while these agree to the last bit.

function lcg(seed: number): () => number {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 4294967296;
}

/** Doubles from their bits: every exponent, sign and mantissa with equal chance. */
function anyDouble(random: () => number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setUint32(0, Math.floor(random() * 4294967296));
  view.setUint32(4, Math.floor(random() * 4294967296));
  return view.getFloat64(0);
}

function logArguments(): number[] {
  const random = lcg(25);
  const xs: number[] = [];
  // The draws' own arguments: 1 − u (the ziggurat's tail) and u² + v² < 1 (the Student-t), u and v integers × 2^-32 or 2^-31.
  for (let i = 0; i < 400_000; i++) xs.push(1 - Math.floor(random() * 4294967296) * 2 ** -32);
  for (let i = 0; i < 400_000; i++) {
    const u = (Math.floor(random() * 4294967296) - 2147483648) * 2 ** -31;
    const v = (Math.floor(random() * 4294967296) - 2147483648) * 2 ** -31;
    xs.push(u * u + v * v);
  }
  for (let i = 0; i < 200_000; i++) xs.push(1 + (random() - 0.5) * 2 ** -18); // |f| < 2^-20 and just past it
  for (let i = 0; i < 400_000; i++) xs.push(anyDouble(random)); // every exponent, subnormals, negatives, NaN
  xs.push(0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, Math.E, 2, 0.5, Math.SQRT2, Math.SQRT1_2);
  return xs;
}

function expm1Arguments(): number[] {
  const random = lcg(26);
  const xs: number[] = [];
  // The Student-t's argument: (−2 / df) × log(w), w in (0, 1), df from 3 to 100.
  for (let i = 0; i < 400_000; i++) xs.push((-2 / (3 + Math.floor(random() * 98))) * Math.log(random() || 0.5));
  for (let i = 0; i < 300_000; i++) xs.push((random() - 0.5) * 3); // k = 0, ±1, ±2 and the 0.5 ln2, 1.5 ln2 bounds
  for (let i = 0; i < 200_000; i++) xs.push((random() - 0.5) * 1500); // large k, k < 20 and ≥ 20, k > 56, overflow, −1
  for (let i = 0; i < 100_000; i++) xs.push((random() - 0.5) * 2 ** -50); // |x| < 2^-54 and just above
  for (let i = 0; i < 200_000; i++) xs.push(anyDouble(random));
  const edges = [0.34657359027997264, 1.0397207708399179, 38.816242111356935, 709.782712893384, 709.7822265625, 5.551115123125783e-17];
  for (const e of edges) for (const x of [e, -e, e * (1 + 2 ** -52), e * (1 - 2 ** -53)]) xs.push(x);
  xs.push(0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, 710, -746, -0.25, 0.25);
  return xs;
}

test('the kernel\'s fdlibmLog is the engine\'s Math.log bit for bit', () => {
  const kernel = new KernelArena().open();
  let checked = 0;
  for (const x of logArguments()) {
    const wasm = kernel.fdlibmLog(x);
    if (!Object.is(wasm, Math.log(x))) assert.fail(`log(${x}): WebAssembly ${wasm}, Math.log ${Math.log(x)}`);
    checked++;
  }
  assert.ok(checked > 1_400_000);
  assert.equal(kernel.fdlibmLog(Math.E), 1);
  assert.equal(kernel.fdlibmLog(0), -Infinity);
  assert.ok(Number.isNaN(kernel.fdlibmLog(-1)));
});

test('the kernel\'s fdlibmExpm1 is the engine\'s Math.expm1 bit for bit', () => {
  const kernel = new KernelArena().open();
  for (const x of expm1Arguments()) {
    const wasm = kernel.fdlibmExpm1(x);
    if (!Object.is(wasm, Math.expm1(x))) assert.fail(`expm1(${x}): WebAssembly ${wasm}, Math.expm1 ${Math.expm1(x)}`);
  }
  assert.equal(kernel.fdlibmExpm1(0), 0);
  assert.equal(kernel.fdlibmExpm1(-Infinity), -1);
  assert.equal(kernel.fdlibmExpm1(1e-20), 1e-20);
});
