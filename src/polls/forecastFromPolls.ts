/**
 * From a poll file to the forecast a simulation is centred on: every territory's expected margin on
 * election day, its own error SD, its 90 % interval, and the error model's national and regional terms.
 * Pure and browser-safe; the file has been read by parsePollFile, the error model loaded from data/.
 */
import type { Side } from '../model/types.js';
import { aggregatePolls, type AggregationSeries, type AggregationUnit } from './aggregatePolls.js';
import { formatPollDate } from './pollDates.js';
import { type Poll, type PollFile, type PollLeftOutReason, type PollPopulation } from './pollTypes.js';
import { fundamentalsWeight, stateErrorSD, type PollErrorFit } from './pollErrorModel.js';
import { marginInterval, marginProbabilityPositive, type MarginDistribution } from './marginDistribution.js';

/** A territory of the race, as the forecast needs it (a ResolvedTerritory fits). */
export interface ForecastTerritory {
  id: string;
  /** Region of the regional error term (US Census division). */
  region: string;
  /** Parent unit (Maine's and Nebraska's districts): the district follows its state. */
  parent?: string;
  /** Votes per side in the race's result (the last election): the prior and the national weights. */
  votes: Record<Side, number>;
}

/** Options of {@link forecastFromPolls}. */
export interface PollForecastOptions {
  territories: readonly ForecastTerritory[];
  sides: readonly [Side, Side];
  /** The poll file as read. */
  polls: PollFile;
  /** Election day, days since 1970-01-01. */
  electionDay: number;
  /** Last day of information (days since 1970-01-01): later polls (ended, or published when the file says, after it) are ignored. Default: the day before the election or the last poll's end, whichever is earlier. */
  asOf?: number;
  /** Error model fit (pollErrorFitFor). */
  errorModel: PollErrorFit;
  /** Prior SD of the national margin, pp. Default 10 (wide: the polls decide the national level). */
  nationalPriorSD?: number;
  /** Prior SD of a unit's margin relative to the nation, pp. Default: the error model's `priorRelative`; wide (20) when the territories carry no last result (a flat prior). */
  priorRelativeSD?: number;
  /** Days before `asOf` whose polls count as recent in the error model. Default 21. */
  recentDays?: number;
  /** Keep the daily aggregate series (for charts). */
  series?: boolean;
  /**
   * A fundamentals forecast of the national margin on election day (pp toward the first side; for a US
   * presidential race, timeForChangeForecast's) and the model's name. The polls' national margin moves
   * toward it by the error model's weight (fundamentalsWeight: V / (V + K), falling as the election
   * nears), and every territory by the same amount: each state's prior is its last result plus the
   * national swing, now toward the fundamentals. Absent: the polls alone.
   */
  fundamentals?: { margin: number; model: string };
}

/** Forecast of one territory. */
export interface PollForecastTerritory {
  /** Expected margin on election day, pp toward the first side. */
  margin: number;
  /** SD of the territory's own error (state error and its part of the aggregate's uncertainty), pp: the simulation's territory SD. */
  sd: number;
  /** 90 % interval of the margin on election day, pp (national, regional and own error together). */
  low: number;
  high: number;
  /** P(the first side carries the territory), 0–1, from the same distribution. */
  pWin: number;
  /** Polls of the territory used, and within the recent window. */
  polls: number;
  recentPolls: number;
}

