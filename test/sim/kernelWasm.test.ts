import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { blockGeneratorState, drawStride, fillDrawNumbers } from '../../src/sim/normalStream.js';
import { KernelArena } from '../../src/sim/wasm/kernelModule.js';

test('the WebAssembly fillNumbers draws the JavaScript stream number for number, column-major, and leaves the same state', () => {
  const layout = { studentT: 6, normals: 79, uniforms: 1 };
  const stride = drawStride(layout);
  const batch = 64;
  const arena = new KernelArena();
  const h = { state: arena.i32(4), out: arena.f64(stride * batch), rejected: arena.i32(2 * layout.normals) };
  const kernel = arena.open();
  const state = arena.view(h.state, 'i32');
  const out = arena.view(h.out);
  const reference = blockGeneratorState(3, 11);
  state.set(reference);
  const expected = new Float64Array(stride * batch);
  let slowPaths = 0;
  // 40 batches of 64 draws, the last one short: ~200,000 normals, so the wedge and tail paths run too.
  for (let b = 0; b < 40; b++) {
    const count = b === 39 ? 37 : batch;
    fillDrawNumbers(reference, expected, count, layout);
    kernel.fillNumbers(arena.offset(h.state), arena.offset(h.out), count, layout.studentT, layout.normals, layout.uniforms, batch, arena.offset(h.rejected));
    for (let k = 0; k < count; k++) {
      for (let j = 0; j < stride; j++) {
        const x = expected[k * stride + j];
        if (j > 0 && j <= layout.normals && Math.abs(x) > 3.3) slowPaths++;
        if (out[j * batch + k] !== x) assert.fail(`batch ${b}, draw ${k}, number ${j}: wasm ${out[j * batch + k]}, JavaScript ${x}`);
      }
    }
    assert.deepEqual(Array.from(state), Array.from(reference), `state after batch ${b}`);
  }
  assert.ok(slowPaths > 50, `the test reached the tail ${slowPaths} times`);
});

test('src/sim/wasm/kernelWasm.ts is the compile of its AssemblyScript source', () => {
  const run = spawnSync(process.execPath, ['scripts/buildKernelWasm.mjs', '--check'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr || run.stdout);
});
