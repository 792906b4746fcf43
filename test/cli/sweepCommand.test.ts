import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
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
  assert.deepEqual(readdirSync(join(dir, 'whole')).sort(), ['sweep.json', 'sweep.png', 'sweep.svg']);
});

test('sweep merge with a missing shard exits 2 and says which', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-sweep-'));
  assert.equal((await runMain([...base, '--shard', '1/2', '--out', dir])).code, 0);
  const r = await runMain(['sweep', 'merge', join(dir, 'sweep.shard-1-of-2.json')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /shards must be all 2 shards, got shard 1 missing/);
});
