/**
 * Loads published election results from data/ (Node-only edge; parsing lives in src/data/usResults.ts and
 * frenchResults.ts).
 */
import { InputError, describeValue } from '../../errors.js';
import { readDataFile, type DataDirectoryOptions } from './dataDirectory.js';
import { parseUsResults, usResultYears, type LoadedResults } from '../../data/usResults.js';
import { frenchResultYears, parseFrenchResults } from '../../data/frenchResults.js';
import type { DataText } from '../../data/dataText.js';

/** Countries with results in data/. */
export type ResultsCountry = 'us' | 'fr';

/** What to load: country, year and, for France, the round. */
export interface LoadResultsOptions extends DataDirectoryOptions {
  country: ResultsCountry;
  /** Election year: US 2000, 2004, ..., 2024; France 2007, 2012 or 2022. */
  year: number;
  /** France only: round 1 or 2 (default 2). */
  round?: number;
}

function read(name: string, options: DataDirectoryOptions): DataText {
  const { path, text } = readDataFile(name, options);
  return { file: path, text };
}

function checkCountry(country: unknown): asserts country is ResultsCountry {
  if (country !== 'us' && country !== 'fr') {
    throw new InputError({ at: 'country', expected: 'one of "us", "fr"', found: describeValue(country) });
  }
}

/**
 * Loads the results of one election: US presidential by state, DC and ME/NE district, or French
 * presidential by département. The object is exactly what `campaign-lab results --json` prints.
 *
 * @param options `country` (`us` | `fr`), `year`, `round` (France, default 2), `dataDirectory`.
 * @returns Units with votes per side and `other`, weights, winners, regions and eligible voters,
 *   plus weight totals and the national popular vote.
 * @throws {InputError} for an unknown country, a year or round the data does not hold (the message
 *   lists those it does), a round given for the US, or a missing or malformed file (file, line, column).
 * @example
 * loadResults({country: 'us', year: 2016}).weightTotals // => { D: 232, R: 306 }
 */
export function loadResults(options: LoadResultsOptions): LoadedResults {
  checkCountry(options.country);
  if (!Number.isInteger(options.year)) throw new InputError({ at: 'year', expected: 'an integer year', found: describeValue(options.year) });
  if (options.country === 'us') {
    if (options.round !== undefined) throw new InputError({ at: 'round', expected: 'absent for US results (one round)', found: describeValue(options.round) });
    return parseUsResults(
      {
        units: read('us_units.csv', options),
        results: read('us_president_results.csv', options),
        turnout: read('us_turnout.csv', options),
        candidates: read('us_candidates.json', options),
      },
      options.year,
    );
  }
  return parseFrenchResults(
    {
      departements: read('fr_departements.csv', options),
      turnout: read('fr_president_turnout.csv', options),
      votes: read('fr_president_votes.csv', options),
      candidates: read('fr_candidates.json', options),
    },
    { year: options.year, ...(options.round === undefined ? {} : { round: options.round }) },
  );
}

/**
 * Election years with results in data/ for a country.
 *
 * @param country `us` or `fr`.
 * @param options `dataDirectory` reads another folder.
 * @returns Sorted years.
 * @throws {InputError} for an unknown country or a malformed table.
 * @example
 * availableYears('fr') // => [2007, 2012, 2022]
 */
export function availableYears(country: ResultsCountry, options: DataDirectoryOptions = {}): number[] {
  checkCountry(country);
  return country === 'us'
    ? usResultYears(read('us_president_results.csv', options))
    : frenchResultYears(read('fr_president_turnout.csv', options));
}