/** The forecast record: plain JSON, carried in the scenario (`baseline.polls.forecast`) and every result. */
export interface PollForecast {
  /** Poll file as named in the scenario, its layout and scale. */
  file: string;
  format: string;
  scale: string;
  /** Last day of information and election day, `YYYY-MM-DD`; days between them. */
  asOf: string;
  electionDay: string;
  daysToElection: number;
  /** Polls used; polls of the file after `asOf` (ignored); records left out by reason; latest poll used (`YYYY-MM-DD`). */
  pollsUsed: number;
  pollsAfterAsOf: number;
  /** Polls of districts (units with a parent): counted per district, not modelled (a district follows its state). */
  pollsNotModelled: number;
  leftOut: Partial<Record<PollLeftOutReason, number>>;
  latestPoll?: string;
  /** Per territory id. */
  territories: Record<string, PollForecastTerritory>;
  /** National margin on election day (units without a parent, weighted by their last two-party vote). */
  national: { margin: number; low: number; high: number; polls: number };
  /** Error terms of the simulation, pp: national (Student-t with `tails`), regional. */
  uncertainty: { national: number; regional: number; tails: number };
  /** The error model fit used (`without-2016`), its years and source. */
  errorModel: { id: string; years: number[] };
  /**
   * The fundamentals prior when one was given: its model and national margin (pp toward the first side),
   * the polls' national margin before the blend, the weight of the fundamentals (0–1) and the shift every
   * territory received (pp): weight × (fundamentals − polls).
   */
  fundamentals?: { model: string; margin: number; pollsMargin: number; weight: number; shift: number };
  /** Estimated poll terms: the five pollsters with most polls and their house effects (pp), population effects relative to likely voters (pp), non-sampling SDs (pp), random-walk SDs per day (pp). */
  pollTerms: {
    houseEffects: { pollster: string; effect: number; polls: number }[];
    populationEffects: Partial<Record<PollPopulation, number>>;
    nonSamplingSD: { state: number; national: number };
    processSD: { national: number; relative: number };
  };
}

/** A forecast and, when asked, the daily aggregate. */
export interface PollForecastResult {
  forecast: PollForecast;
  series?: AggregationSeries;
}

/**
 * The aggregation's units and prior from a race's last result: units without a parent and with
 * two-party votes, each with its last two-party margin (pp toward the first side) and its share of the
 * last national two-party vote; and the last national margin (their weighted sum).
 *
 * @example
 * aggregationUnits([{ id: 'A', region: 'r', votes: { D: 60, R: 40 } }, { id: 'B', region: 'r', votes: { D: 40, R: 60 } }], ['D', 'R'])
 * // => { units: [{ id: 'A', lastMargin: 20, weight: 0.5 }, { id: 'B', lastMargin: -20, weight: 0.5 }], lastNationalMargin: 0 }
 */
export function aggregationUnits(territories: readonly ForecastTerritory[], sides: readonly [Side, Side]): { units: AggregationUnit[]; lastNationalMargin: number } {
  const [a, b] = sides;
  const top = territories.filter((t) => t.parent === undefined && (t.votes[a] ?? 0) + (t.votes[b] ?? 0) > 0);
  const twoParty = top.reduce((s, t) => s + (t.votes[a] ?? 0) + (t.votes[b] ?? 0), 0);
  const units = top.map((t) => {
    const va = t.votes[a] ?? 0;
    const vb = t.votes[b] ?? 0;
    return { id: t.id, lastMargin: (100 * (va - vb)) / (va + vb), weight: (va + vb) / twoParty };
  });
  return { units, lastNationalMargin: units.reduce((s, u) => s + u.weight * u.lastMargin, 0) };
}

/**
 * Polls known on `asOf`: ended on or before it and, when the file says when a poll was published or
 * entered, published on or before it (so a backtest sees only what was public that day).
 *
 * @example
 * pollsKnownOn([{ end: 10, published: 12 }, { end: 9 }], 10).length // => 1
 */
export function pollsKnownOn<P extends Pick<Poll, 'end' | 'published'>>(polls: readonly P[], asOf: number): P[] {
  return polls.filter((p) => p.end <= asOf && (p.published === undefined || p.published <= asOf));
}

