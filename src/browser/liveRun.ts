/**
 * The briefing page's live engine: the scenario file as `campaign-lab run` loaded it, the baseline
 * results and cited parameters it was resolved with, and a function that re-runs it with some keys
 * set, exactly as `campaign-lab run <scenario> --set <key>=<value>` does (setPath on the file,
 * schema validation, resolveScenario, then the same kernel with the same seed). Browser-safe: no
 * Node import here or below; scripts/bundleLiveEngine.mjs bundles it with esbuild for the page's
 * Web Worker (src/browser/liveWorker.ts).
 */
import type { Scenario } from '../scenario/types.js';
import type { ElectionResults, Side } from '../model/types.js';
import type { Parameters } from '../data/parameters.js';
import { setPath } from '../scenario/setPath.js';
import { validateScenario } from '../scenario/validateScenario.js';
import { resolveScenario } from '../scenario/resolveScenario.js';
import { prepareModel } from '../sim/prepareModel.js';
import { BLOCK_SIZE, blockCount, finishResult, simulateBlocks, type BlockTotals } from '../sim/simulate.js';
import { blockSlices } from '../sim/blockSlices.js';
import { summarizeRun } from '../sim/summarizeRun.js';
import { wilsonInterval, type Interval } from '../analysis/winProbability.js';
import { usTileMap } from '../charts/usTileMap.js';
import { franceTileMap } from '../charts/franceTileMap.js';
import type { BriefingChartOptions } from '../charts/theme.js';
import type { TopLevelSpec } from 'vega-lite';

/** What the page carries to re-run its scenario: plain JSON. */
export interface LiveInputs {
  /** The scenario file as loaded by the command line (after its own `--set` overrides). */
  scenario: Scenario;
  /** Baseline results the scenario was resolved with. */
  results: ElectionResults;
  /** Channel priors and model defaults (data/parameters.json). */
  parameters: Parameters;
  /** Past results, present when the scenario uses `uncertainty.correlation: historical`. */
  history?: ElectionResults[];
  /** With `race`: the format the race file was read as (`results` then holds that file's results). */
  raceFormat?: string;
}

/** Figures of one live run, the subset of `run --json` the page shows. */
export interface LiveFigures {
  simulations: number;
  seed: number;
  sides: [Side, Side];
  /** P(win) per side, 0–1. */
  pWin: Record<Side, number>;
  /** Monte Carlo standard error of pWin per side, 0–1. */
  standardError: Record<Side, number>;
  /** 95 % Wilson interval of the first side's pWin (Monte Carlo error), 0–1. */
  pWinInterval: Interval;
  pTie: number;
  /** Expected electoral votes / seats per side. */
  expectedWeight: Record<Side, number>;
  /** The three most frequent tipping-point units with their frequency, 0–1 (units ordered by margins over all votes cast). */
  tippingPoint: { id: string; name: string; share: number }[];
  /** Weighted rules: the electoral-college bias, pp toward the first side, over all votes cast; absent otherwise. */
  electoralCollegeBias?: number;
  /** Mean net margin votes each side's campaign adds, summed over territories. */
  expectedExtraVotes: Record<Side, number>;
  /** Per territory: id, P(first side wins), mean margin pp. */
  territories: { id: string; pWin: number; meanMargin: number }[];
}

/**
 * The scenario with each key path set, validated as `--set` would be.
 *
 * @param scenario the scenario file's object
 * @param settings key path → value (`{'campaigns.D.listSize': 9e6}`)
 * @throws InputError naming the key when a value breaks the scenario schema
 * @example
 * settingsApplied(scenario, { 'campaigns.D.listSize': 9000000 }).campaigns.D.listSize // => 9000000
 */
export function settingsApplied(scenario: Scenario, settings: Record<string, unknown>): Scenario {
  let next: Scenario = scenario;
  for (const [key, value] of Object.entries(settings)) next = setPath(next, key, value);
  return validateScenario(next, 'briefing');
}

/** A scenario as a live engine runs it: resolved as `run --set` would, its model prepared. */
interface LivePrepared {
  resolved: ReturnType<typeof resolveScenario>;
  model: ReturnType<typeof prepareModel>;
}

/** The last scenario prepared, kept for the run's figures after its blocks (same inputs and settings). */
let lastPrepared: { inputs: LiveInputs; settings: string; prepared: LivePrepared } | undefined;

function prepareLive(inputs: LiveInputs, settings: Record<string, unknown>): LivePrepared {
  const key = JSON.stringify(settings);
  if (lastPrepared && lastPrepared.inputs === inputs && lastPrepared.settings === key) return lastPrepared.prepared;
  const prepared = prepareScenarioLive(inputs, settings);
  lastPrepared = { inputs, settings: key, prepared };
  return prepared;
}

function prepareScenarioLive(inputs: LiveInputs, settings: Record<string, unknown>): LivePrepared {
  const scenario = settingsApplied(inputs.scenario, settings);
  const resolved = resolveScenario(scenario, {
    results: inputs.results,
    parameters: inputs.parameters,
    ...(inputs.history ? { history: inputs.history } : {}),
    ...(inputs.raceFormat ? { raceFormat: inputs.raceFormat } : {}),
    file: 'briefing',
  });
  return { resolved, model: prepareModel(resolved) };
}

/**
 * The part of a run's blocks engine `index` of `count` runs: consecutive blocks, the first engines one
 * block fewer when they do not divide evenly (engine 0 also summarizes the run).
 *
 * @param simulations draws of the run
 * @param index this engine, 0 to count − 1
 * @param count engines sharing the run
 * @returns blocks [blockStart, blockEnd)
 * @example
 * livePart(50000, 0, 2) // => { blockStart: 0, blockEnd: 6 } (13 blocks of 4,096 draws: 6 and 7)
 */
