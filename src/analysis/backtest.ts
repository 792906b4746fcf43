/**
 * Backtest of the uncertainty model: forecast each US election 2004–2024 from the previous election's
 * results (previous margins, current electoral votes) plus the error model, score the forecasts, and
 * choose the error model's standard deviations by a small grid search.
 */
import type { ElectionResults } from '../model/types.js';
import type { ResolvedScenario, ResolvedUncertainty } from '../model/resolvedScenario.js';
import type { SimulationResult } from '../sim/types.js';
import { InputError } from '../errors.js';
import { emptyCampaign } from '../model/emptyCampaign.js';

/** Error-model SDs (pp of two-party margin) and t tails, as in the scenario's `uncertainty`. */
export interface UncertaintyPoint {
  national: number;
  regional: number;
  territory: number;
  tails: number;
}

/** Grid of candidate values per field; every combination is scored. */
export interface UncertaintyGrid {
  national: number[];
  regional: number[];
  territory: number[];
  tails: number[];
}

/**
 * Default grid: around the swing-derived defaults of data/parameters.json (national 5.2, regional 3.3,
 * territory 4.4, tails 5; SDs of 2000–2024 election-to-election swings), from 0 (regional) or about half
 * of each SD up to about 1.7 times it, and tails from fat (5) to near-normal (30): 96 points. A first run
 * on a grid topping out at the swing SDs chose its upper corner, hence the values above them.
 */
export const DEFAULT_BACKTEST_GRID: UncertaintyGrid = {
  national: [3.5, 5.2, 7, 9],
  regional: [0, 1.5, 3.3],
  territory: [2, 3, 4.4, 6],
  tails: [5, 30],
};

/** A simulate function for resolved scenarios, e.g. `(s, o) => simulate(prepareModel(s), o)`. */
export type SimulateScenario = (scenario: ResolvedScenario, options: { simulations: number; seed: number }) => SimulationResult;

/** Options of {@link backtest}. */
export interface BacktestOptions {
  /** Years forecast; each from the election four years before. Default 2004, 2008, …, 2024. */
  years?: number[];
  /** Draws per year and grid point. */
  simulations: number;
  /** Seed, the same for every year and grid point (common random numbers across the grid). Default 2004. */
  seed?: number;
  /** Grid of uncertainty values; default {@link DEFAULT_BACKTEST_GRID}. */
  grid?: UncertaintyGrid;
  /** Results loader, e.g. `(year) => loadResults({country: 'us', year})`. */
  results: (year: number) => ElectionResults;
  /** Runs a resolved scenario. */
  simulate: SimulateScenario;
  /** Calibration bins over [0, 1]. Default 10. */
  bins?: number;
}

/** One forecast of a binary event: P(side A wins it) and whether it did. */
export interface Forecast {
  year: number;
  /** Unit id, or `national`. */
  id: string;
  /** P(side A wins), 0–1. */
  p: number;
  /** 1 if side A won, 0 if not. */
  outcome: 0 | 1;
}

/** Scores of one set of forecasts. */
export interface Scores {
  /** Mean squared error (p − outcome)², 0 best. */
  brier: number;
  /** Mean natural log of the probability given to what happened, 0 best; p clipped to [0.5/n, 1 − 0.5/n]. */
  logScore: number;
  count: number;
}

/** One row of the calibration table. */
export interface BacktestCalibrationBin {
  /** Bin [low, high) of predicted P(side A wins); the last bin includes 1. */
  low: number;
  high: number;
  count: number;
  /** Mean predicted probability in the bin (the calibrationPlot chart's `predicted`). */
  predicted: number;
  /** Observed frequency of side A winning in the bin. */
  observed: number;
}

/** Scores of one grid point. */
export interface BacktestPoint {
  uncertainty: UncertaintyPoint;
  /** Every unit of every year. */
  units: Scores;
  /** One national forecast per year. */
  national: Scores;
}

/** What {@link backtest} returns. */
export interface BacktestResult {
  years: number[];
  simulations: number;
  seed: number;
  /** Every grid point, best first (highest unit log score; Brier breaks ties). */
  points: BacktestPoint[];
  /** The chosen point. */
  best: BacktestPoint;
  /** Forecasts of the chosen point. */
  forecasts: Forecast[];
  /** Calibration of the chosen point's unit forecasts. */
  calibration: BacktestCalibrationBin[];
}

