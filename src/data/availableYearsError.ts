/**
 * One error for a year (or round) that the data does not hold, listing the ones it does.
 */
import { InputError } from '../errors.js';

/**
 * Builds the error for a year that is not in a table: `<file>: year must be one of 2000, 2004, ..., got 2001`.
 *
 * @param file Table the year was looked up in.
 * @param what Key named in the message (`year`, `round`).
 * @param available Values the table holds.
 * @param found Value asked for.
 * @returns The error, ready to throw.
 * @example
 * unavailableError('data/us_president_results.csv', 'year', [2000, 2004], 2001).message
 * // => 'data/us_president_results.csv: year must be one of 2000, 2004, got 2001'
 */
export function unavailableError(file: string, what: string, available: readonly number[], found: unknown): InputError {
  return new InputError({ file, at: what, expected: `one of ${available.join(', ')}`, found: String(found) });
}
