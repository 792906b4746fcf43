import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { buildTableRace } from '../../src/race/tableRace.js';
import { partyTotals } from '../../src/race/multiCandidateRace.js';
import { InputError } from '../../src/errors.js';

/** The 2022 presidential first round as a table of 12 party columns, pivoted here from data/fr_president_votes.csv. */
function presidential2022Table(): string {
  const rows = readFileSync(new URL('../../data/fr_president_votes.csv', import.meta.url), 'utf8').trim().split('\n').slice(1);
  const byUnit = new Map<string, Map<string, string>>();
  const parties: string[] = [];
  for (const line of rows) {
    const [year, round, id, party, votes] = line.split(',');
    if (year !== '2022' || round !== '1') continue;
    if (!parties.includes(party!)) parties.push(party!);
    if (!byUnit.has(id!)) byUnit.set(id!, new Map());
    byUnit.get(id!)!.set(party!, votes!);
  }
  const lines = [...byUnit].map(([id, votes]) => [id, `unit ${id}`, 0, ...parties.map((p) => votes.get(p) ?? '0')].join(','));
  return [['id', 'name', 'weight', ...parties].join(','), ...lines].join('\n');
}

test('buildTableRace keeps all 12 party columns of a 12-candidate table, nothing moved to other, national sums as proclaimed', () => {
  const race = buildTableRace({ file: 'fr2022.csv', text: presidential2022Table() });
  assert.equal(race.partyCount, 12);
  assert.deepEqual(race.parties, ['LREM', 'RN', 'LFI', 'REC', 'LR', 'EELV', 'RES', 'PCF', 'DLF', 'PS', 'NPA', 'LO']);
  assert.equal(race.units.other.reduce((a, b) => a + b, 0), 0);
  const totals = new Float64Array(12);
  partyTotals(race, race.votes, totals);
  // Conseil constitutionnel, proclamation of 13 April 2022 (data/SOURCES.md).
  assert.deepEqual([...totals], [9783058, 8133828, 7712520, 2485226, 1679001, 1627853, 1101387, 802422, 725176, 616478, 268904, 197094]);
  assert.equal(race.units.valid.reduce((a, b) => a + b, 0), 35132947);
});

test('buildTableRace gives a party no slot where its column holds 0, puts the named parties first and checks total', () => {
  const text = 'id,name,weight,A,B,C,other,Total,region,eligible\nN,North,1,120,80,0,5,205,East,300\nS,South,2,90,110,40,0,240,West,\n';
  const race = buildTableRace({ file: 't.csv', text }, { order: ['C'] });
  assert.deepEqual(race.parties, ['C', 'A', 'B']);
  assert.deepEqual([...race.unitStart], [0, 2, 5]);
  assert.deepEqual([...race.slotParty], [1, 2, 1, 2, 0]);
  assert.deepEqual([...race.votes], [120, 80, 90, 110, 40]);
  assert.deepEqual([...race.units.valid], [205, 240]);
  assert.deepEqual([...race.units.registered], [300, 0]);
  assert.deepEqual([...race.units.weight], [1, 2]);
  assert.deepEqual(race.regionNames, ['East', 'West']);
});

test('buildTableRace keeps a party column that is 0 everywhere as a party with no slot', () => {
  const race = buildTableRace({ file: 't.csv', text: 'id,name,weight,A,B,C\nN,North,1,120,80,0\n' });
  assert.deepEqual(race.parties, ['A', 'B', 'C']);
  assert.deepEqual([...race.slotParty], [0, 1]);
});

test('buildTableRace names the file, line and column of bad input', () => {
  const bad = (text: string, pattern: RegExp) => assert.throws(() => buildTableRace({ file: 't.csv', text }), (e: unknown) => e instanceof InputError && pattern.test(e.message));
  bad('id,name,weight,A,B,total\nN,North,1,120,80,201\n', /t\.csv: line 2, column 6 \(total\) must be the party columns \+ other = 200, got "201"/);
  bad('id,name,weight,A,B\nN,North,1,120,-3\n', /t\.csv: line 2, column 5 \(B\) must be a non-negative integer, got "-3"/);
  bad('id,name,weight,A\nN,North,1,120\n', /line 1 must be a header with at least two party columns/);
  bad('id,name,weight,A,B\nN,North,1,1,2\nN,Again,1,3,4\n', /line 3, column 1 \(id\) must be a unit id not listed before, got "N"/);
  bad('id,name,weight,A,B\nN,North,x,1,2\n', /line 2, column 3 \(weight\) must be a non-negative number/);
  bad('id,name,weight,A,B\nN,North,1,0,0\n', /line 2, column 4 \(A\) must be votes for at least one party in the unit/);
  assert.throws(() => buildTableRace({ file: 't.csv', text: 'id,name,weight,A,B\nN,North,1,1,2\n' }, { order: ['Z'] }), /t\.csv: order\[0\] must be a party of the race named once \(A, B\), got "Z"/);
});
