/**
 * Electoral votes as cast by the electors and counted by Congress, from data/us_electoral_votes_cast.csv.
 * The results tables carry the electoral votes *pledged* by each unit's winner; the two differ where
 * electors were faithless or abstained (2000, 2004, 2016). Text in, typed rows out (no file access).
 */
import { CsvCells, parseCsvText } from './parseCsvText.js';
import { unavailableError } from './availableYearsError.js';
import type { DataText } from './dataText.js';
import { InputError } from '../errors.js';

/** Electoral votes cast in one US presidential election, as counted by Congress. */
export interface ElectoralVotesCast {
  year: number;
  /** Electoral votes cast for the Democratic and Republican nominees. */
  D: number;
  R: number;
  /** Electoral votes cast for anyone else (faithless electors). */
  other: number;
  /** Electors who cast no vote (blank ballot). */
  notCast: number;
  /** Electors appointed (538). */
  total: number;
  /** Which electors departed from their pledge; empty when none did. */
  note: string;
  /** Citation of the table. */
  source: string;
}

/** Citation of data/us_electoral_votes_cast.csv (data/SOURCES.md). */
const ELECTORAL_VOTES_CAST_SOURCE =
  'Electoral votes as counted by Congress in joint session (National Archives, Office of the Federal Register, Electoral College results); see data/SOURCES.md';

/**
 * Electoral votes cast in one year.
 *
 * @param table Text of data/us_electoral_votes_cast.csv.
 * @param year Election year (2000, 2004, ..., 2024).
 * @returns The votes cast per side, others and blanks; they sum to `total`.
 * @throws {InputError} on a malformed table (file, line, column), a row whose counts do not sum to its
 *   total, or a year the table does not hold (listing those it does).
 * @example
 * parseElectoralVotesCast(text, 2016) // => {year: 2016, D: 227, R: 304, other: 7, notCast: 0, total: 538, note: 'Texas: ...', source: '...'}
 */
export function parseElectoralVotesCast(table: DataText, year: number): ElectoralVotesCast {
  const parsed = parseCsvText(table.text, table.file, ['year', 'D', 'R', 'other', 'not_cast', 'total', 'note']);
  const cells = new CsvCells(parsed);
  const years: number[] = [];
  let found: ElectoralVotesCast | undefined;
  for (const r of parsed.records) {
    const y = cells.count(r, 'year');
    years.push(y);
    const row: ElectoralVotesCast = {
      year: y,
      D: cells.count(r, 'D'),
      R: cells.count(r, 'R'),
      other: cells.count(r, 'other'),
      notCast: cells.count(r, 'not_cast'),
      total: cells.count(r, 'total'),
      note: cells.raw(r, 'note').trim(),
      source: ELECTORAL_VOTES_CAST_SOURCE,
    };
    if (row.D + row.R + row.other + row.notCast !== row.total) {
      throw new InputError({ file: table.file, at: `line ${r.line}`, expected: `D + R + other + not_cast = total (${row.total})`, found: String(row.D + row.R + row.other + row.notCast) });
    }
    if (y === year) found = row;
  }
  if (!found) throw unavailableError(table.file, 'year', years, year);
  return found;
}
