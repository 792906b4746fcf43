// One model's kernel rate per CPU second, three runs in one process (for A/B work while tuning the kernel;
// `npm run bench` is the benchmark): node --import tsx bench/quick.ts [peer|full|errors-only] [sims]
// It also prints P(win) of the first side, the most frequent tipping unit with its count, and a margin
// sum, which change if a change to the kernel changes its results.
import { peerModel, benchmarkScenario } from '../src/node/runBenchmark.js';
import { prepareModel } from '../src/sim/prepareModel.js';
import { simulate } from '../src/sim/simulate.js';
import { clearNumbersCache } from '../src/sim/numbersCache.js';
import { resolveScenario } from '../src/scenario/resolveScenario.js';
import { loadResults } from '../src/node/data/loadResults.js';
import { loadParameters } from '../src/node/data/loadParameters.js';
const which = (process.argv[2] ?? 'peer') as 'peer' | 'full' | 'errors-only';
const n = Number(process.argv[3] ?? 1_000_000);
let model;
if (which === 'peer') { const p = peerModel(n); model = prepareModel(p.resolved, p.prepare); }
else model = prepareModel(resolveScenario(benchmarkScenario(n, which), { results: loadResults({ country: 'us', year: 2020 }), parameters: loadParameters() }));
simulate(model, { simulations: 100_000, seed: 1 });
for (let r = 0; r < 3; r++) {
  // Each run draws its numbers: a third run of seed 7 would copy those the second kept (src/sim/numbersCache.ts).
  clearNumbersCache();
  const c = process.cpuUsage();
  const res = simulate(model, { simulations: n, seed: 7 });
  const u = process.cpuUsage(c);
  const s = (u.user + u.system) / 1e6;
  const top = res.tippingCounts.indexOf(Math.max(...res.tippingCounts));
  console.log(which, Math.round(n / s), 'per cpu s', 'pWin', Object.values(res.pWin)[0].toFixed(5), `tip[${top}]`, res.tippingCounts[top], 'sum', res.marginSum[3].toFixed(3));
}
