/**
 * A table of cells from a text file or a spreadsheet, with cell addresses for error messages and
 * typed cell readers that never echo personal data.
 */
import { InputError, describeColumns, isCodeShaped } from '../../errors.js';
import type { CsvRecord } from '../../io/parseDelimited.js';
import { parseNumberCell } from '../../io/parseDelimited.js';

/** Rows of cells with a header, from a delimited text file or a worksheet. */
export interface RaceGrid {
  /** File name for messages. */
  file: string;
  /** Header cells, trimmed. */
  header: string[];
  /** Data rows: `line` is the text line or the worksheet row number. */
  records: CsvRecord[];
  /** `,` is the decimal mark (`;`- or tab-separated text). */
  decimalComma: boolean;
  /** `line`: text file (`line 5, column 4`); `cell`: worksheet (`cell D5`). */
  addressing: 'line' | 'cell';
  /** Row number of the header (1 for text files; the header's row in a worksheet). */
  headerLine: number;
}

/** Spreadsheet column letters of a 0-based column index: 0 -> `A`, 27 -> `AB`. */
function columnLetters(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Where a cell is: `line 5, column 4 (Inscrits)` or `cell D5 (Inscrits)`. */
export function cellAddress(grid: RaceGrid, line: number, column: number, name?: string): string {
  const label = name ? ` (${name})` : '';
  return grid.addressing === 'cell' ? `cell ${columnLetters(column)}${line}${label}` : `line ${line}, column ${column + 1}${label}`;
}

/**
 * Describes a cell's content for an error message without revealing personal data: numbers (but not
 * a phone number's run of digits) and the short tokens files write for a missing value (`NA`, `-`) are shown; any other text
 * only by its length.
 *
 * @example
 * describeCell('12,5') // => '"12,5"'
 * describeCell('Jane Doe') // => 'a text of 8 characters'
 * describeCell('') // => 'an empty cell'
 */
export function describeCell(raw: string): string {
  const value = raw.trim();
  if (value === '') return 'an empty cell';
  // Numbers are shown, but not seven digits or more grouped otherwise than by thousands: a phone number.
  const digits = (value.match(/\d/g) ?? []).length;
  if (value.length <= 24 && /^[\d\s.,+\-%eE\u00a0]+$/.test(value) && (digits < 7 || parseNumberCell(value) !== undefined || parseNumberCell(value, { decimalComma: true }) !== undefined)) return JSON.stringify(value);
  if (/^(N\/?A|n\/?a|NaN|null|NULL|none|-|—|\?)$/.test(value)) return JSON.stringify(value);
  const n = [...value].length;
  return `a text of ${n} character${n === 1 ? '' : 's'}`;
}

/**
 * Throws the InputError for one cell. `showCode` prints the cell as is when it is shaped like a
 * territory code (digits and at most three capitals, an optional `-` part: `FL`, `2A`, `42101`, `ME-2`):
 * such ids are not personal data; any other text is described by its length.
 */
export function failCell(grid: RaceGrid, record: CsvRecord, column: number, expected: string, showCode = false, name?: string): never {
  const raw = (record.cells[column] ?? '').trim();
  throw new InputError({
    file: grid.file,
    at: cellAddress(grid, record.line, column, name ?? grid.header[column]),
    expected,
    found: showCode && isCodeShaped(raw) ? JSON.stringify(raw) : describeCell(raw),
  });
}

/** Raw text of a cell ('' beyond the end of a short row). */
export function cellText(record: CsvRecord, column: number): string {
  return (record.cells[column] ?? '').trim();
}

/**
 * A non-negative whole number (a vote count): grouping spaces allowed, `12,0` read with a decimal
 * comma. `name` labels a column the header does not name (a repeated candidate block).
 */
export function countCell(grid: RaceGrid, record: CsvRecord, column: number, name?: string): number {
  const n = parseNumberCell(record.cells[column] ?? '', { decimalComma: grid.decimalComma });
  if (n === undefined || !Number.isInteger(n) || n < 0) failCell(grid, record, column, 'a non-negative whole number', false, name);
  // Past 2^53 − 1 a count is rounded by the number type: refused, never rounded in silence.
  if (!Number.isSafeInteger(n)) failCell(grid, record, column, `a whole number of at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} (2^53 − 1; larger ones cannot be kept exactly)`, false, name);
  return n;
}

/** A non-negative number (a weight), decimal comma allowed when the grid uses one, at most 2^53 − 1. */
export function weightCell(grid: RaceGrid, record: CsvRecord, column: number): number {
  const n = parseNumberCell(record.cells[column] ?? '', { decimalComma: grid.decimalComma });
  if (n === undefined || !(n >= 0) || !Number.isFinite(n)) failCell(grid, record, column, 'a non-negative number');
  if (n > Number.MAX_SAFE_INTEGER) failCell(grid, record, column, `a number of at most ${Number.MAX_SAFE_INTEGER.toLocaleString('en-US')} (2^53 − 1; larger ones cannot be kept exactly)`);
  return n;
}

/** Index of a header column, matched without regard to case, accents or surrounding spaces; -1 when absent. */
export function findColumn(header: readonly string[], ...names: string[]): number {
  const wanted = names.map(normaliseName);
  return header.findIndex((h) => wanted.includes(normaliseName(h)));
}

/** Lower case, accents removed, inner spaces collapsed: `Exprimés ` -> `exprimes`. */
export function normaliseName(name: string): string {
  return name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').trim().replace(/\s+/g, ' ').toLowerCase();
}

/** The InputError for a missing header column: the header is listed only when it looks like column names. */
export function missingColumn(grid: RaceGrid, expected: string): InputError {
  return new InputError({
    file: grid.file,
    at: grid.addressing === 'cell' ? `row ${grid.headerLine} (header)` : `line ${grid.headerLine} (header)`,
    expected,
    found: describeColumns(grid.header),
  });
}

/** True for a row whose cells are all empty (a spreadsheet's trailing `;;;;`). */
export function isBlankRecord(record: CsvRecord): boolean {
  return record.cells.every((c) => c.trim() === '');
}

/** The grid's records that hold a value, and how many blank ones were skipped (for the notes). */
export function dataRecords(grid: RaceGrid): { records: CsvRecord[]; blank: number } {
  const records = grid.records.filter((r) => !isBlankRecord(r));
  return { records, blank: grid.records.length - records.length };
}
