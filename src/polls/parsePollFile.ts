/**
 * Reads the poll files people have (FiveThirtyEight's exports and pollster-ratings record, the
 * Economist's / HuffPost Pollster's files, a plain table) into {@link Poll} records: one topline per
 * poll, two-party margins toward the first side, every record either kept or counted under a reason.
 *
 * Browser-safe: takes decoded text (src/node/readPollFile.ts reads and decodes files). Errors name the
 * file, the line and column, what was expected and what was found; a cell is shown only when it is
 * shaped like a number, a date or a territory (describeCell), since a file may be anything.
 */
import type { Side } from '../model/types.js';
import { InputError, describeCell, describeColumns } from '../errors.js';
import { parseDelimited, parseNumberCell } from '../io/parseDelimited.js';
import { parsePollDate } from './pollDates.js';
import { NATIONAL_UNIT } from './pollTypes.js';
import type { Poll, PollFile, PollFormat, PollLeftOutReason, PollPopulation, PollScale } from './pollTypes.js';

/** A territory a poll may be about: its id, display name and parent (Maine's and Nebraska's districts). */
export interface PollUnit {
  id: string;
  name: string;
  parent?: string;
}

/** Options of {@link parsePollFile}. */
export interface ParsePollOptions {
  /** File name for messages. */
  file: string;
  /** [ours, theirs]: margins are toward `sides[0]`. */
  sides: readonly [Side, Side];
  /** Territories of the race; poll units are matched to their ids or names. */
  units: readonly PollUnit[];
  /** Layout; `auto` (default) tells it from the header. */
  format?: PollFormat | 'auto';
  /** Candidate (or column) of each side as the file names it (`{D: 'clinton', R: 'trump'}`). */
  candidates?: Partial<Record<Side, string>>;
  /** Default candidates when `candidates` does not name a side: the year's nominees (`Hillary Clinton`). */
  nominees?: Partial<Record<Side, string>>;
  /** How the file writes candidates' numbers (or margins); default: told from the numbers. */
  scale?: PollScale;
  /** Election year: records of other cycles (`fivethirtyeight-raw` `year`, `fivethirtyeight` `cycle`) are left out. */
  year?: number;
  /** `fivethirtyeight-raw` only: the race type kept (`type_simple`). Default `Pres-G`. */
  raceType?: string;
  /** Where in the scenario the options come from, for messages (`baseline.polls`). */
  at?: string;
}

/** FiveThirtyEight's party codes of the project's US sides. */
const PARTY_CODES: Record<string, string> = { D: 'DEM', R: 'REP' };

/** Preference among populations when one poll reports several: likely voters first. */
const POPULATION_RANK: Record<PollPopulation, number> = { lv: 0, rv: 1, v: 2, a: 3 };

/** One record before scale detection and de-duplication (its dates, pollster, sample and population as a poll's). */
interface RawRecord extends Pick<Poll, 'line' | 'unit' | 'start' | 'end' | 'published' | 'pollster' | 'sampleSize' | 'population' | 'mode'> {
  pollKey: string;
  /** Side numbers as written (percent or share), or a margin as written. */
  a: number;
  b: number;
  margin?: number;
  /** Columns the numbers were read from, for messages. */
  columns: string;
}

/**
 * Tells a poll file's layout from its header (lower-cased cells).
 *
 * @returns the layout, or undefined when the header is none of them
 * @example
 * detectPollFormat(['state', 'pollster', 'number.of.observations', 'start.date', 'end.date', 'obama', 'mccain']) // => 'economist'
 */
export function detectPollFormat(header: readonly string[]): PollFormat | undefined {
  const h = new Set(header.map((c) => c.trim().toLowerCase()));
  if (h.has('cand1_pct') && h.has('cand2_pct') && h.has('location') && h.has('polldate')) return 'fivethirtyeight-raw';
  if (h.has('question_id') && h.has('pct') && h.has('start_date') && h.has('end_date') && (h.has('answer') || h.has('candidate_name'))) return 'fivethirtyeight';
  if (h.has('state') && h.has('start.date') && h.has('end.date')) return 'economist';
  if (h.has('unit') && h.has('date')) return 'table';
  return undefined;
}

