/**
 * The forecast baseline: moves a race's result to the expected result a simulation is centred on
 * (uniform or proportional swing, per-territory shifts, poll margins, a turnout change). Pure and
 * browser-safe: a margins file has already been read into `{margin, sd}` entries by the loader.
 */
import { twoPartyMargin } from '../model/twoPartyMargin.js';
import { InputError, describeKey, describeValue, keyPath, scenarioKeyPath } from '../errors.js';
import type { Side } from '../model/types.js';
import type { ResolvedBaseline, ResolvedPolls, ResolvedTerritory } from '../model/resolvedScenario.js';
import type { SwingModel } from './types.js';
import { getOwn, setOwn } from '../model/ownKeys.js';

/** Options of {@link applyBaseline}. */
export interface ApplyBaselineOptions {
  /** Label of the result the baseline starts from (`2024 result`), recorded for descriptions. */
  resultLabel: string;
  /** Scenario file, for messages. */
  file?: string;
  /** Where the `margins` come from (a file name as written in the scenario), for the record. */
  marginsSource?: string;
}

/** Keys of a `baseline` block. */
const BASELINE_KEYS = ['swing', 'swingModel', 'shifts', 'margins', 'marginUnit', 'polls', 'turnout', 'electionYear'] as const;

/** Keys of `baseline.polls`. */
const POLLS_KEYS = ['file', 'format', 'asOf', 'election', 'candidates', 'scale', 'fundamentals', 'forecast'];

/** Error-model defaults a poll baseline gives the scenario's `uncertainty` (pp; t degrees of freedom). */
export interface PollUncertaintyDefaults {
  national: number;
  regional: number;
  territory: number;
  tails: number;
  /** Where they come from, for the citations. */
  source: string;
}

/**
 * A's two-party share after multiplying A's odds by `k` (the proportional swing: A's share scaled by one
 * factor and B's by another, then renormalised within the two-party vote, is a common odds factor).
 */
function scaledShare(share: number, k: number): number {
  return (k * share) / (k * share + (1 - share));
}

/**
 * Applies a forecast baseline to resolved territories and records what it did.
 *
 * Each territory's expected two-party margin m (pp toward `sides[0]`) is, in this order:
 * 1. its result margin moved by `swing`: `uniform` adds `swing` (Butler & Stokes 1969, capped at ±100);
 *    `proportional` multiplies each side's two-party share by one common factor per side and
 *    renormalises (Curtice & Steed 1982), the factors found by bisection so that the national two-party
 *    margin (units without a parent) moves by exactly `swing`;
 * 2. replaced by its poll forecast where `polls` has one (`baseline.polls.forecast`, filled in by the
 *    loader), moved uniformly by `swing`; its own SD there becomes the territory's `territorySD`;
 * 3. replaced by its `margins` entry where it has one (pp; shares with `marginUnit: share`; a set of
 *    margins all within ±1 without `marginUnit` is refused as shares read as pp);
 * 4. plus its `shifts` entry, capped at ±100.
 * The territory's two-party total is kept, times (1 + `turnout`), and split so its margin is m; other
 * votes are scaled by (1 + `turnout`). A `sd` in a margins entry becomes the territory's `territorySD`.
 * Territories the baseline does not move keep their votes exactly.
 *
 * @param territories Resolved territories with the result's votes (not modified).
 * @param sides [ours, theirs]; margins are toward `sides[0]`.
 * @param spec The scenario's `baseline` block (unknown shape is checked), or undefined for a replay.
 * @param options Result label, file name for messages, margins source.
 * @returns New territories, the {@link ResolvedBaseline} record (every territory's expected margin; with
 *   polls, `polls`: the file, day and intervals), and with polls the error model's `uncertainty` defaults.
 * @throws {InputError} at `baseline.<key>` for unknown keys, numbers out of range, unknown territory ids,
 *   margins that read like shares, a poll forecast not made for this race, a national margin pushed to
 *   ±100, or a turnout above a territory's eligible voters.
 * @example
 * const t = [{ id: 'A', name: 'A', weight: 1, region: 'r', votes: { D: 480, R: 520 }, other: 0, eligible: 0 }];
 * applyBaseline(t, ['D', 'R'], { swing: 2 }, { resultLabel: '2024 result' }).baseline.margins // => { A: -2 }
 */
