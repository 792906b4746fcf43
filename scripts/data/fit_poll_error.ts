/**
 * Fits the poll forecast's error model on the record and writes data/poll-error-calibration.json.
 *
 * Source: data/polls/poll-record-1998-2016.csv (FiveThirtyEight's pollster-ratings record, every scored
 * general-election poll of the final 21 days beside the certified result, CC BY 4.0; derived by
 * scripts/data/derive_polls.ts) and the project's own results (data/us_president_results.csv).
 *
 * 1. For each presidential year 2000–2016, the product's aggregation (src/polls/aggregatePolls.ts, with
 *    the prior of forecastFromPolls: the last result, or a flat prior for 2000, whose last result the data
 *    lack) runs on that year's general-election polls as of the eve of the election; each polled state's
 *    error is its result minus the aggregate, beside the aggregate's own variance, its number of polls in
 *    the final 21 days and its undecided and third-party share.
 * 2. The errors of the years of a fit are modelled as national (Student-t) + Census-division (normal) +
 *    state (normal, variance (base² + perPoll²/(1 + n)) · (u/0.08)^power) + the aggregate's own variance,
 *    correlated within a year through the national and regional terms; the parameters maximise the
 *    likelihood (the national t integrated out by quadrature, studentTNodes), over Nelder–Mead on the log
 *    SDs and a grid of degrees of freedom. Fits: `all` (2000–2016) and `without-<year>` for each year,
 *    which the backtests use so that no year is scored by a model fitted on it.
 * 3. `priorRelative`: the SD of the change of states' margins relative to the nation between two
 *    consecutive elections (data/us_president_results.csv), over the changes into the fit's years.
 * 4. The fundamentals prior (src/polls/timeForChange.ts: Abramowitz's time-for-change model, refitted
 *    for each year on the elections before it, data/us_fundamentals.csv). Step 2's national SD is the
 *    polls' own (`pollNational`). K (`fundamentalsVariance`) minimises the squared national error of the
 *    blend m + V/(V + K)·(f − m), V = pollNational² + the aggregate's national variance, over the fit's
 *    years: the Economist's full-year files (data/polls/us-president-<year>-polls.csv) at 1, 20, 50 and 100
 *    days before the election where the year has one (2008, 2012, 2016), the raw-polls file's eve
 *    otherwise (2000, 2004). Then step 2 is run again on the blended forecasts' errors (every state moved
 *    by the same shift), giving the fit's `national`, `regional`, state terms and `tails`.
 * 5. Descriptive tables: how far the simple mean of a race's polls falls from the result, by race type
 *    (presidential by state and national, Senate, governor, House), days to election (polls ending 0–7,
 *    8–14, 15–21 days out) and number of polls; and the coverage of each year's leave-one-year-out 90 %
 *    intervals through the product's own forecast (forecastFromPolls).
 *
 * Dev tool, run by hand: node --import tsx scripts/data/fit_poll_error.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadResults } from '../../src/node/data/loadResults.js';
import type { ElectionResults } from '../../src/model/types.js';
import { parsePollFile } from '../../src/polls/parsePollFile.js';
import { aggregatePolls } from '../../src/polls/aggregatePolls.js';
import { aggregationUnits, pollsKnownOn } from '../../src/polls/forecastFromPolls.js';
import { usElectionDay } from '../../src/polls/pollDates.js';
import { studentTNodes } from '../../src/polls/marginDistribution.js';
import { UNDECIDED_REFERENCE, fundamentalsWeight, type PollErrorFit, type PollErrorModel } from '../../src/polls/pollErrorModel.js';
import { parseUsFundamentals, timeForChangePrior } from '../../src/polls/timeForChange.js';
import { loadUsNominees } from '../../src/node/data/loadPollErrorModel.js';
import type { PollFile } from '../../src/polls/pollTypes.js';
import { pollBacktest } from '../../src/analysis/pollBacktest.js';
import { parseDelimited } from '../../src/io/parseDelimited.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const RAW = 'data/polls/poll-record-1998-2016.csv';
const OUT = join(root, 'data', 'poll-error-calibration.json');
const YEARS = [2000, 2004, 2008, 2012, 2016];
const RECENT_DAYS = 21;
const TAILS = [4, 6, 10, 30, 1e6];
const rawText = readFileSync(join(root, RAW), 'utf8');
const FUNDAMENTALS = parseUsFundamentals({ file: 'data/us_fundamentals.csv', text: readFileSync(join(root, 'data', 'us_fundamentals.csv'), 'utf8') });
/** Years with a full-year poll file of the Economist, and the days before the election its forecasts are made. */
const FULL_YEAR = [2008, 2012, 2016];
const DAYS_OUT = [1, 20, 50, 100];
/** The time-for-change margin of the Democrat in `year`, fitted on the elections before it. */
const fundamentalsMargin = (year: number): number => timeForChangePrior(FUNDAMENTALS, year, ['D', 'R'])!.margin;
const results = new Map<number, ElectionResults>();
const resultsOf = (year: number): ElectionResults | undefined => {
  if (!results.has(year)) {
    try {
      results.set(year, loadResults({ country: 'us', year }));
    } catch {
      return undefined;
    }
  }
  return results.get(year);
};
const margin = (v: Record<string, number>) => (100 * ((v.D ?? 0) - (v.R ?? 0))) / ((v.D ?? 0) + (v.R ?? 0));