/**
 * Reads a poll file's text into polls.
 *
 * Per record (a row; a question for `fivethirtyeight`): the unit (an id or a name of the race's
 * territories, a district as `Maine CD-2` or FiveThirtyEight's `M2`/`N2`, national as `--`, `US` or an
 * empty state), dates (`YYYY-MM-DD`, `m/d/yy`, `m/d/yyyy`), pollster, sample size, population and both
 * sides' numbers. Sub-population rows (`Likely Voters - Democrat`, a `subpopulation` cell) are not
 * toplines and are left out, as are records of another race or cycle. One poll reported several ways
 * (likely and registered voters; with and without third-party candidates) is kept once: likely voters
 * first, then registered, voters, adults; then the question naming the most candidates (the smallest
 * two-side total), the one closest to the ballot (the rule of the Economist's 2016 model, which keeps
 * the lowest two-party sum per state, day and pollster). Of a tracking poll's overlapping releases
 * (same pollster and unit, field periods overlapping) only the latest of each overlapping run is kept,
 * so one sample is not counted several times.
 *
 * Percents and shares are told apart per record: a record whose side numbers are both ≤ 1 and sum to
 * at most 1 is written in shares, one whose sides sum to more than 1.5 in percents. Every record must
 * be in one scale: a file in shares is read as shares (and says so in `scale`), a file mixing the two, a
 * record fitting neither, or a record against the stated `scale` is refused. A table of margins whose
 * every margin lies within ±1 is ambiguous (pp or shares of the two-party vote) and refused unless
 * `scale` says which.
 *
 * @param text decoded file text
 * @param options file name, sides, the race's units, and optionally layout, candidates, nominees, scale, year, race type
 * @returns the polls (two-party margin toward `sides[0]`, pp) and the count of records left out by reason
 * @throws {InputError} naming the file, line and column: an unknown layout, a missing column, a side
 *   whose candidate cannot be found, an unknown unit, a bad date, a negative or non-numeric number,
 *   mixed or ambiguous scales, or no poll at all
 * @example
 * parsePollFile('unit,date,sampleSize,D,R\nPA,2016-11-01,800,46,44\n', { file: 'p.csv', sides: ['D', 'R'], units: [{ id: 'PA', name: 'Pennsylvania' }] }).polls[0].margin
 * // => 2.2222222222222223
 */
export function parsePollFile(text: string, options: ParsePollOptions): PollFile {
  const r = pollReader(text, options);
  if (r.format === 'economist') readEconomist(r);
  else if (r.format === 'fivethirtyeight-raw') readFiveThirtyEightRaw(r);
  else if (r.format === 'fivethirtyeight') readFiveThirtyEight(r);
  else readPollTable(r);
  const { file, sides, at, read, leftOut, recordCount } = r;
  const kept = toplines(r);
  if (kept.length === 0) {
    const reasons = Object.entries(leftOut).map(([reason, c]) => `${c} ${reason}`).join(', ');
    throw new InputError({ file, expected: `at least one poll of ${sides.join(' and ')}${options.year !== undefined ? ` for ${options.year}` : ''}`, found: recordCount === 0 ? 'a header only' : `none among ${recordCount} records (${reasons})` });
  }
  const scale = decideScale(kept, options.scale, file, at);
  const polls = kept.map((record) => toPoll(record, scale.scale, file));
  polls.sort((x, y) => x.end - y.end || x.line - y.line);
  return {
    file,
    format: r.format,
    sides: [sides[0], sides[1]],
    read,
    scale: scale.scale,
    scaleDetected: scale.detected,
    records: recordCount,
    polls,
    leftOut,
    withoutSampleSize: polls.filter((p) => p.sampleSize === undefined).length,
  };
}

/** A poll file being read: its table and layout, the records read and left out so far, and the cell readers. */
interface PollReader extends CellReaders {
  file: string;
  at: string;
  sides: readonly [Side, Side];
  options: ParsePollOptions;
  table: ReturnType<typeof parseDelimited>;
  /** The header, trimmed and lower-cased. */
  header: string[];
  format: PollFormat;
  /** Column of each side as read, for the result's `read`. */
  read: Record<Side, string>;
  records: RawRecord[];
  recordCount: number;
  leftOut: Partial<Record<PollLeftOutReason, number>>;
  /** Index of a column (-1 for an optional one the file lacks); a required one missing is an InputError. */
  column(name: string, required?: boolean): number;
  leave(reason: PollLeftOutReason, n?: number): void;
  candidateOf(side: Side): string | undefined;
}

