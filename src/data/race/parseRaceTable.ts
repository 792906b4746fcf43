/**
 * The project's own race format: one row per territory,
 * `id,name,weight,<side>…[,other][,region][,eligible]`.
 */
import { InputError, isListedColumnName } from '../../errors.js';
import type { Side } from '../../model/types.js';
import { assembleResults } from '../usResults.js';
import type { RaceColumnUse, RaceFileOptions, RaceFileResults, RaceUnit } from './raceTypes.js';
import { cellText, countCell, dataRecords, failCell, findColumn, missingColumn, normaliseName, weightCell, type RaceGrid } from './raceGrid.js';

/** Column names with a fixed meaning in the table format (matched without regard to case). */
export const TABLE_RESERVED_COLUMNS = ['id', 'name', 'weight', 'other', 'region', 'eligible', 'total'] as const;

/**
 * Names of a column of total votes, compared without case, accents, spaces, `_`, `-` or `.`: `total`,
 * `total_votes` (tonmcg's county files), `totalvotes` (MEDSL), `Total votes cast`, `Exprimés` and
 * `Suffrages exprimés` (the Ministry's valid votes), `valid_votes`. Such a column is a total, never a
 * side: read as a candidate it would double the turnout and halve every share.
 */
const TOTAL_COLUMN_NAMES = ['total', 'totals', 'totalvotes', 'totalvote', 'votestotal', 'totalvotescast', 'votescast', 'totalcast', 'exprimes', 'suffragesexprimes', 'nbexprimes', 'totalexprimes', 'validvotes', 'totalvalidvotes'] as const;

/** A header's name as compared with {@link TOTAL_COLUMN_NAMES}: `Total_Votes` -> `totalvotes`. */
function compactName(name: string): string {
  return normaliseName(name).replace(/[\s_.\-]+/g, '');
}

/**
 * Reads a race in the table format. Columns: `id` (unique unit id), `name`, `weight` (electoral
 * votes, seats, or 0; another column with `weights: '<column>'`, none with `weights: 0`), then one
 * column of votes per side (any name that is not reserved), and optionally `other` (votes of every
 * other candidate), `region` (for the regional error term), `eligible` (eligible or registered
 * voters) and a total (`total`, `total_votes`, `Exprimés`…: {@link TOTAL_COLUMN_NAMES}; checked to equal
 * the sides plus `other`, never read as a side). Vote counts are whole numbers;
 * weights may be decimals (`,` decimal mark in `;`- or tab-separated files). With more than two side
 * columns the first two are the sides unless `sides` names two; the others are added to `other`.
 *
 * @param grid The file's cells (see parseDelimited, or a worksheet).
 * @param options `weights`, `sides`, `year` (recorded; 0 when not given), `round` (recorded).
 * @returns The race in the `results --json` shape, country `custom`, with the columns it read.
 * @throws {InputError} a missing column (naming the header), fewer than two side columns, an unknown
 *   side in `sides`, a duplicated id, a bad count or weight (file, line, column; no cell text shown
 *   unless it is a number), two total columns, a total that differs from the sum (naming the missing
 *   `other` column when the total is larger).
 * @example
 * const { grid } = raceGridFromBytes(new TextEncoder().encode('id,name,weight,A,B\nN,North,3,120,80\nS,South,2,90,110\n'), 'r.csv');
 * parseRaceTable(grid).weightTotals // => { A: 3, B: 2 }
 */
export function parseRaceTable(grid: RaceGrid, options: RaceFileOptions = {}): RaceFileResults {
  const notes: string[] = [];
  const c = tableColumns(grid, options.weights ?? 'weight');
  const sides = tableSides(grid, c.sideCols, options.sides);
  const columns = tableColumnUse(grid, c, sides);
  const ids = new Set<string>();
  const { records, blank } = dataRecords(grid);
  const units = records.map((record) => tableUnit(grid, record, c, sides, ids));
  if (units.length === 0) throw new InputError({ file: grid.file, expected: 'at least one unit row after the header', found: 'none' });
  if (blank > 0) notes.push(`${blank} blank row${blank === 1 ? '' : 's'} skipped`);
  const results = assembleResults({
    country: 'custom',
    year: options.year ?? 0,
    ...(options.round === undefined ? {} : { round: options.round }),
    sides,
    units,
    source: `${grid.file} (table format)`,
    candidates: { [sides[0]]: sides[0], [sides[1]]: sides[1] },
  });
  return { ...results, units, format: 'table', columns, notes };
}