/**
 * Aggregates a poll file into the forecast of every territory of a race.
 *
 * Units without a parent are aggregated together (aggregatePolls: national trend, state offsets,
 * house and population effects), each with its last margin as prior and its last two-party vote as its
 * national weight. A district (unit with a parent) gets its state's forecast plus its own last margin
 * relative to the state's, with the prior's relative SD added to its own error. The error model adds the
 * record's national (Student-t), regional and state errors (pollErrorModel.ts); a territory's own SD
 * combines its state error with the aggregate's uncertainty beyond the national one. With `fundamentals`,
 * every territory and the nation move by the same shift toward the fundamentals' national margin
 * (fundamentalsWeight; the forecast records the weight and shift).
 *
 * @param options territories with last results, sides, the poll file, election day, as-of day, error model, optional fundamentals
 * @returns the forecast (plain JSON) and optionally the daily series
 * @throws {Error} never for bad input: the poll file was checked by parsePollFile
 * @example
 * forecastFromPolls({ territories, sides: ['D', 'R'], polls, electionDay: usElectionDay(2016), errorModel: fit }).forecast.territories.PA.margin // => about 4.3
 */
export function forecastFromPolls(options: PollForecastOptions): PollForecastResult {
  const { sides, electionDay, errorModel } = options;
  const [a, b] = sides;
  const { units, lastNationalMargin } = aggregationUnits(options.territories, sides);
  const top = units.map((u) => options.territories.find((t) => t.id === u.id)!);
  const lastEnd = options.polls.polls.reduce((m, p) => Math.max(m, p.end), Number.NEGATIVE_INFINITY);
  const asOf = options.asOf ?? Math.min(electionDay - 1, lastEnd);
  const polls = pollsKnownOn(options.polls.polls, asOf);
  const recentDays = options.recentDays ?? 21;
  const aggregate = aggregatePolls({
    units,
    lastNationalMargin,
    polls,
    electionDay,
    asOf,
    priorSD: { national: options.nationalPriorSD ?? 10, relative: options.priorRelativeSD ?? errorModel.priorRelative },
    series: options.series === true,
    recentDays,
  });
  const nationalVariance = aggregate.national.sd ** 2;
  const { shift, fundamentals } = fundamentalsShift(options, aggregate.national.mean, nationalVariance);
  const nationalSD = Math.sqrt(errorModel.national ** 2 + nationalVariance);
  const regionalSD = errorModel.regional;
  const territories: Record<string, PollForecastTerritory> = {};
  const byId = new Map(aggregate.units.map((u) => [u.id, u]));
  const lastById = new Map(options.territories.map((t) => [t.id, lastMargin(t, a, b)]));
  const describe = (mean: number, ownSD: number, polled: { polls: number; recentPolls: number }): PollForecastTerritory => {
    const d: MarginDistribution = { mean, nationalSD, tails: errorModel.tails, otherSD: Math.hypot(regionalSD, ownSD) };
    const interval = marginInterval(d, 0.9);
    return { margin: mean, sd: ownSD, low: interval.low, high: interval.high, pWin: marginProbabilityPositive(d), polls: polled.polls, recentPolls: polled.recentPolls };
  };
  for (const t of top) {
    const u = byId.get(t.id)!;
    const own = Math.sqrt(Math.max(0, u.sd ** 2 - nationalVariance) + stateErrorSD(errorModel, u.recentPolls, u.undecided) ** 2);
    territories[t.id] = describe(u.mean + shift, own, u);
  }
  for (const t of options.territories) {
    if (territories[t.id]) continue;
    const parent = t.parent !== undefined ? territories[t.parent] : undefined;
    if (parent && t.parent !== undefined) {
      const mean = parent.margin + (lastById.get(t.id)! - lastById.get(t.parent)!);
      const own = Math.hypot(parent.sd, errorModel.priorRelative);
      const polled = polls.filter((p) => p.unit === t.id);
      territories[t.id] = describe(mean, own, { polls: polled.length, recentPolls: polled.filter((p) => p.end > asOf - recentDays).length });
    } else {
      // A unit without two-party votes in the last result (none in the bundled races): its last margin, national error only.
      territories[t.id] = describe(lastById.get(t.id) ?? 0, errorModel.priorRelative, { polls: 0, recentPolls: 0 });
    }
  }
  // National margin: the weighted sum; its spread from the national term plus the weighted regional and own errors.
  const nationalMargin = aggregate.national.mean + shift;
  const nationalInterval = marginInterval({ mean: nationalMargin, nationalSD, tails: errorModel.tails, otherSD: nationalOtherSD(top, units, territories, regionalSD) }, 0.9);
  const usedPolls = aggregate.pollsUsed;
  const latest = polls.reduce((m, p) => Math.max(m, p.end), Number.NEGATIVE_INFINITY);
  const forecast: PollForecast = {
    file: options.polls.file,
    format: options.polls.format,
    scale: options.polls.scaleDetected ? `${options.polls.scale} (detected)` : options.polls.scale,
    asOf: formatPollDate(asOf),
    electionDay: formatPollDate(electionDay),
    daysToElection: electionDay - asOf,
    pollsUsed: usedPolls,
    pollsAfterAsOf: options.polls.polls.length - polls.length,
    pollsNotModelled: polls.length - usedPolls,
    leftOut: options.polls.leftOut,
    ...(Number.isFinite(latest) ? { latestPoll: formatPollDate(latest) } : {}),
    territories,
    national: { margin: nationalMargin, low: nationalInterval.low, high: nationalInterval.high, polls: aggregate.national.polls },
    uncertainty: { national: nationalSD, regional: regionalSD, tails: errorModel.tails },
    errorModel: { id: errorModel.id, years: errorModel.years },
    ...(fundamentals ? { fundamentals } : {}),
    pollTerms: {
      houseEffects: aggregate.houseEffects.slice(0, 5),
      populationEffects: aggregate.populationEffects,
      nonSamplingSD: aggregate.nonSamplingSD,
      processSD: { national: aggregate.processSD.national, relative: aggregate.processSD.relative },
    },
  };
  return { forecast, ...(aggregate.series ? { series: aggregate.series } : {}) };
}

