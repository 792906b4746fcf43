import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { detectPollFormat, parsePollFile } from '../../src/polls/parsePollFile.js';
import { InputError } from '../../src/errors.js';
import { loadResults } from '../../src/node/data/loadResults.js';

const units = loadResults({ country: 'us', year: 2016 }).units;
const sides = ['D', 'R'] as const;
const read = (text: string, extra: Record<string, unknown> = {}) => parsePollFile(text, { file: 'p.csv', sides, units, ...extra });
function inputError(fn: () => unknown, pattern: RegExp): void {
  assert.throws(fn, (e: unknown) => e instanceof InputError && pattern.test(e.message), `expected an InputError matching ${pattern}`);
}
const sumLeftOut = (leftOut: Record<string, number | undefined>) => Object.values(leftOut).reduce((s: number, n) => s + (n ?? 0), 0);

test('detectPollFormat tells the four layouts from their headers', () => {
  assert.equal(detectPollFormat(['state', 'pollster', 'number.of.observations', 'start.date', 'end.date', 'obama', 'mccain']), 'economist');
  assert.equal(detectPollFormat(['poll_id', 'question_id', 'state', 'start_date', 'end_date', 'answer', 'pct']), 'fivethirtyeight');
  assert.equal(detectPollFormat(['poll_id', 'location', 'polldate', 'cand1_pct', 'cand2_pct']), 'fivethirtyeight-raw');
  assert.equal(detectPollFormat(['unit', 'date', 'sampleSize', 'D', 'R']), 'table');
  assert.equal(detectPollFormat(['name', 'email']), undefined);
});

test('parsePollFile reads the Economist 2008 file: every record a poll or counted, m/d/yy dates, -- as national', () => {
  const file = 'data/polls/economist_polls_2008.csv';
  const polls = parsePollFile(readFileSync(file, 'utf8'), { file, sides, units, nominees: { D: 'Barack Obama', R: 'John McCain' } });
  assert.equal(polls.format, 'economist');
  assert.deepEqual(polls.read, { D: 'obama', R: 'mccain' });
  assert.equal(polls.scale, 'percent');
  assert.equal(polls.records, 1323);
  assert.equal(polls.polls.length + sumLeftOut(polls.leftOut), polls.records);
  // First row: AK, SurveyUSA, 3/3/08–3/6/08, Obama 43, McCain 48: 100 × (43 − 48) / 91.
  const ak = polls.polls.find((p) => p.line === 2)!;
  assert.equal(ak.unit, 'AK');
  assert.equal(ak.start, Date.UTC(2008, 2, 3) / 86_400_000);
  assert.equal(ak.end, Date.UTC(2008, 2, 6) / 86_400_000);
  assert.ok(Math.abs(ak.margin - (100 * -5) / 91) < 1e-12);
  assert.ok(Math.abs(ak.decided! - 0.91) < 1e-12);
  assert.ok(polls.polls.some((p) => p.unit === 'US'));
});

test('parsePollFile leaves out the 2016 file\'s sub-population rows and keeps one question per poll', () => {
  const file = 'data/polls/economist_polls_2016.csv';
  const polls = parsePollFile(readFileSync(file, 'utf8'), { file, sides, units, nominees: { D: 'Hillary Clinton', R: 'Donald Trump' } });
  assert.equal(polls.records, 3168);
  assert.equal(polls.leftOut['sub-population'], 957);
  assert.equal(polls.polls.length + sumLeftOut(polls.leftOut), polls.records);
  // Insights West, 4–7 Nov 2016, likely voters: Trump 41, Clinton 45; entered 8 Nov.
  const iw = polls.polls.find((p) => p.line === 2)!;
  assert.equal(iw.unit, 'US');
  assert.equal(iw.published, Date.UTC(2016, 10, 8) / 86_400_000);
  assert.ok(Math.abs(iw.margin - (100 * 4) / 86) < 1e-12);
  // Of the two questions of one poll (Bloomberg/Selzer, national, 4–6 Nov), the one naming more candidates is kept.
  const selzer = polls.polls.filter((p) => p.unit === 'US' && p.pollster === 'Bloomberg/Selzer' && p.end === Date.UTC(2016, 10, 6) / 86_400_000);
  assert.equal(selzer.length, 1);
});

test('parsePollFile reads FiveThirtyEight answers: state names, districts, empty state as national, party codes, sub-populations', () => {
  const text = [
    'poll_id,pollster,question_id,state,start_date,end_date,sample_size,population,subpopulation,methodology,party,answer,candidate_name,pct',
    '1,ABC,11,Pennsylvania,10/1/16,10/4/16,800,lv,,Live Phone,DEM,Clinton,Hillary Rodham Clinton,48',
    '1,ABC,11,Pennsylvania,10/1/16,10/4/16,800,lv,,Live Phone,REP,Trump,Donald Trump,44',
    '1,ABC,11,Pennsylvania,10/1/16,10/4/16,800,lv,,Live Phone,LIB,Johnson,Gary Johnson,5',
    '2,XYZ,21,,10/2/16,10/5/16,1000,rv,,Online,DEM,Clinton,Hillary Rodham Clinton,45',
    '2,XYZ,21,,10/2/16,10/5/16,1000,rv,,Online,REP,Trump,Donald Trump,40',
    '3,XYZ,31,Maine CD-2,10/2/16,10/5/16,400,lv,,Online,DEM,Clinton,Hillary Rodham Clinton,41',
    '3,XYZ,31,Maine CD-2,10/2/16,10/5/16,400,lv,,Online,REP,Trump,Donald Trump,46',
    '4,XYZ,41,Ohio,10/2/16,10/5/16,400,lv,Hispanic,Online,DEM,Clinton,Hillary Rodham Clinton,60',
    '4,XYZ,41,Ohio,10/2/16,10/5/16,400,lv,Hispanic,Online,REP,Trump,Donald Trump,30',
  ].join('\n');
  const polls = read(text);
  assert.equal(polls.format, 'fivethirtyeight');
  assert.equal(polls.records, 4);
  assert.equal(polls.leftOut['sub-population'], 1);
  assert.deepEqual(polls.polls.map((p) => p.unit).sort(), ['ME-2', 'PA', 'US']);
  const pa = polls.polls.find((p) => p.unit === 'PA')!;
  assert.ok(Math.abs(pa.margin - (100 * 4) / 92) < 1e-12);
  assert.equal(pa.population, 'lv');
  assert.equal(pa.sampleSize, 800);
  assert.equal(polls.polls.find((p) => p.unit === 'US')!.population, 'rv');
});

