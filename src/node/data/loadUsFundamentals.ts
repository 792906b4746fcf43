/**
 * Loads data/us_fundamentals.csv, the inputs and outcomes of Abramowitz's time-for-change model
 * (Node-only edge; parsing and the model are in src/polls/timeForChange.ts).
 */
import { readDataFile, type DataDirectoryOptions } from './dataDirectory.js';
import { parseUsFundamentals, type FundamentalsRow } from '../../polls/timeForChange.js';

/** Name of the fundamentals table in data/. */
const US_FUNDAMENTALS_FILE = 'us_fundamentals.csv';

/**
 * Reads the time-for-change table, 1948–2016.
 *
 * @param options `dataDirectory` reads another folder (tests).
 * @returns one row per election, in year order
 * @throws {InputError} naming the file, line and column of a bad cell
 * @example
 * loadUsFundamentals().find((r) => r.year === 2016) // => { year: 2016, incumbentParty: 'D', firstTerm: false, juneNetApproval: 4, q2GdpGrowth: 1.1, incumbentShare: 51.1 }
 */
export function loadUsFundamentals(options: DataDirectoryOptions = {}): FundamentalsRow[] {
  const { path, text } = readDataFile(US_FUNDAMENTALS_FILE, options);
  return parseUsFundamentals({ file: path, text });
}
