/**
 * The French presidential rule on one draw's votes: the two candidates with the most votes nationally in
 * round 1 go to round 2 (Constitution of 4 October 1958, art. 7: "seuls peuvent s'y présenter les deux
 * candidats qui, le cas échéant après retrait de candidats plus favorisés, se trouvent avoir recueilli le plus
 * grand nombre de suffrages au premier tour"); round 2 is decided on national sums, its votes drawn from the
 * round-1 votes through the election's transfers (roundTwo.ts). A candidate with an absolute majority of
 * valid votes in round 1 is elected then (art. 7 al. 1; it has not happened since 1965).
 */
import { partyTotals, type MultiCandidateRace } from './multiCandidateRace.js';
import type { TransferPrior } from './transferPrior.js';
import type { TransferDraw } from './transferDraw.js';
import { roundTwoVotes, roundTwoWinner, type RoundTwoScratch } from './roundTwo.js';
import { secondHighest } from './plurality.js';

/**
 * Marks the top two of `totals` as finalists. An exact tie for second place lets every tied party through
 * (the Constitution gives no tie rule; continuous draws make it probability 0).
 *
 * @param totals National valid votes per party (length ≥ partyCount).
 * @param partyCount P.
 * @param finalists Length ≥ P, overwritten: 1 for a finalist.
 * @returns The number of finalists (2, more on an exact tie for second).
 * @example
 * qualifyTopTwo(Float64Array.of(9783058, 8133828, 7712520), 3, finalists) // => 2 (finalists: [1, 1, 0])
 */
export function qualifyTopTwo(totals: Float64Array, partyCount: number, finalists: Uint8Array): number {
  const second = secondHighest(totals, 0, partyCount);
  let count = 0;
  for (let p = 0; p < partyCount; p++) {
    finalists[p] = totals[p] >= second ? 1 : 0;
    count += finalists[p];
  }
  return count;
}

/** Output arrays of {@link twoRoundPresidential}, each of length P. */
export interface PresidentialOutput {
  /** National round-1 valid votes per party. */
  totals: Float64Array;
  /** 1 for a party in round 2. */
  finalists: Uint8Array;
  /** National round-2 valid votes per party (0 for the others). */
  round2: Float64Array;
  /** 0 .. P − 1 (each party its own entry in the national contest). */
  identity: Int32Array;
}

/**
 * Output arrays for a race of P parties.
 *
 * @example
 * createPresidentialOutput(12).identity // => Int32Array [0, 1, …, 11]
 */
export function createPresidentialOutput(partyCount: number): PresidentialOutput {
  return {
    totals: new Float64Array(partyCount),
    finalists: new Uint8Array(partyCount),
    round2: new Float64Array(partyCount),
    identity: Int32Array.from({ length: partyCount }, (_, i) => i),
  };
}

/**
 * The whole presidential rule on one draw: national round-1 sums, an absolute majority elects at once,
 * else the top two qualify and round 2 is computed from the transfers (round-1 non-voters: registered −
 * valid over the units counted nationally); the finalist with more round-2 votes wins.
 *
 * @param race The race (layout, units).
 * @param votes Length S: round-1 valid votes per slot.
 * @param other Length N: round-1 `other` votes per unit.
 * @param transfers The prior and this election's draw (drawTransfers).
 * @param out Output arrays ({@link createPresidentialOutput}), overwritten.
 * @param scratch Work arrays (createRoundTwoScratch(P)).
 * @returns The winning party index, or −1 on an exact round-2 tie.
 * @example
 * twoRoundPresidential(president2022, president2022.votes, president2022.units.other, transfers, out, scratch) // => 0 (LREM; finalists LREM and RN)
 */
export function twoRoundPresidential(
  race: Pick<MultiCandidateRace, 'partyCount' | 'unitStart' | 'slotParty' | 'units'>,
  votes: Float64Array,
  other: Float64Array,
  transfers: { prior: TransferPrior; draw: TransferDraw },
  out: PresidentialOutput,
  scratch: RoundTwoScratch,
): number {
  const p = race.partyCount;
  partyTotals(race, votes, out.totals);
  let otherTotal = 0;
  let nonVoters = 0;
  let valid = 0;
  for (let u = 0; u < race.units.inNational.length; u++) {
    if (race.units.inNational[u] === 0) continue;
    let unitValid = other[u];
    for (let s = race.unitStart[u]; s < race.unitStart[u + 1]; s++) unitValid += votes[s];
    otherTotal += other[u];
    valid += unitValid;
    nonVoters += Math.max(0, race.units.registered[u] - unitValid);
  }
  for (let k = 0; k < p; k++) {
    if (2 * out.totals[k] > valid) {
      out.finalists.fill(0);
      out.round2.fill(0);
      return k;
    }
  }
  qualifyTopTwo(out.totals, p, out.finalists);
  roundTwoVotes(transfers.prior, transfers.draw, out.identity, 0, p, out.totals, out.finalists, otherTotal, nonVoters, out.round2, scratch);
  return roundTwoWinner(out.round2, out.finalists, 0, p);
}
