/**
 * A user's results file as a multi-candidate race: format detection and dispatch to the readers of
 * every candidate (the party-column table, the Ministry's files, MEDSL House and Senate returns). No
 * file access: src/node/data/loadMultiCandidateRace.ts reads the bytes or the worksheet and calls these.
 */
import { InputError, describeColumns } from '../../errors.js';
import type { MultiCandidateRace } from '../../race/multiCandidateRace.js';
import { buildTableRace } from '../../race/tableRace.js';
import { findColumn, type RaceGrid } from './raceGrid.js';
import { isFrMinistereRaceHeader, parseFrMinistereRace } from './frMinistereRace.js';
import { parseMedslRace, type MedslRaceOptions } from './medslRace.js';
import type { RaceBundledData } from './parseRaceFile.js';

/** Formats a multi-candidate race file may have. */
export type MultiCandidateFormat = 'table' | 'medsl' | 'fr-ministere';

/** Options of {@link parseMultiCandidateGrid}: MEDSL's race choice (`year`, `office`, `district`, `special`, `runoff`, `stage`) and the party order for every format. */
export type MultiCandidateFileOptions = Omit<MedslRaceOptions, 'source'>;

/** The headers each format is known by, for the refusal message. */
const FORMATS: Readonly<Record<MultiCandidateFormat, string>> = {
  table: 'id,name,weight,<party>,<party>…[,other][,total][,eligible][,region]',
  medsl: 'year,state,state_po,…,office,district,…,special,candidate,party,…,candidatevotes,totalvotes (MIT Election Lab House or Senate)',
  'fr-ministere': "Code du département;…;Inscrits;…;Exprimés;…;Nom;Prénom;Nuance;Voix (Ministère de l'Intérieur, by circonscription or by département)",
};

/**
 * Detects the format of a multi-candidate race file from its header: `state_po`, `office` and
 * `candidatevotes` is MEDSL House/Senate; `Inscrits` with `Voix` (or `Voix 1`) a Ministry file; `id`
 * with `name` the table.
 *
 * @throws {InputError} when the header matches none, listing the three headers.
 * @example
 * detectMultiCandidateFormat(['Code département', 'Inscrits', 'Nom candidat 1', 'Voix 1'], 'x.csv') // => 'fr-ministere'
 */
export function detectMultiCandidateFormat(header: readonly string[], file: string): MultiCandidateFormat {
  if (['state_po', 'office', 'candidatevotes'].every((name) => findColumn(header, name) >= 0)) return 'medsl';
  if (isFrMinistereRaceHeader(header)) return 'fr-ministere';
  if (findColumn(header, 'id') >= 0 && findColumn(header, 'name') >= 0) return 'table';
  throw new InputError({
    file,
    at: 'header',
    expected: `the header of a multi-candidate race file: ${Object.entries(FORMATS).map(([f, h]) => `${f} (${h})`).join('; ')}`,
    found: describeColumns(header),
  });
}

/**
 * Reads a race of every candidate from a file's cells. `text` is the decoded text of a delimited file
 * (the table reader reads text; a table in a workbook is refused: save it as CSV).
 *
 * @param grid The cells (raceGridFromBytes for text, readXlsxGrid for a workbook).
 * @param text The decoded text, or undefined for a workbook.
 * @param options MEDSL's race choice and `order` (ours first).
 * @param bundled Regions and names from data/ (French départements, US states).
 * @returns The race.
 * @throws {InputError} as the format's reader does; MEDSL options given for another format.
 * @example
 * parseMultiCandidateGrid(grid, text, {}).units.ids.slice(0, 2) // => ['01-01', '01-02'] (a Ministry file by circonscription)
 */
export function parseMultiCandidateGrid(grid: RaceGrid, text: string | undefined, options: MultiCandidateFileOptions = {}, bundled: RaceBundledData = {}): MultiCandidateRace {
  const format = detectMultiCandidateFormat(grid.header, grid.file);
  const order = options.order ? { order: options.order } : {};
  if (format === 'medsl') return parseMedslRace(grid, options, bundled);
  const medslOnly = (['year', 'office', 'district', 'special', 'runoff', 'stage'] as const).filter((k) => options[k] !== undefined);
  if (medslOnly.length > 0) {
    throw new InputError({ file: grid.file, at: medslOnly[0], expected: `no ${medslOnly.join(', ')} for a ${format} file (they pick a race in a MEDSL file)`, found: JSON.stringify(options[medslOnly[0]!]) });
  }
  if (format === 'fr-ministere') return parseFrMinistereRace(grid, order, bundled);
  if (text === undefined) throw new InputError({ file: grid.file, expected: 'a table saved as CSV (a workbook is read for the Ministry layouts only)', found: 'a workbook' });
  return buildTableRace({ file: grid.file, text }, order);
}
