/**
 * One currency per run (issue 26): the channels' costs are cited in USD (data/parameters.json), so
 * `value` prices a French race's supporters in USD, as the briefing's "Coût par contact (USD)" row
 * shows them; before, value called the same amounts EUR.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runMain } from './cliHarness.js';

test('value on France 2027 prices in USD, the currency of the door cost the briefing shows', async () => {
  const france = join(projectRoot, 'scenarios', 'france-2027.yaml');
  const value = await runMain(['value', france, '--side', 'LREM', '--add', '1e5', '--sims', '200', '--json']);
  assert.equal(value.code, 0, value.stderr);
  assert.equal((JSON.parse(value.stdout) as { currency?: string }).currency, 'USD');
  const text = await runMain(['value', france, '--side', 'LREM', '--add', '1e5', '--sims', '200']);
  assert.match(text.stdout, /per 1M USD/);
  assert.doesNotMatch(text.stdout, /EUR/);
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-currency-'));
  try {
    const run = await runMain(['run', france, '--sims', '500', '--out', dir]);
    assert.equal(run.code, 0, run.stderr);
    const page = readFileSync(join(dir, 'briefing.html'), 'utf8');
    const assumptions = /<section class="assumptions">[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    assert.ok(/Porte-à-porte\u00a0: coût par contact \(USD\)/.test(assumptions), 'the door cost row is in USD');
    assert.ok(!/EUR|€/.test(assumptions), 'no other currency in the assumptions');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
