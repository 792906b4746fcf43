/**
 * summary.json of a large race (issue 25): above {@link LIVE_TERRITORIES_MAX} territories the per-territory
 * detail lives in territories.csv only, so summary.json stays a few hundred kilobytes whatever the race's
 * size (a 35,001-commune race made a 26 MB summary.json, some 700 bytes a territory). The summary keeps
 * every race-wide figure, the {@link KEPT_TERRITORIES} territories closest to a tie (by mean margin) and
 * the most frequent tipping points, and names what it left out.
 */
import { LIVE_TERRITORIES_MAX } from '../briefing/reportLimits.js';

/** Territories a large race's summary.json keeps in `territories` (the closest to a tie) and `tippingPoint` (the most frequent). */
export const KEPT_TERRITORIES = 100;

/** What a compacted summary.json says about the detail it left out (`report.perTerritory`). */
export interface PerTerritoryNote {
  /** Territories of the race. */
  territories: number;
  /** The file that holds every territory's row. */
  file: 'territories.csv';
  /** What `territories` and `tippingPoint` still hold. */
  kept: string;
  /** Key paths of the per-territory tables left out (a table indexed by territory id, or a list of every territory). */
  leftOut: string[];
}

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Whether `value` is a per-territory table: a list of every territory's object, or an object keyed by territory ids (at least half of them). */
function perTerritory(value: unknown, ids: ReadonlySet<string>): boolean {
  if (Array.isArray(value)) return value.length === ids.size && value.every((v) => isObject(v) && ids.has(String(v.id)));
  if (!isObject(value)) return false;
  const keys = Object.keys(value);
  return keys.length >= ids.size / 2 && keys.every((k) => ids.has(k));
}

/** A copy of `value` with every per-territory table under it left out; their key paths pushed to `leftOut`. */
function withoutTables(value: Json, ids: ReadonlySet<string>, at: string, leftOut: string[]): Json {
  const out: Json = {};
  for (const [key, child] of Object.entries(value)) {
    const path = at ? `${at}.${key}` : key;
    if (perTerritory(child, ids)) leftOut.push(path);
    else out[key] = isObject(child) ? withoutTables(child, ids, path, leftOut) : child;
  }
  return out;
}

/**
 * The summary.json document of a run: as given for a race of at most {@link LIVE_TERRITORIES_MAX}
 * territories; above, `territories` holds the {@link KEPT_TERRITORIES} closest to a tie (smallest |mean
 * margin|, then id), `tippingPoint` the most frequent {@link KEPT_TERRITORIES}, every other per-territory
 * table (the resolved scenario's territories, baseline margins, list allocations) is left out, and
 * `report.perTerritory` says so ({@link PerTerritoryNote}). Nothing race-wide is left out.
 *
 * @param document the `run --json` document with its `report` record
 * @returns the document to write (the same object when the race is small)
 * @example
 * compactSummary(summaryOf35001Communes).territories.length // => 100
 * compactSummary(summaryOf56States).territories.length // => 56
 */
export function compactSummary<T extends { territories: { id: string; meanMargin: number }[]; tippingPoint: unknown[]; report: object }>(document: T): T | Json {
  const count = document.territories.length;
  if (count <= LIVE_TERRITORIES_MAX) return document;
  const ids = new Set(document.territories.map((t) => t.id));
  const leftOut: string[] = [];
  const { territories, tippingPoint, report, ...rest } = document;
  const compact = withoutTables(rest as Json, ids, '', leftOut);
  const closest = [...territories]
    .sort((a, b) => Math.abs(a.meanMargin) - Math.abs(b.meanMargin) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, KEPT_TERRITORIES);
  const note: PerTerritoryNote = {
    territories: count,
    file: 'territories.csv',
    kept: `territories: the ${KEPT_TERRITORIES} closest to a tie (smallest |mean margin|); tippingPoint: the ${KEPT_TERRITORIES} most frequent`,
    leftOut: ['territories (the others)', ...leftOut],
  };
  return { ...compact, territories: closest, tippingPoint: tippingPoint.slice(0, KEPT_TERRITORIES), report: { ...report, perTerritory: note } };
}
