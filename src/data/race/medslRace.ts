/**
 * MIT Election Data and Science Lab (MEDSL) U.S. House and Senate returns ("U.S. House 1976–2020",
 * doi:10.7910/DVN/IG0UN2; "U.S. Senate 1976–2020", doi:10.7910/DVN/PEJ5QU) as a multi-candidate race:
 * one row per candidate line per race. Cells in (a {@link RaceGrid}), race out: no file access.
 */
import { InputError } from '../../errors.js';
import type { CsvRecord } from '../../io/parseDelimited.js';
import { assembleRace, type CandidateRecord, type UnitRecord } from '../../race/assembleRace.js';
import type { MultiCandidateRace } from '../../race/multiCandidateRace.js';
import type { MedslBundledData } from './parseMedsl.js';
import { cellText, countCell, dataRecords, failCell, findColumn, missingColumn, type RaceGrid } from './raceGrid.js';

/** Options of {@link parseMedslRace}: which race of the file to read, and the party order. */
export interface MedslRaceOptions {
  /** Election year to read (required when the file holds several). */
  year?: number;
  /** Office to read, as the `office` column writes it (`US HOUSE`, `US SENATE`; case ignored). Required when the file holds several. */
  office?: string;
  /** One unit only: a House district (`IA-02`, `IA-2`) or a state's Senate race (`GA`). */
  district?: string;
  /** `true`: special elections only; `false`: regular ones only. Required where a state holds both (Georgia 2020). */
  special?: boolean;
  /** `true`: runoff rows only; `false`: the rest (House files mark Louisiana's and Georgia's runoffs in `runoff`). */
  runoff?: boolean;
  /** Stage to read, as the `stage` column writes it (`GEN`, `PRI`; case ignored). Required when the rows hold several. */
  stage?: string;
  /** Parties to put first (ours first), as the party column writes them (`DEMOCRAT`); the rest by national votes, descending. */
  order?: readonly string[];
  /** Citation; default `<file> (MEDSL <office> layout)`. */
  source?: string;
}

/** Rows that count ballots, not votes for anyone (not candidates, not valid votes). */
const NOT_VOTES = /^(BLANK( VOTES?)?|OVER ?VOTES?|UNDER ?VOTES?|VOID( VOTES?)?|SPOILED( BALLOTS?)?)$/;
/** House delegates and the resident commissioner, who have no vote on the floor: their units weigh 0 seats. */
const NON_VOTING = new Set(['DC', 'AS', 'GU', 'MP', 'PR', 'VI']);

/** Candidate cells that name no one: write-ins totalled together. */
const UNNAMED = /^(|WRITE-?IN(S| VOTES?)?|SCATTER(ED|ING)?|OTHER|OTHERS|ALL OTHERS|\(UNNAMED WRITE-INS\))$/;

/**
 * What a row's candidate cell is: `ballots` that are not votes (`OVERVOTES`, `BLANK VOTE`, and the
 * combined `BLANK VOTE/SCATTERING` rows of Massachusetts and New York, blank ballots for the most part),
 * `unnamed` write-ins, or a `candidate`.
 *
 * @example
 * rowKind('BLANK VOTE/VOID VOTE/SCATTERING') // => 'ballots'
 */
export function rowKind(name: string): 'ballots' | 'unnamed' | 'candidate' {
  const parts = name.toUpperCase().split('/').map((p) => p.trim());
  if (parts.some((p) => NOT_VOTES.test(p)) && parts.every((p) => NOT_VOTES.test(p) || UNNAMED.test(p))) return 'ballots';
  return UNNAMED.test(name.toUpperCase().trim()) ? 'unnamed' : 'candidate';
}

/** Column indexes of a House or Senate file (−1 for an optional column it lacks). */
interface MedslRaceColumns {
  year: number;
  state: number;
  po: number;
  office: number;
  district: number;
  stage: number;
  runoff: number;
  special: number;
  candidate: number;
  party: number;
  writein: number;
  mode: number;
  votes: number;
}

