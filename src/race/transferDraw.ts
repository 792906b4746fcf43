/**
 * One simulated election's vote transfers: every row of a {@link TransferPrior} drawn from its Dirichlet,
 * once per election, into arrays allocated once. A Dirichlet(α) vector is a vector of independent
 * gamma(α_j, 1) draws divided by their sum (Devroye 1986, *Non-Uniform Random Variate Generation*,
 * ch. XI.4); the draw keeps the unnormalised gammas so that any finalist set's restricted row is the
 * kept gammas over their own sum (see transferPrior.ts).
 */
import { gammaVariate, type NormalStream } from '../sim/normalStream.js';
import type { TransferPrior } from './transferPrior.js';

/** The drawn rows of one election: unnormalised gamma draws, (P + 2) × (P + 2), row-major. */
export interface TransferDraw {
  defaultGamma: Float64Array;
  measuredGamma: Float64Array;
}

/**
 * Arrays for the draws of a prior, allocated once per run.
 *
 * @example
 * createTransferDraw(defaultTransferPrior(['A', 'B'])).defaultGamma.length // => 16
 */
export function createTransferDraw(prior: TransferPrior): TransferDraw {
  const d = prior.partyCount + 2;
  return { defaultGamma: new Float64Array(d * d), measuredGamma: new Float64Array(d * d) };
}

/**
 * A gamma(shape, 1) draw for any shape ≥ 0: 0 for shape 0 (a destination that never gets a share);
 * Marsaglia & Tsang's method for shape ≥ 1 (the project's gammaVariate); below 1, their boost
 * gamma(a) = gamma(a + 1) × U^(1/a) (Marsaglia & Tsang 2000, ACM TOMS 26(3), §6).
 *
 * @param stream The seeded stream of the simulated election.
 * @param shape Shape parameter, ≥ 0.
 * @returns A gamma variate, ≥ 0.
 * @example
 * gammaAnyShape(createBlockStream(1, 0), 0) // => 0
 */
export function gammaAnyShape(stream: NormalStream, shape: number): number {
  if (shape === 0) return 0;
  if (shape >= 1) return gammaVariate(stream, shape);
  const g = gammaVariate(stream, shape + 1);
  return g * Math.pow(1 - stream.uniform(), 1 / shape);
}

/**
 * Draws every row of the prior for one simulated election: each default row, and each measured row,
 * from its Dirichlet. The numbers taken from the stream depend only on the prior and the stream, never on
 * the race's votes, so runs that change a campaign keep their transfers draw for draw.
 *
 * @param prior The transfer prior.
 * @param stream The seeded stream (e.g. createBlockStream(seed, block)).
 * @param draw Arrays from {@link createTransferDraw}, overwritten.
 * @example
 * drawTransfers(prior, createBlockStream(2022, 0), draw); draw.defaultGamma[0] > 0 // => true
 */
export function drawTransfers(prior: TransferPrior, stream: NormalStream, draw: TransferDraw): void {
  const d = prior.partyCount + 2;
  for (let i = 0; i < d * d; i++) draw.defaultGamma[i] = gammaAnyShape(stream, prior.defaultAlpha[i]);
  for (let o = 0; o < d; o++) {
    for (let j = 0; j < d; j++) {
      const i = o * d + j;
      draw.measuredGamma[i] = prior.measured[o] === 1 ? gammaAnyShape(stream, prior.measuredAlpha[i]) : 0;
    }
  }
}

/**
 * The drawn shares of origin row `origin` in a round-2 contest between the finalist parties
 * `finalists[0 .. m − 1]`: the measured row when its survey measured every one of these finalists, else the
 * default row, restricted to the finalists, blank/null and abstention and renormalised. Writes m + 2 shares
 * summing to 1: each finalist party, then blank/null, then abstention. A row whose kept gammas are all 0
 * sends everyone to abstention.
 *
 * @param prior The transfer prior.
 * @param draw This election's drawn rows.
 * @param origin Origin row: a party index, P (`other`) or P + 1 (non-voters).
 * @param finalists Distinct finalist party indices (length ≥ m).
 * @param m Number of finalist parties.
 * @param shares Length ≥ m + 2, overwritten.
 * @example
 * transferShares(prior, draw, 2, Int32Array.of(0, 1), 2, shares); shares[0] + shares[1] + shares[2] + shares[3] // => 1 (to rounding)
 */
export function transferShares(prior: TransferPrior, draw: TransferDraw, origin: number, finalists: Int32Array, m: number, shares: Float64Array): void {
  const p = prior.partyCount;
  const d = p + 2;
  let measured = prior.measured[origin] === 1;
  for (let i = 0; i < m && measured; i++) measured = prior.measuredFinalist[origin * p + finalists[i]] === 1;
  const g = measured ? draw.measuredGamma : draw.defaultGamma;
  const row = origin * d;
  let sum = g[row + p] + g[row + p + 1];
  for (let i = 0; i < m; i++) sum += g[row + finalists[i]];
  if (!(sum > 0)) {
    shares.fill(0, 0, m + 1);
    shares[m + 1] = 1;
    return;
  }
  for (let i = 0; i < m; i++) shares[i] = g[row + finalists[i]] / sum;
  shares[m] = g[row + p] / sum;
  shares[m + 1] = g[row + p + 1] / sum;
}
