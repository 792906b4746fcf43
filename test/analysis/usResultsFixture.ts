/**
 * Reads the project's US result table (data/us_president_results.csv, data/us_units.csv) into the
 * ElectionResults shape with a few lines of test-only CSV parsing, so analysis tests on actual results
 * do not depend on the data loaders. The files have no quoted commas in the columns read here.
 */
import { readFileSync } from 'node:fs';
import type { ElectionResults, ResultUnit } from '../../src/model/types.js';

const root = new URL('../../', import.meta.url);

function table(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(new URL(file, root), 'utf8').trim().split('\n');
  const keys = head.split(',');
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(keys.map((k, i) => [k, cells[i] ?? '']));
  });
}

export function usResults(year: number): ElectionResults {
  const info = new Map(table('data/us_units.csv').map((r) => [r.id, r]));
  const units: ResultUnit[] = table('data/us_president_results.csv')
    .filter((r) => Number(r.year) === year)
    .map((r) => {
      const d = Number(r.D), rep = Number(r.R), other = Number(r.other);
      const meta = info.get(r.id);
      const unit: ResultUnit = {
        id: r.id,
        name: meta?.name ?? r.id,
        weight: Number(r.electoral_votes),
        votes: { D: d, R: rep, other },
        total: Number(r.total),
        winner: d > rep ? 'D' : 'R',
        region: meta?.census_division,
      };
      if (meta?.parent) unit.parent = meta.parent;
      return unit;
    });
  const weightTotals: Record<string, number> = { D: 0, R: 0 };
  const popularVote: Record<string, number> = { D: 0, R: 0, other: 0, total: 0 };
  for (const u of units) {
    weightTotals[u.winner] += u.weight;
    if (u.parent) continue;
    popularVote.D += u.votes.D;
    popularVote.R += u.votes.R;
    popularVote.other += u.votes.other;
    popularVote.total += u.total;
  }
  return { country: 'us', year, sides: ['D', 'R'], units, weightTotals, popularVote, source: 'data/us_president_results.csv' };
}
