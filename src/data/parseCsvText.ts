/**
 * CSV parsing for the project's data tables, with typed cell readers that report the file, line and
 * column of a bad value. Text in, records out: no file access, so browser code can reuse it. The
 * parsing itself is papaparse's, through {@link parseDelimited}.
 */
import { InputError, describeCell, describeColumns } from '../errors.js';
import { parseDelimited, type CsvRecord } from '../io/parseDelimited.js';

/** One data row: its 1-based line number in the file and its raw cells. */
export type { CsvRecord } from '../io/parseDelimited.js';

/** A parsed CSV table with a header row. */
export interface CsvTable {
  /** File name used in error messages. */
  file: string;
  header: string[];
  records: CsvRecord[];
}

/**
 * Parses CSV text with a header row and checks that the header holds the required columns and that
 * every row has as many cells as the header.
 *
 * @param text CSV text (UTF-8, comma-separated, optional double quotes).
 * @param file Name used in error messages (`data/us_president_results.csv`).
 * @param requiredColumns Column names that must be present in the header.
 * @returns The header and the data records with their line numbers.
 * @throws {InputError} `<file>: line 1 must be a header with column "D", got ...` or
 *   `<file>: line 7 must be a row of 9 cells, got 8 cells`.
 * @example
 * parseCsvText('id,D\nFL,2912253\n', 'x.csv', ['id', 'D']).records // => [{ line: 2, cells: ['FL', '2912253'] }]
 */
export function parseCsvText(text: string, file: string, requiredColumns: readonly string[] = []): CsvTable {
  const { header, records: rows } = parseDelimited(text, { file, delimiter: ',' });
  for (const column of requiredColumns) {
    if (!header.includes(column)) {
      throw new InputError({
        file,
        at: 'line 1',
        expected: `a header with column "${column}"`,
        found: describeColumns(header),
      });
    }
  }
  for (const record of rows) {
    if (record.cells.length !== header.length) {
      throw new InputError({
        file,
        at: `line ${record.line}`,
        expected: `a row of ${header.length} cells like the header`,
        found: `${record.cells.length} cells`,
      });
    }
  }
  return { file, header, records: rows };
}

/**
 * Typed access to the cells of a {@link CsvTable}: every reader names the file, line, column number and
 * column name when a cell does not hold what it must.
 */
export class CsvCells {
  private readonly index = new Map<string, number>();
  constructor(readonly table: CsvTable) {
    table.header.forEach((name, i) => this.index.set(name, i));
  }

  /** Where a cell is, for error messages: `line 12, column 3 (D)`. */
  at(record: CsvRecord, column: string): string {
    return `line ${record.line}, column ${(this.index.get(column) ?? -1) + 1} (${column})`;
  }

  fail(record: CsvRecord, column: string, expected: string): never {
    throw new InputError({
      file: this.table.file,
      at: this.at(record, column),
      expected,
      found: describeCell(this.raw(record, column)),
    });
  }

  /** The raw text of a cell. */
  raw(record: CsvRecord, column: string): string {
    const i = this.index.get(column);
    if (i === undefined) {
      throw new InputError({ file: this.table.file, at: 'line 1', expected: `a header with column "${column}"`, found: describeColumns(this.table.header) });
    }
    return record.cells[i]!;
  }

  /**
   * The unit of a row: its `id` cell, which must be a key of `known` (a unit of `listedIn`) and not seen in
   * an earlier row (`once` says for what: `once for 2024`); returns the id and what `known` holds for it.
   */
  unit<T>(record: CsvRecord, known: ReadonlyMap<string, T>, seen: Set<string>, listedIn: string, once: string): { id: string; info: T } {
    const id = this.text(record, 'id');
    const info = known.get(id);
    if (info === undefined) this.fail(record, 'id', `a unit id listed in ${listedIn}`);
    if (seen.has(id)) this.fail(record, 'id', `a unit listed ${once}`);
    seen.add(id);
    return { id, info };
  }

  /** A non-empty string cell. */
  text(record: CsvRecord, column: string): string {
    const value = this.raw(record, column).trim();
    if (value === '') this.fail(record, column, 'a non-empty value');
    return value;
  }

  /** A non-negative integer cell (vote counts, electoral votes, years). */
  count(record: CsvRecord, column: string): number {
    const value = this.raw(record, column).trim();
    if (!/^\d+$/.test(value)) this.fail(record, column, 'a non-negative integer');
    return Number(value);
  }

  /** A non-negative integer cell, or undefined when empty. */
  optionalCount(record: CsvRecord, column: string): number | undefined {
    return this.raw(record, column).trim() === '' ? undefined : this.count(record, column);
  }

  /** A share between 0 and 1, or undefined when empty. */
  optionalShare(record: CsvRecord, column: string): number | undefined {
    const value = this.raw(record, column).trim();
    if (value === '') return undefined;
    const n = Number(value);
    if (!/^\d*\.?\d+$/.test(value) || !(n >= 0 && n <= 1)) this.fail(record, column, 'a share between 0 and 1');
    return n;
  }

  /** A cell that must be one of the given values. */
  oneOf<T extends string>(record: CsvRecord, column: string, allowed: readonly T[]): T {
    const value = this.raw(record, column).trim();
    if (!allowed.includes(value as T)) this.fail(record, column, `one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`);
    return value as T;
  }
}