/** Parses the text, tells its layout (an unknown header is an InputError) and sets up the reading. */
function pollReader(text: string, options: ParsePollOptions): PollReader {
  const { file, sides } = options;
  const table = parseDelimited(text, { file });
  const header = table.header.map((h) => h.trim().toLowerCase());
  const format = options.format === undefined || options.format === 'auto' ? detectPollFormat(header) : options.format;
  if (!format) {
    throw new InputError({
      file,
      at: 'line 1',
      expected: 'the header of a poll file: FiveThirtyEight (poll_id, question_id, state, start_date, end_date, pct), FiveThirtyEight raw polls (location, polldate, cand1_pct), the Economist (state, start.date, end.date, one column per candidate) or a table (unit, date, sampleSize, one column per side)',
      found: describeColumns(table.header),
    });
  }
  const leftOut: Partial<Record<PollLeftOutReason, number>> = {};
  return {
    file,
    at: options.at ?? 'baseline.polls',
    sides,
    options,
    table,
    header,
    format,
    read: {},
    records: [],
    recordCount: 0,
    leftOut,
    column: (name: string, required = true): number => {
      const i = header.indexOf(name);
      if (i < 0 && required) throw new InputError({ file, at: 'line 1', expected: `a ${format} poll file with a column ${JSON.stringify(name)}`, found: describeColumns(table.header) });
      return i;
    },
    leave: (reason: PollLeftOutReason, n = 1) => {
      leftOut[reason] = (leftOut[reason] ?? 0) + n;
    },
    candidateOf: (side: Side): string | undefined => options.candidates?.[side],
    ...cellReaders(file, format, table, options.units),
  };
}

/** Readers of one cell, each an InputError naming the line and column when the cell is not what it must be. */
interface CellReaders {
  cellAt(cells: string[], i: number): string;
  unitAt(cells: string[], i: number, line: number, name: string): string;
  dateAt(cells: string[], i: number, line: number, name: string, required?: boolean): number | undefined;
  numberAt(cells: string[], i: number, line: number, name: string): number | undefined;
  sampleAt(cells: string[], i: number, line: number, name: string): number | undefined;
  populationAt(cell: string, line: number, name: string): PollPopulation | 'sub';
}

function cellReaders(file: string, format: PollFormat, table: ReturnType<typeof parseDelimited>, raceUnits: readonly PollUnit[]): CellReaders {
  const units = unitMatcher(raceUnits, format);
  const cellAt = (cells: string[], i: number): string => (i >= 0 ? (cells[i] ?? '').trim() : '');
  const unitAt = (cells: string[], i: number, line: number, name: string): string => {
    const cell = cellAt(cells, i);
    const id = units(cell);
    if (id === undefined) {
      throw new InputError({ file, at: `line ${line}, column ${name}`, expected: `a territory of the race (an id such as ${raceUnits.slice(0, 2).map((u) => u.id).join(', ')}, or a name), or a national poll (${format === 'economist' ? '--' : format === 'fivethirtyeight' ? 'an empty state' : 'US'})`, found: describeCell(cell) });
    }
    return id;
  };
  const dateAt = (cells: string[], i: number, line: number, name: string, required = true): number | undefined => {
    const cell = cellAt(cells, i);
    if (cell === '' || cell.toUpperCase() === 'NA') {
      if (!required) return undefined;
      throw new InputError({ file, at: `line ${line}, column ${name}`, expected: 'a date (YYYY-MM-DD, m/d/yy or m/d/yyyy)', found: 'an empty cell' });
    }
    const day = parsePollDate(cell);
    if (day === undefined) throw new InputError({ file, at: `line ${line}, column ${name}`, expected: 'a date (YYYY-MM-DD, m/d/yy or m/d/yyyy) that exists', found: describeCell(cell) });
    return day;
  };
  const numberAt = (cells: string[], i: number, line: number, name: string): number | undefined => {
    const cell = cellAt(cells, i);
    if (cell === '' || cell.toUpperCase() === 'NA') return undefined;
    const value = parseNumberCell(cell.replace(/%$/, ''), { decimalComma: table.delimiter !== ',' });
    if (value === undefined || value < 0) throw new InputError({ file, at: `line ${line}, column ${name}`, expected: 'a non-negative number', found: describeCell(cell) });
    return value;
  };
  const sampleAt = (cells: string[], i: number, line: number, name: string): number | undefined => {
    const n = numberAt(cells, i, line, name);
    if (n === undefined) return undefined;
    if (!(n >= 1)) throw new InputError({ file, at: `line ${line}, column ${name}`, expected: 'a sample size of at least 1 respondent', found: describeCell(cellAt(cells, i)) });
    return n;
  };
  const populationAt = (cell: string, line: number, name: string): PollPopulation | 'sub' => {
    const p = cell.trim().toLowerCase();
    if (/ - /.test(p)) return 'sub';
    if (p === 'likely voters' || p === 'lv') return 'lv';
    if (p === 'registered voters' || p === 'rv') return 'rv';
    if (p === 'adults' || p === 'a' || p === 'adult') return 'a';
    if (p === 'voters' || p === 'v' || p === '') return 'v';
    throw new InputError({ file, at: `line ${line}, column ${name}`, expected: 'a population: Likely Voters, Registered Voters, Adults (lv, rv, a, v), or a sub-population written "Likely Voters - Democrat"', found: describeCell(cell) });
  };
  return { cellAt, unitAt, dateAt, numberAt, sampleAt, populationAt };
}

