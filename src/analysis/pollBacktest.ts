/**
 * Backtest of the poll forecast: forecast a past presidential election from its polls as they stood on
 * given days (later polls unseen), then score the state forecasts against the results (Brier and log
 * scores, coverage of the 90 % intervals) and the national one (P(win) of the electoral college). Pure;
 * the simulation that gives P(win) is passed in.
 */
import { twoPartyMargin } from '../model/twoPartyMargin.js';
import type { ElectionResults } from '../model/types.js';
import type { ResolvedScenario } from '../model/resolvedScenario.js';
import type { SimulationResult } from '../sim/types.js';
import { forecastFromPolls, type PollForecast } from '../polls/forecastFromPolls.js';
import type { PollErrorFit } from '../polls/pollErrorModel.js';
import type { PollFile } from '../polls/pollTypes.js';
import { forecastScenario, scoreForecasts, type Forecast, type SimulateScenario } from './backtest.js';

/** Options of {@link pollBacktest}. */
export interface PollBacktestOptions {
  /** Election year forecast. */
  year: number;
  /** The year's polls, read with the units of `current`. */
  polls: PollFile;
  /** The last result before `year` (prior and national weights); absent: a flat prior (no last result). */
  previous?: ElectionResults;
  /** The year's result: outcomes, and the electoral votes of the national forecast. */
  current: ElectionResults;
  /** Election day, days since 1970-01-01. */
  electionDay: number;
  /** Forecast days (days since 1970-01-01), each scored on its own. */
  asOf: number[];
  /** The error model fit (pollErrorFitFor: the fit that leaves `year` out). */
  errorModel: PollErrorFit;
  /** Runs the national forecast; without it `nationalPWin` is absent. */
  simulate?: SimulateScenario;
  /** Simulations and seed of the national forecast. Default 20,000 and the year. */
  simulations?: number;
  seed?: number;
  /** Units scored: default the 50 states and DC (units without a parent). */
  scoredUnits?: (id: string, parent: string | undefined) => boolean;
  /** Score only units with at least one poll used (the raw-polls record covers polled states only). */
  polledOnly?: boolean;
  /** Fundamentals prior of the national margin (timeForChangePrior), passed to forecastFromPolls; absent: the polls alone. */
  fundamentals?: { margin: number; model: string };
}

/** Scores of one forecast day. */
export interface PollBacktestRow {
  asOf: string;
  daysToElection: number;
  pollsUsed: number;
  /** Units scored. */
  units: number;
  /** Brier score of P(first side carries the unit), unweighted mean over the units; log score (natural log, mean). */
  brier: number;
  logScore: number;
  /** Share of units whose result lies inside the forecast's 90 % interval of the margin, 0–1. */
  coverage90: number;
  /** The fundamentals prior's margin, weight and shift (pp) when one was given. */
  fundamentals?: PollForecast['fundamentals'];
  /** National two-party margin forecast (pp) with its 90 % interval, and the result. */
  nationalMargin: { forecast: number; low: number; high: number; actual: number };
  /** P(first side wins the electoral college), 0–1, from the simulation; and whether it did. */
  nationalPWin?: number;
  nationalOutcome: 0 | 1;
  /** Every scored unit: P(first side carries it), interval, result margin. */
  forecasts: { id: string; p: number; margin: number; low: number; high: number; polls: number; actual: number; outcome: 0 | 1 }[];
}

/** What {@link pollBacktest} returns. */
export interface PollBacktestResult {
  year: number;
  file: string;
  errorModel: { id: string; years: number[] };
  rows: PollBacktestRow[];
}

/**
 * A resolved scenario of a poll forecast: the forecast year's units and weights, each unit's two-party
 * votes moved to the forecast margin, its own error SD as `territorySD`, and the forecast's national,
 * regional and tail terms; no campaigns.
 *
 * @param forecast a poll forecast of `current`'s units
 * @param base results whose vote totals the units carry (the last result, or the year's for a flat prior)
 * @param current the forecast year's results (unit weights)
 * @example
 * pollForecastScenario(forecast, results2012, results2016).territories.find((t) => t.id === 'PA')!.territorySD // => forecast.territories.PA.sd
 */
export function pollForecastScenario(forecast: PollForecast, base: ElectionResults, current: ElectionResults): ResolvedScenario {
  const scenario = forecastScenario(base, current, { national: forecast.uncertainty.national, regional: forecast.uncertainty.regional, territory: 0, tails: forecast.uncertainty.tails });
  const [a, b] = scenario.sides;
  scenario.territories = scenario.territories.map((t) => {
    const f = forecast.territories[t.id];
    if (!f) return t;
    const two = (t.votes[a] ?? 0) + (t.votes[b] ?? 0);
    const va = (two * (100 + f.margin)) / 200;
    return { ...t, votes: { ...t.votes, [a]: va, [b]: two - va }, territorySD: f.sd };
  });
  scenario.name = `poll forecast of ${current.year} as of ${forecast.asOf}`;
  return scenario;
}

