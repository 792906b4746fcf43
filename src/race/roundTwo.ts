/**
 * Round-2 votes from round-1 votes and one election's drawn transfers, for one contest: a unit's finalist
 * slots (legislative) or the finalist parties on the national sums (presidential).
 *
 * Who votes for whom in round 2:
 * - a finalist's own round-1 voters vote for that finalist again (assumed: the surveys used here measure
 *   only eliminated candidates' voters);
 * - the voters of an eliminated candidate whose party still has a finalist in the contest vote for that
 *   party's finalist (shared equally between two finalists of one party);
 * - every other eliminated candidate's voters, `other`'s and the round-1 non-voters split by their drawn
 *   row restricted to the contest (transferShares): each finalist party (shared equally between its
 *   finalists), blank/null, abstention.
 */
import type { TransferPrior } from './transferPrior.js';
import { transferShares, type TransferDraw } from './transferDraw.js';
import { uniqueMaximum } from './plurality.js';

/** Work arrays of the round-2 functions, allocated once per run for P parties. */
export interface RoundTwoScratch {
  /** Distinct finalist parties of the contest. */
  finalistParties: Int32Array;
  /** Per party: its position in finalistParties, or −1. */
  position: Int32Array;
  /** Per party: its number of finalists in the contest. */
  count: Int32Array;
  /** Shares of one row (finalist parties, blank/null, abstention). */
  shares: Float64Array;
}

/**
 * Work arrays for a race of P parties.
 *
 * @example
 * createRoundTwoScratch(12).shares.length // => 14
 */
export function createRoundTwoScratch(partyCount: number): RoundTwoScratch {
  return {
    finalistParties: new Int32Array(partyCount),
    position: new Int32Array(partyCount).fill(-1),
    count: new Int32Array(partyCount),
    shares: new Float64Array(partyCount + 2),
  };
}

/**
 * Round-2 valid votes of each finalist among `from .. to − 1` (slots of one unit, or the P parties of a
 * national contest), written into `round2` (0 for the non-finalists). Voters lost to blank/null or
 * abstention are not counted.
 *
 * @param prior The transfer prior.
 * @param draw This election's drawn rows.
 * @param slotParty Party index of each entry (a unit's slots; for a national contest, 0 .. P − 1 itself).
 * @param from First entry of the contest.
 * @param to One past the last.
 * @param votes Round-1 valid votes per entry, counts.
 * @param finalist Per entry: 1 when it stands in round 2.
 * @param other Round-1 valid votes of `other`, count.
 * @param nonVoters Registered voters who cast no valid vote in round 1, count.
 * @param round2 Per entry, overwritten on from .. to − 1: round-2 valid votes (0 for non-finalists).
 * @param scratch Work arrays ({@link createRoundTwoScratch}).
 * @example
 * // LREM 100, RN 80, LFI 60 (eliminated); LFI's row 0.42 / 0.17 / 0.17 / 0.24 in this draw:
 * roundTwoVotes(prior, draw, Int32Array.of(0, 1, 2), 0, 3, Float64Array.of(100, 80, 60), Uint8Array.of(1, 1, 0), 0, 0, round2, scratch); round2 // => [125.2, 90.2, 0]
 */
export function roundTwoVotes(
  prior: TransferPrior,
  draw: TransferDraw,
  slotParty: Int32Array,
  from: number,
  to: number,
  votes: Float64Array,
  finalist: Uint8Array,
  other: number,
  nonVoters: number,
  round2: Float64Array,
  scratch: RoundTwoScratch,
): void {
  const { finalistParties, position, count, shares } = scratch;
  let m = 0;
  for (let s = from; s < to; s++) {
    round2[s] = 0;
    if (finalist[s] === 0) continue;
    const party = slotParty[s];
    if (count[party]++ === 0) {
      position[party] = m;
      finalistParties[m++] = party;
    }
  }
  for (let s = from; s < to; s++) {
    const v = votes[s];
    if (v === 0) continue;
    const party = slotParty[s];
    if (finalist[s] === 1) round2[s] += v;
    else if (count[party] > 0) addToParty(from, to, slotParty, finalist, party, v / count[party], round2);
    else {
      transferShares(prior, draw, party, finalistParties, m, shares);
      spread(from, to, slotParty, finalist, position, count, shares, v, round2);
    }
  }
  const p = prior.partyCount;
  if (other > 0) {
    transferShares(prior, draw, p, finalistParties, m, shares);
    spread(from, to, slotParty, finalist, position, count, shares, other, round2);
  }
  if (nonVoters > 0) {
    transferShares(prior, draw, p + 1, finalistParties, m, shares);
    spread(from, to, slotParty, finalist, position, count, shares, nonVoters, round2);
  }
  for (let i = 0; i < m; i++) {
    count[finalistParties[i]] = 0;
    position[finalistParties[i]] = -1;
  }
}

/** Adds `each` votes to every finalist of `party` in from .. to − 1. */
function addToParty(from: number, to: number, slotParty: Int32Array, finalist: Uint8Array, party: number, each: number, round2: Float64Array): void {
  for (let f = from; f < to; f++) if (finalist[f] === 1 && slotParty[f] === party) round2[f] += each;
}

/** Adds `voters` × each finalist party's share, shared equally between that party's finalists. */
function spread(from: number, to: number, slotParty: Int32Array, finalist: Uint8Array, position: Int32Array, count: Int32Array, shares: Float64Array, voters: number, round2: Float64Array): void {
  for (let f = from; f < to; f++) {
    if (finalist[f] === 0) continue;
    const party = slotParty[f];
    round2[f] += (voters * shares[position[party]]) / count[party];
  }
}

/**
 * The finalist with the most round-2 votes among from .. to − 1, or −1 on an exact tie at the top (the
 * Code électoral, art. L126, elects the elder, whose age the data does not hold) or when none stands.
 *
 * @example
 * roundTwoWinner(Float64Array.of(125.2, 90.2, 0), Uint8Array.of(1, 1, 0), 0, 3) // => 0
 */
export function roundTwoWinner(round2: Float64Array, finalist: Uint8Array, from: number, to: number): number {
  return uniqueMaximum(round2, from, to, finalist);
}