/** The Economist's / HuffPost Pollster's layout: one row per poll and population, one column per candidate. */
function readEconomist(r: PollReader): void {
  const { file, sides, options, table, header, read, at, records, column, leave, cellAt, unitAt, dateAt, numberAt, sampleAt, populationAt, candidateOf } = r;
  const state = column('state');
  const pollster = column('pollster', false);
  const n = column('number.of.observations', false);
  const start = column('start.date');
  const end = column('end.date');
  const population = column('population', false);
  const mode = column('mode', false);
  const entry = header.findIndex((h) => h.startsWith('entry.date'));
  const sideColumns = sides.map((side) => {
    const i = findSideColumn(header, side, candidateOf(side), options.nominees?.[side]);
    if (i < 0) {
      throw new InputError({
        file,
        at: 'line 1',
        expected: `a column for ${side}'s candidate (${candidateOf(side) ? `"${candidateOf(side)}" as ${at}.candidates.${side} says` : options.nominees?.[side] ? `the nominee's surname, ${JSON.stringify(surname(options.nominees[side]!))}` : `set ${at}.candidates.${side}`})`,
        found: describeColumns(table.header),
      });
    }
    read[side] = table.header[i].trim();
    return i;
  });
  for (const { line, cells } of table.records) {
    r.recordCount += 1;
    const pop = toplinePopulation(r, cells, population, line);
    if (pop === undefined) continue;
    const unit = unitAt(cells, state, line, 'state');
    const s = dateAt(cells, start, line, 'start.date')!;
    const e = dateAt(cells, end, line, 'end.date')!;
    const a = numberAt(cells, sideColumns[0], line, read[sides[0]]);
    const b = numberAt(cells, sideColumns[1], line, read[sides[1]]);
    if (a === undefined || b === undefined) {
      leave('a side not asked');
      continue;
    }
    const who = cellAt(cells, pollster);
    records.push({
      line,
      pollKey: `${unit}|${who}|${s}|${e}`,
      unit,
      start: s,
      end: e,
      ...optional('published', entry >= 0 ? dateAt(cells, entry, line, table.header[entry].trim(), false) : undefined),
      pollster: who,
      ...optional('sampleSize', sampleAt(cells, n, line, 'number.of.observations')),
      population: pop,
      ...optional('mode', cellAt(cells, mode) || undefined),
      a,
      b,
      columns: `${read[sides[0]]}, ${read[sides[1]]}`,
    });
  }
}