/** One polled state's error in one year. */
interface UnitError {
  year: number;
  id: string;
  region: string;
  error: number;
  variance: number;
  recentPolls: number;
  undecided?: number;
}

/** SD of the change of relative margins between consecutive elections ending in `years`. */
function priorRelative(years: number[]): number {
  const changes: number[] = [];
  for (const year of years) {
    const now = resultsOf(year);
    const before = resultsOf(year - 4);
    if (!now || !before) continue;
    const relative = (r: ElectionResults) => {
      const tops = r.units.filter((u) => u.parent === undefined);
      const nat = margin({ D: tops.reduce((s, u) => s + (u.votes.D ?? 0), 0), R: tops.reduce((s, u) => s + (u.votes.R ?? 0), 0) });
      return new Map(tops.map((u) => [u.id, margin(u.votes) - nat]));
    };
    const a = relative(before);
    for (const [id, rel] of relative(now)) if (a.has(id)) changes.push(rel - a.get(id)!);
  }
  const mean = changes.reduce((s, x) => s + x, 0) / changes.length;
  return Math.sqrt(changes.reduce((s, x) => s + (x - mean) ** 2, 0) / (changes.length - 1));
}

/**
 * Each polled state's error in `year`, the aggregation run as forecastFromPolls runs it; with `blend`,
 * every state moved toward the fundamentals as forecastFromPolls moves it.
 */
function unitErrors(year: number, relativeSD: number, blend?: Pick<PollErrorFit, 'pollNational' | 'fundamentalsVariance'>): UnitError[] {
  const current = resultsOf(year)!;
  const previous = resultsOf(year - 4);
  const base = previous ?? current;
  const territories = base.units.map((u) => {
    const votes = previous ? u.votes : { D: ((u.votes.D ?? 0) + (u.votes.R ?? 0)) / 2, R: ((u.votes.D ?? 0) + (u.votes.R ?? 0)) / 2 };
    return { id: u.id, region: u.region ?? '(none)', votes, ...(u.parent !== undefined ? { parent: u.parent } : {}) };
  });
  const polls = parsePollFile(rawText, { file: RAW, sides: ['D', 'R'], units: current.units, year });
  const electionDay = usElectionDay(year);
  const asOf = electionDay - 1;
  const { units, lastNationalMargin } = aggregationUnits(territories, ['D', 'R']);
  const aggregate = aggregatePolls({
    units,
    lastNationalMargin,
    polls: pollsKnownOn(polls.polls, asOf),
    electionDay,
    asOf,
    priorSD: { national: 10, relative: previous ? relativeSD : 20 },
    recentDays: RECENT_DAYS,
  });
  const actual = new Map(current.units.map((u) => [u.id, margin(u.votes)]));
  const region = new Map(current.units.map((u) => [u.id, u.region ?? '(none)']));
  const shift = blend ? fundamentalsWeight(blend, aggregate.national.sd ** 2) * (fundamentalsMargin(year) - aggregate.national.mean) : 0;
  return aggregate.units
    .filter((u) => u.polls > 0)
    .map((u) => ({ year, id: u.id, region: region.get(u.id)!, error: actual.get(u.id)! - u.mean - shift, variance: u.sd ** 2, recentPolls: u.recentPolls, ...(u.undecided !== undefined ? { undecided: u.undecided } : {}) }));
}

