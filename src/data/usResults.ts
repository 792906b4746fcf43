/**
 * US presidential results by state, DC and Maine/Nebraska district, from the project's tables:
 * data/us_units.csv, data/us_president_results.csv, data/us_turnout.csv and data/us_candidates.json.
 * Text in, typed results out (no file access).
 */
import type { ElectionResults, ResultUnit, Side } from '../model/types.js';
import { InputError, describeValue } from '../errors.js';
import { CsvCells, parseCsvText } from './parseCsvText.js';
import { parseJsonText } from './parseJsonText.js';
import { unavailableError } from './availableYearsError.js';
import type { DataText } from './dataText.js';
import { addOwn } from '../model/ownKeys.js';

/** Election results as loaded from data/: the contract shape plus the nominees' names. */
export interface LoadedResults extends ElectionResults {
  /** Nominee or candidate name per side (`{D: 'Al Gore', R: 'George W. Bush'}`). */
  candidates: Record<Side, string>;
}

/** The four texts the US results are built from. */
export interface UsResultsTexts {
  units: DataText;
  results: DataText;
  turnout: DataText;
  candidates: DataText;
}

const US_SIDES: [Side, Side] = ['D', 'R'];

/** Citation of the US tables per year (publisher and file), from data/SOURCES.md. */
function usSource(year: number): string {
  const states =
    year === 2024
      ? 'American Presidency Project (UC Santa Barbara) 2024 state returns, Virginia corrected to the certified result'
      : 'MIT Election Data and Science Lab, U.S. President 1976-2020 (doi:10.7910/DVN/42MVDX, v20210113), corrected to certified figures where listed';
  const districts = year === 2024 ? 'American Presidency Project' : 'Kenneth Black, Presidential Vote by Congressional District';
  return `${states}; ME/NE districts: ${districts}; VEP: McDonald/UF Election Lab; see data/SOURCES.md`;
}

/**
 * Years held by the US results table.
 *
 * @param results Text of data/us_president_results.csv.
 * @returns Sorted election years (2000, 2004, ..., 2024).
 * @throws {InputError} when the table is malformed.
 * @example
 * usResultYears(text) // => [2000, 2004, 2008, 2012, 2016, 2020, 2024]
 */
export function usResultYears(results: DataText): number[] {
  const table = parseCsvText(results.text, results.file, ['year']);
  const cells: CsvCells = new CsvCells(table);
  return [...new Set(table.records.map((r) => cells.count(r, 'year')))].sort((a, b) => a - b);
}

interface UnitInfo {
  name: string;
  parent?: string;
  region: string;
}

function readUnits(units: DataText): Map<string, UnitInfo> {
  const table = parseCsvText(units.text, units.file, ['id', 'name', 'parent', 'census_division']);
  const cells: CsvCells = new CsvCells(table);
  const byId = new Map<string, UnitInfo>();
  for (const r of table.records) {
    const id = cells.text(r, 'id');
    if (byId.has(id)) cells.fail(r, 'id', 'a unit id not listed before');
    const parent = cells.raw(r, 'parent').trim();
    byId.set(id, { name: cells.text(r, 'name'), region: cells.text(r, 'census_division'), ...(parent ? { parent } : {}) });
  }
  for (const r of table.records) {
    const parent = cells.raw(r, 'parent').trim();
    if (parent && !byId.has(parent)) cells.fail(r, 'parent', 'the id of a unit in this file');
  }
  return byId;
}

function readVep(turnout: DataText, year: number): Map<string, number> {
  const table = parseCsvText(turnout.text, turnout.file, ['year', 'id', 'vep']);
  const cells: CsvCells = new CsvCells(table);
  const vep = new Map<string, number>();
  for (const r of table.records) if (cells.count(r, 'year') === year) vep.set(cells.text(r, 'id'), cells.count(r, 'vep'));
  return vep;
}

/**
 * Reads the nominee names of one year from data/us_candidates.json (`{"2000": {"D": "Al Gore", ...}}`).
 *
 * @throws {InputError} when the year or a side is missing.
 */
function readCandidates(candidates: DataText, year: number, sides: readonly Side[]): Record<Side, string> {
  const root = parseJsonText(candidates.text, candidates.file) as Record<string, unknown>;
  const entry = root?.[String(year)] as Record<string, unknown> | undefined;
  const names: Record<Side, string> = {};
  for (const side of sides) {
    const name = entry?.[side];
    if (typeof name !== 'string' || name === '') {
      throw new InputError({ file: candidates.file, at: `${year}.${side}`, expected: 'a candidate name', found: describeValue(name) });
    }
    names[side] = name;
  }
  return names;
}

