// campaign-lab's kernel on the peer model, with the output of the C and numba peers (for runPeers.mjs
// and checkPeers.mjs): node --import tsx bench/peers/kernelPeer.ts [SIMULATIONS] [--threads N] [--seed S] [--json]
//
// The model is `campaign-lab bench --model peer` (src/node/runBenchmark.ts peerModel: the 2016 map from
// data/, national t(6) SD 2.5, 4 Census regions SD 1.5, units SD 2.5, a uniform(0, 1) effect of 50,000 net
// votes per unit; tipping points on). As runBenchmark does, a run of 50,000 draws (seed 1) warms the
// kernel and the workers up first; the timed run is simulateParallel with every accumulator (unit wins,
// margin sums, tipping points, national vote). Prints a summary line like the peers', or with --json one
// object: pWinD, pTie, wall and CPU seconds and rates, and per unit (ids) the win rate and tipping share.
import { peerModel } from '../../src/node/runBenchmark.js';
import { closeWorkerPool, simulateParallel } from '../../src/node/simulateParallel.js';

function usage(why: string): never {
  process.stderr.write(`kernelPeer: ${why}\nusage: kernelPeer.ts [SIMULATIONS] [--threads N] [--seed S] [--json]\n`);
  process.exit(2);
}

function positive(text: string | undefined, name: string): number {
  if (text === undefined || !/^[0-9]+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) usage(`${name}: expected a positive integer, found ${JSON.stringify(text)}`);
  return Number(text);
}

let simulations = 1_000_000;
let threads = 1;
let seed: number | undefined;
let json = false;
const args = process.argv.slice(2);
const positional: string[] = [];
for (let k = 0; k < args.length; k++) {
  if (args[k] === '--json') json = true;
  else if (args[k] === '--threads') threads = positive(args[++k], '--threads');
  else if (args[k] === '--seed') seed = positive(args[++k], '--seed');
  else if (args[k].startsWith('--')) usage(`unknown option ${args[k]}`);
  else positional.push(args[k]);
}
if (positional.length > 1) usage('too many arguments');
if (positional.length === 1) simulations = positive(positional[0], 'SIMULATIONS');

const { resolved, prepare } = peerModel(simulations);
await simulateParallel(resolved, { simulations: Math.min(simulations, 50_000), seed: 1, threads, prepare });
const cpuStart = process.cpuUsage();
const start = performance.now();
const result = await simulateParallel(resolved, { simulations, seed: seed ?? resolved.seed, threads, prepare });
const seconds = (performance.now() - start) / 1000;
const cpu = process.cpuUsage(cpuStart);
const cpuSeconds = (cpu.user + cpu.system) / 1e6;
await closeWorkerPool();
const n = result.simulations;
const unitWinRate = Array.from(result.unitWinsA, (x) => x / n);
const tippingShare = Array.from(result.tippingCounts, (x) => x / n);
const [sideA] = result.sides;
if (json) {
  console.log(
    JSON.stringify({
      peer: 'kernel',
      units: result.unitIds.length,
      sims: n,
      threads,
      seed: result.seed,
      pWinD: result.pWin[sideA],
      pTie: result.pTie,
      seconds,
      cpuSeconds,
      electionsPerSecond: Math.round(n / seconds),
      electionsPerCpuSecond: Math.round(n / cpuSeconds),
      ids: result.unitIds,
      unitWinRate,
      tippingShare,
    }),
  );
} else {
  const top = result.unitIds.map((id, i) => ({ id, share: tippingShare[i] })).sort((a, b) => b.share - a.share).slice(0, 5);
  console.log(
    `units=${result.unitIds.length} sims=${n} pWinD=${result.pWin[sideA].toFixed(4)} pTie=${result.pTie.toFixed(4)} seconds=${seconds.toFixed(3)} ` +
      `electionsPerSecond=${Math.round(n / seconds).toLocaleString('en-US')} threads=${threads} cpuSeconds=${cpuSeconds.toFixed(3)} ` +
      `tipping=${top.map((t) => `${t.id}:${t.share.toFixed(4)}`).join(',')} unitWinRateSum=${unitWinRate.reduce((a, b) => a + b, 0).toFixed(4)}`,
  );
}
