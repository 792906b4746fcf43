/**
 * Loads data/us_electoral_votes_cast.csv (Node-only edge; parsing lives in src/data/electoralVotesCast.ts).
 */
import { readDataFile, type DataDirectoryOptions } from './dataDirectory.js';
import { parseElectoralVotesCast, type ElectoralVotesCast } from '../../data/electoralVotesCast.js';

/**
 * Electoral votes cast by the electors in one US presidential election (not the pledged votes of the
 * results table).
 *
 * @param year Election year (2000, 2004, ..., 2024).
 * @param options `dataDirectory` reads another folder.
 * @throws {InputError} for a year the table does not hold or a malformed file.
 * @example
 * loadElectoralVotesCast(2016).R // => 304
 */
export function loadElectoralVotesCast(year: number, options: DataDirectoryOptions = {}): ElectoralVotesCast {
  const { path, text } = readDataFile('us_electoral_votes_cast.csv', options);
  return parseElectoralVotesCast({ file: path, text }, year);
}