function medslRaceColumns(grid: RaceGrid): MedslRaceColumns {
  const h = grid.header;
  const need = (name: string): number => {
    const i = findColumn(h, name);
    if (i < 0) throw missingColumn(grid, `a MEDSL House or Senate header with a "${name}" column`);
    return i;
  };
  const party = [findColumn(h, 'party_simplified'), findColumn(h, 'party'), findColumn(h, 'party_detailed')].find((i) => i >= 0) ?? -1;
  if (party < 0) throw missingColumn(grid, 'a MEDSL header with a "party_simplified", "party" or "party_detailed" column');
  return {
    year: need('year'),
    state: findColumn(h, 'state'),
    po: need('state_po'),
    office: need('office'),
    district: need('district'),
    stage: findColumn(h, 'stage'),
    runoff: findColumn(h, 'runoff'),
    special: findColumn(h, 'special'),
    candidate: need('candidate'),
    party,
    writein: findColumn(h, 'writein'),
    mode: findColumn(h, 'mode'),
    votes: need('candidatevotes'),
  };
}

/** `TRUE`/`True`/`true` -> true, `FALSE`/…/empty/`NA` -> false. */
function flag(record: CsvRecord, column: number): boolean {
  return column >= 0 && cellText(record, column).toUpperCase() === 'TRUE';
}

/** A House district's unit id: `AK-00` (MEDSL writes 0 for an at-large seat), `IA-02`; a Senate race's: the state code. */
function unitId(grid: RaceGrid, c: MedslRaceColumns, record: CsvRecord, senate: boolean): string {
  const po = cellText(record, c.po).toUpperCase();
  if (!/^[A-Z]{2}$/.test(po)) failCell(grid, record, c.po, 'a two-letter state code', true);
  if (senate) return po;
  const district = cellText(record, c.district);
  if (!/^\d{1,2}$/.test(district)) failCell(grid, record, c.district, 'a House district number (0 for an at-large seat)', true);
  return `${po}-${district.padStart(2, '0')}`;
}

/** What tells two races of one unit apart, in words (`US SENATE, stage GEN, special`). */
function raceKey(c: MedslRaceColumns, r: CsvRecord): string {
  const parts = [cellText(r, c.office).toUpperCase()];
  if (c.stage >= 0) parts.push(`stage ${cellText(r, c.stage).toUpperCase()}`);
  if (flag(r, c.runoff)) parts.push('runoff');
  parts.push(flag(r, c.special) ? 'special' : 'regular');
  return parts.join(', ');
}

/** The distinct values of a column over some rows, sorted. */
function distinct(rows: readonly CsvRecord[], read: (r: CsvRecord) => string): string[] {
  return [...new Set(rows.map(read))].sort();
}

/**
 * Keeps the rows of the race asked: one year, one office, one stage, then `district` and `special`.
 * Throws when a choice is needed and not given, saying which option picks what.
 */
function selectRows(grid: RaceGrid, c: MedslRaceColumns, options: MedslRaceOptions): { rows: CsvRecord[]; year: number; office: string } {
  let rows = dataRecords(grid).records;
  if (rows.length === 0) throw new InputError({ file: grid.file, expected: 'at least one row after the header', found: 'none' });
  const pick = (column: string, option: string, read: (r: CsvRecord) => string, asked: string | undefined): string => {
    const values = distinct(rows, read);
    if (asked !== undefined) {
      const kept = rows.filter((r) => read(r) === asked.toUpperCase());
      if (kept.length === 0) throw new InputError({ file: grid.file, at: option, expected: `one of the ${column} values the file holds: ${values.join(', ')}`, found: JSON.stringify(asked) });
      rows = kept;
      return asked.toUpperCase();
    }
    if (values.length > 1) {
      throw new InputError({ file: grid.file, at: option, expected: `one ${column} to read: the file holds ${values.join(', ')}, never summed together (give option \`${option}\`)`, found: 'none' });
    }
    return values[0]!;
  };
  const year = Number(pick('year', 'year', (r) => String(countCell(grid, r, c.year)), options.year === undefined ? undefined : String(options.year)));
  const office = pick('office', 'office', (r) => cellText(r, c.office).toUpperCase(), options.office);
  if (!/^US (HOUSE|SENATE)$/.test(office)) throw new InputError({ file: grid.file, at: 'office', expected: 'US HOUSE or US SENATE (a MEDSL House or Senate file)', found: JSON.stringify(office) });
  if (c.stage >= 0) pick('stage', 'stage', (r) => cellText(r, c.stage).toUpperCase(), options.stage);
  const senate = office === 'US SENATE';
  if (options.district !== undefined) {
    const wanted = options.district.toUpperCase().replace(/^([A-Z]{2})-(\d)$/, '$1-0$2');
    const held = distinct(rows, (r) => unitId(grid, c, r, senate));
    rows = rows.filter((r) => unitId(grid, c, r, senate) === wanted);
    if (rows.length === 0) throw new InputError({ file: grid.file, at: 'district', expected: `a ${senate ? 'state' : 'district'} of the file (${held.slice(0, 30).join(', ')}${held.length > 30 ? ', …' : ''})`, found: JSON.stringify(options.district) });
  }
  for (const [key, column, asked] of [['special', c.special, options.special], ['runoff', c.runoff, options.runoff]] as const) {
    if (asked === undefined) continue;
    rows = rows.filter((r) => flag(r, column) === asked);
    if (rows.length === 0) throw new InputError({ file: grid.file, at: key, expected: `${asked ? '' : 'non-'}${key} elections in the rows chosen`, found: 'none' });
  }
  return { rows, year, office };
}

