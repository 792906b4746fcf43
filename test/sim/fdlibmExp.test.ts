import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fdlibmExp } from '../../src/sim/fdlibmExp.js';
import { KernelArena } from '../../src/sim/wasm/kernelModule.js';

/** Arguments over every branch: the draw's range, both reductions, the tiny and the extreme ranges, the edges. */
function argumentsToTry(): number[] {
  let seed = 20;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  const xs: number[] = [];
  for (let i = 0; i < 600_000; i++) xs.push((random() - 0.5) * 0.8); // |x| < 0.4: k = 0 and k = ±1
  for (let i = 0; i < 200_000; i++) xs.push((random() - 0.5) * 3); // k = ±1, ±2
  for (let i = 0; i < 200_000; i++) xs.push((random() - 0.5) * 1500); // large k, overflow, underflow, subnormal results
  for (let i = 0; i < 50_000; i++) xs.push((random() - 0.5) * 1e-8); // |x| < 2^-28
  const edges = [0.3465735912322998, 1.0397205352783203, 3.725290298461914e-9, 709.7822265625, 709.782712893384, -745.1332191019411, -708.4, -709.1];
  for (const e of edges) for (const x of [e, -e, e * (1 + 2 ** -52), e * (1 - 2 ** -53)]) xs.push(x);
  xs.push(0, -0, 1, -1, Infinity, -Infinity, NaN, 5e-324, 1e-300, 710, -746);
  return xs;
}

test('fdlibmExp is V8\'s Math.exp bit for bit (the figures of the multi-candidate reference did not move when it replaced Math.exp)', () => {
  for (const x of argumentsToTry()) {
    if (!Object.is(fdlibmExp(x), Math.exp(x))) assert.fail(`fdlibmExp(${x}) = ${fdlibmExp(x)}, Math.exp = ${Math.exp(x)}`);
  }
});

test('the WebAssembly kernel\'s fdlibmExp is the JavaScript port bit for bit, and close to e^x', () => {
  const arena = new KernelArena();
  const kernel = arena.open();
  for (const x of argumentsToTry()) {
    const wasm = kernel.fdlibmExp(x);
    if (!Object.is(wasm, fdlibmExp(x))) assert.fail(`exp(${x}): WebAssembly ${wasm}, JavaScript ${fdlibmExp(x)}`);
  }
  assert.equal(fdlibmExp(1), Math.E);
  assert.equal(fdlibmExp(0), 1);
  assert.equal(fdlibmExp(-Infinity), 0);
  assert.ok(Number.isNaN(kernel.fdlibmExp(NaN)));
  // e^(ln 10) within an ulp of 10 (the method's error bound is below 1 ulp).
  assert.ok(Math.abs(fdlibmExp(Math.LN10) - 10) <= 2 * Number.EPSILON * 10);
});
