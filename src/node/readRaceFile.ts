/**
 * Reads a user's race file from disk (Node-only edge): delimited text through the pure readers in
 * src/data/race/, `.xlsx` workbooks through exceljs, and the bundled facts those readers need
 * (electoral votes by year, US unit names and Census divisions, French regions) from data/.
 */
import { resolve } from 'node:path';
import type ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import { readDataFile, type DataDirectoryOptions } from './data/dataDirectory.js';
import { CsvCells, parseCsvText } from '../data/parseCsvText.js';
import type { CsvRecord } from '../io/parseDelimited.js';
import { findColumn, type RaceGrid } from '../data/race/raceGrid.js';
import { detectRaceFormat, parseRaceBytes, parseRaceGrid, raceGridFromBytes, type RaceBundledData } from '../data/race/parseRaceFile.js';
import { readInputBytes } from './readInputFile.js';
import { describeCompoundFile, isCompoundFile, readXlsxSheet, type XlsxLimits } from './readXlsxSheet.js';
import type { RaceFileOptions, RaceFileResults } from '../data/race/raceTypes.js';

/** Reads the bundled facts lazily: only the tables a reader asks for are parsed. */
export function bundledData(options: DataDirectoryOptions): RaceBundledData {
  let ev: Map<number, Map<string, number>> | undefined;
  let us: Map<string, { name: string; region: string }> | undefined;
  let fr: Map<string, { name: string; region: string }> | undefined;
  const table = (name: string, columns: string[]) => {
    const { path, text } = readDataFile(name, options);
    const t = parseCsvText(text, path, columns);
    return { t, cells: new CsvCells(t) };
  };
  /** Name and region of each unit of a table with id, name and a region column. */
  const namesAndRegions = (name: string, regionColumn: string): Map<string, { name: string; region: string }> => {
    const { t, cells } = table(name, ['id', 'name', regionColumn]);
    return new Map(t.records.map((r) => [cells.text(r, 'id'), { name: cells.text(r, 'name'), region: cells.text(r, regionColumn) }]));
  };
  return {
    electoralVotes(year) {
      if (!ev) {
        ev = new Map();
        const { t, cells } = table('us_electoral_votes.csv', ['year', 'id', 'electoral_votes']);
        for (const r of t.records) {
          const y = cells.count(r, 'year');
          const m = ev.get(y) ?? new Map<string, number>();
          m.set(cells.text(r, 'id'), cells.count(r, 'electoral_votes'));
          ev.set(y, m);
        }
      }
      return ev.get(year);
    },
    get units() {
      us ??= namesAndRegions('us_units.csv', 'census_division');
      return us;
    },
    get departements() {
      fr ??= namesAndRegions('fr_departements.csv', 'region');
      return fr;
    },
  };
}

/** A worksheet cell's value as text: numbers in JavaScript notation, rich text joined, formulas by result. */
function cellValueText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((t) => t.text).join('');
  if ('result' in value) return cellValueText((value.result ?? null) as ExcelJS.CellValue);
  if ('text' in value) return String(value.text);
  return '';
}

/** Words that mark a header row, to skip title rows above it in a workbook. */
const HEADER_MARKERS = ['id', 'state_po', 'inscrits', 'code du département'];

/** Largest race file read, bytes: MEDSL's county file for 2000–2024 is about 12 MB. Larger files are refused before reading. */
export const MAX_RACE_FILE_BYTES = 32 * 1024 * 1024;
/** Most worksheet cells of a race workbook kept in memory (the rows up to the last value of each). */
const MAX_RACE_CELLS = 4_000_000;
/** Bounds of a race workbook's parts (see readXlsxSheet). */
const RACE_XLSX_LIMITS: XlsxLimits = { maxSheetBytes: 256 * 1024 * 1024, maxSharedStringsBytes: 64 * 1024 * 1024, maxSharedStrings: 2_000_000 };
/** Rows looked at for the header (title rows may stand above it). */
const HEADER_SEARCH_ROWS = 20;