/** A unit's rows by race; two races in one unit are refused, naming the options that pick one. */
function groupByUnit(grid: RaceGrid, c: MedslRaceColumns, rows: readonly CsvRecord[], senate: boolean): Map<string, CsvRecord[]> {
  const units = new Map<string, CsvRecord[]>();
  for (const r of rows) {
    const id = unitId(grid, c, r, senate);
    const list = units.get(id) ?? [];
    if (list.length > 0 && raceKey(c, list[0]!) !== raceKey(c, r)) {
      throw new InputError({
        file: grid.file,
        at: `line ${r.line} (${id})`,
        expected: `one race per ${senate ? 'state' : 'district'}, never summed: ${id} holds two (${raceKey(c, list[0]!)} on line ${list[0]!.line}; ${raceKey(c, r)}); pick one with option \`special\` (true or false), \`runoff\` or \`district\``,
        found: 'two races',
      });
    }
    list.push(r);
    units.set(id, list);
  }
  return units;
}

/**
 * The rows that count: where a race is given by vote mode (ABSENTEE, ELECTION DAY, …) and as TOTAL, its
 * TOTAL rows only; a race without TOTAL rows counts the sum of its modes.
 */
function countedRows(c: MedslRaceColumns, rows: CsvRecord[]): CsvRecord[] {
  if (c.mode < 0 || !rows.some((r) => cellText(r, c.mode).toUpperCase() === 'TOTAL')) return rows;
  return rows.filter((r) => cellText(r, c.mode).toUpperCase() === 'TOTAL');
}

/**
 * One race as a unit: candidate lines totalled by candidate (fusion tickets: one candidate on several
 * party lines counts once, for the party of the line with the most votes); named write-in candidates kept
 * as candidates; unnamed write-ins (`WRITEIN`, an empty candidate, `SCATTERING`, `OTHER`) in `other`;
 * over-, under-, blank and void ballots neither (they count in `voters` only). `voters` is the sum of
 * every row of the race; `totalvotes` is not read (MEDSL's differs from its own rows in a few races:
 * CT-03 2012 by one vote, GA-06 2018 by a write-in row). An unopposed candidate written -1 has 0 votes.
 */
function medslRaceUnit(grid: RaceGrid, c: MedslRaceColumns, id: string, rows: CsvRecord[], senate: boolean, bundled: MedslBundledData): UnitRecord {
  const byCandidate = new Map<string, { votes: number; lines: Map<string, number> }>();
  let other = 0;
  let ballots = 0;
  for (const r of rows) {
    // MEDSL writes -1 (elsewhere 0) for an unopposed candidate whose votes the state did not count (FL-25 2020).
    const unopposed = rows.length === 1 && cellText(r, c.votes) === '-1';
    const votes = unopposed ? 0 : countCell(grid, r, c.votes);
    ballots += votes;
    const name = cellText(r, c.candidate).toUpperCase();
    const kind = rowKind(name);
    if (kind === 'ballots') continue;
    if (kind === 'unnamed') {
      other += votes;
      continue;
    }
    const party = cellText(r, c.party).toUpperCase() || (flag(r, c.writein) ? 'WRITE-IN' : '(NO PARTY)');
    const entry = byCandidate.get(name) ?? { votes: 0, lines: new Map<string, number>() };
    entry.votes += votes;
    entry.lines.set(party, (entry.lines.get(party) ?? 0) + votes);
    byCandidate.set(name, entry);
  }
  const candidates: CandidateRecord[] = [...byCandidate].map(([name, e]) => {
    const party = [...e.lines].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    return { party, votes: e.votes, label: name };
  });
  if (candidates.length === 0) failCell(grid, rows[0]!, c.candidate, `at least one named candidate in ${id}`);
  const first = rows[0]!;
  const po = cellText(first, c.po).toUpperCase();
  const stateName = bundled.units?.get(po)?.name ?? titleCase(c.state >= 0 ? cellText(first, c.state) : po);
  const district = Number(id.slice(3));
  const special = flag(first, c.special) ? ' (special)' : '';
  const name = senate ? `${stateName} Senate${special}` : `${stateName} ${district === 0 ? 'at-large' : `district ${district}`}${special}`;
  const region = senate ? bundled.units?.get(po)?.region : po;
  const weight = !senate && NON_VOTING.has(po) ? 0 : 1;
  return { id, name: weight === 0 ? `${name} (non-voting delegate)` : name, weight, region, registered: 0, voters: ballots, other, candidates };
}

