/**
 * The value of list growth, one implementation for `campaign-lab value` and the notebooks'
 * listMarginalValue: the paired change in P(win) (and in expected weight) when a group of territories
 * gets more supporters, measured on common random numbers with one interval convention (90 %, see
 * pairedWinDifference.ts). Two methods give the same numbers:
 * - `shared-draws` (weighted rules): two runs, the scenario and every group added at once, with each
 *   draw's margins kept; a territory's margin moves only with its own list, so each group's variant is
 *   read off those two runs (src/analysis/listValueOnSharedDraws.ts);
 * - `one-run-per-group` (any rule): one variant run per group beside the base run.
 * The caller injects how a scenario is run (the same seed and simulations every time): the worker pool
 * on the command line, `simulate` in a notebook or the browser. A run too large to keep its margins goes
 * slice by slice of blocks in this thread ({@link listValueSliced}), with the same draws.
 */
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { Side } from '../model/types.js';
import type { KeepOptions } from '../sim/blockTotals.js';
import type { SimulationResult } from '../sim/types.js';
import { prepareModel } from '../sim/prepareModel.js';
import { BLOCK_SIZE, simulateBlocks } from '../sim/simulate.js';
import { blockSlices } from '../sim/blockSlices.js';
import { pairedGroupDifference } from './pairedWinDifference.js';
import { groupDifferencesOnSharedDraws, sharedDrawAccumulator, withAllGroupsAdded, type GroupDifference, type SupporterGroup } from './listValueOnSharedDraws.js';

/** How a list value is computed (see the module comment). */
export type ListValueMethod = 'shared-draws' | 'one-run-per-group';

/** One run a list value asks for: a scenario and what to keep of each draw. */
export interface ListValueRun {
  scenario: ResolvedScenario;
  keep: KeepOptions;
}

/** Runs a scenario with the caller's fixed seed and simulations, keeping what is asked (common random numbers). */
export type ListValueRunner = (scenario: ResolvedScenario, keep: KeepOptions) => SimulationResult;

/** The same, for a runner that works asynchronously (the worker pool). */
export type AsyncListValueRunner = (scenario: ResolvedScenario, keep: KeepOptions) => Promise<SimulationResult>;

/** A list value: every group's paired change, highest first, and the base P(win) of the side. */
export interface ListValue {
  method: ListValueMethod;
  rows: GroupDifference[];
  basePWin: number;
}

/**
 * The method a race takes by default: shared draws under weighted rules (electoral college, seats), one
 * run per group under national-vote rules (every territory's list moves the national sum).
 *
 * @example
 * listValueMethod({ rule: 'popular-vote' }) // => 'one-run-per-group'
 */
export function listValueMethod(scenario: Pick<ResolvedScenario, 'rule'>): ListValueMethod {
  return scenario.rule === 'electoral-college' || scenario.rule === 'seats' ? 'shared-draws' : 'one-run-per-group';
}

/** The runs of a list value, in order; each run's result is sent back in, the value is returned. */
function* listValueRuns(resolved: ResolvedScenario, groups: readonly SupporterGroup[], side: Side, method: ListValueMethod): Generator<ListValueRun, ListValue, SimulationResult> {
  if (method === 'shared-draws') {
    const base = yield { scenario: resolved, keep: { margins: true } };
    const boosted = yield { scenario: withAllGroupsAdded(resolved, side, groups), keep: { margins: true } };
    return { method, rows: groupDifferencesOnSharedDraws(resolved, base, boosted, groups, side), basePWin: base.pWin[side] };
  }
  const keep = { outcome: true, weightA: true };
  const base = yield { scenario: resolved, keep };
  const rows: GroupDifference[] = [];
  for (const group of groups) {
    const variant = yield { scenario: withAllGroupsAdded(resolved, side, [group]), keep };
    rows.push({ id: group.id, name: group.name, added: Math.round(Object.values(group.extra).reduce((a, b) => a + b, 0) * 1e6) / 1e6, ...pairedGroupDifference(base, variant, side) });
  }
  rows.sort((x, y) => y.deltaPWin - x.deltaPWin || (x.id < y.id ? -1 : 1));
  return { method, rows, basePWin: base.pWin[side] };
}

/** Runs of a list value: 2 with shared draws, one per group and the base otherwise. */
export function listValueRunCount(groups: readonly SupporterGroup[], method: ListValueMethod): number {
  return method === 'shared-draws' ? 2 : groups.length + 1;
}

