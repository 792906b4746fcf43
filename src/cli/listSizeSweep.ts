/**
 * A small sweep of P(win) over our side's list size, for the briefing's slider: the same scenario
 * with the list scaled by a few factors, each run with the same seed (common random numbers, so the
 * differences between points are not noise from different draws).
 */
import type { Scenario, ResolvedScenario } from '../scenario/types.js';
import { resolveLoadedScenario } from '../node/prepareScenario.js';
import { simulateParallel } from '../node/simulateParallel.js';
import type { ListSizeSweep } from './reportCharts.js';

/** List-size factors of the briefing sweep (0 = no list; 1 = today). */
export const LIST_SIZE_FACTORS = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3];

/**
 * The scenario with side `side`'s list multiplied by `factor`: `listSize` set to `factor` × today's size,
 * rounded to whole people, whatever the allocation (counts per territory keep giving the spread, as
 * `--set campaigns.<side>.listSize` does).
 *
 * @param current today's list size (the resolved `listSize`: the counts' sum when the scenario gives none)
 * @example
 * scaleList(scenario, 'D', 2, 6e6).campaigns.D.listSize // => 12000000
 */
export function scaleList(scenario: Scenario, side: string, factor: number, current: number): Scenario {
  const campaign = scenario.campaigns?.[side];
  if (!campaign) return scenario;
  return { ...scenario, campaigns: { ...scenario.campaigns, [side]: { ...campaign, listSize: Math.round(current * factor) } } };
}

/**
 * Runs the sweep over {@link LIST_SIZE_FACTORS} for the first side ("ours").
 *
 * @param scenario loaded scenario (counts files already read)
 * @param resolved its resolution (list size today)
 * @param options draws per point, threads, file for messages, abort signal, progress callback (points done, total)
 * @returns undefined when our side runs no campaign (nothing to sweep)
 * @example
 * (await listSizeSweep(scenario, resolved, { simulations: 20000, threads: 1, file: 'a.yaml' }))?.points.length // => 8
 */
export async function listSizeSweep(
  scenario: Scenario,
  resolved: ResolvedScenario,
  options: { simulations: number; threads: number; file: string; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<ListSizeSweep | undefined> {
  const side = resolved.sides[0];
  const current = resolved.campaigns[side]?.listSize ?? 0;
  if (!scenario.campaigns?.[side] || current <= 0) return undefined;
  const points: ListSizeSweep['points'] = [];
  for (const [i, factor] of LIST_SIZE_FACTORS.entries()) {
    options.signal?.throwIfAborted();
    const point = resolveLoadedScenario(scaleList(scenario, side, factor, current), options.file).resolved;
    const result = await simulateParallel(point, { simulations: options.simulations, seed: resolved.seed, threads: options.threads, signal: options.signal });
    const p = result.pWin[side];
    const half = 1.96 * result.standardError[side];
    points.push({ value: point.campaigns[side].listSize, pWin: p, low: Math.max(0, p - half), high: Math.min(1, p + half) });
    options.onProgress?.(i + 1, LIST_SIZE_FACTORS.length);
  }
  return { side, current, points, simulations: options.simulations };
}
