/**
 * Campaign plans for our candidate compared on the same simulated elections (common random numbers): the
 * engine of `value`, `compare` and `allocate` on a multi-candidate race (issue 20 section 5).
 *
 * Every plan runs the same N elections in lockstep: for each election the block generator's state is saved,
 * and each plan starts from it, draws its 14 channel-effect normals, the election's errors and (two-round
 * rules) the transfers; the generator takes the same count of numbers whatever the plan (the effects are
 * 14 normals for every plan, the transfers' draws depend only on the prior), so plan p's numbers are those
 * of simulateMultiCandidate with `campaign: plans[p]` and the same seed, and each election's errors are the
 * same for every plan. The differences to plan 0 are then paired per election: the change in P(our
 * candidate wins) (P(majority) under seat rules), P(qualifies) (presidential two rounds) and our expected
 * seats (seat rules), each with a 90 % normal interval of the per-election differences (pairedInterval).
 */
import { InputError, describeValue } from '../errors.js';
import { blockCount, blockDraws } from '../sim/blockTotals.js';
import { blockGeneratorState, nextInt32, zigguratNormal, type NormalStream } from '../sim/normalStream.js';
import { pairedInterval, Z90 } from '../analysis/pairedWinDifference.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';
import { createMultiCandidateDraw } from './multiCandidateDraw.js';
import { createMultiCandidateKernel } from './multiCandidateKernel.js';
import { createMultiCandidateTotals, type MultiCandidateTotals } from './multiCandidateTotals.js';
import { createRuleWork, decideDraw, type RuleWork } from './multiCandidateRule.js';
import { addCampaignVotes, type MultiCandidateCampaign } from './multiCandidateCampaign.js';
import { summarizeMultiCandidate, type MultiCandidateOptions, type MultiCandidateResult } from './simulateMultiCandidate.js';

/** Our candidate's outcome under one plan. */
export interface PlanOutcome {
  /** P(our candidate wins): the rule's winner; seat rules and the electoral college: a majority. */
  pWin: number;
  /** P(our candidate reaches round 2), presidential two-round rule only (null otherwise). */
  pQualify: number | null;
  /** Our mean seats (electoral votes), weighted rules only (null otherwise). */
  seats: number | null;
  /** Our campaign's mean net votes per election (mobilised + switched + our share of relay and indirect votes). */
  netVotes: number;
}

/** A paired difference (plan − plan 0) with its 90 % interval. */
export interface PairedChange {
  mean: number;
  low: number;
  high: number;
  standardError: number;
}

/** One plan against plan 0 on the same elections. */
export interface PlanDifference {
  /** ΔP(win), with the elections the plan wins that plan 0 does not (`gained`) and the reverse (`lost`). */
  pWin: PairedChange & { gained: number; lost: number };
  /** ΔP(qualify), two-round rule only. */
  pQualify: (PairedChange & { gained: number; lost: number }) | null;
  /** Δ our expected seats, weighted rules only. */
  seats: PairedChange | null;
}

/** What {@link simulateMultiCandidatePlans} reports. */
export interface PlansResult {
  simulations: number;
  seed: number;
  /** Our party code and name. */
  party: string;
  partyName: string;
  plans: PlanOutcome[];
  /** Per plan, the whole result simulateMultiCandidate gives for it (every party, seats, per-unit P(win)). */
  results: MultiCandidateResult[];
  /** Per plan, against plan 0 (the first is all zeros). */
  differences: PlanDifference[];
}

/** Per plan, per election: our win, qualification and seats (the paired sums are taken per election). */
interface PlanTally {
  totals: MultiCandidateTotals;
  win: Float64Array;
  qualify: Float64Array;
  seats: Float64Array;
  net: number;
  /** Sums over elections against plan 0: win (Σd, Σd², gained, lost), qualify (the same), seats (Σd, Σd²). */
  sums: Float64Array;
}

/** 2^-32: an unsigned 32-bit output times this is uniform on [0, 1). */
const TWO_M32 = 1 / 4294967296;

/**
 * Simulates a multi-candidate race under each of our candidate's campaign plans on the same elections.
 *
 * @param race The race (party 0 is ours).
 * @param options Simulations, seed, rule, uncertainty, seats to win, transfers (`mobilisation` and
 *   `campaign` are not taken: the plans are the campaigns).
 * @param plans At least one prepared campaign (createMultiCandidateCampaign); plan 0 is the reference
 *   (an empty campaign for "no list").
 * @returns Our outcome per plan and each plan's paired difference to plan 0.
 * @throws {InputError} no plan, a non-positive number of simulations, a non-finite seed; the rule's and the
 *   draw's errors (createRuleWork, createMultiCandidateDraw).
 * @example
 * // Notebook 08: France 2022 for LFI, 4,000 elections, seed 2022, French priors, e-mail + door + relay list of 2.5 M:
 * simulateMultiCandidatePlans(race, options, [none, list]).differences[1].pQualify.mean // => 0.00125
 */
