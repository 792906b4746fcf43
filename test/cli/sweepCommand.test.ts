import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './cliHarness.js';
import { parseShard, parseVary } from '../../src/cli/parseVary.js';

const base = ['sweep', 'scenarios/florida-2000.yaml', '--vary', 'campaigns.D.listSize=0:8e6:5', '--sims', '2000'];

test('parseVary and parseShard read key=from:to:steps and 1-based k/n', () => {
  assert.deepEqual(parseVary('campaigns.D.listSize=0:2e7:11'), { key: 'campaigns.D.listSize', from: 0, to: 20000000, steps: 11 });
  assert.deepEqual(parseShard('2/4'), { index: 1, count: 4 });
  assert.throws(() => parseShard('0/4'), /--shard must be k\/n with 1 ≤ k ≤ n/);
  assert.throws(() => parseVary('listSize=0:1'), /--vary must be key=from:to:steps/);
});

test('sweep --json: evenly spaced values, one seed, and each point its own run summary', async () => {
  const r = await runMain([...base, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.points.map((p: { value: number }) => p.value), [0, 2e6, 4e6, 6e6, 8e6]);
  assert.ok(doc.points.every((p: { summary: { seed: number; simulations: number } }) => p.summary.seed === 2000 && p.summary.simulations === 2000));
  // Common random numbers: a bigger D list can only move D's expected electoral votes up.
  const ev = doc.points.map((p: { summary: { expectedWeight: { D: number } } }) => p.summary.expectedWeight.D);
  for (let i = 1; i < ev.length; i++) assert.ok(ev[i] >= ev[i - 1], `E[EV] fell from ${ev[i - 1]} to ${ev[i]}`);
});

test('sweep shards merged with sweep merge equal the whole sweep, byte for byte', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-sweep-'));
  for (const [args, out] of [[[], 'whole'], [['--shard', '1/2'], 'a'], [['--shard', '2/2'], 'b']] as const) {
    const r = await runMain([...base, ...args, '--out', join(dir, out)]);
    assert.equal(r.code, 0, r.stderr);
  }
  const merged = await runMain(['sweep', 'merge', join(dir, 'b/sweep.shard-2-of-2.json'), join(dir, 'a/sweep.shard-1-of-2.json'), '--out', join(dir, 'merged')]);
  assert.equal(merged.code, 0, merged.stderr);
  assert.equal(readFileSync(join(dir, 'merged/sweep.json'), 'utf8'), readFileSync(join(dir, 'whole/sweep.json'), 'utf8'));
  assert.deepEqual(readdirSync(join(dir, 'whole')).sort(), ['.campaign-lab-manifest.json', 'sweep.json', 'sweep.png', 'sweep.svg']);
});

test('sweep merge with a missing shard exits 2 and says which', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-sweep-'));
  assert.equal((await runMain([...base, '--shard', '1/2', '--out', dir])).code, 0);
  const r = await runMain(['sweep', 'merge', join(dir, 'sweep.shard-1-of-2.json')]);
  assert.equal(r.code, 2);
  // Shards are numbered from 1, as --shard numbers them: the one missing is 2/2.
  assert.match(r.stderr, /shards must be all 2 shards, got shard 2\/2 \(--shard 2\/2\) missing/);
});

test('sweep merge refuses shards of another sweep, naming both files, and shards changed after writing, naming file and key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-sweep-'));
  const small = ['sweep', 'scenarios/florida-2000.yaml', '--vary', 'campaigns.D.listSize=0:8e6:4', '--sims', '300'];
  assert.equal((await runMain([...small, '--shard', '1/2', '--out', join(dir, 'a')])).code, 0);
  assert.equal((await runMain([...small, '--shard', '2/2', '--out', join(dir, 'b')])).code, 0);
  // The same --vary, seed and simulations on another uncertainty: another scenario, another fingerprint.
  assert.equal((await runMain([...small, '--shard', '2/2', '--set', 'uncertainty.national=4', '--out', join(dir, 'c')])).code, 0);
  const a = join(dir, 'a/sweep.shard-1-of-2.json');
  const b = join(dir, 'b/sweep.shard-2-of-2.json');
  const c = join(dir, 'c/sweep.shard-2-of-2.json');
  const foreign = await runMain(['sweep', 'merge', a, c]);
  assert.equal(foreign.code, 2, foreign.stderr);
  assert.ok(foreign.stderr.includes(`${c}: fingerprint must be the same resolved scenario as ${a}`), foreign.stderr);
  assert.equal(foreign.stdout, '');
  const original = JSON.parse(readFileSync(b, 'utf8'));
  const tamper = async (edit: (doc: any) => void): Promise<string> => {
    const doc = structuredClone(original);
    edit(doc);
    const path = join(dir, 'tampered.json');
    writeFileSync(path, JSON.stringify(doc));
    const r = await runMain(['sweep', 'merge', a, path]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stdout, '');
    assert.ok(r.stderr.startsWith(`campaign-lab: ${path}: `), r.stderr);
    return r.stderr;
  };
  assert.match(await tamper((d) => (d.points = null)), /: points must be a list of points, got null/);
  assert.match(await tamper((d) => delete d.seed), /: seed must be a finite number, got nothing/);
  assert.match(await tamper((d) => (d.points[0].summary.pWin.D = 7.5)), /: points\.0\.summary\.pWin\.D must be a probability from 0 to 1, got 7\.5/);
  assert.match(await tamper((d) => (d.points[1] = null)), /: points\.1 must be a point/);
  assert.match(await tamper((d) => (d.points[0].summary.pWin.D = 0.5)), /: digest must be the digest of the points/);
  assert.match(await tamper((d) => (d.scenario.name = 'another')), /: fingerprint must be the fingerprint of the shard's own scenario/);
  assert.match(await tamper((d) => (d.points[0].value = 1)), /: points\.0\.value must be 2666666\.6666666665 \(point 1 of the range\), got 1/);
});

test('sweep pairs consecutive points: each change is the paired difference of P(win) with its standard error', async () => {
  const r = await runMain([...base, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.points[0].change, undefined);
  for (let i = 1; i < doc.points.length; i++) {
    const c = doc.points[i].change;
    const n = doc.simulations;
    // The mean paired difference is (gained − lost) / n and equals the difference of the two P(win).
    assert.equal(c.from, doc.points[i - 1].value);
    assert.ok(Math.abs(c.difference - (c.gained - c.lost) / n) < 1e-12);
    assert.ok(Math.abs(c.difference - (doc.points[i].summary.pWin.D - doc.points[i - 1].summary.pWin.D)) < 1e-12);
    // SE of a mean of n values in {−1, 0, 1}: sqrt((m2 − m²) · n / (n − 1) / n), m2 = (gained + lost) / n.
    const m = c.difference;
    const m2 = (c.gained + c.lost) / n;
    assert.ok(Math.abs(c.standardError - Math.sqrt(((m2 - m * m) * n) / (n - 1) / n)) < 1e-12);
  }
});

test('sweep text gives each P(win) a Wilson interval and the paired change with its SE, and says what they are', async () => {
  const r = await runMain(base);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /value +P\(D wins\) +95% interval +E\[electoral votes D\] +change from previous ± SE/);
  assert.match(r.stdout, /\d+\.\d–\d+\.\d%/);
  assert.doesNotMatch(r.stdout, /± 0\.00 pp/);
  assert.match(r.stdout, /95% interval: Wilson interval of P\(D wins\) from 2,000 simulations/);
  assert.match(r.stdout, /Change: P\(D wins\) minus the previous point's, paired draw by draw/);
});
