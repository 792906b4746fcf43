/**
 * The engine benchmark behind `npm run bench` and `campaign-lab bench` (Node-only: it reads the data
 * files and the process's peak memory).
 *
 * Two models on the US electoral college (56 units: 50 states and DC, Maine and Nebraska with their
 * at-large votes as units of weight 2 plus ME-1, ME-2, NE-1…NE-3):
 * - `full`: the 2020 map with the full model — national Student-t, 9 Census-division and territory
 *   errors, two campaigns with five channels each (e-mail, SMS, phone, door, mail) and tipping points;
 * - `peer`: exactly the model of the numpy peer a researcher would write (bench/README.md): the 2016
 *   map, margins from the two-party vote, a national Student-t (6 df) scaled to SD 2.5 pp, one normal
 *   per Census region (4 regions, SD 1.5), one normal per unit (SD 2.5), and one uniform(0, 1) effect per
 *   simulation that shifts each unit by 100 × 50,000 / (unit two-party votes) pp; 270 electoral votes
 *   win, 269 is a tie.
 * `errors-only` runs the full model's race without campaigns.
 */
import { loadResults } from './data/loadResults.js';
import { loadParameters } from './data/loadParameters.js';
import { resolveScenario } from '../scenario/resolveScenario.js';
import type { Scenario } from '../scenario/types.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { simulateParallel } from './simulateParallel.js';
import { blockGeneratorState, drawStride, fillDrawNumbers, nextInt32 } from '../sim/normalStream.js';
import { KernelArena } from '../sim/wasm/kernelModule.js';
import { prepareModel, type PrepareOptions } from '../sim/prepareModel.js';
import { drawLayout } from '../sim/drawLoop.js';
import { InputError, describeValue } from '../errors.js';

/** Benchmark models: see the module comment. */
export type BenchModel = 'full' | 'peer' | 'errors-only';

/** The benchmark models, in `--model` order. */
export const BENCH_MODELS: readonly BenchModel[] = ['full', 'peer', 'errors-only'];

/** What `campaign-lab bench --json` prints. */
export interface BenchmarkResult {
  /** Simulated elections per second (wall clock, all threads). */
  electionsPerSecond: number;
  simulations: number;
  /** Units of the race (56). */
  units: number;
  threads: number;
  /** Peak resident memory of the process so far, bytes. */
  peakMemoryBytes: number;
  /** `full`, `peer` or `errors-only`. */
  model: BenchModel;
  /** Whether the kernel computed tipping points (every model does unless the caller switched them off). */
  tippingPoints: boolean;
  /** Wall-clock seconds of the timed run. */
  seconds: number;
  /** CPU seconds (user + system, all threads of the process) of the timed run. */
  cpuSeconds: number;
  /** Simulated elections per CPU second: the rate per core, less sensitive than the wall clock to other processes on a busy machine. */
  electionsPerCpuSecond: number;
  /** P(win) of side D and P(269–269 tie) of the timed run (for comparison with the peer's pWinD, pTie). */
  pWinD: number;
  pTie: number;
  /** 32-bit outputs per second of the kernel's xoshiro128** generator on this machine (one thread). */
  integersPerSecond: number;
  /** Ziggurat normals per second from the same generator, batched as the kernel draws them. */
  normalsPerSecond: number;
  /**
   * Normals the kernel draws per simulated election: one per region and unit, and two per channel slot
   * (full model), drawn whether switched on or not, for common random numbers; the national Student-t
   * (and the peer model's uniform) come on top.
   */
  normalsPerElection: number;
  /** 32-bit outputs one election consumes on average (normals, their rare rejections, the t's polar pairs, uniforms), counted by replaying the generator. */
  integersPerElection: number;
}

/**
 * The `full`/`errors-only` benchmark scenario: the 2020 US electoral college (56 units) with the full
 * model — national Student-t, regional and territory errors, and two campaigns with five channels each
 * (e-mail, SMS, phone, door, mail).
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

/**
 * Census region of each Census division (US Census Bureau, "Census Regions and Divisions of the United
 * States"): the peer model's 4 regions from the 9 divisions the data carry.
 */
