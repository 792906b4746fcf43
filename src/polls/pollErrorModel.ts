/**
 * How far a poll aggregate falls from the result: the error model fitted on the record
 * (data/poll-error-calibration.json, written by scripts/data/fit_poll_error.ts from FiveThirtyEight's
 * raw polls 1998–2016). Browser-safe types and arithmetic; the file is read by src/data/loadPollErrorModel.ts.
 *
 * On election day a unit's margin is the aggregate's expected margin plus
 *   national error (Student-t, SD `national`, `tails` degrees of freedom, shared by every unit)
 *   + regional error (normal, SD `regional`, shared within a US Census division)
 *   + state error (normal, variance `stateBase`² + `statePerPoll`² / (1 + n), times (u / 0.08)^`undecidedPower`)
 *   + the aggregate's own uncertainty (poll noise and drift to election day, from the model)
 * where n is the number of the unit's polls in the 21 days before the forecast and u its undecided and
 * third-party share (1 − decided); 0.08 is the reference share the power is taken about.
 *
 * With a fundamentals prior (timeForChange.ts), the national margin of the polls m, of variance
 * V = pollNational² + the aggregate's own national variance, moves toward the fundamentals' margin f by
 * the weight w = V / (V + K): precision weighting of two forecasts of the same quantity (Linzer 2013's
 * prior on election day; Heidemanns, Gelman & Morris 2020), with K fitted on past years' errors. V grows
 * with the days left (the random walk's drift), so the weight falls as the election nears.
 */

/** One fit of the error model, on a set of election years. */
export interface PollErrorFit {
  /** `all`, or `without-<year>` (every year but one: the leave-one-year-out fits used to score that year). */
  id: string;
  /** Presidential election years whose polls and results the fit used. */
  years: number[];
  /** SD of the national error, pp of two-party margin. */
  national: number;
  /** Degrees of freedom of the national Student-t (> 2). */
  tails: number;
  /** SD of the regional (Census division) error, pp. */
  regional: number;
  /** State error: base SD and the SD that shrinks with the number of recent polls, pp. */
  stateBase: number;
  statePerPoll: number;
  /** Power of the undecided share in the state error variance (0: none). */
  undecidedPower: number;
  /** SD of the change of a state's margin relative to the nation between two elections, pp (the prior of states without polls). */
  priorRelative: number;
  /**
   * SD of the national error of the polls alone (before any fundamentals prior), pp: with the
   * aggregate's own national variance, the polls' variance V in the blend weight V / (V + K).
   * Absent in fits made without a fundamentals prior.
   */
  pollNational?: number;
  /**
   * K, the variance (pp²) that weighs the fundamentals prior against the polls: the fundamentals get
   * V / (V + K) of the gap between them. Fitted by least squares on the national errors of the fit's
   * years at 1, 20, 50 and 100 days out; `null` when the fundamentals did not help (weight 0).
   */
  fundamentalsVariance?: number | null;
  /** Log-likelihood of the fitted years' errors and the number of unit errors fitted. */
  logLikelihood: number;
  errors: number;
}

/** The calibration file's content. */
export interface PollErrorModel {
  description: string;
  source: string;
  script: string;
  /** Window of "recent" polls, days before the forecast. */
  recentDays: number;
  /** Reference undecided share of `undecidedPower`, 0–1. */
  undecidedReference: number;
  fits: PollErrorFit[];
  /** Poll-average errors by race type, days to election and number of polls (descriptive; see the file). */
  pollAverageError?: unknown;
  /** Coverage of the leave-one-year-out 90 % intervals, per year and in all. */
  coverage?: unknown;
  /** The fundamentals prior's record: its margin per year beside the result, and the national errors of polls, fundamentals and blend per fit (descriptive). */
  fundamentals?: unknown;
}

/** Undecided share the power of `undecidedPower` is taken about, 0–1. */
export const UNDECIDED_REFERENCE = 0.08;

/**
 * The fit to use for a forecast of `year`: the fit that leaves that year out when the record holds it
 * (so a backtest never scores a year its own error model saw), else the fit on every year.
 *
 * @param model the calibration file
 * @param year election year forecast (undefined: a race of unknown year)
 * @throws {Error} when the file has no `all` fit (a damaged data file)
 * @example
 * pollErrorFitFor(model, 2016).id // => 'without-2016'
 * pollErrorFitFor(model, 2028).id // => 'all'
 */
export function pollErrorFitFor(model: PollErrorModel, year: number | undefined): PollErrorFit {
  const without = year === undefined ? undefined : model.fits.find((f) => f.id === `without-${year}`);
  if (without) return without;
  const all = model.fits.find((f) => f.id === 'all');
  if (!all) throw new Error('poll error model without an "all" fit');
  return all;
}

/**
 * SD of a state's own error under a fit, pp.
 *
 * @param fit the error model fit
 * @param recentPolls the state's polls in the recent window
 * @param undecided its undecided and third-party share, 0–1 (undefined: the reference share)
 * @example
 * stateErrorSD({ stateBase: 1, statePerPoll: 6, undecidedPower: 0 } as PollErrorFit, 8) // => 2.23606797749979
 */
export function stateErrorSD(fit: Pick<PollErrorFit, 'stateBase' | 'statePerPoll' | 'undecidedPower'>, recentPolls: number, undecided?: number): number {
  const u = undecided === undefined || !(undecided > 0) ? UNDECIDED_REFERENCE : Math.max(0.01, undecided);
  const variance = (fit.stateBase ** 2 + fit.statePerPoll ** 2 / (1 + recentPolls)) * (u / UNDECIDED_REFERENCE) ** fit.undecidedPower;
  return Math.sqrt(variance);
}

/**
 * Weight of the fundamentals prior against the polls' national margin: V / (V + K), with V the polls'
 * national variance (the fit's `pollNational`² plus the aggregate's own national variance, pp²).
 *
 * @param fit the error model fit (its `pollNational` and `fundamentalsVariance`)
 * @param aggregateVariance the aggregate's own variance of the national margin on election day, pp²
 * @returns the weight, 0–1; 0 when the fit has no fundamentals terms or K is null (they did not help)
 * @example
 * fundamentalsWeight({ pollNational: 1.5, fundamentalsVariance: 16 } as PollErrorFit, 1.75) // => 0.2 (V = 4)
 */
export function fundamentalsWeight(fit: Pick<PollErrorFit, 'pollNational' | 'fundamentalsVariance'>, aggregateVariance: number): number {
  if (fit.pollNational === undefined || fit.fundamentalsVariance === undefined || fit.fundamentalsVariance === null) return 0;
  const v = fit.pollNational ** 2 + Math.max(0, aggregateVariance);
  return v / (v + fit.fundamentalsVariance);
}