/**
 * Brier score and log score of binary forecasts.
 *
 * Brier (1950), Monthly Weather Review 78(1): mean of (p − outcome)². Log score (Good 1952): mean of
 * ln p(outcome). Probabilities are clipped to [floor, 1 − floor] so a Monte Carlo zero does not give −∞.
 *
 * @param forecasts probabilities and outcomes
 * @param floor smallest probability used in the log score (e.g. 0.5 / simulations)
 * @example
 * scoreForecasts([{year: 2004, id: 'a', p: 0.8, outcome: 1}, {year: 2004, id: 'b', p: 0.4, outcome: 0}], 0.001)
 * // => {brier: 0.1, logScore: -0.3670, count: 2}   // (0.04 + 0.16) / 2; (ln 0.8 + ln 0.6) / 2
 */
export function scoreForecasts(forecasts: readonly Forecast[], floor: number): Scores {
  let brier = 0;
  let log = 0;
  for (const f of forecasts) {
    brier += (f.p - f.outcome) ** 2;
    const p = Math.min(1 - floor, Math.max(floor, f.p));
    log += Math.log(f.outcome === 1 ? p : 1 - p);
  }
  const n = forecasts.length;
  return { brier: brier / n, logScore: log / n, count: n };
}

/**
 * Calibration table: forecasts grouped in equal-width bins of predicted probability, with the observed
 * frequency in each bin. Empty bins are left out.
 *
 * @param forecasts probabilities and outcomes
 * @param bins number of bins over [0, 1]
 * @example
 * calibrationTable([{year: 2004, id: 'a', p: 0.05, outcome: 0}, {year: 2004, id: 'b', p: 0.95, outcome: 1}], 2)
 * // => [{low: 0, high: 0.5, count: 1, predicted: 0.05, observed: 0}, {low: 0.5, high: 1, count: 1, predicted: 0.95, observed: 1}]
 */
export function calibrationTable(forecasts: readonly Forecast[], bins: number): BacktestCalibrationBin[] {
  const count = new Float64Array(bins);
  const sumP = new Float64Array(bins);
  const sumO = new Float64Array(bins);
  for (const f of forecasts) {
    const b = Math.min(bins - 1, Math.floor(f.p * bins));
    count[b]++;
    sumP[b] += f.p;
    sumO[b] += f.outcome;
  }
  const rows: BacktestCalibrationBin[] = [];
  for (let b = 0; b < bins; b++) {
    if (count[b] === 0) continue;
    rows.push({ low: b / bins, high: (b + 1) / bins, count: count[b], predicted: sumP[b] / count[b], observed: sumO[b] / count[b] });
  }
  return rows;
}


/**
 * The forecast scenario of one year: the previous election's votes per unit, this year's weights, no
 * campaigns, the given error model.
 *
 * @param previous results four years before (the baseline margins)
 * @param current results of the forecast year (only the unit weights are read)
 * @param uncertainty error-model SDs (pp) and tails
 * @throws {InputError} when a unit of the forecast year has no previous result
 * @example
 * forecastScenario(results2016, results2020, {national: 3.5, regional: 1.5, territory: 3, tails: 5}).territories.length // => 56
 */
export function forecastScenario(previous: ElectionResults, current: ElectionResults, uncertainty: UncertaintyPoint): ResolvedScenario {
  const before = new Map(previous.units.map((u) => [u.id, u]));
  const [a, b] = current.sides;
  const territories = current.units.map((u) => {
    const p = before.get(u.id);
    if (!p) throw new InputError({ at: `results ${previous.year}`, expected: `a result for unit ${u.id} (forecast of ${current.year})`, found: 'none' });
    const t: ResolvedScenario['territories'][number] = {
      id: u.id,
      name: u.name,
      weight: u.weight,
      region: u.region ?? p.region ?? '(none)',
      votes: { [a]: p.votes[a] ?? 0, [b]: p.votes[b] ?? 0 },
      other: p.total - (p.votes[a] ?? 0) - (p.votes[b] ?? 0),
      eligible: p.eligible ?? 0,
    };
    if (u.parent !== undefined) t.parent = u.parent;
    return t;
  });
  const resolvedUncertainty: ResolvedUncertainty = { ...uncertainty, correlation: 'independent' };
  return {
    name: `forecast of ${current.year} from ${previous.year}`,
    country: current.country,
    year: current.year,
    rule: 'electoral-college',
    sides: [a, b],
    simulations: 1,
    seed: 0,
    threads: 1,
    salience: 'high',
    uncertainty: resolvedUncertainty,
    territories,
    campaigns: { [a]: emptyCampaign(), [b]: emptyCampaign() },
    citations: {},
    resultsSource: `${previous.source} (margins ${previous.year}); ${current.source} (weights ${current.year})`,
  };
}

