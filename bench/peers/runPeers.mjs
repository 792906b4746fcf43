// campaign-lab's kernel against the C, numba and numpy peers of the peer model, side by side (issue 25):
//
//   node bench/peers/runPeers.mjs [--sims N] [--rounds R] [--threads 1,2] [--peers kernel,c,numba,numpy]
//
// Each round runs every peer once per thread count, alternately (kernel, C, numba, numpy at 1 thread,
// then the same at 2), each in a fresh process; the C peer is compiled first with
// `cc -O3 -march=native -pthread` into a temporary folder (removed at the end). A peer that cannot run
// (no `cc`, no python that imports numba or numpy, no ../shared/peers/numpy_peer.py) is skipped with a
// message. Prints JSON lines: the machine (with its load average), each skipped peer, each run, then per
// peer and thread count the medians and the median of the per-round ratios kernel ÷ peer, and per peer
// the median of the per-round ratios 2 threads ÷ 1 thread. Rates are wall clock (`electionsPerSecond`)
// and per CPU second of the whole process (`electionsPerCpuSecond`, all threads; not for numpy, whose
// process is timed from the inside); on a machine other work shares, say its load with the figures.
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { preparePeers } from './peerRunners.mjs';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
function fail(message) {
  process.stderr.write(`runPeers: ${message}\nusage: node bench/peers/runPeers.mjs [--sims N] [--rounds R] [--threads 1,2] [--peers kernel,c,numba,numpy]\n`);
  process.exit(2);
}
const positive = (text, name) => (/^[0-9]+$/.test(text) && Number(text) >= 1 ? Number(text) : fail(`${name}: expected a positive integer, found ${JSON.stringify(text)}`));
const sims = positive(option('sims', '1000000'), '--sims');
const rounds = positive(option('rounds', '3'), '--rounds');
const threadCounts = option('threads', '1,2').split(',').map((t) => positive(t, '--threads'));
const wanted = option('peers', 'kernel,c,numba,numpy').split(',');
for (const w of wanted) if (!['kernel', 'c', 'numba', 'numpy'].includes(w)) fail(`--peers: unknown peer ${JSON.stringify(w)} (kernel, c, numba, numpy)`);

const line = (object) => console.log(JSON.stringify(object));
const load = () => loadavg().map((x) => Number(x.toFixed(2)));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? null : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const { peers, cleanup } = preparePeers();
try {
  let cpuModel = 'unknown';
  try {
    cpuModel = /model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1].trim() ?? cpuModel;
  } catch {
    // not Linux: the model stays unknown
  }
  line({ machine: { cpus: availableParallelism(), cpuModel, node: process.version, loadAverage: load() }, sims, rounds, threads: threadCounts });
  const active = [];
  for (const peer of peers.filter((p) => wanted.includes(p.name))) {
    if (peer.skipped) {
      process.stderr.write(`runPeers: ${peer.name} peer skipped: ${peer.skipped}\n`);
      line({ peer: peer.name, skipped: peer.skipped });
    } else {
      active.push(peer);
      if (peer.compiler || peer.python) line({ peer: peer.name, ...(peer.compiler ? { compiler: peer.compiler, flags: peer.flags } : {}), ...(peer.python ? { python: peer.python } : {}) });
    }
  }
  const runs = [];
  for (let round = 1; round <= rounds; round++) {
    for (const threads of threadCounts) {
      for (const peer of active) {
        const result = peer.run(sims, threads);
        if (result.error) {
          process.stderr.write(`runPeers: ${peer.name}: ${result.error}\n`);
          line({ round, peer: peer.name, threads, error: result.error });
          continue;
        }
        const run = {
          round,
          peer: peer.name,
          threads,
          sims: result.sims,
          electionsPerSecond: result.electionsPerSecond,
          ...(result.electionsPerCpuSecond ? { electionsPerCpuSecond: result.electionsPerCpuSecond } : {}),
          seconds: Number(result.seconds.toFixed(4)),
          ...(result.cpuSeconds !== undefined ? { cpuSeconds: Number(result.cpuSeconds.toFixed(4)) } : {}),
          pWinD: result.pWinD,
          pTie: result.pTie,
          loadAverage1: load()[0],
        };
        runs.push(run);
        line(run);
      }
    }
  }
  const find = (peer, threads, round) => runs.find((r) => r.peer === peer && r.threads === threads && r.round === round);
  for (const threads of threadCounts) {
    for (const peer of active) {
      const mine = runs.filter((r) => r.peer === peer.name && r.threads === threads);
      if (mine.length === 0) continue;
      const ratios = (field) =>
        median(
          mine
            .map((r) => {
              const k = find('kernel', threads, r.round);
              return k && k[field] && r[field] ? k[field] / r[field] : undefined;
            })
            .filter((x) => x !== undefined),
        );
      line({
        summary: peer.name,
        threads,
        runs: mine.length,
        electionsPerSecond: Math.round(median(mine.map((r) => r.electionsPerSecond))),
        ...(mine[0].electionsPerCpuSecond ? { electionsPerCpuSecond: Math.round(median(mine.map((r) => r.electionsPerCpuSecond))) } : {}),
        ...(peer.name === 'kernel' ? {} : { kernelOverPeer: Number(ratios('electionsPerSecond')?.toFixed(3)), kernelOverPeerCpu: ratios('electionsPerCpuSecond') === null ? null : Number(ratios('electionsPerCpuSecond').toFixed(3)) }),
      });
    }
  }
  if (threadCounts.includes(1)) {
    for (const other of threadCounts.filter((t) => t > 1)) {
      for (const peer of active) {
        const scale = median(
          runs
            .filter((r) => r.peer === peer.name && r.threads === other)
            .map((r) => {
              const one = find(peer.name, 1, r.round);
              return one ? r.electionsPerSecond / one.electionsPerSecond : undefined;
            })
            .filter((x) => x !== undefined),
        );
        if (scale !== null) line({ scaling: peer.name, threads: other, overOneThread: Number(scale.toFixed(3)) });
      }
    }
  }
  line({ machine: { loadAverageAtEnd: load() } });
} finally {
  cleanup();
}
