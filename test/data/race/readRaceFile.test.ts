import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import ExcelJS from 'exceljs';
import { readRaceFile, readXlsxGrid } from '../../../src/node/readRaceFile.js';
import { parseRaceGrid } from '../../../src/data/race/parseRaceFile.js';
import { InputError } from '../../../src/errors.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/races/${name}`, import.meta.url));

// Conseil constitutionnel, proclamation of 27 April 2022 (second round): Macron 18,768,639, Le Pen 13,288,686,
// valid votes 32,057,325.
const RUNOFF_2022 = { MACRON: 18768639, 'LE PEN': 13288686, other: 0, total: 32057325 };

test('readRaceFile reads the 2022 runoff from the wide UTF-8 CSV, the Latin-1 ";" Ministry .txt and the Ministry .xlsx alike', async () => {
  const csv = await readRaceFile(fixture('fr_presidentielle_2022_departements_t2.csv'));
  const txt = await readRaceFile(fixture('resultats-par-niveau-dpt-t2-france-entiere.txt'));
  const xlsx = await readRaceFile(fixture('resultats-par-niveau-dpt-t2-france-entiere.xlsx'));
  for (const [race, encoding, delimiter] of [[csv, 'utf-8', ','], [txt, 'iso-8859-1', ';'], [xlsx, undefined, undefined]] as const) {
    assert.equal(race.format, 'fr-ministere');
    assert.deepEqual(race.popularVote, RUNOFF_2022);
    assert.deepEqual(race.sides, ['MACRON', 'LE PEN']);
    assert.equal(race.round, 2);
    assert.equal(race.units.length, 107);
    assert.equal(race.encoding === 'windows-1252' ? 'iso-8859-1' : race.encoding, encoding);
    assert.equal(race.delimiter, delimiter);
    assert.deepEqual(race.units.map((u) => u.id), csv.units.map((u) => u.id));
  }
  assert.deepEqual(xlsx.candidates, { MACRON: 'Emmanuel MACRON', 'LE PEN': 'Marine LE PEN' });
  const codes = xlsx.units.map((u) => u.id);
  for (const code of ['01', '2A', '2B', '95', 'ZA', 'ZX', 'ZZ']) assert.ok(codes.includes(code), code);
  const ain = txt.units.find((u) => u.id === '01')!;
  assert.deepEqual([ain.votes.MACRON, ain.votes['LE PEN'], ain.eligible, ain.region], [166635, 136370, 438250, 'Rhône-Alpes']);
  assert.equal(txt.units.find((u) => u.id === 'ZA')!.region, 'Guadeloupe');
});

test('readRaceFile reads twelve candidate blocks of the first round, accents decoded from Latin-1', async () => {
  const race = await readRaceFile(fixture('resultats-par-niveau-dpt-t1-france-entiere.txt'));
  // Conseil constitutionnel, proclamation of 13 April 2022 (first round).
  assert.equal(race.round, 1);
  assert.deepEqual(race.sides, ['MACRON', 'LE PEN']);
  assert.equal(race.popularVote.MACRON, 9783058);
  assert.equal(race.popularVote['LE PEN'], 8133828);
  const national = (name: string) => race.units.reduce((s, u) => s + (u.parties[name] ?? 0), 0);
  assert.equal(national('MÉLENCHON'), 7712520);
  assert.equal(Object.keys(race.units[0]!.parties).length, 12);
  const mel = await readRaceFile(fixture('resultats-par-niveau-dpt-t1-france-entiere.txt'), { sides: ['MÉLENCHON', 'MACRON'] });
  assert.equal(mel.popularVote['MÉLENCHON'], 7712520);
  assert.equal(mel.popularVote.other, race.popularVote.total - 7712520 - 9783058);
});

test('readRaceFile on MEDSL 2020: candidate totals equal the file\'s own sums per state, weights sum to 538', async () => {
  const path = fixture('medsl_2020_president.csv');
  const race = await readRaceFile(path, { year: 2020 });
  // The file's own sums, computed here with papaparse's header mode (records as objects keyed by column),
  // independently of the reader's code.
  const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  const rows = parsed.data;
  const sums = new Map<string, number>();
  for (const r of rows) sums.set(`${r.state_po}|${r.candidate}`, (sums.get(`${r.state_po}|${r.candidate}`) ?? 0) + Number(r.candidatevotes));
  assert.equal(race.units.length, 51);
  for (const u of race.units) {
    assert.equal(u.votes.D, sums.get(`${u.id}|BIDEN, JOSEPH R. JR`), u.id);
    assert.equal(u.votes.R, sums.get(`${u.id}|TRUMP, DONALD J.`), u.id);
  }
  assert.equal(race.units.reduce((s, u) => s + u.weight, 0), 538);
  assert.deepEqual(race.weightTotals, { D: 306, R: 232 });
  assert.deepEqual([race.popularVote.D, race.popularVote.R], [81268908, 74216146]);
  assert.equal(race.units.find((u) => u.id === 'PA')!.region, 'Middle Atlantic');
  assert.match(race.notes.join('\n'), /NY 66909/);
});

