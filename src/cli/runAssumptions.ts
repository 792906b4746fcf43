/**
 * `run`'s assumptions interval: each side's P(win) and its campaign's net votes by source at K joint
 * draws of the assumptions (src/analysis/assumptions.ts), and, for the briefing, the effect of our side's
 * list (today's list against none, paired on the same elections) with the assumptions that drive its
 * spread (tornado). Beside, never instead of, the Monte Carlo interval of the run itself.
 */
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { VOTE_SOURCES, type AnswerInterval, type RunAssumptions } from '../analysis/answerAssumptions.js';
import type { Side } from '../model/types.js';
import type { SimulationResult } from '../sim/types.js';
import { pairedGroupDifference } from '../analysis/pairedWinDifference.js';
import { ASSUMPTIONS_WORDS, commandAssumptions } from './assumptionOptions.js';

/** An interval moved by `by`, cut to 0–1 (P(win)). */
function shifted(x: AnswerInterval, by: number): AnswerInterval {
  const cut = (v: number) => Math.min(1, Math.max(0, v + by));
  return { low: cut(x.low), high: cut(x.high), mean: cut(x.mean) };
}

/**
 * The assumptions interval of a run (and of its list's effect when `noList` is given: the scenario with
 * our side's list at 0).
 *
 * @param resolved the scenario as run
 * @param draws K (0: none)
 * @param noList the scenario without our side's list, for the briefing's list effect
 * @param context progress sink and abort signal
 * @param asRun the run's own P(win) per side: the P(win) interval is then centred on it, each draw's P(win)
 *   minus the scenario's as given on the same (fewer) elections added to it, so the Monte Carlo error of
 *   the draws' smaller runs does not move the interval away from the run's figure
 * @returns undefined when K is 0 or no assumption varies (no campaign)
 * @example
 * // scenarios/default.yaml, 2,000 simulations, K = 4:
 * (await runAssumptions(resolved, 4, undefined, context))?.pWin.D.low // => about 0.36 (share 0–1)
 */
export async function runAssumptions(resolved: ResolvedScenario, draws: number, noList: ResolvedScenario | undefined, context: { stderr: { write(text: string): unknown }; stderrIsTTY: boolean; signal: AbortSignal }, asRun?: Record<Side, number>): Promise<RunAssumptions | undefined> {
  const side = resolved.sides[0];
  const keep = noList ? { outcome: true, weightA: true } : undefined;
  let referenceRun: Promise<SimulationResult> | undefined;
  const spread = await commandAssumptions(
    noList ? [resolved, noList] : [resolved],
    draws,
    async (at, run) => {
      // The runs of a draw go to the worker pool together (with more than one thread, no worker waits for another's last block).
      referenceRun ??= run(resolved);
      const [result, without] = await Promise.all([run(at(resolved), keep), noList ? run(at(noList), keep) : undefined, referenceRun]);
      const answers: Record<string, number> = {};
      for (const s of resolved.sides) {
        answers[`pWin.${s}`] = result.pWin[s];
        for (const source of VOTE_SOURCES) answers[`votes.${s}.${source}`] = result.effects[s][source];
      }
      if (without) answers.listEffect = pairedGroupDifference(without, result, side).deltaPWin;
      return answers;
    },
    { ...context, ...(noList ? { explain: 'listEffect' } : {}) },
  );
  if (!spread) return undefined;
  const reference = (await referenceRun)?.pWin;
  const a = spread.answers;
  const sides = resolved.sides;
  return {
    draws: spread.draws,
    simulations: spread.simulations,
    interval: ASSUMPTIONS_WORDS.replace('of the change', 'of each figure'),
    keys: spread.assumptions.map((x) => ({ key: x.key, label: x.label })),
    pWin: Object.fromEntries(sides.map((s) => [s, asRun && reference ? shifted(a[`pWin.${s}`]!, asRun[s]! - reference[s]!) : a[`pWin.${s}`]!])),
    votes: Object.fromEntries(sides.map((s) => [s, Object.fromEntries(VOTE_SOURCES.map((v) => [v, a[`votes.${s}.${v}`]!]))])) as RunAssumptions['votes'],
    ...(noList && a.listEffect ? { listEffect: { side, listSize: resolved.campaigns[side]?.listSize ?? 0, deltaPWin: a.listEffect, shares: spread.explain?.shares ?? [] } } : {}),
  };
}
