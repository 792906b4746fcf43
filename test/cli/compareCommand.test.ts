import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runMain } from './cliHarness.js';

const DEFAULT = 'scenarios/default.yaml';

test('compare --json: the paired difference is the variant minus the scenario, with a 90% interval around it', async () => {
  const r = await runMain(['compare', DEFAULT, '--set', 'campaigns.D.listSize=12e6', '--sims', '5000', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.side, 'D');
  assert.deepEqual(doc.changes, ['campaigns.D.listSize=12e6']);
  assert.ok(Math.abs(doc.difference.pWin - (doc.variant.pWin - doc.base.pWin)) < 1e-12);
  assert.ok(Math.abs(doc.difference.expectedWeight - (doc.variant.expectedWeight - doc.base.expectedWeight)) < 1e-9);
  assert.ok(doc.difference.low <= doc.difference.pWin && doc.difference.pWin <= doc.difference.high);
  // Doubling the list moves some draws to D and (turnout effects floored at 0 for door and phone) few back.
  assert.ok(doc.difference.gained > 0);
  assert.equal((doc.difference.gained - doc.difference.lost) / 5000, doc.difference.pWin);
});

test('compare of a scenario with itself finds no draw changed', async () => {
  const r = await runMain(['compare', DEFAULT, '--set', 'name=same', '--sims', '2000', '--side', 'R', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const d = JSON.parse(r.stdout).difference;
  assert.deepEqual([d.pWin, d.gained, d.lost], [0, 0, 0]);
  assert.ok(d.low < 0 && d.high > 0);
});

test('compare prints a verdict, and refuses a variant of another race with exit 2', async () => {
  const text = await runMain(['compare', DEFAULT, '--set', 'campaigns.D.listSize=12e6', '--sims', '3000']);
  assert.equal(text.code, 0, text.stderr);
  assert.match(text.stdout, /P\(D wins\) +scenario [\d.]+% +variant [\d.]+%/);
  const other = await runMain(['compare', DEFAULT, '--set', 'year=2020', '--sims', '100']);
  assert.equal(other.code, 2);
  assert.match(other.stderr, /--set year must be the same year as the scenario/);
  const none = await runMain(['compare', DEFAULT]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--set must be given/);
});

test('compare --base changes both runs: the scenario it names equals a run with that change', async () => {
  const swung = await runMain(['compare', DEFAULT, '--base', 'baseline.swing=2', '--set', 'campaigns.D.listSize=8e6', '--sims', '4096', '--json']);
  assert.equal(swung.code, 0, swung.stderr);
  const doc = JSON.parse(swung.stdout);
  const run = await runMain(['run', DEFAULT, '--set', 'baseline.swing=2', '--sims', '4096', '--json']);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(doc.base.pWin, JSON.parse(run.stdout).pWin.D);
  const unswung = JSON.parse((await runMain(['compare', DEFAULT, '--set', 'campaigns.D.listSize=8e6', '--sims', '4096', '--json'])).stdout);
  assert.ok(doc.base.pWin > unswung.base.pWin, 'a 2 pp swing toward D raises the base P(D wins)');
  // On a key both name, --set makes the variant: 8 M against a base of 4 M.
  const same = JSON.parse((await runMain(['compare', DEFAULT, '--base', 'campaigns.D.listSize=4e6', '--set', 'campaigns.D.listSize=8e6', '--sims', '4096', '--json'])).stdout);
  const eight = JSON.parse((await runMain(['run', DEFAULT, '--set', 'campaigns.D.listSize=8e6', '--sims', '4096', '--json'])).stdout);
  assert.equal(same.variant.pWin, eight.pWin.D);
  assert.notEqual(same.base.pWin, same.variant.pWin);
});

test('compare explains when a bigger list lowers its side\'s P(win): the e-mail effect\'s prior reaches below 0', async () => {
  // Florida 2000 with an e-mail-only R list of 2.5 M, then 3 M, on 40,000 paired draws: one draw, won by a
  // few votes in Florida, is lost, because in that draw the e-mail effect drawn from its prior is negative.
  const args = ['compare', 'scenarios/florida-2000.yaml', '--base', 'campaigns.R.listSize=2500000', '--set', 'campaigns.R.listSize=3000000', '--side', 'R', '--sims', '40000'];
  const r = await runMain([...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.deepEqual([doc.difference.gained, doc.difference.lost], [0, 1]);
  assert.match(doc.note, /^a bigger list for R lowered P\(R wins\) by 0\.0025 pp \(1 of 40,000 paired elections lost, 0 gained\)\. Each channel's turnout effect is drawn once per simulated election from its prior; email's \(−0\.2 to \+0\.3 pp around 0\) reaches below 0, and in those draws every extra member reached costs R votes: R's campaign nets −1\.0 votes on average, −1\.2 with the bigger list\./);
  const text = await runMain(args);
  assert.match(text.stdout, /^Note: a bigger list for R lowered P\(R wins\)/m);
  // The mechanism: with an e-mail effect that cannot be negative, the bigger list loses no draw and no note is needed.
  const fixed = await runMain([...args, '--base', 'campaigns.R.channels.email.effect=0.05', '--json']);
  const fixedDoc = JSON.parse(fixed.stdout);
  assert.equal(fixedDoc.difference.lost, 0);
  assert.equal(fixedDoc.note, undefined);
});

test('compare reports the assumptions interval of the difference beside the Monte Carlo one, in JSON and text; --assumption-draws 0 leaves it out', async () => {
  const args = ['compare', DEFAULT, '--set', 'campaigns.D.listSize=12e6', '--sims', '3000', '--assumption-draws', '6'];
  const r = await runMain([...args, '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.assumptionDraws, 6);
  assert.equal(doc.assumptionSimulations, 3000);
  assert.match(doc.intervals.monteCarlo, /sampling error only/);
  assert.match(doc.intervals.assumptions, /joint draws of the assumptions/);
  const a = doc.assumptions.pWin;
  assert.ok(a.low <= a.mean && a.mean <= a.high, JSON.stringify(a));
  // A doubled list never costs D a draw at any draw of the priors here: the spread is of gains.
  assert.ok(a.high > 0 && a.high > a.low, JSON.stringify(a));
  assert.ok(doc.assumptions.keys.some((k: { key: string }) => k.key === 'relay.conversion'));
  const text = await runMain(args);
  assert.match(text.stdout, /\n {2}assumptions {4}[+-]\d+\.\d\d pp to [+-]\d+\.\d\d pp \(5th-95th percentiles over 6 joint draws/);
  const off = JSON.parse((await runMain(['compare', DEFAULT, '--set', 'campaigns.D.listSize=12e6', '--sims', '1000', '--assumption-draws', '0', '--json'])).stdout);
  assert.equal(off.assumptions, undefined);
  assert.equal(off.assumptionDraws, 0);
  const bad = await runMain(['compare', DEFAULT, '--set', 'campaigns.D.listSize=12e6', '--assumption-draws', '1']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--assumption-draws/);
});
