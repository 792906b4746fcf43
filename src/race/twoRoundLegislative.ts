/**
 * The French legislative rule (scrutin uninominal majoritaire à deux tours), on one draw's votes.
 *
 * Code électoral (Légifrance, LEGITEXT000006070239):
 * - art. L126: "Nul n'est élu au premier tour de scrutin s'il n'a réuni : 1° la majorité absolue des
 *   suffrages exprimés ; 2° un nombre de suffrages égal au quart du nombre des électeurs inscrits. Au second
 *   tour de scrutin, la majorité relative suffit. En cas d'égalité de suffrages, le plus âgé des candidats
 *   est élu." Elected in round 1: votes > 50 % of exprimés and ≥ 25 % of inscrits.
 * - art. L162 (al. 3–5): a candidate may stand in round 2 with at least 12.5 % of inscrits; when only one
 *   candidate reaches it, the next by votes may stand too; when none does, the top two.
 * Withdrawals between the rounds (désistements) are candidates' decisions: a {@link WithdrawRule} models them.
 *
 * Exact ties: L126's tie rule (the elder wins round 2) needs ages the data does not hold, so a round-2 tie
 * is no winner (−1); a tie for the last qualifying place lets every tied candidate through (L162 gives no
 * tie rule). Continuous draws make both probability 0.
 */
import { InputError, describeValue } from '../errors.js';
import type { MultiCandidateRace, SlotLayout, RaceUnits } from './multiCandidateRace.js';
import type { TransferPrior } from './transferPrior.js';
import type { TransferDraw } from './transferDraw.js';
import { seatsPerParty, secondHighest } from './plurality.js';
import { roundTwoVotes, roundTwoWinner, type RoundTwoScratch } from './roundTwo.js';

/** What the legislative rules read of a race. */
export type LegislativeLayout = SlotLayout & { units: Pick<RaceUnits, 'registered'> };

/**
 * Round 1 in every unit (L126, L162): who is elected, who goes to round 2. Valid votes (exprimés) are the
 * unit's slot votes + `other`; inscrits are `units.registered`, which must be positive (with 0 every
 * candidate passes both bars).
 *
 * @param race Layout and registered voters.
 * @param votes Length S: the draw's valid votes per slot, counts.
 * @param other Length N: the draw's valid votes of `other` per unit.
 * @param elected Length N, overwritten: the slot elected in round 1, or −1.
 * @param qualified Length S, overwritten: 1 for a slot in round 2 (all 0 in a unit decided in round 1).
 * @returns The number of units decided in round 1.
 * @example
 * // 100 registered; 40, 30, 10 valid votes: nobody elected (40 is not > 40), 40 and 30 reach 12.5:
 * legislativeRoundOne(race, Float64Array.of(40, 30, 10), Float64Array.of(0), elected, qualified) // => 0 (qualified: [1, 1, 0])
 */
export function legislativeRoundOne(race: LegislativeLayout, votes: Float64Array, other: Float64Array, elected: Int32Array, qualified: Uint8Array): number {
  const { unitStart } = race;
  const registered = race.units.registered;
  let decided = 0;
  for (let u = 0; u < unitStart.length - 1; u++) {
    const from = unitStart[u];
    const to = unitStart[u + 1];
    let valid = other[u];
    for (let s = from; s < to; s++) valid += votes[s];
    const inscrits = registered[u];
    elected[u] = -1;
    let passing = 0;
    for (let s = from; s < to; s++) {
      const v = votes[s];
      if (2 * v > valid && 4 * v >= inscrits) elected[u] = s;
      qualified[s] = 8 * v >= inscrits ? 1 : 0;
      passing += qualified[s];
    }
    if (elected[u] >= 0) {
      qualified.fill(0, from, to);
      decided++;
    } else if (passing < 2) {
      const second = secondHighest(votes, from, to);
      for (let s = from; s < to; s++) if (votes[s] >= second) qualified[s] = 1;
    }
  }
  return decided;
}

/** Withdrawals between the rounds: which finalists step down (désistement), as data. */
export interface WithdrawRule {
  /** Finalists ranked this low or lower by round-1 votes withdraw (3: the third of a three-way round 2). At least two finalists always stay. */
  fromRank: number;
  /** Length P: 1 for the parties whose finalists withdraw; absent: every party. */
  parties?: Uint8Array;
  /** Length P: only in units whose round-1 leader is of one of these parties; absent: every unit. */
  whenLeader?: Uint8Array;
}

