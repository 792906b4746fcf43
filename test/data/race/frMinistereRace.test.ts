import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { raceGridFromBytes } from '../../../src/data/race/parseRaceFile.js';
import { parseFrMinistereRace, frMinistereLayout } from '../../../src/data/race/frMinistereRace.js';
import { readXlsxGrid, readRaceFile } from '../../../src/node/readRaceFile.js';
import { legislativeRoundOne } from '../../../src/race/twoRoundLegislative.js';
import { pluralityWinners } from '../../../src/race/plurality.js';
import { buildLegislativeRace } from '../../../src/race/legislativeRace.js';
import type { MultiCandidateRace } from '../../../src/race/multiCandidateRace.js';
import { InputError } from '../../../src/errors.js';

const fixture = (name: string) => fileURLToPath(new URL(`../../fixtures/races/${name}`, import.meta.url));
const FILE_2022 = 'resultats-par-niveau-cirlg-t1-france-entiere-2022.csv';
const FILE_2017 = 'Leg_2017_Resultats_T1-circonscriptions.xlsx';
const FILE_2024 = 'resultats-definitifs-par-circonscription-legislatives-2024-t2.csv';

function textGrid(name: string) {
  return raceGridFromBytes(readFileSync(fixture(name)), name).grid;
}

/** One unit's candidates as `label party votes`, in file order. */
function unitCandidates(race: MultiCandidateRace, id: string): string[] {
  const u = race.units.ids.indexOf(id);
  const out: string[] = [];
  for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) out.push(`${race.slotLabels[s]} ${race.parties[race.slotParty[s]!]} ${race.votes[s]}`);
  return out;
}

/** Ids of the units whose round 1 elects someone under L126, with zero uncertainty (the file's own votes). */
function electedInRoundOne(race: MultiCandidateRace): string[] {
  const elected = new Int32Array(race.units.ids.length);
  const qualified = new Uint8Array(race.slotParty.length);
  legislativeRoundOne(race, race.votes, race.units.other, elected, qualified);
  return race.units.ids.filter((_, u) => elected[u]! >= 0);
}

test('the 2022 layout (Latin-1, ";", blocks without a header): 43 circonscriptions, 527 candidates, 01-01 as published', () => {
  const grid = textGrid(FILE_2022);
  assert.equal(frMinistereLayout(grid.header), 'blocks');
  const race = parseFrMinistereRace(grid);
  assert.equal(race.units.ids.length, 43);
  assert.equal(race.slotParty.length, 527);
  assert.equal(race.units.ids[0], '01-01');
  assert.equal(race.units.names[0], 'Ain 1re circonscription');
  assert.deepEqual(unitCandidates(race, '01-01'), [
    'Éric LAHY DXG 391', 'Sébastien GUÉRAUD NUP 9982', 'Eliane ARMENJON ECO 1161', 'Vincent GUILLERMIN ENS 8071',
    'Xavier BRETON LR 10599', 'Michael MENDES DSV 641', 'Julien BELLON REC 1995', 'Brigitte PIROUX GIANNOTTI RN 8971',
  ]);
  const u = 0;
  assert.deepEqual([race.units.registered[u], race.units.voters[u], race.units.valid[u], race.units.other[u], race.units.weight[u]], [86187, 42535, 41811, 0, 1]);
  // Letter codes as INSEE codes (ZA Guadeloupe -> 971), abroad as ZZ; never a département as a unit.
  assert.ok(race.units.ids.includes('971-04') && race.units.ids.includes('ZZ-11') && race.units.ids.includes('2A-02'));
  assert.equal(race.units.names[race.units.ids.indexOf('ZZ-11')], 'Français établis hors de France 11e circonscription');
  assert.ok(race.units.ids.every((id) => /^[0-9A-Z]{2,3}-\d\d$/.test(id)));
});

test('the 2022 layout gives the same units, names, counts and candidates as the bundled table built from the whole file', () => {
  const race = parseFrMinistereRace(textGrid(FILE_2022));
  const bundled = buildLegislativeRace({ file: 'l.csv', text: readFileSync(new URL('../../../data/races/fr-2022-legislatives-t1-circonscriptions.csv', import.meta.url), 'utf8') });
  race.units.ids.forEach((id, u) => {
    const b = bundled.units.ids.indexOf(id);
    assert.ok(b >= 0, id);
    assert.equal(race.units.names[u], bundled.units.names[b], id);
    for (const key of ['registered', 'voters', 'valid'] as const) assert.equal(race.units[key][u], bundled.units[key][b], `${id} ${key}`);
    assert.deepEqual(unitCandidates(race, id).sort(), unitCandidates(bundled, id).sort(), id);
  });
});

test('with zero uncertainty, L126 elects in round 1 exactly the circonscriptions whose Sièges say Elu (2022 and 2017 layouts)', async () => {
  // 2022: the file's Sièges cells (every 9th cell from the first block), read here by splitting the Latin-1 text.
  const lines = new TextDecoder('latin1').decode(readFileSync(fixture(FILE_2022))).split('\r\n').slice(1).filter(Boolean);
  const elu2022 = lines.flatMap((line) => {
    const f = line.split(';');
    const insee: Record<string, string> = { ZA: '971', ZZ: 'ZZ' };
    return f.slice(19).some((cell, i) => i % 9 === 8 && cell === 'Elu') ? [`${insee[f[0]!] ?? f[0]}-${f[2]}`] : [];
  });
  assert.deepEqual(elu2022, ['53-03', '75-06', '75-16', '75-17']);
  assert.deepEqual(electedInRoundOne(parseFrMinistereRace(textGrid(FILE_2022))), elu2022);

  // 2017: the workbook read with exceljs directly; `Sièges` cells say Elu.
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(fixture(FILE_2017));
  const elu2017: string[] = [];
  workbook.worksheets[0]!.eachRow((row, n) => {
    const values = row.values as unknown[];
    if (n > 3 && values.includes('Elu')) elu2017.push(`${String(values[1]).padStart(2, '0')}-${String(values[3]).padStart(2, '0')}`.replace(/^ZW/, '986'));
  });
  assert.deepEqual(elu2017, ['56-04', '75-01', '80-05', '986-01']);
  const race2017 = parseFrMinistereRace(await readXlsxGrid(readFileSync(fixture(FILE_2017)), FILE_2017));
  assert.deepEqual(electedInRoundOne(race2017), elu2017);
});

