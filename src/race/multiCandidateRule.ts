/**
 * The rule step of the multi-candidate simulation: one simulated election's votes in, the rule of
 * src/race/ applied on preallocated arrays, the counts updated. The rule is data (a name and its arrays):
 * one code path for every K and every rule.
 */
import { InputError, describeValue } from '../errors.js';
import type { NormalStream } from '../sim/normalStream.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';
import type { MultiCandidateTotals } from './multiCandidateTotals.js';
import { pluralityWinners, seatsPerParty, seatsToWinFor, majorityParty, leadingParty } from './plurality.js';
import { electoralCollegeWinner } from './electoralCollege.js';
import { popularVoteWinner } from './popularVote.js';
import { twoRoundPresidential, createPresidentialOutput, type PresidentialOutput } from './twoRoundPresidential.js';
import { twoRoundLegislative, createLegislativeOutput, type LegislativeOutput, type WithdrawRule } from './twoRoundLegislative.js';
import { createRoundTwoScratch, type RoundTwoScratch } from './roundTwo.js';
import { createTransferDraw, drawTransfers, type TransferDraw } from './transferDraw.js';
import { defaultTransferPrior, type TransferPrior } from './transferPrior.js';

/** Rules a multi-candidate race is decided by (see plurality.ts, electoralCollege.ts, popularVote.ts, twoRoundPresidential.ts, twoRoundLegislative.ts). */
export type MultiCandidateRule = 'plurality' | 'electoral-college' | 'popular-vote' | 'two-round' | 'two-round-legislative';

export const MULTI_CANDIDATE_RULES: readonly MultiCandidateRule[] = ['plurality', 'electoral-college', 'popular-vote', 'two-round', 'two-round-legislative'];

/**
 * True for the rules that count seats or electoral votes (units' weights): plurality, electoral-college,
 * two-round-legislative.
 *
 * @example
 * isWeightedRule('two-round') // => false
 */
export function isWeightedRule(rule: MultiCandidateRule): boolean {
  return rule === 'plurality' || rule === 'electoral-college' || rule === 'two-round-legislative';
}

/** The rule's arrays, allocated once per run. */
export interface RuleWork {
  rule: MultiCandidateRule;
  weighted: boolean;
  /** Seats (electoral votes) in the race, a whole number; 0 under national rules. */
  totalWeight: number;
  /** Threshold of a majority (weighted rules), else 0. */
  seatsToWin: number;
  /** Length N: each unit's winning slot (or round-1 leader), −1 for none. */
  winnerSlot: Int32Array;
  /** Length P: seats, electoral votes or national votes per party of the draw. */
  perParty: Float64Array;
  transfers: { prior: TransferPrior; draw: TransferDraw } | null;
  withdraw: WithdrawRule | undefined;
  presidential: PresidentialOutput | null;
  legislative: LegislativeOutput | null;
  scratch: RoundTwoScratch | null;
}

/** Total weight of a weighted rule, checked to be whole seats. */
function seatTotal(race: MultiCandidateRace): number {
  let total = 0;
  race.units.weight.forEach((w, u) => {
    if (!Number.isInteger(w) || w < 0) throw new InputError({ at: `units.weight[${u}] (${race.units.ids[u]})`, expected: 'a whole number of seats or electoral votes', found: describeValue(w) });
    total += w;
  });
  if (total === 0) throw new InputError({ at: 'units.weight', expected: 'seats or electoral votes in at least one unit', found: '0 in every unit' });
  return total;
}

/**
 * The rule's arrays for a race, with its checks.
 *
 * @param race The race.
 * @param options The rule, `seatsToWin`, `transfers`, `withdraw`.
 * @returns Arrays for {@link decideDraw}.
 * @throws {InputError} an unknown rule; weights that are not whole seats, or none, under a weighted rule; a
 *   `seatsToWin` at or below half; a transfer prior whose parties are not the race's; a unit with no
 *   registered voters under two-round-legislative (L126 and L162 count shares of inscrits).
 * @example
 * createRuleWork(canada2011, { rule: 'plurality' }).seatsToWin // => 155
 */
