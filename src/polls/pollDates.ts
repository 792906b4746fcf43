/**
 * Calendar dates of polls as whole days: the number of days since 1970-01-01 (UTC), so differences
 * are days and no time zone ever enters. Browser-safe.
 */

/** Days since 1970-01-01 of a calendar date (proleptic Gregorian); no check of the day's range. */
function dayFromParts(year: number, month: number, day: number): number {
  return Math.floor(Date.UTC(year, month - 1, day) / 86_400_000);
}

/**
 * Reads a date written `YYYY-MM-DD` (ISO 8601, optionally followed by a time, as in
 * `2016-11-08T12:16:30Z`), `M/D/YYYY` or `M/D/YY` (US order, as the Economist's, HuffPost Pollster's and
 * FiveThirtyEight's files write it; a two-digit year 00–68 is 2000–2068, 69–99 is 1969–1999, the POSIX
 * `%y` rule).
 *
 * @param text the cell
 * @returns days since 1970-01-01, or `undefined` when the text is not such a date or names a day that
 *   does not exist (2/30/16)
 * @example
 * parsePollDate('11/7/16') // => 17112
 * parsePollDate('2016-11-07') // => 17112
 * parsePollDate('2/30/16') // => undefined
 */
export function parsePollDate(text: string): number | undefined {
  const t = text.trim();
  let year: number;
  let month: number;
  let day: number;
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+Z?)?$/.exec(t);
  if (m) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = Number(m[3]);
  } else {
    m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/.exec(t);
    if (!m) return undefined;
    month = Number(m[1]);
    day = Number(m[2]);
    year = Number(m[3]);
    if (m[3].length === 2) year += year <= 68 ? 2000 : 1900;
  }
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const n = dayFromParts(year, month, day);
  // A day past the month's end rolls over into the next month: refuse it.
  if (formatPollDate(n) !== `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`) return undefined;
  return n;
}

/**
 * Writes a day number as `YYYY-MM-DD`.
 *
 * @example
 * formatPollDate(17112) // => '2016-11-07'
 */
export function formatPollDate(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Day of a US presidential election: the Tuesday after the first Monday of November (3 U.S.C. § 1).
 *
 * @param year election year
 * @returns days since 1970-01-01
 * @example
 * formatPollDate(usElectionDay(2016)) // => '2016-11-08'
 * formatPollDate(usElectionDay(2012)) // => '2012-11-06'
 */
export function usElectionDay(year: number): number {
  const first = dayFromParts(year, 11, 1);
  // 1970-01-01 was a Thursday: weekday 0 = Sunday … 6 = Saturday.
  const weekday = (((first + 4) % 7) + 7) % 7;
  const firstMonday = first + ((8 - weekday) % 7);
  return firstMonday + 1;
}
