/**
 * Benchmark of `campaign-lab value` on the 56 US units (2024 baseline, scenarios/default.yaml) at 20,000
 * simulations, one thread: the target is under 30 s.
 *
 *   node --import tsx bench/valueCommand.ts [simulations]     (default 20,000)
 *
 * Runs the command as users do (compiled dist/cli/main.js when built, else the sources through tsx) under
 * /usr/bin/time -v, once with `--by territory` and once with `--by region`, and prints the wall time and
 * the peak resident memory. It also times the naive method (one full run per territory, as a hand-written
 * loop does) in this process, for comparison.
 *
 * Measured on the project machine (2 vCPU shared with six other jobs, load average 11.6; Node 20.20;
 * 2026-11-29), compiled command, one thread:
 *   value --by territory 20,000 sims, 51 rows: 2.1 s wall (start-up included), peak RSS 81 MiB
 *   value --by region    20,000 sims,  9 rows: 1.8 s wall, peak RSS 81 MiB
 *   naive loop of 52 full runs in-process: 13.8 s
 * The target is under 30 s.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { prepareScenario } from '../src/node/prepareScenario.js';
import { prepareModel } from '../src/sim/prepareModel.js';
import { simulate } from '../src/sim/simulate.js';
import { withExtraSupporters } from '../src/analysis/listMarginalValue.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsxLoader = pathToFileURL(join(root, 'node_modules/tsx/dist/loader.mjs')).href;
const compiled = join(root, 'dist/cli/main.js');
const command = existsSync(compiled) ? [compiled] : ['--import', tsxLoader, join(root, 'src/cli/main.ts')];
const simulations = Number(process.argv[2] ?? 20_000);

function measure(by: string): { seconds: number; peakMiB: number; rows: number } {
  const args = ['-v', process.execPath, ...command, 'value', join(root, 'scenarios/default.yaml'), '--side', 'D', '--add', '100000', '--by', by, '--sims', String(simulations), '--threads', '1', '--json'];
  const r = spawnSync('/usr/bin/time', args, { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`value failed: ${r.stderr}`);
  const doc = JSON.parse(r.stdout);
  const wall = /Elapsed \(wall clock\) time \(h:mm:ss or m:ss\): (?:(\d+):)?(\d+):([\d.]+)/.exec(r.stderr);
  const seconds = wall ? Number(wall[1] ?? 0) * 3600 + Number(wall[2]) * 60 + Number(wall[3]) : NaN;
  const peakKb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr)?.[1]);
  return { seconds, peakMiB: peakKb / 1024, rows: doc.territories.length };
}

const loadavg = (await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ');
console.log(`Node ${process.version}, load average ${loadavg}; running ${command.length === 1 ? 'dist/cli/main.js (compiled)' : 'src/cli/main.ts through tsx'}`);
for (const by of ['territory', 'region']) {
  const m = measure(by);
  console.log(`value --by ${by.padEnd(9)} ${simulations.toLocaleString('en-US')} sims, 1 thread, ${m.rows} rows: ${m.seconds.toFixed(1)} s wall (start-up included), peak RSS ${m.peakMiB.toFixed(0)} MiB`);
}
// The naive method for comparison: one full run per territory on the same seed.
const { resolved } = await prepareScenario('scenarios/default.yaml', { cwd: root });
const ids = Object.keys(resolved.campaigns.D.allocation);
const started = performance.now();
simulate(prepareModel(resolved), { simulations, seed: 1, keep: { outcome: true } });
for (const id of ids) simulate(prepareModel(withExtraSupporters(resolved, 'D', id, 100000)), { simulations, seed: 1, keep: { outcome: true } });
console.log(`naive loop of ${ids.length + 1} full runs in this process: ${((performance.now() - started) / 1000).toFixed(1)} s`);
