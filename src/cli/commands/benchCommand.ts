/**
 * `campaign-lab bench`: how many simulated elections per second this machine runs, on the full model or
 * on exactly the model of the numpy peer (`--model peer`).
 */
import { capThreads, warnOnStderr } from '../../node/prepareScenario.js';
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { formatCount } from '../../briefing/formatNumber.js';
import { BENCH_MODELS, runBenchmark, type BenchModel } from '../../node/runBenchmark.js';

/** Simulations of the timed run when --sims is not given. */
const BENCH_SIMULATIONS = 200_000;

/** The `bench` command. */
export const benchCommand: Command = {
  name: 'bench',
  summary: 'Measure simulated elections per second on the 56-unit US electoral college.',
  details:
    'Runs the US race after a short warm-up and reports the rate and peak memory.\n' +
    '--model full (default): the 2020 map with national, regional and territory errors, two campaigns with five channels each, and tipping points.\n' +
    '--model peer: exactly the model of a vectorised numpy script on the 2016 map (national Student-t with 6 degrees of freedom and SD 2.5 pp, ' +
    '4 Census-region errors of SD 1.5, unit errors of SD 2.5, one uniform effect per simulation worth 50,000 net votes in every unit), ' +
    'to compare the kernel with such a script on the same machine.\n' +
    '--model errors-only: the full model\'s race without campaigns.\n\n' +
    'Example: campaign-lab bench --model peer --threads 2 --json',
  spec: {
    positionals: [],
    options: {
      model: { type: 'string', choices: BENCH_MODELS, valueName: BENCH_MODELS.join('|'), description: 'Model to time (default full).' },
      sims: { type: 'integer', minimum: 1, valueName: 'N', description: `Simulations of the timed run (default ${BENCH_SIMULATIONS}).` },
      threads: { type: 'integer', minimum: 1, valueName: 'T', description: 'Worker threads (default 1; at most the machine\'s cores: more are capped, with a warning).' },
      json: { type: 'flag', description: 'Print {electionsPerSecond, simulations, units, threads, model, peakMemoryBytes, …} as JSON.' },
    },
  },
  async run(args, context) {
    const result = await runBenchmark({
      simulations: (args.options.sims as number | undefined) ?? BENCH_SIMULATIONS,
      threads: capThreads((args.options.threads as number | undefined) ?? 1, warnOnStderr(context.stderr)),
      model: (args.options.model as BenchModel | undefined) ?? 'full',
      signal: context.signal,
    });
    if (args.options.json) printJson(context.stdout, result);
    else {
      context.stdout.write(
        `${formatCount(result.electionsPerSecond)} simulated elections per second, ${result.model} model (${formatCount(result.simulations)} elections of ${result.units} units, ` +
          `${result.threads} thread${result.threads > 1 ? 's' : ''}, ${result.seconds.toFixed(2)} s; peak memory ${(result.peakMemoryBytes / 1048576).toFixed(0)} MiB)\n` +
          `P(D wins) ${result.pWinD.toFixed(4)}, P(269-269 tie) ${result.pTie.toFixed(4)}; random numbers: ${formatCount(result.normalsPerElection)} normals and ` +
          `${result.integersPerElection.toFixed(1)} 32-bit integers per election, ${(result.integersPerSecond / 1e6).toFixed(0)} million integers a second on one thread\n`,
      );
    }
  },
};
