import { test } from 'node:test';
import assert from 'node:assert/strict';
import iconv from 'iconv-lite';
import { parseRaceBytes } from '../../../src/data/race/parseRaceFile.js';
import { InputError } from '../../../src/errors.js';

const utf8 = (text: string) => new TextEncoder().encode(text);

test('parseRaceBytes reads the table format: weights, two sides, other, region and eligible', () => {
  const race = parseRaceBytes(utf8('id,name,weight,A,B,other,region,eligible\nN,North,3,120,80,5,Hills,400\nS,"South, coast",2,90,110,0,Coast,\n'), 'r.csv');
  assert.equal(race.format, 'table');
  assert.equal(race.country, 'custom');
  assert.deepEqual(race.sides, ['A', 'B']);
  assert.deepEqual(race.units[0], { id: 'N', name: 'North', weight: 3, votes: { A: 120, B: 80, other: 5 }, total: 205, winner: 'A', parties: { A: 120, B: 80, other: 5 }, region: 'Hills', eligible: 400 });
  assert.equal(race.units[1]!.name, 'South, coast');
  assert.equal(race.units[1]!.eligible, undefined);
  assert.deepEqual(race.weightTotals, { A: 3, B: 2 });
  assert.deepEqual(race.popularVote, { A: 210, B: 190, other: 5, total: 405 });
});

test('parseRaceBytes reads UTF-16, tabs and decimal commas; extra side columns go to other unless sides picks them', () => {
  const text = 'id\tname\tweight\tLab\tCon\tLD\nC1\tCamden\t1,5\t20 000\t10 000\t5 000\n';
  const race = parseRaceBytes(iconv.encode(text, 'utf-16le', { addBOM: true }), 'r.tsv');
  assert.equal(race.encoding, 'utf-16le');
  assert.equal(race.delimiter, '\t');
  assert.deepEqual(race.units[0]!.votes, { Lab: 20000, Con: 10000, other: 5000 });
  assert.equal(race.units[0]!.weight, 1.5);
  const picked = parseRaceBytes(iconv.encode(text, 'utf-16be', { addBOM: true }), 'r.tsv', { sides: ['LD', 'Con'] });
  assert.deepEqual(picked.units[0]!.votes, { LD: 5000, Con: 10000, other: 20000 });
});

test('parseRaceBytes reads a Windows-1252 ";" table with weights: 0 and a checked total', () => {
  const text = 'id;name;Dupont;Martin;total\n75;Paris;600;400;1000\n2A;Corse-du-Sud;50;60;110\n';
  const race = parseRaceBytes(iconv.encode(text, 'win1252'), 'r.csv', { weights: 0 });
  assert.deepEqual(race.units.map((u) => [u.id, u.weight, u.winner]), [['75', 0, 'Dupont'], ['2A', 0, 'Martin']]);
  assert.throws(() => parseRaceBytes(utf8('id;name;Dupont;Martin;total\n75;Paris;600;400;999\n'), 'r.csv', { weights: 0 }), /r\.csv: line 2, column 5 \(total\) must be the sum of the side columns and other, 1000, got "999"/);
});

