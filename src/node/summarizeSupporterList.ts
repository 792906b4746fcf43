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
 * - `filtered`: the row's country column holds another country: the column given (`countryColumn`, with
 *   `countryValues`), or else the one the export names a country column (`country`, `country_code`,
 *   `primary_country_code`, `Country/Region`, `Pays`, `Code pays`…; see countryColumn.ts), whose values are
 *   read by code and by name (`US`, `USA`, `United States`; `Georgia` is the country GE). A row of another
 *   country is never placed, so Brussels 1000 is never "restored" to 01000 in Ain, nor Georgia the
 *   country counted in Georgia the state. A row whose country cell is empty is kept, read as a row of the
 *   list's country, and counted (`emptyCountry`);
 * - `unrecognised`, by reason (`unrecognisedByReason`, see {@link UnrecognisedReason}).
 * The distinct unrecognised values are reported only when they are shaped like a code (`FL`, `75001`,
 * `2A`) or within a typo of a territory name (`Pensylvania`), shared by at least {@link MIN_ROWS_REPORTED}
 * rows, and the column is evidently a territory column (at least half the rows placed): a name, an e-mail
 * address, a phone number or free text is counted by reason, never kept or printed.
 *
 * Node-only (file reading).
 */
import { InputError, describeColumns } from '../errors.js';
import { readListRecords } from './readListRecords.js';
import { LOW_PLACED_SHARE } from '../list/lowPlacedShare.js';
import { createTerritoryMatcher, normaliseName } from '../list/territoryMatcher.js';
import type { ListCountry, UnrecognisedReason } from '../list/territoryMatcher.js';
import { countryCode, findCountryColumn, headerWords, OWN_COUNTRY_CODES } from '../list/countryColumn.js';
import { FR_DEPARTEMENTS, US_STATES } from '../list/territoryNames.js';
import { editDistance } from '../scenario/didYouMean.js';
import type { Delimiter, TextEncodingName } from '../io/decodeText.js';

/** Distinct unrecognised values kept while reading (the most frequent are reported). */
const MAX_DISTINCT_KEPT = 1000;
/** Distinct unrecognised values reported. */
const MAX_DISTINCT_REPORTED = 20;
/**
 * Fewest rows an unrecognised value must share to be reported: a value typed once or twice may be a
 * person's name typed into the wrong field, while one shared by three or more rows cannot single out a
 * person (the k-anonymity idea, k = 3: Sweeney 2002, Int. J. Uncertainty, Fuzziness and Knowledge-Based
 * Systems 10(5)); misspelt or foreign places (`Pensylvania`, `Ontario`) recur in real lists.
 */
const MIN_ROWS_REPORTED = 3;

/** What {@link summarizeSupporterList} returns and `campaign-lab list summarize --json` prints. */
export interface SupporterListCounts {
  /** Marks the document so a scenario's `allocation: {file: …}` can recognise it. */
  kind: 'supporter-list-counts';
  country: ListCountry;
  /** Header of the column that was read. */
  territoryColumn: string;
  /**
   * The country filter: rows whose `column` names a country other than `values` (matched by code and by
   * name) are `filtered`; rows whose cell is empty are kept. `values` are ISO 3166-1 alpha-2 codes (a
   * given value that names no country is kept as written when shaped like a code, else `(not a
   * country)`). `automatic`: the column was found by its name (no `--country-column`), and `values` are
   * the list's country and its overseas territories.
   */
  countryFilter?: { column: string; values: string[]; automatic?: true };
  /** Rows left out by the country filter, by ISO 3166-1 alpha-2 code of their country (`unrecognised`: a value that names no country). */
  filteredByCountry: Record<string, number>;
  /** Rows kept although their country cell is empty (read as rows of the list's country). */
  emptyCountry: number;
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
  /** Warnings about the list: few rows placed, a column named for another country. */
  warnings: string[];
  /** What the reading decided, in words (which column stood for the one asked, the country filter, empty country cells, restored zeros). */
  notes: string[];
}