/**
 * Builds the US presidential results of one year: 50 states, DC, and the Maine and Nebraska
 * congressional districts as their own units (56 units). ME and NE statewide rows weigh their 2
 * at-large electoral votes; each district weighs 1 and names its state as `parent`, so national
 * popular-vote sums skip it. Weights are the electoral votes apportioned that year (not those cast:
 * faithless electors are ignored). `region` is the US Census division; `eligible` is McDonald's
 * voting-eligible population (states and DC only).
 *
 * @param texts Texts of us_units.csv, us_president_results.csv, us_turnout.csv, us_candidates.json.
 * @param year Election year (2000, 2004, ..., 2024).
 * @returns Results in the `campaign-lab results --json` shape, sides `['D', 'R']`.
 * @throws {InputError} on a malformed table (file, line, column), a unit listed twice or missing,
 *   a total that is not D + R + other, or a year the table does not hold (listing those it does).
 * @example
 * parseUsResults(texts, 2000).units.find((u) => u.id === 'FL')?.votes // => { D: 2912253, R: 2912790, other: 138067 }
 */
export function parseUsResults(texts: UsResultsTexts, year: number): LoadedResults {
  const units = readUnits(texts.units);
  const table = parseCsvText(texts.results.text, texts.results.file, ['year', 'id', 'D', 'R', 'other', 'total', 'electoral_votes']);
  const cells: CsvCells = new CsvCells(table);
  const years = new Set<number>();
  const rows = table.records.filter((r) => {
    const y = cells.count(r, 'year');
    years.add(y);
    return y === year;
  });
  if (rows.length === 0) throw unavailableError(texts.results.file, 'year', [...years].sort((a, b) => a - b), year);
  const vep = readVep(texts.turnout, year);
  const result: ResultUnit[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    const { id, info } = cells.unit(r, units, seen, texts.units.file, `once for ${year}`);
    const D = cells.count(r, 'D');
    const R = cells.count(r, 'R');
    const other = cells.count(r, 'other');
    const total = cells.count(r, 'total');
    if (total !== D + R + other) cells.fail(r, 'total', `D + R + other = ${D + R + other}`);
    const unit: ResultUnit = {
      id,
      name: info.name,
      weight: cells.count(r, 'electoral_votes'),
      votes: { D, R, other },
      total,
      winner: D > R ? 'D' : R > D ? 'R' : 'tie',
      region: info.region,
    };
    const eligible = vep.get(id);
    if (eligible !== undefined) unit.eligible = eligible;
    if (info.parent) unit.parent = info.parent;
    result.push(unit);
  }
  for (const id of units.keys()) {
    if (!seen.has(id)) throw new InputError({ file: texts.results.file, at: `year ${year}`, expected: `a row for unit ${id}`, found: 'none' });
  }
  return assembleResults({ country: 'us', year, sides: US_SIDES, units: result, source: usSource(year), candidates: readCandidates(texts.candidates, year, US_SIDES) });
}

/**
 * Adds the weight totals and the national popular vote to a list of units.
 *
 * Weight won per side counts each unit for its winner (a tied unit counts for neither). The popular
 * vote sums the units without a parent, so district rows are not counted twice.
 *
 * @example
 * assembleResults({country: 'us', year: 2000, sides: ['D', 'R'], units, source: '', candidates}).weightTotals // => { D: 267, R: 271 }
 */
export function assembleResults(input: {
  country: ElectionResults['country'];
  year: number;
  round?: number;
  sides: [Side, Side];
  units: ResultUnit[];
  source: string;
  candidates: Record<Side, string>;
}): LoadedResults {
  const weightTotals: Record<Side, number> = { [input.sides[0]]: 0, [input.sides[1]]: 0 };
  const popularVote: Record<string, number> = { [input.sides[0]]: 0, [input.sides[1]]: 0, other: 0, total: 0 };
  for (const unit of input.units) {
    if (Object.hasOwn(weightTotals, unit.winner)) addOwn(weightTotals, unit.winner, unit.weight);
    if (unit.parent) continue;
    // Side names come from the file's header: own keys only (a side may be named `constructor`).
    for (const [side, votes] of Object.entries(unit.votes)) addOwn(popularVote, side, votes);
    popularVote.total! += unit.total;
  }
  const results: LoadedResults = {
    country: input.country,
    year: input.year,
    ...(input.round === undefined ? {} : { round: input.round }),
    sides: input.sides,
    units: input.units,
    weightTotals,
    popularVote,
    source: input.source,
    candidates: input.candidates,
  };
  return results;
}