/** Cholesky factor (lower, row-major) of a symmetric positive-definite m × m matrix, in place; log-determinant returned. */
function cholesky(a: Float64Array, m: number): number {
  let logDet = 0;
  for (let j = 0; j < m; j++) {
    let d = a[j * m + j];
    for (let k = 0; k < j; k++) d -= a[j * m + k] ** 2;
    if (!(d > 0)) return Number.NaN;
    const l = Math.sqrt(d);
    a[j * m + j] = l;
    logDet += 2 * Math.log(l);
    for (let i = j + 1; i < m; i++) {
      let s = a[i * m + j];
      for (let k = 0; k < j; k++) s -= a[i * m + k] * a[j * m + k];
      a[i * m + j] = s / l;
    }
  }
  return logDet;
}

/** Solves L Lᵀ x = b for the factor of {@link cholesky}. */
function solve(l: Float64Array, m: number, b: Float64Array): Float64Array {
  const y = new Float64Array(m);
  for (let i = 0; i < m; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= l[i * m + k] * y[k];
    y[i] = s / l[i * m + i];
  }
  const x = new Float64Array(m);
  for (let i = m - 1; i >= 0; i--) {
    let s = y[i];
    for (let k = i + 1; k < m; k++) s -= l[k * m + i] * x[k];
    x[i] = s / l[i * m + i];
  }
  return x;
}

interface Parameters {
  national: number;
  regional: number;
  stateBase: number;
  statePerPoll: number;
  undecidedPower: number;
}

/** Log-likelihood of one year's errors, the national t integrated out. */
function yearLogLikelihood(errors: UnitError[], p: Parameters, tails: number): number {
  const m = errors.length;
  const c = new Float64Array(m * m);
  for (let i = 0; i < m; i++) {
    const e = errors[i];
    const u = e.undecided === undefined ? UNDECIDED_REFERENCE : Math.max(0.01, e.undecided);
    c[i * m + i] = e.variance + (p.stateBase ** 2 + p.statePerPoll ** 2 / (1 + e.recentPolls)) * (u / UNDECIDED_REFERENCE) ** p.undecidedPower;
    for (let j = 0; j < m; j++) if (errors[j].region === e.region) c[i * m + j] += p.regional ** 2;
  }
  const logDet = cholesky(c, m);
  if (!Number.isFinite(logDet)) return Number.NEGATIVE_INFINITY;
  const r = Float64Array.from(errors.map((e) => e.error));
  const ones = new Float64Array(m).fill(1);
  const cr = solve(c, m, r);
  const c1 = solve(c, m, ones);
  const A = r.reduce((s, x, i) => s + x * cr[i], 0);
  const B = r.reduce((s, _, i) => s + c1[i] * r[i], 0);
  const C = c1.reduce((s, x) => s + x, 0);
  const constant = -0.5 * (logDet + m * Math.log(2 * Math.PI));
  if (tails >= 1e6) {
    // Normal national term: Sherman–Morrison on C + σ²11ᵀ.
    const s2 = p.national ** 2;
    return constant - 0.5 * Math.log(1 + s2 * C) - 0.5 * (A - (s2 * B * B) / (1 + s2 * C));
  }
  const { t, w } = studentTNodes(tails);
  let max = Number.NEGATIVE_INFINITY;
  const logs = new Float64Array(t.length);
  for (let k = 0; k < t.length; k++) {
    const e = p.national * t[k];
    logs[k] = Math.log(w[k]) - 0.5 * (A - 2 * e * B + e * e * C);
    if (logs[k] > max) max = logs[k];
  }
  let sum = 0;
  for (let k = 0; k < t.length; k++) sum += Math.exp(logs[k] - max);
  return constant + max + Math.log(sum);
}