/** FiveThirtyEight's raw-polls record: one row per poll and race, the two leading candidates' percents. */
function readFiveThirtyEightRaw(r: PollReader): void {
  const { sides, options, table, read, records, column, leave, cellAt, unitAt, dateAt, numberAt, sampleAt, candidateOf } = r;
  const location = column('location');
  const typeSimple = column('type_simple');
  const year = column('year', false);
  const pollId = column('poll_id', false);
  const pollster = column('pollster', false);
  const date = column('polldate');
  const n = column('samplesize', false);
  const mode = column('methodology', false);
  const parties = [column('cand1_party'), column('cand2_party')];
  const names = [column('cand1_name', false), column('cand2_name', false)];
  const pcts = [column('cand1_pct'), column('cand2_pct')];
  const raceType = options.raceType ?? 'Pres-G';
  for (const { line, cells } of table.records) {
    r.recordCount += 1;
    if (cellAt(cells, typeSimple) !== raceType) {
      leave('another race');
      continue;
    }
    if (options.year !== undefined && year >= 0 && Number(cellAt(cells, year)) !== options.year) {
      leave('another election year');
      continue;
    }
    // Each side is the candidate named in `candidates`, else the one of its party (DEM, REP).
    const slot = sides.map((side) => {
      for (const k of [0, 1]) {
        const name = cellAt(cells, names[k]);
        const party = cellAt(cells, parties[k]).toUpperCase();
        const wanted = candidateOf(side);
        if (wanted !== undefined ? sameCandidate(name, wanted) : party === PARTY_CODES[side] || (options.nominees?.[side] !== undefined && sameCandidate(name, options.nominees[side]!))) return k;
      }
      return -1;
    });
    if (slot[0] < 0 || slot[1] < 0 || slot[0] === slot[1]) {
      leave('a side not asked');
      continue;
    }
    sides.forEach((side, k) => {
      read[side] ??= candidateOf(side) ?? PARTY_CODES[side] ?? side;
      void k;
    });
    const unit = unitAt(cells, location, line, 'location');
    const day = dateAt(cells, date, line, 'polldate')!;
    const a = numberAt(cells, pcts[slot[0]], line, `cand${slot[0] + 1}_pct`);
    const b = numberAt(cells, pcts[slot[1]], line, `cand${slot[1] + 1}_pct`);
    if (a === undefined || b === undefined) {
      leave('a side not asked');
      continue;
    }
    const who = cellAt(cells, pollster);
    const id = cellAt(cells, pollId);
    records.push({
      line,
      pollKey: id !== '' ? `${unit}|${id}` : `${unit}|${who}|${day}`,
      unit,
      start: day,
      end: day,
      pollster: who,
      ...optional('sampleSize', sampleAt(cells, n, line, 'samplesize')),
      population: 'v',
      ...optional('mode', cellAt(cells, mode) || undefined),
      a,
      b,
      columns: `cand${slot[0] + 1}_pct, cand${slot[1] + 1}_pct`,
    });
  }
}

/** FiveThirtyEight's exports: one row per answer, grouped by question (one record per question). */
function readFiveThirtyEight(r: PollReader): void {
  const { file, sides, options, table, read, at, records, column, leave, cellAt, unitAt, dateAt, numberAt, sampleAt, populationAt, candidateOf } = r;
  const pollId = column('poll_id');
  const questionId = column('question_id');
  const state = column('state');
  const pollster = column('pollster', false);
  const start = column('start_date');
  const end = column('end_date');
  const created = column('created_at', false);
  const n = column('sample_size', false);
  const population = column('population', false);
  const subpopulation = column('subpopulation', false);
  const mode = column('methodology', false);
  const party = column('party', false);
  const answer = column('answer', false);
  const candidateName = column('candidate_name', false);
  const pct = column('pct');
  const cycle = column('cycle', false);
  const stage = column('stage', false);
  const questions = questionGroups(r, questionId);
  for (const { line, cells, answers } of questions.values()) {
    r.recordCount += 1;
    if (stage >= 0 && cellAt(cells, stage) !== '' && cellAt(cells, stage).toLowerCase() !== 'general') {
      leave('another race');
      continue;
    }
    if (options.year !== undefined && cycle >= 0 && cellAt(cells, cycle) !== '' && Number(cellAt(cells, cycle)) !== options.year) {
      leave('another election year');
      continue;
    }
    if (subpopulation >= 0 && cellAt(cells, subpopulation) !== '') {
      leave('sub-population');
      continue;
    }
    const pop = toplinePopulation(r, cells, population, line);
    if (pop === undefined) continue;
    const value = sides.map((side) => {
      let found: number | undefined;
      for (const row of answers) {
        const name = cellAt(row.cells, candidateName) || cellAt(row.cells, answer);
        const wanted = candidateOf(side);
        const match = wanted !== undefined ? sameCandidate(name, wanted) || sameCandidate(cellAt(row.cells, answer), wanted) : cellAt(row.cells, party).toUpperCase() === PARTY_CODES[side] || (options.nominees?.[side] !== undefined && sameCandidate(name, options.nominees[side]!));
        if (!match) continue;
        const v = numberAt(row.cells, pct, row.line, 'pct');
        if (v !== undefined) found = (found ?? 0) + v;
        read[side] ??= wanted ?? (party >= 0 ? PARTY_CODES[side] ?? side : name);
      }
      return found;
    });
    if (value[0] === undefined || value[1] === undefined) {
      leave('a side not asked');
      continue;
    }
    const unit = unitAt(cells, state, line, 'state');
    const who = cellAt(cells, pollster);
    records.push({
      line,
      pollKey: `${unit}|${cellAt(cells, pollId)}`,
      unit,
      start: dateAt(cells, start, line, 'start_date')!,
      end: dateAt(cells, end, line, 'end_date')!,
      ...optional('published', created >= 0 ? dateAt(cells, created, line, 'created_at', false) : undefined),
      pollster: who,
      ...optional('sampleSize', sampleAt(cells, n, line, 'sample_size')),
      population: pop,
      ...optional('mode', cellAt(cells, mode) || undefined),
      a: value[0],
      b: value[1],
      columns: 'pct',
    });
  }
}