test('parsePollFile reads FiveThirtyEight raw polls: the race type and year asked for, M2 as Maine\'s 2nd district', () => {
  const file = 'data/polls/fivethirtyeight_raw_polls_1998-2016.csv';
  const polls = parsePollFile(readFileSync(file, 'utf8'), { file, sides, units, year: 2016 });
  assert.equal(polls.format, 'fivethirtyeight-raw');
  assert.equal(polls.records, 9008);
  assert.equal(polls.leftOut['another race'], 6598);
  assert.equal(polls.polls.length + sumLeftOut(polls.leftOut), polls.records);
  assert.ok(polls.polls.some((p) => p.unit === 'ME-2'));
  assert.ok(polls.polls.every((p) => p.start === p.end));
});

test('parsePollFile reads shares where percents are expected as shares, and says so', () => {
  const percents = read('unit,date,sampleSize,D,R\nPA,2016-11-01,800,46,44\nWI,2016-11-02,600,47,41\n');
  const shares = read('unit,date,sampleSize,D,R\nPA,2016-11-01,800,0.46,0.44\nWI,2016-11-02,600,0.47,0.41\n');
  assert.equal(percents.scale, 'percent');
  assert.equal(shares.scale, 'share');
  assert.equal(shares.scaleDetected, true);
  for (const [i, p] of shares.polls.entries()) {
    assert.ok(Math.abs(p.margin - percents.polls[i].margin) < 1e-9);
    assert.ok(Math.abs(p.decided! - percents.polls[i].decided!) < 1e-12);
  }
  assert.ok(Math.abs(percents.polls[0].margin - (100 * 2) / 90) < 1e-12);
});

test('parsePollFile refuses a file mixing shares and percents, naming the line that differs', () => {
  inputError(() => read('unit,date,sampleSize,D,R\nPA,2016-11-01,800,46,44\nWI,2016-11-02,600,0.47,0.41\nMI,2016-11-02,600,45,43\n'), /p\.csv: line 3, columns D, R must be percents \(45 for 45 %\) like the file's other 2 polls.*got 0\.47 and 0\.41, shares/);
  inputError(() => read('unit,date,sampleSize,D,R\nPA,2016-11-01,800,0.46,0.44\n', { scale: 'percent' }), /line 2, columns D, R must be percents \(45 for 45 %\), as baseline\.polls\.scale says/);
  inputError(() => read('unit,date,sampleSize,D,R\nPA,2016-11-01,800,0.7,0.6\n'), /line 2, columns D, R must be both sides in percents .* or both in shares/);
});

test('parsePollFile refuses margins all within ±1 unless the scale is stated (pp or shares?)', () => {
  const text = 'unit,date,sampleSize,margin\nPA,2016-11-01,800,0.021\nWI,2016-11-02,600,-0.075\n';
  inputError(() => read(text), /column margin must be two-party margins in pp .* set baseline\.polls\.scale to share/);
  const asShares = read(text, { scale: 'share' });
  assert.deepEqual(asShares.polls.map((p) => Math.round(p.margin * 1000) / 1000), [2.1, -7.5]);
  assert.equal(read('unit,date,sampleSize,margin\nPA,2016-11-01,800,2.1\nWI,2016-11-02,600,-7.5\n').polls[1].margin, -7.5);
});

test('parsePollFile names the file, line and column of an unknown unit, a bad date, a missing side', () => {
  inputError(() => read('unit,date,sampleSize,D,R\nXX,2016-11-01,800,46,44\n'), /p\.csv: line 2, column unit must be a territory of the race/);
  inputError(() => read('unit,date,sampleSize,D,R\nPA,2016-02-30,800,46,44\n'), /line 2, column date must be a date .* that exists, got a 10-character value \(not shown\)/);
  inputError(() => read('unit,date,sampleSize,D\nPA,2016-11-01,800,46\n'), /line 1 must be a poll table with a column per side \(R\) or a margin column/);
  inputError(() => read('state,start.date,end.date,obama\nPA,1/1/08,1/2/08,40\n', { nominees: { D: 'Barack Obama', R: 'John McCain' } }), /line 1 must be a column for R's candidate \(the nominee's surname, "mccain"\)/);
  inputError(() => read('name,email\nAda,ada@example.org\n'), /line 1 must be the header of a poll file/);
});
