/**
 * The Monte Carlo of a multi-candidate race: N simulated elections, each drawing every slot's votes on the
 * log-ratio scale (multiCandidateDraw.ts), drawing the transfers between the rounds once (two-round rules),
 * and deciding the election by the race's rule (plurality, electoral college, popular vote, the presidential
 * two rounds, the legislative two rounds); the counts become P(win), P(qualify), seats with 90 % intervals,
 * P(majority), P(most seats) and per-unit P(win) of every candidate.
 *
 * The draw runs in the kernel's WebAssembly module (multiCandidateKernel.ts), which gives the votes of the
 * JavaScript reference drawMultiCandidate to the last bit; plurality and popular-vote draws are decided
 * there too (the counts of decideDraw), the other rules by decideDraw in JavaScript.
 *
 * Determinism (the project's convention, src/sim/simulate.ts): draws are split in blocks of BLOCK_SIZE
 * (4,096), block b drawing from its own xoshiro128** generator seeded from (seed, b) (blockGeneratorState);
 * the counts of each block add exactly, so the result does not depend on the order the blocks run in nor on
 * the number of threads. One simulated election takes from its block's stream, in order: the mobilisation's
 * uniform (when `mobilisation.uniform`), the campaign's 14 effect normals (when `campaign`), the draw's errors (see drawMultiCandidate), then the transfer rows
 * (two-round rules, drawTransfers).
 *
 * One code path for every K: the rule is data (a switch per draw on preallocated arrays), nothing is
 * allocated per draw.
 */
import { InputError, describeValue } from '../errors.js';
import { BLOCK_SIZE, blockCount, blockDraws } from '../sim/blockTotals.js';
import { blockGeneratorState, nextInt32, zigguratNormal, type NormalStream } from '../sim/normalStream.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';
import { createMultiCandidateDraw, type MultiCandidateUncertainty } from './multiCandidateDraw.js';
import { createMultiCandidateKernel, type MultiCandidateKernel } from './multiCandidateKernel.js';
import { createMultiCandidateTotals, seatSummaries, type MultiCandidateTotals, type SeatSummary } from './multiCandidateTotals.js';
import { createRuleWork, decideDraw, isWeightedRule, type MultiCandidateRule, type RuleWork } from './multiCandidateRule.js';
import type { TransferPrior } from './transferPrior.js';
import type { WithdrawRule } from './twoRoundLegislative.js';
import { addCampaignVotes, type MultiCandidateCampaign } from './multiCandidateCampaign.js';

export { BLOCK_SIZE };
export type { MultiCandidateRule };

/** Options of {@link simulateMultiCandidate}. */
export interface MultiCandidateOptions {
  /** Simulated elections, a positive integer. */
  simulations: number;
  /** Seed of the block generators (any finite number). */
  seed: number;
  /** The rule that decides an election. */
  rule: MultiCandidateRule;
  /** SDs in pp of two-party margin and the national t's degrees of freedom. */
  uncertainty: MultiCandidateUncertainty;
  /** Seats (or electoral votes) for a majority; default more than half (weighted rules only). */
  seatsToWin?: number;
  /** Transfers between the rounds (two-round rules); default defaultTransferPrior(race.parties). */
  transfers?: TransferPrior;
  /** Withdrawals between the legislative rounds; default none. */
  withdraw?: WithdrawRule;
  /**
   * Votes a mobilisation adds per slot before the error (and to its unit's valid votes), counts ≥ 0,
   * length S; with `uniform`, scaled in each simulated election by one uniform(0, 1) draw (the numpy
   * peer's effect: bench/peers/multicandidate_peer.py).
   */
  mobilisation?: { votes: Float64Array; uniform?: boolean };
  /**
   * Our candidate's (party 0's) campaign (multiCandidateCampaign.ts): per simulated election its channel
   * effects are drawn (2 × 7 normals, after the mobilisation's uniform, before the draw's errors) and its
   * signed votes added to our slots, the other slots and each unit's `other`.
   */
  campaign?: MultiCandidateCampaign;
}

