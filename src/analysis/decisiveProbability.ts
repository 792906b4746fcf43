/**
 * Probability that a territory is decisive, and the power of one voter there: the probability that one
 * more vote in the territory changes the national winner.
 *
 * Source: Gelman, Silver & Edlin (2012), "What is the probability your vote will make a difference?",
 * Economic Inquiry 50(2):321–326: P(decisive) = P(the state is pivotal for the Electoral College and tied).
 */
import type { ElectionResults } from '../model/types.js';
import type { SimulationResult } from '../sim/types.js';
import { InputError } from '../errors.js';
import { keptDraws } from './keptDraws.js';

/** Options of {@link decisiveProbability}. */
export interface DecisiveProbabilityOptions {
  /** Results giving each unit's two-party vote total (A + B), which converts pp into votes. */
  results: ElectionResults;
  /**
   * Kernel bandwidth in pp of margin. Default per unit: Silverman's rule of thumb,
   * 0.9 × min(SD, IQR / 1.34) × n^(−1/5), over that unit's kept margins.
   */
  bandwidthPp?: number;
}

/** One row per unit. */
export interface DecisiveUnit {
  id: string;
  name: string;
  weight: number;
  /** P(the unit's weight changes the national winner), share of draws (a win ↔ tie change counts one half). */
  pivotal: number;
  /** Density at a zero margin of the unit's margin jointly with being pivotal, per pp. */
  densityAtZeroPerPp: number;
  /** Bandwidth used, pp. */
  bandwidthPp: number;
  /** Votes of A and B in the unit (two-party total). */
  twoPartyVotes: number;
  /** Probability one voter in the unit decides the national winner (per-voter power). */
  voterPower: number;
  /** 1 / voterPower: "1 in N", or Infinity. */
  oneIn: number;
}

/**
 * A quantile of sorted values by Hyndman & Fan (1996), "Sample quantiles in statistical packages", *The
 * American Statistician* 50(4), definition 2: the inverse of the empirical distribution function,
 * averaged where it jumps.
 *
 * @example
 * sortedQuantile(Float64Array.of(1, 2, 3, 4), 0.25) // => 1.5
 */
function sortedQuantile(sorted: Float64Array, p: number): number {
  const position = sorted.length * p;
  if (position % 1 !== 0) return sorted[Math.ceil(position) - 1];
  return (sorted[position - 1] + sorted[position]) / 2;
}

/** Silverman's rule of thumb for a Gaussian kernel: 0.9 × min(SD, IQR / 1.34) × n^(−1/5), pp. */
function silvermanBandwidth(values: ArrayLike<number>): number {
  const n = values.length;
  const sorted = Float64Array.from(values).sort();
  let mean = 0;
  for (let d = 0; d < n; d++) mean += values[d];
  mean /= n;
  let ss = 0;
  for (let d = 0; d < n; d++) ss += (values[d] - mean) ** 2;
  const sd = Math.sqrt(ss / Math.max(1, n - 1));
  const iqr = sortedQuantile(sorted, 0.75) - sortedQuantile(sorted, 0.25);
  const spread = iqr > 0 ? Math.min(sd, iqr / 1.34) : sd;
  return 0.9 * spread * n ** -0.2;
}

/**
 * National-vote rules (popular-vote, two-round): a voter anywhere is decisive when the national two-party
 * margin is tied, so every unit gets the same power: density of the national margin at 0 / (national
 * two-party votes / 200). `pivotal` is 1 for every unit (each unit's votes enter the national sum).
 */
function nationalVoteDecisive(result: SimulationResult, options: DecisiveProbabilityOptions): DecisiveUnit[] {
  const { nationalMargin: national } = keptDraws(result, ['nationalMargin']);
  const [a, b] = result.sides;
  const n = national.length;
  const h = options.bandwidthPp ?? silvermanBandwidth(national);
  let density = 0;
  for (let d = 0; d < n; d++) {
    const z = national[d] / h;
    density += Math.exp(-0.5 * z * z) / (h * Math.sqrt(2 * Math.PI));
  }
  density /= n;
  const votes = options.results.units.reduce((s, u) => s + (u.parent ? 0 : (u.votes[a] ?? 0) + (u.votes[b] ?? 0)), 0);
  const voterPower = votes > 0 ? density / (votes / 200) : 0;
  const byId = new Map(options.results.units.map((u) => [u.id, u]));
  return result.unitIds.map((id, i) => {
    const u = byId.get(id);
    return {
      id, name: result.unitNames[i], weight: result.weights[i], pivotal: 1, densityAtZeroPerPp: density, bandwidthPp: h,
      twoPartyVotes: u ? (u.votes[a] ?? 0) + (u.votes[b] ?? 0) : 0, voterPower, oneIn: voterPower > 0 ? 1 / voterPower : Infinity,
    };
  });
}

