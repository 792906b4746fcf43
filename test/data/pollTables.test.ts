import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDelimited } from '../../src/io/parseDelimited.js';
import { parsePollDate, usElectionDay } from '../../src/polls/pollDates.js';

// The poll tables of data/polls/ (scripts/data/derive_polls.ts, data/SOURCES.md): the upstream layouts,
// only the columns the project reads and only the rows the product uses.
const read = (file: string) => parseDelimited(readFileSync(file, 'utf8'), { file, delimiter: ',' });

test('data/polls/us-president-<year>-polls.csv: the reader\'s columns, toplines only, no poll ended after election day', () => {
  const tables = [
    { year: 2008, rows: 1312, header: 'state,pollster,number.of.observations,start.date,end.date,obama,mccain,mode,population' },
    { year: 2012, rows: 1175, header: 'state,pollster,number.of.observations,start.date,end.date,obama,romney,mode,population' },
    { year: 2016, rows: 2211, header: 'state,pollster,start.date,end.date,entry.date.time..et.,number.of.observations,population,mode,trump,clinton' },
  ];
  for (const { year, rows, header } of tables) {
    const file = `data/polls/us-president-${year}-polls.csv`;
    const table = read(file);
    assert.equal(table.header.join(','), header, file);
    assert.equal(table.records.length, rows, file);
    const [population, end] = ['population', 'end.date'].map((c) => table.header.indexOf(c));
    for (const { line, cells } of table.records) {
      assert.equal(cells.length, table.header.length, `${file} line ${line}`);
      assert.doesNotMatch(cells[population], / - /, `${file} line ${line}: a sub-population row`);
      assert.ok(parsePollDate(cells[end])! <= usElectionDay(year), `${file} line ${line}: ended after election day`);
    }
  }
});

test('data/polls/poll-record-1998-2016.csv: general elections of 1998–2016, the columns the reader and the error calibration read', () => {
  const file = 'data/polls/poll-record-1998-2016.csv';
  const table = read(file);
  assert.equal(table.header.join(','), 'poll_id,race_id,year,location,type_simple,pollster,methodology,polldate,samplesize,cand1_name,cand1_party,cand1_pct,cand2_name,cand2_party,cand2_pct,electiondate,cand1_actual,cand2_actual');
  assert.equal(table.records.length, 7352);
  const [year, type] = ['year', 'type_simple'].map((c) => table.header.indexOf(c));
  const types = new Map<string, number>();
  for (const { line, cells } of table.records) {
    assert.ok(Number(cells[year]) >= 1998 && Number(cells[year]) <= 2016, `line ${line}`);
    types.set(cells[type], (types.get(cells[type]) ?? 0) + 1);
  }
  // FiveThirtyEight's counts of scored polls by race type, 1998–2016, without the 1,656 primaries.
  assert.deepEqual(Object.fromEntries([...types].sort()), { 'Gov-G': 1451, 'House-G': 1323, 'Pres-G': 2410, 'Sen-G': 2168 });
});