/** Options of {@link summarizeSupporterList}. */
export interface SummarizeSupporterListOptions {
  country: ListCountry;
  /** Header of the column holding the territory (state, département, postcode, ZIP, `State/Zip`); case-insensitive. */
  territoryColumn: string;
  /**
   * Header of a column holding each row's country; with `countryValues`, rows of other countries are
   * `filtered`. Absent: the column named like a country column, if any, filters with the list's country.
   * `none`: no country filter at all.
   */
  countryColumn?: string;
  /** Countries of `countryColumn` kept, by code or name (`US` keeps `us`, `USA`, `U.S.`, `United States`). */
  countryValues?: string[];
  /** Called now and then with bytes read so far and the file size, for a progress bar. */
  onProgress?: (bytesRead: number, totalBytes: number) => void;
  /** Stops reading; the promise then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/**
 * Other names of a territory column, by family: a `--territory-column` naming one member finds the file's
 * only column of the same family (`Departement` finds `code_departement`; `zip` finds `primary_zip`).
 * Names are compared after {@link listColumnKey}.
 */
const TERRITORY_COLUMN_FAMILIES: readonly (readonly string[])[] = [
  ['DEPARTEMENT', 'DEPARTEMENTS', 'DEPT', 'DEP', 'DPT', 'CODE DEPARTEMENT', 'CODE DEPT', 'CODE DEP', 'CODE DPT', 'NUM DEPARTEMENT', 'NUMERO DEPARTEMENT', 'NO DEPARTEMENT', 'N DEPARTEMENT', 'DEPARTEMENT CODE', 'NOM DEPARTEMENT', 'LIBELLE DEPARTEMENT', 'DEPARTMENT'],
  ['CODE POSTAL', 'CP', 'POSTCODE', 'POST CODE', 'POSTAL CODE', 'POSTAL', 'ZIP', 'ZIP CODE', 'ZIPCODE', 'ZIP5', 'ZIP 5', 'PRIMARY ZIP', 'PRIMARY POSTAL CODE', 'MAILING ZIP', 'MAILING POSTAL CODE', 'ADDRESS ZIP', 'ADDRESS POSTAL CODE', 'BILLING ZIP', 'BILLING POSTAL CODE', 'HOME ZIP'],
  ['STATE', 'STATE REGION', 'STATE PROVINCE', 'STATE CODE', 'STATE ABBREVIATION', 'STATE ABBREVIATED', 'PRIMARY STATE', 'MAILING STATE', 'ADDRESS STATE', 'BILLING STATE', 'HOME STATE', 'CAN2 STATE ABBREVIATED'],
];

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
  const noFilter = options.countryColumn !== undefined && options.countryColumn.trim().toLowerCase() === 'none';
  if (!noFilter && (options.countryColumn === undefined) !== (options.countryValues === undefined || options.countryValues.length === 0)) {
    throw new InputError({ at: options.countryColumn === undefined ? '--country-value' : '--country-column', expected: 'given together with --country-column and --country-value', found: 'only one of them' });
  }
  const match = createTerritoryMatcher(country);
  const other = createTerritoryMatcher(country === 'us' ? 'fr' : 'us');
  // Countries kept: those given (by code, and by their text for a value that names no country), or the list's own.
  const given = noFilter ? undefined : options.countryValues;
  const keptCodes = new Set(given ? given.map(countryCode).filter((c): c is string => c !== undefined) : OWN_COUNTRY_CODES[country]);
  const keptTexts = new Set((given ?? []).map(normaliseName));
  const close = closeToTerritoryName(country);

