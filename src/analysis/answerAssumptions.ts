/**
 * The assumptions interval of any answer computed from runs of a scenario (compare's paired difference,
 * run's P(win) and campaign votes, allocate's gain, the briefing's list effect): the answer computed
 * again at K joint draws of the assumptions (src/analysis/assumptions.ts), every run with the scenario's
 * own seed and the same simulations (common random numbers), so the spread of the answer over the draws
 * is the spread the assumptions make, beside the Monte Carlo interval of the headline run. With
 * `explain`, a tornado on one answer: each assumption at its 5th and 95th percentiles, every other at
 * its median, turned into shares of the spread (assumptionShares). `value` keeps its own loop
 * (listValueAssumptions.ts), which values many groups from the same runs.
 */
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { Side } from '../model/types.js';
import type { CampaignEffects } from '../sim/types.js';
import { assumptionPoints, assumptionShares, assumptionsInterval, assumptionsOf, withAssumptions, type Assumption, type AssumptionPriors, type AssumptionShare } from './assumptions.js';

/** One answer's assumptions interval: 5th and 95th percentiles and mean over the draws, in the answer's unit. */
export interface AnswerInterval {
  low: number;
  high: number;
  mean: number;
}

/** What {@link answerAssumptions} returns. */
export interface AnswerAssumptions {
  /** Joint draws K. */
  draws: number;
  /** The assumptions varied (the union over the scenarios given, in assumptionsOf's order). */
  assumptions: Assumption[];
  /** Per answer key: its interval over the K draws. */
  answers: Record<string, AnswerInterval>;
  /** With `explain`: the answer explained and every assumption's share of its spread, largest first (shares add up to 1, or 0). */
  explain?: { key: string; shares: AssumptionShare[] };
}

/** Puts a scenario at the current draw of the assumptions (the same draw for every scenario of one evaluation). */
export type AtAssumptions = (scenario: ResolvedScenario) => ResolvedScenario;

/** Options of {@link answerAssumptions}. */
export interface AnswerAssumptionsOptions {
  /** K joint draws, >= 2. */
  draws: number;
  /** The non-channel priors (data/parameters.json). */
  priors: AssumptionPriors;
  /** Seed of the Latin hypercube (the scenario's seed). */
  seed: number;
  /** Computes the answers at one draw: `at` puts any of the scenarios at it; returns answer key → value. */
  evaluate: (at: AtAssumptions) => Promise<Record<string, number>>;
  /** An answer key to attribute (tornado: 2 more evaluations per assumption). */
  explain?: string;
  /** Called after each evaluation with evaluations done and in all. */
  onRun?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

/**
 * The assumptions that can move an answer computed from several scenarios (a base and its variants):
 * the union, by key, of each one's {@link assumptionsOf}, first-seen order.
 *
 * @param scenarios resolved scenarios (the base first)
 * @returns the assumptions, each once
 * @example
 * unionOfAssumptions([base, variantWithDoorOn]).map((a) => a.key).includes('turnout.door') // => true
 */
export function unionOfAssumptions(scenarios: readonly ResolvedScenario[]): Assumption[] {
  const seen = new Map<string, Assumption>();
  for (const s of scenarios) for (const a of assumptionsOf(s)) if (!seen.has(a.key)) seen.set(a.key, a);
  return [...seen.values()];
}

/**
 * Every answer's interval over K joint draws of the assumptions of `scenarios`, and optionally what
 * drives one answer's spread. Draws are evaluated one after the other (each evaluation may run its
 * scenarios on the worker pool); the same inputs give the same numbers on any machine.
 *
 * @param scenarios the scenarios the answer is computed from (their assumptions are varied together)
 * @param options draws, priors, seed, `evaluate`, `explain`, `onRun`, `signal`
 * @returns undefined when no assumption varies (every draw would give the same answer)
 * @throws whatever `evaluate` throws (an aborted signal: its reason)
 * @example
 * // scenarios/default.yaml, D's list 6 M → 8 M, 40 draws of 10,000 simulations (compareCommand):
 * (await answerAssumptions([base, variant], { draws: 40, priors, seed: 2024, evaluate })).answers.pWin // => { low: 0.0017, high: 0.0052, mean: 0.0033 } (illustrative)
 */
export async function answerAssumptions(scenarios: readonly ResolvedScenario[], options: AnswerAssumptionsOptions): Promise<AnswerAssumptions | undefined> {
  const assumptions = unionOfAssumptions(scenarios);
  if (assumptions.length === 0) return undefined;
  const { scores, all } = assumptionPoints(options.draws, assumptions.length, options.seed, options.explain !== undefined);
  const values = new Map<string, number[]>();
  const swingValues: number[] = [];
  for (let k = 0; k < all.length; k++) {
    options.signal?.throwIfAborted();
    const z = all[k]!;
    const answers = await options.evaluate((scenario) => withAssumptions(scenario, assumptions, z, options.priors));
    options.onRun?.(k + 1, all.length);
    if (k < scores.length) {
      for (const [key, v] of Object.entries(answers)) values.set(key, [...(values.get(key) ?? []), v]);
    } else swingValues.push(answers[options.explain!] ?? 0);
  }
  const answers: Record<string, AnswerInterval> = {};
  for (const [key, v] of values) answers[key] = assumptionsInterval(v);
  const out: AnswerAssumptions = { draws: options.draws, assumptions, answers };
  if (options.explain !== undefined) {
    const swings = assumptions.map((_, j) => [swingValues[2 * j] ?? 0, swingValues[2 * j + 1] ?? 0] as const);
    out.explain = { key: options.explain, shares: assumptionShares(assumptions, swings) };
  }
  return out;
}

/** The sources of a campaign's net votes, as in `effects`. */
export const VOTE_SOURCES = ['turnout', 'persuasion', 'relay', 'indirect', 'total'] as const satisfies readonly (keyof CampaignEffects)[];

/** What `run --json` (`assumptions`) and summary.json (`report.assumptions`) hold. */
export interface RunAssumptions {
  /** Joint draws K and the simulations of each draw's run(s) (the scenario's seed). */
  draws: number;
  simulations: number;
  /** What the interval is (the run's own P(win) interval is Monte Carlo error, 95 % Wilson). */
  interval: string;
  /** The assumptions varied, by key, with their labels. */
  keys: { key: string; label: string }[];
  /**
   * Per side: P(win), share 0–1, 5th–95th percentiles and mean over the draws, centred on the run's own
   * P(win): each draw's P(win) minus the scenario's as given on the same elections, added to the run's.
   */
  pWin: Record<Side, AnswerInterval>;
  /** Per side and source: the campaign's mean net margin votes, 5th–95th percentiles and mean over the draws. */
  votes: Record<Side, Record<(typeof VOTE_SOURCES)[number], AnswerInterval>>;
  /**
   * With a briefing: our side's list today against no list, ΔP(win) (share 0–1) paired on the same
   * elections at each draw, and each assumption's share of its spread (tornado), largest first.
   */
  listEffect?: { side: Side; listSize: number; deltaPWin: AnswerInterval; shares: AssumptionShare[] };
}
