import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMain } from './cliHarness.js';

const RACES = 'test/fixtures/races';

test('results --file gives Macron 18,768,639 and Le Pen 13,288,686 from the 2022 CSV, the Latin-1 Ministry .txt and the .xlsx', async () => {
  for (const file of ['fr_presidentielle_2022_departements_t2.csv', 'resultats-par-niveau-dpt-t2-france-entiere.txt', 'resultats-par-niveau-dpt-t2-france-entiere.xlsx']) {
    const r = await runMain(['results', '--file', `${RACES}/${file}`, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const doc = JSON.parse(r.stdout);
    for (const key of ['country', 'year', 'round', 'units', 'weightTotals', 'popularVote']) assert.ok(key in doc, `${file}: ${key}`);
    assert.equal(doc.popularVote.MACRON, 18768639, file);
    assert.equal(doc.popularVote['LE PEN'], 13288686, file);
    assert.equal(doc.units.length, 107, file);
  }
});

test('results --file on MEDSL with --year 2020 weighs the states by electoral votes, 538 in all', async () => {
  const r = await runMain(['results', '--file', `${RACES}/medsl_2020_president.csv`, '--year', '2020', '--json']);
  assert.equal(r.code, 0, r.stderr);
  const doc = JSON.parse(r.stdout);
  assert.equal(doc.units.reduce((s: number, u: { weight: number }) => s + u.weight, 0), 538);
  assert.deepEqual(doc.weightTotals, { D: 306, R: 232 });
  assert.equal(doc.units.find((u: { id: string }) => u.id === 'PA').votes.D, 3458229);
});

test('results --file in text mode says which column was read as what', async () => {
  const r = await runMain(['results', '--file', `${RACES}/fr_presidentielle_2022_departements_t2.csv`]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Read test\/fixtures\/races\/fr_presidentielle_2022_departements_t2\.csv as fr-ministere \(UTF-8, delimiter ","\)\n/);
  assert.match(r.stdout, /\n {2}Voix_candidat_MACRON +votes of side MACRON \(ours\)\n/);
  assert.match(r.stdout, /\n {2}Inscrits +registered voters \(eligible\)\n/);
  assert.match(r.stdout, /\nFR 2022, round 2: MACRON vs LE PEN\n/);
  assert.match(r.stdout, /Popular vote, share of valid votes cast \(32,057,325\): MACRON 18,768,639 \(58\.5%\), LE PEN 13,288,686 \(41\.5%\)/);
});

test('results --file with a bad file exits 2 with file, line, column, expected and found, and prints nothing on stdout', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'results-file-'));
  try {
    const path = join(dir, 'race.csv');
    writeFileSync(path, 'id,name,weight,A,B\nN,North,3,12,80\nS,South,2,1O,4\n');
    const r = await runMain(['results', '--file', path]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /race\.csv: line 3, column 4 \(A\) must be a non-negative whole number, got a text of 2 characters/);
    assert.doesNotMatch(r.stderr, /\n\s+at /);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const both = await runMain(['results', '--file', `${RACES}/medsl_2020_president.csv`, '--country', 'us']);
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--country must be absent with --file/);
  // Without --country a bundled year is a US one, as with flip.
  const us = await runMain(['results', '--year', '2020']);
  assert.equal(us.code, 0, us.stderr);
  assert.match(us.stdout, /^US 2020: D vs R/);
  const none = await runMain(['results']);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /--year must be an election year, got nothing/);
});
