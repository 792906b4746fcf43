/**
 * Voting-eligible population and turnout by state (McDonald / UF Election Lab), from
 * data/us_turnout.csv. Text in, typed rows out (no file access).
 */
import { CsvCells, parseCsvText } from './parseCsvText.js';
import { unavailableError } from './availableYearsError.js';
import type { DataText } from './dataText.js';
import { InputError } from '../errors.js';

/** Turnout of one state, DC, or the nation (`US`). */
export interface TurnoutRow {
  /** USPS code, or `US` for the national row. */
  id: string;
  /** Voting-eligible population, count. */
  vep: number;
  /** Voting-age population, count. */
  vap: number;
  /** Total ballots counted; absent where McDonald gives none (13 states in 2000, 4 in 2004, 3 in 2008). */
  totalBallots?: number;
  /** Total ballots / VEP, share 0–1; absent where the ballots are. */
  vepTurnoutRate?: number;
}

/** Turnout of one election year. */
export interface Turnout {
  year: number;
  /** 50 states and DC. */
  units: TurnoutRow[];
  /** The national row; its VEP includes eligible citizens overseas, so it exceeds the sum of the states by 1–3%. */
  national: TurnoutRow;
  /** Citation for the table. */
  source: string;
}

/**
 * Builds the turnout of one presidential election year.
 *
 * @param turnout Text of data/us_turnout.csv.
 * @param year Election year (2000, 2004, ..., 2024; 2024 is McDonald's preliminary v0.3).
 * @returns State rows and the national row.
 * @throws {InputError} on a malformed table (file, line, column) or a year it does not hold (listing those it does).
 * @example
 * parseTurnout(text, 2020).national.vep // => 242077783
 */
export function parseTurnout(turnout: DataText, year: number): Turnout {
  const table = parseCsvText(turnout.text, turnout.file, ['year', 'id', 'vep', 'vap', 'total_ballots', 'vep_turnout_rate']);
  const cells: CsvCells = new CsvCells(table);
  const years = new Set<number>();
  const rows: TurnoutRow[] = [];
  for (const r of table.records) {
    const y = cells.count(r, 'year');
    years.add(y);
    if (y !== year) continue;
    const row: TurnoutRow = { id: cells.text(r, 'id'), vep: cells.count(r, 'vep'), vap: cells.count(r, 'vap') };
    const ballots = cells.optionalCount(r, 'total_ballots');
    const rate = cells.optionalShare(r, 'vep_turnout_rate');
    if (ballots !== undefined) row.totalBallots = ballots;
    if (rate !== undefined) row.vepTurnoutRate = rate;
    rows.push(row);
  }
  if (rows.length === 0) throw unavailableError(turnout.file, 'year', [...years].sort((a, b) => a - b), year);
  const national = rows.find((r) => r.id === 'US');
  if (!national) throw new InputError({ file: turnout.file, at: `year ${year}`, expected: 'a national row with id "US"', found: 'none' });
  return {
    year,
    units: rows.filter((r) => r.id !== 'US'),
    national,
    source:
      year === 2024
        ? 'McDonald / UF Election Lab, 2024 General Election Turnout v0.3 (preliminary); see data/SOURCES.md'
        : 'McDonald / UF Election Lab, 1980-2022 General Election Turnout Rates; see data/SOURCES.md',
  };
}
