// Shared fixtures for the engine tests: a synthetic race, real parameters and results, exact helpers.
import type { ElectionResults, ResultUnit } from '../../src/model/types.js';
import type { Scenario } from '../../src/scenario/types.js';
import { loadParameters } from '../../src/node/data/loadParameters.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import type { ResolvedScenario } from '../../src/scenario/types.js';

export const parameters = loadParameters();

/** A small race: unit i has weight w and A's share of the two-party vote given in percent. */
export function syntheticResults(rows: { id: string; weight: number; a: number; b: number; region?: string; eligible?: number; parent?: string }[]): ElectionResults {
  const units: ResultUnit[] = rows.map((r) => ({
    id: r.id,
    name: `Unit ${r.id}`,
    weight: r.weight,
    votes: { D: r.a, R: r.b, other: 0 },
    total: r.a + r.b,
    winner: r.a > r.b ? 'D' : 'R',
    region: r.region ?? 'one',
    ...(r.eligible !== undefined ? { eligible: r.eligible } : {}),
    ...(r.parent !== undefined ? { parent: r.parent } : {}),
  }));
  return { country: 'us', year: 2020, sides: ['D', 'R'], units, weightTotals: {}, popularVote: {}, source: 'synthetic test race' };
}

export function baseScenario(overrides: Partial<Scenario> = {}): Scenario {
  return {
    name: 'test',
    country: 'us',
    year: 2020,
    rule: 'electoral-college',
    sides: ['D', 'R'],
    simulations: 20000,
    seed: 7,
    uncertainty: { national: 0, regional: 0, territory: 3, tails: 5 },
    ...overrides,
  };
}

export function resolveUs(year: number, overrides: Partial<Scenario> = {}): ResolvedScenario {
  const results = loadResults({ country: 'us', year });
  return resolveScenario(baseScenario({ year, ...overrides }), { results, parameters });
}

/** Standard normal CDF via erfc (Numerical Recipes erfc Chebyshev fit, |error| < 1.2e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.5 * x);
  const erfc =
    t *
    Math.exp(
      -x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277)))))))),
    );
  return z >= 0 ? 1 - erfc / 2 : erfc / 2;
}

/** Exact distribution of the sum of independent unit weights won with probabilities p (convolution). */
export function weightDistribution(weights: number[], p: number[]): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  let dist = new Array(total + 1).fill(0);
  dist[0] = 1;
  weights.forEach((w, i) => {
    const next = new Array(total + 1).fill(0);
    for (let k = 0; k <= total; k++) {
      if (dist[k] === 0) continue;
      next[k] += dist[k] * (1 - p[i]);
      if (k + w <= total) next[k + w] += dist[k] * p[i];
    }
    dist = next;
  });
  return dist;
}
