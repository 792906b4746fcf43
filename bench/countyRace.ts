/**
 * A synthetic county-level race for the benchmark (issue 25): 3,160 territories (as many as the US has
 * counties), statewide popular vote, one side with a supporter list and four channels, written as a race
 * table and a scenario file into a folder. The votes are invented, deterministic for a seed (a 32-bit
 * LCG, bench/fakeSupporters.ts): county sizes log-uniform from 500 to 2,000,000 votes, the first side's
 * two-party share rising with the county's size (as in US counties) plus noise, 2 % other votes. It is a
 * size and shape for timing, not an election: no figure of it is reported as a result.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { lcg } from './fakeSupporters.js';

/** Counties of the synthetic race (the 3,143 US counties and county equivalents, rounded up as issue 25 counts them). */
export const COUNTY_UNITS = 3160;

/**
 * Writes `counties.csv` (id,name,weight,D,R,other) and `counties.yaml` into `dir`.
 *
 * @param dir an existing folder
 * @param units number of counties
 * @param simulations the scenario's simulations
 * @returns the path of the scenario file
 * @example
 * writeCountyRace('/tmp/x', 3160, 20000) // => '/tmp/x/counties.yaml'
 */
export function writeCountyRace(dir: string, units = COUNTY_UNITS, simulations = 20_000): string {
  const random = lcg(2024);
  const rows = ['id,name,weight,D,R,other'];
  for (let i = 0; i < units; i++) {
    const votes = Math.round(500 * Math.pow(4000, random()));
    const noise = (random() + random() + random() - 1.5) * 0.2;
    const share = Math.min(0.92, Math.max(0.08, 0.2 + 0.09 * Math.log10(votes / 500) + noise));
    const other = Math.round(votes * 0.02);
    const d = Math.round((votes - other) * share);
    rows.push(`C${String(i + 1).padStart(4, '0')},County ${i + 1},0,${d},${votes - other - d},${other}`);
  }
  writeFileSync(path.join(dir, 'counties.csv'), `${rows.join('\n')}\n`);
  const scenario = [
    'name: benchmark county race (synthetic)',
    'race: { file: counties.csv, format: table, year: 2024 }',
    'rule: popular-vote',
    'sides: [D, R]',
    `simulations: ${simulations}`,
    'seed: 42',
    'campaigns:',
    '  D:',
    '    listSize: 400000',
    '    yearsSinceCollected: 2',
    '    allocation: proportional',
    '    channels: { email: {}, phone: { coverage: 0.5 }, door: { coverage: 0.2 }, relay: {} }',
  ];
  const file = path.join(dir, 'counties.yaml');
  writeFileSync(file, `${scenario.join('\n')}\n`);
  return file;
}
