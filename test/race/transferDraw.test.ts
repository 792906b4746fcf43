import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createBlockStream } from '../../src/sim/normalStream.js';
import { createTransferDraw, drawTransfers, gammaAnyShape, transferShares } from '../../src/race/transferDraw.js';
import { defaultTransferPrior, transferPriorFromRows } from '../../src/race/transferPrior.js';
import { loadPresidentialRace, loadTransferPrior } from '../../src/node/data/loadMultiCandidateRace.js';

const parties = loadPresidentialRace({ year: 2022 }).parties;
const prior = loadTransferPrior(parties, 2022);
const P = parties.length;
const LREM = parties.indexOf('LREM');
const RN = parties.indexOf('RN');
const LR = parties.indexOf('LR');

/** Mean and variance of the shares of `origin` over `n` simulated elections, for the finalist parties given. */
function momentsOf(origin: number, finalists: number[], n: number, seed: number): { mean: number[]; variance: number[] } {
  const stream = createBlockStream(seed, 0);
  const draw = createTransferDraw(prior);
  const shares = new Float64Array(P + 2);
  const f = Int32Array.from(finalists);
  const k = finalists.length + 2;
  const sum = new Float64Array(k);
  const sq = new Float64Array(k);
  for (let i = 0; i < n; i++) {
    drawTransfers(prior, stream, draw);
    transferShares(prior, draw, origin, f, finalists.length, shares);
    for (let j = 0; j < k; j++) {
      sum[j] += shares[j]!;
      sq[j] += shares[j]! * shares[j]!;
    }
  }
  const mean = [...sum].map((s) => s / n);
  return { mean, variance: [...sq].map((s, j) => s / n - mean[j]! * mean[j]!) };
}

test('every drawn transfer row sums to 1, over all destinations and over any finalist set', () => {
  const stream = createBlockStream(7, 0);
  const draw = createTransferDraw(prior);
  const shares = new Float64Array(P + 2);
  const all = Int32Array.from({ length: P }, (_, i) => i);
  for (let i = 0; i < 200; i++) {
    drawTransfers(prior, stream, draw);
    for (let origin = 0; origin < P + 2; origin++) {
      for (const [finalists, m] of [[all, P], [Int32Array.of(LREM, RN), 2], [Int32Array.of(RN, LR, 3), 3]] as const) {
        transferShares(prior, draw, origin, finalists, m, shares);
        const total = shares.subarray(0, m + 2).reduce((a, b) => a + b, 0);
        assert.ok(Math.abs(total - 1) < 1e-12, `row ${origin}, ${m} finalists: ${total}`);
        assert.ok(shares.subarray(0, m + 2).every((x) => x >= 0));
      }
    }
  }
});

test('the mean of 20,000 drawn rows is the survey\'s shares within 4 standard errors, and their variance p(1 - p)/(c + 1) within 10 %', () => {
  const n = 20000;
  // data/fr_transfers.json, Ipsos 2022: Mélenchon's voters (c = 632), Pécresse's (c = 137): LREM, RN, blank/null, abstention.
  for (const [origin, shares, c] of [
    ['LFI', [0.42, 0.17, 0.17, 0.24], 632],
    ['LR', [0.53, 0.18, 0.14, 0.15], 137],
  ] as const) {
    const { mean, variance } = momentsOf(parties.indexOf(origin), [LREM, RN], n, 2022);
    shares.forEach((p, j) => {
      const dirichletVariance = (p * (1 - p)) / (c + 1);
      const se = Math.sqrt(dirichletVariance / n);
      assert.ok(Math.abs(mean[j]! - p) < 4 * se, `${origin} destination ${j}: mean ${mean[j]} vs ${p} (4 SE = ${4 * se})`);
      assert.ok(Math.abs(variance[j]! / dirichletVariance - 1) < 0.1, `${origin} destination ${j}: variance ${variance[j]} vs ${dirichletVariance}`);
    });
  }
});

test('a finalist set the survey did not measure takes the flat default: mean 1/4, variance 3/80 per destination', () => {
  const n = 20000;
  const { mean, variance } = momentsOf(parties.indexOf('LFI'), [LREM, LR], n, 5);
  // Dirichlet(1, 1, 1, 1): mean 1/4, variance (1/4)(3/4)/5 = 0.0375.
  for (let j = 0; j < 4; j++) {
    assert.ok(Math.abs(mean[j]! - 0.25) < 4 * Math.sqrt(0.0375 / n), `destination ${j}: mean ${mean[j]}`);
    assert.ok(Math.abs(variance[j]! / 0.0375 - 1) < 0.1, `destination ${j}: variance ${variance[j]}`);
  }
});

test('round-1 non-voters abstain again by default, in every draw', () => {
  const draw = createTransferDraw(prior);
  const shares = new Float64Array(P + 2);
  drawTransfers(prior, createBlockStream(3, 0), draw);
  transferShares(prior, draw, P + 1, Int32Array.of(LREM, RN), 2, shares);
  assert.deepEqual([...shares.subarray(0, 4)], [0, 0, 0, 1]);
});

test('gammaAnyShape below shape 1 has mean and variance equal to the shape (Marsaglia-Tsang boost), and shape 0 gives 0', () => {
  const stream = createBlockStream(11, 0);
  const n = 40000;
  for (const shape of [0.3, 0.5]) {
    let sum = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const g = gammaAnyShape(stream, shape);
      sum += g;
      sq += g * g;
    }
    const mean = sum / n;
    // gamma(a, 1): mean a, variance a; the sample mean's SE is sqrt(a / n).
    assert.ok(Math.abs(mean - shape) < 4 * Math.sqrt(shape / n), `shape ${shape}: mean ${mean}`);
    assert.ok(Math.abs(sq / n - mean * mean - shape) < 0.05 * shape + 4 * Math.sqrt((6 * shape + 2 * shape * shape) / n), `shape ${shape}: variance`);
  }
  assert.equal(gammaAnyShape(stream, 0), 0);
});

test('drawTransfers is a pure function of the prior and the seeded stream', () => {
  const a = createTransferDraw(prior);
  const b = createTransferDraw(prior);
  drawTransfers(prior, createBlockStream(99, 4), a);
  drawTransfers(prior, createBlockStream(99, 4), b);
  assert.deepEqual(a, b);
  const tiny = transferPriorFromRows(['A', 'B', 'C'], [{ origin: 'C', shares: { A: 0.5, B: 0.2, blank_null: 0.1, abstention: 0.2 }, concentration: 0.5, source: 't' }]);
  const d = createTransferDraw(tiny);
  drawTransfers(tiny, createBlockStream(1, 0), d);
  assert.ok(d.measuredGamma.every((g) => Number.isFinite(g) && g >= 0));
  assert.equal(defaultTransferPrior(['A', 'B']).defaultAlpha.length, 16);
});