  let header: string[] | undefined;
  let column = -1;
  let countryAt = -1;
  let automatic = false;
  let state = freshState();
  const onRecord = (cells: string[], line: number) => {
    if (header === undefined) {
      header = cells.map((h) => h.trim());
      column = findListColumn(file, header, territoryColumn, line, '--territory-column', match);
      if (noFilter) countryAt = -1;
      else if (options.countryColumn !== undefined) countryAt = findListColumn(file, header, options.countryColumn, line, '--country-column', match);
      else {
        countryAt = findCountryColumn(header);
        automatic = countryAt >= 0;
      }
      return;
    }
    countRow(state, cells, { column, countryAt, keptCodes, keptTexts, match, other, close });
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
  const filter = countryAt >= 0 ? { column: header[countryAt], automatic, keptCodes, given: options.countryValues } : undefined;
  const result = countsResult(state, { country, column: header[column], filter, format });
  listNotes(result, state, { country, territoryColumn, column: header[column], filter });
  checkPlaced(result, state, file, country, header[column]);
  return result;
}

/** Where a row's cells are read and what places or keeps it. */
interface RowReading {
  column: number;
  countryAt: number;
  keptCodes: Set<string>;
  keptTexts: Set<string>;
  match: ReturnType<typeof createTerritoryMatcher>;
  other: ReturnType<typeof createTerritoryMatcher>;
  close: ReturnType<typeof closeToTerritoryName>;
}

/**
 * Counts one data row: left out when its country cell names another country; else placed in a territory,
 * empty, or unrecognised by reason (a value shaped like a code or within a typo of a territory name kept
 * to be shown).
 */
function countRow(state: ReturnType<typeof freshState>, cells: string[], reading: RowReading): void {
  const { column, countryAt, keptCodes, keptTexts, match, other, close } = reading;
  state.rows += 1;
  let emptyCountry = false;
  if (countryAt >= 0) {
    const cell = cells[countryAt] ?? '';
    const text = normaliseName(cell);
    if (text === '') emptyCountry = true;
    else {
      const code = countryCode(cell);
      if (!(code !== undefined && keptCodes.has(code)) && !keptTexts.has(text)) {
        state.filtered += 1;
        const key = code ?? 'unrecognised';
        state.filteredByCountry.set(key, (state.filteredByCountry.get(key) ?? 0) + 1);
        return;
      }
    }
  }
  if (emptyCountry) state.emptyCountry += 1;
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
    else if (result.via === 'restored-zero') {
      state.restoredLeadingZeros += 1;
      if (emptyCountry) state.restoredWithEmptyCountry += 1;
    }
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
    // Only a value shaped like a code or within a typo of a territory name is ever kept to be shown.
    const key = value.trim();
    if (!isCodeShaped(key) && !close(key)) return;
    const seen = state.distinct.get(key);
    if (seen !== undefined) state.distinct.set(key, seen + 1);
    else if (state.distinct.size < MAX_DISTINCT_KEPT) state.distinct.set(copyString(key), 1);
  }
}

/** The country filter of a list: its column, whether it was found by name, and the countries kept. */
interface CountryFilter {
  column: string;
  automatic: boolean;
  keptCodes: Set<string>;
  given: string[] | undefined;
}

/** The counts of a list read to its end (notes and warnings still empty). */
function countsResult(
  state: ReturnType<typeof freshState>,
  read: { country: SummarizeSupporterListOptions['country']; column: string; filter: CountryFilter | undefined; format: Awaited<ReturnType<typeof readListRecords>> },
): SupporterListCounts {
  const { country, filter, format } = read;
  const unrecognised = REASONS.reduce((s, r) => s + state.byReason[r], 0);
  const counts: Record<string, number> = {};
  for (const id of [...state.counts.keys()].sort(codeUnitOrder)) counts[id] = state.counts.get(id) as number;
  const placedShare = state.rows > 0 ? state.placed / state.rows : 0;
  const filteredByCountry: Record<string, number> = {};
  for (const [code, n] of [...state.filteredByCountry.entries()].sort((a, b) => b[1] - a[1] || codeUnitOrder(a[0], b[0]))) filteredByCountry[code] = n;
  const result: SupporterListCounts = {
    kind: 'supporter-list-counts',
    country,
    territoryColumn: read.column,
    ...(filter ? { countryFilter: filter.automatic ? { column: filter.column, values: [...filter.keptCodes], automatic: true as const } : { column: filter.column, values: shownCountryValues(filter.given!) } } : {}),
    ...format,
    rows: state.rows,
    placed: state.placed,
    empty: state.empty,
    filtered: state.filtered,
    unrecognised,
    unrecognisedByReason: Object.fromEntries(REASONS.map((r) => [r, state.byReason[r]])) as Record<UnrecognisedReason, number>,
    counts,
    filteredByCountry,
    emptyCountry: state.emptyCountry,
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
    notes: [],
  };
  return result;
}

