import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseUsResults, usResultYears, assembleResults } from '../../src/data/usResults.js';

// A three-unit country in the project's schema: a state with two districts, given as text (no files),
// the way a browser would pass fetched copies.
const texts = {
  units: { file: 'units.csv', text: 'id,name,parent,census_region,census_division\nNE,Nebraska,,Midwest,West North Central\nNE-1,Nebraska 1st district,NE,Midwest,West North Central\nNE-2,Nebraska 2nd district,NE,Midwest,West North Central\n' },
  results: {
    file: 'results.csv',
    text: 'year,id,D,R,other,total,electoral_votes,source,correction\n2008,NE,333319,452979,15248,801546,2,MEDSL,\n2008,NE-1,121411,148179,5000,274590,1,KBLACK,\n2008,NE-2,138809,135439,4000,278248,1,KBLACK,\n',
  },
  turnout: { file: 'turnout.csv', text: 'year,id,vep,vap,total_ballots,vep_turnout_rate,source\n2008,NE,1261000,1320000,,,X\n' },
  candidates: { file: 'candidates.json', text: '{"2008": {"D": "Barack Obama", "R": "John McCain"}}' },
};

test('parseUsResults counts districts for weight but not for the popular vote', () => {
  const r = parseUsResults(texts, 2008);
  // Statewide R takes the 2 at-large votes and NE-1; NE-2 goes D: 3-1 by hand.
  assert.deepEqual(r.weightTotals, { D: 1, R: 3 });
  assert.deepEqual(r.popularVote, { D: 333319, R: 452979, other: 15248, total: 801546 });
  assert.equal(r.units.find((u) => u.id === 'NE')?.eligible, 1261000);
  assert.equal(r.units.find((u) => u.id === 'NE-2')?.eligible, undefined);
  assert.deepEqual(r.candidates, { D: 'Barack Obama', R: 'John McCain' });
  assert.deepEqual(usResultYears(texts.results), [2008]);
});

test('parseUsResults rejects a unit missing from the year and an unknown unit id', () => {
  const missing = { ...texts, results: { ...texts.results, text: texts.results.text.split('\n').slice(0, 3).join('\n') + '\n' } };
  assert.throws(() => parseUsResults(missing, 2008), /results\.csv: year 2008 must be a row for unit NE-2, got none/);
  const unknown = { ...texts, results: { ...texts.results, text: texts.results.text.replace('2008,NE-2,', '2008,NE-4,') } };
  assert.throws(() => parseUsResults(unknown, 2008), /results\.csv: line 4, column 2 \(id\) must be a unit id listed in units\.csv, got "NE-4"/);
});

test('assembleResults counts a tied unit for neither side', () => {
  const r = assembleResults({
    country: 'custom',
    year: 1,
    sides: ['A', 'B'],
    units: [
      { id: 'x', name: 'x', weight: 3, votes: { A: 5, B: 5, other: 0 }, total: 10, winner: 'tie' },
      { id: 'y', name: 'y', weight: 2, votes: { A: 6, B: 4, other: 1 }, total: 11, winner: 'A' },
    ],
    source: 'test',
    candidates: { A: 'a', B: 'b' },
  });
  assert.deepEqual(r.weightTotals, { A: 2, B: 0 });
  assert.deepEqual(r.popularVote, { A: 11, B: 9, other: 1, total: 21 });
});