/** Column indexes of a race table (-1 for one it lacks), the side columns and the weights asked. */
interface TableColumns {
  idCol: number;
  nameCol: number;
  weightCol: number;
  ignoredWeight: number;
  weights: NonNullable<RaceFileOptions['weights']>;
  optional: Record<'other' | 'region' | 'eligible' | 'total', number>;
  sideCols: number[];
}

/** Finds the table's columns: id, name, the weights, the optional ones and the side columns (at least two, distinct names). */
function tableColumns(grid: RaceGrid, weights: NonNullable<RaceFileOptions['weights']>): TableColumns {
  const idCol = findColumn(grid.header, 'id');
  if (idCol < 0) throw missingColumn(grid, 'a header with an "id" column (id,name,weight,<side>…)');
  const nameCol = findColumn(grid.header, 'name');
  if (nameCol < 0) throw missingColumn(grid, 'a header with a "name" column (id,name,weight,<side>…)');
  let weightCol = -1;
  if (weights === 'electoral-votes') {
    throw new InputError({ at: 'weights', expected: '0 or a column name for a table file (electoral votes come with MEDSL state files)', found: '"electoral-votes"' });
  } else if (weights !== 0) {
    weightCol = findColumn(grid.header, String(weights));
    if (weightCol < 0) {
      throw missingColumn(grid, weights === 'weight' ? 'a header with a "weight" column (or weights: 0 for a race the total vote decides)' : `a header with the weights column "${weights}"`);
    }
  }
  const reserved = new Set<number>([idCol, nameCol, weightCol]);
  const optional: Record<'other' | 'region' | 'eligible' | 'total', number> = {
    other: findColumn(grid.header, 'other'),
    region: findColumn(grid.header, 'region'),
    eligible: findColumn(grid.header, 'eligible'),
    total: totalColumn(grid),
  };
  for (const i of Object.values(optional)) reserved.add(i);
  // With weights: 0 or weights: <another column>, a `weight` column is left aside, not read as a side.
  const ignoredWeight = weights === 0 || (weightCol >= 0 && normaliseName(grid.header[weightCol]!) !== 'weight') ? findColumn(grid.header, 'weight') : -1;
  reserved.add(ignoredWeight);
  const sideCols = grid.header.map((_, i) => i).filter((i) => !reserved.has(i) && grid.header[i] !== '');
  if (sideCols.length < 2) {
    throw missingColumn(grid, 'at least two side columns after id, name and weight (votes per side, e.g. D,R)');
  }
  const seenNames = new Set<string>();
  for (const i of sideCols) {
    const key = normaliseName(grid.header[i]!);
    if (seenNames.has(key) || TABLE_RESERVED_COLUMNS.includes(key as never)) throw missingColumn(grid, `side columns with distinct names (${shownColumn(grid.header[i]!)} appears twice)`);
    seenNames.add(key);
  }
  return { idCol, nameCol, weightCol, ignoredWeight, weights, optional, sideCols };
}

/** The two sides: the side columns `asked` names, or the first two. */
function tableSides(grid: RaceGrid, sideCols: number[], asked: RaceFileOptions['sides']): [Side, Side] {
  if (asked) {
    const found = asked.map((s) => sideCols.find((i) => grid.header[i] === s));
    if (found.some((i) => i === undefined) || asked[0] === asked[1]) {
      throw new InputError({ file: grid.file, at: 'sides', expected: `two different side columns of the file (${sideCols.map((i) => shownColumn(grid.header[i]!)).join(', ')})`, found: JSON.stringify(asked) });
    }
    return [asked[0], asked[1]];
  }
  return [grid.header[sideCols[0]!]!, grid.header[sideCols[1]!]!];
}