export function applyBaseline(
  territories: readonly ResolvedTerritory[],
  sides: readonly [Side, Side],
  spec: unknown,
  options: ApplyBaselineOptions,
): { territories: ResolvedTerritory[]; baseline: ResolvedBaseline; uncertainty?: PollUncertaintyDefaults } {
  const check = baselineChecks(options.file);
  const read = readBaselineSpec(spec, territories, options, check);
  const { swing, swingModel, turnout, shifts, given, marginsSource, pollForecast } = read;
  const [a, b] = sides;
  const { resultMargins, nationalResultMargin } = resultMarginsOf(territories, a, b);
  const k = swingModel === 'proportional' && swing !== 0 ? proportionalFactor(territories, a, b, nationalResultMargin, swing, check.fail) : 1;
  const margins: Record<string, number> = {};
  let expectedA = 0;
  let expectedB = 0;
  const out = territories.map((t) => {
    const moved = movedTerritory(t, { a, b, read, k, resultMargin: getOwn(resultMargins, t.id)!, fail: check.fail });
    setOwn(margins, t.id, moved.margin);
    if (t.parent === undefined) {
      expectedA += moved.territory.votes[a] ?? 0;
      expectedB += moved.territory.votes[b] ?? 0;
    }
    return moved.territory;
  });
  const givenIds = [...given.keys()];
  const baseline: ResolvedBaseline = {
    forecast: swing !== 0 || turnout !== 0 || givenIds.length > 0 || pollForecast !== undefined || [...shifts.values()].some((s) => s !== 0),
    swing,
    swingModel,
    shifts: Object.fromEntries(shifts),
    turnout,
    given: givenIds,
    ...(givenIds.length > 0 ? { marginsSource } : {}),
    nationalResultMargin,
    nationalMargin: twoPartyMargin(expectedA, expectedB),
    margins,
    resultMargins,
    resultLabel: options.resultLabel,
    ...(read.electionYear !== undefined ? { electionYear: read.electionYear } : {}),
    ...(pollForecast ? { polls: pollForecast.record } : {}),
  };
  return { territories: out, baseline, ...(pollForecast ? { uncertainty: pollForecast.uncertainty } : {}) };
}

/** The checks a baseline block's values go through, each throwing an InputError at the key (in the scenario file). */
interface BaselineChecks {
  fail: (at: string, expected: string, found: unknown) => never;
  number: (value: unknown, at: string, min: number, max: number, what: string) => number;
  object: (value: unknown, at: string) => Record<string, unknown>;
}

function baselineChecks(file: string | undefined): BaselineChecks {
  const fail = (at: string, expected: string, found: unknown): never => {
    throw new InputError({ file, at, expected, found: describeValue(found) });
  };
  const number = (value: unknown, at: string, min: number, max: number, what: string): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(at, `${what} between ${min} and ${max}`, value);
    return value as number;
  };
  const object = (value: unknown, at: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(at, 'an object', value);
    return value as Record<string, unknown>;
  };
  return { fail, number, object };
}

/** A poll forecast as the baseline uses it: margins and own SDs of every territory, the record, the error model's terms. */
type PollForecast = { margins: Map<string, { margin: number; sd: number }>; record: ResolvedPolls; uncertainty: PollUncertaintyDefaults };

/** The `baseline` block read and checked: what moves which territory (shifts and given margins keyed by territory id). */
interface BaselineSpec {
  swing: number;
  swingModel: SwingModel;
  turnout: number;
  shifts: Map<string, number>;
  given: Map<string, { margin: number; sd?: number }>;
  marginsSource: string;
  pollForecast?: PollForecast;
  electionYear?: number;
}

