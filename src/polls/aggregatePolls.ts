/**
 * Poll aggregation: a state-space (dynamic linear) model of every unit's two-party margin through the
 * campaign, a national trend plus state offsets, filtered day by day with the Kalman filter. Pure and
 * browser-safe; typed arrays, no per-day objects.
 *
 * The model, in pp of two-party margin toward the first side (Linzer 2013, JASA 108(501), "Dynamic
 * Bayesian forecasting of presidential elections in the states", for the national-plus-state structure
 * and the pooling of state polls through a common trend; Heidemanns, Gelman & Morris 2020, "An updated
 * dynamic Bayesian forecasting model for the US presidential election", HDSR 2(4), for house and
 * population effects and the national link; Kalman 1960 for the filter):
 *
 *   state margin       θ[s,t] = μ[t] + δ[s,t]
 *   national trend     μ[t]   = μ[t−1] + η,   η ~ N(0, qμ)        (random walk)
 *   state offsets      δ[s,t] = δ[s,t−1] + ζ, ζ ~ N(0, qδ)        (slow random walk)
 *   priors at day 0    μ ~ N(last national margin, σμ0²), δ[s] ~ N(last margin[s] − last national margin, σδ0²)
 *   state poll i       y_i = θ[s,t] + house[pollster] + population[lv|rv|a|v] + ε_i
 *   national poll i    y_i = Σ_s w_s θ[s,t] + house + population + ε_i
 *   ε_i ~ N(0, sampling variance 10⁴·4p(1−p)/n_decided + non-sampling variance τ²[state|national])
 *
 * so a state without polls follows the national trend from its prior (last result + national swing),
 * and national polls inform every state through the weights w_s (each unit's share of the last
 * two-party vote). House, population and non-sampling terms are estimated from the file by backfitting
 * on the filter's one-step-ahead innovations (each pollster's effect shrunk toward 0 with an SD
 * estimated by moments, centred on the average pollster; likely voters are the population of
 * reference); the random-walk variances by maximum likelihood over a grid (the innovations'
 * prediction-error likelihood, Harvey 1989, "Forecasting, structural time series models and the Kalman
 * filter", ch. 3). No poll outcome is used: only the file's polls up to `asOf`.
 */
import type { Poll, PollPopulation } from './pollTypes.js';
import { NATIONAL_UNIT } from './pollTypes.js';

/** One unit of the aggregation (a state; Maine's and Nebraska's districts follow their state elsewhere). */
export interface AggregationUnit {
  id: string;
  /** Margin in the last election (the prior's centre), pp toward the first side. */
  lastMargin: number;
  /** Share of the national two-party vote in the last election, 0–1; the shares sum to 1. */
  weight: number;
}

/** Options of {@link aggregatePolls}. */
export interface AggregatePollsOptions {
  units: readonly AggregationUnit[];
  /** National margin of the last election, pp (the prior of the national trend). */
  lastNationalMargin: number;
  /** Polls; only those that ended on or before `asOf` are used (the caller filters publication dates: pollsKnownOn). */
  polls: readonly Poll[];
  /** Forecast day (days since 1970-01-01): the election. */
  electionDay: number;
  /** Last day of information (days since 1970-01-01). */
  asOf: number;
  /**
   * Prior SDs, pp: `national` of the national margin around the last result (wide: polls decide it),
   * `relative` of each unit's margin relative to the nation around its last value.
   */
  priorSD: { national: number; relative: number };
  /** Random-walk SDs per day, pp; default: estimated by maximum likelihood from the polls. */
  processSD?: { national: number; relative: number };
  /** Keep the filtered daily series of every unit and the nation (for charts). Default false. */
  series?: boolean;
  /** Days before `asOf` whose polls count as recent (for poll counts and undecided shares). Default 21. */
  recentDays?: number;
}

/** Forecast of one unit (or the nation) on election day. */
export interface AggregatedUnit {
  id: string;
  /** Expected margin on election day, pp. */
  mean: number;
  /** SD of the margin on election day from the model alone (poll noise, drift to election day), pp. */
  sd: number;
  /** SD of the margin today (`asOf`), pp. */
  sdNow: number;
  /** Polls of this unit used, all and within `recentDays` of `asOf`. */
  polls: number;
  recentPolls: number;
  /** Last day a poll of this unit ended, or undefined. */
  lastPoll?: number;
  /** Mean undecided and third-party share (1 − decided) of the unit's recent polls (all its polls if none is recent), 0–1; undefined without polls that give it. */
  undecided?: number;
}