/** A plain table: unit, date, sample size and one column per side, or a margin column. */
function readPollTable(r: PollReader): void {
  const { file, sides, table, header, read, at, records, column, leave, cellAt, unitAt, dateAt, numberAt, sampleAt, populationAt, candidateOf } = r;
  const unitColumn = column('unit');
  const date = column('date');
  const start = column('start', false);
  const n = header.indexOf('samplesize') >= 0 ? column('samplesize') : column('sample_size', false);
  const pollster = column('pollster', false);
  const population = column('population', false);
  const marginColumn = column('margin', false);
  const sideColumns = sides.map((side) => {
    const wanted = candidateOf(side);
    return header.findIndex((h) => h === side.toLowerCase() || (wanted !== undefined && h === wanted.trim().toLowerCase()));
  });
  if (marginColumn < 0 && (sideColumns[0] < 0 || sideColumns[1] < 0)) {
    const missing = sides.filter((_, k) => sideColumns[k] < 0);
    throw new InputError({ file, at: 'line 1', expected: `a poll table with a column per side (${missing.join(', ')}) or a margin column`, found: describeColumns(table.header) });
  }
  const byMargin = sideColumns[0] < 0 || sideColumns[1] < 0;
  if (byMargin) {
    read[sides[0]] = 'margin';
    read[sides[1]] = 'margin';
  } else sides.forEach((side, k) => (read[side] = table.header[sideColumns[k]].trim()));
  for (const { line, cells } of table.records) {
    r.recordCount += 1;
    const pop = toplinePopulation(r, cells, population, line);
    if (pop === undefined) continue;
    const unit = unitAt(cells, unitColumn, line, 'unit');
    const e = dateAt(cells, date, line, 'date')!;
    const s = start >= 0 ? dateAt(cells, start, line, 'start', false) ?? e : e;
    const who = cellAt(cells, pollster);
    const base = {
      line,
      pollKey: `${unit}|${who}|${s}|${e}|${line}`,
      unit,
      start: s,
      end: e,
      pollster: who,
      ...optional('sampleSize', sampleAt(cells, n, line, table.header[n]?.trim() ?? 'sampleSize')),
      population: pop,
    };
    if (byMargin) {
      const cell = cellAt(cells, marginColumn);
      const margin = parseNumberCell(cell.replace(/\s*(pp|%)$/i, ''), { decimalComma: table.delimiter !== ',' });
      if (margin === undefined) throw new InputError({ file, at: `line ${line}, column margin`, expected: 'a two-party margin (pp, toward the first side)', found: describeCell(cell) });
      records.push({ ...base, a: 0, b: 0, margin, columns: 'margin' });
    } else {
      const a = numberAt(cells, sideColumns[0], line, read[sides[0]]);
      const b = numberAt(cells, sideColumns[1], line, read[sides[1]]);
      if (a === undefined || b === undefined) {
        leave('a side not asked');
        continue;
      }
      records.push({ ...base, a, b, columns: `${read[sides[0]]}, ${read[sides[1]]}` });
    }
  }
}

/** A record's population (voters when the file has no such column), or undefined for a sub-population row, left out. */
function toplinePopulation(r: PollReader, cells: string[], population: number, line: number): PollPopulation | undefined {
  const pop = population >= 0 ? r.populationAt(r.cellAt(cells, population), line, 'population') : 'v';
  if (pop !== 'sub') return pop;
  r.leave('sub-population');
  return undefined;
}

/** Rows of one question are consecutive in FiveThirtyEight's exports; they are grouped by question_id (an empty one is an InputError). */
function questionGroups(r: PollReader, questionId: number): Map<string, { line: number; cells: string[]; answers: { line: number; cells: string[] }[] }> {
  const questions = new Map<string, { line: number; cells: string[]; answers: { line: number; cells: string[] }[] }>();
  for (const record of r.table.records) {
    const q = r.cellAt(record.cells, questionId);
    if (q === '') throw new InputError({ file: r.file, at: `line ${record.line}, column question_id`, expected: 'a question id', found: 'an empty cell' });
    const group = questions.get(q);
    if (group) group.answers.push(record);
    else questions.set(q, { line: record.line, cells: record.cells, answers: [record] });
  }
  return questions;
}

