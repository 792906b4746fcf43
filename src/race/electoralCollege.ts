/**
 * The electoral-college rule with K candidates: plurality in each unit, the unit's electoral votes to its
 * winner, and a candidate with the threshold (270 of 538: more than half, US Constitution, Amendment XII)
 * wins. No candidate at the threshold is no winner (−1): in the US the House then chooses (Amendment XII),
 * which a model of votes cannot predict.
 */
import { pluralityWinners, seatsPerParty, majorityParty } from './plurality.js';
import type { SlotLayout } from './multiCandidateRace.js';

/**
 * The winner of one draw under the electoral college.
 *
 * @param layout Slot layout.
 * @param votes Length S: the draw's valid votes per slot, counts.
 * @param weights Length N: electoral votes per unit.
 * @param threshold Electoral votes needed (see seatsToWinFor: 270 of 538).
 * @param winnerSlot Length N, overwritten: each unit's winning slot (−1 on an exact tie).
 * @param electoralVotes Length ≥ P, overwritten: electoral votes per party.
 * @returns The winning party index, or −1 when no party reaches the threshold.
 * @example
 * electoralCollegeWinner(layout, Float64Array.of(10, 30, 20, 9, 7), Float64Array.of(3, 2), 3, winners, ev) // => 1 (ev: [2, 3, 0])
 */
export function electoralCollegeWinner(
  layout: SlotLayout,
  votes: Float64Array,
  weights: ArrayLike<number>,
  threshold: number,
  winnerSlot: Int32Array,
  electoralVotes: Float64Array,
): number {
  pluralityWinners(layout, votes, winnerSlot);
  seatsPerParty(layout, winnerSlot, weights, electoralVotes);
  return majorityParty(electoralVotes, layout.partyCount, threshold);
}