test('the 2017 workbook (every block repeats its header, numeric codes): 46 circonscriptions, 749 candidates', async () => {
  const grid = await readXlsxGrid(readFileSync(fixture(FILE_2017)), FILE_2017);
  assert.equal(frMinistereLayout(grid.header), 'repeated-blocks');
  const race = parseFrMinistereRace(grid, { order: ['FN'] });
  assert.equal(race.units.ids.length, 46);
  assert.equal(race.slotParty.length, 749);
  assert.equal(race.parties[0], 'FN');
  assert.equal(race.units.names[race.units.ids.indexOf('986-01')], 'Wallis et Futuna 1re circonscription');
  assert.deepEqual(unitCandidates(race, '01-01').slice(0, 2), ['Laurent MALLET MDM 13534', 'Florence BLATRIX-CONTAT SOC 3687']);
  assert.equal(race.units.registered[0], 82694);
  assert.match(race.source, /Leg_2017_Resultats_T1-circonscriptions\.xlsx \(Ministère de l'Intérieur, results by circonscription, repeated-blocks layout\)/);
});

test('the 2024 numbered layout (UTF-8, "Voix 1"…): 22 circonscriptions of round 2, the plurality winner is the file\'s élu', () => {
  const grid = textGrid(FILE_2024);
  assert.equal(frMinistereLayout(grid.header), 'numbered');
  const race = parseFrMinistereRace(grid);
  assert.equal(race.units.ids.length, 22);
  assert.equal(race.slotParty.length, 47);
  assert.deepEqual(unitCandidates(race, '01-01'), ['Christophe MAÎTRE RN 26116', 'Xavier BRETON LR 33889']);
  assert.equal(unitCandidates(race, '06-01').length, 3);
  const winners = new Int32Array(22);
  pluralityWinners(race, race.votes, winners);
  // The file's `Elu N` cells, read by splitting each line.
  const text = readFileSync(fixture(FILE_2024), 'utf8').trim().split('\n').slice(1);
  text.forEach((line, u) => {
    const cells = line.split(';').map((c) => c.replace(/^"|"$/g, ''));
    const block = cells.slice(18);
    const elu = [0, 1, 2, 3].find((k) => block[k * 9 + 8] === 'élu')!;
    assert.equal(race.slotLabels[winners[u]!], `${block[elu * 9 + 3]} ${block[elu * 9 + 2]}`, race.units.ids[u]);
  });
});

test('the same reader reads a presidential file by département with every candidate (units are départements, weight 0)', () => {
  const race = parseFrMinistereRace(textGrid('resultats-par-niveau-dpt-t1-france-entiere.txt'));
  assert.equal(race.units.ids.length, 107);
  assert.equal(race.partyCount, 12);
  assert.equal(race.slotParty.length, 107 * 12);
  assert.deepEqual(race.parties.slice(0, 3), ['MACRON', 'LE PEN', 'MÉLENCHON']);
  assert.equal(race.units.names[0], 'Ain');
  assert.equal(race.units.weight[0], 0);
});

test('a row whose Voix do not add up to Exprimés is refused, naming the line and the circonscription', () => {
  const original = new TextDecoder('latin1').decode(readFileSync(fixture(FILE_2022)));
  const text = original.replace(';2;M;LAHY;Éric;DXG;391;', ';2;M;LAHY;Éric;DXG;392;');
  assert.notEqual(text, original);
  const grid = raceGridFromBytes(new TextEncoder().encode(text), 'circ.csv').grid;
  assert.throws(
    () => parseFrMinistereRace(grid),
    (e: unknown) => e instanceof InputError && e.message === "circ.csv: line 2, column 17 (Exprimés) must be the sum of the candidates' Voix in 01-01 (Ain 1re circonscription), 41812, got \"41811\"",
  );
  const twice = original.replace(/\r\n01;Ain;02;/, '\r\n01;Ain;01;');
  assert.throws(() => parseFrMinistereRace(raceGridFromBytes(new TextEncoder().encode(twice), 'circ.csv').grid), /circ\.csv: line 3, column 3 \(Code de la circonscription\) must be a unit listed once \(01-01 is on line 2 too\), got "01"/);
  const [header, line] = original.split('\r\n');
  const noNuance = `${header!.replace('Nuance', 'Parti')}\r\n${line}\r\n`;
  assert.throws(() => parseFrMinistereRace(raceGridFromBytes(new TextEncoder().encode(noNuance), 'circ.csv').grid), /circ\.csv: line 1 \(header\) must be a Nuance column in every candidate block of a file by circonscription \(the party seats are counted by\)/);
});

test('the two-sided reader refuses a file by circonscription, saying which rule reads it', async () => {
  for (const name of [FILE_2022, FILE_2024, FILE_2017]) {
    await assert.rejects(readRaceFile(fixture(name), { shownPath: name }), (e: unknown) =>
      e instanceof InputError && e.message.includes('must be a file by département, one row each: this is a legislative file by circonscription, read with every candidate as a multi-candidate race with `rule: two-round-legislative`'),
    );
  }
});