/**
 * One topline per poll: likely voters first, then the question naming the most candidates; then the
 * latest of each run of a tracking poll's overlapping releases.
 */
function toplines(r: PollReader): RawRecord[] {
  const byPoll = new Map<string, RawRecord[]>();
  for (const record of r.records) {
    const list = byPoll.get(record.pollKey);
    if (list) list.push(record);
    else byPoll.set(record.pollKey, [record]);
  }
  const kept: RawRecord[] = [];
  for (const list of byPoll.values()) {
    list.sort((x, y) => POPULATION_RANK[x.population] - POPULATION_RANK[y.population] || x.a + x.b - (y.a + y.b) || x.line - y.line);
    kept.push(list[0]);
    if (list.length > 1) r.leave('another question of the same poll', list.length - 1);
  }
  return dropOverlappingReleases(kept, r.leave);
}

/** A record as a poll: its two-party margin toward the first side (pp) and the share that decided. */
function toPoll(r: RawRecord, scale: PollScale, file: string): Poll {
  let margin: number;
  let decided: number | undefined;
  if (r.margin !== undefined) {
    margin = scale === 'share' ? r.margin * 100 : r.margin;
    if (!(Math.abs(margin) <= 100)) throw new InputError({ file, at: `line ${r.line}, column margin`, expected: `a two-party margin from −100 to 100 pp${scale === 'share' ? ' (−1 to 1 as a share)' : ''}`, found: describeCell(r.margin) });
  } else {
    const two = r.a + r.b;
    if (two <= 0) throw new InputError({ file, at: `line ${r.line}, columns ${r.columns}`, expected: 'numbers of which at least one is positive', found: `${r.a} and ${r.b}` });
    margin = (100 * (r.a - r.b)) / two;
    decided = scale === 'share' ? two : two / 100;
  }
  const poll: Poll = { line: r.line, unit: r.unit, start: Math.min(r.start, r.end), end: Math.max(r.start, r.end), pollster: r.pollster, population: r.population, margin };
  if (r.start > r.end) throw new InputError({ file, at: `line ${r.line}`, expected: 'a start date on or before the end date', found: 'a start date after the end date' });
  if (decided !== undefined) poll.decided = decided;
  if (r.published !== undefined) poll.published = r.published;
  if (r.sampleSize !== undefined) poll.sampleSize = r.sampleSize;
  if (r.mode !== undefined) poll.mode = r.mode;
  return poll;
}

/** `{key: value}` when value is defined, else `{}` (so optional fields stay absent, not undefined). */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return value === undefined ? {} : ({ [key]: value } as { [P in K]?: V });
}

/** Last word of a name, lower-cased: `Hillary Clinton` → `clinton`. */
function surname(name: string): string {
  const words = name.trim().toLowerCase().split(/\s+/);
  return words[words.length - 1] ?? '';
}

/** Same candidate: equal names (case and spacing aside), or equal surnames when one is a surname only. */
function sameCandidate(written: string, wanted: string): boolean {
  const a = written.trim().toLowerCase().replace(/\s+/g, ' ');
  const b = wanted.trim().toLowerCase().replace(/\s+/g, ' ');
  if (a === '' || b === '') return false;
  if (a === b) return true;
  return (!a.includes(' ') || !b.includes(' ')) && surname(a) === surname(b);
}

/** Column of a side in a one-column-per-candidate layout: the named candidate, the nominee's surname, or the side code. */
function findSideColumn(header: readonly string[], side: Side, candidate: string | undefined, nominee: string | undefined): number {
  if (candidate !== undefined) return header.findIndex((h) => sameCandidate(h, candidate));
  if (nominee !== undefined) {
    const i = header.indexOf(surname(nominee));
    if (i >= 0) return i;
  }
  return header.indexOf(side.toLowerCase());
}

/**
 * Matcher from a unit cell to a territory id: ids and names (any case), districts written
 * `Maine CD-2` or FiveThirtyEight's `M2`/`N2`, and the national markers.
 */
