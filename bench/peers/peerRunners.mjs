// How runPeers.mjs and checkPeers.mjs find, build and run the peers of the peer model (issue 25):
// campaign-lab's kernel (kernelPeer.ts), the C peer (c/peer.c, compiled with `cc` into a temporary
// folder), the numba peer (numba_peer.py, with the first python that imports numba) and the numpy peer
// (../shared/peers/numpy_peer.py next to the repository or a parent, as `npm run bench` finds it).
// A peer that cannot run comes back as { skipped: reason }.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const data = path.join(repo, 'data');

/** The last line of a child's stderr or stdout, for a message. */
function lastLine(out) {
  return ((out.stderr || '') + (out.stdout || '')).trim().split('\n').slice(-1)[0] ?? '';
}

/** The first of `pythons` that imports `module`, or undefined. */
function pythonWith(module, pythons = ['python3', '/usr/bin/python3']) {
  for (const python of pythons) {
    const out = spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8' });
    if (!out.error && out.status === 0) return python;
  }
  return undefined;
}

/** The shared folder (`<dir>/../shared` with peers/numpy_peer.py) next to the repository or a parent. */
function findShared() {
  for (let dir = repo; ; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared');
    if (existsSync(path.join(candidate, 'peers', 'numpy_peer.py'))) return candidate;
    if (path.dirname(dir) === dir) return undefined;
  }
}

/**
 * Builds every runner: `{ name, run(sims, threads) }` objects, or `{ name, skipped }`. `cleanup()`
 * removes the temporary folder of the compiled C peer.
 */
export function preparePeers() {
  const peers = [];
  const temp = mkdtempSync(path.join(tmpdir(), 'campaign-lab-peers-'));
  const env = { ...process.env };
  delete env.OPENBLAS_CORETYPE;
  delete env.OPENBLAS_L2_SIZE;

  peers.push({
    name: 'kernel',
    run: (sims, threads) => runJson(process.execPath, ['--import', 'tsx', path.join(repo, 'bench', 'peers', 'kernelPeer.ts'), String(sims), '--threads', String(threads), '--json'], { cwd: repo }),
  });

  const cc = spawnSync('cc', ['--version'], { encoding: 'utf8' });
  if (cc.error || cc.status !== 0) peers.push({ name: 'c', skipped: 'no C compiler (`cc`) on this machine' });
  else {
    const binary = path.join(temp, 'peer');
    const flags = ['-O3', '-march=native', '-pthread'];
    const build = spawnSync('cc', [...flags, '-o', binary, path.join(repo, 'bench', 'peers', 'c', 'peer.c'), '-lm'], { encoding: 'utf8' });
    if (build.error || build.status !== 0) peers.push({ name: 'c', skipped: `cc ${flags.join(' ')} failed: ${lastLine(build)}` });
    else peers.push({ name: 'c', compiler: cc.stdout.split('\n')[0], flags: flags.join(' '), run: (sims, threads) => runJson(binary, [data, String(sims), '--threads', String(threads), '--json']) });
  }

  const numba = pythonWith('numba');
  if (!numba) peers.push({ name: 'numba', skipped: 'no python3 on this machine imports numba (Debian: apt-get install python3-numba, then /usr/bin/python3)' });
  else peers.push({ name: 'numba', python: numba, run: (sims, threads) => runJson(numba, [path.join(repo, 'bench', 'peers', 'numba_peer.py'), data, String(sims), '--threads', String(threads), '--json'], { env }) });

  const shared = findShared();
  const numpy = pythonWith('numpy');
  if (!shared) peers.push({ name: 'numpy', skipped: 'the numpy peer (../shared/peers/numpy_peer.py next to the repository or a parent) was not found' });
  else if (!numpy) peers.push({ name: 'numpy', skipped: 'no python3 on this machine imports numpy' });
  else {
    // Its threads are OpenBLAS's (OPENBLAS_NUM_THREADS = threads): the matrix product is all it runs in parallel.
    peers.push({
      name: 'numpy',
      python: numpy,
      run: (sims, threads) => {
        const childEnv = { ...env };
        childEnv.OPENBLAS_NUM_THREADS = String(threads);
        const out = spawnSync(numpy, [path.join(shared, 'peers', 'numpy_peer.py'), path.join(shared, 'reference'), String(sims)], { env: childEnv, encoding: 'utf8' });
        if (out.error || out.status !== 0) return { error: `the numpy peer failed: ${lastLine(out)}` };
        const rate = /electionsPerSecond=([\d,]+)/.exec(out.stdout);
        const p = /pWinD=([\d.]+) pTie=([\d.]+) seconds=([\d.]+)/.exec(out.stdout);
        if (!rate || !p) return { error: `unexpected numpy peer output: ${out.stdout.trim()}` };
        return { peer: 'numpy', units: 56, sims, threads, pWinD: Number(p[1]), pTie: Number(p[2]), seconds: Number(p[3]), electionsPerSecond: Number(rate[1].replace(/,/g, '')) };
      },
    });
  }
  return { peers, cleanup: () => rmSync(temp, { recursive: true, force: true }) };
}

/** Runs a peer that prints one JSON object; returns it, or { error }. */
function runJson(command, args, options = {}) {
  const out = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 24, ...options });
  if (out.error) return { error: `${command} could not be started (${out.error.message})` };
  if (out.status !== 0) return { error: `${path.basename(command)} failed (exit ${out.status}): ${lastLine(out)}` };
  try {
    return JSON.parse(out.stdout.trim().split('\n').slice(-1)[0]);
  } catch {
    return { error: `unexpected output of ${path.basename(command)}: ${out.stdout.trim().slice(0, 200)}` };
  }
}