/**
 * Reads the first worksheet of an `.xlsx` workbook as a grid; the header is the first row holding
 * `id`, `state_po`, `Inscrits` or `Code du département` among the first 20 (else the first non-empty
 * row). The workbook is read within bounds (readXlsxSheet: decompressed sizes capped, media never
 * inflated, nothing written to disk) and at most 4,000,000 cells are kept; `checkHeader` is called with
 * the header as soon as it is known, so a wrong file is refused after 20 rows, not after a million.
 *
 * @throws {InputError} when the file is not a readable workbook, passes a bound, its first sheet is
 *   empty, or `checkHeader` throws.
 */
export async function readXlsxGrid(bytes: Uint8Array, file: string, checkHeader?: (header: string[]) => void): Promise<RaceGrid> {
  const rows: CsvRecord[] = [];
  let cells = 0;
  let headerIndex = -1;
  const findHeader = (): number => {
    const marked = rows.findIndex((r, i) => i < HEADER_SEARCH_ROWS && HEADER_MARKERS.some((m) => findColumn(r.cells, m) >= 0));
    return marked >= 0 ? marked : rows.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  };
  const header = (index: number): string[] => {
    const h = [...rows[index]!.cells];
    while (h.length > 0 && h[h.length - 1]!.trim() === '') h.pop();
    return h.map((c) => c.trim());
  };
  const { sheetName } = await readXlsxSheet(bytes, {
    shown: file,
    limits: RACE_XLSX_LIMITS,
    onRow: (values, rowNumber) => {
      const row: string[] = [];
      // A sparse array: holes are empty cells.
      values.forEach((value, column) => {
        while (row.length < column - 1) row.push('');
        row[column - 1] = cellValueText((value ?? null) as ExcelJS.CellValue);
      });
      cells += Math.max(1, row.length);
      if (cells > MAX_RACE_CELLS) {
        throw new InputError({ file, at: `row ${rowNumber}`, expected: `a worksheet of at most ${MAX_RACE_CELLS.toLocaleString('en-US')} cells (a race has one row per territory)`, found: 'more' });
      }
      rows.push({ line: rowNumber, cells: row });
      if (headerIndex < 0 && rows.length >= HEADER_SEARCH_ROWS) {
        headerIndex = findHeader();
        if (headerIndex >= 0) checkHeader?.(header(headerIndex));
      }
    },
  });
  if (headerIndex < 0) {
    headerIndex = findHeader();
    if (headerIndex >= 0) checkHeader?.(header(headerIndex));
  }
  if (headerIndex < 0) throw new InputError({ file, at: `sheet "${sheetName}"`, expected: 'a header row', found: 'an empty sheet' });
  return { file, header: header(headerIndex), records: rows.slice(headerIndex + 1), decimalComma: false, addressing: 'cell', headerLine: rows[headerIndex]!.line };
}

/** True for the bytes of a zip archive (an .xlsx workbook): `PK\x03\x04`. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a race from a user's file: the project's table, a MEDSL president-by-state file, or an
 * Interior Ministry "résultats par niveau" file (`.txt`/`.csv` or `.xlsx`). Text files may be UTF-8
 * (with or without BOM), UTF-16 or Latin-1/Windows-1252, separated by `,` `;` or tabs, with
 * `,` decimals in `;`/tab files. A `.xlsx` file (recognised by its zip signature, not its name) is read
 * from its first worksheet within bounds (readXlsxGrid). Only a regular file of at most 32 MB is read
 * (checked before and while reading).
 *
 * @param path File path as the user gave it (used in messages and in `source` unless the options
 *   name it otherwise).
 * @param options `format` (`auto` default), `year`, `round`, `weights`, `sides`; `dataDirectory` for
 *   the bundled facts (electoral votes, unit names and regions); `cwd` to resolve a relative path
 *   against (default: the process's working directory); `shownPath`, the file's name in messages
 *   (default `path`); `sourceName`, its name in `source`, the citation charts and reports print
 *   (default the name in messages), so that a scenario's race is cited by the name written in the
 *   scenario, never by an absolute path holding the user's folders.
 * @returns The race in the `results --json` shape plus `format`, `encoding`, `delimiter`, `columns`
 *   (which column was read as what) and `notes`; `source` is "<name> (<layout>)".
 * @throws {InputError} an unreadable file, an unknown layout, or a bad cell (file, line and column or
 *   cell, expected, found; cell text is never shown unless it is a number or a territory code).
 * @example
 * (await readRaceFile('data/races/pennsylvania-2024-counties.csv')).popularVote.R // => 3543308
 */