test('readRaceFile names the file, the cell and what was expected for a bad workbook cell, without its text', async () => {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(fixture('resultats-par-niveau-dpt-t2-france-entiere.xlsx'));
  const sheet = workbook.worksheets[0]!;
  sheet.getCell('AA4').value = 'Marie Dupont'; // Voix of the second candidate (an unnamed block) in the third row
  const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
  const grid = await readXlsxGrid(bytes, 'bad.xlsx');
  assert.throws(() => parseRaceGrid(grid), (e: unknown) => {
    assert.ok(e instanceof InputError);
    assert.equal(e.message, 'bad.xlsx: cell AA4 (Voix of candidate 2) must be a non-negative whole number, got a text of 12 characters');
    return true;
  });
});

test('readRaceFile rejects a missing file, an old .xls workbook and an empty file with exit-2 errors', async () => {
  await assert.rejects(readRaceFile('no/such/file.csv'), /no\/such\/file\.csv must be a readable file: a race file \(CSV, TXT or \.xlsx\), got no such file/);
  const dir = mkdtempSync(join(tmpdir(), 'race-file-'));
  try {
    const xls = join(dir, 'old.xls');
    writeFileSync(xls, new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    await assert.rejects(readRaceFile(xls), /old\.xls must be an \.xlsx workbook or a text file, got an old Excel 97–2003 \.xls workbook \(save it as \.xlsx or CSV UTF-8\)/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  await assert.rejects(readRaceFile('/dev/null'), /\/dev\/null must be a regular file: a race file \(CSV, TXT or \.xlsx\), got a device such as \/dev\/zero/);
  const empty = join(tmpdir(), `empty-race-${process.pid}.csv`);
  writeFileSync(empty, '');
  await assert.rejects(readRaceFile(empty), /must be a race file with a header and rows, got an empty file/);
  rmSync(empty);
});

test('readRaceFile reads the bundled Pennsylvania 2024 county table: 67 counties summing to the certified result', async () => {
  const race = await readRaceFile(fileURLToPath(new URL('../../../data/races/pennsylvania-2024-counties.csv', import.meta.url)));
  assert.equal(race.format, 'table');
  assert.equal(race.units.length, 67);
  assert.deepEqual(race.sides, ['D', 'R']);
  // Pennsylvania Department of State, certified 2024 presidential result: Harris 3,423,042, Trump 3,543,308.
  assert.deepEqual([race.popularVote.D, race.popularVote.R], [3423042, 3543308]);
  assert.ok(race.units.every((u) => u.weight === 0 && /^42\d{3}$/.test(u.id)));
  const philadelphia = race.units.find((u) => u.id === '42101')!;
  assert.equal(philadelphia.name, 'Philadelphia County');
  assert.equal(philadelphia.winner, 'D');
});

test('readRaceFile names the file as asked: shownPath in messages, sourceName in the source, a relative path against cwd', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'campaign-lab-race-names-'));
  try {
    writeFileSync(join(dir, 'r.csv'), 'id,name,weight,A,B\nN,North,3,120,80\nS,South,2,90,110\n');
    writeFileSync(join(dir, 'bad.csv'), 'id,name,weight,A,B\nN,North,3,120,eighty\n');
    const relative = await readRaceFile('r.csv', { cwd: dir });
    assert.equal(relative.source, 'r.csv (table format)');
    const named = await readRaceFile(join(dir, 'r.csv'), { shownPath: 'races/r.csv', sourceName: 'r.csv' });
    assert.equal(named.source, 'r.csv (table format)');
    assert.ok(!JSON.stringify(named).includes(dir), 'no absolute path in the race');
    await assert.rejects(readRaceFile(join(dir, 'bad.csv'), { shownPath: 'races/bad.csv', sourceName: 'bad.csv' }), (e: unknown) => e instanceof InputError && e.message.startsWith('races/bad.csv') && !e.message.includes(dir));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