/** Title case for MEDSL's upper-case state names: `NEW YORK` -> `New York`. */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/\b([a-z])/g, (x) => x.toUpperCase()).replace(/\bOf\b/g, 'of');
}

/**
 * Reads one office of a MEDSL House or Senate file as a race of every candidate. House: a unit per
 * district (`AK-00` for an at-large seat, `IA-02`), named `Iowa district 2`, region its state. Senate: a
 * unit per race (id the state code, `GA`), named `Georgia Senate` (`Georgia Senate (special)`), region
 * the state's Census division when the bundled data is given. Every unit weighs 1 seat but the House
 * delegates of DC and the territories (MEDSL lists DC's from 2020), who have no floor vote: 0; `registered` is
 * 0 (MEDSL gives none), `voters` the sum of the race's rows (ballots cast, over- and under-votes included;
 * MEDSL's `totalvotes` is not read: it differs from the rows by a vote in a few races). An unopposed
 * candidate whose votes were not counted (MEDSL writes 0, 1 or -1: FL-25 2020) stands alone with 0 (-1
 * read as 0, only when the candidate is the race's only row).
 *
 * Candidates: the lines of one candidate are summed (fusion tickets: New York's and Connecticut's
 * Working Families or Conservative lines count for their candidate, whose party is the line with the
 * most votes). Party codes are `party_simplified` where the file has it (Senate: DEMOCRAT, REPUBLICAN,
 * LIBERTARIAN, OTHER), else `party` (House, as written: WORKING FAMILIES, …). Write-ins: a named
 * write-in candidate is a candidate (party as written, else `WRITE-IN`), so one who wins (Alaska 2010)
 * wins; unnamed write-ins (`WRITEIN`, an empty candidate, `SCATTERING`, `OTHER`) are the unit's `other`.
 * `OVERVOTES`, `UNDERVOTES`, blank and void ballots are not candidates and not valid votes, nor are the
 * combined `BLANK VOTE/SCATTERING` rows (blank ballots for the most part; see {@link rowKind}). A named
 * candidate without a party is `(NO PARTY)`.
 *
 * Never summed together: a file holding several years, offices or stages needs `year`, `office`,
 * `stage`; a unit holding two races (Georgia 2020: a regular and a special Senate election; a first
 * round and its runoff) is refused unless `special` or `runoff` picks one; `district` reads one unit alone.
 *
 * @param grid The file's cells.
 * @param options `year`, `office`, `stage`, `district`, `special`, `runoff` (which race), `order`, `source`.
 * @param bundled State names and Census divisions from data/us_units.csv.
 * @returns The race.
 * @throws {InputError} a missing column, a choice needed and not given (naming the option), two races in
 *   one unit, a bad count (file, line, column).
 * @example
 * parseMedslRace(houseGrid).units.ids[0] // => 'AK-00' (IA-02: MILLER-MEEKS 196,964, HART 196,958)
 */
export function parseMedslRace(grid: RaceGrid, options: MedslRaceOptions = {}, bundled: MedslBundledData = {}): MultiCandidateRace {
  const c = medslRaceColumns(grid);
  const { rows, year, office } = selectRows(grid, c, options);
  const senate = office === 'US SENATE';
  const units = [...groupByUnit(grid, c, rows, senate)].map(([id, list]) => medslRaceUnit(grid, c, id, countedRows(c, list), senate, bundled));
  units.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const source = options.source ?? `${grid.file} (MEDSL ${senate ? 'Senate' : 'House'} layout, ${year})`;
  return assembleRace(units, { ...(options.order ? { order: options.order } : {}), source, file: grid.file });
}
