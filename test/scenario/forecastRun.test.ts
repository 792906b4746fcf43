// The race-ahead questions through the command line: a swung baseline with a larger list, the
// baseline in the JSON document, and the race/country conflict as bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot, runMain } from '../cli/cliHarness.js';

test("the strategist's question runs: run default.yaml --set baseline.swing=2 --set campaigns.D.listSize=8e6 --json", async () => {
  const r = await runMain(['run', 'scenarios/default.yaml', '--set', 'baseline.swing=2', '--set', 'campaigns.D.listSize=8e6', '--sims', '4000', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.scenario.campaigns.D.listSize, 8e6);
  assert.equal(doc.baseline.description, '2024 result, swung 2.0 pp toward D');
  assert.equal(doc.baseline.swing, 2);
  assert.equal(Object.keys(doc.baseline.margins).length, 56);
  for (const [id, m] of Object.entries(doc.baseline.margins as Record<string, number>)) {
    assert.ok(Math.abs(m - (doc.baseline.resultMargins[id] + 2)) < 1e-9, id);
  }
  assert.ok(Math.abs(doc.baseline.nationalMargin - doc.baseline.nationalResultMargin - 2) < 1e-9);
  // The swing moves the run: P(D) is higher than on the replay with the same seed and lists.
  const replay = JSON.parse((await runMain(['run', 'scenarios/default.yaml', '--set', 'campaigns.D.listSize=8e6', '--sims', '4000', '--json'])).stdout);
  assert.equal(replay.baseline.forecast, false);
  assert.ok(doc.pWin.D > replay.pWin.D + 0.05, `${doc.pWin.D} vs ${replay.pWin.D}`);
});

test('run: race together with country/year exits 2 naming both keys; a bad baseline key names its path', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-race-'));
  writeFileSync(join(dir, 's.yaml'), 'name: t\ncountry: us\nyear: 2016\nrace: { file: r.csv }\nrule: popular-vote\nsides: [D, R]\nsimulations: 10\nseed: 1\n');
  const r = await runMain(['run', 's.yaml', '--json'], { cwd: dir });
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /race and country and year must be either race .* or country \+ year/);
  const bad = await runMain(['run', 'scenarios/default.yaml', '--set', 'baseline.swingModel=cube', '--json']);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /baseline\.swingModel/);
});

test('a race from your own table file runs, and flip takes the file or the scenario', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-race-'));
  writeFileSync(join(dir, 'districts.csv'), 'id,name,weight,Blue,Gold,other\nN1,North,3,51200,48800,1000\nN2,East,5,47000,53000,1000\nN3,South,3,60500,39500,1000\n');
  writeFileSync(join(dir, 's.yaml'), 'name: mine\nrace: { file: districts.csv }\nrule: electoral-college\nsides: [Blue, Gold]\nsimulations: 2000\nseed: 1\nbaseline: { swing: 4 }\n');
  const run = await runMain(['run', 's.yaml', '--json'], { cwd: dir });
  assert.equal(run.code, 0, run.stderr);
  const doc = JSON.parse(run.stdout);
  assert.deepEqual(doc.scenario.race, { file: 'districts.csv', format: 'table' });
  assert.equal(doc.territories.length, 3);
  assert.equal(doc.baseline.description, 'districts.csv result, swung 4.0 pp toward Blue');
  // On the file's result Blue holds N1 and N3 (6 of 11): Gold needs N1's 2,400-vote margin + 1.
  const onFile = JSON.parse((await runMain(['flip', '--file', 'districts.csv', '--json'], { cwd: dir })).stdout);
  assert.deepEqual([onFile.winner, onFile.loser, onFile.units], ['Blue', 'Gold', ['N1']]);
  assert.equal(onFile.votes, 2401);
  const onScenario = await runMain(['flip', 's.yaml', '--json'], { cwd: dir });
  assert.equal(onScenario.code, 0, onScenario.stderr);
  assert.equal(JSON.parse(onScenario.stdout).winner, 'Blue');
  const both = await runMain(['flip', 's.yaml', '--year', '2016'], { cwd: dir });
  assert.equal(both.code, 2);
});

test("a race from the Ministry's own xlsx (absolute path) takes the French priors and names its runoff in the baseline", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-race-fr-'));
  const xlsx = join(projectRoot, 'test/fixtures/races/resultats-par-niveau-dpt-t2-france-entiere.xlsx');
  writeFileSync(
    join(dir, 'fr.yaml'),
    `name: fr\nrace: { file: ${JSON.stringify(xlsx)} }\nrule: two-round\nsides: [MACRON, LE PEN]\nsimulations: 500\nseed: 1\nbaseline: { swing: -10, swingModel: proportional }\ncampaigns:\n  MACRON: { listSize: 100000, channels: { door: {} } }\n`,
  );
  const r = await runMain(['run', 'fr.yaml', '--json'], { cwd: dir });
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.scenario.country, 'fr');
  assert.equal(doc.scenario.race.format, 'fr-ministere');
  assert.equal(doc.territories.length, 107);
  assert.equal(doc.baseline.description, 'resultats-par-niveau-dpt-t2-france-entiere.xlsx runoff, swung 10.0 pp toward LE PEN (proportional swing)');
  // Macron 18,768,639 vs Le Pen 13,288,686 in the file: +17.09 pp, swung to +7.09 pp exactly.
  assert.ok(Math.abs(doc.baseline.nationalResultMargin - 17.094) < 0.001);
  assert.ok(Math.abs(doc.baseline.nationalMargin - 7.094) < 0.001);
  assert.match(doc.scenario.citations['campaigns.MACRON.channels.door.persuasion'].source, /Pons/);
});