/** Reads and checks the `baseline` block (undefined: a replay of the result). */
function readBaselineSpec(spec: unknown, territories: readonly ResolvedTerritory[], options: ApplyBaselineOptions, check: BaselineChecks): BaselineSpec {
  const { fail, number, object } = check;
  const raw = spec === undefined ? {} : object(spec, 'baseline');
  for (const key of Object.keys(raw)) {
    if (!(BASELINE_KEYS as readonly string[]).includes(key)) fail(`baseline.${key}`, `one of the keys ${BASELINE_KEYS.join(', ')}`, key);
  }
  const ids = new Map(territories.map((t, i) => [t.id, i]));
  const swing = raw.swing === undefined ? 0 : number(raw.swing, 'baseline.swing', -100, 100, 'a swing in pp');
  let swingModel: SwingModel = 'uniform';
  if (raw.swingModel !== undefined) {
    if (raw.swingModel !== 'uniform' && raw.swingModel !== 'proportional') fail('baseline.swingModel', 'one of "uniform", "proportional"', raw.swingModel);
    swingModel = raw.swingModel as SwingModel;
  }
  const turnout = raw.turnout === undefined ? 0 : number(raw.turnout, 'baseline.turnout', -0.9, 1, 'a relative change of turnout');
  const shifts = new Map<string, number>(); // keyed by territory ids: `__proto__` is a key like any other
  if (raw.shifts !== undefined) {
    for (const [id, pp] of Object.entries(object(raw.shifts, 'baseline.shifts'))) {
      if (!ids.has(id)) fail(scenarioKeyPath('baseline.shifts', id), 'the id of a territory of the race', id);
      shifts.set(id, number(pp, scenarioKeyPath('baseline.shifts', id), -200, 200, 'a shift in pp'));
    }
  }
  let marginUnit: 'pp' | 'share' | undefined;
  if (raw.marginUnit !== undefined) {
    if (raw.marginUnit !== 'pp' && raw.marginUnit !== 'share') fail('baseline.marginUnit', 'one of "pp", "share"', raw.marginUnit);
    marginUnit = raw.marginUnit as 'pp' | 'share';
  }
  const { given, marginsSource } = readGivenMargins(raw.margins, marginUnit, ids, options, check);
  // Poll forecast: margins and own SDs of every territory, the error model's terms as uncertainty defaults.
  const pollForecast = raw.polls !== undefined ? readPollForecast(object(raw.polls, 'baseline.polls'), ids, fail, number, object) : undefined;
  const electionYear = raw.electionYear === undefined ? undefined : number(raw.electionYear, 'baseline.electionYear', 1788, 2100, 'the year of the election forecast');
  if (electionYear !== undefined && !Number.isInteger(electionYear)) fail('baseline.electionYear', 'a whole year', raw.electionYear);
  return { swing, swingModel, turnout, shifts, given, marginsSource, ...(pollForecast ? { pollForecast } : {}), ...(electionYear !== undefined ? { electionYear } : {}) };
}

/**
 * Reads `baseline.margins` (inline, or the entries the loader read from its file) into margins in pp by
 * territory id, with their SDs. A set of margins all within ±1 without `marginUnit` is refused: shares read as pp.
 */
