import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runBenchmark, benchmarkScenario } from '../../src/node/runBenchmark.js';

test('runBenchmark runs the 56-unit full-model race and reports the bench --json fields', async () => {
  const r = await runBenchmark({ simulations: 5000, threads: 1 });
  assert.equal(r.units, 56);
  assert.equal(r.simulations, 5000);
  assert.equal(r.threads, 1);
  assert.ok(r.electionsPerSecond > 0 && Number.isFinite(r.electionsPerSecond));
  assert.ok(r.peakMemoryBytes > 1e6);
  // 9 Census divisions + 56 units = 65 error normals, plus 2 normals for each of the 7 channel slots
  // (email, sms, phone, door, mail, social, relay) of both sides, drawn whether switched on or not.
  assert.equal(r.normalsPerElection, 65 + 7 * 2 * 2);
  assert.deepEqual(Object.keys(benchmarkScenario(10).campaigns!.D.channels!), ['email', 'sms', 'phone', 'door', 'mail']);
});

test('runBenchmark rejects a bad thread count', async () => {
  await assert.rejects(runBenchmark({ simulations: 10, threads: 0 }), /threads must be a positive integer, got 0/);
});
