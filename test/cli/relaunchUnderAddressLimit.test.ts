/**
 * The command line under an address-space limit (`prlimit --as`, `ulimit -v`), as shared clusters and
 * login nodes set: V8 reserves about 10 GB of address space per WebAssembly memory unless Node runs with
 * --disable-wasm-trap-handler, so the command restarts itself with that flag. These tests run the compiled
 * command (bin/campaign-lab.js, built by `npm run build`, which `npm test` runs first): tsx itself loads a
 * WebAssembly module and cannot start under such a limit.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, waitForSigintHandler } from './cliHarness.js';

const bin = join(projectRoot, 'bin', 'campaign-lab.js');
const compiled = join(projectRoot, 'dist', 'cli', 'main.js');
const prlimit = spawnSync('prlimit', ['--version'], { encoding: 'utf8' }).status === 0;
const skip = !prlimit && 'prlimit (util-linux) is not installed';
/** The cap of the issue: 8 GB of address space. */
const CAP = '--as=8000000000';
const PROCESS_TEST = { skip, timeout: 15 * 60 * 1000 };

function underCap(args: string[], cap = CAP) {
  assert.ok(existsSync(compiled), 'dist/ is missing: run npm run build first (npm test does)');
  return spawnSync('prlimit', [cap, process.execPath, ...args], { cwd: projectRoot, encoding: 'utf8', env: { ...process.env, TZ: 'UTC', LC_ALL: 'C' }, maxBuffer: 64 << 20 });
}

test('prlimit --as=8000000000 node bin/campaign-lab.js run scenarios/default.yaml exits 0, with the numbers of an unlimited run', PROCESS_TEST, () => {
  const capped = underCap([bin, 'run', 'scenarios/default.yaml']);
  assert.equal(capped.status, 0, capped.stderr);
  assert.match(capped.stdout, /^P\(D wins\) \d+\.\d% /m);
  // Two worker threads, JSON: the same document as without the limit (the flag changes how bounds are checked, not a number).
  const json = underCap([bin, 'run', 'scenarios/default.yaml', '--threads', '2', '--sims', '20000', '--json']);
  assert.equal(json.status, 0, json.stderr);
  const free = spawnSync(process.execPath, [bin, 'run', 'scenarios/default.yaml', '--threads', '2', '--sims', '20000', '--json'], { cwd: projectRoot, encoding: 'utf8', maxBuffer: 64 << 20 });
  assert.equal(free.status, 0, free.stderr);
  assert.equal(json.stdout, free.stdout);
});

test('without the flag, the kernel says what to do when it cannot reserve its memory under the cap', PROCESS_TEST, () => {
  // The library as a notebook or a script uses it: no restart, so the message must carry the remedy.
  const script = `import('./dist/sim/wasm/kernelModule.js').then((m) => { const a = new m.KernelArena(); a.f64(8); a.open(); console.log('opened'); }).catch((e) => { console.error(e.message); process.exit(3); });`;
  const run = underCap(['-e', script]);
  assert.equal(run.status, 3, run.stdout + run.stderr);
  assert.match(run.stderr, /the simulation kernel could not reserve its WebAssembly memory \(0\.\d MiB\)/);
  assert.match(run.stderr, /run node --disable-wasm-trap-handler, or raise the limit \(ulimit -v unlimited\)/);
  // With the flag, the same memory opens under the same cap.
  const flagged = underCap(['--disable-wasm-trap-handler', '-e', script]);
  assert.equal(flagged.status, 0, flagged.stderr);
  assert.equal(flagged.stdout.trim(), 'opened');
});

test('the restarted command keeps the exit codes of bad input and of a signal', PROCESS_TEST, async () => {
  const bad = underCap([bin, 'run', 'scenarios/default.yaml', '--sims', '0']);
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /^campaign-lab: --sims must be an integer ≥ 1, got "0"$/m);
  // SIGTERM to the process the user started reaches the restarted command, which exits 143 as always.
  assert.ok(existsSync(compiled), 'dist/ is missing: run npm run build first (npm test does)');
  const child = spawn('prlimit', [CAP, process.execPath, bin, 'run', 'scenarios/default.yaml', '--sims', '50000000'], { cwd: projectRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  assert.ok(await waitForSigintHandler(child), 'the command exited before handling signals');
  child.kill('SIGTERM');
  assert.equal(await exited, 143);
});