/** Nelder–Mead minimisation (Nelder & Mead 1965; standard coefficients 1, 2, ½, ½). */
function nelderMead(f: (x: number[]) => number, start: number[], iterations = 2000): { x: number[]; value: number } {
  const n = start.length;
  let simplex = [start, ...start.map((_, i) => start.map((v, j) => (i === j ? v + 0.3 : v)))].map((x) => ({ x, v: f(x) }));
  for (let it = 0; it < iterations; it++) {
    simplex.sort((a, b) => a.v - b.v);
    if (Math.abs(simplex[n].v - simplex[0].v) < 1e-9) break;
    const centroid = new Array(n).fill(0);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) centroid[j] += simplex[i].x[j] / n;
    const at = (s: number) => centroid.map((c, j) => c + s * (simplex[n].x[j] - c));
    const reflected = at(-1);
    const fr = f(reflected);
    if (fr < simplex[0].v) {
      const expanded = at(-2);
      const fe = f(expanded);
      simplex[n] = fe < fr ? { x: expanded, v: fe } : { x: reflected, v: fr };
    } else if (fr < simplex[n - 1].v) {
      simplex[n] = { x: reflected, v: fr };
    } else {
      const contracted = fr < simplex[n].v ? at(-0.5) : at(0.5);
      const fc = f(contracted);
      if (fc < Math.min(fr, simplex[n].v)) simplex[n] = { x: contracted, v: fc };
      else simplex = simplex.map((s, i) => (i === 0 ? s : { x: s.x.map((v, j) => simplex[0].x[j] + 0.5 * (v - simplex[0].x[j])), v: f(s.x.map((v, j) => simplex[0].x[j] + 0.5 * (v - simplex[0].x[j]))) }));
    }
  }
  simplex.sort((a, b) => a.v - b.v);
  return { x: simplex[0].x, value: simplex[0].v };
}

/** One national forecast of a past year: the aggregate's margin and own variance, the fundamentals, the result. */
interface NationalPoint {
  year: number;
  source: 'economist' | 'raw';
  days: number;
  margin: number;
  variance: number;
  fundamentals: number;
  actual: number;
}

const pollFiles = new Map<number, PollFile>();
const nationalCache = new Map<string, NationalPoint>();

/** The national points of `year` (see step 4), the aggregation run with the fit's prior SD. */
function nationalPoints(year: number, relativeSD: number): NationalPoint[] {
  const current = resultsOf(year)!;
  const previous = resultsOf(year - 4);
  const full = FULL_YEAR.includes(year);
  const file = full ? `data/polls/us-president-${year}-polls.csv` : RAW;
  if (!pollFiles.has(year)) {
    pollFiles.set(year, full ? parsePollFile(readFileSync(join(root, file), 'utf8'), { file, sides: ['D', 'R'], units: current.units, nominees: loadUsNominees(year) }) : parsePollFile(rawText, { file, sides: ['D', 'R'], units: current.units, year }));
  }
  const polls = pollFiles.get(year)!;
  const base = previous ?? current;
  const territories = base.units.map((u) => {
    const votes = previous ? u.votes : { D: ((u.votes.D ?? 0) + (u.votes.R ?? 0)) / 2, R: ((u.votes.D ?? 0) + (u.votes.R ?? 0)) / 2 };
    return { id: u.id, region: u.region ?? '(none)', votes, ...(u.parent !== undefined ? { parent: u.parent } : {}) };
  });
  const { units, lastNationalMargin } = aggregationUnits(territories, ['D', 'R']);
  const tops = current.units.filter((u) => u.parent === undefined);
  const actual = margin({ D: tops.reduce((s, u) => s + (u.votes.D ?? 0), 0), R: tops.reduce((s, u) => s + (u.votes.R ?? 0), 0) });
  const electionDay = usElectionDay(year);
  return (full ? DAYS_OUT : [1]).map((days) => {
    const key = `${year} ${days} ${relativeSD}`;
    if (!nationalCache.has(key)) {
      const asOf = electionDay - days;
      const aggregate = aggregatePolls({ units, lastNationalMargin, polls: pollsKnownOn(polls.polls, asOf), electionDay, asOf, priorSD: { national: 10, relative: previous ? relativeSD : 20 }, recentDays: RECENT_DAYS });
      nationalCache.set(key, { year, source: full ? 'economist' : 'raw', days, margin: aggregate.national.mean, variance: aggregate.national.sd ** 2, fundamentals: fundamentalsMargin(year), actual });
    }
    return nationalCache.get(key)!;
  });
}