/** What a multi-candidate simulation reports: one shape for every K, arrays indexed by party (ours first). */
export interface MultiCandidateResult {
  rule: MultiCandidateRule;
  simulations: number;
  seed: number;
  /** Party codes and display names, ours first. */
  parties: string[];
  partyNames: string[];
  /** P(each party wins): the rule's winner. Seat rules (plurality, two-round-legislative) and the electoral college: a majority (`seatsToWin`). */
  pWin: number[];
  /** P(nobody wins): exact ties, hung parliaments, no party at the threshold. */
  pNoWinner: number;
  /** P(each party reaches round 2), presidential two-round rule only (null otherwise). */
  pQualify: number[] | null;
  /** Seats (or electoral votes) per party, mean and 90 % interval; weighted rules only (null otherwise). */
  seats: SeatSummary[] | null;
  /**
   * Per party, the share of draws with each seat count 0 .. W (W the total seats or electoral votes): the seat
   * histogram; weighted rules only (null otherwise).
   */
  seatDistribution: number[][] | null;
  /** Seats (electoral votes) for a majority, weighted rules only. */
  seatsToWin: number | null;
  /** P(each party holds at least `seatsToWin`), weighted rules only. */
  pMajority: number[] | null;
  /** P(each party alone holds the most seats), weighted rules only. */
  pMostSeats: number[] | null;
  /**
   * Length S, aligned with the race's slots (unit u's candidates at unitStart[u] .. unitStart[u + 1] − 1):
   * P(the candidate wins its unit). Under national rules (popular vote, two-round) a unit elects nobody:
   * P(the candidate leads the unit's round 1).
   */
  slotWin: number[];
  /** Length S: P(the candidate goes to round 2), two-round-legislative only (null otherwise). */
  slotQualify: number[] | null;
}

/** Checks the options that do not depend on the rule. */
function checkOptions(race: MultiCandidateRace, options: MultiCandidateOptions): void {
  const { simulations, seed, mobilisation } = options;
  if (!Number.isInteger(simulations) || simulations < 1) throw new InputError({ at: 'simulations', expected: 'a positive integer', found: describeValue(simulations) });
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new InputError({ at: 'seed', expected: 'a finite number', found: describeValue(seed) });
  if (mobilisation) {
    const s = race.slotParty.length;
    if (!(mobilisation.votes instanceof Float64Array) || mobilisation.votes.length !== s) {
      throw new InputError({ at: 'mobilisation.votes', expected: `a Float64Array of ${s} added votes (one per slot)`, found: describeValue((mobilisation.votes as { length?: number } | undefined)?.length) });
    }
    const bad = mobilisation.votes.findIndex((v) => !(v >= 0 && Number.isFinite(v)));
    if (bad >= 0) throw new InputError({ at: `mobilisation.votes[${bad}]`, expected: 'a non-negative number of votes', found: describeValue(mobilisation.votes[bad]) });
  }
}

/**
 * Simulates a multi-candidate race.
 *
 * @param race The race (every party, ours first).
 * @param options Simulations, seed, rule, uncertainty, and the rule's options.
 * @returns Probabilities and seats, ours first (see {@link MultiCandidateResult}).
 * @throws {InputError} a non-positive or non-integer number of simulations, a non-finite seed, a bad SD or
 *   degrees of freedom, an unknown rule, seat weights that are not whole numbers under a weighted rule, a
 *   `seatsToWin` at or below half, a transfer prior of other parties, a unit without registered voters under
 *   two-round-legislative, a mobilisation array that is not one non-negative count per slot.
 * @example
 * simulateMultiCandidate(canada2011, { simulations: 1000, seed: 1, rule: 'plurality', uncertainty: { national: 0, regional: 0, unit: 0, tails: 6 } }).seats[0]
 * // => { mean: 166, low: 166, high: 166 }
 */