/** Which column was read as what. */
function tableColumnUse(grid: RaceGrid, c: TableColumns, sides: [Side, Side]): RaceColumnUse[] {
  const { idCol, nameCol, weightCol, ignoredWeight, weights, optional, sideCols } = c;
  const columns: RaceColumnUse[] = [];
  columns.push({ column: grid.header[idCol]!, readAs: 'unit id' }, { column: grid.header[nameCol]!, readAs: 'unit name' });
  columns.push(weightCol >= 0 ? { column: grid.header[weightCol]!, readAs: 'unit weight (electoral votes or seats)' } : { column: '(none)', readAs: 'every unit weighs 0 (weights: 0)' });
  if (ignoredWeight >= 0) columns.push({ column: grid.header[ignoredWeight]!, readAs: `ignored (weights: ${weights === 0 ? 0 : String(weights)})` });
  for (const i of sideCols) {
    const name = grid.header[i]!;
    columns.push({ column: name, readAs: sides.includes(name) ? `votes of side ${name}${name === sides[0] ? ' (ours)' : ''}` : 'votes added to other' });
  }
  if (optional.other >= 0) columns.push({ column: grid.header[optional.other]!, readAs: 'votes of all other candidates' });
  if (optional.total >= 0) columns.push({ column: grid.header[optional.total]!, readAs: 'total votes, checked against the sum' });
  if (optional.region >= 0) columns.push({ column: grid.header[optional.region]!, readAs: 'region (regional error term)' });
  if (optional.eligible >= 0) columns.push({ column: grid.header[optional.eligible]!, readAs: 'eligible voters' });

  return columns;
}

/** One row as a race unit: its cells beyond the header empty, its id new, the total (if given) the sum. */
function tableUnit(grid: RaceGrid, record: RaceGrid['records'][number], c: TableColumns, sides: [Side, Side], ids: Set<string>): RaceUnit {
  const { idCol, nameCol, weightCol, optional, sideCols } = c;
  const extra = record.cells.slice(grid.header.length).some((cell) => cell.trim() !== '');
  if (extra) failCell(grid, record, grid.header.length, `no cell beyond the ${grid.header.length} header columns`);
  const id = cellText(record, idCol);
  if (id === '') failCell(grid, record, idCol, 'a unit id');
  if (ids.has(id)) failCell(grid, record, idCol, 'a unit id not listed before', true);
  ids.add(id);
  const name = cellText(record, nameCol) || id;
  // Keys come from the file's header: a Map, so a side named `__proto__` or `constructor` is a side like any other.
  const parties = new Map<string, number>();
  for (const i of sideCols) parties.set(grid.header[i]!, countCell(grid, record, i));
  const other = (optional.other >= 0 ? countCell(grid, record, optional.other) : 0) + sideCols.filter((i) => !sides.includes(grid.header[i]!)).reduce((s, i) => s + parties.get(grid.header[i]!)!, 0);
  const a = parties.get(sides[0])!;
  const b = parties.get(sides[1])!;
  const total = a + b + other;
  if (optional.total >= 0) {
    const given = countCell(grid, record, optional.total);
    if (given !== total) {
      const hint = optional.other < 0 && given > total ? ` (the file has no "other" column: add one with the other candidates' votes, ${given - total} here)` : '';
      failCell(grid, record, optional.total, `the sum of the side columns and other, ${total}${hint}`);
    }
  }
  if (optional.other >= 0) parties.set('other', countCell(grid, record, optional.other));
  const unit: RaceUnit = {
    id,
    name,
    weight: weightCol >= 0 ? weightCell(grid, record, weightCol) : 0,
    votes: { [sides[0]]: a, [sides[1]]: b, other },
    total,
    winner: a > b ? sides[0] : b > a ? sides[1] : 'tie',
    parties: Object.fromEntries(parties),
  };
  if (optional.region >= 0 && cellText(record, optional.region) !== '') unit.region = cellText(record, optional.region);
  if (optional.eligible >= 0 && cellText(record, optional.eligible) !== '') unit.eligible = countCell(grid, record, optional.eligible);
  return unit;
}

/** The column of total votes, by any of the {@link TOTAL_COLUMN_NAMES}; -1 without one; an InputError naming both when two. */
function totalColumn(grid: RaceGrid): number {
  const names: readonly string[] = TOTAL_COLUMN_NAMES;
  const found = grid.header.map((h, i) => (names.includes(compactName(h)) ? i : -1)).filter((i) => i >= 0);
  if (found.length > 1) throw missingColumn(grid, `one column of total votes, not ${found.length} (${found.map((i) => JSON.stringify(grid.header[i])).join(', ')})`);
  return found[0] ?? -1;
}

/** A header cell for a message: shown when made of known column words or a code, else described. */
function shownColumn(name: string): string {
  return isListedColumnName(name) ? name : `a ${[...name].length}-character column name (not shown)`;
}
