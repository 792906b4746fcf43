// Do the peers simulate the kernel's peer model? (issue 25)
//
//   node bench/peers/checkPeers.mjs [--sims N] [--threads T]
//
// Runs campaign-lab's kernel (kernelPeer.ts) and each available peer on N draws (default 1,000,000) and
// compares, peer by peer, P(win) of D and P(tie), and per unit (matched by id) the win rate and the
// tipping share, each as two independent binomial proportions: z = (p1 − p2) / sqrt(p(1 − p)(1/n1 +
// 1/n2)), p the pooled proportion (0 when both are 0 or both 1). The numpy peer prints only P(win) and
// P(tie), so only those are compared for it.
//
// Pass rule: |z| <= 2.8 for P(win) and P(tie); in each family of per-unit figures (56 win rates, 56
// tipping shares) at most 2 beyond 2.8 and none beyond 4.0. With 56 independent z's under the same model,
// 3 or more beyond 2.8 happen 0.3 % of the time and one beyond 4.0 0.4 % (the strict count, how many are
// beyond 2.8, is printed too: 0.29 are expected by chance in each family). A peer of another model fails:
// the effect left out moves every unit's win rate by tens of standard errors at 1,000,000 draws.
// Prints one JSON line per peer and figure family, then a verdict line; exit code 1 when a peer fails,
// 2 when the kernel cannot run. Skipped peers are reported and do not fail the check.
import { preparePeers } from './peerRunners.mjs';

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
}
function positive(text, name) {
  if (!/^[0-9]+$/.test(text) || Number(text) < 1) {
    process.stderr.write(`checkPeers: ${name}: expected a positive integer, found ${JSON.stringify(text)}\nusage: node bench/peers/checkPeers.mjs [--sims N] [--threads T]\n`);
    process.exit(2);
  }
  return Number(text);
}
const sims = positive(option('sims', '1000000'), '--sims');
const threads = positive(option('threads', '1'), '--threads');
const LIMIT = 2.8;
const FAMILY_OUTSIDE = 2;
const FAMILY_MAX = 4.0;

/** z of two independent binomial proportions (pooled). */
export function twoProportionZ(p1, n1, p2, n2) {
  const pooled = (p1 * n1 + p2 * n2) / (n1 + n2);
  const variance = pooled * (1 - pooled) * (1 / n1 + 1 / n2);
  return variance > 0 ? (p1 - p2) / Math.sqrt(variance) : 0;
}

const line = (object) => console.log(JSON.stringify(object));
const { peers, cleanup } = preparePeers();
let failed = false;
try {
  const kernelPeer = peers.find((p) => p.name === 'kernel');
  const kernel = kernelPeer.run(sims, threads);
  if (kernel.error) {
    process.stderr.write(`checkPeers: the kernel could not run: ${kernel.error}\n`);
    process.exit(2);
  }
  line({ peer: 'kernel', sims: kernel.sims, pWinD: kernel.pWinD, pTie: kernel.pTie });
  const at = new Map(kernel.ids.map((id, i) => [id, i]));
  for (const peer of peers.filter((p) => p.name !== 'kernel')) {
    if (peer.skipped) {
      line({ peer: peer.name, skipped: peer.skipped });
      continue;
    }
    const result = peer.run(sims, threads);
    if (result.error) {
      line({ peer: peer.name, error: result.error });
      failed = true;
      continue;
    }
    const n = result.sims;
    const zWin = twoProportionZ(result.pWinD, n, kernel.pWinD, kernel.sims);
    const zTie = twoProportionZ(result.pTie, n, kernel.pTie, kernel.sims);
    const headline = Math.abs(zWin) <= LIMIT && Math.abs(zTie) <= LIMIT;
    line({ peer: peer.name, figure: 'pWinD, pTie', peerValues: [result.pWinD, result.pTie], kernelValues: [kernel.pWinD, kernel.pTie], z: [Number(zWin.toFixed(2)), Number(zTie.toFixed(2))], pass: headline });
    let ok = headline;
    if (result.ids) {
      const missing = result.ids.filter((id) => !at.has(id)).concat(kernel.ids.filter((id) => !result.ids.includes(id)));
      if (missing.length > 0) {
        line({ peer: peer.name, figure: 'units', pass: false, unmatched: missing });
        ok = false;
      } else {
        for (const family of ['unitWinRate', 'tippingShare']) {
          const zs = result.ids.map((id, i) => ({ id, z: twoProportionZ(result[family][i], n, kernel[family][at.get(id)], kernel.sims) }));
          const outside = zs.filter((x) => Math.abs(x.z) > LIMIT);
          const worst = zs.reduce((a, b) => (Math.abs(b.z) > Math.abs(a.z) ? b : a));
          const pass = outside.length <= FAMILY_OUTSIDE && Math.abs(worst.z) <= FAMILY_MAX;
          line({
            peer: peer.name,
            figure: family,
            units: zs.length,
            beyond2_8: outside.map((x) => `${x.id}:${x.z.toFixed(2)}`),
            worst: `${worst.id}:${worst.z.toFixed(2)}`,
            pass,
          });
          ok &&= pass;
        }
      }
    }
    if (!ok) failed = true;
  }
} finally {
  cleanup();
}
line({ verdict: failed ? 'a peer differs from the kernel beyond chance' : 'every peer that ran agrees with the kernel within chance', pass: !failed });
process.exitCode = failed ? 1 : 0;
