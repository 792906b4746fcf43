/**
 * Reads the bundled multi-candidate races and the transfer surveys from data/ (Node-only edge; the
 * builders in src/race/ take the texts and stay browser-safe).
 */
import { readDataFile, type DataDirectoryOptions } from './dataDirectory.js';
import type { DataText } from '../../data/dataText.js';
import { parseFrenchResults } from '../../data/frenchResults.js';
import type { MultiCandidateRace } from '../../race/multiCandidateRace.js';
import { buildTableRace, type TableRaceOptions } from '../../race/tableRace.js';
import { buildLegislativeRace } from '../../race/legislativeRace.js';
import { buildPresidentialRace, frenchCandidateNames } from '../../race/presidentialRace.js';
import { transferPriorFromSurvey, type TransferPrior } from '../../race/transferPrior.js';
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import { raceGridFromBytes } from '../../data/race/parseRaceFile.js';
import { detectMultiCandidateFormat, parseMultiCandidateGrid, type MultiCandidateFileOptions } from '../../data/race/multiCandidateRaceFile.js';
import { readInputBytes } from '../readInputFile.js';
import { describeCompoundFile, isCompoundFile } from '../readXlsxSheet.js';
import { MAX_RACE_FILE_BYTES, bundledData, isZip, readXlsxGrid } from '../readRaceFile.js';

/** Tables of data/races/ with one column per party. */
export type BundledTableRace = 'ca-2011-federal-ridings' | 'uk-2024-general-election-constituencies';

function read(name: string, options: DataDirectoryOptions): DataText {
  const { path, text } = readDataFile(name, options);
  return { file: path, text };
}

/**
 * Loads a bundled party-column table as a race: Canada 2011 by riding (308 units, 5 parties) or the UK
 * 2024 general election by constituency (650 units, 15 parties).
 *
 * @param name The table's name in data/races/ (without `.csv`).
 * @param options `order` (ours first), `dataDirectory`.
 * @returns The race.
 * @throws {InputError} a missing or malformed file (file, line, column).
 * @example
 * loadTableRace('ca-2011-federal-ridings').parties // => ['CPC', 'NDP', 'LPC', 'BQ', 'GPC']
 */
export function loadTableRace(name: BundledTableRace, options: TableRaceOptions & DataDirectoryOptions = {}): MultiCandidateRace {
  const source =
    name === 'ca-2011-federal-ridings'
      ? 'Elections Canada, Forty-first General Election 2011: Official Voting Results, Table 12; see data/SOURCES.md'
      : 'House of Commons Library, General election 2024 results (CBP-10009); see data/SOURCES.md';
  return buildTableRace(read(`races/${name}.csv`, options), { source, ...options });
}

/**
 * Loads the 2022 legislative first round by circonscription (577 units, 6,290 candidates), regions from
 * data/fr_departements.csv.
 *
 * @param options `order` (ours first), `dataDirectory`.
 * @returns The race; parties are the Ministry's nuances.
 * @throws {InputError} a missing or malformed file.
 * @example
 * loadLegislativeRace().slotParty.length // => 6290
 */
export function loadLegislativeRace(options: { order?: readonly string[] } & DataDirectoryOptions = {}): MultiCandidateRace {
  return buildLegislativeRace(read('races/fr-2022-legislatives-t1-circonscriptions.csv', options), {
    departements: read('fr_departements.csv', options),
    ...(options.order ? { order: options.order } : {}),
  });
}

/**
 * Loads a French presidential round by département with every candidate (2022 round 1: 107 units, 12).
 *
 * @param options `year` (2007, 2012, 2022), `round` (default 1), `order`, `dataDirectory`.
 * @returns The race; party names are the candidates'.
 * @throws {InputError} a year or round the tables do not hold, a malformed file.
 * @example
 * loadPresidentialRace({ year: 2022 }).partyNames[2] // => 'Jean-Luc Mélenchon'
 */
export function loadPresidentialRace(options: { year: number; round?: number; order?: readonly string[] } & DataDirectoryOptions): MultiCandidateRace {
  const candidates = read('fr_candidates.json', options);
  const results = parseFrenchResults(
    { departements: read('fr_departements.csv', options), turnout: read('fr_president_turnout.csv', options), votes: read('fr_president_votes.csv', options), candidates },
    { year: options.year, round: options.round ?? 1 },
  );
  return buildPresidentialRace(results, { partyNames: frenchCandidateNames(candidates, options.year), ...(options.order ? { order: options.order } : {}) });
}