/** Daily filtered estimates: day numbers, then per unit (and `US`) mean and SD, pp. */
export interface AggregationSeries {
  days: Int32Array;
  units: Record<string, { mean: Float64Array; sd: Float64Array }>;
}

/** What {@link aggregatePolls} returns. */
export interface PollAggregate {
  units: AggregatedUnit[];
  national: AggregatedUnit;
  /** House effects, pp toward the first side (positive: the pollster leans to the first side), with polls. */
  houseEffects: { pollster: string; effect: number; polls: number }[];
  /** Population effects relative to likely voters, pp. */
  populationEffects: Partial<Record<PollPopulation, number>>;
  /** Non-sampling SD of a poll, pp: state polls, national polls. */
  nonSamplingSD: { state: number; national: number };
  /** Random-walk SDs per day used, pp, and whether they were estimated. */
  processSD: { national: number; relative: number; estimated: boolean };
  /** SD of house effects across pollsters, pp (the shrinkage prior). */
  houseSD: number;
  /** Log-likelihood of the polls under the model (prediction-error decomposition). */
  logLikelihood: number;
  pollsUsed: number;
  /** Sample size given to polls without one (the median of the file's). */
  imputedSampleSize: number;
  series?: AggregationSeries;
}

/** Backfitting rounds for house, population and non-sampling terms before the random-walk search. */
const ROUNDS = 3;
/** Prior SD of a population effect, pp. */
const POPULATION_SD = 2;
/** Candidate random-walk SDs per day, pp: national, relative. */
const NATIONAL_STEPS = [0.05, 0.1, 0.15, 0.2, 0.3, 0.45];
const RELATIVE_STEPS = [0.01, 0.03, 0.06, 0.1];

/** Prepared polls in day order, as typed arrays. */
interface Prepared {
  n: number;
  day: Int32Array;
  /** Unit index (0..S−1), or −1 for national. */
  unit: Int32Array;
  y: Float64Array;
  samplingVar: Float64Array;
  pollster: Int32Array;
  population: Int32Array;
  pollsters: string[];
}

const POPULATIONS: PollPopulation[] = ['lv', 'rv', 'v', 'a'];

/**
 * Aggregates polls into each unit's expected margin on election day with the model above.
 *
 * @param options units with last margins and weights, the last national margin, polls, election day,
 *   as-of day, prior SDs (pp), optional random-walk SDs (estimated when absent), optional daily series
 * @returns per unit and national: mean and SD on election day (pp), poll counts, undecided share; house
 *   and population effects; non-sampling SDs; random-walk SDs; log-likelihood
 * @example
 * const units = [{ id: 'A', lastMargin: 4, weight: 0.5 }, { id: 'B', lastMargin: -4, weight: 0.5 }];
 * const polls = [{ line: 2, unit: 'A', start: 100, end: 100, pollster: 'x', population: 'lv', margin: 8, sampleSize: 1000 }];
 * aggregatePolls({ units, lastNationalMargin: 0, polls, electionDay: 110, asOf: 100, priorSD: { national: 10, relative: 4 }, processSD: { national: 0.2, relative: 0.05 } }).units[1].mean > -4 // => true (B moves with A's poll)
 */
