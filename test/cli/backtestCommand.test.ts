import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './cliHarness.js';

test('backtest --json scores every grid point and writes the calibration chart with --out', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-backtest-'));
  const r = await runMain(['backtest', '--sims', '100', '--years', '2020,2024', '--json', '--out', dir]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual(doc.years, [2020, 2024]);
  assert.equal(doc.points.length, 4 * 3 * 4 * 2); // the default grid: national × regional × territory × tails
  // 51 states + DC-style units and 5 districts are forecast per year, plus one national forecast.
  assert.ok(doc.best.units.count >= 2 * 51);
  assert.ok(doc.best.units.brier >= 0 && doc.best.units.brier <= 1);
  assert.deepEqual(readdirSync(dir).sort(), ['.campaign-lab-manifest.json', 'backtest.json', 'calibration.png', 'calibration.svg']);
});

test('backtest with a year without a result four years before exits 2', async () => {
  const r = await runMain(['backtest', '--sims', '100', '--years', '2000']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /^campaign-lab: .*must be .*, got .*\n$/);
});