export const CENSUS_REGION_OF_DIVISION: Readonly<Record<string, string>> = {
  'New England': 'Northeast',
  'Middle Atlantic': 'Northeast',
  'East North Central': 'Midwest',
  'West North Central': 'Midwest',
  'South Atlantic': 'South',
  'East South Central': 'South',
  'West South Central': 'South',
  Mountain: 'West',
  Pacific: 'West',
};

/** Net votes the peer model's effect adds to D's margin in every unit at its full value. */
const PEER_EFFECT_VOTES = 50_000;

/**
 * The peer model as a resolved scenario plus the kernel's extra terms: the 2016 map with 4 Census
 * regions, errors national t(6) SD 2.5, regional 1.5, unit 2.5 pp, no campaigns, and a uniform(0, 1)
 * effect worth 50,000 net votes per unit, no channel-effect draws.
 *
 * @param simulations Number of simulated elections (recorded in the scenario).
 * @returns The resolved scenario and the prepareModel options.
 * @throws {InputError} if a territory's division is not a Census division.
 * @example
 * peerModel(1000).resolved.territories.length // => 56
 */
export function peerModel(simulations: number): { resolved: ResolvedScenario; prepare: PrepareOptions } {
  const scenario: Scenario = {
    name: 'benchmark: the numpy peer model (US 2016)',
    country: 'us',
    year: 2016,
    rule: 'electoral-college',
    sides: ['D', 'R'],
    simulations,
    seed: 2016,
    uncertainty: { national: 2.5, regional: 1.5, territory: 2.5, tails: 6, correlation: 'independent' },
  };
  const resolved = resolveScenario(scenario, { results: loadResults({ country: 'us', year: 2016 }), parameters: loadParameters() });
  for (const t of resolved.territories) {
    const region = CENSUS_REGION_OF_DIVISION[t.region];
    if (!region) throw new InputError({ at: `territories.${t.id}.region`, expected: 'a Census division', found: JSON.stringify(t.region) });
    t.region = region;
  }
  return { resolved, prepare: { uniformEffectVotes: PEER_EFFECT_VOTES, channelDraws: false } };
}

/**
 * xoshiro128** outputs per second (the generator alone, its state in locals) and ziggurat normals per
 * second as the kernel draws them (its WebAssembly `fillNumbers`, batches of 8 draws of 1,000 normals)
 * on this machine, one thread, about 0.1 s each.
 *
 * @returns The two rates.
 * @example
 * measureGenerator().integersPerSecond > 0 // => true
 */
function measureGenerator(): { integersPerSecond: number; normalsPerSecond: number } {
  const state = blockGeneratorState(1, 0);
  const n = 20_000_000;
  let sink = 0;
  let start = performance.now();
  for (let k = 0; k < n; k++) sink ^= nextInt32(state);
  const integersPerSecond = n / ((performance.now() - start) / 1000);
  const normals = 1000;
  const arena = new KernelArena();
  const h = { state: arena.i32(4), out: arena.f64(normals * 8), rejected: arena.i32(2 * normals) };
  const kernel = arena.open();
  arena.view(h.state, 'i32').set(state);
  const buffer = arena.view(h.out);
  const rounds = 1000;
  start = performance.now();
  for (let k = 0; k < rounds; k++) {
    kernel.fillNumbers(arena.offset(h.state), arena.offset(h.out), 8, 0, normals, 0, 8, arena.offset(h.rejected));
    sink += buffer[k & 7];
  }
  const normalsPerSecond = (rounds * 8 * normals) / ((performance.now() - start) / 1000);
  if (Number.isNaN(sink)) throw new Error('unreachable');
  return { integersPerSecond, normalsPerSecond };
}

