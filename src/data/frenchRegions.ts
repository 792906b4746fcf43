/**
 * The French regions in force since 1 January 2016 (loi n° 2015-29 du 16 janvier 2015, names as fixed
 * in 2016; INSEE Code officiel géographique for each département's region), column `region_2016` of
 * data/fr_departements.csv. The column `region` keeps the 22 metropolitan regions of 1982–2015, which
 * the regional error term of the model uses; `value --by region` groups by the current regions and
 * `value --by region-1982` by the former ones (data/SOURCES.md).
 */
import { CsvCells, parseCsvText } from './parseCsvText.js';
import type { DataText } from './dataText.js';

/**
 * The current region of each département id, from data/fr_departements.csv.
 *
 * @param table the file's text and its name for messages
 * @returns a map from département id (`51`, `2A`, `974`, `ZZ`) to its region since 2016 (`Grand Est`)
 * @throws {InputError} when the header lacks `id` or `region_2016`, a region is empty or an id is listed twice
 * @example
 * currentFrenchRegions({ file: 'fr_departements.csv', text: 'id,name,region,region_2016\n51,Marne,Champagne-Ardenne,Grand Est\n' }).get('51') // => 'Grand Est'
 */
export function currentFrenchRegions(table: DataText): Map<string, string> {
  const parsed = parseCsvText(table.text, table.file, ['id', 'region_2016']);
  const cells = new CsvCells(parsed);
  const regions = new Map<string, string>();
  for (const r of parsed.records) {
    const id = cells.text(r, 'id');
    if (regions.has(id)) cells.fail(r, 'id', 'a département id not listed before');
    const region = cells.text(r, 'region_2016').trim();
    if (region === '') cells.fail(r, 'region_2016', 'the name of the département\'s region since 2016');
    regions.set(id, region);
  }
  return regions;
}
