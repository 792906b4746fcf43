// npm run bench: the engine benchmark (56-unit electoral college, full model) at several sizes and
// thread counts, with the machine's ziggurat normal rate that bounds the kernel's random numbers.
import { runBenchmark } from '../src/node/runBenchmark.js';
import { availableParallelism } from 'node:os';

const rows: { simulations: number; threads: number; model?: 'full' | 'errors-only' }[] = [
  { simulations: 100_000, threads: 1, model: 'errors-only' },
  { simulations: 100_000, threads: 1 },
  { simulations: 1_000_000, threads: 1 },
  { simulations: 1_000_000, threads: Math.min(2, availableParallelism()) },
];
console.log(`Node ${process.version}, ${availableParallelism()} logical CPUs, load average ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')}`);
for (const row of rows) {
  const r = await runBenchmark(row);
  const ceiling = r.normalsPerSecond / r.normalsPerElection;
  console.log(
    `${r.model.padEnd(11)} ${String(r.simulations).padStart(9)} sims  ${r.threads} thread(s)  ${r.seconds.toFixed(3)} s  ${r.electionsPerSecond.toLocaleString('en-US')} elections/s  ` +
      `peak RSS ${(r.peakMemoryBytes / 2 ** 20).toFixed(0)} MiB  | normals ${(r.normalsPerSecond / 1e6).toFixed(1)} M/s, ${r.normalsPerElection} per election: ceiling ${Math.round(ceiling).toLocaleString('en-US')}/s per thread`,
  );
}
