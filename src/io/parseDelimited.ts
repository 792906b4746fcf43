/**
 * Delimited text (CSV, `;`-separated, tab-separated) to rows of cells with their line numbers, on
 * papaparse's parser, plus a number reader for cells written with a decimal comma.
 *
 * No file access and no Node built-ins, so browser code can reuse it. Error messages name the file,
 * line and field but never echo a cell's content: a file may be a list of people.
 */
import Papa from 'papaparse';
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

/** What papaparse's `Parser.parse` returns (its typings say `any`). */
export interface PapaParseResult {
  data: string[][];
  errors: Papa.ParseError[];
  meta: { cursor: number };
}

/**
 * Parses delimited text with a header row (RFC 4180 quoting: double quotes, `""` escapes, quoted
 * delimiters and line breaks; LF, CRLF or CR line ends, read as LF inside quoted cells too; a leading
 * byte-order mark is dropped). The parsing is papaparse's; the strict RFC 4180 checks papaparse leaves
 * out (a double quote inside an unquoted field; spaces after a closing quote) and the line each record
 * starts on are read off papaparse's cells with the text beside them.
 *
 * @param text Decoded text (see decodeText).
 * @param options `file` for messages; `delimiter` (`,` `;` tab, or `auto`).
 * @returns Header, records with the line each starts on, and the delimiter.
 * @throws {InputError} `x.csv: line 4 must be a closing double quote, got end of file`;
 *   `x.csv: line 2, field 3 must be a delimiter (",") or the end of the line after a closing quote, got
 *   another character`; `x.csv: line 2, field 2 must be a field either wholly in double quotes or
 *   without any, got a double quote inside an unquoted field`; an empty file.
 * @example
 * parseDelimited('id;votes\n"A;1";12\n', {file: 'x.csv'}).records // => [{ line: 2, cells: ['A;1', '12'] }]
 */
export function parseDelimited(text: string, options: ParseDelimitedOptions): DelimitedTable {
  const { file } = options;
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? sniffDelimiter(text) : options.delimiter;
  // Line ends are made LF first, so one newline serves a file of any origin and a CRLF inside quotes is one line.
  const input = text.replace(/^\ufeff/, '').replace(/\r\n?/g, '\n');
  const parsed = new Papa.Parser({ delimiter, newline: '\n' }).parse(input, 0, false) as PapaParseResult;
  const rows = parsed.data;
  const expectedAfterQuote = `a delimiter (${JSON.stringify(delimiter)}) or the end of the line after a closing quote`;
  // The first row papaparse reports an error in; the rows before it are well-formed as papaparse reads them.
  let bad: Papa.ParseError | undefined;
  for (const error of parsed.errors) if (bad === undefined || (error.row ?? 0) < (bad.row ?? 0)) bad = error;
  const checkedRows = bad ? (bad.row ?? 0) : rows.length;
  const records: CsvRecord[] = [];
  const quoted = input.includes('"');
  let line = 1;
  let offset = 0; // where the row starts in `input`
  for (let r = 0; r < checkedRows; r += 1) {
    const cells = rows[r]!;
    const rowLine = line;
    if (quoted) {
      // Walk the row's text cell by cell: a cell is quoted when its text starts with `"`; its text is then
      // the value with every `"` doubled, between quotes, and a delimiter or the line end must follow.
      for (let f = 0; f < cells.length; f += 1) {
        const cell = cells[f]!;
        let length = cell.length;
        if (input.charCodeAt(offset) === 34) {
          length += 2 + count(cell, '"');
          const end = offset + length;
          if (end < input.length && input.charCodeAt(end) !== 10 && !input.startsWith(delimiter, end)) {
            throw new InputError({ file, at: `line ${line + count(cell, '\n')}, field ${f + 1}`, expected: expectedAfterQuote, found: 'another character' });
          }
          line += count(cell, '\n');
        } else if (cell.includes('"')) {
          throw new InputError({
            file,
            at: `line ${line}, field ${f + 1}`,
            expected: 'a field either wholly in double quotes or without any',
            found: 'a double quote inside an unquoted field',
          });
        }
        offset += length + 1; // the delimiter, or the line end after the last cell
      }
    }
    line += 1;
    if (cells.length === 1 && cells[0]!.trim() === '') continue;
    records.push({ line: rowLine, cells });
  }
  if (bad) {
    if (bad.code === 'InvalidQuotes') {
      // papaparse's index is just past the bad field's opening quote; the cells before it read right.
      const cells = rows[checkedRows] ?? [];
      let field = 0;
      let p = offset;
      while (field < cells.length && p + 1 < (bad.index ?? 0)) {
        p += (input.charCodeAt(p) === 34 ? cells[field]!.length + 2 + count(cells[field]!, '"') : cells[field]!.length) + 1;
        field += 1;
      }
      throw new InputError({ file, at: `line ${line}, field ${field + 1}`, expected: expectedAfterQuote, found: 'another character' });
    }
    if (bad.code === 'MissingQuotes') throw new InputError({ file, at: `line ${line}`, expected: 'a closing double quote', found: 'end of file' });
    throw new InputError({ file, at: `line ${line}`, expected: 'well-formed delimited text', found: bad.code });
  }
  const headerRow = records.shift();
  if (!headerRow) throw new InputError({ file, at: 'line 1', expected: 'a header row', found: 'an empty file' });
  return { file, header: headerRow.cells.map((c) => c.trim()), records, delimiter };
}

/** Occurrences of a one-character string. */
function count(text: string, char: string): number {
  let n = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) n += 1;
  return n;
}

/** Options of {@link parseNumberCell}. */
export interface NumberCellOptions {
  /** `true`: `,` is the decimal mark and `.` or spaces group thousands (`1.234,5`, `1 234,5`). */
  decimalComma?: boolean;
}

/**
 * Reads a number written the way spreadsheets export it: optional sign, digits with optional
 * thousands grouping in groups of three (spaces, no-break spaces, or `,` — `.` with
 * `decimalComma`), and a decimal mark (`.`, or `,` with `decimalComma`). Leading and trailing
 * spaces are ignored; `3 5` or `1,5` without `decimalComma` are not numbers.
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
  const s = text.trim();
  if (s === '') return undefined;
  const decimal = options.decimalComma ? ',' : '.';
  // Thousands are grouped by one kind of separator, in groups of exactly three digits.
  for (const group of [' ', '\u00a0', '\u202f', options.decimalComma ? '.' : ',']) {
    const parts = s.replace(/^[+-]/, '').split(decimal);
    if (parts.length > 2 || !parts[0]!.includes(group)) continue;
    if (!new RegExp(`^\\d{1,3}(\\${group}\\d{3})+$`).test(parts[0]!)) return undefined;
    if (parts.length === 2 && !/^\d+$/.test(parts[1]!)) return undefined;
    return Number(`${s.startsWith('-') ? '-' : ''}${parts[0]!.split(group).join('')}${parts.length === 2 ? `.${parts[1]}` : ''}`);
  }
  const plain = decimal === ',' ? s.replace(',', '.') : s;
  if ((decimal === ',' && s.includes('.')) || !/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}