/**
 * A withdraw rule from party codes, e.g. the 2024 "front républicain": `{fromRank: 3, parties: ['NFP',
 * 'ENS'], whenLeader: ['RN']}` (thirds of those parties withdraw where RN leads).
 *
 * @param parties Party codes of the race.
 * @param spec `fromRank` (an integer ≥ 2), optional `parties` and `whenLeader` (codes).
 * @returns The rule with party masks.
 * @throws {InputError} a rank that is not an integer ≥ 2, a code that is not a party of the race.
 * @example
 * withdrawRule(['ENS', 'RN', 'NUP'], { fromRank: 3, parties: ['ENS', 'NUP'], whenLeader: ['RN'] }).parties // => Uint8Array [1, 0, 1]
 */
export function withdrawRule(parties: readonly string[], spec: { fromRank: number; parties?: readonly string[]; whenLeader?: readonly string[] }): WithdrawRule {
  if (!Number.isInteger(spec.fromRank) || spec.fromRank < 2) throw new InputError({ at: 'withdraw.fromRank', expected: 'an integer of at least 2', found: describeValue(spec.fromRank) });
  const mask = (codes: readonly string[], key: string) => {
    const out = new Uint8Array(parties.length);
    codes.forEach((c, i) => {
      const p = parties.indexOf(c);
      if (p < 0) throw new InputError({ at: `withdraw.${key}[${i}]`, expected: 'a party of the race', found: describeValue(c) });
      out[p] = 1;
    });
    return out;
  };
  return {
    fromRank: spec.fromRank,
    ...(spec.parties ? { parties: mask(spec.parties, 'parties') } : {}),
    ...(spec.whenLeader ? { whenLeader: mask(spec.whenLeader, 'whenLeader') } : {}),
  };
}

/**
 * Applies a withdraw rule after round 1: in each unit with more than two finalists, finalists ranked
 * `fromRank` or lower (by round-1 votes; ties by slot order) whose party withdraws leave round 2, the
 * lowest-ranked first, while more than two stay.
 *
 * @param race Layout.
 * @param votes Length S: round-1 valid votes per slot.
 * @param rule The withdraw rule.
 * @param qualified Length S: round-2 flags from {@link legislativeRoundOne}, updated in place.
 * @returns The number of candidates who withdrew.
 * @example
 * applyWithdrawals(race, Float64Array.of(40, 30, 20), { fromRank: 3 }, Uint8Array.of(1, 1, 1)) // => 1 (qualified: [1, 1, 0])
 */
export function applyWithdrawals(race: SlotLayout, votes: Float64Array, rule: WithdrawRule, qualified: Uint8Array): number {
  const { unitStart, slotParty } = race;
  let withdrawn = 0;
  for (let u = 0; u < unitStart.length - 1; u++) {
    const from = unitStart[u];
    const to = unitStart[u + 1];
    let finalists = 0;
    let leader = -1;
    for (let s = from; s < to; s++) {
      finalists += qualified[s];
      if (leader < 0 || votes[s] > votes[leader]) leader = s;
    }
    if (finalists <= 2 || (rule.whenLeader && rule.whenLeader[slotParty[leader]] === 0)) continue;
    for (let rank = finalists; rank >= rule.fromRank && finalists > 2; rank--) {
      const s = finalistAtRank(votes, qualified, from, to, rank);
      if (s >= 0 && (!rule.parties || rule.parties[slotParty[s]] === 1)) {
        qualified[s] = 0;
        finalists--;
        withdrawn++;
      }
    }
  }
  return withdrawn;
}

/** The qualified slot ranked `rank` (1 = most votes) among the unit's qualified slots, ties by slot order. */
function finalistAtRank(votes: Float64Array, qualified: Uint8Array, from: number, to: number, rank: number): number {
  for (let s = from; s < to; s++) {
    if (qualified[s] === 0) continue;
    let above = 0;
    for (let t = from; t < to; t++) if (qualified[t] === 1 && (votes[t] > votes[s] || (votes[t] === votes[s] && t < s))) above++;
    if (above + 1 === rank) return s;
  }
  return -1;
}