export function createRuleWork(race: MultiCandidateRace, options: { rule: MultiCandidateRule; seatsToWin?: number; transfers?: TransferPrior; withdraw?: WithdrawRule }): RuleWork {
  const { rule } = options;
  if (!MULTI_CANDIDATE_RULES.includes(rule)) throw new InputError({ at: 'rule', expected: `one of ${MULTI_CANDIDATE_RULES.join(', ')}`, found: describeValue(rule) });
  const p = race.partyCount;
  const weighted = isWeightedRule(rule);
  const totalWeight = weighted ? seatTotal(race) : 0;
  const twoRound = rule === 'two-round' || rule === 'two-round-legislative';
  let transfers: RuleWork['transfers'] = null;
  if (twoRound) {
    const prior = options.transfers ?? defaultTransferPrior(race.parties);
    if (prior.parties.length !== p || prior.parties.some((code, i) => code !== race.parties[i])) {
      throw new InputError({ at: 'transfers', expected: `a transfer prior over the race's parties (${race.parties.join(', ')})`, found: prior.parties.join(', ') });
    }
    transfers = { prior, draw: createTransferDraw(prior) };
  }
  if (rule === 'two-round-legislative') {
    const u = race.units.registered.findIndex((r) => !(r > 0));
    if (u >= 0) throw new InputError({ at: `units.registered[${u}] (${race.units.ids[u]})`, expected: 'registered voters (inscrits) above 0', found: describeValue(race.units.registered[u]) });
  }
  const legislative = rule === 'two-round-legislative' ? createLegislativeOutput(race) : null;
  return {
    rule,
    weighted,
    totalWeight,
    seatsToWin: weighted ? seatsToWinFor(totalWeight, options.seatsToWin) : 0,
    winnerSlot: legislative ? legislative.winnerSlot : new Int32Array(race.unitStart.length - 1),
    perParty: legislative ? legislative.seats : new Float64Array(p),
    transfers,
    withdraw: options.withdraw,
    presidential: rule === 'two-round' ? createPresidentialOutput(p) : null,
    legislative,
    scratch: twoRound ? createRoundTwoScratch(p) : null,
  };
}

/**
 * Decides one simulated election and adds it to the counts: the transfers drawn from `stream` (two-round
 * rules, once per election), the rule applied, then the winner, each unit's winning slot (round-1 leader
 * under national rules), the finalists, and under weighted rules the seat histogram and the party alone
 * with the most seats.
 *
 * @param race The race.
 * @param work The rule's arrays ({@link createRuleWork}).
 * @param stream The block's stream (transfers' gamma draws).
 * @param votes Length S: the draw's valid votes per slot.
 * @param other Length N: the draw's `other` votes per unit.
 * @param totals Counts, updated.
 * @example
 * decideDraw(canada2011, work, stream, canada2011.votes, canada2011.units.other, totals); totals.wins[0] // => 1 (CPC, 166 of 308 seats)
 */
export function decideDraw(race: MultiCandidateRace, work: RuleWork, stream: NormalStream, votes: Float64Array, other: Float64Array, totals: MultiCandidateTotals): void {
  const p = race.partyCount;
  const { winnerSlot, perParty } = work;
  if (work.transfers) drawTransfers(work.transfers.prior, stream, work.transfers.draw);
  let winner = -1;
  switch (work.rule) {
    case 'plurality':
      pluralityWinners(race, votes, winnerSlot);
      seatsPerParty(race, winnerSlot, race.units.weight, perParty);
      winner = majorityParty(perParty, p, work.seatsToWin);
      break;
    case 'electoral-college':
      winner = electoralCollegeWinner(race, votes, race.units.weight, work.seatsToWin, winnerSlot, perParty);
      break;
    case 'popular-vote':
      winner = popularVoteWinner(race, votes, perParty);
      pluralityWinners(race, votes, winnerSlot);
      break;
    case 'two-round': {
      const out = work.presidential!;
      winner = twoRoundPresidential(race, votes, other, work.transfers!, out, work.scratch!);
      for (let k = 0; k < p; k++) totals.qualify[k] += out.finalists[k];
      pluralityWinners(race, votes, winnerSlot);
      break;
    }
    case 'two-round-legislative': {
      const out = work.legislative!;
      twoRoundLegislative(race, votes, other, work.transfers!, work.withdraw, out, work.scratch!);
      for (let s = 0; s < out.qualified.length; s++) totals.slotQualify[s] += out.qualified[s];
      winner = majorityParty(perParty, p, work.seatsToWin);
      break;
    }
  }
  totals.draws++;
  if (winner >= 0) totals.wins[winner]++;
  else totals.noWinner++;
  for (let u = 0; u < winnerSlot.length; u++) if (winnerSlot[u] >= 0) totals.slotWins[winnerSlot[u]]++;
  if (work.weighted) {
    const bins = work.totalWeight + 1;
    for (let k = 0; k < p; k++) totals.seatCounts[k * bins + perParty[k]]++;
    const most = leadingParty(perParty, p);
    if (most >= 0) totals.mostSeats[most]++;
  }
}