test('parseRaceBytes errors name the file, line, column and expectation, and never print a text cell', () => {
  const expect = (text: string, message: RegExp | string, options = {}) =>
    assert.throws(() => parseRaceBytes(utf8(text), 'my race.csv', options), (e: unknown) => {
      assert.ok(e instanceof InputError, String(e));
      if (typeof message === 'string') assert.equal(e.message, message);
      else assert.match(e.message, message);
      assert.doesNotMatch(e.message, /Jane|Doe|555/);
      return true;
    });
  expect('id,name,weight,A,B\nN,North,3,Jane Doe,80\n', 'my race.csv: line 2, column 4 (A) must be a non-negative whole number, got a text of 8 characters');
  expect('id,name,weight,A,B\nN,North,3,-4,80\n', 'my race.csv: line 2, column 4 (A) must be a non-negative whole number, got "-4"');
  expect('id,name,weight,A,B\nN,North,3,1,80\nN,Again,3,1,80\n', 'my race.csv: line 3, column 1 (id) must be a unit id not listed before, got "N"');
  expect('id,name,A,B\nN,North,1,80\n', /^my race\.csv: line 1 \(header\) must be a header with a "weight" column \(or weights: 0/);
  expect('id,name,weight,A\nN,North,1,80\n', /must be at least two side columns/);
  expect('who,phone\nJane Doe,555 0100\n', /^my race\.csv: header must be the header of a known race format: table \(id,name,weight/);
  expect('id,name,weight,A,B\nN,"Jane Doe,3,1,80\n', 'my race.csv: line 2 must be a closing double quote, got end of file');
  expect('id,name,weight,A,B\nN,North,3,1,80\n', /sides must be two different side columns of the file \(A, B\)/, { sides: ['A', 'Z'] });
});

test('parseRaceBytes checks the Ministry identities and names the cell that breaks one', () => {
  const header = 'Code du département;Libellé du département;Inscrits;Abstentions;Votants;Blancs;Nuls;Exprimés;Sexe;Nom;Prénom;Voix';
  const ok = `${header}\n01;Ain;100;20;80;3;2;75;M;DUPONT;Jean;40;F;MARTIN;Anne;35\n`;
  const race = parseRaceBytes(iconv.encode(ok, 'latin1'), 'dpt-t2.txt');
  assert.deepEqual(race.popularVote, { DUPONT: 40, MARTIN: 35, other: 0, total: 75 });
  assert.equal(race.round, 2);
  const bad = (row: string) => () => parseRaceBytes(iconv.encode(`${header}\n${row}\n`, 'latin1'), 'dpt.txt');
  assert.throws(bad('01;Ain;100;21;80;3;2;75;M;DUPONT;Jean;40;F;MARTIN;Anne;35'), /dpt\.txt: line 2, column 3 \(Inscrits\) must be Votants \+ Abstentions = 101, got "100"/);
  assert.throws(bad('01;Ain;100;20;80;3;2;75;M;DUPONT;Jean;40;F;MARTIN;Anne;36'), /line 2, column 8 \(Exprimés\) must be the sum of the candidates' Voix, 76, got "75"/);
  assert.throws(bad('01;Ain;100;20;80;3;2;75;M;DUPONT;Jean;40;F;MARTIN'), /dpt\.txt: line 2, column 14 must be a candidate block of 4 cells \(Sexe, Nom, Prénom, Voix\), got 2 cells/);
  assert.throws(bad('01;Ain;100;20;80;3;2;75;M;DUPONT;Jean;40;F;MARTIN;Anne;3 5'), /dpt\.txt: line 2, column 16 \(Voix of candidate 2\) must be a non-negative whole number, got "3 5"/);
  assert.throws(bad('99;Nowhere;100;20;80;3;2;75;M;DUPONT;Jean;40;F;MARTIN;Anne;35'), /line 2, column 1 \(Code du département\) must be a département code \(01…95, 2A, 2B, ZA…ZX, ZZ\), got "99"/);
});

test('parseRaceBytes ignores the empty trailing columns a spreadsheet export adds', () => {
  const text = 'Code du département;Libellé du département;Inscrits;Votants;Exprimés;Nom;Voix;;;\r\n2A;Corse-du-Sud;100;80;75;DUPONT;40;MARTIN;35;\r\n;;;;;;;;;\r\n';
  const race = parseRaceBytes(iconv.encode(text, 'win1252'), 'export.csv', { year: 2027 });
  assert.deepEqual(race.units.map((u) => [u.id, u.votes.DUPONT, u.votes.MARTIN, u.total, u.eligible]), [['2A', 40, 35, 75, 100]]);
  assert.equal(race.year, 2027);
  assert.ok(race.notes.includes('1 blank row skipped'));
  const table = parseRaceBytes(utf8('id;name;weight;A;B;;\nN;North;1;10;9;;\n'), 't.csv');
  assert.deepEqual(table.sides, ['A', 'B']);
});

test('parseRaceBytes on a MEDSL layout totals fusion lines by candidate (New York 2016)', () => {
  const header = 'year,state,state_po,candidate,party_detailed,candidatevotes,totalvotes,party_simplified';
  const rows = [
    '2016,NEW YORK,NY,"CLINTON, HILLARY",DEMOCRAT,4379789,7721453,DEMOCRAT',
    '2016,NEW YORK,NY,"TRUMP, DONALD J.",REPUBLICAN,2527142,7721453,REPUBLICAN',
    '2016,NEW YORK,NY,"TRUMP, DONALD J.",CONSERVATIVE,292392,7721453,OTHER',
    '2016,NEW YORK,NY,"CLINTON, HILLARY",WORKING FAMILIES,140041,7721453,OTHER',
    "2016,NEW YORK,NY,\"CLINTON, HILLARY\",WOMEN'S EQUALITY,36294,7721453,OTHER",
    '2016,NEW YORK,NY,"JOHNSON, GARY",LIBERTARIAN,176598,7721453,LIBERTARIAN',
    '2016,NEW YORK,NY,BLANK VOTE,,50000,7721453,OTHER',
    '2012,NEW YORK,NY,"OBAMA, BARACK H.",DEMOCRAT,4485741,7000000,DEMOCRAT',
    '2012,NEW YORK,NY,"ROMNEY, MITT",REPUBLICAN,2490431,7000000,REPUBLICAN',
  ];
  const race = parseRaceBytes(utf8(`${header}\n${rows.join('\n')}\n`), 'ny.csv', { year: 2016, weights: 0 });
  // New York State Board of Elections, certified 2016: Clinton 4,556,124, Trump 2,819,534.
  assert.deepEqual(race.units[0]!.votes, { D: 4556124, R: 2819534, other: 176598 });
  assert.equal(race.units[0]!.name, 'New York');
  assert.match(race.notes.join('\n'), /50000 blank, over-, under-vote or void ballots not counted as votes \(NY 50000\)/);
  assert.throws(() => parseRaceBytes(utf8(`${header}\n${rows.join('\n')}\n`), 'ny.csv', { weights: 0 }), /ny\.csv: year must be a year to read \(the file holds 2012, 2016\), got none/);
  assert.throws(() => parseRaceBytes(utf8(`${header}\n${rows.join('\n')}\n`), 'ny.csv', { year: 2020, weights: 0 }), /year must be one of the years in the file: 2012, 2016, got 2020/);
  assert.throws(() => parseRaceBytes(utf8(`${header}\n${rows.join('\n')}\n`), 'ny.csv', { year: 2016 }), /weights must be a year with bundled electoral votes/);
});

test('parseRaceBytes on a MEDSL county file: counties as units, TOTAL rows or the sum of vote modes, never both', () => {
  const header = '"year","state","state_po","county_name","county_fips","office","candidate","party","candidatevotes","totalvotes","version","mode"';
  const rows = [
    // Autauga reports TOTAL and a mode breakdown: only TOTAL counts.
    '2020,"ALABAMA","AL","AUTAUGA","1001","US PRESIDENT","JOSEPH R BIDEN JR","DEMOCRAT",7503,27770,20220315,"TOTAL"',
    '2020,"ALABAMA","AL","AUTAUGA","1001","US PRESIDENT","DONALD J TRUMP","REPUBLICAN",19838,27770,20220315,"TOTAL"',
    '2020,"ALABAMA","AL","AUTAUGA","1001","US PRESIDENT","OTHER","OTHER",429,27770,20220315,"TOTAL"',
    '2020,"ALABAMA","AL","AUTAUGA","1001","US PRESIDENT","JOSEPH R BIDEN JR","DEMOCRAT",1000,27770,20220315,"ABSENTEE"',
    // Appling reports modes only: they are summed.
    '2020,"GEORGIA","GA","APPLING","13001","US PRESIDENT","JOSEPH R BIDEN JR","DEMOCRAT",1000,8000,20220315,"ELECTION DAY"',
    '2020,"GEORGIA","GA","APPLING","13001","US PRESIDENT","JOSEPH R BIDEN JR","DEMOCRAT",779,8000,20220315,"ABSENTEE BY MAIL"',
    '2020,"GEORGIA","GA","APPLING","13001","US PRESIDENT","DONALD J TRUMP","REPUBLICAN",6000,8000,20220315,"ELECTION DAY"',
    '2020,"GEORGIA","GA","APPLING","13001","US PRESIDENT","DONALD J TRUMP","REPUBLICAN",525,8000,20220315,"ABSENTEE BY MAIL"',
    // A row without a county code is kept as its own unit.
    '2020,"MAINE","ME","MAINE UOCAVA","NA","US PRESIDENT","JOSEPH R BIDEN JR","DEMOCRAT",3000,4000,20220315,"TOTAL"',
    '2020,"MAINE","ME","MAINE UOCAVA","NA","US PRESIDENT","DONALD J TRUMP","REPUBLICAN",900,4000,20220315,"TOTAL"',
  ];
  const race = parseRaceBytes(utf8(`${header}\n${rows.join('\n')}\n`), 'countypres.csv');
  assert.deepEqual(
    race.units.map((u) => [u.id, u.name, u.region, u.weight, u.votes.D, u.votes.R, u.votes.other]),
    [
      ['01001', 'Autauga, AL', 'AL', 0, 7503, 19838, 429],
      ['13001', 'Appling, GA', 'GA', 0, 1779, 6525, 0],
      ['ME-Maine-Uocava', 'Maine Uocava, ME', 'ME', 0, 3000, 900, 0],
    ],
  );
  assert.deepEqual(race.candidates, { D: 'JOSEPH R BIDEN JR', R: 'DONALD J TRUMP' });
  assert.match(race.notes.join('\n'), /1 unit without TOTAL rows counted as the sum of their vote modes \(13001\)/);
  assert.throws(() => parseRaceBytes(utf8(`${header}\n${rows.join('\n')}\n`), 'countypres.csv', { weights: 'electoral-votes' }), /weights must be 0 or a column name for a county file/);
});