function readGivenMargins(
  spec: unknown,
  marginUnit: 'pp' | 'share' | undefined,
  ids: Map<string, number>,
  options: ApplyBaselineOptions,
  { fail, number, object }: BaselineChecks,
): { given: Map<string, { margin: number; sd?: number }>; marginsSource: string } {
  const given = new Map<string, { margin: number; sd?: number }>();
  let marginsSource = options.marginsSource ?? 'inline';
  if (spec === undefined) return { given, marginsSource };
  let margins = object(spec, 'baseline.margins');
  if ('file' in margins && typeof margins.file === 'string') {
    // The Node-side loader reads {file} and adds its rows as `entries`.
    if (margins.entries === undefined) fail('baseline.margins', 'inline margins, or {file} read by the scenario loader (loadScenario)', margins);
    marginsSource = margins.file;
    margins = object(margins.entries, 'baseline.margins');
  }
  const scale = marginUnit === 'share' ? 100 : 1;
  const [lo, hi, what] = marginUnit === 'share' ? [-1, 1, 'a margin as a share of the two-party vote'] : [-100, 100, 'a margin in pp'];
  for (const [id, entry] of Object.entries(margins)) {
    // Margins may come from a file: an unknown id is named only when shaped like a territory id.
    const at = keyPath('baseline.margins', id);
    if (!ids.has(id)) throw new InputError({ file: options.file, at, expected: 'the id of a territory of the race', found: describeKey(id) });
    if (typeof entry === 'number') given.set(id, { margin: scale * number(entry, at, lo, hi, what) });
    else {
      const e = object(entry, at);
      for (const key of Object.keys(e)) if (key !== 'margin' && key !== 'sd') fail(`${at}.${key}`, 'one of the keys margin, sd', key);
      const margin = scale * number(e.margin, `${at}.margin`, lo, hi, what);
      given.set(id, e.sd === undefined ? { margin } : { margin, sd: number(e.sd, `${at}.sd`, 0, 100, 'a standard deviation in pp') });
    }
  }
  // Margins written as shares (−0.075) read as pp would put every territory within a point of a tie.
  const values = [...given.values()].map((e) => e.margin);
  if (marginUnit === undefined && values.length > 0 && values.every((m) => Math.abs(m) <= 1) && values.some((m) => m !== 0)) {
    fail(
      marginsSource === 'inline' ? 'baseline.margins' : `baseline.margins (${marginsSource})`,
      `margins in pp (−7.5 for 7.5 points behind); all ${values.length} lie within ±1, as shares of the two-party vote (−0.075) would: write them in pp, or set baseline.marginUnit to share (or to pp if they are pp)`,
      `margins from ${Math.min(...values)} to ${Math.max(...values)}`,
    );
  }
  return { given, marginsSource };
}

/** Each territory's result margin (pp toward `a`, keyed by id as own keys) and the national one (units without a parent). */
function resultMarginsOf(territories: readonly ResolvedTerritory[], a: Side, b: Side): { resultMargins: Record<string, number>; nationalResultMargin: number } {
  // Keyed by territory ids from the race file: own keys only (an id may be `__proto__` or `constructor`).
  const resultMargins: Record<string, number> = {};
  let nationalA = 0;
  let nationalB = 0;
  for (const t of territories) {
    setOwn(resultMargins, t.id, twoPartyMargin(t.votes[a] ?? 0, t.votes[b] ?? 0));
    if (t.parent === undefined) {
      nationalA += t.votes[a] ?? 0;
      nationalB += t.votes[b] ?? 0;
    }
  }
  return { resultMargins, nationalResultMargin: twoPartyMargin(nationalA, nationalB) };
}