export function aggregatePolls(options: AggregatePollsOptions): PollAggregate {
  const S = options.units.length;
  const index = new Map(options.units.map((u, i) => [u.id, i]));
  const used = options.polls.filter((p) => p.end <= options.asOf && (p.unit === NATIONAL_UNIT || index.has(p.unit)));
  const sizes = used.map((p) => p.sampleSize).filter((n): n is number => n !== undefined).sort((a, b) => a - b);
  const imputed = sizes.length > 0 ? sizes[Math.floor(sizes.length / 2)] : 600;
  const prepared = prepare(used, index, imputed);
  const weights = Float64Array.from(options.units.map((u) => u.weight));
  const model: Model = {
    S,
    weights,
    x0: Float64Array.from([options.lastNationalMargin, ...options.units.map((u) => u.lastMargin - options.lastNationalMargin)]),
    p0: Float64Array.from([options.priorSD.national ** 2, ...options.units.map(() => options.priorSD.relative ** 2)]),
    startDay: prepared.n > 0 ? Math.min(prepared.day[0], options.asOf) : options.asOf,
    asOf: options.asOf,
  };
  const state: Terms = {
    house: new Float64Array(prepared.pollsters.length),
    population: new Float64Array(POPULATIONS.length),
    noise: Float64Array.from([4, 2]),
    houseSD: 2,
  };
  let process = options.processSD ?? { national: 0.15, relative: 0.03 };
  const near = neighbours(prepared);
  const fitTerms = (q: { national: number; relative: number }, rounds: number) => {
    for (let round = 0; round < rounds; round++) {
      estimateEffects(prepared, near, state);
      updateNoise(prepared, filter(model, prepared, state, q, false), state);
    }
  };
  if (prepared.n > 0) fitTerms(process, ROUNDS);
  if (!options.processSD && prepared.n > 0) {
    process = searchProcessSD(model, prepared, state, process);
    fitTerms(process, 2);
  }
  const final = filter(model, prepared, state, process, options.series === true);
  // Drift from asOf to election day.
  const d = S + 1;
  const ahead = Math.max(0, options.electionDay - options.asOf);
  const P = final.P.slice();
  P[0] += ahead * process.national ** 2;
  for (let s = 1; s < d; s++) P[s * d + s] += ahead * process.relative ** 2;
  const x = final.x;
  const recentDays = options.recentDays ?? 21;
  const describe = (id: string, mean: number, variance: number, varianceNow: number) => describeUnit(id, { mean, variance, varianceNow }, used, options.asOf, recentDays);
  const units = options.units.map((u, s) => {
    const i = s + 1;
    const mean = x[0] + x[i];
    const variance = P[0] + P[i * d + i] + 2 * P[i];
    const now = final.P[0] + final.P[i * d + i] + 2 * final.P[i];
    return describe(u.id, mean, variance, now);
  });
  const h = nationalRow(weights);
  const national = describe(NATIONAL_UNIT, dot(h, x), quadratic(P, h, d), quadratic(final.P, h, d));
  const counts = new Map<number, number>();
  for (let i = 0; i < prepared.n; i++) counts.set(prepared.pollster[i], (counts.get(prepared.pollster[i]) ?? 0) + 1);
  const populationEffects: Partial<Record<PollPopulation, number>> = {};
  POPULATIONS.forEach((p, k) => {
    if (used.some((poll) => poll.population === p)) populationEffects[p] = state.population[k];
  });
  return {
    units,
    national,
    houseEffects: prepared.pollsters
      .map((pollster, k) => ({ pollster, effect: state.house[k], polls: counts.get(k) ?? 0 }))
      .filter((e) => e.pollster !== '')
      .sort((a, b) => b.polls - a.polls || a.pollster.localeCompare(b.pollster)),
    populationEffects,
    nonSamplingSD: { state: Math.sqrt(state.noise[0]), national: Math.sqrt(state.noise[1]) },
    processSD: { ...process, estimated: !options.processSD && prepared.n > 0 },
    houseSD: state.houseSD,
    logLikelihood: final.logLikelihood,
    pollsUsed: prepared.n,
    imputedSampleSize: imputed,
    ...(final.series ? { series: { days: final.series.days, units: Object.fromEntries([...options.units.map((u, s) => [u.id, final.series!.units[s]] as const), [NATIONAL_UNIT, final.series.national] as const]) } } : {}),
  };
}

/** Coordinate search of the process SDs: the national step over its grid, then the relative step at the best national one. */
function searchProcessSD(model: Model, prepared: ReturnType<typeof prepare>, state: Terms, start: { national: number; relative: number }): { national: number; relative: number } {
  const likelihood = (q: { national: number; relative: number }) => filter(model, prepared, state, q, false).logLikelihood;
  let best = { q: start, ll: Number.NEGATIVE_INFINITY };
  for (const national of NATIONAL_STEPS) {
    const q = { national, relative: start.relative };
    const ll = likelihood(q);
    if (ll > best.ll) best = { q, ll };
  }
  for (const relative of RELATIVE_STEPS) {
    if (relative === best.q.relative) continue;
    const q = { national: best.q.national, relative };
    const ll = likelihood(q);
    if (ll > best.ll) best = { q, ll };
  }
  return best.q;
}

