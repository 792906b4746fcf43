import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { buildLegislativeRace } from '../../src/race/legislativeRace.js';
import { legislativeRoundOne } from '../../src/race/twoRoundLegislative.js';
import { loadLegislativeRace } from '../../src/node/data/loadMultiCandidateRace.js';
import { InputError } from '../../src/errors.js';

const FILE = new URL('../../data/races/fr-2022-legislatives-t1-circonscriptions.csv', import.meta.url);

interface Row { id: string; registered: number; valid: number; votes: number; elected_file: string; elected_round1: string; qualified_round2: string }

/** The file's rows, read here with papaparse directly (not through the builder). */
function fileRows(): Row[] {
  const parsed = Papa.parse<Record<string, string>>(readFileSync(FILE, 'utf8'), { header: true, skipEmptyLines: true });
  return parsed.data.map((r) => ({ ...r, registered: Number(r.registered), valid: Number(r.valid), votes: Number(r.votes) }) as unknown as Row);
}

/** Code électoral L126 / L162 written out plainly, by sorting, for one circonscription's candidates. */
function ruleBySorting(rows: Row[]): { elected: boolean[]; qualified: boolean[] } {
  const { registered, valid } = rows[0]!;
  const elected = rows.map((r) => r.votes / valid > 0.5 && r.votes / registered >= 0.25);
  if (elected.some(Boolean)) return { elected, qualified: rows.map(() => false) };
  const over = rows.map((r) => r.votes / registered >= 0.125);
  if (over.filter(Boolean).length >= 2) return { elected, qualified: over };
  const sorted = rows.map((r) => r.votes).sort((a, b) => b - a);
  return { elected, qualified: rows.map((r) => r.votes >= sorted[1]!) };
}

test('the 2022 legislative first round with zero uncertainty gives, per candidate, the file\'s elected_round1 and qualified_round2, and the rule recomputed by sorting', () => {
  const race = loadLegislativeRace();
  const rows = fileRows();
  assert.equal(race.units.ids.length, 577);
  assert.equal(race.slotParty.length, rows.length);
  const elected = new Int32Array(577);
  const qualified = new Uint8Array(rows.length);
  assert.equal(legislativeRoundOne(race, race.votes, race.units.other, elected, qualified), 5);
  const byUnit = new Map<string, Row[]>();
  for (const r of rows) byUnit.set(r.id, [...(byUnit.get(r.id) ?? []), r]);
  let s = 0;
  const finalistCounts = new Map<number, number>();
  race.units.ids.forEach((id, u) => {
    const unitRows = byUnit.get(id)!;
    const sorting = ruleBySorting(unitRows);
    let finalists = 0;
    unitRows.forEach((r, i) => {
      const where = `${id}, candidate ${i + 1}`;
      assert.equal(race.votes[s], r.votes, where);
      assert.equal(elected[u] === s, r.elected_round1 === 'true', `${where}: elected_round1`);
      assert.equal(elected[u] === s, r.elected_file === 'true', `${where}: the file's Sièges`);
      assert.equal(elected[u] === s, sorting.elected[i], `${where}: L126 by sorting`);
      assert.equal(qualified[s] === 1, r.qualified_round2 === 'true', `${where}: qualified_round2`);
      assert.equal(qualified[s] === 1, sorting.qualified[i], `${where}: L162 by sorting`);
      finalists += qualified[s]!;
      s++;
    });
    finalistCounts.set(finalists, (finalistCounts.get(finalists) ?? 0) + 1);
  });
  // data/SOURCES.md: elected in round 1 53-03, 75-06, 75-16, 75-17, 93-07; 564 duels, 8 three-way second rounds.
  assert.deepEqual([...elected].flatMap((slot, u) => (slot >= 0 ? [race.units.ids[u]] : [])), ['53-03', '75-06', '75-16', '75-17', '93-07']);
  assert.deepEqual(Object.fromEntries(finalistCounts), { 0: 5, 2: 564, 3: 8 });
});

test('loadLegislativeRace reads circonscriptions, nuances as parties, candidates as slots and départements\' regions', () => {
  const race = loadLegislativeRace();
  assert.deepEqual(race.parties.slice(0, 3), ['ENS', 'NUP', 'RN']);
  assert.equal(race.units.names[0], 'Ain 1re circonscription');
  assert.equal(race.regionNames[race.units.region[0]!], 'Rhône-Alpes');
  assert.equal(race.slotLabels[0], 'Vincent GUILLERMIN');
  assert.equal(race.units.registered.reduce((a, b) => a + b, 0), 48953800);
  assert.equal(race.units.voters.reduce((a, b) => a + b, 0), 23257547);
  assert.equal(race.units.valid.reduce((a, b) => a + b, 0), 22745602);
});

const HEADER = 'id,name,departement,departement_name,registered,voters,blank,null,valid,panel,surname,first_name,sex,nuance,votes\n';

test('buildLegislativeRace keeps two candidates of one nuance as two slots of that party', () => {
  const text = `${HEADER}01-01,Ain 1re circonscription,01,Ain,100,60,5,5,50,1,A,Ann,F,DVG,20\n01-01,Ain 1re circonscription,01,Ain,100,60,5,5,50,2,B,Bob,M,DVG,18\n01-01,Ain 1re circonscription,01,Ain,100,60,5,5,50,3,C,Cy,M,RN,12\n`;
  const race = buildLegislativeRace({ file: 'l.csv', text });
  assert.deepEqual(race.parties, ['DVG', 'RN']);
  assert.deepEqual([...race.slotParty], [0, 0, 1]);
  assert.deepEqual(race.slotLabels, ['Ann A', 'Bob B', 'Cy C']);
});

test('buildLegislativeRace names the file, line and column of a failed identity', () => {
  const bad = (text: string, pattern: RegExp) => assert.throws(() => buildLegislativeRace({ file: 'l.csv', text: HEADER + text }), (e: unknown) => e instanceof InputError && pattern.test(e.message));
  bad('01-01,Ain 1,01,Ain,100,60,5,5,49,1,A,Ann,F,DVG,49\n', /l\.csv: line 2, column 6 \(voters\) must be valid \+ blank \+ null = 59, got "60"/);
  bad('01-01,Ain 1,01,Ain,100,60,5,5,50,1,A,Ann,F,DVG,49\n', /l\.csv: line 2, column 9 \(valid\) must be the sum of the circonscription's candidate votes, 49, got "50"/);
  bad('01-01,Ain 1,01,Ain,100,60,5,5,50,1,A,Ann,F,DVG,20\n01-01,Ain 1,01,Ain,101,60,5,5,50,2,B,Bob,M,RN,30\n', /line 3, column 5 \(registered\) must be the value on line 2 for the same circonscription, "100", got "101"/);
  assert.throws(
    () => buildLegislativeRace({ file: 'l.csv', text: `${HEADER}99-01,X 1,99,X,100,60,5,5,50,1,A,Ann,F,DVG,50\n` }, { departements: { file: 'd.csv', text: 'id,name,region\n01,Ain,Rhône-Alpes\n' } }),
    /l\.csv: line 2, column 3 \(departement\) must be a département listed in d\.csv, got "99"/,
  );
});
