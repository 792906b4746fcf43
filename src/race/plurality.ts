/**
 * The plurality rule (first past the post) on one draw's votes: each unit's seat goes to the candidate with
 * the most votes, seats are counted by party, and a party with `seatsToWin` seats has a majority. This is
 * how the UK House of Commons (Representation of the People Act 1983, sch. 1 r. 50), the Canadian House of
 * Commons (Canada Elections Act, S.C. 2000, c. 9) and the US House are elected.
 *
 * Every function writes into arrays the caller allocates once, so a draw loop calls them without allocating.
 */
import { InputError } from '../errors.js';
import type { SlotLayout } from './multiCandidateRace.js';

/**
 * The winning slot of each unit: the candidate with the most votes. An exact tie between the top two is
 * no winner (−1): the law settles it outside the count (UK: by lot, Representation of the People Act 1983,
 * sch. 1 r. 49; Canada: a judicial recount, Canada Elections Act Part 14, then a new election), which a
 * model cannot predict; with continuous draws an exact tie has probability 0, so it only shows in zero-uncertainty
 * replays of integer counts. A unit without a slot has no winner. `other` is never a candidate.
 *
 * @param layout Slot layout (unitStart, slotParty).
 * @param votes Length S: the draw's valid votes per slot, counts (≥ 0).
 * @param winnerSlot Length N, overwritten: the winning slot of each unit, or −1.
 * @example
 * const layout = { partyCount: 3, unitStart: Int32Array.of(0, 3, 5), slotParty: Int32Array.of(0, 1, 2, 0, 1) };
 * const winners = new Int32Array(2);
 * pluralityWinners(layout, Float64Array.of(10, 30, 20, 7, 7), winners); winners // => Int32Array [1, -1]
 */
export function pluralityWinners(layout: SlotLayout, votes: Float64Array, winnerSlot: Int32Array): void {
  const { unitStart } = layout;
  const n = unitStart.length - 1;
  for (let u = 0; u < n; u++) winnerSlot[u] = uniqueMaximum(votes, unitStart[u], unitStart[u + 1]);
}

/**
 * Seats (or electoral votes) won by each party: the weight of every unit its candidate won.
 *
 * @param layout Slot layout.
 * @param winnerSlot Length N: winning slot per unit, −1 for none (see {@link pluralityWinners}).
 * @param weights Length N: seats or electoral votes per unit.
 * @param seats Length ≥ P, overwritten with each party's total weight won.
 * @returns The weight no party won (units with no winner).
 * @example
 * seatsPerParty(layout, Int32Array.of(1, -1), Float64Array.of(1, 1), seats) // => 1 (seats: [0, 1, 0])
 */
export function seatsPerParty(layout: SlotLayout, winnerSlot: Int32Array, weights: ArrayLike<number>, seats: Float64Array): number {
  seats.fill(0, 0, layout.partyCount);
  let undecided = 0;
  for (let u = 0; u < winnerSlot.length; u++) {
    const s = winnerSlot[u];
    if (s < 0) undecided += weights[u];
    else seats[layout.slotParty[s]] += weights[u];
  }
  return undecided;
}

/**
 * Seats needed for a majority: more than half the total (326 of 650, 155 of 308, 270 of 538), or a given
 * `seatsToWin`, which must be above half the total so that at most one party can reach it.
 *
 * @param totalWeight Seats or electoral votes in the race.
 * @param seatsToWin The scenario's threshold, if it sets one.
 * @returns The threshold.
 * @throws {InputError} when `seatsToWin` is not an integer above half the total and at most the total.
 * @example
 * seatsToWinFor(650) // => 326
 * seatsToWinFor(538) // => 270
 */
export function seatsToWinFor(totalWeight: number, seatsToWin?: number): number {
  if (seatsToWin === undefined) return Math.floor(totalWeight / 2) + 1;
  if (!Number.isInteger(seatsToWin) || seatsToWin * 2 <= totalWeight || seatsToWin > totalWeight) {
    throw new InputError({ at: 'seatsToWin', expected: `an integer above half of the ${totalWeight} seats and at most ${totalWeight}`, found: String(seatsToWin) });
  }
  return seatsToWin;
}

/**
 * The party holding at least `seatsToWin` seats, or −1 when none does (a hung parliament).
 *
 * @param seats Seats per party (length ≥ partyCount).
 * @param partyCount P.
 * @param seatsToWin Threshold above half the total (see {@link seatsToWinFor}).
 * @example
 * majorityParty(Float64Array.of(121, 411, 72), 3, 326) // => 1
 */
export function majorityParty(seats: Float64Array, partyCount: number, seatsToWin: number): number {
  for (let p = 0; p < partyCount; p++) if (seats[p] >= seatsToWin) return p;
  return -1;
}

/**
 * The party with the most seats (or national votes), or −1 when two or more share the most.
 *
 * @param totals Seats or votes per party (length ≥ partyCount).
 * @param partyCount P.
 * @example
 * leadingParty(Float64Array.of(166, 103, 34), 3) // => 0
 * leadingParty(Float64Array.of(5, 5, 1), 3) // => -1
 */
export function leadingParty(totals: Float64Array, partyCount: number): number {
  return uniqueMaximum(totals, 0, partyCount);
}

/**
 * The index of the largest value among from .. to − 1 (those with `include[i] !== 0` when `include` is
 * given), or −1 when two or more share the largest or none is looked at.
 *
 * @param values Numbers (votes, seats), read from `from` to `to − 1`.
 * @param include Optional mask over the same indices; 0 leaves an index out.
 * @example
 * uniqueMaximum(Float64Array.of(3, 9, 9, 1), 0, 4) // => -1
 * uniqueMaximum(Float64Array.of(3, 9, 9, 1), 0, 4, Uint8Array.of(1, 1, 0, 1)) // => 1
 */
export function uniqueMaximum(values: Float64Array, from: number, to: number, include?: Uint8Array): number {
  let best = -1;
  let bestValue = -Infinity;
  let tied = false;
  for (let i = from; i < to; i++) {
    if (include !== undefined && include[i] === 0) continue;
    if (values[i] > bestValue) {
      best = i;
      bestValue = values[i];
      tied = false;
    } else if (values[i] === bestValue) tied = true;
  }
  return tied ? -1 : best;
}

/**
 * The second value of from .. to − 1 in descending order, counting repeats (−∞ with fewer than two):
 * the bar a candidate clears to be among the top two.
 *
 * @example
 * secondHighest(Float64Array.of(5, 9, 9, 1), 0, 4) // => 9
 * secondHighest(Float64Array.of(5, 9, 7, 1), 0, 4) // => 7
 */
export function secondHighest(values: Float64Array, from: number, to: number): number {
  let first = -Infinity;
  let second = -Infinity;
  for (let i = from; i < to; i++) {
    const v = values[i];
    if (v > first) {
      second = first;
      first = v;
    } else if (v > second) second = v;
  }
  return second;
}
