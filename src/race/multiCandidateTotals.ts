/**
 * Counts of a multi-candidate simulation and their summary: wins, qualifications, seat histograms,
 * majorities, most seats, per-slot wins. Every count is a whole number held in a Float64Array (exact below
 * 2^53), so adding the totals of blocks gives the same numbers in any order and on any number of threads.
 */
import type { MultiCandidateRace } from './multiCandidateRace.js';
import { tallyQuantileIndex } from '../model/tallyQuantile.js';

/** Counts over the draws run so far; one object per run (or per block when blocks are merged). */
export interface MultiCandidateTotals {
  draws: number;
  /** Length P: draws each party won (see MultiCandidateResult.pWin). */
  wins: Float64Array;
  /** Draws nobody won (an exact tie, a hung parliament, no candidate at the electoral-college threshold). */
  noWinner: number;
  /** Length P: draws each party reached round 2 (presidential two-round rule; zeros otherwise). */
  qualify: Float64Array;
  /** Length P × (W + 1), W the total seats: draws per party and seat count (weighted rules; empty otherwise). */
  seatCounts: Float64Array;
  /** Length P: draws each party alone held the most seats (weighted rules). */
  mostSeats: Float64Array;
  /** Length S: draws each slot won its unit (or, under national rules, led its unit in round 1). */
  slotWins: Float64Array;
  /** Length S: draws each slot went to round 2 (two-round-legislative; zeros otherwise). */
  slotQualify: Float64Array;
}

/**
 * Empty totals for a race.
 *
 * @param race The race.
 * @param totalSeats Seats (or electoral votes) of a weighted rule, an integer; 0 for a national rule (no histogram).
 * @example
 * createMultiCandidateTotals(canada2011, 308).seatCounts.length // => 5 × 309 = 1545
 */
export function createMultiCandidateTotals(race: Pick<MultiCandidateRace, 'partyCount' | 'slotParty'>, totalSeats: number): MultiCandidateTotals {
  const p = race.partyCount;
  const s = race.slotParty.length;
  return {
    draws: 0,
    wins: new Float64Array(p),
    noWinner: 0,
    qualify: new Float64Array(p),
    seatCounts: new Float64Array(totalSeats > 0 ? p * (totalSeats + 1) : 0),
    mostSeats: new Float64Array(p),
    slotWins: new Float64Array(s),
    slotQualify: new Float64Array(s),
  };
}

/**
 * Adds one block's totals into `running` (counts add exactly).
 *
 * @param running Totals so far, updated.
 * @param block One block's totals (same race and rule).
 * @example
 * // running after 4,096 draws, block of 904:
 * mergeMultiCandidateTotals(running, block); running.draws // => 5000
 */
export function mergeMultiCandidateTotals(running: MultiCandidateTotals, block: MultiCandidateTotals): void {
  running.draws += block.draws;
  running.noWinner += block.noWinner;
  for (const key of ['wins', 'qualify', 'seatCounts', 'mostSeats', 'slotWins', 'slotQualify'] as const) {
    const into = running[key];
    const from = block[key];
    for (let i = 0; i < into.length; i++) into[i] += from[i];
  }
}

/** Expected seats and a 90 % interval of one party. */
export interface SeatSummary {
  /** Mean seats (or electoral votes) over the draws. */
  mean: number;
  /** 5th and 95th percentiles: the smallest seat count whose cumulative share of draws reaches 0.05 / 0.95. */
  low: number;
  high: number;
}

/**
 * Mean and 90 % interval of each party's seats from its histogram. Percentiles are the inverse of the
 * empirical distribution function (Hyndman & Fan 1996, "Sample quantiles in statistical packages", *The
 * American Statistician* 50(4), definition 1): the smallest seat count k with (draws at ≤ k) / N ≥ q.
 *
 * @param totals Totals with a seat histogram.
 * @param partyCount P.
 * @returns One summary per party, ours first.
 * @example
 * // Canada 2011 with zero uncertainty:
 * seatSummaries(totals, 5)[0] // => { mean: 166, low: 166, high: 166 }
 */
export function seatSummaries(totals: MultiCandidateTotals, partyCount: number): SeatSummary[] {
  const bins = totals.seatCounts.length / partyCount;
  const n = totals.draws;
  const out: SeatSummary[] = [];
  for (let p = 0; p < partyCount; p++) {
    const at = p * bins;
    let sum = 0;
    for (let k = 0; k < bins; k++) sum += k * totals.seatCounts[at + k];
    const seatsAt = (q: number) => {
      const k = tallyQuantileIndex(totals.seatCounts, at, at + bins, n, q);
      return k < 0 ? -1 : k - at;
    };
    out.push({ mean: sum / n, low: seatsAt(0.05), high: seatsAt(0.95) });
  }
  return out;
}
