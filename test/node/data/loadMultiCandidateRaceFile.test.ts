import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, rmSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { loadMultiCandidateRaceFile } from '../../../src/node/data/loadMultiCandidateRace.js';
import { partyTotals } from '../../../src/race/multiCandidateRace.js';
import { InputError } from '../../../src/errors.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/races/${name}`, import.meta.url));
const region = (race: Awaited<ReturnType<typeof loadMultiCandidateRaceFile>>, id: string) => race.regionNames[race.units.region[race.units.ids.indexOf(id)]!];

test('loadMultiCandidateRaceFile reads the three Ministry layouts, regions from data/fr_departements.csv', async () => {
  const r2022 = await loadMultiCandidateRaceFile(fixture('resultats-par-niveau-cirlg-t1-france-entiere-2022.csv'));
  const r2017 = await loadMultiCandidateRaceFile(fixture('Leg_2017_Resultats_T1-circonscriptions.xlsx'));
  const r2024 = await loadMultiCandidateRaceFile(fixture('resultats-definitifs-par-circonscription-legislatives-2024-t2.csv'), { order: ['RN'] });
  assert.deepEqual([r2022.units.ids.length, r2017.units.ids.length, r2024.units.ids.length], [43, 46, 22]);
  assert.deepEqual([r2022.slotParty.length, r2017.slotParty.length, r2024.slotParty.length], [527, 749, 47]);
  assert.equal(r2024.parties[0], 'RN');
  // The 2022 file is Latin-1 (é is the byte 0xE9), the 2024 one UTF-8: both decode.
  assert.ok(readFileSync(fixture('resultats-par-niveau-cirlg-t1-france-entiere-2022.csv')).includes(0xe9));
  assert.equal(r2022.slotLabels[0], 'Éric LAHY');
  assert.equal(r2024.slotLabels[0], 'Christophe MAÎTRE');
  assert.equal(region(r2022, '01-01'), 'Rhône-Alpes');
  assert.equal(region(r2022, '971-01'), 'Guadeloupe');
  assert.equal(region(r2017, '986-01'), "Collectivités d'outre-mer");
  assert.equal(region(r2022, 'ZZ-01'), "Français de l'étranger");
});

test('loadMultiCandidateRaceFile reads MEDSL House and Senate returns, the race picked by the options', async () => {
  const house = await loadMultiCandidateRaceFile(fixture('medsl_1976-2020_house-excerpt.csv'));
  assert.equal(house.units.ids.length, 39);
  const senate = await loadMultiCandidateRaceFile(fixture('medsl_1976-2020_senate-excerpt.csv'), { year: 2020, special: true });
  assert.deepEqual(senate.units.ids, ['AZ', 'GA']);
  assert.deepEqual(senate.units.names, ['Arizona Senate (special)', 'Georgia Senate (special)']);
  assert.deepEqual(senate.regionNames, ['Mountain', 'South Atlantic']);
  await assert.rejects(
    loadMultiCandidateRaceFile(fixture('medsl_2020_president.csv'), { shownPath: 'president.csv' }),
    (e: unknown) => e instanceof InputError && e.message.startsWith('president.csv: line 1 (header) must be a MEDSL House or Senate header with a "district" column, got columns "year", "state"'),
  );
  await assert.rejects(
    loadMultiCandidateRaceFile(fixture('medsl_1976-2020_senate-excerpt.csv'), { year: 2020, shownPath: 'senate.csv' }),
    (e: unknown) => e instanceof InputError && /^senate\.csv: line 40 \(GA\) must be one race per state, never summed: .*pick one with option `special`/.test(e.message),
  );
});

test('loadMultiCandidateRaceFile keeps every column of a 13-party table and refuses what it cannot read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'mc-file-'));
  try {
    const parties = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'P9', 'P10', 'P11', 'P12', 'P13'];
    const table = join(dir, 'thirteen.csv');
    writeFileSync(table, `id,name,weight,${parties.join(',')},other\nA,Alpha,1,${parties.map((_, i) => 100 + i).join(',')},7\nB,Beta,1,${parties.map((_, i) => 200 - i).join(',')},0\n`);
    const race = await loadMultiCandidateRaceFile(table);
    assert.equal(race.partyCount, 13);
    assert.equal(race.slotParty.length, 26);
    const totals = new Float64Array(13);
    partyTotals(race, race.votes, totals);
    assert.deepEqual([...totals], Array(13).fill(300));
    assert.deepEqual([...race.units.other], [7, 0]);

    await assert.rejects(loadMultiCandidateRaceFile(fixture('resultats-par-niveau-cirlg-t1-france-entiere-2022.csv'), { special: true, shownPath: 'circ.csv' }), /circ\.csv: special must be no special for a fr-ministere file \(they pick a race in a MEDSL file\), got true/);
    const junk = join(dir, 'junk.csv');
    writeFileSync(junk, 'a,b,c\n1,2,3\n');
    await assert.rejects(loadMultiCandidateRaceFile(junk, { shownPath: 'junk.csv' }), (e: unknown) => e instanceof InputError && e.message.startsWith('junk.csv: header must be the header of a multi-candidate race file: table ('));
    await assert.rejects(loadMultiCandidateRaceFile(join(dir, 'missing.csv'), { shownPath: 'missing.csv' }), (e: unknown) => e instanceof InputError && /^missing\.csv must be a readable file/.test(e.message));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a workbook of the 2024 numbered layout under a title row reads as its CSV does', async () => {
  const csv = fixture('resultats-definitifs-par-circonscription-legislatives-2024-t2.csv');
  const rows = readFileSync(csv, 'utf8').trim().split('\n').map((line) => line.split(';').map((cell) => cell.replace(/^"|"$/g, '')));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Circonscriptions');
  sheet.addRow(['Élections législatives 2024, 2nd tour']);
  sheet.addRow([]);
  // Counts as numbers, as a spreadsheet holds them; codes and names as text.
  for (const row of rows) sheet.addRow(row.map((cell) => (/^\d+$/.test(cell) && cell.length < 4 ? Number(cell) : /^\d{5,}$/.test(cell) ? Number(cell) : cell)));
  const dir = mkdtempSync(join(tmpdir(), 'mc-xlsx-'));
  try {
    const file = join(dir, 'legislatives-2024-t2.xlsx');
    await workbook.xlsx.writeFile(file);
    const fromXlsx = await loadMultiCandidateRaceFile(file);
    const fromCsv = await loadMultiCandidateRaceFile(csv);
    assert.deepEqual(fromXlsx.units.ids, fromCsv.units.ids);
    assert.deepEqual([...fromXlsx.votes], [...fromCsv.votes]);
    assert.deepEqual(fromXlsx.slotLabels, fromCsv.slotLabels);
    assert.deepEqual([...fromXlsx.units.registered], [...fromCsv.units.registered]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
