/**
 * The MIT Election Data and Science Lab's long layout ("U.S. President 1976–2020",
 * doi:10.7910/DVN/42MVDX): one row per candidate line per state and year.
 */
import { InputError } from '../../errors.js';
import type { Side } from '../../model/types.js';
import { assembleResults } from '../usResults.js';
import type { RaceColumnUse, RaceFileOptions, RaceFileResults, RaceUnit } from './raceTypes.js';
import { cellText, countCell, failCell, findColumn, isBlankRecord, missingColumn, weightCell, type RaceGrid } from './raceGrid.js';
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
 * Reads one year of a MEDSL president-by-state file. Sides are `D` and `R`: the candidates with
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
  const col = (name: string): number => {
    const i = findColumn(grid.header, name);
    if (i < 0) throw missingColumn(grid, `a MEDSL header with a "${name}" column`);
    return i;
  };
  const yearCol = col('year');
  const poCol = col('state_po');
  const candCol = col('candidate');
  const votesCol = col('candidatevotes');
  const partyCol = col('party_simplified');
  const stateCol = findColumn(grid.header, 'state');
  const detailedCol = findColumn(grid.header, 'party_detailed');
  if (options.sides && !(options.sides[0] === 'D' && options.sides[1] === 'R') && !(options.sides[0] === 'R' && options.sides[1] === 'D')) {
    throw new InputError({ at: 'sides', expected: 'D and R for a MEDSL file', found: JSON.stringify(options.sides) });
  }
  const sides: [Side, Side] = options.sides ? [options.sides[0], options.sides[1]] : ['D', 'R'];

  const byYear = new Map<number, CsvRecord[]>();
  let blank = 0;
  for (const r of grid.records) {
    if (isBlankRecord(r)) {
      blank++;
      continue;
    }
    const y = countCell(grid, r, yearCol);
    const list = byYear.get(y) ?? [];
    list.push(r);
    byYear.set(y, list);
  }
  const years = [...byYear.keys()].sort((a, b) => a - b);
  if (years.length === 0) throw new InputError({ file: grid.file, expected: 'at least one row after the header', found: 'none' });
  let year: number;
  if (options.year !== undefined) {
    if (!byYear.has(options.year)) throw new InputError({ file: grid.file, at: 'year', expected: `one of the years in the file: ${years.join(', ')}`, found: String(options.year) });
    year = options.year;
  } else if (years.length === 1) {
    year = years[0]!;
  } else {
    throw new InputError({ file: grid.file, at: 'year', expected: `a year to read (the file holds ${years.join(', ')})`, found: 'none' });
  }
  const rows = byYear.get(year)!;

  // Nominees: most votes on DEMOCRAT / REPUBLICAN lines nationally.
  const partyVotes: Record<'DEMOCRAT' | 'REPUBLICAN', Map<string, number>> = { DEMOCRAT: new Map(), REPUBLICAN: new Map() };
  for (const r of rows) {
    const p = cellText(r, partyCol).toUpperCase();
    if (p === 'DEMOCRAT' || p === 'REPUBLICAN') {
      const c = cellText(r, candCol);
      partyVotes[p].set(c, (partyVotes[p].get(c) ?? 0) + countCell(grid, r, votesCol));
    }
  }
  const nominee = (p: 'DEMOCRAT' | 'REPUBLICAN'): string => {
    const best = [...partyVotes[p]].filter(([c]) => c !== '' && c !== 'OTHER').sort((a, b) => b[1] - a[1])[0];
    if (!best) throw new InputError({ file: grid.file, at: `year ${year}`, expected: `rows of a ${p} candidate`, found: 'none' });
    return best[0];
  };
  const nominees: Record<Side, string> = { D: nominee('DEMOCRAT'), R: nominee('REPUBLICAN') };

  const weights = options.weights ?? 'electoral-votes';
  let ev: Map<string, number> | undefined;
  let weightCol = -1;
  if (weights === 'electoral-votes') {
    ev = bundled.electoralVotes?.(year);
    if (!ev) throw new InputError({ file: grid.file, at: 'weights', expected: `a year with bundled electoral votes, or weights: 0 or a column name`, found: `year ${year}` });
  } else if (weights !== 0) {
    weightCol = findColumn(grid.header, String(weights));
    if (weightCol < 0) throw missingColumn(grid, `a header with the weights column "${weights}"`);
  }

  interface StateSum { first: CsvRecord; name: string; byCandidate: Map<string, number>; notVotes: number; weight?: number }
  const states = new Map<string, StateSum>();
  let notVotes = 0;
  for (const r of rows) {
    const po = cellText(r, poCol).toUpperCase();
    if (!/^[A-Z]{2}$/.test(po)) failCell(grid, r, poCol, 'a two-letter state code');
    const s = states.get(po) ?? { first: r, name: stateCol >= 0 ? titleCase(cellText(r, stateCol)) : po, byCandidate: new Map<string, number>(), notVotes: 0 };
    states.set(po, s);
    const candidate = cellText(r, candCol) || '(unnamed write-ins)';
    const votes = countCell(grid, r, votesCol);
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

  const units: RaceUnit[] = [];
  for (const [po, s] of states) {
    const D = s.byCandidate.get(nominees.D!) ?? 0;
    const R = s.byCandidate.get(nominees.R!) ?? 0;
    let total = 0;
    for (const v of s.byCandidate.values()) total += v;
    let weight = 0;
    if (ev) {
      const w = ev.get(po);
      if (w === undefined) failCell(grid, s.first, poCol, `a state or DC with electoral votes in ${year}`, true);
      weight = w;
    } else if (weightCol >= 0) weight = s.weight ?? 0;
    const info = bundled.units?.get(po);
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
    units.push(unit);
  }
  units.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  if (ev) {
    const missing = [...ev.keys()].filter((po) => !states.has(po));
    if (missing.length > 0) throw new InputError({ file: grid.file, at: `year ${year}`, expected: `rows for every state and DC (electoral votes are counted over all of them)`, found: `none for ${missing.join(', ')}` });
  }

  const columns: RaceColumnUse[] = [
    { column: grid.header[yearCol]!, readAs: `year (rows of ${year} read; file holds ${years.join(', ')})` },
    { column: grid.header[poCol]!, readAs: 'unit id (state code)' },
    ...(stateCol >= 0 ? [{ column: grid.header[stateCol]!, readAs: 'unit name' }] : []),
    { column: grid.header[candCol]!, readAs: `candidate: votes totalled by candidate (D = ${nominees.D}, R = ${nominees.R})` },
    { column: grid.header[partyCol]!, readAs: 'finds the nominees: most votes on DEMOCRAT and REPUBLICAN lines' },
    ...(detailedCol >= 0 ? [{ column: grid.header[detailedCol]!, readAs: 'ignored (fusion lines count for their candidate)' }] : []),
    { column: grid.header[votesCol]!, readAs: 'votes of the candidate line' },
    weightCol >= 0
      ? { column: grid.header[weightCol]!, readAs: 'unit weight' }
      : { column: '(bundled data)', readAs: ev ? `weight: electoral votes apportioned in ${year}` : 'every unit weighs 0 (weights: 0)' },
  ];
  const used = new Set([yearCol, poCol, stateCol, candCol, votesCol, partyCol, detailedCol, weightCol]);
  const ignored = grid.header.filter((name, i) => !used.has(i) && name !== '');
  if (ignored.length > 0) columns.push({ column: ignored.join(', '), readAs: 'not read' });
  const notes: string[] = [];
  if (blank > 0) notes.push(`${blank} blank row${blank === 1 ? '' : 's'} skipped`);
  if (notVotes > 0) {
    const where = [...states].filter(([, s]) => s.notVotes > 0).map(([po, s]) => `${po} ${s.notVotes}`).join(', ');
    notes.push(`${notVotes} blank, over-, under-vote or void ballots not counted as votes (${where})`);
  }
  if (ev && (states.has('ME') || states.has('NE'))) notes.push('Maine and Nebraska weigh their whole electoral votes (4 and 5): a state file cannot split them by district');
  const results = assembleResults({
    country: 'us',
    year,
    sides,
    units,
    source: `${grid.file} (MEDSL layout${ev ? `; electoral votes ${year} from the bundled data/us_electoral_votes.csv` : ''})`,
    candidates: { D: nominees.D!, R: nominees.R! },
  });
  return { ...results, units, format: 'medsl', columns, notes };
}
