/**
 * The MIT Election Data and Science Lab's long layout ("U.S. President 1976–2020",
 * doi:10.7910/DVN/42MVDX): one row per candidate line per state and year.
 */
import { InputError } from '../../errors.js';
import type { Side } from '../../model/types.js';
import { assembleResults } from '../usResults.js';
import type { RaceColumnUse, RaceFileOptions, RaceFileResults, RaceUnit } from './raceTypes.js';
import { cellText, countCell, failCell, dataRecords, findColumn, missingColumn, weightCell, type RaceGrid } from './raceGrid.js';
import type { CsvRecord } from '../../io/parseDelimited.js';

/** Facts from the project's data/ that a MEDSL file may need. */
export interface MedslBundledData {
  /** Electoral votes apportioned in a year by USPS code (`{PA: 20, …}`), or undefined for a year not held. */
  electoralVotes?: (year: number) => Map<string, number> | undefined;
  /** Display name and Census division by USPS code. */
  units?: Map<string, { name: string; region: string }>;
}

/**
 * Rows that count ballots, not votes for anyone: blank, over- and under-votes, void ballots. MEDSL
 * lists them for a few states; they are left out of the votes (and named in `notes`).
 */
const NOT_VOTES = /^(BLANK VOTES?|OVER ?VOTES?|UNDER ?VOTES?|VOID( VOTES?)?)$/;

/** Title case for MEDSL's upper-case state names: `DISTRICT OF COLUMBIA` -> `District of Columbia`. */
function titleCase(name: string): string {
  return name.toLowerCase().replace(/\b([a-z])/g, (c) => c.toUpperCase()).replace(/\bOf\b/g, 'of');
}

/**
 * Reads one year of a MEDSL president-by-state file (or county file: `county_fips`, `party` and
 * `mode` columns; units are counties, their region the state, weights 0 by default; a county given
 * by vote mode counts its TOTAL rows, or the sum of its modes when it has none). Sides are `D` and `R`: the candidates with
 * the most votes on lines whose `party_simplified` is DEMOCRAT and REPUBLICAN nationally. Every
 * line of a nominee is totalled by candidate, so fusion lines (New York's Working Families or
 * Conservative lines) count for the nominee, and a line labelled DEMOCRAT that names another
 * candidate counts in `other`. Blank, over-, under-vote and void rows are not votes and are left
 * out (listed in `notes`). Weights: `electoral-votes` (default for a file of states) takes that
 * year's apportioned electoral votes from the bundled data (ME 4, NE 5 as whole states: a state
 * file cannot split them by district); `0`; or a column name.
 *
 * @param grid The file's cells.
 * @param options `year` (required when the file holds several), `weights`, `sides` (only `['D','R']`).
 * @param bundled Electoral votes and unit names from data/ (the Node reader passes them).
 * @returns The race in the `results --json` shape, country `us`, with the columns it read.
 * @throws {InputError} a missing column, a year not in the file (listing those it holds), no
 *   electoral votes for the year, a bad count, a state without a Democratic or Republican nominee.
 * @example
 * parseMedsl(grid2020, {year: 2020}, bundled).weightTotals // => { D: 306, R: 232 }
 */
export function parseMedsl(grid: RaceGrid, options: RaceFileOptions = {}, bundled: MedslBundledData = {}): RaceFileResults {
  const c = medslColumns(grid);
  if (options.sides && !(options.sides[0] === 'D' && options.sides[1] === 'R') && !(options.sides[0] === 'R' && options.sides[1] === 'D')) {
    throw new InputError({ at: 'sides', expected: 'D and R for a MEDSL file', found: JSON.stringify(options.sides) });
  }
  const sides: [Side, Side] = options.sides ? [options.sides[0], options.sides[1]] : ['D', 'R'];
  const { rows: yearRows, year, years, blank } = rowsOfYear(grid, c.year, options.year);
  const unitOf = (r: CsvRecord): string => medslUnitOf(grid, c, r);
  const { rows, summedModes } = countedRows(c, yearRows, unitOf);
  const nominees = findNominees(grid, c, rows, year);
  const { ev, weightCol } = medslWeights(grid, c.county, options.weights, year, bundled);
  const { states, notVotes } = sumByUnit(grid, c, rows, unitOf, weightCol);
  const units = medslUnits(grid, c, states, nominees, ev, weightCol, year, bundled);
  if (ev) {
    const missing = [...ev.keys()].filter((po) => !states.has(po));
    if (missing.length > 0) throw new InputError({ file: grid.file, at: `year ${year}`, expected: `rows for every state and DC (electoral votes are counted over all of them)`, found: `none for ${missing.join(', ')}` });
  }
  const columns = medslColumnUse(grid, c, { year, years, nominees, ev, weightCol });
  const notes: string[] = [];
  if (blank > 0) notes.push(`${blank} blank row${blank === 1 ? '' : 's'} skipped`);
  if (notVotes > 0) {
    const where = [...states].filter(([, s]) => s.notVotes > 0).map(([po, s]) => `${po} ${s.notVotes}`).join(', ');
    notes.push(`${notVotes} blank, over-, under-vote or void ballots not counted as votes (${where})`);
  }
  if (summedModes.size > 0) notes.push(`${summedModes.size} unit${summedModes.size === 1 ? '' : 's'} without TOTAL rows counted as the sum of their vote modes (${[...summedModes].slice(0, 8).join(', ')}${summedModes.size > 8 ? ', …' : ''})`);
  if (ev && (states.has('ME') || states.has('NE'))) notes.push('Maine and Nebraska weigh their whole electoral votes (4 and 5): a state file cannot split them by district');
  const results = assembleResults({
    country: 'us',
    year,
    sides,
    units,
    source: `${grid.file} (MEDSL ${c.county ? 'county' : 'state'} layout${ev ? `; electoral votes ${year} from the bundled data/us_electoral_votes.csv` : ''})`,
    candidates: { D: nominees.D!, R: nominees.R! },
  });
  return { ...results, units, format: 'medsl', columns, notes };
}

