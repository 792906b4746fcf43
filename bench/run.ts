// npm run bench: the kernel against the numpy peer, side by side in one run, plus the kernel's own
// targets (100,000 full-model simulations, two threads, memory). See bench/README.md.
//
//   npm run bench [-- --sims N] [--rounds R] [--baseline DIR]
//
// --baseline DIR: another checkout of campaign-lab (its src/ and node_modules) whose full and
// errors-only models are timed in the same rounds, for a before/after table.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runBenchmark, type BenchmarkResult } from '../src/node/runBenchmark.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}
const simulations = Number(option('sims') ?? 1_000_000);
const rounds = Number(option('rounds') ?? 3);
const baselineDir = option('baseline');

/** The shared directory next to the repository or one of its parents (`<dir>/../shared`). */
function findShared(): string | undefined {
  for (let dir = repo; ; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared');
    if (existsSync(path.join(candidate, 'peers', 'numpy_peer.py'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

interface PeerRun {
  electionsPerSecond: number;
  pWinD: number;
  pTie: number;
}

/**
 * Runs the numpy peer once; `OPENBLAS_CORETYPE` and `OPENBLAS_L2_SIZE` are removed from its environment
 * only. With `oneCore`, OPENBLAS_NUM_THREADS=1 as well: numpy's matrix product otherwise runs on every
 * core (OpenBLAS threads), so the peer's own rate is not a rate per core.
 */
function runPeer(shared: string, n: number, oneCore: boolean): PeerRun | string {
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;
  if (oneCore) env.OPENBLAS_NUM_THREADS = '1';
  const out = spawnSync('python3', [path.join(shared, 'peers', 'numpy_peer.py'), path.join(shared, 'reference'), String(n)], { env, encoding: 'utf8' });
  if (out.error) return `python3 could not be started (${out.error.message})`;
  if (out.status !== 0) return `the peer failed: ${(out.stderr || out.stdout).trim().split('\n').slice(-1)[0]}`;
  const rate = /electionsPerSecond=([\d,]+)/.exec(out.stdout);
  const p = /pWinD=([\d.]+) pTie=([\d.]+)/.exec(out.stdout);
  if (!rate || !p) return `unexpected peer output: ${out.stdout.trim()}`;
  return { electionsPerSecond: Number(rate[1].replace(/,/g, '')), pWinD: Number(p[1]), pTie: Number(p[2]) };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const count = (x: number): string => Math.round(x).toLocaleString('en-US');

console.log(`Node ${process.version}, ${availableParallelism()} logical CPUs, load average ${loadavg().map((x) => x.toFixed(2)).join(' ')}`);
const shared = findShared();
let peerProblem: string | undefined = shared ? undefined : 'the peer (../shared/peers/numpy_peer.py next to the repository or a parent) was not found';
type Baseline = (options: { simulations: number; threads: number; model: 'full' | 'errors-only' }) => Promise<{ electionsPerSecond: number }>;
let baseline: Baseline | undefined;
if (baselineDir) {
  const module = (await import(pathToFileURL(path.resolve(baselineDir, 'src/node/runBenchmark.ts')).href)) as { runBenchmark: Baseline };
  baseline = module.runBenchmark;
}

const rates: Record<string, number[]> = { peer: [], peerOneCore: [], ours: [], oursBare: [], full: [], before: [], beforeErrors: [], errors: [] };
let lastPeer: PeerRun | undefined;
let lastOurs: BenchmarkResult | undefined;
for (let round = 1; round <= rounds; round++) {
  if (shared && !peerProblem) {
    const peer = runPeer(shared, simulations, false);
    if (typeof peer === 'string') peerProblem = peer;
    else {
      rates.peer.push(peer.electionsPerSecond);
      lastPeer = peer;
      const oneCore = runPeer(shared, simulations, true);
      if (typeof oneCore !== 'string') rates.peerOneCore.push(oneCore.electionsPerSecond);
    }
  }
  lastOurs = await runBenchmark({ simulations, threads: 1, model: 'peer' });
  rates.ours.push(lastOurs.electionsPerSecond);
  rates.oursBare.push((await runBenchmark({ simulations, threads: 1, model: 'peer', tippingPoints: false })).electionsPerSecond);
  rates.full.push((await runBenchmark({ simulations, threads: 1, model: 'full' })).electionsPerSecond);
  rates.errors.push((await runBenchmark({ simulations, threads: 1, model: 'errors-only' })).electionsPerSecond);
  if (baseline) {
    rates.before.push((await baseline({ simulations, threads: 1, model: 'full' })).electionsPerSecond);
    rates.beforeErrors.push((await baseline({ simulations, threads: 1, model: 'errors-only' })).electionsPerSecond);
  }
  console.log(
    `round ${round}: numpy peer ${rates.peer.length === round ? count(rates.peer[round - 1]) : '-'}/s (one core ${rates.peerOneCore.length === round ? count(rates.peerOneCore[round - 1]) : '-'}/s), kernel on the peer model ${count(rates.ours[round - 1])}/s (without tipping points ${count(rates.oursBare[round - 1])}/s), ` +
      `full model ${count(rates.full[round - 1])}/s, errors-only ${count(rates.errors[round - 1])}/s` +
      (baseline ? `; before: full ${count(rates.before[round - 1])}/s, errors-only ${count(rates.beforeErrors[round - 1])}/s` : ''),
  );
}

console.log(`\nMedians of ${rounds} alternating rounds, ${count(simulations)} simulations each, one thread:`);
if (peerProblem) console.log(`  numpy peer: not run (${peerProblem}); the kernel's figures follow`);
else {
  console.log(`  numpy peer               ${count(median(rates.peer)).padStart(11)} elections/s  (pWinD ${lastPeer!.pWinD}, pTie ${lastPeer!.pTie}; its matrix product uses every core)`);
  if (rates.peerOneCore.length === rates.peer.length) console.log(`  numpy peer, one core     ${count(median(rates.peerOneCore)).padStart(11)} elections/s  (OPENBLAS_NUM_THREADS=1)`);
}
console.log(`  kernel, peer model       ${count(median(rates.ours)).padStart(11)} elections/s  (pWinD ${lastOurs!.pWinD.toFixed(4)}, pTie ${lastOurs!.pTie.toFixed(4)}; all accumulators: unit wins, margin sums, tipping points, national vote)`);
console.log(`    without tipping points ${count(median(rates.oursBare)).padStart(11)} elections/s  (the same with tippingPoints: false; still more outputs than the peer's P(win) and P(tie))`);
console.log(`  kernel, full model       ${count(median(rates.full)).padStart(11)} elections/s`);
console.log(`  kernel, errors only      ${count(median(rates.errors)).padStart(11)} elections/s`);
if (baseline) {
  console.log(`  before, full model       ${count(median(rates.before)).padStart(11)} elections/s  (${(median(rates.full) / median(rates.before)).toFixed(2)}x faster now)`);
  console.log(`  before, errors only      ${count(median(rates.beforeErrors)).padStart(11)} elections/s  (${(median(rates.errors) / median(rates.beforeErrors)).toFixed(2)}x faster now)`);
}
if (!peerProblem) {
  const ratio = (xs: number[]) => median(xs.map((x, k) => x / rates.peer[k]));
  console.log(`  ratio to the peer (median of per-round ratios): peer model ${ratio(rates.ours).toFixed(2)}x (target >= 2.0; ${ratio(rates.oursBare).toFixed(2)}x without tipping points), full model ${ratio(rates.full).toFixed(2)}x (target >= 1.0)`);
  if (rates.peerOneCore.length === rates.peer.length) {
    const perCore = (xs: number[]) => median(xs.map((x, k) => x / rates.peerOneCore[k]));
    console.log(`  ratio per core (to the peer on one core): peer model ${perCore(rates.ours).toFixed(2)}x (${perCore(rates.oursBare).toFixed(2)}x without tipping points), full model ${perCore(rates.full).toFixed(2)}x`);
  }
}
const r = lastOurs!;
console.log(
  `\nRandom numbers on this machine: ${(r.integersPerSecond / 1e6).toFixed(0)} M xoshiro128** integers/s and ${(r.normalsPerSecond / 1e6).toFixed(0)} M ziggurat normals/s on one thread.` +
    `\n  peer model: ${r.normalsPerElection} normals, ${r.integersPerElection.toFixed(1)} integers per election -> ceiling ${count(r.normalsPerSecond / r.normalsPerElection)} elections/s from normals, ` +
    `${count(r.integersPerSecond / r.integersPerElection)} from the integer generator alone (the physical limit)`,
);
const full = await runBenchmark({ simulations: 100_000, threads: 1, model: 'full' });
console.log(
  `  full model: ${full.normalsPerElection} normals, ${full.integersPerElection.toFixed(1)} integers per election -> ceiling ${count(full.normalsPerSecond / full.normalsPerElection)} from normals, ` +
    `${count(full.integersPerSecond / full.integersPerElection)} from the integer generator alone`,
);
console.log(`\n100,000 full-model simulations on one thread: ${(full.seconds * 1000).toFixed(0)} ms (target < 150 ms); peak RSS ${(full.peakMemoryBytes / 2 ** 20).toFixed(0)} MiB`);
const threads = Math.min(2, availableParallelism());
const one = await runBenchmark({ simulations, threads: 1, model: 'full' });
const two = await runBenchmark({ simulations, threads, model: 'full' });
console.log(`Full model, ${count(simulations)} simulations: 1 thread ${count(one.electionsPerSecond)}/s, ${threads} threads ${count(two.electionsPerSecond)}/s (${(two.electionsPerSecond / one.electionsPerSecond).toFixed(2)}x; target >= 1.8x on 2 free cores)`);
// Memory, each size in a fresh process (peak RSS is a high-water mark of the whole process).
const probe = (n: number): number => {
  const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'bench', 'memoryProbe.ts'), String(n)], { cwd: repo, encoding: 'utf8' });
  return (JSON.parse(out.stdout.trim().split('\n').slice(-1)[0]) as { peakMemoryBytes: number }).peakMemoryBytes;
};
const sizes = [simulations / 10, simulations, simulations * 5];
const peaks = sizes.map(probe);
console.log(`Memory (fresh process each, full model): peak RSS ${sizes.map((n, k) => `${(peaks[k] / 2 ** 20).toFixed(0)} MiB for ${count(n)}`).join(', ')} simulations`);
// Poll aggregation: a year of polls through the state-space model (bench/pollAggregation.ts).
for (const line of (await import('./pollAggregation.js')).pollAggregationBench()) console.log(line);
// The K-candidate draw, K = 4 and 12, beside its numpy peer in this run (bench/multiCandidate.ts: the ratio), with `uptime`.
console.log(spawnSync('sh', ['-c', 'uptime && "$0" --import tsx bench/multiCandidate.ts', process.execPath], { cwd: repo, encoding: 'utf8' }).stdout.trimEnd());
// Start-up of the installed command (bench/startup.ts): --version loads no command.
console.log((await import('./startup.js')).startupBench());
// Issue 25 (bench/issue25.ts): the C, numba and numpy peers, the county race, the live re-run, run --out.
await (await import('./issue25.js')).issue25Bench({ simulations, rounds });
