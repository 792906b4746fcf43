/**
 * Counts a campaign's own supporter list per territory without keeping anything else from it.
 *
 * Why: a campaign's list holds names, e-mail addresses and phone numbers that must not leave its
 * hands, but the model only needs how many supporters live in each territory. This streams the file
 * (CSV in any usual encoding and delimiter, or .xlsx; memory stays flat whatever the size), maps the
 * chosen column to a result unit, and returns counts only.
 *
 * Every data row ends in exactly one bucket, so `rows = placed + empty + filtered + unrecognised`:
 * - `placed` in a territory (`counts`);
 * - `empty`: the territory cell is blank;
 * - `filtered`: the row's country column (`countryColumn`) holds another country;
 * - `unrecognised`, by reason (`unrecognisedByReason`, see {@link UnrecognisedReason}).
 * The distinct unrecognised values are reported only when they are shaped like a place name or code,
 * shared by at least {@link MIN_ROWS_REPORTED} rows, and the column is evidently a territory column (at
 * least half the rows placed): an e-mail address, a phone number or free text is counted, never kept or
 * printed, and a value typed once (a name in the wrong field) is counted, never printed.
 *
 * Node-only (file reading).
 */
import { InputError, describeColumns } from '../errors.js';
import { readListRecords } from './readListRecords.js';
import { LOW_PLACED_SHARE } from './lowPlacedShare.js';
import { createTerritoryMatcher, normaliseName } from './territoryMatcher.js';
import type { ListCountry, UnrecognisedReason } from './territoryMatcher.js';
import type { Delimiter, TextEncodingName } from '../io/decodeText.js';

/** Distinct unrecognised values kept while reading (the most frequent are reported). */
export const MAX_DISTINCT_KEPT = 1000;
/** Distinct unrecognised values reported. */
export const MAX_DISTINCT_REPORTED = 20;
/**
 * Fewest rows an unrecognised value must share to be reported: a value typed once or twice may be a
 * person's name typed into the wrong field, while one shared by three or more rows cannot single out a
 * person (the k-anonymity idea, k = 3: Sweeney 2002, Int. J. Uncertainty, Fuzziness and Knowledge-Based
 * Systems 10(5)); misspelt or foreign places (`Pensylvania`, `Ontario`) recur in real lists.
 */
export const MIN_ROWS_REPORTED = 3;

/** What {@link summarizeSupporterList} returns and `campaign-lab list summarize --json` prints. */
export interface SupporterListCounts {
  /** Marks the document so a scenario's `allocation: {file: …}` can recognise it. */
  kind: 'supporter-list-counts';
  country: ListCountry;
  /** Header of the column that was read. */
  territoryColumn: string;
  /** The row filter, when one was given: rows whose `column` is none of `values` are `filtered`. */
  countryFilter?: { column: string; values: string[] };
  /** How the file was read. */
  format: 'csv' | 'xlsx';
  encoding?: TextEncodingName;
  separator?: Delimiter;
  /** Data rows read (header and blank lines excluded). rows = placed + empty + filtered + unrecognised. */
  rows: number;
  placed: number;
  empty: number;
  filtered: number;
  unrecognised: number;
  /** Unrecognised rows by reason; keys sorted alphabetically, every reason present. */
  unrecognisedByReason: Record<UnrecognisedReason, number>;
  /** Supporters per unit id (USPS code, département code), keys sorted in code-unit order (`01` … `19`, `21` … `29`, `2A`, `2B`, `30` … `971` … `ZX`, `ZZ`). */
  counts: Record<string, number>;
  /** Placed rows found through a ZIP code (US) and through a postcode whose lost leading zero was restored (`1000` → `01000`). */
  placedByZip: number;
  restoredLeadingZeros: number;
  /** The most frequent distinct unrecognised values shaped like a place and shared by at least 3 rows, with their rows (empty when the column does not look like a territory column). */
  unrecognisedValues: { value: string; rows: number }[];
  /** Rows whose value another country's territories would match by name or code (a hint of the wrong `--country`). */
  otherCountryRows: number;
  /** Warnings about the list: few rows placed, rows of other countries left in. */
  warnings: string[];
}