/** Notes on what was read: the column read for the one asked, the country filter, restored leading zeros. */
function listNotes(
  result: SupporterListCounts,
  state: ReturnType<typeof freshState>,
  read: { country: SummarizeSupporterListOptions['country']; territoryColumn: string; column: string; filter: CountryFilter | undefined },
): void {
  const { country, territoryColumn, filter } = read;
  const own = country.toUpperCase();
  if (listColumnKey(read.column) !== listColumnKey(territoryColumn)) {
    result.notes.push(`column ${JSON.stringify(read.column)} read for --territory-column ${JSON.stringify(territoryColumn)}`);
  }
  if (filter) {
    const name = JSON.stringify(filter.column);
    const left = Object.entries(result.filteredByCountry).map(([code, n]) => `${code} ${n}`).join(', ');
    if (filter.automatic) {
      result.notes.push(
        state.filtered > 0
          ? `${state.filtered} ${state.filtered === 1 ? 'row' : 'rows'} of other countries left out by column ${name} (${left}); choose the column and countries with --country-column NAME --country-value V, or --country-column none`
          : `column ${name} names the country of each row: every non-empty one is ${own}`,
      );
    }
    if (state.emptyCountry > 0) {
      result.notes.push(`${state.emptyCountry} ${state.emptyCountry === 1 ? 'row has' : 'rows have'} an empty cell in column ${name}: kept and read as ${own} rows`);
    }
  }
  if (state.restoredLeadingZeros > 0) {
    result.notes.push(
      `${state.restoredLeadingZeros} ${country === 'us' ? 'ZIP codes' : 'postcodes'} had lost their leading zero (a spreadsheet read them as numbers: 1000 for 01000) and were restored` +
        (filter ? `; none of another country (column ${JSON.stringify(filter.column)})${state.restoredWithEmptyCountry > 0 ? `, ${state.restoredWithEmptyCountry} with an empty country cell` : ''}` : '; the list has no country column, so a foreign 4-digit postcode (Brussels 1000) cannot be told apart: add one with --country-column'),
    );
  }
}

/**
 * Refuses a list with no data row or none placed (with the likely cause); warns when few rows were placed,
 * or when the column is named like the other country's postcodes.
 */
function checkPlaced(result: SupporterListCounts, state: ReturnType<typeof freshState>, file: string, country: SummarizeSupporterListOptions['country'], columnName: string): void {
  const placedShare = state.rows > 0 ? state.placed / state.rows : 0;
  const cause = likelyCause(result);
  if (state.rows === 0) {
    throw new InputError({ file, expected: 'data rows after the header', found: 'only a header' });
  }
  if (state.placed === 0) {
    throw new InputError({ file, at: `column ${JSON.stringify(columnName)}`, expected: `values that place rows in ${country === 'us' ? 'US states' : 'French départements'}`, found: `none of ${state.rows} rows placed`, hint: cause });
  }
  if (placedShare < LOW_PLACED_SHARE) {
    result.warnings.push(`only ${formatPercent(placedShare)} of the rows (${state.placed} of ${state.rows}) were placed in a territory${cause ? `; ${cause}` : ''}`);
  }
  // Numbers alone cannot tell a US ZIP code from a French postcode; the column's name can.
  const columnKey = normaliseName(columnName);
  const otherCountryColumn = country === 'fr' ? /^ZIP( ?CODE)?$/.test(columnKey) : /^(CODE POSTAL|CP)$/.test(columnKey);
  if (otherCountryColumn && state.placed > 0) {
    result.warnings.push(
      `column ${JSON.stringify(columnName)} is named like ${country === 'fr' ? 'US ZIP codes' : 'French postcodes'}, read here as ${country === 'fr' ? 'French postcodes' : 'US ZIP codes'}: is --country ${country} the right country?`,
    );
  }
}

/** The given --country-value values as they may be shown: their ISO codes, or code-shaped text. */
function shownCountryValues(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => countryCode(v) ?? (isCodeShaped(v) ? v.trim() : '(not a country)')))];
}

function freshState() {
  return {
    rows: 0,
    placed: 0,
    empty: 0,
    filtered: 0,
    emptyCountry: 0,
    placedByZip: 0,
    restoredLeadingZeros: 0,
    restoredWithEmptyCountry: 0,
    otherCountryRows: 0,
    byReason: Object.fromEntries(REASONS.map((r) => [r, 0])) as Record<UnrecognisedReason, number>,
    counts: new Map<string, number>(),
    distinct: new Map<string, number>(),
    filteredByCountry: new Map<string, number>(),
  };
}

/**
 * A column name as compared: words of the header (camelCase split, case, accents and punctuation
 * ignored), so `Département`, `departement` and `DEPARTEMENT` are one name, as are `code_departement`
 * and `Code département`.
 *
 * @example
 * listColumnKey('code_Département') // => 'CODE DEPARTEMENT'
 */
function listColumnKey(name: string): string {
  return headerWords(name).join(' ');
}