export function simulateMultiCandidate(race: MultiCandidateRace, options: MultiCandidateOptions): MultiCandidateResult {
  checkOptions(race, options);
  const rule = createRuleWork(race, options);
  // Plurality and popular vote are decided in the kernel too; the other rules by decideDraw.
  const inKernel = options.rule === 'plurality' || options.rule === 'popular-vote' ? { rule: options.rule, seatsToWin: rule.seatsToWin, totalWeight: rule.totalWeight } : undefined;
  const kernel = createMultiCandidateKernel(race, createMultiCandidateDraw(race, options.uncertainty), inKernel);
  const work = {
    kernel,
    rule,
    votes: kernel.votes,
    other: kernel.other,
    // A campaign moves votes from `other` too (length S + N); a mobilisation only adds to the slots (length S).
    added: options.campaign ? kernel.added : options.mobilisation ? kernel.added.subarray(0, race.slotParty.length) : null,
  };
  const totals = createMultiCandidateTotals(race, rule.weighted ? rule.totalWeight : 0);
  for (let b = 0; b < blockCount(options.simulations); b++) {
    const [first, end] = blockDraws(b, options.simulations);
    runMultiCandidateBlock(race, work, options, b, end - first, totals);
  }
  return summarizeMultiCandidate(race, options, rule, totals);
}

/** Arrays of a run, allocated once. */
interface RunWork {
  /** The draw in WebAssembly: its generator state, added votes and the draw's votes live in its memory. */
  kernel: MultiCandidateKernel;
  rule: RuleWork;
  votes: Float64Array;
  other: Float64Array;
  added: Float64Array | null;
}

/** 2^-32: an unsigned 32-bit output times this is uniform on [0, 1). */
const TWO_M32 = 1 / 4294967296;

/**
 * Runs `draws` simulated elections of block `block` from its own generator, adding into `totals`.
 */
function runMultiCandidateBlock(race: MultiCandidateRace, work: RunWork, options: MultiCandidateOptions, block: number, draws: number, totals: MultiCandidateTotals): void {
  const state = work.kernel.state;
  state.set(blockGeneratorState(options.seed, block));
  // The transfers' gamma draws read the same generator through the stream interface (one object per block).
  const stream: NormalStream = { uniform: () => (nextInt32(state) >>> 0) * TWO_M32, normal: () => zigguratNormal(state) };
  const mobilisation = options.mobilisation;
  const { added, votes, other, rule } = work;
  for (let i = 0; i < draws; i++) {
    if (mobilisation && added) {
      const scale = mobilisation.uniform ? (nextInt32(state) >>> 0) * TWO_M32 : 1;
      for (let s = 0; s < mobilisation.votes.length; s++) added[s] = scale * mobilisation.votes[s];
    }
    if (options.campaign && added) addCampaignVotes(race, options.campaign, state, added, !mobilisation);
    work.kernel.draw(added);
    if (work.kernel.decide) work.kernel.decide();
    else decideDraw(race, rule, stream, votes, other, totals);
  }
  work.kernel.addCounts(totals);
}

/**
 * The result from a run's counts (simulateMultiCandidate's, and each plan's of simulateMultiCandidatePlans).
 *
 * @example
 * summarizeMultiCandidate(canada2011, options, rule, totals).pWin.length // => 5 (one per party)
 */
export function summarizeMultiCandidate(race: MultiCandidateRace, options: MultiCandidateOptions, rule: RuleWork, totals: MultiCandidateTotals): MultiCandidateResult {
  const n = totals.draws;
  const share = (a: Float64Array) => Array.from(a, (c) => c / n);
  const weighted = isWeightedRule(options.rule);
  return {
    rule: options.rule,
    simulations: n,
    seed: options.seed,
    parties: [...race.parties],
    partyNames: [...race.partyNames],
    pWin: share(totals.wins),
    pNoWinner: totals.noWinner / n,
    pQualify: options.rule === 'two-round' ? share(totals.qualify) : null,
    seats: weighted ? seatSummaries(totals, race.partyCount) : null,
    seatDistribution: weighted ? seatDistribution(totals, race.partyCount) : null,
    seatsToWin: weighted ? rule.seatsToWin : null,
    pMajority: weighted ? share(totals.wins) : null,
    pMostSeats: weighted ? share(totals.mostSeats) : null,
    slotWin: share(totals.slotWins),
    slotQualify: options.rule === 'two-round-legislative' ? share(totals.slotQualify) : null,
  };
}

/** Each party's share of draws per seat count (the histogram of the seat counts). */
function seatDistribution(totals: MultiCandidateTotals, partyCount: number): number[][] {
  const bins = totals.seatCounts.length / partyCount;
  return Array.from({ length: partyCount }, (_, p) => Array.from(totals.seatCounts.subarray(p * bins, (p + 1) * bins), (c) => c / totals.draws));
}
