/**
 * Start-up of the installed command: `node bin/campaign-lab.js --version` (dist/, built by `npm run
 * build`) timed from spawn to exit, the median of several runs, beside a bare `node -e ''` on the same
 * machine. Target: under 0.3 s (no command and none of the libraries they load, vega and resvg among
 * them, load for --version). One line of `npm run bench`; never a test (timings depend on the load).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Median wall time of `runs` runs of node with `args`, seconds. */
function medianSeconds(args: string[], runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    const out = spawnSync(process.execPath, args, { cwd: repo, encoding: 'utf8' });
    if (out.status !== 0) throw new Error(`node ${args.join(' ')} exited with ${out.status}: ${out.stderr}`);
    times.push(Number(process.hrtime.bigint() - started) / 1e9);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * The bench line of the command's start-up.
 *
 * @example
 * startupBench(11) // => 'Start-up: campaign-lab --version 0.14 s (median of 11; bare node 0.10 s; target < 0.3 s)'
 */
export function startupBench(runs = 11): string {
  if (!existsSync(path.join(repo, 'dist', 'cli', 'main.js'))) return 'Start-up: not measured (run `npm run build` first: bin/campaign-lab.js runs dist/)';
  const version = medianSeconds([path.join(repo, 'bin', 'campaign-lab.js'), '--version'], runs);
  const bare = medianSeconds(['-e', ''], runs);
  return `Start-up: campaign-lab --version ${version.toFixed(2)} s (median of ${runs}; bare node ${bare.toFixed(2)} s; target < 0.3 s)`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) console.log(startupBench());
