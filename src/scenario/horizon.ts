/**
 * The error model a scenario's `horizon` chooses: how far ahead the forecast looks decides how wrong it
 * can be. Browser-safe arithmetic on data/parameters.json (`uncertainty` and `uncertaintyHorizon`).
 *
 * - `replay`: the eve-of-election error, how wrong the result could have looked the day before: the poll
 *   error model's national and regional SDs (normal) and its state term at the median number of state polls
 *   of the final 21 days (fit `all` of data/poll-error-calibration.json, 2000–2016).
 * - a number of days: the error that many days out, interpolated linearly between the table's rows (1, 20,
 *   50 and 100 days: scripts/data/fit_horizon_error.ts on the Economist's poll files 2008–2016); at or
 *   under the first row, the first row; beyond the last, the no-poll error.
 * - none: the no-poll error (data/uncertainty-backtest.json: one election ahead from the last result),
 *   today's behaviour.
 * An `uncertainty.*` the scenario sets wins over the horizon's value for that key (resolveScenario.ts).
 */
import type { HorizonErrorTable, HorizonPoint, UncertaintyDefaults } from '../data/parameters.js';
import type { Citation } from '../model/types.js';
import type { HorizonSpec } from './types.js';

/** A scenario's `horizon`: days to the election (≥ 0), or `replay` (the eve of the election). */
export type Horizon = HorizonSpec;

/** Which error a horizon chose: `eve` (replay), `days` (the table, interpolated), `no-poll` (none, or past the table). */
export type HorizonBasis = 'eve' | 'days' | 'no-poll';

/** The error SDs (pp of two-party margin; t tails) a horizon gives, with their citation and the reason in words. */
export interface HorizonUncertainty extends UncertaintyDefaults {
  basis: HorizonBasis;
  /** The horizon as stated; absent when the scenario states none. */
  horizon?: Horizon;
  /** Why this error, in one English sentence (for `run`'s text and JSON). */
  reason: string;
}

const round = (x: number, digits = 3) => Number(x.toFixed(digits));
const sds = (u: Pick<HorizonPoint, 'national' | 'regional' | 'territory' | 'tails'>) =>
  `national ${round(u.national, 2)} pp (${u.tails >= 1000 ? 'normal' : `t, ${u.tails} df`}), regional ${round(u.regional, 2)}, territory ${round(u.territory, 2)}`;

/**
 * The error defaults of a horizon.
 *
 * @param horizon the scenario's `horizon`, or undefined when it states none
 * @param parameters data/parameters.json: `uncertainty` (no-poll) and `uncertaintyHorizon` (eve and days rows)
 * @returns SDs in pp of two-party margin, tails in degrees of freedom, the citation, the basis and the reason
 * @throws never: the scenario's validation has already checked `horizon` (a number ≥ 0 or `replay`)
 * @example
 * // parameters = loadParameters() (src/node/data/loadParameters.ts)
 * horizonUncertainty('replay', parameters).national // => 1.1773
 * horizonUncertainty(100, parameters).territory // => 7.108
 * horizonUncertainty(undefined, parameters).national // => 7
 */
export function horizonUncertainty(
  horizon: Horizon | undefined,
  parameters: { uncertainty: UncertaintyDefaults; uncertaintyHorizon: HorizonErrorTable },
): HorizonUncertainty {
  const noPoll = parameters.uncertainty;
  const table = parameters.uncertaintyHorizon;
  const take = (p: Pick<HorizonPoint, 'national' | 'regional' | 'territory' | 'tails'>, citation: Citation) => ({
    national: p.national,
    regional: p.regional,
    territory: p.territory,
    tails: p.tails,
    citation,
  });
  if (horizon === undefined) {
    return { ...take(noPoll, noPoll.citation), basis: 'no-poll', reason: `no-poll error (no horizon stated: one election ahead from the last result, data/uncertainty-backtest.json): ${sds(noPoll)}` };
  }
  if (horizon === 'replay') {
    const eve = table.eve;
    return {
      ...take(eve, table.citation),
      basis: 'eve',
      horizon,
      reason: `eve-of-election error (horizon: replay, how wrong the result could have looked the day before; the territory SD of a state with ${eve.statePolls} polls in the final 21 days, the 2000–2016 median): ${sds(eve)}`,
    };
  }
  const points = table.points;
  const last = points[points.length - 1];
  if (horizon > last.days!) {
    return { ...take(noPoll, noPoll.citation), basis: 'no-poll', horizon, reason: `no-poll error (horizon: ${horizon} days, beyond the ${last.days}-day row of the poll record): ${sds(noPoll)}` };
  }
  const upper = points.findIndex((p) => p.days! >= horizon);
  const hi = points[upper];
  const lo = points[Math.max(0, upper - 1)];
  const t = upper === 0 || hi.days === lo.days ? 1 : (horizon - lo.days!) / (hi.days! - lo.days!);
  const mix = (key: 'national' | 'regional' | 'territory') => round(lo[key] + t * (hi[key] - lo[key]), 4);
  const point = { national: mix('national'), regional: mix('regional'), territory: mix('territory'), tails: t < 1 ? lo.tails : hi.tails };
  const where = upper === 0 ? `the ${hi.days}-day row` : horizon === hi.days ? `the ${hi.days}-day row` : `interpolated between the ${lo.days}- and ${hi.days}-day rows`;
  return { ...take(point, table.citation), basis: 'days', horizon, reason: `error ${horizon} days before the election (horizon: ${horizon}, ${where} of the poll record): ${sds(point)}` };
}
