/**
 * The assumptions interval on the command line, shared by `value`, `compare`, `allocate` and `run`: the
 * `--assumption-draws K` option, the words that say what each interval is, and the runner that evaluates
 * an answer at K joint draws of the assumptions (src/analysis/answerAssumptions.ts) on the worker pool,
 * each run on min(simulations, ASSUMPTION_SIMULATIONS) draws with the scenario's seed.
 */
import { InputError, describeValue } from '../errors.js';
import type { OptionSpec } from './parseArguments.js';
import { ProgressBar } from './ProgressBar.js';
import { loadParameters } from '../node/data/loadParameters.js';
import { simulateParallel } from '../node/simulateParallel.js';
import { ASSUMPTION_SIMULATIONS } from '../analysis/listValueAssumptions.js';
import { answerAssumptions, type AnswerAssumptions, type AtAssumptions } from '../analysis/answerAssumptions.js';
import type { AssumptionPriors } from '../analysis/assumptions.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { KeepOptions } from '../sim/blockTotals.js';
import type { SimulationResult } from '../sim/types.js';

/** Joint draws of the assumptions by default (value, compare, allocate). */
export const DEFAULT_ASSUMPTION_DRAWS = 40;

/**
 * Joint draws by default for `run`, which every report and notebook calls: half the others, so a plain
 * run costs at most 20 more runs of 10,000 simulations (a briefing: 40, plus the tornado's 4 per assumption).
 */
export const RUN_ASSUMPTION_DRAWS = 20;

/** What the Monte Carlo interval is, in every command's JSON `intervals`. */
export const MONTE_CARLO_WORDS = '90% paired interval of the simulated elections (sampling error only, common random numbers)';

/** What the assumptions interval is, in every command's JSON `intervals`. */
export const ASSUMPTIONS_WORDS = "5th-95th percentiles of the change over joint draws of the assumptions (every mechanism's prior), each on the same simulated elections";

/**
 * The `--assumption-draws` option, described for a command.
 *
 * @example
 * assumptionDrawsOption('the paired difference').valueName // => 'K'
 */
export function assumptionDrawsOption(what: string, fallback = DEFAULT_ASSUMPTION_DRAWS): OptionSpec {
  return { type: 'string', valueName: 'K', description: `Joint draws of the assumptions for the assumptions interval of ${what} (default ${fallback}; 0: none).` };
}

/**
 * K of `--assumption-draws`: 0 (none) or 2 to 1000.
 *
 * @param text the option's text, undefined when not given
 * @param fallback K when not given (default {@link DEFAULT_ASSUMPTION_DRAWS})
 * @throws InputError (exit 2) naming `--assumption-draws`, what is expected and what was found
 * @example
 * parseAssumptionDraws('12') // => 12
 */
export function parseAssumptionDraws(text: string | undefined, fallback = DEFAULT_ASSUMPTION_DRAWS): number {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (text.trim() === '' || !Number.isInteger(n) || n < 0 || n === 1 || n > 1000) {
    throw new InputError({ at: '--assumption-draws', expected: '0 (none) or a whole number of draws from 2 to 1000', found: describeValue(text) });
  }
  return n;
}

/**
 * The non-channel priors of the assumptions, from data/parameters.json.
 *
 * @example
 * assumptionPriors().networkHomophily.central // => 0.75
 */
export function assumptionPriors(): AssumptionPriors {
  const p = loadParameters();
  return { volunteerConversion: p.volunteerConversion, relayContactsPerVolunteer: p.relayContactsPerVolunteer, networkHomophily: p.networkHomophily, listChurn: p.listChurn };
}

/** Runs one scenario of an evaluation: the worker pool, the scenario's seed, the assumption draws' simulations. */
export type AssumptionRun = (scenario: ResolvedScenario, keep?: KeepOptions) => Promise<SimulationResult>;

/**
 * An answer's assumptions interval on the command line: K draws (none when K is 0 or nothing varies),
 * each evaluated with runs of min(simulations, ASSUMPTION_SIMULATIONS) draws on the worker pool, with a
 * progress bar on a terminal.
 *
 * @param scenarios the scenarios the answer comes from (their assumptions vary together)
 * @param draws K
 * @param evaluate the answers at one draw, from `at` (puts a scenario at the draw) and `run`
 * @param context where the progress bar goes, the abort signal; `explain`: an answer key to attribute
 * @returns the intervals and the simulations of each run, or undefined
 * @example
 * // compareCommand: K = 40 on scenarios/default.yaml, 20,000 simulations → 40 × 2 runs of 10,000
 * (await commandAssumptions([base, variant], 40, evaluate, context))?.simulations // => 10000
 */
export async function commandAssumptions(
  scenarios: readonly ResolvedScenario[],
  draws: number,
  evaluate: (at: AtAssumptions, run: AssumptionRun) => Promise<Record<string, number>>,
  context: { stderr: { write(text: string): unknown }; stderrIsTTY: boolean; signal: AbortSignal; explain?: string },
): Promise<(AnswerAssumptions & { simulations: number }) | undefined> {
  if (draws === 0 || scenarios.length === 0) return undefined;
  const { seed, threads } = scenarios[0]!;
  const simulations = Math.min(scenarios[0]!.simulations, ASSUMPTION_SIMULATIONS);
  // Answers are P(win)s, votes by source and paired outcomes: the runs skip the tipping points (the same
  // elections and figures, without the per-draw search for the tipping territory).
  const run: AssumptionRun = (scenario, keep) =>
    simulateParallel({ ...scenario, simulations }, { simulations, seed, threads, ...(keep ? { keep } : {}), prepare: { tippingPoints: false }, signal: context.signal });
  const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'assumptions' });
  try {
    const out = await answerAssumptions(scenarios, {
      draws,
      priors: assumptionPriors(),
      seed,
      evaluate: (at) => evaluate(at, run),
      ...(context.explain !== undefined ? { explain: context.explain } : {}),
      onRun: (done, total) => bar.update(done, total),
      signal: context.signal,
    });
    return out ? { ...out, simulations } : undefined;
  } finally {
    bar.finish();
  }
}