export function livePart(simulations: number, index: number, count: number): { blockStart: number; blockEnd: number } {
  const blocks = blockCount(simulations);
  const at = (k: number) => blocks - Math.ceil(((count - k) * blocks) / count);
  return { blockStart: at(index), blockEnd: at(index + 1) };
}

/**
 * One engine's part of a live run (see {@link livePart}): the per-block totals of its blocks, in order.
 * The page's engines each run a part; engine 0 then gives all the blocks, in block order, to
 * {@link liveFigures}.
 *
 * @param inputs scenario, results, parameters (and history) as embedded in the page
 * @param settings key path → value, as for {@link liveRun}
 * @param index this engine, 0 to count − 1
 * @param count engines sharing the run
 * @param onProgress called with this part's draws done and the run's draws, after each block
 * @returns the blocks' totals
 * @throws InputError when a setting breaks the scenario
 * @example
 * liveBlocks(inputs, {}, 1, 2).length // => 7 for 50,000 draws
 */
export function liveBlocks(inputs: LiveInputs, settings: Record<string, unknown>, index: number, count: number, onProgress?: (done: number, total: number) => void): BlockTotals[] {
  const { resolved, model } = prepareLive(inputs, settings);
  const { simulations, seed } = resolved;
  const part = livePart(simulations, index, count);
  const before = part.blockStart * BLOCK_SIZE;
  const blocks: BlockTotals[] = [];
  for (const { blockStart, blockEnd, drawsDone } of blockSlices(simulations, 1).slice(part.blockStart, part.blockEnd)) {
    blocks.push(...simulateBlocks(model, { simulations, seed, blockStart, blockEnd }).blocks);
    onProgress?.(drawsDone - before, simulations);
  }
  return blocks;
}

/**
 * The figures of a live run from all its blocks' totals, in block order (merged in that order, so they
 * are those of one engine running every block).
 *
 * @param inputs scenario, results, parameters (and history) as embedded in the page
 * @param settings key path → value, as for {@link liveRun}
 * @param blocks every block's totals, in block order ({@link liveBlocks} of each engine, joined)
 * @returns the figures of the run
 * @throws InputError when a setting breaks the scenario
 * @example
 * liveFigures(inputs, {}, [...liveBlocks(inputs, {}, 0, 2), ...liveBlocks(inputs, {}, 1, 2)]).pWin // => liveRun(inputs, {}).pWin
 */
export function liveFigures(inputs: LiveInputs, settings: Record<string, unknown>, blocks: BlockTotals[]): LiveFigures {
  const { resolved, model } = prepareLive(inputs, settings);
  const summary = summarizeRun(finishResult(model, resolved.seed, blocks, []), resolved);
  return {
    simulations: summary.simulations,
    seed: summary.seed,
    sides: summary.sides,
    pWin: summary.pWin,
    standardError: summary.standardError,
    pWinInterval: wilsonInterval(Math.round(summary.pWin[summary.sides[0]] * summary.simulations), summary.simulations),
    pTie: summary.pTie,
    expectedWeight: summary.expectedWeight,
    tippingPoint: summary.tippingPoint.slice(0, 3).map((t) => ({ id: t.id, name: t.name, share: t.frequency })),
    ...(summary.electoralCollegeBias ? { electoralCollegeBias: summary.electoralCollegeBias.meanPp } : {}),
    expectedExtraVotes: summary.expectedExtraVotes,
    territories: summary.territories.map((t) => ({ id: t.id, pWin: t.pWin[summary.sides[0]], meanMargin: t.meanMargin })),
  };
}

/**
 * Re-runs the scenario with some keys set: the same resolution and kernel as `campaign-lab run
 * --set key=value`, so with the same seed and simulations the figures are identical to the bit.
 * Runs the kernel's blocks one at a time and reports progress after each (the page's engines share
 * a run with {@link liveBlocks} and {@link liveFigures}).
 *
 * @param inputs scenario, results, parameters (and history) as embedded in the page
 * @param settings key path → value, applied in order (`simulations` may be one of them)
 * @param onProgress called with draws done and draws in all, after each block
 * @returns the figures of the run
 * @throws InputError when a setting breaks the scenario
 * @example
 * liveRun(inputs, { 'campaigns.D.listSize': 9000000, simulations: 20000 }).pWin.D // => the P(D wins) `run --set` prints
 */
export function liveRun(inputs: LiveInputs, settings: Record<string, unknown>, onProgress?: (done: number, total: number) => void): LiveFigures {
  return liveFigures(inputs, settings, liveBlocks(inputs, settings, 0, 1, onProgress));
}

/** A map the engine redraws after each run: which tile map, with its title, subtitle and sources. */
export interface LiveMap {
  kind: 'us' | 'fr';
  options: BriefingChartOptions;
  /** Options of the phone version (a narrower map, same text sizes), drawn when the page is narrow. */
  narrowOptions?: BriefingChartOptions;
}

/**
 * The P(win) tile map of a live run: each territory's P(first side wins) on the report's own map
 * (`layout: 'narrow'`: its phone version, when the map has one).
 *
 * @example
 * liveMapSpec(liveRun(inputs, {}), { kind: 'us', options: { title: 'Where D wins', sources: ['MEDSL'] } }).usermeta.chart // => 'usTileMap'
 */
export function liveMapSpec(figures: LiveFigures, map: LiveMap, layout: 'wide' | 'narrow' = 'wide'): TopLevelSpec {
  const input = { sides: figures.sides, measure: 'pWin' as const, units: figures.territories.map((t) => ({ id: t.id, value: t.pWin })) };
  const options = layout === 'narrow' && map.narrowOptions ? map.narrowOptions : map.options;
  return map.kind === 'us' ? usTileMap(input, options) : franceTileMap(input, options);
}