/** Column indexes of a MEDSL file (-1 for an optional column it lacks); `county` when it has `county_fips`. */
interface MedslColumns {
  year: number;
  po: number;
  candidate: number;
  votes: number;
  party: number;
  state: number;
  detailed: number;
  fips: number;
  countyName: number;
  mode: number;
  county: boolean;
}

/** Finds the MEDSL columns; throws an InputError naming a required column the header lacks. */
function medslColumns(grid: RaceGrid): MedslColumns {
  const col = (name: string): number => {
    const i = findColumn(grid.header, name);
    if (i < 0) throw missingColumn(grid, `a MEDSL header with a "${name}" column`);
    return i;
  };
  const year = col('year');
  const po = col('state_po');
  const candidate = col('candidate');
  const votes = col('candidatevotes');
  const party = findColumn(grid.header, 'party_simplified') >= 0 ? findColumn(grid.header, 'party_simplified') : findColumn(grid.header, 'party');
  if (party < 0) throw missingColumn(grid, 'a MEDSL header with a "party_simplified" (state file) or "party" (county file) column');
  const fips = findColumn(grid.header, 'county_fips');
  return {
    year,
    po,
    candidate,
    votes,
    party,
    state: findColumn(grid.header, 'state'),
    detailed: findColumn(grid.header, 'party_detailed'),
    fips,
    countyName: findColumn(grid.header, 'county_name'),
    mode: findColumn(grid.header, 'mode'),
    county: fips >= 0,
  };
}

