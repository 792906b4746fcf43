import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runMain } from './cliHarness.js';

test('bench --json prints the DESIGN §5 keys with a rate consistent with simulations and seconds', async () => {
  const r = await runMain(['bench', '--sims', '5000', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  for (const key of ['electionsPerSecond', 'simulations', 'units', 'threads', 'peakMemoryBytes']) assert.ok(key in doc, key);
  assert.deepEqual([doc.simulations, doc.units, doc.threads], [5000, 56, 1]);
  assert.ok(Math.abs(doc.electionsPerSecond - doc.simulations / doc.seconds) / doc.electionsPerSecond < 0.01);
  assert.ok(doc.peakMemoryBytes > 10e6);
});