function gridPoints(grid: UncertaintyGrid): UncertaintyPoint[] {
  const points: UncertaintyPoint[] = [];
  for (const national of grid.national)
    for (const regional of grid.regional)
      for (const territory of grid.territory)
        for (const tails of grid.tails) points.push({ national, regional, territory, tails });
  return points;
}

/**
 * Forecasts each year from the previous election under every grid point and scores the forecasts.
 *
 * Per year: baseline = previous margins per unit, weights = this year's electoral votes, no campaigns;
 * P(side A wins unit) = share of draws, P(side A wins) = share of draws with 270+. Scored with the Brier
 * and log scores on every unit (56 a year) and on the national winner; the grid point with the best mean
 * unit log score (a proper scoring rule; Gneiting & Raftery 2007, JASA 102) is chosen, Brier breaking ties.
 * The same seed is used for every grid point, so differences between points are not Monte Carlo noise.
 *
 * @param options `simulations`, `results` loader, `simulate`, optional `years`, `seed`, `grid`, `bins`
 * @throws {InputError} on an empty grid, a year without results four years before, or bad sizes
 * @example
 * backtest({ simulations: 2000, results, simulate, grid: {national: [7], regional: [1.5], territory: [2], tails: [5]} }).best.units
 * // => {brier: 0.0655, logScore: -0.2214, count: 336} (rounded)
 */
export function backtest(options: BacktestOptions): BacktestResult {
  const years = options.years ?? [2004, 2008, 2012, 2016, 2020, 2024];
  const seed = options.seed ?? 2004;
  const bins = options.bins ?? 10;
  if (!(Number.isInteger(options.simulations) && options.simulations > 0)) {
    throw new InputError({ at: 'simulations', expected: 'a positive integer', found: String(options.simulations) });
  }
  const points = gridPoints(options.grid ?? DEFAULT_BACKTEST_GRID);
  if (points.length === 0) throw new InputError({ at: 'grid', expected: 'at least one value per field', found: 'an empty grid' });
  const pairs = years.map((year) => ({ current: options.results(year), previous: options.results(year - 4) }));
  const floor = 0.5 / options.simulations;
  const scored = points.map((uncertainty) => {
    const forecasts: Forecast[] = [];
    const national: Forecast[] = [];
    for (const { current, previous } of pairs) {
      const result = options.simulate(forecastScenario(previous, current, uncertainty), { simulations: options.simulations, seed });
      const n = result.simulations;
      const [a, b] = current.sides;
      const actual = new Map(current.units.map((u) => [u.id, u]));
      result.unitIds.forEach((id, i) => {
        const u = actual.get(id)!;
        forecasts.push({ year: current.year, id, p: result.unitWinsA[i] / n, outcome: (u.votes[a] ?? 0) > (u.votes[b] ?? 0) ? 1 : 0 });
      });
      const weightA = current.units.reduce((s, u) => s + ((u.votes[a] ?? 0) > (u.votes[b] ?? 0) ? u.weight : 0), 0);
      national.push({ year: current.year, id: 'national', p: result.winsA / n, outcome: weightA >= result.threshold ? 1 : 0 });
    }
    return {
      point: { uncertainty, units: scoreForecasts(forecasts, floor), national: scoreForecasts(national, floor) },
      forecasts: [...forecasts, ...national],
      unitForecasts: forecasts,
    };
  });
  scored.sort((x, y) => y.point.units.logScore - x.point.units.logScore || x.point.units.brier - y.point.units.brier);
  const best = scored[0];
  return {
    years,
    simulations: options.simulations,
    seed,
    points: scored.map((s) => s.point),
    best: best.point,
    forecasts: best.forecasts,
    calibration: calibrationTable(best.unitForecasts, bins),
  };
}