/**
 * Forecasts a past election from its polls on each as-of day and scores the forecasts.
 *
 * State scores: the Brier score (Brier 1950) and log score (Good 1952) of P(first side carries the unit)
 * from the forecast's exact distribution (marginDistribution.ts), unweighted over the scored units (the
 * 50 states and DC by default, as the published backtests score), and the share of results inside the
 * 90 % intervals. National: P(win) of the electoral college from `simulate` on the forecast scenario
 * ({@link pollForecastScenario}).
 *
 * @param options year, polls, last and current results, election day, as-of days, error model, optional simulate
 * @returns one row per as-of day, in the order given
 * @example
 * pollBacktest({ year: 2012, polls, previous: r2008, current: r2012, electionDay, asOf: [electionDay - 1], errorModel }).rows[0].brier // => 0.0113 (about)
 */
export function pollBacktest(options: PollBacktestOptions): PollBacktestResult {
  const { current, previous } = options;
  const [a, b] = current.sides;
  const base = previous ?? flatPrior(current);
  const scored = options.scoredUnits ?? ((_: string, parent: string | undefined) => parent === undefined);
  const actualMargin = new Map(current.units.map((u) => [u.id, twoPartyMargin(u.votes[a] ?? 0, u.votes[b] ?? 0)]));
  const tops = current.units.filter((u) => u.parent === undefined);
  const nationalActual = twoPartyMargin(tops.reduce((s, u) => s + (u.votes[a] ?? 0), 0), tops.reduce((s, u) => s + (u.votes[b] ?? 0), 0));
  const weightA = current.units.reduce((s, u) => s + ((u.votes[a] ?? 0) > (u.votes[b] ?? 0) ? u.weight : 0), 0);
  const totalWeight = current.units.reduce((s, u) => s + u.weight, 0);
  const nationalOutcome: 0 | 1 = weightA > totalWeight / 2 ? 1 : 0;
  const rows = options.asOf.map((asOf): PollBacktestRow => {
    const { forecast } = forecastFromPolls({
      territories: base.units.map((u) => ({ id: u.id, region: u.region ?? '(none)', votes: u.votes, ...(u.parent !== undefined ? { parent: u.parent } : {}) })),
      sides: [a, b],
      polls: options.polls,
      electionDay: options.electionDay,
      asOf,
      errorModel: options.errorModel,
      ...(previous ? {} : { priorRelativeSD: 20 }),
      ...(options.fundamentals ? { fundamentals: options.fundamentals } : {}),
    });
    const forecasts: PollBacktestRow['forecasts'] = [];
    for (const u of current.units) {
      const f = forecast.territories[u.id];
      if (!f || !scored(u.id, u.parent)) continue;
      if (options.polledOnly && f.polls === 0) continue;
      const actual = actualMargin.get(u.id)!;
      forecasts.push({ id: u.id, p: f.pWin, margin: f.margin, low: f.low, high: f.high, polls: f.polls, actual, outcome: actual > 0 ? 1 : 0 });
    }
    const asForecasts: Forecast[] = forecasts.map((f) => ({ year: options.year, id: f.id, p: f.p, outcome: f.outcome }));
    const scores = scoreForecasts(asForecasts, 1e-6);
    const row: PollBacktestRow = {
      asOf: forecast.asOf,
      daysToElection: forecast.daysToElection,
      pollsUsed: forecast.pollsUsed,
      units: forecasts.length,
      brier: scores.brier,
      logScore: scores.logScore,
      coverage90: forecasts.filter((f) => f.actual >= f.low && f.actual <= f.high).length / Math.max(1, forecasts.length),
      nationalMargin: { forecast: forecast.national.margin, low: forecast.national.low, high: forecast.national.high, actual: nationalActual },
      nationalOutcome,
      forecasts,
      ...(forecast.fundamentals ? { fundamentals: forecast.fundamentals } : {}),
    };
    if (options.simulate) {
      const result: SimulationResult = options.simulate(pollForecastScenario(forecast, base, current), { simulations: options.simulations ?? 20_000, seed: options.seed ?? options.year });
      row.nationalPWin = result.winsA / result.simulations;
    }
    return row;
  });
  return { year: options.year, file: options.polls.file, errorModel: { id: options.errorModel.id, years: options.errorModel.years }, rows };
}

/**
 * A flat prior when no last result is known: the year's units with their two-party totals (the
 * national weights) split evenly, so every unit's prior margin is 0 and the polls alone place it.
 */
function flatPrior(current: ElectionResults): ElectionResults {
  const [a, b] = current.sides;
  return {
    ...current,
    units: current.units.map((u) => {
      const half = ((u.votes[a] ?? 0) + (u.votes[b] ?? 0)) / 2;
      return { ...u, votes: { ...u.votes, [a]: half, [b]: half } };
    }),
    source: `${current.source} (two-party totals only, split evenly: no last result)`,
  };
}

