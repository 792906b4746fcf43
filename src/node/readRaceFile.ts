/**
 * Reads a user's race file from disk (Node-only edge): delimited text through the pure readers in
 * src/data/race/, `.xlsx` workbooks through exceljs, and the bundled facts those readers need
 * (electoral votes by year, US unit names and Census divisions, French regions) from data/.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { InputError } from '../errors.js';
import { readDataFile, type DataDirectoryOptions } from '../data/dataDirectory.js';
import { CsvCells, parseCsvText } from '../data/parseCsvText.js';
import type { CsvRecord } from '../io/parseDelimited.js';
import { findColumn, type RaceGrid } from '../data/race/raceGrid.js';
import { parseRaceBytes, parseRaceGrid, type RaceBundledData } from '../data/race/parseRaceFile.js';
import type { RaceFileOptions, RaceFileResults } from '../data/race/raceTypes.js';

/** Reads the bundled facts lazily: only the tables a reader asks for are parsed. */
function bundledData(options: DataDirectoryOptions): RaceBundledData {
  let ev: Map<number, Map<string, number>> | undefined;
  let us: Map<string, { name: string; region: string }> | undefined;
  let fr: Map<string, { name: string; region: string }> | undefined;
  const table = (name: string, columns: string[]) => {
    const { path, text } = readDataFile(name, options);
    const t = parseCsvText(text, path, columns);
    return { t, cells: new CsvCells(t) };
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
      if (!us) {
        us = new Map();
        const { t, cells } = table('us_units.csv', ['id', 'name', 'census_division']);
        for (const r of t.records) us.set(cells.text(r, 'id'), { name: cells.text(r, 'name'), region: cells.text(r, 'census_division') });
      }
      return us;
    },
    get departements() {
      if (!fr) {
        fr = new Map();
        const { t, cells } = table('fr_departements.csv', ['id', 'name', 'region']);
        for (const r of t.records) fr.set(cells.text(r, 'id'), { name: cells.text(r, 'name'), region: cells.text(r, 'region') });
      }
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

/**
 * Reads the first worksheet of an `.xlsx` workbook as a grid; the header is the first row holding
 * `id`, `state_po`, `Inscrits` or `Code du département` (else the first non-empty row).
 *
 * @throws {InputError} when the file is not a readable workbook or its first sheet is empty.
 */
export async function readXlsxGrid(bytes: Uint8Array, file: string): Promise<RaceGrid> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never);
  } catch {
    throw new InputError({ file, expected: 'an .xlsx workbook', found: 'a file exceljs cannot open' });
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new InputError({ file, expected: 'a workbook with a worksheet', found: 'none' });
  const rows: CsvRecord[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = row.values as ExcelJS.CellValue[];
    const cells: string[] = [];
    for (let c = 1; c < values.length; c++) cells.push(cellValueText(values[c] ?? null));
    rows.push({ line: rowNumber, cells });
  });
  let headerIndex = rows.findIndex((r, i) => i < 20 && HEADER_MARKERS.some((m) => findColumn(r.cells, m) >= 0));
  if (headerIndex < 0) headerIndex = rows.findIndex((r) => r.cells.some((c) => c.trim() !== ''));
  if (headerIndex < 0) throw new InputError({ file, at: `sheet "${sheet.name}"`, expected: 'a header row', found: 'an empty sheet' });
  const headerRow = rows[headerIndex]!;
  const header = [...headerRow.cells];
  while (header.length > 0 && header[header.length - 1]!.trim() === '') header.pop();
  return { file, header: header.map((h) => h.trim()), records: rows.slice(headerIndex + 1), decimalComma: false, addressing: 'cell', headerLine: headerRow.line };
}

/** True for the bytes of a zip archive (an .xlsx workbook): `PK\x03\x04`. */
function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a race from a user's file: the project's table, a MEDSL president-by-state file, or an
 * Interior Ministry "résultats par niveau" file (`.txt`/`.csv` or `.xlsx`). Text files may be UTF-8
 * (with or without BOM), UTF-16 (BOM) or Latin-1/Windows-1252, separated by `,` `;` or tabs, with
 * `,` decimals in `;`/tab files. A `.xlsx` file (recognised by its zip signature) is read with
 * exceljs from its first worksheet.
 *
 * @param path File path as the user gave it (used in messages).
 * @param options `format` (`auto` default), `year`, `round`, `weights`, `sides`; `dataDirectory` for
 *   the bundled facts (electoral votes, unit names and regions); `cwd` to resolve a relative path
 *   against (default: the process's working directory).
 * @returns The race in the `results --json` shape plus `format`, `encoding`, `delimiter`, `columns`
 *   (which column was read as what) and `notes`.
 * @throws {InputError} an unreadable file, an unknown layout, or a bad cell (file, line and column or
 *   cell, expected, found; cell text is never shown unless it is a number).
 * @example
 * (await readRaceFile('data/races/pennsylvania-2024-counties.csv')).popularVote.R // => 3543308
 */
export async function readRaceFile(path: string, options: RaceFileOptions & DataDirectoryOptions & { cwd?: string } = {}): Promise<RaceFileResults> {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(resolve(options.cwd ?? process.cwd(), path));
  } catch (error) {
    throw new InputError({ file: path, expected: 'a readable race file', found: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (bytes.length === 0) throw new InputError({ file: path, expected: 'a race file with a header and rows', found: 'an empty file' });
  const bundled = bundledData(options);
  if (isZip(bytes) || /\.xlsx$/i.test(path)) {
    const grid = await readXlsxGrid(bytes, path);
    return parseRaceGrid(grid, options, bundled);
  }
  return parseRaceBytes(bytes, path, options, bundled);
}
