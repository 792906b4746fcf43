// One full-model run in a fresh process, for npm run bench's memory check: prints the simulations and
// the process's peak resident memory (bytes) as JSON. Usage: node --import tsx bench/memoryProbe.ts N
import { runBenchmark } from '../src/node/runBenchmark.js';

const simulations = Number(process.argv[2] ?? 1_000_000);
const r = await runBenchmark({ simulations, threads: 1, model: 'full' });
console.log(JSON.stringify({ simulations, peakMemoryBytes: r.peakMemoryBytes }));
