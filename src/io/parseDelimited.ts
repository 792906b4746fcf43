/**
 * Delimited text (CSV, `;`-separated, tab-separated) to rows of cells with their line numbers, on
 * csv-parse's synchronous API, plus a number reader for cells written with a decimal comma.
 *
 * No file access and no Node built-ins, so browser code can reuse it. Error messages name the file,
 * line and field but never echo a cell's content: a file may be a list of people.
 */
import { parse } from 'csv-parse/sync';
import { InputError } from '../errors.js';
import { sniffDelimiter, type Delimiter } from './decodeText.js';

/** One data row: the 1-based line it starts on and its raw cells. */
export interface CsvRecord {
  line: number;
  cells: string[];
}

/** A parsed table with a header row. */
export interface DelimitedTable {
  /** File name used in error messages. */
  file: string;
  /** Header cells, trimmed. */
  header: string[];
  /** Data rows; blank lines are skipped (a row of empty fields is kept). Rows may be shorter or longer than the header: callers check. */
  records: CsvRecord[];
  /** The field delimiter read or detected. */
  delimiter: Delimiter;
}

/** Options of {@link parseDelimited}. */
export interface ParseDelimitedOptions {
  /** File name for error messages. */
  file: string;
  /** Field delimiter; `auto` (default) sniffs it from the header with {@link sniffDelimiter}. */
  delimiter?: Delimiter | 'auto';
}

interface CsvParseError extends Error {
  code?: string;
  lines?: number;
  column?: number;
}

/**
 * Parses delimited text with a header row (RFC 4180 quoting: double quotes, `""` escapes, quoted
 * delimiters and line breaks; LF, CRLF or CR line ends, read as LF inside quoted cells too; a leading
 * byte-order mark is dropped).
 *
 * @param text Decoded text (see decodeText).
 * @param options `file` for messages; `delimiter` (`,` `;` tab, or `auto`).
 * @returns Header, records with the line each starts on, and the delimiter.
 * @throws {InputError} `x.csv: line 4 must be a closing double quote, got end of file`;
 *   `x.csv: line 2, field 3 must be a delimiter or the end of the line after a closing quote, got
 *   another character`; an empty file.
 * @example
 * parseDelimited('id;votes\n"A;1";12\n', {file: 'x.csv'}).records // => [{ line: 2, cells: ['A;1', '12'] }]
 */
export function parseDelimited(text: string, options: ParseDelimitedOptions): DelimitedTable {
  const { file } = options;
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? sniffDelimiter(text) : options.delimiter;
  let rows: { record: string[]; info: { lines: number } }[];
  try {
    // Line ends are made LF first: csv-parse counts a CRLF inside quotes as two lines.
    rows = parse(text.replace(/\r\n?/g, '\n'), { delimiter, bom: true, relax_column_count: true, info: true, skip_empty_lines: false }) as never;
  } catch (error) {
    const e = error as CsvParseError;
    if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
      throw new InputError({ file, at: `line ${e.lines ?? '?'}`, expected: 'a closing double quote', found: 'end of file' });
    }
    if (e.code === 'CSV_INVALID_CLOSING_QUOTE') {
      throw new InputError({
        file,
        at: `line ${e.lines ?? '?'}, field ${(e.column ?? 0) + 1}`,
        expected: `a delimiter (${JSON.stringify(delimiter)}) or the end of the line after a closing quote`,
        found: 'another character',
      });
    }
    throw new InputError({ file, at: `line ${e.lines ?? '?'}`, expected: 'well-formed delimited text', found: e.code ?? 'unreadable text' });
  }
  const records: CsvRecord[] = [];
  let nextLine = 1;
  for (const { record, info } of rows) {
    const line = nextLine;
    nextLine = info.lines + 1;
    if (record.length === 1 && record[0]!.trim() === '') continue;
    records.push({ line, cells: record });
  }
  const headerRow = records.shift();
  if (!headerRow) throw new InputError({ file, at: 'line 1', expected: 'a header row', found: 'an empty file' });
  return { file, header: headerRow.cells.map((c) => c.trim()), records, delimiter };
}

/** Options of {@link parseNumberCell}. */
export interface NumberCellOptions {
  /** `true`: `,` is the decimal mark and `.` or spaces group thousands (`1.234,5`, `1 234,5`). */
  decimalComma?: boolean;
}

/**
 * Reads a number written the way spreadsheets export it: optional sign, digits with optional
 * thousands grouping (spaces, no-break spaces, or `,` — `.` with `decimalComma`), and a decimal
 * mark (`.`, or `,` with `decimalComma`). Leading and trailing spaces are ignored.
 *
 * @param text Cell text.
 * @param options `decimalComma` for French-style numbers.
 * @returns The number, or `undefined` when the cell is empty or not a number.
 * @example
 * parseNumberCell('54,99', {decimalComma: true}) // => 54.99
 * parseNumberCell('18 768 639') // => 18768639
 * parseNumberCell('1,234,567') // => 1234567
 * parseNumberCell('12 abc') // => undefined
 */
export function parseNumberCell(text: string, options: NumberCellOptions = {}): number | undefined {
  let s = text.trim().replace(/[\s\u00a0\u202f]/g, '');
  if (s === '') return undefined;
  const [group, decimal] = options.decimalComma ? ['.', ','] : [',', '.'];
  const grouped = new RegExp(`^[+-]?\\d{1,3}(\\${group}\\d{3})+(\\${decimal}\\d+)?$`);
  if (grouped.test(s)) s = s.split(group).join('');
  if (decimal === ',') s = s.replace(',', '.');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  return Number(s);
}