/** Options of {@link summarizeSupporterList}. */
export interface SummarizeSupporterListOptions {
  country: ListCountry;
  /** Header of the column holding the territory (state, département, postcode, ZIP, `State/Zip`); case-insensitive. */
  territoryColumn: string;
  /** Header of a column holding each row's country; with `countryValues`, other rows are `filtered`. */
  countryColumn?: string;
  /** Values of `countryColumn` kept (case, accents and punctuation ignored: `us`, `U.S.`, `United States`). */
  countryValues?: string[];
  /** Called now and then with bytes read so far and the file size, for a progress bar. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** Headers recognised as a country column when none is given (to warn about rows of other countries). */
const COUNTRY_HEADERS = new Set(['COUNTRY', 'COUNTRY CODE', 'COUNTRYCODE', 'COUNTRY CODE ISO', 'PAYS', 'CODE PAYS']);
/** Values of a country column that mean the list's country. */
const COUNTRY_NAMES: Record<ListCountry, string[]> = {
  us: ['US', 'USA', 'U S', 'U S A', 'UNITED STATES', 'UNITED STATES OF AMERICA', 'ETATS UNIS'],
  fr: ['FR', 'FRA', 'FRANCE', 'REPUBLIQUE FRANCAISE'],
};

const REASONS: readonly UnrecognisedReason[] = ['email', 'missing-column', 'outside-territories', 'phone', 'text', 'unknown-place', 'unknown-postcode'];

/**
 * Streams a supporter list and counts rows per territory.
 *
 * @param file path of a CSV (UTF-8 with or without BOM, Latin-1/Windows-1252, UTF-16; `,` `;` or tab) or an .xlsx workbook
 * @throws InputError when the file cannot be read, is empty, has no such column, has an unclosed quote,
 *   has only a header, or places no row at all (with the likely cause); never quoting a cell that is not shaped like a column name
 * @example
 * // supporters.csv:  name,state\nAda,FL\nBo,N.C.\nCy,Nowhere\n
 * await summarizeSupporterList('supporters.csv', { country: 'us', territoryColumn: 'state' })
 * // => { kind: 'supporter-list-counts', country: 'us', territoryColumn: 'state', format: 'csv', encoding: 'utf-8', separator: ',',
 * //      rows: 3, placed: 2, empty: 0, filtered: 0, unrecognised: 1, unrecognisedByReason: { ..., 'unknown-place': 1, ... },
 * //      counts: { FL: 1, NC: 1 }, ..., warnings: [] }
 */
export async function summarizeSupporterList(file: string, options: SummarizeSupporterListOptions): Promise<SupporterListCounts> {
  const { country, territoryColumn, onProgress, signal } = options;
  if ((options.countryColumn === undefined) !== (options.countryValues === undefined || options.countryValues.length === 0)) {
    throw new InputError({ at: options.countryColumn === undefined ? '--country-value' : '--country-column', expected: 'given together with --country-column and --country-value', found: 'only one of them' });
  }
  const match = createTerritoryMatcher(country);
  const other = createTerritoryMatcher(country === 'us' ? 'fr' : 'us');
  const kept = new Set((options.countryValues ?? []).map(normaliseName));
  const ours = new Set(COUNTRY_NAMES[country]);

  let header: string[] | undefined;
  let column = -1;
  let countryAt = -1;
  let autoCountryAt = -1;
  let state = freshState();
  const onRecord = (cells: string[], line: number) => {
    if (header === undefined) {
      header = cells.map((h) => h.trim());
      column = findColumn(file, header, territoryColumn, line, '--territory-column', match);
      if (options.countryColumn !== undefined) countryAt = findColumn(file, header, options.countryColumn, line, '--country-column', match);
      else autoCountryAt = header.findIndex((h) => COUNTRY_HEADERS.has(normaliseName(h)));
      return;
    }
    state.rows += 1;
    if (countryAt >= 0 && !kept.has(normaliseName(cells[countryAt] ?? ''))) {
      state.filtered += 1;
      return;
    }
    if (autoCountryAt >= 0) {
      const value = normaliseName(cells[autoCountryAt] ?? '');
      if (value !== '' && !ours.has(value)) state.otherCountryColumnRows += 1;
    }
    if (column >= cells.length) {
      state.byReason['missing-column'] += 1;
      return;
    }
    const value = cells[column];
    const result = match(value);
    if ('id' in result) {
      state.placed += 1;
      state.counts.set(result.id, (state.counts.get(result.id) ?? 0) + 1);
      if (result.via === 'zip') state.placedByZip += 1;
      else if (result.via === 'restored-zero') state.restoredLeadingZeros += 1;
      return;
    }
    if (result.reason === 'empty') {
      state.empty += 1;
      return;
    }
    state.byReason[result.reason] += 1;
    if (result.reason === 'unknown-place' || result.reason === 'unknown-postcode') {
      const byName = other(value);
      if ('id' in byName && byName.via === undefined && !/^\d+$/.test(value.trim())) state.otherCountryRows += 1;
      const key = value.trim();
      const seen = state.distinct.get(key);
      if (seen !== undefined) state.distinct.set(key, seen + 1);
      else if (state.distinct.size < MAX_DISTINCT_KEPT) state.distinct.set(copyString(key), 1);
    }
  };
  const format = await readListRecords(file, {
    onRecord,
    onProgress,
    signal,
    onRestart: () => {
      header = undefined;
      state = freshState();
    },
  });
  if (header === undefined) throw new InputError({ file, expected: 'a CSV or .xlsx file with a header line', found: 'only blank space' });
  const unrecognised = REASONS.reduce((s, r) => s + state.byReason[r], 0);
  const counts: Record<string, number> = {};
  for (const id of [...state.counts.keys()].sort(codeUnitOrder)) counts[id] = state.counts.get(id) as number;
  const placedShare = state.rows > 0 ? state.placed / state.rows : 0;
  const result: SupporterListCounts = {
    kind: 'supporter-list-counts',
    country,
    territoryColumn: header[column],
    ...(countryAt >= 0 ? { countryFilter: { column: header[countryAt], values: options.countryValues! } } : {}),
    ...format,
    rows: state.rows,
    placed: state.placed,
    empty: state.empty,
    filtered: state.filtered,
    unrecognised,
    unrecognisedByReason: Object.fromEntries(REASONS.map((r) => [r, state.byReason[r]])) as Record<UnrecognisedReason, number>,
    counts,
    placedByZip: state.placedByZip,
    restoredLeadingZeros: state.restoredLeadingZeros,
    unrecognisedValues:
      placedShare >= LOW_PLACED_SHARE
        ? [...state.distinct.entries()]
            .filter(([, rows]) => rows >= MIN_ROWS_REPORTED)
            .sort((a, b) => b[1] - a[1] || codeUnitOrder(a[0], b[0]))
            .slice(0, MAX_DISTINCT_REPORTED)
            .map(([value, rows]) => ({ value, rows }))
        : [],
    otherCountryRows: state.otherCountryRows,
    warnings: [],
  };
  const cause = likelyCause(result, state.otherCountryColumnRows, autoCountryAt >= 0 ? header[autoCountryAt] : undefined);
  if (state.rows === 0) {
    throw new InputError({ file, expected: 'data rows after the header', found: 'only a header' });
  }
  if (state.placed === 0) {
    throw new InputError({ file, at: `column ${JSON.stringify(header[column])}`, expected: `values that place rows in ${country === 'us' ? 'US states' : 'French départements'}`, found: `none of ${state.rows} rows placed`, hint: cause });
  }
  if (placedShare < LOW_PLACED_SHARE) {
    result.warnings.push(`only ${formatPercent(placedShare)} of the rows (${state.placed} of ${state.rows}) were placed in a territory${cause ? `; ${cause}` : ''}`);
  }
  // Numbers alone cannot tell a US ZIP code from a French postcode; the column's name can.
  const columnKey = normaliseName(header[column]);
  const otherCountryColumn = country === 'fr' ? /^ZIP( ?CODE)?$/.test(columnKey) : /^(CODE POSTAL|CP)$/.test(columnKey);
  if (otherCountryColumn && state.placed > 0) {
    result.warnings.push(
      `column ${JSON.stringify(header[column])} is named like ${country === 'fr' ? 'US ZIP codes' : 'French postcodes'}, read here as ${country === 'fr' ? 'French postcodes' : 'US ZIP codes'}: is --country ${country} the right country?`,
    );
  }
  if (autoCountryAt >= 0 && state.otherCountryColumnRows > 0) {
    const name = JSON.stringify(header[autoCountryAt]);
    result.warnings.push(
      `${state.otherCountryColumnRows} rows name another country than ${country.toUpperCase()} in column ${name} but were matched as ${country.toUpperCase()} rows; leave them out with --country-column ${name} --country-value ${country.toUpperCase()}`,
    );
  }
  return result;
}

function freshState() {
  return {
    rows: 0,
    placed: 0,
    empty: 0,
    filtered: 0,
    placedByZip: 0,
    restoredLeadingZeros: 0,
    otherCountryRows: 0,
    otherCountryColumnRows: 0,
    byReason: Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<UnrecognisedReason, number>,
    counts: new Map<string, number>(),
    distinct: new Map<string, number>(),
  };
}

/** Index of a header, case-insensitively; an InputError listing the headers (only those shaped like column names) when absent. */
function findColumn(file: string, header: string[], wanted: string, line: number, option: string, match: (v: string) => { id?: string } | object): number {
  const w = wanted.trim().toLowerCase();
  const at = header.findIndex((h) => h.toLowerCase() === w);
  if (at < 0) {
    throw new InputError({
      file,
      at: `line ${line} (header)`,
      expected: `a column named ${JSON.stringify(wanted)} (${option})`,
      // A first line that is really data (no header, a title line) must not be echoed.
      found: describeColumns(header, (cell) => 'id' in match(cell)),
    });
  }
  return at;
}

/**
 * The likely cause of a list that places few or no rows, from the bucket counts.
 *
 * @example
 * likelyCause({ rows: 10, empty: 10, ... }) // => 'the column is empty in most rows: is --territory-column the right column?'
 */
export function likelyCause(c: Pick<SupporterListCounts, 'rows' | 'placed' | 'empty' | 'filtered' | 'unrecognisedByReason' | 'otherCountryRows' | 'country' | 'countryFilter'>, otherCountryColumnRows = 0, countryHeader?: string): string | undefined {
  const r = c.unrecognisedByReason;
  const lost = c.rows - c.placed;
  if (lost === 0) return undefined;
  const major = (n: number) => n > 0 && n >= lost / 2;
  const otherName = c.country === 'us' ? 'French départements' : 'US states';
  if (major(c.filtered)) return `--country-value kept only ${c.rows - c.filtered} of ${c.rows} rows: check the values of column ${JSON.stringify(c.countryFilter?.column ?? '')}`;
  if (major(c.otherCountryRows)) return `most values are ${otherName}: is --country ${c.country} the right country?`;
  if (major(c.empty)) return 'the column is empty in most rows: is --territory-column the right column?';
  if (major(r.email + r.phone + r.text)) return 'the column holds e-mail addresses, phone numbers or free text: is --territory-column the right column?';
  if (major(r['missing-column'])) return 'most rows have fewer fields than the header: is the delimiter right, or are lines cut?';
  if (major(r['unknown-postcode'])) {
    return c.country === 'fr' ? 'most values are numbers that are no French postcode: are they ZIP codes of another country?' : 'most values are numbers that are no US ZIP code: are they postcodes of another country?';
  }
  if (major(otherCountryColumnRows)) return `most rows have another country in column ${JSON.stringify(countryHeader ?? '')}: filter with --country-column and --country-value`;
  if (major(r['unknown-place'])) return `most values are no ${c.country === 'us' ? 'US state name, USPS code or ZIP code' : 'département code, name or postcode'}: is --territory-column the right column, and --country ${c.country} the right country?`;
  return undefined;
}

function formatPercent(share: number): string {
  return `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`;
}

/** Sorts strings by UTF-16 code units (what `Array.prototype.sort` does by default), written out for clarity. */
function codeUnitOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * A flat copy of a string that shares no memory with the string it was sliced from. Joined in one go:
 * adding characters one by one leaves a chain of string pieces, about 700 bytes for a 30-character key.
 */
function copyString(value: string): string {
  return value.split('').join('');
}

/**
 * The counts document as JSON text with its keys in the documented order. `JSON.stringify` puts
 * integer-like keys (`971`, `988`) first in any object, so `counts` is written out by hand.
 *
 * @example
 * countsToJsonText({ ...doc, counts: { '01': 3, '971': 1 } }) // => '{\n  "kind": ..., "counts": {\n    "01": 3,\n    "971": 1\n  }, ...}\n'
 */
export function countsToJsonText(doc: SupporterListCounts): string {
  const marker = '"__counts__"';
  const text = JSON.stringify({ ...doc, counts: '__counts__' }, null, 2);
  const entries = Object.keys(doc.counts)
    .sort(codeUnitOrder)
    .map((id) => `    ${JSON.stringify(id)}: ${doc.counts[id]}`);
  const block = entries.length === 0 ? '{}' : `{\n${entries.join(',\n')}\n  }`;
  return `${text.replace(marker, block)}\n`;
}
