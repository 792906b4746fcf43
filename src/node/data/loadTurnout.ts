/**
 * Loads data/us_turnout.csv (Node-only edge; parsing lives in src/data/turnout.ts).
 */
import { readDataFile, type DataDirectoryOptions } from './dataDirectory.js';
import { parseTurnout, type Turnout } from '../../data/turnout.js';

/**
 * Loads the voting-eligible population and turnout by state for one US presidential election.
 *
 * @param year Election year (2000, 2004, ..., 2024).
 * @param options `dataDirectory` reads another folder.
 * @returns State rows and the national row.
 * @throws {InputError} for a year the table does not hold (listing those it does) or a malformed file.
 * @example
 * loadTurnout(2000).units.length // => 51
 */
export function loadTurnout(year: number, options: DataDirectoryOptions = {}): Turnout {
  const { path, text } = readDataFile('us_turnout.csv', options);
  return parseTurnout({ file: path, text }, year);
}