export async function readRaceFile(path: string, options: RaceFileOptions & DataDirectoryOptions & RaceFileNames = {}): Promise<RaceFileResults> {
  const race = await readRaceFileAs(resolve(options.cwd ?? process.cwd(), path), options.shownPath ?? path, options);
  // Every reader's source begins with the file's name as messages show it.
  const shown = options.shownPath ?? path;
  if (options.sourceName !== undefined && race.source.startsWith(shown)) race.source = options.sourceName + race.source.slice(shown.length);
  return race;
}

/** Where a race file is and what to call it (see {@link readRaceFile}). */
export interface RaceFileNames {
  /** Folder a relative `path` is resolved against (default: the process's working directory). */
  cwd?: string;
  /** The file's name in messages (default: the path given). */
  shownPath?: string;
  /** The file's name in the race's `source` (default: its name in messages). */
  sourceName?: string;
}

/** A race file's bytes: a regular file of at most 32 MB (counted while reading), not empty, not an old .xls. */
async function readRaceBytes(absolute: string, path: string): Promise<Uint8Array> {
  const bytes = await readInputBytes(absolute, {
    expected: 'a race file (CSV, TXT or .xlsx)',
    maxBytes: MAX_RACE_FILE_BYTES,
    shownPath: path,
  });
  if (bytes.length === 0) throw new InputError({ file: path, expected: 'a race file with a header and rows', found: 'an empty file' });
  if (isCompoundFile(bytes)) {
    throw new InputError({ file: path, expected: 'an .xlsx workbook or a text file', found: await describeCompoundFile(bytes) });
  }
  return bytes;
}

/**
 * A race file as a grid of header and rows (text decoded, delimiter sniffed, or an .xlsx's first sheet), read
 * as {@link readRaceFile} reads it, for the multi-candidate table reader (src/node/loadMultiCandidateScenario.ts).
 *
 * @param absolute The file's path.
 * @param path Its name in messages.
 * @param detect Refuse a workbook whose header is of no known layout (the `auto` format).
 * @throws {InputError} an unreadable, empty or too large file, an old .xls, an empty sheet.
 * @example
 * (await readRaceGrid('/abs/ca.csv', 'ca.csv')).header.slice(0, 3) // => ['id', 'name', 'weight']
 */
export async function readRaceGrid(absolute: string, path: string, detect = true): Promise<RaceGrid> {
  const bytes = await readRaceBytes(absolute, path);
  // As readRaceFile: a workbook of the wrong kind is refused once its header is known, not after a million rows.
  return isZip(bytes) ? readXlsxGrid(bytes, path, detect ? (header) => detectRaceFormat(header, path) : undefined) : raceGridFromBytes(bytes, path).grid;
}

/** Reads the race file at `absolute`, naming it `path` in messages and in its source. */
async function readRaceFileAs(absolute: string, path: string, options: RaceFileOptions & DataDirectoryOptions): Promise<RaceFileResults> {
  // Regular files only (a folder, /dev/zero, a FIFO are refused before reading), at most 32 MB,
  // counted while reading.
  const bytes = await readRaceBytes(absolute, path);
  const bundled = bundledData(options);
  // The content decides, not the name: a CSV saved under a .xlsx name is read as text.
  if (isZip(bytes)) {
    const auto = !options.format || options.format === 'auto';
    const grid = await readXlsxGrid(bytes, path, auto ? (header) => detectRaceFormat(header, path) : undefined);
    return parseRaceGrid(grid, options, bundled);
  }
  const race = parseRaceBytes(bytes, path, options, bundled);
  if (/\.xlsx$/i.test(path)) race.notes.push('the file is named .xlsx but holds delimited text: read as text');
  return race;
}
