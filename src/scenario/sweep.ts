/**
 * Sweeps: one scenario key varied over a range, every point run with the same seed (common random
 * numbers), so differences between points are not Monte Carlo noise. Sweeps can be split in shards that
 * run anywhere (a Slurm array, Kubernetes Jobs, GNU parallel) and merge exactly. Browser-safe: the
 * fingerprint and digest that let shards merge (SHA-256) are added by src/node/sweep.ts.
 */
import type { Scenario } from './types.js';
import type { ResolvedScenario } from './types.js';
import { resolveScenario, type ResolveInputs } from './resolveScenario.js';
import { setPath } from './setPath.js';
import { prepareModel } from '../sim/prepareModel.js';
import { simulate } from '../sim/simulate.js';
import { summarizeRun, type RunSummary } from '../sim/summarizeRun.js';
import type { SimulationResult } from '../sim/types.js';
import { VERSION } from '../sim/version.js';
import { InputError, describeValue } from '../errors.js';
import { pairedWinDifference, type PairedDifference } from '../analysis/pairedWinDifference.js';

/** What to vary. */
export interface SweepSpec {
  /** Dotted key path into the scenario file (`campaigns.D.listSize`). */
  key: string;
  from: number;
  to: number;
  /** Number of points, from `from` to `to` inclusive (1 runs `from` only). */
  steps: number;
  /** Run only the points of one shard: points i with i mod count = index (index 0-based). */
  shard?: { index: number; count: number };
}

/**
 * Change in P(first side wins outright) from the previous point of a sweep, paired draw by draw (the
 * same seed at both points), with its standard error and 90 % interval ({@link pairedWinDifference}).
 */
export interface SweepChange extends PairedDifference {
  /** Value of the previous point. */
  from: number;
}

/** One point of a sweep: the value set and the run summary without the resolved scenario. */
export interface SweepPoint {
  index: number;
  value: number;
  summary: Omit<RunSummary, 'scenario'>;
  /** Paired change from the previous point (absent at the first point). */
  change?: SweepChange;
}

/** A sweep (or one shard of it), before src/node/sweep.ts seals it with its fingerprint and digest. */
export interface SweepRun {
  key: string;
  from: number;
  to: number;
  steps: number;
  seed: number;
  simulations: number;
  /** Present on a shard; absent on a whole or merged sweep. */
  shard?: { index: number; count: number };
  /** The resolved scenario at the first point of the whole sweep (the base of every point). */
  scenario: ResolvedScenario;
  points: SweepPoint[];
  version: string;
}

/** Most points of one sweep: a point's summary is about 30 KB of JSON, so 5,000 make 150 MB (US). */
export const MAX_SWEEP_STEPS = 5000;

/**
 * Runs one resolved scenario; the default runs {@link simulate} in this thread. The sweep asks it to keep
 * each draw's outcome (`keep.outcome`) to pair consecutive points.
 */
export type SweepRunner = (
  resolved: ResolvedScenario,
  options: { simulations: number; seed: number; keep: { outcome: true } },
) => SimulationResult | Promise<SimulationResult>;

/** Inputs of a sweep: what resolveScenario needs, plus an optional runner (e.g. simulateParallel). */
export interface SweepOptions extends ResolveInputs {
  runner?: SweepRunner;
  /** Called after each point with points done and points to do in this shard. */
  onPoint?: (done: number, total: number) => void;
}

/**
 * Values of a sweep: from + (to − from) × i / (steps − 1), i = 0..steps − 1.
 *
 * @example
 * sweepValues({ key: 'k', from: 0, to: 1e6, steps: 5 }) // => [0, 250000, 500000, 750000, 1000000]
 */
export function sweepValues(spec: SweepSpec): number[] {
  checkSpec(spec);
  if (spec.steps === 1) return [spec.from];
  return Array.from({ length: spec.steps }, (_, i) => spec.from + ((spec.to - spec.from) * i) / (spec.steps - 1));
}