/** Mean generator outputs one draw of a layout consumes: a copy of the state is stepped one output at a time until it reaches the state after a batch. */
function integersPerDraw(layout: ReturnType<typeof drawLayout>): number {
  const state = blockGeneratorState(2, 0);
  const replay = state.slice();
  const draws = 2048;
  fillDrawNumbers(state, new Float64Array(draws * drawStride(layout)), draws, layout);
  let count = 0;
  while (replay[0] !== state[0] || replay[1] !== state[1] || replay[2] !== state[2] || replay[3] !== state[3]) {
    nextInt32(replay);
    count++;
  }
  return count / draws;
}

/** Timed runs of this process so far: each times a seed of its own (the scenario's seed, plus this count). */
let timedRuns = 0;

/**
 * Runs the benchmark: builds the model's scenario, warms the kernel up, then times one run of
 * `simulations` draws on `threads` threads. A later call in the same process times the next seed: a
 * thread that has run a seed twice copies the numbers it kept (src/sim/numbersCache.ts) instead of drawing
 * them, and the benchmark times the draw.
 *
 * @param options Simulations (default 1,000,000), threads (default 1) model (`full` default, `peer`
 *   or `errors-only`), `tippingPoints: false` to time the kernel without tipping points (what
 *   `npm run bench` reports as exactly the numpy peer's outputs; default true) and an abort signal
 *   (Ctrl-C) that stops the run.
 * @returns Elections per second, simulations, units, threads, peak memory, P(win) and P(tie), plus the
 *   generator and normal rates that bound the kernel on this machine.
 * @throws {InputError} for a non-positive number of simulations or threads, or an unknown model; the abort error when
 *   `signal` fires.
 * @example
 * (await runBenchmark({ simulations: 100000, threads: 1, model: 'peer' })).units // => 56
 */
export async function runBenchmark(
  options: { simulations?: number; threads?: number; model?: BenchModel; tippingPoints?: boolean; signal?: AbortSignal } = {},
): Promise<BenchmarkResult> {
  const simulations = options.simulations ?? 1_000_000;
  const threads = options.threads ?? 1;
  const model = options.model ?? 'full';
  if (!Number.isInteger(simulations) || simulations < 1) throw new InputError({ at: 'simulations', expected: 'a positive integer', found: describeValue(simulations) });
  if (!Number.isInteger(threads) || threads < 1) throw new InputError({ at: 'threads', expected: 'a positive integer', found: describeValue(threads) });
  if (!BENCH_MODELS.includes(model)) throw new InputError({ at: 'model', expected: BENCH_MODELS.join(' or '), found: describeValue(model) });
  let resolved: ResolvedScenario;
  let prepare: PrepareOptions | undefined;
  if (model === 'peer') ({ resolved, prepare } = peerModel(simulations));
  else resolved = resolveScenario(benchmarkScenario(simulations, model), { results: loadResults({ country: 'us', year: 2020 }), parameters: loadParameters() });
  const tippingPoints = options.tippingPoints ?? true;
  if (!tippingPoints) prepare = { ...prepare, tippingPoints: false };
  await simulateParallel(resolved, { simulations: Math.min(simulations, 50_000), seed: 1, threads, prepare, signal: options.signal });
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = await simulateParallel(resolved, { simulations, seed: resolved.seed + timedRuns++, threads, prepare, signal: options.signal });
  const seconds = (performance.now() - start) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const layout = drawLayout(prepareModel(resolved, prepare));
  const rates = measureGenerator();
  return {
    electionsPerSecond: Math.round(simulations / seconds),
    simulations,
    units: resolved.territories.length,
    threads,
    model,
    tippingPoints,
    peakMemoryBytes: process.resourceUsage().maxRSS * 1024,
    seconds,
    cpuSeconds,
    electionsPerCpuSecond: Math.round(simulations / cpuSeconds),
    pWinD: result.pWin.D,
    pTie: result.pTie,
    integersPerSecond: Math.round(rates.integersPerSecond),
    normalsPerSecond: Math.round(rates.normalsPerSecond),
    normalsPerElection: layout.normals,
    integersPerElection: integersPerDraw(layout),
  };
}
