/**
 * Correlation of territory errors estimated from historical swings (an optional error term).
 */
import type { ElectionResults, Side } from './types.js';
import { InputError } from '../errors.js';

/** The estimate: Cholesky factor of the shrunk correlation, the shrinkage and the years used. */
export interface HistoricalCorrelation {
  /** Lower-triangular Cholesky factor, row-major, n × n in the order of `ids`. */
  cholesky: number[];
  /** Shrinkage intensity towards the identity, 0–1 (1 = independent territories). */
  shrinkage: number;
  /** Election years whose consecutive swings were used. */
  years: number[];
}

/**
 * Estimates the correlation of territory errors from past election-to-election swings.
 *
 * Steps: (1) A's two-party margin (pp) per territory and election; (2) swings between consecutive
 * elections; (3) each swing minus that election pair's mean swing over territories, since the national
 * error term already carries the common part; (4) the sample correlation of these residual swings,
 * shrunk towards the identity with the Schäfer & Strimmer (2005, Stat. Appl. Genet. Mol. Biol. 4(1):32)
 * estimate of the optimal intensity λ = Σ_{i≠j} Var(r_ij) / Σ_{i≠j} r_ij² (clamped to 0–1); with only a
 * handful of elections the sample matrix is singular, and the shrinkage restores a positive-definite
 * matrix. If rounding still leaves it not positive definite, λ is moved halfway to 1 until the
 * Cholesky factorisation succeeds. A territory missing from an election (or with no two-party votes)
 * gets a residual swing of 0 for the pairs involving it.
 *
 * @param history Past results (at least three elections) of the same country.
 * @param ids Territory ids in the kernel's order.
 * @param sides The two sides; margins are sides[0] minus sides[1].
 * @returns The Cholesky factor of the shrunk correlation, the shrinkage and the years used.
 * @throws {InputError} when fewer than three elections are given or a side is absent from one.
 * @example
 * historicalCorrelation(pastUs, ids, ['D', 'R']).shrinkage // => a number between 0 and 1
 */
export function historicalCorrelation(history: ElectionResults[], ids: string[], sides: [Side, Side]): HistoricalCorrelation {
  const elections = [...history].sort((a, b) => a.year - b.year);
  if (elections.length < 3) throw new InputError({ at: 'history', expected: 'at least three past elections', found: String(elections.length) });
  const n = ids.length;
  const margins = elections.map((e) => {
    for (const side of sides) {
      if (!e.sides.includes(side) && !e.units.some((u) => u.votes[side] !== undefined)) {
        throw new InputError({ at: `history.${e.year}.sides`, expected: `results with side ${side}`, found: e.sides.join(', ') });
      }
    }
    const byId = new Map(e.units.map((u) => [u.id, u]));
    return ids.map((id) => {
      const u = byId.get(id);
      if (!u) return NaN;
      const a = u.votes[sides[0]] ?? 0;
      const b = u.votes[sides[1]] ?? 0;
      return a + b > 0 ? (100 * (a - b)) / (a + b) : NaN;
    });
  });
  const residuals: number[][] = [];
  for (let k = 1; k < elections.length; k++) {
    const swing = ids.map((_, i) => margins[k][i] - margins[k - 1][i]);
    const present = swing.filter((x) => Number.isFinite(x));
    const mean = present.reduce((a, b) => a + b, 0) / Math.max(1, present.length);
    residuals.push(swing.map((x) => (Number.isFinite(x) ? x - mean : 0)));
  }
  const m = residuals.length;
  // Standardise each territory's residual swings.
  const z: number[][] = residuals.map((row) => row.slice());
  for (let i = 0; i < n; i++) {
    let mean = 0;
    for (let k = 0; k < m; k++) mean += residuals[k][i];
    mean /= m;
    let ss = 0;
    for (let k = 0; k < m; k++) ss += (residuals[k][i] - mean) ** 2;
    const sd = Math.sqrt(ss / (m - 1));
    for (let k = 0; k < m; k++) z[k][i] = sd > 0 ? (residuals[k][i] - mean) / sd : 0;
  }
  const r = new Float64Array(n * n);
  let sumVar = 0;
  let sumSq = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      let wbar = 0;
      for (let k = 0; k < m; k++) wbar += z[k][i] * z[k][j];
      wbar /= m;
      let dev = 0;
      for (let k = 0; k < m; k++) dev += (z[k][i] * z[k][j] - wbar) ** 2;
      const rij = (m / (m - 1)) * wbar;
      r[i * n + j] = rij;
      r[j * n + i] = rij;
      sumVar += (m / (m - 1) ** 3) * dev;
      sumSq += rij * rij;
    }
  }
  let shrinkage = sumSq > 0 ? Math.min(1, Math.max(0, sumVar / sumSq)) : 1;
  for (;;) {
    const factor = choleskyOfShrunk(r, n, shrinkage);
    if (factor) return { cholesky: Array.from(factor), shrinkage, years: elections.map((e) => e.year) };
    shrinkage = shrinkage + (1 - shrinkage) / 2;
    if (1 - shrinkage < 1e-12) shrinkage = 1;
  }
}

/** Cholesky factor of λ I + (1 − λ) R (unit diagonal), or null when not positive definite. */
function choleskyOfShrunk(r: Float64Array, n: number, shrinkage: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = i === j ? 1 : (1 - shrinkage) * r[i * n + j];
      for (let k = 0; k < j; k++) sum -= l[i * n + k] * l[j * n + k];
      if (i === j) {
        if (!(sum > 1e-10)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j];
      }
    }
  }
  return l;
}