function checkSpec(spec: SweepSpec): void {
  if (typeof spec.key !== 'string' || spec.key.length === 0) throw new InputError({ at: 'vary', expected: 'a key path', found: describeValue(spec.key) });
  for (const k of ['from', 'to'] as const) {
    if (typeof spec[k] !== 'number' || !Number.isFinite(spec[k])) throw new InputError({ at: `vary.${k}`, expected: 'a finite number', found: describeValue(spec[k]) });
  }
  if (!Number.isInteger(spec.steps) || spec.steps < 1 || spec.steps > MAX_SWEEP_STEPS) {
    throw new InputError({ at: 'vary.steps', expected: `an integer between 1 and ${MAX_SWEEP_STEPS} (the points of one sweep are kept in memory)`, found: describeValue(spec.steps) });
  }
  if (spec.shard) {
    const { index, count } = spec.shard;
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
      throw new InputError({ at: 'shard', expected: 'k/n with 0 <= k < n (0-based index)', found: `${describeValue(index)}/${describeValue(count)}` });
    }
  }
}

/**
 * Runs a sweep: for each value, sets the key in the scenario (setPath), resolves it and runs it with the
 * scenario's seed and simulations, so every point uses the same random numbers. Each point after the
 * first carries the paired change in P(first side wins) from the previous point with its standard
 * error; a shard also runs the previous point of each of its points that another shard holds, so the
 * merged shards equal the whole sweep.
 *
 * @param scenario Base scenario (file shape).
 * @param spec Key, range, steps and optional shard.
 * @param options Results, parameters (as for resolveScenario), an optional runner and progress callback.
 * @returns The sweep's points in index order, with the base resolved scenario.
 * @throws {InputError} for a bad key path, range, steps or shard, or a value the scenario rejects
 *   (the message names the key path).
 * @example
 * (await runSweep(scenario, { key: 'campaigns.D.listSize', from: 0, to: 2e7, steps: 5 }, { results, parameters })).points.length // => 5
 */
export async function runSweep(scenario: Scenario, spec: SweepSpec, options: SweepOptions): Promise<SweepRun> {
  const values = sweepValues(spec);
  const runner: SweepRunner = options.runner ?? ((resolved, o) => simulate(prepareModel(resolved), o));
  const base = resolveScenario(setPath(scenario, spec.key, values[0]), options);
  const indices = values.map((_, i) => i).filter((i) => !spec.shard || i % spec.shard.count === spec.shard.index);
  const points: SweepPoint[] = [];
  const run = async (index: number) => {
    const resolved = index === 0 ? base : resolveScenario(setPath(scenario, spec.key, values[index]), options);
    return { resolved, result: await runner(resolved, { simulations: resolved.simulations, seed: resolved.seed, keep: { outcome: true } }) };
  };
  let previous: { index: number; result: SimulationResult } | undefined;
  for (const index of indices) {
    const { resolved, result } = await run(index);
    const { scenario: _omit, ...summary } = summarizeRun(result, resolved);
    void _omit;
    const point: SweepPoint = { index, value: values[index], summary };
    if (index > 0) {
      const before = previous?.index === index - 1 ? previous.result : (await run(index - 1)).result;
      const { gained, lost, difference, standardError, low, high } = pairedWinDifference(before, result, 1);
      point.change = { from: values[index - 1], difference, standardError, low, high, gained, lost };
    }
    points.push(point);
    previous = { index, result };
    options.onPoint?.(points.length, indices.length);
  }
  return {
    key: spec.key,
    from: spec.from,
    to: spec.to,
    steps: spec.steps,
    seed: base.seed,
    simulations: base.simulations,
    ...(spec.shard ? { shard: { index: spec.shard.index, count: spec.shard.count } } : {}),
    scenario: base,
    points,
    version: VERSION,
  };
}