/** One unit's aggregate (or the nation's): mean and SDs, its polls, recent polls, last poll and the undecided share of its recent polls. */
function describeUnit(id: string, at: { mean: number; variance: number; varianceNow: number }, used: Poll[], asOf: number, recentDays: number): AggregatedUnit {
  const polls = used.filter((p) => p.unit === id);
  const recent = polls.filter((p) => p.end > asOf - recentDays);
  const pool = (recent.length > 0 ? recent : polls).filter((p) => p.decided !== undefined);
  const out: AggregatedUnit = { id, mean: at.mean, sd: Math.sqrt(Math.max(0, at.variance)), sdNow: Math.sqrt(Math.max(0, at.varianceNow)), polls: polls.length, recentPolls: recent.length };
  if (polls.length > 0) out.lastPoll = Math.max(...polls.map((p) => p.end));
  if (pool.length > 0) out.undecided = pool.reduce((sum, p) => sum + (1 - p.decided!), 0) / pool.length;
  return out;
}

/** Midpoint of a poll's field period, whole days (rounded down). */
function midDay(poll: Pick<Poll, 'start' | 'end'>): number {
  return poll.start + Math.floor((poll.end - poll.start) / 2);
}

interface Model {
  S: number;
  weights: Float64Array;
  x0: Float64Array;
  p0: Float64Array;
  startDay: number;
  asOf: number;
}

/** Estimated terms of the observation equation. */
interface Terms {
  house: Float64Array;
  population: Float64Array;
  /** Non-sampling variances: [state, national], pp². */
  noise: Float64Array;
  houseSD: number;
}

interface FilterRun {
  x: Float64Array;
  P: Float64Array;
  /** Innovation and its variance per prepared poll (before the poll's own update). */
  innovation: Float64Array;
  innovationVar: Float64Array;
  logLikelihood: number;
  series?: { days: Int32Array; units: { mean: Float64Array; sd: Float64Array }[]; national: { mean: Float64Array; sd: Float64Array } };
}

function prepare(polls: readonly Poll[], index: Map<string, number>, imputed: number): Prepared {
  const order = [...polls].sort((a, b) => midDay(a) - midDay(b) || a.line - b.line);
  const n = order.length;
  const pollsterIds = new Map<string, number>();
  const out: Prepared = {
    n,
    day: new Int32Array(n),
    unit: new Int32Array(n),
    y: new Float64Array(n),
    samplingVar: new Float64Array(n),
    pollster: new Int32Array(n),
    population: new Int32Array(n),
    pollsters: [],
  };
  order.forEach((p, i) => {
    out.day[i] = midDay(p);
    out.unit[i] = p.unit === NATIONAL_UNIT ? -1 : index.get(p.unit)!;
    out.y[i] = p.margin;
    const share = Math.min(0.99, Math.max(0.01, (1 + p.margin / 100) / 2));
    const decidedRespondents = Math.max(1, (p.sampleSize ?? imputed) * (p.decided ?? 1));
    out.samplingVar[i] = (1e4 * 4 * share * (1 - share)) / decidedRespondents;
    let k = pollsterIds.get(p.pollster);
    if (k === undefined) {
      k = out.pollsters.length;
      pollsterIds.set(p.pollster, k);
      out.pollsters.push(p.pollster);
    }
    out.pollster[i] = k;
    out.population[i] = POPULATIONS.indexOf(p.population);
  });
  return out;
}

