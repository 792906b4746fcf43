/**
 * A race file's bytes (or a worksheet's cells) to results: format detection and dispatch to the
 * readers. No file access: the Node reader (src/node/readRaceFile.ts) reads the file and the
 * bundled facts and calls these.
 */
import { InputError, describeColumns } from '../../errors.js';
import { decodeText, type TextEncodingName } from '../../io/decodeText.js';
import { parseDelimited } from '../../io/parseDelimited.js';
import type { RaceFileOptions, RaceFileResults, RaceFormat } from './raceTypes.js';
import { findColumn, type RaceGrid } from './raceGrid.js';
import { parseRaceTable } from './parseRaceTable.js';
import { parseMedsl, type MedslBundledData } from './parseMedsl.js';
import { isFrMinistereHeader, parseFrMinistere, type FrBundledData } from './parseFrMinistere.js';

/** Bundled facts a reader may need (electoral votes, unit names and regions). */
export type RaceBundledData = MedslBundledData & FrBundledData;

/** The formats `format: auto` chooses between, with the header that identifies each. */
const RACE_FORMATS: Readonly<Record<RaceFormat, string>> = {
  table: 'id,name,weight,<side>…[,other][,region][,eligible]',
  medsl: 'year,state,state_po,…,candidate,party_simplified,candidatevotes (MIT Election Lab)',
  'fr-ministere': "Code du département;Libellé du département;…;Inscrits;…;Exprimés;…;Nom;Prénom;Voix (Ministère de l'Intérieur)",
};

/**
 * Detects a race file's format from its header: `state_po` with `candidatevotes` is MEDSL;
 * `Inscrits` with `Voix` (or `Voix_candidat_…`) is the Ministry layout; `id` with `name` is the table.
 *
 * @param header Header cells.
 * @param file File name for the error message.
 * @returns The format.
 * @throws {InputError} when the header matches none, listing the three headers; the header found is
 *   listed only when it looks like column names (a line of data is described, not shown).
 * @example
 * detectRaceFormat(['id', 'name', 'weight', 'D', 'R'], 'x.csv') // => 'table'
 */
export function detectRaceFormat(header: readonly string[], file: string): RaceFormat {
  if (findColumn(header, 'state_po') >= 0 && findColumn(header, 'candidatevotes') >= 0) return 'medsl';
  if (isFrMinistereHeader(header)) return 'fr-ministere';
  if (findColumn(header, 'id') >= 0 && findColumn(header, 'name') >= 0) return 'table';
  // A first line that looks like data (a supporter list given by mistake) is described, never shown.
  throw new InputError({
    file,
    at: 'header',
    expected: `the header of a known race format: ${Object.entries(RACE_FORMATS).map(([f, h]) => `${f} (${h})`).join('; ')}`,
    found: describeColumns(header),
  });
}

/**
 * Reads a grid in the given format (or the detected one).
 *
 * @throws {InputError} as the chosen reader does.
 */
export function parseRaceGrid(grid: RaceGrid, options: RaceFileOptions = {}, bundled: RaceBundledData = {}): RaceFileResults {
  const format = !options.format || options.format === 'auto' ? detectRaceFormat(grid.header, grid.file) : options.format;
  if (format === 'table') return parseRaceTable(grid, options);
  if (format === 'medsl') return parseMedsl(grid, options, bundled);
  if (format === 'fr-ministere') return parseFrMinistere(grid, options, bundled);
  throw new InputError({ at: 'format', expected: 'one of "auto", "table", "medsl", "fr-ministere"', found: JSON.stringify(format) });
}

/**
 * Decodes delimited text and lays it out as a grid: encoding detected (UTF-8 with or without BOM,
 * UTF-16 with BOM, Latin-1/Windows-1252), delimiter sniffed (`,` `;` tab); `;`- and tab-separated
 * files read `,` as the decimal mark. `text` is the decoded text.
 *
 * @example
 * raceGridFromBytes(new TextEncoder().encode('id;name;weight;A;B\nN;North;1,5;10;9\n'), 'x.csv').grid.decimalComma // => true
 */
export function raceGridFromBytes(bytes: Uint8Array, file: string): { grid: RaceGrid; encoding: TextEncodingName; delimiter: string; text: string } {
  const { text, encoding } = decodeText(bytes);
  const table = parseDelimited(text, { file });
  const header = [...table.header];
  while (header.length > 1 && header[header.length - 1] === '') header.pop(); // a spreadsheet's trailing `;;;`
  const grid: RaceGrid = { file, header, records: table.records, decimalComma: table.delimiter !== ',', addressing: 'line', headerLine: 1 };
  return { grid, encoding, delimiter: table.delimiter, text };
}

/**
 * Reads a race from the bytes of a delimited text file (not a spreadsheet).
 *
 * @param bytes File content.
 * @param file Name for messages and for the round in a Ministry file name (`…-t2-…`).
 * @param options Format, year, round, weights, sides.
 * @param bundled Facts from data/ (electoral votes, names, regions).
 * @returns The race, with the encoding and delimiter it was read with.
 * @throws {InputError} on any malformed input (file, line, column, expected, found).
 * @example
 * parseRaceBytes(bytesOfPa2024, 'pennsylvania-2024-counties.csv', {}).units.length // => 67
 */
export function parseRaceBytes(bytes: Uint8Array, file: string, options: RaceFileOptions = {}, bundled: RaceBundledData = {}): RaceFileResults {
  const { grid, encoding, delimiter } = raceGridFromBytes(bytes, file);
  return { ...parseRaceGrid(grid, options, bundled), encoding, delimiter };
}