/**
 * Per territory: probability of being pivotal, and probability that one vote there decides the race.
 *
 * Estimator, over the kept draws d = 1..n of unit i with margin m (pp) and weight w:
 * - pivotal(d, i) compares the national outcome with unit i given to A and given to B, everything else as
 *   drawn; outcomes are +1 (A wins), 0 (tie), −1 (B wins) and pivotal = |difference| / 2, so win ↔ loss
 *   counts 1 and win ↔ tie 1/2.
 * - density at zero = (1/n) Σ_d K_h(m(d, i)) × pivotal(d, i), K_h the Gaussian kernel with bandwidth h pp.
 * - voter power = density at zero / (votes per pp), votes per pp = (A + B) / 200: the Gelman–Silver–Edlin
 *   convention, in which a state is "tied" with probability density-of-vote-share-at-½ / voters; a voter
 *   switching sides moves the margin by 200 / (A + B) pp. Counting a tie-breaking coin flip as one half
 *   for one extra vote gives half this figure.
 *
 * Needs the run to keep `margins` and `weightA` for weighted rules (electoral-college, seats). For
 * national-vote rules (popular-vote, two-round) it needs `nationalMargin`, and every voter has the same
 * power: density of the national margin at 0 / (national two-party votes / 200).
 *
 * @param result a simulation result with kept `margins` and `weightA`
 * @param options `results` (two-party vote totals), `bandwidthPp` (default Silverman per unit)
 * @throws {InputError} when the needed draws were not kept
 * @example
 * // 2020 baseline, uncertainty {national: 2, regional: 1.5, territory: 2, tails: 5}, D list 2,000,000 with email and door (coverage 0.1), 20,000 draws, seed 1, keeping margins and weightA:
 * decisiveProbability(result, { results: results2020 }).find((u) => u.id === 'WI')
 * // => {id: 'WI', name: 'Wisconsin', weight: 10, pivotal: 0.147, densityAtZeroPerPp: 0.0204, bandwidthPp: 0.40, twoPartyVotes: 3241050, voterPower: 1.26e-6, oneIn: 7.95e5} (rounded)
 */
export function decisiveProbability(result: SimulationResult, options: DecisiveProbabilityOptions): DecisiveUnit[] {
  if (options.bandwidthPp !== undefined && !(options.bandwidthPp > 0)) {
    throw new InputError({ at: 'bandwidthPp', expected: 'a positive number of pp', found: String(options.bandwidthPp) });
  }
  if (result.rule === 'popular-vote' || result.rule === 'two-round') return nationalVoteDecisive(result, options);
  const { margins, weightA } = keptDraws(result, ['margins', 'weightA']);
  const [a, b] = result.sides;
  const byId = new Map(options.results.units.map((u) => [u.id, u]));
  const units = result.unitIds.length;
  const n = weightA.length;
  let totalWeight = 0;
  for (let i = 0; i < units; i++) totalWeight += result.weights[i];
  const threshold = result.threshold;
  const outcomeOf = (wA: number) => (wA >= threshold ? 1 : totalWeight - wA >= threshold ? -1 : 0);
  const rows: DecisiveUnit[] = [];
  const column = new Float64Array(n);
  for (let i = 0; i < units; i++) {
    const w = result.weights[i];
    for (let d = 0; d < n; d++) column[d] = margins[d * units + i];
    const h = options.bandwidthPp ?? silvermanBandwidth(column);
    let pivotalSum = 0;
    let density = 0;
    if (w > 0 && h > 0) {
      for (let d = 0; d < n; d++) {
        const m = column[d];
        const rest = weightA[d] - (m > 0 ? w : 0);
        const pivotal = Math.abs(outcomeOf(rest + w) - outcomeOf(rest)) / 2;
        if (pivotal === 0) continue;
        pivotalSum += pivotal;
        const z = m / h;
        density += (pivotal * Math.exp(-0.5 * z * z)) / (h * Math.sqrt(2 * Math.PI));
      }
    }
    density /= n;
    const unit = byId.get(result.unitIds[i]);
    const twoPartyVotes = unit ? (unit.votes[a] ?? 0) + (unit.votes[b] ?? 0) : 0;
    const voterPower = twoPartyVotes > 0 ? density / (twoPartyVotes / 200) : 0;
    rows.push({
      id: result.unitIds[i],
      name: result.unitNames[i],
      weight: w,
      pivotal: pivotalSum / n,
      densityAtZeroPerPp: density,
      bandwidthPp: h,
      twoPartyVotes,
      voterPower,
      oneIn: voterPower > 0 ? 1 / voterPower : Infinity,
    });
  }
  return rows;
}
