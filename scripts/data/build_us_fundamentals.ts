/**
 * Builds data/us_fundamentals.csv, the inputs and outcomes of Abramowitz's time-for-change model of the
 * US presidential popular vote, 1948–2016, from the table the Economist's forecast repository keeps:
 * github.com/TheEconomist/us-potus-model, data/abramowitz_data.csv (commit b89e602, MIT licence; the
 * figures are Abramowitz's: June net approval of the sitting president in Gallup's poll, second-quarter
 * real GDP growth at an annual rate, whether the incumbent party has held the White House for one term,
 * and the incumbent party's share of the two-party popular vote).
 *
 * Columns kept and renamed: year; incumbent_party (D when `deminc` is 1, else R); first_term (`term1`);
 * june_net_approval (`juneapp`, approve − disapprove, points); q2_gdp_growth (`q2gdp`, %, annual rate);
 * incumbent_share (`incvote`, % of the two-party vote). Nothing is recomputed.
 *
 * Dev tool, run by hand: node --import tsx scripts/data/build_us_fundamentals.ts <path to abramowitz_data.csv>
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDelimited } from '../../src/io/parseDelimited.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const source = process.argv[2];
if (!source) {
  console.error('usage: node --import tsx scripts/data/build_us_fundamentals.ts <path to abramowitz_data.csv>');
  process.exit(2);
}
const table = parseDelimited(readFileSync(source, 'utf8'), { file: source, delimiter: ',' });
const column = (name: string) => {
  const i = table.header.indexOf(name);
  if (i < 0) throw new Error(`${source}: no column ${name}`);
  return i;
};
const [year, deminc, term1, juneapp, q2gdp, incvote] = ['year', 'deminc', 'term1', 'juneapp', 'q2gdp', 'incvote'].map(column);
const lines = ['year,incumbent_party,first_term,june_net_approval,q2_gdp_growth,incumbent_share'];
for (const { line, cells } of table.records) {
  const values = [cells[year], cells[deminc], cells[term1], cells[juneapp], cells[q2gdp], cells[incvote]].map((c) => c.trim());
  if (values.some((v) => v === '' || !Number.isFinite(Number(v)))) throw new Error(`${source}: line ${line} has a missing or non-numeric value`);
  const [y, d, t, a, g, v] = values.map(Number);
  lines.push([y, d === 1 ? 'D' : 'R', t, a, g, Number(v.toFixed(2))].join(','));
}
writeFileSync(join(root, 'data', 'us_fundamentals.csv'), `${lines.join('\n')}\n`);
console.log(`data/us_fundamentals.csv: ${lines.length - 1} elections`);