/**
 * K of the blend: the variance that minimises the squared national error of m + V/(V + K)·(f − m) over
 * the points, by a grid on log K (e^−2 … e^9 pp², steps of 0.01) then golden-section refinement; null
 * when no K does better than the polls alone (weight 0).
 */
function fitFundamentalsVariance(points: NationalPoint[], pollNational: number): { variance: number | null; rmse: number; rmsePolls: number; rmseFundamentals: number } {
  const sse = (k: number) => points.reduce((s, p) => {
    const w = fundamentalsWeight({ pollNational, fundamentalsVariance: k }, p.variance);
    return s + (p.margin + w * (p.fundamentals - p.margin) - p.actual) ** 2;
  }, 0);
  const rms = (x: number) => Math.sqrt(x / points.length);
  const polls = points.reduce((s, p) => s + (p.margin - p.actual) ** 2, 0);
  const fundamentals = points.reduce((s, p) => s + (p.fundamentals - p.actual) ** 2, 0);
  let best = { log: Number.NaN, sse: polls };
  for (let log = -2; log <= 9; log += 0.01) {
    const value = sse(Math.exp(log));
    if (value < best.sse) best = { log, sse: value };
  }
  if (Number.isNaN(best.log)) return { variance: null, rmse: rms(polls), rmsePolls: rms(polls), rmseFundamentals: rms(fundamentals) };
  let lo = best.log - 0.01;
  let hi = best.log + 0.01;
  const g = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 40; i++) {
    const a = hi - g * (hi - lo);
    const b = lo + g * (hi - lo);
    if (sse(Math.exp(a)) < sse(Math.exp(b))) hi = b;
    else lo = a;
  }
  const variance = Math.exp((lo + hi) / 2);
  return { variance, rmse: rms(sse(variance)), rmsePolls: rms(polls), rmseFundamentals: rms(fundamentals) };
}

const fundamentalsRecord: Record<string, unknown> = {};

function fit(id: string, years: number[]): PollErrorFit {
  const relativeSD = priorRelative(years);
  // Step 2 on the polls alone: the polls' own national SD.
  const polls = fitErrors(id, years, relativeSD, years.map((y) => unitErrors(y, relativeSD)));
  // Step 4: K, then step 2 again on the blended forecasts' errors.
  const points = years.flatMap((y) => nationalPoints(y, relativeSD));
  const k = fitFundamentalsVariance(points, polls.national);
  const blend = { pollNational: polls.national, fundamentalsVariance: k.variance === null ? null : round(k.variance) };
  const blended = fitErrors(id, years, relativeSD, years.map((y) => unitErrors(y, relativeSD, blend)));
  fundamentalsRecord[id] = { points: points.length, rmsePolls: round(k.rmsePolls, 3), rmseFundamentals: round(k.rmseFundamentals, 3), rmseBlend: round(k.rmse, 3) };
  return { ...blended, pollNational: polls.national, fundamentalsVariance: blend.fundamentalsVariance };
}

