/**
 * `campaign-lab bench`: how many simulated elections per second this machine runs on the full model.
 */
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { formatCount } from '../formatNumber.js';
import { runBenchmark } from '../../node/runBenchmark.js';

/** Simulations of the timed run when --sims is not given. */
export const BENCH_SIMULATIONS = 200_000;

/** The `bench` command. */
export const benchCommand: Command = {
  name: 'bench',
  summary: 'Measure simulated elections per second on the full 56-unit US model.',
  details: 'Runs the US 2020 race with every channel switched on (after a short warm-up) and reports the rate and peak memory.\n\nExample: campaign-lab bench --threads 2 --json',
  spec: {
    positionals: [],
    options: {
      sims: { type: 'integer', minimum: 1, valueName: 'N', description: `Simulations of the timed run (default ${BENCH_SIMULATIONS}).` },
      threads: { type: 'integer', minimum: 1, valueName: 'T', description: 'Worker threads (default 1).' },
      json: { type: 'flag', description: 'Print {electionsPerSecond, simulations, units, threads, peakMemoryBytes} as JSON.' },
    },
  },
  async run(args, context) {
    const result = await runBenchmark({ simulations: (args.options.sims as number | undefined) ?? BENCH_SIMULATIONS, threads: (args.options.threads as number | undefined) ?? 1, signal: context.signal });
    if (args.options.json) printJson(context.stdout, result);
    else {
      context.stdout.write(
        `${formatCount(result.electionsPerSecond)} simulated elections per second (${formatCount(result.simulations)} elections of ${result.units} units, ` +
          `${result.threads} thread${result.threads > 1 ? 's' : ''}, ${result.seconds.toFixed(2)} s; peak memory ${(result.peakMemoryBytes / 1048576).toFixed(0)} MiB)\n`,
      );
    }
  },
};