/**
 * Index of the column `wanted` names: the header with the same {@link listColumnKey}; else, when `wanted`
 * is a territory column's name of a {@link TERRITORY_COLUMN_FAMILIES} family (`Departement`, `dept`,
 * `zip`, `state`), the file's first column of that family. An InputError listing the headers (only those
 * shaped like column names) when none is found.
 */
function findListColumn(file: string, header: string[], wanted: string, line: number, option: string, match: (v: string) => { id?: string } | object): number {
  const key = listColumnKey(wanted);
  let at = header.findIndex((h) => listColumnKey(h) === key);
  if (at < 0 && option === '--territory-column') {
    const family = TERRITORY_COLUMN_FAMILIES.find((names) => names.includes(key));
    if (family) at = header.findIndex((h) => family.includes(listColumnKey(h)));
  }
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
 * Whether an unrecognised value is shaped like a code and may be shown: two letters (`FL`, `ZZ`), up to
 * five digits (`75001`, `971`, ZIP+4 `19103-1234`) or a digit and a letter (`2A`). Such a value cannot
 * single out a person.
 *
 * @example
 * isCodeShaped('2A') // => true
 * isCodeShaped('Seán Flores') // => false
 */
export function isCodeShaped(value: string): boolean {
  return /^(?:[A-Za-z]{2}|\d{1,5}(?:-\d{4})?|\d[A-Za-z])$/.test(value.trim());
}

/**
 * A test of "within a typo of one of the country's territory names" (`Pensylvania`, `Pyrénées-Atlantique`):
 * an edit distance (with swaps) of 1 for names of 5 to 8 letters, 2 from 9 letters, after normalising case,
 * accents and punctuation. Shorter values must be codes to be shown; a person's name is rarely this close
 * to a territory's (`Florian` is 2 edits from `Florida`).
 *
 * @example
 * closeToTerritoryName('us')('Pensylvania') // => true
 * closeToTerritoryName('us')('Seán Flores') // => false
 */
function closeToTerritoryName(country: ListCountry): (value: string) => boolean {
  const names = (country === 'us' ? Object.values(US_STATES) : Object.values(FR_DEPARTEMENTS)).map(normaliseName);
  return (value: string) => {
    const key = normaliseName(value);
    if (key.length < 5) return false;
    const limit = key.length >= 9 ? 2 : 1;
    return names.some((name) => Math.abs(name.length - key.length) <= limit && editDistance(key, name) <= limit);
  };
}

/**
 * The likely cause of a list that places few or no rows, from the bucket counts.
 *
 * @example
 * likelyCause({ rows: 10, empty: 10, ... }) // => 'the column is empty in most rows: is --territory-column the right column?'
 */
export function likelyCause(c: Pick<SupporterListCounts, 'rows' | 'placed' | 'empty' | 'filtered' | 'unrecognisedByReason' | 'otherCountryRows' | 'country' | 'countryFilter'>): string | undefined {
  const r = c.unrecognisedByReason;
  const lost = c.rows - c.placed;
  if (lost === 0) return undefined;
  const major = (n: number) => n > 0 && n >= lost / 2;
  const otherName = c.country === 'us' ? 'French départements' : 'US states';
  if (major(c.filtered)) {
    const column = JSON.stringify(c.countryFilter?.column ?? '');
    return c.countryFilter?.automatic
      ? `column ${column} names another country than ${c.country.toUpperCase()} in ${c.filtered} of ${c.rows} rows: is --country ${c.country} right? (--country-column NAME picks the country column, --country-column none uses none)`
      : `--country-value kept only ${c.rows - c.filtered} of ${c.rows} rows: check the values of column ${column}`;
  }
  if (major(c.otherCountryRows)) return `most values are ${otherName}: is --country ${c.country} the right country?`;
  if (major(c.empty)) return 'the column is empty in most rows: is --territory-column the right column?';
  if (major(r.email + r.phone + r.text)) return 'the column holds e-mail addresses, phone numbers or free text: is --territory-column the right column?';
  if (major(r['missing-column'])) return 'most rows have fewer fields than the header: is the delimiter right, or are lines cut?';
  if (major(r['unknown-postcode'])) {
    return c.country === 'fr' ? 'most values are numbers that are no French postcode: are they ZIP codes of another country?' : 'most values are numbers that are no US ZIP code: are they postcodes of another country?';
  }
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
