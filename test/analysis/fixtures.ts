/**
 * Synthetic inputs shared by the analysis tests: seeded random numbers and small made-up races.
 * Nothing here comes from the code under test.
 */
import { weightTallyOf } from '../../src/sim/blockTotals.js';
import type { ElectionResults, ResultUnit } from '../../src/model/types.js';

/** Mulberry32: a small seeded generator of uniform numbers in [0, 1), for test fixtures only. */
export function seededUniform(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal draws from a uniform source (Box–Muller). */
export function seededNormal(seed: number): () => number {
  const u = seededUniform(seed);
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

/** A US-style race from rows [id, weight, D votes, R votes]. */
export function race(year: number, rows: Array<[string, number, number, number]>, extra: Partial<Record<string, Partial<ResultUnit>>> = {}): ElectionResults {
  const units: ResultUnit[] = rows.map(([id, weight, d, r]) => ({
    id,
    name: id,
    weight,
    votes: { D: d, R: r, other: 0 },
    total: d + r,
    winner: d > r ? 'D' : r > d ? 'R' : 'tie',
    ...(extra[id] ?? {}),
  }));
  const weightTotals: Record<string, number> = { D: 0, R: 0 };
  const popularVote: Record<string, number> = { D: 0, R: 0, other: 0, total: 0 };
  for (const u of units) {
    if (u.votes.D > u.votes.R) weightTotals.D += u.weight;
    if (u.votes.R > u.votes.D) weightTotals.R += u.weight;
    if (u.parent) continue;
    popularVote.D += u.votes.D;
    popularVote.R += u.votes.R;
    popularVote.total += u.total;
  }
  return { country: 'custom', year, sides: ['D', 'R'], units, weightTotals, popularVote, source: 'synthetic test race' };
}

import type { SimulationResult } from '../../src/sim/types.js';

/**
 * A SimulationResult built by plain loops from a matrix of side A margins (pp), draws × units, for
 * an electoral-college race; every draw kept. Tipping counts come from a direct sort per draw.
 */
export function resultFromMargins(margins: number[][], weights: number[], ids: string[], seed = 1, national?: number[]): SimulationResult {
  const units = weights.length;
  const total = weights.reduce((s, w) => s + w, 0);
  const threshold = Math.floor(total / 2) + 1;
  const n = margins.length;
  const flat = new Float32Array(n * units);
  const weightA = new Int32Array(n);
  const outcome = new Int8Array(n);
  const weightCounts = new Float64Array(total + 1);
  const unitWinsA = new Float64Array(units);
  const marginSum = new Float64Array(units);
  const marginSumSq = new Float64Array(units);
  const tippingCounts = new Float64Array(units);
  let winsA = 0, winsB = 0, ties = 0;
  margins.forEach((row, d) => {
    let wA = 0, wB = 0;
    row.forEach((m, i) => {
      flat[d * units + i] = m;
      if (m > 0) { wA += weights[i]; unitWinsA[i]++; }
      if (m < 0) wB += weights[i];
      marginSum[i] += m;
      marginSumSq[i] += m * m;
    });
    weightA[d] = wA;
    weightCounts[wA]++;
    const o = wA >= threshold ? 1 : wB >= threshold ? -1 : 0;
    outcome[d] = o;
    if (o === 1) winsA++; else if (o === -1) winsB++; else ties++;
    if (o !== 0) {
      const order = row.map((m, i) => i).filter((i) => o * row[i] > 0).sort((x, y) => o * (row[y] - row[x]));
      let run = 0;
      for (const i of order) { run += weights[i]; if (run >= threshold) { tippingCounts[i]++; break; } }
    }
  });
  const p = (k: number) => k / n;
  return {
    version: 'test', seed, simulations: n, blockSize: n, sides: ['D', 'R'], rule: 'electoral-college',
    unitIds: ids, unitNames: ids, weights: Int32Array.from(weights), threshold,
    winsA, winsB, ties,
    pWin: { D: p(winsA), R: p(winsB) }, pTie: p(ties),
    standardError: { D: Math.sqrt(p(winsA) * (1 - p(winsA)) / n), R: Math.sqrt(p(winsB) * (1 - p(winsB)) / n) },
    expectedWeight: { D: weightA.reduce((s, w) => s + w, 0) / n, R: total - weightA.reduce((s, w) => s + w, 0) / n },
    weightCounts, weightTally: weightTallyOf({ weightCounts, weightTally: null }), unitWinsA, marginSum, marginSumSq, tippingCounts, tippingBasis: 'all-votes',
    popularWinsA: 0, splits: 0,
    meanExtraVotes: { D: new Float64Array(units), R: new Float64Array(units) },
    effects: { D: { turnout: 0, persuasion: 0, relay: 0, indirect: 0, total: 0 }, R: { turnout: 0, persuasion: 0, relay: 0, indirect: 0, total: 0 } },
    draws: { margins: flat, weightA, outcome, ...(national ? { nationalMargin: Float32Array.from(national) } : {}) },
  };
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 erf approximation, error < 1.5e-7). */
export function normalCdf(z: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(z) / Math.SQRT2);
  const y = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z / 2);
  return z >= 0 ? 0.5 * (1 + y) : 0.5 * (1 - y);
}
