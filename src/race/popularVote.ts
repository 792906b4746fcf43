/**
 * The popular-vote rule with K candidates: the party with the most valid votes over the units counted
 * nationally wins; an exact tie at the top is no winner (−1).
 */
import { partyTotals, type MultiCandidateRace } from './multiCandidateRace.js';
import { leadingParty } from './plurality.js';

/**
 * The winner of one draw on the national sum.
 *
 * @param race The race (layout and `units.inNational`).
 * @param votes Length S: the draw's valid votes per slot, counts.
 * @param totals Length ≥ P, overwritten: national valid votes per party.
 * @returns The winning party index, or −1 on an exact tie at the top.
 * @example
 * popularVoteWinner(canada2011, canada2011.votes, totals) // => 0 (CPC, 5,835,270 votes)
 */
export function popularVoteWinner(race: Pick<MultiCandidateRace, 'partyCount' | 'unitStart' | 'slotParty' | 'units'>, votes: Float64Array, totals: Float64Array): number {
  partyTotals(race, votes, totals);
  return leadingParty(totals, race.partyCount);
}
