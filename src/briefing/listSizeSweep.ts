/**
 * A small sweep of P(win) over our side's list size, for the briefing's slider and chart: the same
 * scenario with the list scaled by a few factors, each run with the same seed (common random numbers,
 * so the differences between points are not noise from different draws). Browser-safe: the caller
 * gives how a scenario is resolved and run (the command line: the results and parameters it already
 * loaded, and simulateParallel).
 */
import type { Scenario, ResolvedScenario } from '../scenario/types.js';
import type { Side } from '../model/types.js';
import type { ListSizePoint } from '../charts/winProbabilityByListSize.js';

/** A precomputed sweep of P(win) over our list size, for the briefing's slider and chart. */
export interface ListSizeSweep {
  side: string;
  /** List size today (people). */
  current: number;
  points: ListSizePoint[];
  /** Draws per point (common random numbers: the same seed for every point). */
  simulations: number;
}

/** List-size factors of the briefing sweep (0 = no list; 1 = today). */
const LIST_SIZE_FACTORS = [0, 0.25, 0.5, 0.75, 1, 1.5, 2, 3];

/**
 * The scenario with side `side`'s list multiplied by `factor`: `listSize` set to `factor` × today's size,
 * rounded to whole people, whatever the allocation (counts per territory keep giving the spread, as
 * `--set campaigns.<side>.listSize` does).
 *
 * @param current today's list size (the resolved `listSize`: the counts' sum when the scenario gives none)
 * @example
 * scaleList(scenario, 'D', 2, 6e6).campaigns.D.listSize // => 12000000
 */
function scaleList(scenario: Scenario, side: string, factor: number, current: number): Scenario {
  const campaign = scenario.campaigns?.[side];
  if (!campaign) return scenario;
  return { ...scenario, campaigns: { ...scenario.campaigns, [side]: { ...campaign, listSize: Math.round(current * factor) } } };
}

/** How the sweep resolves and runs each point (the figures it reads of a run). */
export interface ListSizeSweepOptions {
  /** Draws per point. */
  simulations: number;
  /** Resolves a scenario file object (the scaled scenario) as the run resolved its own. */
  resolve: (scenario: Scenario) => ResolvedScenario;
  /** Runs a resolved scenario with the given draws and seed; P(win) and its standard error per side, 0–1. */
  run: (resolved: ResolvedScenario, options: { simulations: number; seed: number }) => Promise<{ pWin: Record<Side, number>; standardError: Record<Side, number> }>;
  signal?: AbortSignal;
  /** Called after each point with points done and points in all. */
  onProgress?: (done: number, total: number) => void;
}

/**
 * Runs the sweep over {@link LIST_SIZE_FACTORS} for the first side ("ours"); each point's interval is
 * P(win) ± 1.96 standard errors (Monte Carlo error, 95 %), cut to 0–1.
 *
 * @param scenario loaded scenario (counts files already read)
 * @param resolved its resolution (list size today)
 * @param options draws per point, how to resolve and run a point, abort signal, progress callback
 * @returns undefined when our side runs no campaign (nothing to sweep)
 * @example
 * (await listSizeSweep(scenario, resolved, { simulations: 20000, resolve, run }))?.points.length // => 8
 */
export async function listSizeSweep(scenario: Scenario, resolved: ResolvedScenario, options: ListSizeSweepOptions): Promise<ListSizeSweep | undefined> {
  const side = resolved.sides[0];
  const current = resolved.campaigns[side]?.listSize ?? 0;
  if (!scenario.campaigns?.[side] || current <= 0) return undefined;
  const points: ListSizeSweep['points'] = [];
  for (const [i, factor] of LIST_SIZE_FACTORS.entries()) {
    options.signal?.throwIfAborted();
    const point = options.resolve(scaleList(scenario, side, factor, current));
    const result = await options.run(point, { simulations: options.simulations, seed: resolved.seed });
    const p = result.pWin[side];
    const half = 1.96 * result.standardError[side];
    points.push({ value: point.campaigns[side].listSize, pWin: p, low: Math.max(0, p - half), high: Math.min(1, p + half) });
    options.onProgress?.(i + 1, LIST_SIZE_FACTORS.length);
  }
  return { side, current, points, simulations: options.simulations };
}