/**
 * Round 2 in every unit not decided in round 1: the qualified candidates (after withdrawals) get their
 * round-2 votes from the round-1 votes and this election's drawn transfers (see roundTwo.ts; the round-1
 * non-voters are inscrits − exprimés), and the one with the most votes wins (L126 al. 2: a relative
 * majority suffices). A unit decided in round 1 keeps its winner.
 *
 * @param race Layout and registered voters.
 * @param votes Length S: round-1 valid votes per slot.
 * @param other Length N: round-1 `other` votes per unit.
 * @param transfers The prior and this election's draw (drawTransfers).
 * @param elected Length N: round-1 winners ({@link legislativeRoundOne}).
 * @param qualified Length S: round-2 flags.
 * @param round2 Length S, overwritten: round-2 valid votes (0 for slots not in round 2).
 * @param winnerSlot Length N, overwritten: each unit's winning slot, −1 on an exact round-2 tie.
 * @param scratch Work arrays (createRoundTwoScratch(P)).
 * @example
 * // One unit, 1,000 registered: A 150, B 140 qualified, C 10 eliminated; C's drawn row gives B all its voters:
 * legislativeRoundTwo(race, Float64Array.of(150, 140, 10), Float64Array.of(0), transfers, Int32Array.of(-1), Uint8Array.of(1, 1, 0), round2, winners, scratch)
 * // round2 => [150, 150, 0], winners => [-1] (an exact tie: L126 elects the elder, whose age is not in the data)
 */
export function legislativeRoundTwo(
  race: LegislativeLayout,
  votes: Float64Array,
  other: Float64Array,
  transfers: { prior: TransferPrior; draw: TransferDraw },
  elected: Int32Array,
  qualified: Uint8Array,
  round2: Float64Array,
  winnerSlot: Int32Array,
  scratch: RoundTwoScratch,
): void {
  const { unitStart, slotParty } = race;
  const registered = race.units.registered;
  for (let u = 0; u < unitStart.length - 1; u++) {
    const from = unitStart[u];
    const to = unitStart[u + 1];
    if (elected[u] >= 0) {
      round2.fill(0, from, to);
      winnerSlot[u] = elected[u];
      continue;
    }
    let valid = other[u];
    for (let s = from; s < to; s++) valid += votes[s];
    const nonVoters = Math.max(0, registered[u] - valid);
    roundTwoVotes(transfers.prior, transfers.draw, slotParty, from, to, votes, qualified, other[u], nonVoters, round2, scratch);
    winnerSlot[u] = roundTwoWinner(round2, qualified, from, to);
  }
}

/** Output arrays of {@link twoRoundLegislative}, allocated once per run (see createLegislativeOutput). */
export interface LegislativeOutput {
  /** Length N: slot elected in round 1, or −1. */
  elected: Int32Array;
  /** Length S: 1 for a slot in round 2 after withdrawals. */
  qualified: Uint8Array;
  /** Length S: round-2 valid votes. */
  round2: Float64Array;
  /** Length N: winning slot, −1 on an exact tie. */
  winnerSlot: Int32Array;
  /** Length P: seats per party. */
  seats: Float64Array;
}

/**
 * Output arrays for a race.
 *
 * @example
 * createLegislativeOutput(legislatives2022).winnerSlot.length // => 577
 */
export function createLegislativeOutput(race: Pick<MultiCandidateRace, 'unitStart' | 'slotParty' | 'partyCount'>): LegislativeOutput {
  const n = race.unitStart.length - 1;
  const s = race.slotParty.length;
  return { elected: new Int32Array(n), qualified: new Uint8Array(s), round2: new Float64Array(s), winnerSlot: new Int32Array(n), seats: new Float64Array(race.partyCount) };
}

/**
 * The whole legislative rule on one draw: round 1 (L126, L162), the optional withdrawals, round 2 from the
 * drawn transfers, and seats per party (each unit's weight to its winner's party).
 *
 * @param race Layout, registered voters and seat weights.
 * @param votes Length S: round-1 valid votes per slot.
 * @param other Length N: round-1 `other` votes per unit.
 * @param transfers The prior and this election's draw.
 * @param withdraw A withdraw rule, or undefined for none.
 * @param out Output arrays ({@link createLegislativeOutput}), overwritten.
 * @param scratch Work arrays (createRoundTwoScratch(P)).
 * @returns The number of units decided in round 1.
 * @example
 * twoRoundLegislative(legislatives2022, legislatives2022.votes, legislatives2022.units.other, transfers, undefined, out, scratch) // => 5
 */
export function twoRoundLegislative(
  race: LegislativeLayout & { units: Pick<RaceUnits, 'weight'> },
  votes: Float64Array,
  other: Float64Array,
  transfers: { prior: TransferPrior; draw: TransferDraw },
  withdraw: WithdrawRule | undefined,
  out: LegislativeOutput,
  scratch: RoundTwoScratch,
): number {
  const decided = legislativeRoundOne(race, votes, other, out.elected, out.qualified);
  if (withdraw) applyWithdrawals(race, votes, withdraw, out.qualified);
  legislativeRoundTwo(race, votes, other, transfers, out.elected, out.qualified, out.round2, out.winnerSlot, scratch);
  seatsPerParty(race, out.winnerSlot, race.units.weight, out.seats);
  return decided;
}
