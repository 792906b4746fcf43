/**
 * The French legislative first round by circonscription as a multi-candidate race, from the long table
 * data/races/fr-2022-legislatives-t1-circonscriptions.csv (one row per circonscription and candidate).
 * Text in, race out: no file access.
 */
import { CsvCells, parseCsvText, type CsvRecord } from '../data/parseCsvText.js';
import type { DataText } from '../data/dataText.js';
import { assembleRace, type UnitRecord } from './assembleRace.js';
import type { MultiCandidateRace } from './multiCandidateRace.js';

/** Columns the builder reads; the file's outcome columns (`elected_file`, `elected_round1`, `qualified_round2`) are never read. */
const LEGISLATIVE_COLUMNS = ['id', 'name', 'departement', 'registered', 'voters', 'blank', 'null', 'valid', 'surname', 'first_name', 'nuance', 'votes'] as const;

/** Columns that must hold the same value on every row of one circonscription. */
const UNIT_COLUMNS = ['name', 'departement', 'registered', 'voters', 'blank', 'null', 'valid'] as const;

/** Options of {@link buildLegislativeRace}. */
export interface LegislativeRaceOptions {
  /** data/fr_departements.csv (`id,name,region`): each circonscription's region is its département's. Without it, no region. */
  departements?: DataText;
  /** Parties (nuances) to put first (ours first); the rest follow by national votes, descending. */
  order?: readonly string[];
  /** Citation; default the Ministry's 2022 first round (data/SOURCES.md). */
  source?: string;
}

/**
 * Builds the legislative race: a unit per circonscription (`01-01`, `Ain 1re circonscription`, weight 1
 * seat, registered = Inscrits, voters = Votants), a slot per candidate with the Ministry's nuance as its
 * party (two candidates of one nuance in a circonscription are two slots of that party), labelled
 * `first_name surname` (candidates are public figures; names as published). `other` is 0: every
 * candidate has a slot. The outcome columns of the file are not read: the rules compute them.
 *
 * Checks per row: Votants = Exprimés + Blancs + Nuls, and the circonscription's columns agree on every row
 * of it; per circonscription: the candidates' votes add up to Exprimés, Exprimés ≤ Inscrits.
 *
 * @param table Text of the long table.
 * @param options `departements` for regions, `order`, `source`.
 * @returns The race (577 units and 6,290 slots for the bundled 2022 file).
 * @throws {InputError} a missing column, a bad count, an unknown département, a failed identity (file, line, column, expected, found).
 * @example
 * buildLegislativeRace(text).units.ids[0] // => '01-01'
 */
export function buildLegislativeRace(table: DataText, options: LegislativeRaceOptions = {}): MultiCandidateRace {
  const parsed = parseCsvText(table.text, table.file, LEGISLATIVE_COLUMNS);
  const cells = new CsvCells(parsed);
  const regions = options.departements ? departementRegions(options.departements) : undefined;
  const units = new Map<string, { unit: UnitRecord; first: CsvRecord }>();
  for (const r of parsed.records) {
    const id = cells.text(r, 'id');
    let entry = units.get(id);
    if (!entry) {
      entry = { unit: unitFromRow(cells, r, regions, options.departements?.file), first: r };
      units.set(id, entry);
    }
    for (const column of UNIT_COLUMNS) {
      if (cells.raw(r, column).trim() !== cells.raw(entry.first, column).trim()) {
        cells.fail(r, column, `the value on line ${entry.first.line} for the same circonscription, ${JSON.stringify(cells.raw(entry.first, column).trim())}`);
      }
    }
    const label = `${cells.text(r, 'first_name')} ${cells.text(r, 'surname')}`;
    entry.unit.candidates.push({ party: cells.text(r, 'nuance'), votes: cells.count(r, 'votes'), label });
  }
  for (const { unit, first } of units.values()) {
    const sum = unit.candidates.reduce((a, c) => a + c.votes, 0);
    const valid = cells.count(first, 'valid');
    if (sum !== valid) cells.fail(first, 'valid', `the sum of the circonscription's candidate votes, ${sum}`);
  }
  const source =
    options.source ??
    "Ministère de l'Intérieur, Élections législatives des 12 et 19 juin 2022, résultats définitifs du 1er tour par circonscription (data.gouv.fr, Licence Ouverte 2.0); see data/SOURCES.md";
  return assembleRace([...units.values()].map((e) => e.unit), { ...(options.order ? { order: options.order } : {}), source, file: table.file });
}

/** The unit of a circonscription's first row, with its identities checked. */
function unitFromRow(cells: CsvCells, r: CsvRecord, regions: Map<string, string> | undefined, departementsFile: string | undefined): UnitRecord {
  const registered = cells.count(r, 'registered');
  const voters = cells.count(r, 'voters');
  const valid = cells.count(r, 'valid');
  const spoilt = cells.count(r, 'blank') + cells.count(r, 'null');
  if (voters !== valid + spoilt) cells.fail(r, 'voters', `valid + blank + null = ${valid + spoilt}`);
  if (voters > registered) cells.fail(r, 'voters', `at most registered, ${registered}`);
  const departement = cells.text(r, 'departement');
  let region: string | undefined;
  if (regions) {
    region = regions.get(departement);
    if (region === undefined) cells.fail(r, 'departement', `a département listed in ${departementsFile}`);
  }
  return { id: cells.text(r, 'id'), name: cells.text(r, 'name'), weight: 1, region, registered, voters, other: 0, candidates: [] };
}

/** Region of each département code, from fr_departements.csv. */
function departementRegions(departements: DataText): Map<string, string> {
  const table = parseCsvText(departements.text, departements.file, ['id', 'region']);
  const cells = new CsvCells(table);
  return new Map(table.records.map((r) => [cells.text(r, 'id'), cells.text(r, 'region')]));
}
