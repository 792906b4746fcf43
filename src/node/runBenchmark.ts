/**
 * The engine benchmark behind `npm run bench` and `campaign-lab bench --json` (Node-only: it reads the
 * data files and the process's peak memory).
 */
import { loadResults } from '../data/loadResults.js';
import { loadParameters } from '../data/loadParameters.js';
import { resolveScenario } from '../scenario/resolveScenario.js';
import type { Scenario } from '../scenario/types.js';
import { simulateParallel } from './simulateParallel.js';
import { createBlockUniforms, zigguratNormal } from '../sim/normalStream.js';
import { CHANNEL_SLOTS } from '../sim/prepareModel.js';
import { InputError, describeValue } from '../errors.js';

/** What `campaign-lab bench --json` prints. */
export interface BenchmarkResult {
  /** Simulated elections per second (wall clock, all threads). */
  electionsPerSecond: number;
  simulations: number;
  /** Units of the race (56: 50 states, DC, Maine's and Nebraska's districts). */
  units: number;
  threads: number;
  /** Peak resident memory of the process so far, bytes. */
  peakMemoryBytes: number;
  /** `full` or `errors-only`. */
  model: 'full' | 'errors-only';
  /** Wall-clock seconds of the timed run. */
  seconds: number;
  /** Ziggurat normals per second from the same Alea generator on this machine: what bounds the kernel's random numbers. */
  normalsPerSecond: number;
  /**
   * Normals the kernel draws per simulated election: one per region and unit, and two per channel slot of
   * both sides (switched on or not, for common random numbers); the national Student-t comes on top.
   */
  normalsPerElection: number;
}

/**
 * The benchmark scenario: the 2020 US electoral college (56 units) with the full model — national
 * Student-t, regional and territory errors, and two campaigns with five channels each (e-mail, SMS,
 * phone, door, mail).
 *
 * @param simulations Number of simulated elections.
 * @param model `full` (default) or `errors-only` (no campaigns: what the error model alone costs).
 * @example
 * benchmarkScenario(100000).campaigns?.D.channels // => { email: {}, sms: {}, phone: {}, door: { coverage: 0.1 }, mail: {} }
 */
export function benchmarkScenario(simulations: number, model: 'full' | 'errors-only' = 'full'): Scenario {
  const channels = { email: {}, sms: {}, phone: {}, door: { coverage: 0.1 }, mail: {} };
  return {
    name: 'benchmark: US 2020, full model',
    country: 'us',
    year: 2020,
    rule: 'electoral-college',
    sides: ['D', 'R'],
    simulations,
    seed: 2020,
    uncertainty: { correlation: 'independent' },
    campaigns: model === 'full' ? { D: { listSize: 6_000_000, channels }, R: { listSize: 15_000_000, channels } } : {},
  };
}

/** Ziggurat normals per second from Alea on this machine, over about 0.1 s. */
function measureNormals(): number {
  const next = createBlockUniforms(1, 0);
  const n = 4_000_000;
  let sink = 0;
  const start = performance.now();
  for (let k = 0; k < n; k++) sink += zigguratNormal(next);
  const seconds = (performance.now() - start) / 1000;
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return n / seconds;
}

/**
 * Runs the benchmark: resolves {@link benchmarkScenario}, warms the kernel up, then times one run of
 * `simulations` draws on `threads` threads.
 *
 * @param options Simulations (default 1,000,000), threads (default 1), model (`full` default, or
 *   `errors-only` to see what the campaigns cost) and an abort signal (Ctrl-C) that stops the run.
 * @returns Elections per second, simulations, units, threads, peak memory, plus the normal-draw rate
 *   that bounds the kernel on this machine.
 * @throws {InputError} for a non-positive number of simulations or threads; the abort error when
 *   `signal` fires.
 * @example
 * (await runBenchmark({ simulations: 100000, threads: 1 })).units // => 56
 */
export async function runBenchmark(options: { simulations?: number; threads?: number; model?: 'full' | 'errors-only'; signal?: AbortSignal } = {}): Promise<BenchmarkResult> {
  const simulations = options.simulations ?? 1_000_000;
  const threads = options.threads ?? 1;
  if (!Number.isInteger(simulations) || simulations < 1) throw new InputError({ at: 'simulations', expected: 'a positive integer', found: describeValue(simulations) });
  if (!Number.isInteger(threads) || threads < 1) throw new InputError({ at: 'threads', expected: 'a positive integer', found: describeValue(threads) });
  const resolved = resolveScenario(benchmarkScenario(simulations, options.model ?? 'full'), { results: loadResults({ country: 'us', year: 2020 }), parameters: loadParameters() });
  const { signal } = options;
  await simulateParallel(resolved, { simulations: Math.min(simulations, 20_000), seed: 1, threads: 1, signal });
  const start = performance.now();
  await simulateParallel(resolved, { simulations, seed: resolved.seed, threads, signal });
  const seconds = (performance.now() - start) / 1000;
  const regions = new Set(resolved.territories.map((t) => t.region)).size;
  const errorNormals = regions + resolved.territories.length;
  const channelNormals = 2 * 2 * CHANNEL_SLOTS;
  return {
    electionsPerSecond: Math.round(simulations / seconds),
    simulations,
    units: resolved.territories.length,
    threads,
    model: options.model ?? 'full',
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
    seconds,
    normalsPerSecond: Math.round(measureNormals()),
    normalsPerElection: errorNormals + channelNormals,
  };
}
