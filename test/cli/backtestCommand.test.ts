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

test('backtest --polls prints the state Brier, log score, 90 % coverage and P(win) at the as-of day and 100, 50, 20 days out, beside the published scores', async () => {
  const r = await runMain(['backtest', '--polls', 'data/polls/us-president-2012-polls.csv', '--year', '2012', '--as-of', '2012-11-05', '--sims', '2000']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.match(lines[0], /^Poll forecast of 2012 from us-president-2012-polls\.csv \(economist layout, 1,139 polls\), error model without-2012 \(fitted on 2000, 2004, 2008, 2016\)$/);
  assert.match(lines[1], /state Brier +log score +90% cover +P\(D wins\)/);
  assert.deepEqual(lines.slice(2, 6).map((l) => l.slice(0, 16)), ['2012-11-05     1', '2012-07-29   100', '2012-09-17    50', '2012-10-17    20']);
  assert.match(r.stdout, /Published state Brier of the final forecast, 2012: Economist 0\.0193, FiveThirtyEight 0\.0091, Linzer 0\.0038/);
  assert.match(r.stdout, /^Fundamentals: time-for-change \(Abramowitz\), fitted on 1948–2008, D \+5\.2 pp; on 2012-11-05 the polls said \+2\.0, weight 0\.\d\d, every state moved \+0\.\d pp\.$/m);
});

test('backtest --polls --no-fundamentals scores the polls alone; --no-fundamentals without --polls exits 2', async () => {
  const r = await runMain(['backtest', '--polls', 'data/polls/us-president-2012-polls.csv', '--year', '2012', '--sims', '500', '--no-fundamentals', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.rows[0].fundamentals, undefined);
  const blended = JSON.parse((await runMain(['backtest', '--polls', 'data/polls/us-president-2012-polls.csv', '--year', '2012', '--sims', '500', '--json'])).stdout);
  assert.ok(Math.abs(blended.rows[0].nationalMargin.forecast - doc.rows[0].nationalMargin.forecast - blended.rows[0].fundamentals.shift) < 1e-9);
  const bad = await runMain(['backtest', '--no-fundamentals']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--no-fundamentals must be given only with --polls FILE/);
});

test('backtest --polls --json and --out: the rows, the published scores and the forecast chart', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-poll-backtest-'));
  const r = await runMain(['backtest', '--polls', 'data/polls/us-president-2008-polls.csv', '--year', '2008', '--sims', '2000', '--json', '--out', dir]);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.year, 2008);
  assert.equal(doc.rows[0].asOf, '2008-11-03');
  assert.deepEqual(doc.rows.map((row: { daysToElection: number }) => row.daysToElection), [1, 100, 50, 20]);
  assert.ok(doc.rows[0].brier <= 0.029);
  assert.ok(doc.rows[0].nationalPWin > 0.9);
  assert.deepEqual(doc.published, { Economist: 0.029 });
  // A report folder as run --out writes one: its manifest beside the files.
  assert.deepEqual(readdirSync(dir).sort(), ['.campaign-lab-manifest.json', 'poll-backtest.json', 'poll-forecast.png', 'poll-forecast.svg']);
});

test('backtest --polls refuses a missing --year, a bad --as-of, and --as-of without --polls (exit 2)', async () => {
  for (const argv of [
    ['backtest', '--polls', 'data/polls/us-president-2012-polls.csv'],
    ['backtest', '--polls', 'data/polls/us-president-2012-polls.csv', '--year', '2012', '--as-of', '2012-13-01'],
    ['backtest', '--polls', 'data/polls/us-president-2012-polls.csv', '--year', '2012', '--as-of', '2012-11-07'],
    ['backtest', '--as-of', '2012-11-01'],
  ]) {
    const r = await runMain(argv);
    assert.equal(r.code, 2, argv.join(' '));
    assert.match(r.stderr, /^campaign-lab: .*must be .*\n$/);
  }
});