/**
 * Every group's paired change in P(win) and expected weight, with a runner that answers at once
 * (`simulate` in a notebook or a page).
 *
 * @param resolved the resolved scenario (its seed and simulations are the runner's)
 * @param groups the groups of supporterGroups (`--by territory` or `region`)
 * @param side side whose list grows
 * @param options `run`, and `method` (default {@link listValueMethod})
 * @returns the rows, highest deltaPWin first, and the base P(win)
 * @throws {InputError} for a side not in the race, a shared-draw value under a national-vote rule, or runs kept without margins or outcomes
 * @example
 * listValue(resolved, supporterGroups(resolved, 'D', 1e5, 'territory'), 'D', { run }).rows[0].id // => 'PA' for scenarios/default.yaml at 20,000 draws
 */
export function listValue(resolved: ResolvedScenario, groups: readonly SupporterGroup[], side: Side, options: { run: ListValueRunner; method?: ListValueMethod }): ListValue {
  const runs = listValueRuns(resolved, groups, side, options.method ?? listValueMethod(resolved));
  let step = runs.next();
  while (!step.done) step = runs.next(options.run(step.value.scenario, step.value.keep));
  return step.value;
}

/**
 * {@link listValue} with an asynchronous runner (the worker pool), reporting each run as it ends.
 *
 * @param options `run`, `method`, `onRun` (runs done, runs in all)
 * @example
 * (await listValueAsync(resolved, groups, 'D', { run: (s, keep) => simulateParallel(s, { simulations, seed, keep }) })).method // => 'shared-draws'
 */
export async function listValueAsync(
  resolved: ResolvedScenario,
  groups: readonly SupporterGroup[],
  side: Side,
  options: { run: AsyncListValueRunner; method?: ListValueMethod; onRun?: (done: number, total: number) => void },
): Promise<ListValue> {
  const method = options.method ?? listValueMethod(resolved);
  const total = listValueRunCount(groups, method);
  const runs = listValueRuns(resolved, groups, side, method);
  let step = runs.next();
  let done = 0;
  while (!step.done) {
    const result = await options.run(step.value.scenario, step.value.keep);
    options.onRun?.(++done, total);
    step = runs.next(result);
  }
  return step.value;
}

/**
 * The shared-draw value of a run too large to keep every draw's margins: both models run slice by slice
 * of `blocksPerSlice` blocks in this thread, their margins summed as they come (the same draws as one
 * whole run, so the same numbers), yielding to the event loop between slices.
 *
 * @param options `blocksPerSlice`, `signal`, `onProgress` (draws done, draws in all)
 * @example
 * (await listValueSliced(resolved, groups, 'D', { blocksPerSlice: 64 })).rows.length === groups.length // => true
 */
export async function listValueSliced(
  resolved: ResolvedScenario,
  groups: readonly SupporterGroup[],
  side: Side,
  options: { blocksPerSlice: number; signal?: AbortSignal; onProgress?: (done: number, total: number) => void },
): Promise<ListValue> {
  const { simulations, seed } = resolved;
  const model = prepareModel(resolved);
  const boostedModel = prepareModel(withAllGroupsAdded(resolved, side, groups));
  const layout = { rule: model.rule, sides: model.sides, unitIds: model.unitIds, weights: model.weights, threshold: model.threshold };
  const accumulator = sharedDrawAccumulator(resolved, layout, groups, side);
  for (const { blockStart, blockEnd } of blockSlices(simulations, options.blocksPerSlice)) {
    options.signal?.throwIfAborted();
    const slice = { simulations, seed, keep: { margins: true }, blockStart, blockEnd };
    const a = simulateBlocks(model, slice).kept!.draws.margins!;
    const b = simulateBlocks(boostedModel, slice).kept!.draws.margins!;
    accumulator.add(a, b, a.length / model.units);
    options.onProgress?.(accumulator.draws, simulations);
    // Let an abort and the progress display through between slices.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  options.signal?.throwIfAborted();
  return { method: 'shared-draws', rows: accumulator.rows(), basePWin: accumulator.baseWins / accumulator.draws };
}

/** Draws whose per-unit margins are held at once by the shared-draw method: 64 blocks (262,144 draws, 59 MB per run for 56 units). */
export const MAX_KEPT_DRAWS = 64 * BLOCK_SIZE;