/** Proportional swing: the common odds factor k that moves the national margin by `swing` (bisection on log k). */
function proportionalFactor(territories: readonly ResolvedTerritory[], a: Side, b: Side, nationalResultMargin: number, swing: number, fail: BaselineChecks['fail']): number {
  const target = nationalResultMargin + swing;
  if (!(target > -100 && target < 100)) fail('baseline.swing', `a swing leaving the national margin (${nationalResultMargin.toFixed(2)} pp) strictly between −100 and 100 pp`, swing);
  const nationalAt = (logK: number): number => {
    let sa = 0;
    let sb = 0;
    for (const t of territories) {
      if (t.parent !== undefined) continue;
      const two = (t.votes[a] ?? 0) + (t.votes[b] ?? 0);
      if (two <= 0) continue;
      const s = scaledShare((t.votes[a] ?? 0) / two, Math.exp(logK));
      sa += two * s;
      sb += two * (1 - s);
    }
    return twoPartyMargin(sa, sb);
  };
  let lo = -60;
  let hi = 60;
  for (let i = 0; i < 200 && hi - lo > 1e-13; i++) {
    const mid = (lo + hi) / 2;
    if (nationalAt(mid) < target) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}

/**
 * One territory moved by the baseline (steps 1–4 of {@link applyBaseline}), with its expected margin; a
 * territory the baseline does not move keeps its votes exactly.
 */
function movedTerritory(
  t: ResolvedTerritory,
  at: { a: Side; b: Side; read: BaselineSpec; k: number; resultMargin: number; fail: BaselineChecks['fail'] },
): { territory: ResolvedTerritory; margin: number } {
  const { a, b, k, resultMargin, fail } = at;
  const { swing, swingModel, turnout, shifts, given, pollForecast } = at.read;
  const va = t.votes[a] ?? 0;
  const vb = t.votes[b] ?? 0;
  const two = va + vb;
  const entry = given.get(t.id);
  const polled = pollForecast?.margins.get(t.id);
  const shift = shifts.get(t.id) ?? 0;
  const moves = swing !== 0 || entry !== undefined || polled !== undefined || shift !== 0 || turnout !== 0;
  if (!moves) return { territory: { ...t, votes: { ...t.votes } }, margin: resultMargin };
  if (two <= 0 && (entry !== undefined || shift !== 0)) {
    fail(entry ? `baseline.margins.${t.id}` : `baseline.shifts.${t.id}`, `a territory with two-party votes (${t.id} has none for ${a} or ${b})`, entry?.margin ?? shift);
  }
  let m: number;
  if (entry !== undefined) m = entry.margin;
  else if (polled !== undefined) m = Math.max(-100, Math.min(100, polled.margin + swing));
  else if (swingModel === 'proportional') m = two > 0 ? 200 * scaledShare(va / two, k) - 100 : 0;
  else m = Math.max(-100, Math.min(100, resultMargin + swing));
  m = Math.max(-100, Math.min(100, m + shift));
  const scale = 1 + turnout;
  const newTwo = two * scale;
  const newA = two > 0 ? (newTwo * (100 + m)) / 200 : 0;
  const newB = two > 0 ? newTwo - newA : 0;
  const votes: Record<Side, number> = { ...t.votes };
  for (const [side, v] of Object.entries(t.votes)) if (side !== a && side !== b) setOwn(votes, side, v * scale);
  setOwn(votes, a, newA);
  setOwn(votes, b, newB);
  const other = t.other * scale;
  if (t.eligible > 0 && newTwo + other > t.eligible * (1 + 1e-9)) {
    fail('baseline.turnout', `a turnout change keeping the votes cast in ${t.id} within its ${t.eligible} eligible voters`, turnout);
  }
  const territory: ResolvedTerritory = { ...t, votes, other };
  if (entry?.sd !== undefined) territory.territorySD = entry.sd;
  else if (entry === undefined && polled !== undefined) territory.territorySD = polled.sd;
  return { territory, margin: two > 0 ? m : 0 };
}

/**
 * Reads `baseline.polls` as the loader left it: its keys, and the forecast it added (every territory's
 * margin and own SD, the national, regional and tail terms). A forecast naming a territory the race
 * lacks, or missing one it has, is refused: it was made for another race.
 */
function readPollForecast(
  polls: Record<string, unknown>,
  ids: Map<string, number>,
  fail: (at: string, expected: string, found: unknown) => never,
  number: (value: unknown, at: string, min: number, max: number, what: string) => number,
  object: (value: unknown, at: string) => Record<string, unknown>,
): { margins: Map<string, { margin: number; sd: number }>; record: ResolvedPolls; uncertainty: PollUncertaintyDefaults } {
  for (const key of Object.keys(polls)) if (!POLLS_KEYS.includes(key)) fail(`baseline.polls.${key}`, `one of the keys ${POLLS_KEYS.join(', ')}`, key);
  if (polls.forecast === undefined) fail('baseline.polls', 'a poll file read by the scenario loader (loadScenario), which adds its forecast', 'no forecast');
  const f = object(polls.forecast, 'baseline.polls.forecast');
  const at = 'baseline.polls.forecast';
  const text = (value: unknown, key: string): string => (typeof value === 'string' ? value : fail(`${at}.${key}`, 'a text', value));
  const territories = object(f.territories, `${at}.territories`);
  const margins = new Map<string, { margin: number; sd: number }>();
  const intervals: ResolvedPolls['intervals'] = {};
  for (const [id, entry] of Object.entries(territories)) {
    if (!ids.has(id)) fail(`${at}.territories.${id}`, 'the id of a territory of the race (the forecast was made for another race)', id);
    const e = object(entry, `${at}.territories.${id}`);
    const margin = number(e.margin, `${at}.territories.${id}.margin`, -100, 100, 'a margin in pp');
    const sd = number(e.sd, `${at}.territories.${id}.sd`, 0, 100, 'a standard deviation in pp');
    margins.set(id, { margin, sd });
    intervals[id] = {
      margin,
      low: number(e.low, `${at}.territories.${id}.low`, -1000, 1000, 'a margin in pp'),
      high: number(e.high, `${at}.territories.${id}.high`, -1000, 1000, 'a margin in pp'),
      polls: number(e.polls, `${at}.territories.${id}.polls`, 0, 1e9, 'a count of polls'),
    };
  }
  const missing = [...ids.keys()].filter((id) => !margins.has(id));
  if (missing.length > 0) fail(`${at}.territories`, `a forecast of every territory of the race (the forecast was made for another race)`, `none for ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? ` and ${missing.length - 5} more` : ''}`);
  const u = object(f.uncertainty, `${at}.uncertainty`);
  const national = object(f.national, `${at}.national`);
  const model = object(f.errorModel, `${at}.errorModel`);
  const sds = [...margins.values()].map((e) => e.sd).sort((x, y) => x - y);
  const record: ResolvedPolls = {
    file: text(f.file, 'file'),
    format: text(f.format, 'format'),
    asOf: text(f.asOf, 'asOf'),
    electionDay: text(f.electionDay, 'electionDay'),
    daysToElection: number(f.daysToElection, `${at}.daysToElection`, -100000, 100000, 'a number of days'),
    pollsUsed: number(f.pollsUsed, `${at}.pollsUsed`, 0, 1e9, 'a count of polls'),
    ...(typeof f.latestPoll === 'string' ? { latestPoll: f.latestPoll } : {}),
    errorModel: text(model.id, 'errorModel.id'),
    national: {
      margin: number(national.margin, `${at}.national.margin`, -100, 100, 'a margin in pp'),
      low: number(national.low, `${at}.national.low`, -1000, 1000, 'a margin in pp'),
      high: number(national.high, `${at}.national.high`, -1000, 1000, 'a margin in pp'),
    },
    intervals,
  };
  if (f.fundamentals !== undefined) {
    const fundamentals = object(f.fundamentals, `${at}.fundamentals`);
    record.fundamentals = { model: text(fundamentals.model, 'fundamentals.model'), shift: number(fundamentals.shift, `${at}.fundamentals.shift`, -100, 100, 'a shift in pp') };
  }
  const years = Array.isArray(model.years) ? (model.years as unknown[]).join(', ') : '';
  return {
    margins,
    record,
    uncertainty: {
      national: number(u.national, `${at}.uncertainty.national`, 0, 100, 'a standard deviation in pp'),
      regional: number(u.regional, `${at}.uncertainty.regional`, 0, 100, 'a standard deviation in pp'),
      territory: sds[Math.floor(sds.length / 2)] ?? 0,
      tails: number(u.tails, `${at}.uncertainty.tails`, 2.000001, 1e6, 'degrees of freedom above 2'),
      source: `poll forecast of ${record.file} as of ${record.asOf}: error of poll aggregates fitted on FiveThirtyEight's raw polls ${years} (data/poll-error-calibration.json, fit ${record.errorModel}) plus the aggregate's own uncertainty`,
    },
  };
}