/** The rows of the year to read (the one asked, or the file's only year), the years held and the blank rows skipped. */
function rowsOfYear(grid: RaceGrid, yearCol: number, asked: number | undefined): { rows: CsvRecord[]; year: number; years: number[]; blank: number } {
  const byYear = new Map<number, CsvRecord[]>();
  const { records, blank } = dataRecords(grid);
  for (const r of records) {
    const y = countCell(grid, r, yearCol);
    const list = byYear.get(y) ?? [];
    list.push(r);
    byYear.set(y, list);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (years.length === 0) throw new InputError({ file: grid.file, expected: 'at least one row after the header', found: 'none' });
  let year: number;
  if (asked !== undefined) {
    if (!byYear.has(asked)) throw new InputError({ file: grid.file, at: 'year', expected: `one of the years in the file: ${years.join(', ')}`, found: String(asked) });
    year = asked;
  } else if (years.length === 1) {
    year = years[0]!;
  } else {
    throw new InputError({ file: grid.file, at: 'year', expected: `a year to read (the file holds ${years.join(', ')})`, found: 'none' });
  }
  return { rows: byYear.get(year)!, year, years, blank };
}

/**
 * Unit of a row: the state, or the county (5-digit FIPS; a row without one, such as Maine's overseas
 * ballots, becomes its own unit named after its county_name).
 */
function medslUnitOf(grid: RaceGrid, c: MedslColumns, r: CsvRecord): string {
  const po = cellText(r, c.po).toUpperCase();
  if (!/^[A-Z]{2}$/.test(po)) failCell(grid, r, c.po, 'a two-letter state code', true);
  if (!c.county) return po;
  const fips = cellText(r, c.fips);
  if (/^\d{4,5}$/.test(fips)) return fips.padStart(5, '0');
  if (fips === '' || /^N\/?A$/i.test(fips)) return `${po}-${titleCase(cellText(r, c.countyName) || 'unassigned').replace(/\s+/g, '-')}`;
  return failCell(grid, r, c.fips, 'a county FIPS code (4 or 5 digits) or NA', true);
}

/**
 * The rows that count: a county reported by vote mode (ABSENTEE, ELECTION DAY, …) and as TOTAL counts
 * its TOTAL rows only; a county without TOTAL rows counts the sum of its modes (listed in `summedModes`).
 */
function countedRows(c: MedslColumns, rows: CsvRecord[], unitOf: (r: CsvRecord) => string): { rows: CsvRecord[]; summedModes: Set<string> } {
  const summedModes = new Set<string>();
  if (c.mode < 0) return { rows, summedModes };
  const withTotal = new Set(rows.filter((r) => cellText(r, c.mode).toUpperCase() === 'TOTAL').map(unitOf));
  const counted = rows.filter((r) => {
    const unit = unitOf(r);
    if (withTotal.has(unit)) return cellText(r, c.mode).toUpperCase() === 'TOTAL';
    summedModes.add(unit);
    return true;
  });
  return { rows: counted, summedModes };
}

/** Nominees: the candidates with the most votes on DEMOCRAT / REPUBLICAN lines nationally. */
function findNominees(grid: RaceGrid, c: MedslColumns, rows: CsvRecord[], year: number): Record<Side, string> {
  const partyVotes: Record<'DEMOCRAT' | 'REPUBLICAN', Map<string, number>> = { DEMOCRAT: new Map(), REPUBLICAN: new Map() };
  for (const r of rows) {
    const p = cellText(r, c.party).toUpperCase();
    if (p === 'DEMOCRAT' || p === 'REPUBLICAN') {
      const name = cellText(r, c.candidate);
      partyVotes[p].set(name, (partyVotes[p].get(name) ?? 0) + countCell(grid, r, c.votes));
    }
  }
  const nominee = (p: 'DEMOCRAT' | 'REPUBLICAN'): string => {
    const best = [...partyVotes[p]].filter(([name]) => name !== '' && name !== 'OTHER').sort((a, b) => b[1] - a[1])[0];
    if (!best) throw new InputError({ file: grid.file, at: `year ${year}`, expected: `rows of a ${p} candidate`, found: 'none' });
    return best[0];
  };
  return { D: nominee('DEMOCRAT'), R: nominee('REPUBLICAN') };
}

/** Where the unit weights come from: the year's bundled electoral votes (`ev`), a column (`weightCol` ≥ 0), or neither (0). */
function medslWeights(grid: RaceGrid, county: boolean, asked: RaceFileOptions['weights'], year: number, bundled: MedslBundledData): { ev?: Map<string, number>; weightCol: number } {
  const weights = asked ?? (county ? 0 : 'electoral-votes');
  if (weights === 'electoral-votes' && county) {
    throw new InputError({ file: grid.file, at: 'weights', expected: '0 or a column name for a county file (electoral votes weigh whole states)', found: '"electoral-votes"' });
  } else if (weights === 'electoral-votes') {
    const ev = bundled.electoralVotes?.(year);
    if (!ev) throw new InputError({ file: grid.file, at: 'weights', expected: `a year with bundled electoral votes, or weights: 0 or a column name`, found: `year ${year}` });
    return { ev, weightCol: -1 };
  } else if (weights !== 0) {
    const weightCol = findColumn(grid.header, String(weights));
    if (weightCol < 0) throw missingColumn(grid, `a header with the weights column "${weights}"`);
    return { weightCol };
  }
  return { weightCol: -1 };
}

/** Votes of one unit by candidate, with the ballots that are not votes and its weight column's value. */
interface UnitSum {
  first: CsvRecord;
  name: string;
  state: string;
  byCandidate: Map<string, number>;
  notVotes: number;
  weight?: number;
}

/** Totals each unit's rows by candidate (blank, over-, under-vote and void rows apart). */
function sumByUnit(grid: RaceGrid, c: MedslColumns, rows: CsvRecord[], unitOf: (r: CsvRecord) => string, weightCol: number): { states: Map<string, UnitSum>; notVotes: number } {
  const states = new Map<string, UnitSum>();
  let notVotes = 0;
  for (const r of rows) {
    const po = unitOf(r);
    const stateCode = cellText(r, c.po).toUpperCase();
    const name = c.county ? `${titleCase(cellText(r, c.countyName) || 'unassigned')}, ${stateCode}` : c.state >= 0 ? titleCase(cellText(r, c.state)) : po;
    const s = states.get(po) ?? { first: r, name, state: stateCode, byCandidate: new Map<string, number>(), notVotes: 0 };
    states.set(po, s);
    const candidate = cellText(r, c.candidate) || '(unnamed write-ins)';
    const votes = countCell(grid, r, c.votes);
    if (NOT_VOTES.test(candidate.toUpperCase())) {
      s.notVotes += votes;
      notVotes += votes;
    } else {
      s.byCandidate.set(candidate, (s.byCandidate.get(candidate) ?? 0) + votes);
    }
    if (weightCol >= 0) {
      const w = weightCell(grid, r, weightCol);
      if (s.weight !== undefined && s.weight !== w) failCell(grid, r, weightCol, `the same weight on every row of ${po}, ${s.weight}`);
      s.weight = w;
    }
  }
  return { states, notVotes };
}

/** The race's units, sorted by id: the nominees' votes, the rest as other, the weight and the region. */
function medslUnits(
  grid: RaceGrid,
  c: MedslColumns,
  states: Map<string, UnitSum>,
  nominees: Record<Side, string>,
  ev: Map<string, number> | undefined,
  weightCol: number,
  year: number,
  bundled: MedslBundledData,
): RaceUnit[] {
  const units: RaceUnit[] = [];
  for (const [po, s] of states) {
    const D = s.byCandidate.get(nominees.D!) ?? 0;
    const R = s.byCandidate.get(nominees.R!) ?? 0;
    let total = 0;
    for (const v of s.byCandidate.values()) total += v;
    let weight = 0;
    if (ev) {
      const w = ev.get(po);
      if (w === undefined) failCell(grid, s.first, c.po, `a state or DC with electoral votes in ${year}`, true);
      weight = w;
    } else if (weightCol >= 0) weight = s.weight ?? 0;
    const info = c.county ? undefined : bundled.units?.get(po);
    const unit: RaceUnit = {
      id: po,
      name: info?.name ?? s.name,
      weight,
      votes: { D, R, other: total - D - R },
      total,
      winner: D > R ? 'D' : R > D ? 'R' : 'tie',
      parties: Object.fromEntries(s.byCandidate),
    };
    if (info?.region) unit.region = info.region;
    if (c.county) unit.region = s.state;
    units.push(unit);
  }
  return units.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** Which column was read as what (the header's other columns as "not read"). */
function medslColumnUse(
  grid: RaceGrid,
  c: MedslColumns,
  read: { year: number; years: number[]; nominees: Record<Side, string>; ev: Map<string, number> | undefined; weightCol: number },
): RaceColumnUse[] {
  const { year, years, nominees, ev, weightCol } = read;
  const columns: RaceColumnUse[] = [
    { column: grid.header[c.year]!, readAs: `year (rows of ${year} read; file holds ${years.join(', ')})` },
    ...(c.county
      ? [
          { column: grid.header[c.fips]!, readAs: 'unit id (county FIPS code)' },
          ...(c.countyName >= 0 ? [{ column: grid.header[c.countyName]!, readAs: 'unit name' }] : []),
          { column: grid.header[c.po]!, readAs: 'region (state code)' },
        ]
      : [{ column: grid.header[c.po]!, readAs: 'unit id (state code)' }, ...(c.state >= 0 ? [{ column: grid.header[c.state]!, readAs: 'unit name' }] : [])]),
    ...(c.mode >= 0 ? [{ column: grid.header[c.mode]!, readAs: 'vote mode: TOTAL rows where a unit has them, else the sum of its modes' }] : []),
    { column: grid.header[c.candidate]!, readAs: `candidate: votes totalled by candidate (D = ${nominees.D}, R = ${nominees.R})` },
    { column: grid.header[c.party]!, readAs: 'finds the nominees: most votes on DEMOCRAT and REPUBLICAN lines' },
    ...(c.detailed >= 0 ? [{ column: grid.header[c.detailed]!, readAs: 'ignored (fusion lines count for their candidate)' }] : []),
    { column: grid.header[c.votes]!, readAs: 'votes of the candidate line' },
    weightCol >= 0
      ? { column: grid.header[weightCol]!, readAs: 'unit weight' }
      : { column: '(bundled data)', readAs: ev ? `weight: electoral votes apportioned in ${year}` : 'every unit weighs 0 (weights: 0)' },
  ];
  const used = new Set([c.year, c.po, ...(c.county ? [] : [c.state]), c.candidate, c.votes, c.party, c.detailed, weightCol, c.fips, c.countyName, c.mode]);
  const ignored = grid.header.filter((name, i) => !used.has(i) && name !== '');
  if (ignored.length > 0) columns.push({ column: ignored.join(', '), readAs: 'not read' });
  return columns;
}
