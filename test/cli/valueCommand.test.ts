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

test('value reports an assumptions interval beside the Monte Carlo one, and for Pennsylvania the assumptions interval is the wider', async () => {
  // The command of issue 21's Done-when, as a user types it: the scenario's 50,000 simulations, 40 draws.
  const r = await runMain(['value', DEFAULT, '--side', 'D', '--add', '1e6', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.assumptionDraws, 40);
  assert.equal(doc.assumptionSimulations, 10000);
  assert.match(doc.intervals.monteCarlo, /sampling error only/);
  assert.match(doc.intervals.assumptions, /joint draws of the assumptions/);
  for (const key of ['relay.conversion', 'relay.contacts', 'relay.homophily', 'turnout.relay', 'list.decay']) assert.ok(doc.assumptionKeys.some((a: { key: string }) => a.key === key), key);
  const pa = doc.territories.find((t: { id: string }) => t.id === 'PA');
  assert.deepEqual(pa.monteCarlo, { low: pa.low, high: pa.high });
  assert.ok(pa.assumptions.low <= pa.assumptions.mean && pa.assumptions.mean <= pa.assumptions.high);
  assert.ok(pa.assumptions.high - pa.assumptions.low > pa.monteCarlo.high - pa.monteCarlo.low, JSON.stringify(pa));
});

test('value --explain lists the assumptions by share of the spread of the top row, shares adding up to at most 1', async () => {
  const r = await runMain(['value', DEFAULT, '--side', 'D', '--add', '1e6', '--sims', '4000', '--assumption-draws', '4', '--explain', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.explain.id, doc.territories[0].id);
  const shares = doc.explain.shares.map((s: { share: number }) => s.share);
  assert.equal(shares.length, doc.assumptionKeys.length);
  assert.ok(shares.every((s: number, i: number) => s >= 0 && (i === 0 || shares[i - 1] >= s)));
  const total = shares.reduce((a: number, b: number) => a + b, 0);
  assert.ok(total <= 1 + 1e-12 && total > 0.99, String(total));
  // The share of list members who become relays spans 650-fold: it leads.
  assert.equal(doc.explain.shares[0].key, 'relay.conversion');
  const text = await runMain(['value', DEFAULT, '--side', 'D', '--add', '1e6', '--sims', '4000', '--assumption-draws', '4', '--explain']);
  assert.match(text.stdout, /answer rests on/);
  assert.match(text.stdout, /share of list members who become active relays/);
});

test('value never adds past a territory\'s eligible voters, and a list above them exits 2 naming the territory', async () => {
  const r = await runMain(['value', DEFAULT, '--side', 'D', '--add', '1e6', '--sims', '1000', '--assumption-draws', '0', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  const ak = doc.territories.find((t: { id: string }) => t.id === 'AK');
  assert.ok(ak.added > 0 && ak.added < 1e6, String(ak.added));
  const dir = mkdtempSync(join(tmpdir(), 'cap-'));
  const file = join(dir, 'cap.yaml');
  writeFileSync(file, 'name: cap\ncountry: us\nyear: 2020\nsides: [D, R]\nrule: electoral-college\nsimulations: 100\nseed: 1\ncampaigns:\n  D:\n    listSize: 5000000\n    allocation: { counts: { AK: 5000000 } }\n');
  const bad = await runMain(['run', file]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /campaigns\.D\.allocation\.AK must be at most the [\d,]+ eligible voters of Alaska/);
  assert.doesNotMatch(bad.stderr, /\n\s+at /);
  assert.equal(bad.stdout, '');
});

test('value on france-2027 names, in the text and the JSON, the evidence that makes each zero mechanism zero', async () => {
  const args = ['value', 'scenarios/france-2027.yaml', '--side', 'LREM', '--add', '1e5', '--sims', '500', '--assumption-draws', '2'];
  const r = await runMain([...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  const door = doc.zeroMechanisms.find((z: { channel: string; mechanism: string }) => z.channel === 'door' && z.mechanism === 'turnout');
  assert.match(door.reason, /^Door canvassing moves no turnout in France \(Pons 2018 AER/);
  const persuade = doc.zeroMechanisms.find((z: { channel: string; mechanism: string }) => z.channel === 'door' && z.mechanism === 'persuasion');
  assert.match(persuade.reason, /persuades nobody: they are the side's supporters already \(campaigns\.LREM\.persuadable is 0/);
  const text = await runMain(args);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /Mechanisms switched on that move no vote, and why:\n(?: {2}- .*\n)* {2}- Door canvassing moves no turnout in France \(Pons 2018 AER 108\(6\):1322-63\)\n/);
});

test('value on the Pennsylvania counties: the counties do not all get the same change in P(win)', async () => {
  const r = await runMain(['value', 'scenarios/pennsylvania-2024-counties.yaml', '--side', 'D', '--add', '1e5', '--sims', '3000', '--assumption-draws', '0', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.territories.length, 67);
  const distinct = new Set(doc.territories.map((t: { deltaPWin: number }) => t.deltaPWin));
  assert.ok(distinct.size > 1, [...distinct].join(' '));
  // Relays in Philadelphia (about 4 in 5 D) net more than in Lancaster (about 3 in 5 R), with the same 100,000 added in each.
  const row = (name: string) => doc.territories.find((t: { name: string }) => t.name.startsWith(name)).deltaPWin;
  assert.ok(row('Philadelphia') > row('Lancaster'), `${row('Philadelphia')} vs ${row('Lancaster')}`);
});
