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
 * Loads the transfer prior of a race from data/fr_transfers.json (the Ipsos surveys of 2017 and 2022).
 *
 * @param parties The race's party codes.
 * @param year Survey year (2017, 2022).
 * @param options `dataDirectory`.
 * @returns The prior; rows it cannot source are defaults, listed in `rows`.
 * @example
 * loadTransferPrior(loadPresidentialRace({ year: 2022 }).parties, 2022).measured // => Uint8Array [0, 0, 1, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0]
 */
export function loadTransferPrior(parties: readonly string[], year: number, options: DataDirectoryOptions = {}): TransferPrior {
  return transferPriorFromSurvey(parties, read('fr_transfers.json', options), year);
}
