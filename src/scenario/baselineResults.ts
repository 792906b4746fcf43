/**
 * The expected result a resolved scenario is centred on, as a results table (the `results --json`
 * shape), so analyses written for published results (votes-to-flip, decisive-vote denominators) work on
 * a forecast baseline too.
 */
import type { ElectionResults, ResultUnit, Side } from '../model/types.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import { addOwn } from '../model/ownKeys.js';

/**
 * Turns a resolved scenario's territories into a results table: each side's expected votes and other
 * votes rounded to whole votes, weights as resolved, winners and weight totals recomputed, the popular
 * vote summed over units without a parent. For a replay (no baseline) it equals the race's result for
 * the two sides.
 *
 * @param resolved A resolved scenario.
 * @returns `{country, year, round?, sides, units, weightTotals, popularVote, source}`.
 * @example
 * baselineResults(resolveScenario({ ...us2016, baseline: { swing: 2 } }, inputs)).weightTotals // => { D: 278, R: 260 }
 */
export function baselineResults(resolved: Pick<ResolvedScenario, 'country' | 'year' | 'round' | 'sides' | 'territories' | 'resultsSource' | 'baseline'>): ElectionResults {
  const [a, b] = resolved.sides;
  const weightTotals: Record<Side, number> = { [a]: 0, [b]: 0 };
  const popularVote: Record<string, number> = { [a]: 0, [b]: 0, other: 0, total: 0 };
  const units = resolved.territories.map((t): ResultUnit => {
    const va = Math.round(t.votes[a] ?? 0);
    const vb = Math.round(t.votes[b] ?? 0);
    const other = Math.round(t.other);
    const winner = va > vb ? a : vb > va ? b : 'tie';
    if (winner !== 'tie') addOwn(weightTotals, winner, t.weight);
    if (t.parent === undefined) {
      addOwn(popularVote, a, va);
      addOwn(popularVote, b, vb);
      popularVote.other += other;
      popularVote.total += va + vb + other;
    }
    return {
      id: t.id,
      name: t.name,
      weight: t.weight,
      votes: { [a]: va, [b]: vb, other },
      total: va + vb + other,
      winner,
      region: t.region,
      ...(t.eligible > 0 ? { eligible: t.eligible } : {}),
      ...(t.parent !== undefined ? { parent: t.parent } : {}),
    };
  });
  const forecast = resolved.baseline?.forecast === true;
  return {
    country: resolved.country,
    year: resolved.year,
    ...(resolved.round !== undefined ? { round: resolved.round } : {}),
    sides: [a, b],
    units,
    weightTotals,
    popularVote,
    source: forecast ? `forecast baseline on ${resolved.resultsSource}` : resolved.resultsSource,
  };
}