function unitMatcher(units: readonly PollUnit[], format: PollFormat): (cell: string) => string | undefined {
  const byKey = new Map<string, string>();
  for (const u of units) {
    byKey.set(u.id.toLowerCase(), u.id);
    byKey.set(u.name.trim().toLowerCase(), u.id);
  }
  const national = new Set(['--', 'us', 'u.s.', 'usa', 'national']);
  return (cell) => {
    const c = cell.trim().toLowerCase();
    if (c === '' ? format === 'fivethirtyeight' : national.has(c)) return NATIONAL_UNIT;
    const direct = byKey.get(c);
    if (direct !== undefined) return direct;
    const cd = /^(.+?)\s+cd-?(\d)$/.exec(c);
    if (cd) {
      const parent = byKey.get(cd[1]);
      if (parent !== undefined) return byKey.get(`${parent.toLowerCase()}-${cd[2]}`);
    }
    const short = /^([mn])(\d)$/.exec(c);
    if (short) return byKey.get(`${short[1] === 'm' ? 'me' : 'ne'}-${short[2]}`);
    return undefined;
  };
}

/**
 * Of each pollster's overlapping releases in one unit (a tracking poll re-publishing a rolling
 * sample), keeps the latest of each overlapping run: walking back from the latest release, a release
 * is kept when it ended before the last kept one started.
 */
function dropOverlappingReleases(records: RawRecord[], leave: (reason: PollLeftOutReason, n?: number) => void): RawRecord[] {
  const groups = new Map<string, RawRecord[]>();
  for (const r of records) {
    if (r.pollster === '') continue;
    const key = `${r.unit}|${r.pollster}`;
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  const dropped = new Set<RawRecord>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    list.sort((x, y) => y.end - x.end || y.start - x.start || x.line - y.line);
    let lastStart = Number.POSITIVE_INFINITY;
    for (const r of list) {
      if (r.end < lastStart) lastStart = r.start;
      else dropped.add(r);
    }
  }
  if (dropped.size > 0) leave('overlapping release of a tracking poll', dropped.size);
  return records.filter((r) => !dropped.has(r));
}

/**
 * The file's scale: each record's side numbers are shares (both ≤ 1, sum ≤ 1) or percents (sum > 1.5);
 * every record must agree with the others (or with the stated scale). Margins (a table of margins)
 * are pp unless every one lies within ±1, which is ambiguous without a stated scale.
 */
function decideScale(records: RawRecord[], stated: PollScale | undefined, file: string, at: string): { scale: PollScale; detected: boolean } {
  const margins = records.filter((r) => r.margin !== undefined);
  if (margins.length > 0) {
    if (stated) return { scale: stated, detected: false };
    const within = margins.every((r) => Math.abs(r.margin!) <= 1);
    if (within && margins.some((r) => r.margin !== 0)) {
      throw new InputError({
        file,
        at: 'column margin',
        expected: `two-party margins in pp (−7.5 for 7.5 points behind); every one of the ${margins.length} margins lies within ±1, as shares of the two-party vote (−0.075) would: set ${at}.scale to share (margins as shares) or percent (margins in pp)`,
        found: `margins from ${Math.min(...margins.map((r) => r.margin!))} to ${Math.max(...margins.map((r) => r.margin!))}`,
      });
    }
    return { scale: 'percent', detected: true };
  }
  const kind = (r: RawRecord): PollScale | undefined => {
    if (r.a <= 1 && r.b <= 1 && r.a + r.b <= 1.0005) return 'share';
    if (r.a + r.b > 1.5 && r.a + r.b <= 100.5) return 'percent';
    return undefined;
  };
  let shares = 0;
  let percents = 0;
  for (const r of records) {
    const k = kind(r);
    if (k === undefined) {
      throw new InputError({ file, at: `line ${r.line}, columns ${r.columns}`, expected: 'both sides in percents (summing to more than 1.5 and at most 100) or both in shares (each at most 1, summing to at most 1)', found: `${r.a} and ${r.b}` });
    }
    if (k === 'share') shares += 1;
    else percents += 1;
  }
  const scale: PollScale = stated ?? (percents >= shares ? 'percent' : 'share');
  const odd = records.find((r) => kind(r) !== scale);
  if (odd) {
    const others = scale === 'percent' ? percents : shares;
    throw new InputError({
      file,
      at: `line ${odd.line}, columns ${odd.columns}`,
      expected: stated
        ? `${scale === 'percent' ? 'percents (45 for 45 %)' : 'shares (0.45 for 45 %)'}, as ${at}.scale says`
        : `${scale === 'percent' ? 'percents (45 for 45 %)' : 'shares (0.45 for 45 %)'} like the file's other ${others} poll${others === 1 ? '' : 's'}: write every poll in one scale`,
      found: `${odd.a} and ${odd.b}, ${scale === 'percent' ? 'shares' : 'percents'}`,
    });
  }
  return { scale, detected: stated === undefined };
}