/**
 * Loads the transfer prior of a race from data/fr_transfers.json (the Ipsos surveys of 2017 and 2022, Ifop 2022 for Zemmour).
 *
 * @param parties The race's party codes.
 * @param year Survey year (2017, 2022).
 * @param options `dataDirectory`.
 * @returns The prior; rows it cannot source are defaults, listed in `rows`.
 * @example
 * loadTransferPrior(loadPresidentialRace({ year: 2022 }).parties, 2022).measured // => Uint8Array [0, 0, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
 */
export function loadTransferPrior(parties: readonly string[], year: number, options: DataDirectoryOptions = {}): TransferPrior {
  return transferPriorFromSurvey(parties, read('fr_transfers.json', options), year);
}

/** Options of {@link loadMultiCandidateRaceFile}. */
export type MultiCandidateRaceFileOptions = MultiCandidateFileOptions &
  DataDirectoryOptions & {
    /** Folder a relative path is resolved against (default: the process's working directory). */
    cwd?: string;
    /** The file's name in messages and in the race's `source` (default: the path given). */
    shownPath?: string;
  };

/**
 * Reads a user's results file as a race of every candidate: the party-column table (CSV), the Interior
 * Ministry's files by circonscription or by département (the 2022 `;` Latin-1 text, the 2017 workbook
 * with repeated block headers, the 2024 numbered text; see parseFrMinistereRace), or MEDSL House and
 * Senate returns (see parseMedslRace). The format is detected from the header; text files are decoded
 * whatever their encoding (UTF-8 with or without BOM, UTF-16, Latin-1/Windows-1252) and delimiter; a
 * workbook (recognised by its zip signature) is read from its first worksheet within bounds
 * (readXlsxGrid; exceljs and unzipper are optional peers). Only a regular file of at most 32 MB is read.
 * Regions come from data/fr_departements.csv and data/us_units.csv.
 *
 * Asynchronous because a workbook is streamed (exceljs); text files are read the same way.
 *
 * @param path The file as the user gave it (resolved against `cwd`).
 * @param options MEDSL's race choice: `year`, `office` (`US HOUSE`, `US SENATE`), `district` (`IA-02`,
 *   `GA`), `special` (true/false: Georgia 2020's two Senate races), `runoff`, `stage`; `order` (parties
 *   to put first, ours first; every other party follows by national votes); `dataDirectory`, `cwd`, `shownPath`.
 * @returns The race.
 * @throws {InputError} an unreadable file, an unknown header, a choice a MEDSL file needs and was not
 *   given (the message names the option), a bad cell or a failed identity (file, line or cell, expected,
 *   found); the CLI maps it to exit code 2.
 * @example
 * (await loadMultiCandidateRaceFile('test/fixtures/races/medsl_1976-2020_senate-excerpt.csv', { year: 2020, special: true })).units.ids // => ['AZ', 'GA']
 */
export async function loadMultiCandidateRaceFile(path: string, options: MultiCandidateRaceFileOptions = {}): Promise<MultiCandidateRace> {
  const shown = options.shownPath ?? path;
  const bytes = await readInputBytes(resolve(options.cwd ?? process.cwd(), path), { expected: 'a race file (CSV, TXT or .xlsx)', maxBytes: MAX_RACE_FILE_BYTES, shownPath: shown });
  if (bytes.length === 0) throw new InputError({ file: shown, expected: 'a race file with a header and rows', found: 'an empty file' });
  if (isCompoundFile(bytes)) throw new InputError({ file: shown, expected: 'an .xlsx workbook or a text file', found: await describeCompoundFile(bytes) });
  const { dataDirectory, cwd: _cwd, shownPath: _shown, ...choice } = options;
  const bundled = bundledData(dataDirectory === undefined ? {} : { dataDirectory });
  if (isZip(bytes)) {
    const grid = await readXlsxGrid(bytes, shown, (header) => detectMultiCandidateFormat(header, shown));
    return parseMultiCandidateGrid(grid, undefined, choice, bundled);
  }
  const { grid, text } = raceGridFromBytes(bytes, shown);
  return parseMultiCandidateGrid(grid, text, choice, bundled);
}
