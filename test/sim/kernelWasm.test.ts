import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { blockGeneratorState, drawStride, fillDrawNumbers } from '../../src/sim/normalStream.js';
import { KernelArena } from '../../src/sim/wasm/kernelModule.js';
import { tippingUnitBySelect } from '../../src/sim/tippingUnit.js';

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

test('the WebAssembly selectBatch finds tippingUnitBySelect\'s tipping unit in every draw (national-vote rules), ties and short batches included', () => {
  // 700 units (not all candidates), unit-major margins in rows of 72 as the draw loop lays them out; margins
  // on a 0.5 pp grid so that keys tie, weights (two-party votes) with repeats; strict and non-strict thresholds.
  const units = 700;
  const row = 72;
  let seed = 12345;
  const random = () => ((seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0) / 4294967296);
  // 601 candidates: an odd count, so the bracket pass's two-at-a-time loop leaves one to its tail.
  const candidates = Int32Array.from([...Array(units).keys()].filter((u) => u % 7 !== 3 || u === 3));
  const arena = new KernelArena();
  const h = {
    margins: arena.f64(units * row), votes: arena.f64(row), candidates: arena.i32(candidates.length), weight: arena.f64(units), scale: arena.f64(units),
    keys: arena.f64(8 * candidates.length), order: arena.i32(candidates.length), orderKeys: arena.f64(candidates.length), candidateWeights: arena.f64(candidates.length), out: arena.i32(row),
  };
  const kernel = arena.open();
  const margins = arena.view(h.margins);
  const votes = arena.view(h.votes);
  const weight = arena.view(h.weight);
  const scale = arena.view(h.scale);
  arena.view(h.candidates, 'i32').set(candidates);
  for (let u = 0; u < units; u++) {
    weight[u] = 1000 * (1 + Math.floor(random() * 50));
    scale[u] = u % 5 === 0 ? 1 : 0.9 + 0.1 * random();
  }
  const total = candidates.reduce((sum, u) => sum + weight[u], 0);
  arena.view(h.candidateWeights).set(Array.from(candidates, (u) => weight[u]!));
  const out = arena.view(h.out, 'i32');
  let checked = 0;
  // Margins on a grid of half points (many equal keys: the bracket must hand ties to the quickselect) and
  // continuous ones; with the bracket (exactSums 1, the weights are whole numbers) and without.
  const cases: [number, boolean, number, boolean, number][] = [];
  for (const exactSums of [0, 1]) for (const grid of [true, false]) cases.push([64, true, total / 2, grid, exactSums], [61, false, total / 2, grid, exactSums], [5, true, total / 3, grid, exactSums]);
  for (const [count, strict, threshold, grid, exactSums] of cases) {
    for (let u = 0; u < units; u++) for (let k = 0; k < count; k++) margins[u * row + k] = grid ? Math.round((random() - 0.5) * 40) / 2 : (random() - 0.5) * 20 + (k % 3);
    for (let k = 0; k < count; k++) votes[k] = k === 7 ? 0 : (random() - 0.5) * 1e6;
    kernel.selectBatch(count, arena.offset(h.margins), row, arena.offset(h.votes), 1e8, arena.offset(h.candidates), candidates.length, arena.offset(h.weight), arena.offset(h.scale), threshold, strict ? 1 : 0, arena.offset(h.keys), arena.offset(h.order), arena.offset(h.orderKeys), arena.offset(h.candidateWeights), arena.offset(h.out), exactSums);
    for (let k = 0; k < count; k++) {
      const winner = votes[k] > 0 ? 1 : votes[k] < 0 ? -1 : 0;
      const expected = winner === 0 ? -1 : tippingUnitBySelect(candidates.slice(), margins, k, winner, weight, scale, threshold, strict, row);
      assert.equal(out[k], expected, `count ${count}, draw ${k}`);
      checked++;
    }
  }
  assert.equal(checked, 4 * 130);
});

test('selectBatch with the bracket gives the quickselect\'s unit when a key is NaN (the quickselect places it beside any pivot)', () => {
  const units = 3;
  const row = 72;
  const arena = new KernelArena();
  const h = {
    margins: arena.f64(units * row), votes: arena.f64(row), candidates: arena.i32(units), weight: arena.f64(units), scale: arena.f64(units),
    keys: arena.f64(8 * units), order: arena.i32(units), orderKeys: arena.f64(units), candidateWeights: arena.f64(units), out: arena.i32(row),
  };
  const kernel = arena.open();
  const margins = arena.view(h.margins);
  const weight = arena.view(h.weight);
  const scale = arena.view(h.scale);
  const candidates = Int32Array.of(0, 1, 2);
  arena.view(h.candidates, 'i32').set(candidates);
  weight.set([1, 1, 1]);
  arena.view(h.candidateWeights).set([1, 1, 1]);
  scale.set([1, 1, 1]);
  margins[0] = 5;
  margins[row] = NaN;
  margins[2 * row] = 3;
  arena.view(h.votes)[0] = 3; // national margin 3: the bracket sits around 3, the NaN key outside it
  const expected = tippingUnitBySelect(candidates.slice(), margins, 0, 1, weight, scale, 2, false, row);
  for (const exactSums of [0, 1]) {
    kernel.selectBatch(1, arena.offset(h.margins), row, arena.offset(h.votes), 1, arena.offset(h.candidates), 3, arena.offset(h.weight), arena.offset(h.scale), 2, 0, arena.offset(h.keys), arena.offset(h.order), arena.offset(h.orderKeys), arena.offset(h.candidateWeights), arena.offset(h.out), exactSums);
    assert.equal(arena.view(h.out, 'i32')[0], expected, `exactSums ${exactSums}`);
  }
});
