import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './cliHarness.js';

const DEFAULT = 'scenarios/default.yaml';

test('value --json prints {side, add, simulations, territories} sorted by deltaPWin descending, every interval around its value', async () => {
  const r = await runMain(['value', DEFAULT, '--side', 'D', '--add', '200000', '--sims', '4000', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stderr, '');
  const doc = JSON.parse(r.stdout);
  assert.deepEqual([doc.side, doc.add, doc.simulations, doc.method], ['D', 200000, 4000, 'shared-draws']);
  assert.equal(doc.territories.length, 51);
  for (let i = 0; i < doc.territories.length; i++) {
    const t = doc.territories[i];
    for (const key of ['id', 'deltaPWin', 'low', 'high', 'deltaWeight']) assert.ok(key in t, key);
    assert.ok(t.low <= t.deltaPWin && t.deltaPWin <= t.high, t.id);
    if (i > 0) assert.ok(doc.territories[i - 1].deltaPWin >= t.deltaPWin);
    assert.ok(Math.abs(t.deltaPWinPer1000 - (t.deltaPWin * 1000) / 200000) < 1e-15);
  }
  // The door and phone channels have a cost per contact (data/parameters.json), so there is a value per dollar.
  assert.equal(doc.currency, 'USD');
  assert.ok(doc.territories.every((t: { cost: number }) => t.cost > 0));
  // Adding supporters to a safe state cannot move P(win) by a whole draw's worth on these numbers.
  assert.equal(doc.territories.find((t: { id: string }) => t.id === 'WY').deltaPWin, 0);
});

test('value gives the same document with 1 and 2 threads', async () => {
  const args = ['value', DEFAULT, '--side', 'R', '--add', '1e5', '--sims', '5000', '--by', 'region', '--json'];
  const one = await runMain(args);
  const two = await runMain([...args, '--threads', '2']);
  assert.equal(two.code, 0, two.stderr);
  assert.deepEqual(JSON.parse(two.stdout), JSON.parse(one.stdout));
  assert.equal(JSON.parse(one.stdout).by, 'region');
});

test('value under a national-vote rule runs one variant per département and ranks them', async () => {
  const r = await runMain(['value', 'scenarios/france-2012.yaml', '--side', 'PS', '--add', '50000', '--sims', '1000', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.method, 'one-run-per-group');
  assert.ok(doc.territories.length > 100);
  assert.ok(doc.territories.every((t: { low: number; high: number; deltaPWin: number }) => t.low <= t.deltaPWin && t.deltaPWin <= t.high));
});

test('value --out writes value.json and the chart; the table names the ranking', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'value-'));
  const r = await runMain(['value', DEFAULT, '--side', 'D', '--add', '100000', '--sims', '2000', '--out', dir]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Adding 100,000 D supporters in each territory/);
  assert.match(r.stdout, /rank {2}territory/);
  for (const f of ['value.json', 'value.svg', 'value.png']) assert.ok(existsSync(join(dir, f)), f);
  assert.equal(JSON.parse(readFileSync(join(dir, 'value.json'), 'utf8')).territories.length, 51);
});

test('value rejects a bad --add, an unknown side and a missing --side with exit 2', async () => {
  for (const [args, pattern] of [
    [['--side', 'D', '--add', 'lots'], /--add must be a positive number/],
    [['--side', 'D', '--add', '-5'], /--add must be a positive number/],
    [['--side', 'X', '--add', '10'], /--side must be one of the scenario's sides D, R, got "X"/],
    [['--add', '10'], /--side must be given/],
  ] as [string[], RegExp][]) {
    const r = await runMain(['value', DEFAULT, '--sims', '100', ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, pattern);
    assert.equal(r.stdout, '');
  }
});

test('value draws its progress bar on stderr when stderr is a terminal, and stdout stays one JSON document', async () => {
  const { main } = await import('../../src/cli/main.js');
  let stdout = '';
  let stderr = '';
  const code = await main(['value', DEFAULT, '--side', 'D', '--add', '1e5', '--sims', '30000', '--json'], {
    stdout: { write: (t: string) => (stdout += t) },
    stderr: { write: (t: string) => (stderr += t) },
    stderrIsTTY: true,
    signal: new AbortController().signal,
    cwd: process.cwd(),
  });
  assert.equal(code, 0, stderr);
  assert.match(stderr, /\rvalue \[#* *\] +\d+%/);
  assert.equal(JSON.parse(stdout).territories.length, 51);
});

test('value refuses an --out that is an existing file with exit 2, before simulating', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'value-out-'));
  const path = join(dir, 'taken.txt');
  writeFileSync(path, 'mine\n');
  const r = await runMain(['value', DEFAULT, '--side', 'D', '--add', '1e5', '--out', path]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--out .*taken\.txt must be a new folder.*got an existing file/);
  assert.equal(readFileSync(path, 'utf8'), 'mine\n');
});

test('listValueSliced gives the same rows slice by slice as listValueAsync with every margin held at once', async () => {
  const { prepareScenario } = await import('../../src/node/prepareScenario.js');
  const { supporterGroups } = await import('../../src/analysis/listValueOnSharedDraws.js');
  const { listValueAsync, listValueSliced } = await import('../../src/analysis/listValue.js');
  const { simulateParallel } = await import('../../src/node/simulateParallel.js');
  const { resolved } = await prepareScenario(DEFAULT, { cwd: process.cwd(), overrides: ['simulations=10000', 'threads=1'] });
  const groups = supporterGroups(resolved, 'D', 300000, 'territory');
  const whole = await listValueAsync(resolved, groups, 'D', { run: (s, keep) => simulateParallel(s, { simulations: 10000, seed: resolved.seed, threads: 1, keep }) });
  const progress: number[] = [];
  const sliced = await listValueSliced(resolved, groups, 'D', { blocksPerSlice: 1, onProgress: (done) => progress.push(done) });
  assert.deepEqual(progress, [4096, 8192, 10000]); // three slices of one block
  assert.deepEqual(sliced, whole);
  assert.ok(whole.rows.some((r) => r.gained > 0), 'some draws change');
});
