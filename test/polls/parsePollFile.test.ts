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

test('parsePollFile reads the Economist 2008 layout: byte-order mark and CRLF, every record a poll or counted, m/d/yy dates, -- as national', () => {
  // An excerpt of the upstream file, byte for byte (test/fixtures/polls/README.md): 20 state polls, 11
  // national polls of the final days and 3 after the election, the last line without a line end.
  const file = 'test/fixtures/polls/economist-2008-excerpt.csv';
  const text = readFileSync(file, 'utf8');
  assert.ok(text.startsWith('\ufeffstate,') && text.includes('\r\n') && !text.endsWith('\n'));
  const polls = parsePollFile(text, { file, sides, units, nominees: { D: 'Barack Obama', R: 'John McCain' } });
  assert.equal(polls.format, 'economist');
  assert.deepEqual(polls.read, { D: 'obama', R: 'mccain' });
  assert.equal(polls.scale, 'percent');
  assert.equal(polls.records, 34);
  assert.equal(polls.polls.length + sumLeftOut(polls.leftOut), polls.records);
  // First row: AK, SurveyUSA, 3/3/08–3/6/08, Obama 43, McCain 48: 100 × (43 − 48) / 91.
  const ak = polls.polls.find((p) => p.line === 2)!;
  assert.equal(ak.unit, 'AK');
  assert.equal(ak.start, Date.UTC(2008, 2, 3) / 86_400_000);
  assert.equal(ak.end, Date.UTC(2008, 2, 6) / 86_400_000);
  assert.ok(Math.abs(ak.margin - (100 * -5) / 91) < 1e-12);
  assert.ok(Math.abs(ak.decided! - 0.91) < 1e-12);
  assert.equal(polls.polls.filter((p) => p.unit === 'US').length, 14);
  // CNN, 6–9 Dec 2008, gives no sample size; the last line (Rasmussen, 6–7 Nov 2008, no line end) is read too.
  assert.equal(polls.withoutSampleSize, 1);
  const last = polls.polls.find((p) => p.line === 35)!;
  assert.equal(last.pollster, 'Rasmussen');
  assert.ok(Math.abs(last.margin - (100 * -8) / 86) < 1e-12);
});

test('parsePollFile leaves out the 2016 layout\'s sub-population rows and keeps one question per poll', () => {
  // The first 40 rows of the upstream file, byte for byte: 16 toplines of 13 polls and 24 sub-population rows.
  const file = 'test/fixtures/polls/economist-2016-excerpt.csv';
  const polls = parsePollFile(readFileSync(file, 'utf8'), { file, sides, units, nominees: { D: 'Hillary Clinton', R: 'Donald Trump' } });
  assert.equal(polls.records, 40);
  assert.equal(polls.leftOut['sub-population'], 24);
  assert.equal(polls.leftOut['another question of the same poll'], 3);
  assert.equal(polls.polls.length, 13);
  assert.equal(polls.polls.length + sumLeftOut(polls.leftOut), polls.records);
  // Insights West, 4–7 Nov 2016, likely voters: Trump 41, Clinton 45; entered 8 Nov.
  const iw = polls.polls.find((p) => p.line === 2)!;
  assert.equal(iw.unit, 'US');
  assert.equal(iw.published, Date.UTC(2016, 10, 8) / 86_400_000);
  assert.ok(Math.abs(iw.margin - (100 * 4) / 86) < 1e-12);
  // Of the two questions of one poll (Bloomberg/Selzer, national, 4–6 Nov: lines 12 and 16), the one
  // naming more candidates (the smaller two-party total, 44 + 41) is kept.
  const selzer = polls.polls.filter((p) => p.pollster === 'Bloomberg/Selzer');
  assert.deepEqual(selzer.map((p) => p.line), [16]);
});

test('parsePollFile reads the bundled poll tables: the toplines only, nothing left out as a sub-population', () => {
  const tables = [
    { year: 2008, nominees: { D: 'Barack Obama', R: 'John McCain' } },
    { year: 2012, nominees: { D: 'Barack Obama', R: 'Mitt Romney' } },
    { year: 2016, nominees: { D: 'Hillary Clinton', R: 'Donald Trump' } },
  ];
  for (const { year, nominees } of tables) {
    const file = `data/polls/us-president-${year}-polls.csv`;
    const polls = parsePollFile(readFileSync(file, 'utf8'), { file, sides, units, nominees });
    assert.equal(polls.format, 'economist', file);
    assert.equal(polls.leftOut['sub-population'], undefined, file);
    assert.equal(polls.leftOut['a side not asked'], undefined, file);
    assert.equal(polls.polls.length + sumLeftOut(polls.leftOut), polls.records, file);
  }
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

test('parsePollFile reads FiveThirtyEight raw polls: the race type and year asked for, M1/M2 and N2 as Maine\'s and Nebraska\'s districts', () => {
  // An excerpt of the upstream record (test/fixtures/polls/README.md): 4 rows of 1998 (governor, Senate),
  // 4 presidential rows of 2012, and of 2016 4 primaries, 4 governor, 4 Senate, 4 House and 11 presidential rows.
  const file = 'test/fixtures/polls/raw-polls-excerpt.csv';
  const polls = parsePollFile(readFileSync(file, 'utf8'), { file, sides, units, year: 2016 });
  assert.equal(polls.format, 'fivethirtyeight-raw');
  assert.equal(polls.records, 35);
  assert.deepEqual(polls.leftOut, { 'another race': 20, 'another election year': 4 });
  assert.equal(polls.polls.length, 11);
  assert.deepEqual([...new Set(polls.polls.map((p) => p.unit))].sort(), ['AZ', 'FL', 'ME-1', 'ME-2', 'NE-2', 'US']);
  assert.ok(polls.polls.every((p) => p.start === p.end));
  // Governor races of the same file, asked for by race type.
  const governors = parsePollFile(readFileSync(file, 'utf8'), { file, sides, units, year: 2016, raceType: 'Gov-G' });
  assert.deepEqual(governors.polls.map((p) => p.unit).sort(), ['NC', 'NH', 'OR', 'VT']);
});

test('parsePollFile reads the bundled poll record: general elections only, each year\'s presidential polls', () => {
  const file = 'data/polls/poll-record-1998-2016.csv';
  const text = readFileSync(file, 'utf8');
  for (const year of [2000, 2004, 2008, 2012, 2016]) {
    const polls = parsePollFile(text, { file, sides, units, year });
    assert.equal(polls.format, 'fivethirtyeight-raw');
    assert.equal(polls.polls.length + sumLeftOut(polls.leftOut), polls.records);
    assert.ok(polls.polls.length > 300, `${year}: ${polls.polls.length} polls`);
    if (year === 2016) assert.ok(polls.polls.some((p) => p.unit === 'ME-2'));
  }
  // The primaries are not in it.
  inputError(() => parsePollFile(text, { file, sides, units, year: 2016, raceType: 'Pres-P' }), /must be at least one poll of D and R for 2016, got none among 7352 records \(7352 another race\)/);
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