/** A territory's two-party margin toward `a` in its last result (pp; 0 without two-party votes). */
function lastMargin(t: ForecastTerritory, a: Side, b: Side): number {
  const va = t.votes[a] ?? 0;
  const vb = t.votes[b] ?? 0;
  return va + vb > 0 ? (100 * (va - vb)) / (va + vb) : 0;
}

/** Fundamentals prior: the national margin moves toward it by V / (V + K), every unit by the same shift. */
function fundamentalsShift(options: PollForecastOptions, pollsMargin: number, nationalVariance: number): { shift: number; fundamentals?: PollForecast['fundamentals'] } {
  if (!options.fundamentals) return { shift: 0 };
  const weight = fundamentalsWeight(options.errorModel, nationalVariance);
  const shift = weight > 0 ? weight * (options.fundamentals.margin - pollsMargin) : 0;
  return { shift, fundamentals: { model: options.fundamentals.model, margin: options.fundamentals.margin, pollsMargin, weight, shift } };
}

/** The national margin's error besides the national term: the weighted regional and own errors (SD, pp). */
function nationalOtherSD(top: ForecastTerritory[], units: { weight: number }[], territories: Record<string, PollForecastTerritory>, regionalSD: number): number {
  const regionWeight = new Map<string, number>();
  let ownVariance = 0;
  for (const [k, t] of top.entries()) {
    const w = units[k].weight;
    regionWeight.set(t.region, (regionWeight.get(t.region) ?? 0) + w);
    ownVariance += (w * territories[t.id].sd) ** 2;
  }
  let regionalVariance = 0;
  for (const w of regionWeight.values()) regionalVariance += (w * regionalSD) ** 2;
  return Math.sqrt(regionalVariance + ownVariance);
}