function nationalRow(weights: Float64Array): Float64Array {
  const h = new Float64Array(weights.length + 1);
  h[0] = 1;
  h.set(weights, 1);
  return h;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** hᵀ P h for a d × d row-major P. */
function quadratic(P: Float64Array, h: Float64Array, d: number): number {
  let s = 0;
  for (let i = 0; i < d; i++) {
    if (h[i] === 0) continue;
    let row = 0;
    for (let j = 0; j < d; j++) row += P[i * d + j] * h[j];
    s += h[i] * row;
  }
  return s;
}

/**
 * Runs the Kalman filter from the prior through `asOf`: each day the random walk adds its variance,
 * then that day's polls update the state one at a time (scalar updates, O(d²) each).
 */
function filter(model: Model, polls: Prepared, terms: Terms, q: { national: number; relative: number }, keepSeries: boolean): FilterRun {
  const { S } = model;
  const d = S + 1;
  const x = model.x0.slice();
  const P = new Float64Array(d * d);
  for (let i = 0; i < d; i++) P[i * d + i] = model.p0[i];
  const h = nationalRow(model.weights);
  const PH = new Float64Array(d);
  const innovation = new Float64Array(polls.n);
  const innovationVar = new Float64Array(polls.n);
  const qn = q.national ** 2;
  const qr = q.relative ** 2;
  let logLikelihood = 0;
  const days = model.asOf - model.startDay + 1;
  const series = keepSeries
    ? {
        days: new Int32Array(days),
        units: Array.from({ length: S }, () => ({ mean: new Float64Array(days), sd: new Float64Array(days) })),
        national: { mean: new Float64Array(days), sd: new Float64Array(days) },
      }
    : undefined;
  let next = 0;
  for (let day = model.startDay, t = 0; day <= model.asOf; day++, t++) {
    if (day > model.startDay) {
      P[0] += qn;
      for (let s = 1; s < d; s++) P[s * d + s] += qr;
    }
    while (next < polls.n && polls.day[next] <= day) {
      const i = next++;
      const u = polls.unit[i];
      const bias = terms.house[polls.pollster[i]] + (polls.population[i] >= 0 ? terms.population[polls.population[i]] : 0);
      let predicted: number;
      let variance: number;
      if (u >= 0) {
        const k = u + 1;
        for (let j = 0; j < d; j++) PH[j] = P[j * d] + P[j * d + k];
        predicted = x[0] + x[k];
        variance = PH[0] + PH[k];
      } else {
        for (let j = 0; j < d; j++) {
          let s = 0;
          const row = j * d;
          for (let m = 0; m < d; m++) s += P[row + m] * h[m];
          PH[j] = s;
        }
        predicted = dot(h, x);
        variance = dot(h, PH);
      }
      const R = polls.samplingVar[i] + terms.noise[u >= 0 ? 0 : 1];
      const Sv = variance + R;
      const nu = polls.y[i] - bias - predicted;
      innovation[i] = nu;
      innovationVar[i] = Sv;
      logLikelihood += -0.5 * (Math.log(2 * Math.PI * Sv) + (nu * nu) / Sv);
      const gain = nu / Sv;
      for (let j = 0; j < d; j++) x[j] += PH[j] * gain;
      for (let j = 0; j < d; j++) {
        const f = PH[j] / Sv;
        if (f === 0) continue;
        const row = j * d;
        for (let m = 0; m < d; m++) P[row + m] -= f * PH[m];
      }
    }
    if (series) {
      series.days[t] = day;
      for (let s = 0; s < S; s++) {
        const k = s + 1;
        series.units[s].mean[t] = x[0] + x[k];
        series.units[s].sd[t] = Math.sqrt(Math.max(0, P[0] + P[k * d + k] + 2 * P[k]));
      }
      series.national.mean[t] = dot(h, x);
      series.national.sd[t] = Math.sqrt(Math.max(0, quadratic(P, h, d)));
    }
  }
  return { x, P, innovation, innovationVar, logLikelihood, ...(series ? { series } : {}) };
}

/** Days either side of a poll within which other polls of its unit are its comparison set. */
const COMPARISON_DAYS = 14;

/** For each poll, the other polls of its unit within {@link COMPARISON_DAYS} (CSR: start offsets and indices). */
interface Neighbours {
  start: Int32Array;
  index: Int32Array;
}

function neighbours(polls: Prepared): Neighbours {
  const byUnit = new Map<number, number[]>();
  for (let i = 0; i < polls.n; i++) {
    const list = byUnit.get(polls.unit[i]);
    if (list) list.push(i);
    else byUnit.set(polls.unit[i], [i]);
  }
  const lists: number[][] = Array.from({ length: polls.n }, () => []);
  for (const list of byUnit.values()) {
    // Polls are in day order: a window slides over each unit's list.
    let lo = 0;
    for (let a = 0; a < list.length; a++) {
      const i = list[a];
      while (polls.day[list[lo]] < polls.day[i] - COMPARISON_DAYS) lo++;
      for (let b = lo; b < list.length && polls.day[list[b]] <= polls.day[i] + COMPARISON_DAYS; b++) if (b !== a) lists[i].push(list[b]);
    }
  }
  const start = new Int32Array(polls.n + 1);
  for (let i = 0; i < polls.n; i++) start[i + 1] = start[i] + lists[i].length;
  const index = new Int32Array(start[polls.n]);
  for (let i = 0; i < polls.n; i++) index.set(lists[i], start[i]);
  return { start, index };
}

/**
 * House and population effects by comparison: each poll against the other pollsters' polls of the same
 * unit within two weeks (corrected by their current effects), each pollster's mean difference
 * precision-weighted and shrunk toward 0 with an SD estimated by moments, then centred on the average
 * poll (the adjustment moves polls relative to each other, never the file's level); each population
 * against likely-voter polls (or the most common population) the same way, shrunk with SD 2 pp. Poll
 * variances are the sampling plus current non-sampling variances.
 */
function estimateEffects(polls: Prepared, near: Neighbours, terms: Terms): void {
  const variance = (i: number) => polls.samplingVar[i] + terms.noise[polls.unit[i] >= 0 ? 0 : 1];
  const population = (i: number) => terms.population[polls.population[i]];
  const P = polls.pollsters.length;
  const num = new Float64Array(P);
  const den = new Float64Array(P);
  const count = new Int32Array(P);
  for (let i = 0; i < polls.n; i++) {
    const k = polls.pollster[i];
    if (polls.pollsters[k] === '') continue;
    let sum = 0;
    let sumVar = 0;
    let m = 0;
    for (let e = near.start[i]; e < near.start[i + 1]; e++) {
      const j = near.index[e];
      if (polls.pollster[j] === k) continue;
      sum += polls.y[j] - terms.house[polls.pollster[j]] - population(j);
      sumVar += variance(j);
      m++;
    }
    if (m === 0) continue;
    const difference = polls.y[i] - population(i) - sum / m;
    const v = variance(i) + sumVar / (m * m);
    num[k] += difference / v;
    den[k] += 1 / v;
    count[k]++;
  }
  // SD of house effects by moments over pollsters with three compared polls or more.
  let excess = 0;
  let pollsters = 0;
  for (let k = 0; k < P; k++) {
    if (count[k] < 3) continue;
    const mean = num[k] / den[k];
    excess += mean * mean - 1 / den[k];
    pollsters++;
  }
  terms.houseSD = pollsters > 0 ? Math.min(5, Math.max(0.5, Math.sqrt(Math.max(0, excess / pollsters)))) : 2;
  const prior = 1 / terms.houseSD ** 2;
  const polled = new Int32Array(P);
  for (let i = 0; i < polls.n; i++) polled[polls.pollster[i]]++;
  let centre = 0;
  let weight = 0;
  for (let k = 0; k < P; k++) {
    terms.house[k] = polls.pollsters[k] === '' ? 0 : num[k] / (den[k] + prior);
    if (polls.pollsters[k] !== '') {
      centre += polled[k] * terms.house[k];
      weight += polled[k];
    }
  }
  if (weight > 0) for (let k = 0; k < P; k++) if (polls.pollsters[k] !== '') terms.house[k] -= centre / weight;
  // Populations against the reference population.
  const G = POPULATIONS.length;
  const groupCount = new Int32Array(G);
  for (let i = 0; i < polls.n; i++) groupCount[polls.population[i]]++;
  const reference = groupCount[0] > 0 ? 0 : groupCount.indexOf(Math.max(...groupCount));
  const pn = new Float64Array(G);
  const pd = new Float64Array(G);
  for (let i = 0; i < polls.n; i++) {
    const g = polls.population[i];
    if (g === reference) continue;
    let sum = 0;
    let sumVar = 0;
    let m = 0;
    for (let e = near.start[i]; e < near.start[i + 1]; e++) {
      const j = near.index[e];
      if (polls.population[j] !== reference) continue;
      sum += polls.y[j] - terms.house[polls.pollster[j]];
      sumVar += variance(j);
      m++;
    }
    if (m === 0) continue;
    const v = variance(i) + sumVar / (m * m);
    pn[g] += (polls.y[i] - terms.house[polls.pollster[i]] - sum / m) / v;
    pd[g] += 1 / v;
  }
  for (let g = 0; g < G; g++) terms.population[g] = g === reference ? 0 : pn[g] / (pd[g] + 1 / POPULATION_SD ** 2);
}

/** Non-sampling variances of state and national polls: a Fisher-scoring step on the innovations, E[ν²] = S. */
function updateNoise(polls: Prepared, run: FilterRun, terms: Terms): void {
  // Non-sampling variances: scoring step on E[ν²] = S.
  for (const kind of [0, 1]) {
    let top = 0;
    let bottom = 0;
    for (let i = 0; i < polls.n; i++) {
      if ((polls.unit[i] >= 0 ? 0 : 1) !== kind) continue;
      const w = 1 / run.innovationVar[i] ** 2;
      top += w * (run.innovation[i] ** 2 - run.innovationVar[i]);
      bottom += w;
    }
    if (bottom > 0) terms.noise[kind] = Math.min(100, Math.max(0.25, terms.noise[kind] + top / bottom));
  }
}