/** Step 2: the error terms by maximum likelihood on the errors of the fit's years. */
function fitErrors(id: string, years: number[], relativeSD: number, errors: UnitError[][]): PollErrorFit {
  let best: PollErrorFit | undefined;
  for (const tails of TAILS) {
    const toParameters = (x: number[]): Parameters => ({ national: Math.exp(x[0]), regional: Math.exp(x[1]), stateBase: Math.exp(x[2]), statePerPoll: Math.exp(x[3]), undecidedPower: x[4] });
    const objective = (x: number[]) => {
      if (Math.abs(x[4]) > 3 || x.slice(0, 4).some((v) => v < -6 || v > 4)) return 1e12;
      const p = toParameters(x);
      return -errors.reduce((s, e) => s + yearLogLikelihood(e, p, tails), 0);
    };
    const found = nelderMead(objective, [Math.log(2), Math.log(1.5), Math.log(1), Math.log(6), 0.5]);
    const p = toParameters(found.x);
    const candidate: PollErrorFit = {
      id,
      years,
      national: round(p.national),
      tails,
      regional: round(p.regional),
      stateBase: round(p.stateBase),
      statePerPoll: round(p.statePerPoll),
      undecidedPower: round(p.undecidedPower),
      priorRelative: round(relativeSD),
      logLikelihood: round(-found.value),
      errors: errors.reduce((s, e) => s + e.length, 0),
    };
    if (!best || candidate.logLikelihood > best.logLikelihood) best = candidate;
  }
  return best!;
}

function round(x: number, digits = 4): number {
  return Number(x.toFixed(digits));
}

/** Simple poll averages' errors by race type, days out and number of polls. */
function pollAverageErrors() {
  const table = parseDelimited(rawText, { file: RAW });
  const h = table.header.map((c) => c.trim());
  const col = (name: string) => h.indexOf(name);
  const [cRace, cType, cLoc, cDate, cElection, cP1, cP2, cA1, cA2] = ['race_id', 'type_simple', 'location', 'polldate', 'electiondate', 'cand1_pct', 'cand2_pct', 'cand1_actual', 'cand2_actual'].map(col);
  const toDay = (text: string) => {
    const [m, d, y] = text.split('/').map(Number);
    return Math.floor(Date.UTC(y, m - 1, d) / 86_400_000);
  };
  const races = new Map<string, { type: string; actual: number; polls: { days: number; margin: number }[] }>();
  for (const { cells } of table.records) {
    let type = cells[cType];
    if (type === 'Pres-P') continue;
    if (type === 'Pres-G') type = cells[cLoc] === 'US' ? 'Pres-G national' : 'Pres-G state';
    const p1 = Number(cells[cP1]);
    const p2 = Number(cells[cP2]);
    const a1 = Number(cells[cA1]);
    const a2 = Number(cells[cA2]);
    if (!(p1 + p2 > 0 && a1 + a2 > 0)) continue;
    const key = cells[cRace];
    const days = toDay(cells[cElection]) - toDay(cells[cDate]);
    const race = races.get(key) ?? { type, actual: (100 * (a1 - a2)) / (a1 + a2), polls: [] };
    race.polls.push({ days, margin: (100 * (p1 - p2)) / (p1 + p2) });
    races.set(key, race);
  }
  const windows = [
    { label: '0-7', from: 0, to: 7 },
    { label: '8-14', from: 8, to: 14 },
    { label: '15-21', from: 15, to: 21 },
  ];
  const counts = [
    { label: '1', from: 1, to: 1 },
    { label: '2-3', from: 2, to: 3 },
    { label: '4-7', from: 4, to: 7 },
    { label: '8+', from: 8, to: Number.POSITIVE_INFINITY },
  ];
  const cells: Record<string, { races: number; meanAbsoluteError: number; rmse: number }> = {};
  const add = (key: string, error: number) => {
    const c = cells[key] ?? { races: 0, meanAbsoluteError: 0, rmse: 0 };
    c.races += 1;
    c.meanAbsoluteError += Math.abs(error);
    c.rmse += error * error;
    cells[key] = c;
  };
  for (const race of races.values()) {
    for (const w of windows) {
      const inWindow = race.polls.filter((p) => p.days >= w.from && p.days <= w.to);
      if (inWindow.length === 0) continue;
      const n = counts.find((c) => inWindow.length >= c.from && inWindow.length <= c.to)!;
      const error = inWindow.reduce((s, p) => s + p.margin, 0) / inWindow.length - race.actual;
      add(`${race.type} | ${w.label} days | ${n.label} polls`, error);
      add(`${race.type} | ${w.label} days | all`, error);
    }
  }
  const rows = Object.entries(cells)
    .map(([key, c]) => {
      const [type, days, polls] = key.split(' | ');
      return { raceType: type, daysToElection: days.replace(' days', ''), polls: polls.replace(' polls', ''), races: c.races, meanAbsoluteError: round(c.meanAbsoluteError / c.races, 2), rmse: round(Math.sqrt(c.rmse / c.races), 2) };
    })
    .sort((a, b) => a.raceType.localeCompare(b.raceType) || a.daysToElection.localeCompare(b.daysToElection, 'en', { numeric: true }) || a.polls.localeCompare(b.polls, 'en', { numeric: true }));
  return {
    description: 'How far the simple mean of a race\'s polls falls from the result: two-party margin between the file\'s first two candidates, pp; polls ending 0–7, 8–14 or 15–21 days before the election, grouped by how many there are. Presidential primaries left out.',
    rows,
  };
}