export function simulateMultiCandidatePlans(race: MultiCandidateRace, options: MultiCandidateOptions, plans: MultiCandidateCampaign[]): PlansResult {
  const { simulations, seed } = options;
  if (plans.length === 0) throw new InputError({ at: 'plans', expected: 'at least one campaign plan', found: 'none' });
  if (!Number.isInteger(simulations) || simulations < 1) throw new InputError({ at: 'simulations', expected: 'a positive integer', found: describeValue(simulations) });
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new InputError({ at: 'seed', expected: 'a finite number', found: describeValue(seed) });
  const rule = createRuleWork(race, options);
  // The draw runs in the WebAssembly kernel, as simulateMultiCandidate's; each plan's election is decided by
  // decideDraw into the plan's own totals. The kernel's state, added votes (length S + N), votes and other are
  // read and written in place.
  const kernel = createMultiCandidateKernel(race, createMultiCandidateDraw(race, options.uncertainty));
  const saved = new Int32Array(4);
  const tallies: PlanTally[] = plans.map(() => ({
    totals: createMultiCandidateTotals(race, rule.weighted ? rule.totalWeight : 0),
    win: new Float64Array(1),
    qualify: new Float64Array(1),
    seats: new Float64Array(1),
    net: 0,
    sums: new Float64Array(10),
  }));
  for (let b = 0; b < blockCount(simulations); b++) {
    const [first, end] = blockDraws(b, simulations);
    const state = kernel.state;
    state.set(blockGeneratorState(seed, b));
    const stream: NormalStream = { uniform: () => (nextInt32(state) >>> 0) * TWO_M32, normal: () => zigguratNormal(state) };
    for (let i = first; i < end; i++) {
      saved.set(state);
      for (let p = 0; p < plans.length; p++) {
        state.set(saved);
        const t = tallies[p]!;
        t.net += addCampaignVotes(race, plans[p]!, state, kernel.added, true);
        kernel.draw(kernel.added);
        recordOutcome(race, rule, stream, kernel.votes, kernel.other, t);
        if (p > 0) addPaired(tallies[0]!, t);
      }
    }
  }
  return summarizePlans(race, options, rule, tallies);
}

/** Decides one election for a plan and keeps our outcome in the tally's one-election slots. */
function recordOutcome(race: MultiCandidateRace, rule: RuleWork, stream: NormalStream, votes: Float64Array, other: Float64Array, t: PlanTally): void {
  const winsBefore = t.totals.wins[0]!;
  const qualifyBefore = t.totals.qualify[0]!;
  decideDraw(race, rule, stream, votes, other, t.totals);
  t.win[0] = t.totals.wins[0]! - winsBefore;
  t.qualify[0] = t.totals.qualify[0]! - qualifyBefore;
  t.seats[0] = rule.weighted ? rule.perParty[0]! : 0;
}

/** Adds one election's differences (plan − plan 0) to the plan's sums. */
function addPaired(base: PlanTally, t: PlanTally): void {
  const s = t.sums;
  const dw = t.win[0]! - base.win[0]!;
  const dq = t.qualify[0]! - base.qualify[0]!;
  const ds = t.seats[0]! - base.seats[0]!;
  s[0]! += dw;
  s[1]! += dw * dw;
  if (dw > 0) s[2]!++;
  else if (dw < 0) s[3]!++;
  s[4]! += dq;
  s[5]! += dq * dq;
  if (dq > 0) s[6]!++;
  else if (dq < 0) s[7]!++;
  s[8]! += ds;
  s[9]! += ds * ds;
}

/** Outcomes and differences from the tallies. */
function summarizePlans(race: MultiCandidateRace, options: MultiCandidateOptions, rule: RuleWork, tallies: PlanTally[]): PlansResult {
  const n = options.simulations;
  const twoRound = options.rule === 'two-round';
  const change = (sum: number, sumSq: number, zero: number): PairedChange => {
    const { mean, standardError, low, high } = pairedInterval(sum, sumSq, n, Z90, zero);
    return { mean, low, high, standardError };
  };
  return {
    simulations: n,
    seed: options.seed,
    party: race.parties[0]!,
    partyName: race.partyNames[0]!,
    plans: tallies.map((t) => ({
      pWin: t.totals.wins[0]! / n,
      pQualify: twoRound ? t.totals.qualify[0]! / n : null,
      seats: rule.weighted ? meanSeats(t.totals, rule.totalWeight) : null,
      netVotes: t.net / n,
    })),
    results: tallies.map((t) => summarizeMultiCandidate(race, options, rule, t.totals)),
    differences: tallies.map((t) => {
      const s = t.sums;
      // With no election changed, the interval's half-width is the rule of three (3 / n), as pairedGroupDifference.
      return {
        pWin: { ...change(s[0]!, s[1]!, 3 / n), gained: s[2]!, lost: s[3]! },
        pQualify: twoRound ? { ...change(s[4]!, s[5]!, 3 / n), gained: s[6]!, lost: s[7]! } : null,
        seats: rule.weighted ? change(s[8]!, s[9]!, 0) : null,
      };
    }),
  };
}

/** Our mean seats from the seat histogram (party 0's row). */
function meanSeats(totals: MultiCandidateTotals, totalWeight: number): number {
  let sum = 0;
  for (let k = 0; k <= totalWeight; k++) sum += k * totals.seatCounts[k]!;
  return sum / totals.draws;
}
