/**
 * The issue-25 part of `npm run bench`: campaign-lab against the C, numba and numpy peers (bench/peers/)
 * on the peer model and the full model, one and two threads, in alternating rounds; the cost per
 * territory per draw of a 3,160-county popular-vote race against the 51-state full model; the briefing's
 * live re-run in headless Chromium (default scenario and the county race, the first move included); the
 * default scenario's `run --out`. Every line says the machine's load (`uptime`); every ratio is printed
 * beside its target. Alone: `node --import tsx bench/issue25.ts [--sims N] [--rounds R]`.
 * Never a test: timings depend on the load.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runBenchmark } from '../src/node/runBenchmark.js';
import { prepareScenario } from '../src/node/prepareScenario.js';
import { simulateParallel } from '../src/node/simulateParallel.js';
import { COUNTY_UNITS, writeCountyRace } from './countyRace.js';
// @ts-expect-error: a plain .mjs module without types (bench/peers/peerRunners.mjs)
import { preparePeers } from './peers/peerRunners.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI = path.join(repo, 'bin', 'campaign-lab.js');

interface PeerRunner {
  name: string;
  skipped?: string;
  run?: (sims: number, threads: number) => { error?: string; electionsPerSecond: number; pWinD: number; cpuSeconds?: number };
}

/** `uptime`'s line (time, up, users, load average), or Node's load average where there is no `uptime`. */
export function uptime(): string {
  const out = spawnSync('uptime', [], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : 'uptime unavailable';
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const count = (x: number): string => (Number.isFinite(x) ? Math.round(x).toLocaleString('en-US') : '-');
const ratio = (x: number): string => (Number.isFinite(x) ? `${x.toFixed(2)}x` : '-');

/** Runs of one competitor: rates per thread count, in round order. */
type Rates = Map<number, number[]>;

function record(rates: Map<string, Rates>, name: string, threads: number, rate: number): void {
  if (!rates.has(name)) rates.set(name, new Map());
  const mine = rates.get(name)!;
  if (!mine.has(threads)) mine.set(threads, []);
  mine.get(threads)!.push(rate);
}

/** Median of the per-round ratios a ÷ b (rounds where both ran). */
function roundRatio(a: number[] | undefined, b: number[] | undefined): number {
  if (!a || !b) return NaN;
  return median(a.slice(0, b.length).map((x, k) => x / b[k]).filter(Number.isFinite));
}

/**
 * The peers and the kernel, alternately: per round and thread count, the kernel on the peer model
 * (bench/peers/kernelPeer.ts, a fresh process), the C, numba and numpy peers, and the kernel's full model.
 * Returns the rates, and the kernel's CPU seconds (all threads) per million draws on both models.
 */
async function peerRounds(sims: number, rounds: number, threadCounts: number[], log: (line: string) => void): Promise<{ rates: Map<string, Rates>; cpu: Map<string, Rates> }> {
  const { peers, cleanup } = preparePeers() as { peers: PeerRunner[]; cleanup: () => void };
  const rates = new Map<string, Rates>();
  const cpu = new Map<string, Rates>();
  try {
    for (const peer of peers) if (peer.skipped) log(`  ${peer.name} peer skipped: ${peer.skipped}`);
    const active = peers.filter((p) => !p.skipped);
    for (let round = 1; round <= rounds; round++) {
      const parts: string[] = [];
      for (const threads of threadCounts) {
        for (const peer of active) {
          const result = peer.run!(sims, threads);
          if (result.error) {
            log(`  ${peer.name} (${threads} threads) failed: ${result.error}`);
            continue;
          }
          record(rates, peer.name, threads, result.electionsPerSecond);
          if (peer.name === 'kernel' && result.cpuSeconds !== undefined) record(cpu, 'kernel', threads, (result.cpuSeconds * 1e6) / sims);
          parts.push(`${peer.name}/${threads} ${count(result.electionsPerSecond)}`);
        }
        const full = await runBenchmark({ simulations: sims, threads, model: 'full' });
        record(rates, 'full', threads, full.electionsPerSecond);
        record(cpu, 'full', threads, (full.cpuSeconds * 1e6) / sims);
        parts.push(`full/${threads} ${count(full.electionsPerSecond)}`);
      }
      log(`  round ${round} (elections/s, peer/threads): ${parts.join(', ')}; ${uptime()}`);
    }
  } finally {
    cleanup();
  }
  return { rates, cpu };
}

/** The peers section: medians, kernel ÷ each peer per thread count, 2 threads ÷ 1 per competitor. */
export async function peersBench(sims: number, rounds: number, log: (line: string) => void): Promise<void> {
  const threadCounts = availableParallelism() >= 2 ? [1, 2] : [1];
  log(`\nIssue 25: the kernel against the C, numba and numpy peers, ${count(sims)} draws a run, ${rounds} alternating rounds (${uptime()})`);
  const { rates, cpu } = await peerRounds(sims, rounds, threadCounts, log);
  const kernel = rates.get('kernel');
  const full = rates.get('full');
  for (const threads of threadCounts) {
    log(`  ${threads} thread${threads > 1 ? 's' : ''}: medians kernel (peer model) ${count(median(kernel?.get(threads) ?? []))}/s, kernel (full model) ${count(median(full?.get(threads) ?? []))}/s`);
    for (const name of ['c', 'numba', 'numpy']) {
      const peer = rates.get(name)?.get(threads);
      if (!peer) continue;
      const target = threads === 1 && name === 'c' ? ' (target >= 1.0 per core)' : '';
      log(
        `    ${name.padEnd(5)} ${count(median(peer)).padStart(11)}/s: peer model kernel / ${name} ${ratio(roundRatio(kernel?.get(threads), peer))}${target}; ` +
          `full model kernel / ${name}'s peer model ${ratio(roundRatio(full?.get(threads), peer))}${target}`,
      );
    }
  }
  if (threadCounts.includes(2)) {
    const scale = [...rates].map(([name, r]) => `${name === 'kernel' ? 'kernel (peer model)' : name === 'full' ? 'kernel (full model)' : name} ${ratio(roundRatio(r.get(2), r.get(1)))}`);
    log(`  2 threads / 1 thread (median of per-round ratios; target >= 1.85 with the machine otherwise idle): ${scale.join(', ')}`);
    // CPU time, which other processes on the machine move far less than wall time: what a second thread costs in work.
    const perMillion = ['kernel', 'full'].map((name) => {
      const [one, two] = [1, 2].map((t) => median(cpu.get(name)?.get(t) ?? []));
      return `${name === 'kernel' ? 'peer model' : 'full model'} ${one.toFixed(2)} on 1 thread, ${two.toFixed(2)} on 2 (${(100 * (two / one - 1)).toFixed(0)} %)`;
    });
    log(`  kernel CPU seconds per million draws (all threads, medians): ${perMillion.join('; ')}`);
  }
}

/** Seeds of timedRun, each used once: a thread's runs of a seed it has run twice copy the numbers it kept (src/sim/numbersCache.ts), which would time the copy, not the draw. */
let nextSeed = 1;

/** Seconds of a simulateParallel run of a prepared scenario (after a warm-up run of a tenth of it, another seed). */
async function timedRun(file: string, sims: number, threads: number): Promise<number> {
  const { resolved } = await prepareScenario(file, { cwd: repo });
  await simulateParallel(resolved, { simulations: Math.max(1000, Math.round(sims / 10)), seed: nextSeed++, threads });
  const started = process.hrtime.bigint();
  await simulateParallel(resolved, { simulations: sims, seed: nextSeed++, threads });
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** The county race against the 51-state full model: nanoseconds per territory per draw, one and two threads. */
export async function countyBench(sims: number, rounds: number, log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'campaign-lab-county-'));
  try {
    const file = writeCountyRace(dir);
    log(`\nCounty race (synthetic, ${count(COUNTY_UNITS)} territories, popular vote, a list with four channels), ${count(sims)} draws, against the full model (56 units, ${count(sims * 10)} draws), ${rounds} alternating rounds (${uptime()})`);
    for (const threads of availableParallelism() >= 2 ? [1, 2] : [1]) {
      const county: number[] = [];
      const state: number[] = [];
      for (let round = 0; round < rounds; round++) {
        county.push((1e9 * (await timedRun(file, sims, threads))) / (sims * COUNTY_UNITS));
        const full = await runBenchmark({ simulations: sims * 10, threads, model: 'full' });
        state.push(1e9 / (full.electionsPerSecond * full.units));
      }
      log(`  ${threads} thread${threads > 1 ? 's' : ''}: county ${median(county).toFixed(1)} ns, state model ${median(state).toFixed(1)} ns per territory per draw: county / state ${ratio(median(county.map((c, k) => c / state[k])))} (target <= 1.5)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Median wall seconds of `runs` fresh runs of the command with `args`. */
function commandSeconds(args: string[], runs: number): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const started = process.hrtime.bigint();
    const out = spawnSync(process.execPath, [CLI, ...args], { cwd: repo, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`campaign-lab ${args.join(' ')} exited with ${out.status}: ${out.stderr.trim().split('\n').slice(-1)[0]}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  return median(times);
}

/**
 * CPU seconds (user + system) that this process's waited-for children have used so far, from
 * /proc/self/stat (cutime and cstime, fields 16 and 17, in clock ticks: proc(5)); NaN where there is no
 * /proc. Unlike wall time it hardly moves when other processes share the cores.
 */
function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync('/proc/self/stat', 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const tick = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;
    return (Number(fields[13]) + Number(fields[14])) / tick;
  } catch {
    return NaN;
  }
}

/** The default scenario's `run --out`, fresh process, median of `runs` (wall), and its CPU time per run. */
export function runOutBench(runs: number, log: (line: string) => void): void {
  if (!existsSync(path.join(repo, 'dist', 'cli', 'main.js'))) {
    log('\nrun --out: not measured (run `npm run build` first: bin/campaign-lab.js runs dist/)');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'campaign-lab-out-'));
  try {
    const cpuBefore = childrenCpuSeconds();
    const seconds = commandSeconds(['run', 'scenarios/default.yaml', '--out', path.join(dir, 'out')], runs);
    const cpu = (childrenCpuSeconds() - cpuBefore) / runs;
    const cpuText = Number.isFinite(cpu) ? `, ${cpu.toFixed(2)} s of CPU per run (user + system, all threads)` : '';
    log(`\nrun scenarios/default.yaml --out: ${seconds.toFixed(2)} s (median of ${runs} fresh processes${cpuText}; target < 1.5 s; ${uptime()})`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Seconds of each of `moves` moves of the list-size control in the page, the first right after the page is ready. */
async function liveMoves(report: string, moves: number): Promise<number[]> {
  const { openOffline } = await import('../test/browser/offlinePage.js');
  const session = await openOffline(path.join(report, 'briefing.html'));
  try {
    const { page } = session;
    await page.waitForFunction(() => (window as unknown as { briefingLive?: unknown }).briefingLive !== undefined, undefined, { timeout: 120_000 });
    await page.evaluate(() => (window as unknown as { briefingReady: Promise<unknown> }).briefingReady.then(() => true));
    const times: number[] = [];
    for (let k = 0; k < moves; k++) {
      const size = 1_000_000 + 123_457 * (k + 1);
      times.push(
        await page.evaluate(async (value) => {
          const live = (window as unknown as { briefingLive: { set(key: string, v: number): Promise<void> } }).briefingLive;
          const started = performance.now();
          await live.set('campaigns.D.listSize', value);
          return (performance.now() - started) / 1000;
        }, size),
      );
    }
    return times;
  } finally {
    await session.close();
  }
}

/** The briefing's live re-run in headless Chromium: the default scenario and the county race. */
export async function liveBench(log: (line: string) => void): Promise<void> {
  if (!existsSync('/usr/bin/chromium') || !existsSync(path.join(repo, 'dist', 'cli', 'main.js'))) {
    log('\nLive re-run: not measured (needs /usr/bin/chromium and `npm run build`)');
    return;
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'campaign-lab-live-'));
  try {
    const cases: [string, string, string][] = [
      ['default scenario', path.join(repo, 'scenarios', 'default.yaml'), '< 0.1 s'],
      [`county race (${count(COUNTY_UNITS)} territories)`, writeCountyRace(dir), '< 0.5 s'],
    ];
    log(`\nThe briefing's live re-run in headless Chromium, list size moved 5 times, the first right after the page is ready (${uptime()})`);
    for (const [name, scenario, target] of cases) {
      const report = path.join(dir, `out-${cases.findIndex((c) => c[0] === name)}`);
      commandSeconds(['run', scenario, '--out', report, '--no-sweep'], 1);
      const times = await liveMoves(report, 5);
      log(`  ${name}: first ${times[0].toFixed(3)} s, median ${median(times).toFixed(3)} s, slowest ${Math.max(...times).toFixed(3)} s (target ${target}, the first included)`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every issue-25 section, in order. */
export async function issue25Bench(options: { simulations: number; rounds: number }, log: (line: string) => void = console.log): Promise<void> {
  await peersBench(options.simulations, options.rounds, log);
  await countyBench(Math.max(2000, Math.round(options.simulations / 50)), options.rounds, log);
  await liveBench(log);
  runOutBench(3, log);
  log(`(issue 25 sections done: ${uptime()})`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const option = (name: string, fallback: number): number => {
    const at = process.argv.indexOf(`--${name}`);
    return at >= 0 ? Number(process.argv[at + 1]) : fallback;
  };
  await issue25Bench({ simulations: option('sims', 1_000_000), rounds: option('rounds', 3) });
  process.exit(0);
}