const fits: PollErrorFit[] = [fit('all', YEARS)];
for (const year of YEARS) fits.push(fit(`without-${year}`, YEARS.filter((y) => y !== year)));
const model: PollErrorModel = {
  description:
    'Error of the poll aggregate (the product\'s state-space aggregation of a poll file, its national margin blended with the time-for-change fundamentals prior) against certified results: national Student-t + Census-division + state terms, fitted by maximum likelihood on US presidential general-election polls of the final 21 days, each year as of the eve of the election. `pollNational` is the national SD of the polls alone and `fundamentalsVariance` (K) the variance that weighs the fundamentals, V / (V + K), fitted by least squares on the national errors of the fit\'s years. `without-<year>` fits leave that year out; backtests of a year use them. Coverage: share of polled states whose result lay inside the leave-one-year-out 90 % interval of the product\'s forecast.',
  source: "FiveThirtyEight, pollster-ratings raw polls 1998–2016 (data/polls/poll-record-1998-2016.csv, CC BY 4.0); results from data/us_president_results.csv",
  script: 'scripts/data/fit_poll_error.ts',
  recentDays: RECENT_DAYS,
  undecidedReference: UNDECIDED_REFERENCE,
  fits,
};
// Coverage of the leave-one-year-out intervals through the product's own forecast.
const coverage: Record<string, { states: number; inside: number; share: number }> = {};
let inside = 0;
let states = 0;
for (const year of YEARS) {
  const current = resultsOf(year)!;
  const previous = resultsOf(year - 4);
  const polls = parsePollFile(rawText, { file: RAW, sides: ['D', 'R'], units: current.units, year });
  const electionDay = usElectionDay(year);
  const errorModel = fits.find((f) => f.id === `without-${year}`)!;
  const fundamentals = timeForChangePrior(FUNDAMENTALS, year, ['D', 'R']);
  const result = pollBacktest({ year, polls, ...(previous ? { previous } : {}), current, electionDay, asOf: [electionDay - 1], errorModel, polledOnly: true, ...(fundamentals ? { fundamentals } : {}) });
  const row = result.rows[0];
  const hits = row.forecasts.filter((f) => f.actual >= f.low && f.actual <= f.high).length;
  coverage[year] = { states: row.units, inside: hits, share: round(hits / row.units, 3) };
  inside += hits;
  states += row.units;
}
coverage.all = { states, inside, share: round(inside / states, 3) };
model.coverage = coverage;
model.fundamentals = {
  description:
    'The fundamentals prior: Abramowitz\'s time-for-change model (data/us_fundamentals.csv), refitted for each year on the elections before it; its Democratic margin beside the result (pp), and per fit the root-mean-square national error (pp) of the polls alone, the fundamentals alone and the blend with the fit\'s K over its points (the Economist\'s files at 1, 20, 50 and 100 days out for 2008–2016, the raw-polls file\'s eve for 2000 and 2004).',
  years: Object.fromEntries(YEARS.map((y) => [y, { fundamentals: round(fundamentalsMargin(y), 2), actual: round(nationalPoints(y, priorRelative(YEARS))[0].actual, 2) }])),
  fits: fundamentalsRecord,
};
model.pollAverageError = pollAverageErrors();
writeFileSync(OUT, `${JSON.stringify(model, null, 2)}\n`);
console.log(JSON.stringify({ fits, coverage }, null, 2));
