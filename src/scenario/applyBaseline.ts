/**
 * The forecast baseline: moves a race's result to the expected result a simulation is centred on
 * (uniform or proportional swing, per-territory shifts, poll margins, a turnout change). Pure and
 * browser-safe: a margins file has already been read into `{margin, sd}` entries by the loader.
 */
import { InputError, describeKey, describeValue, keyPath, scenarioKeyPath } from '../errors.js';
import type { Side } from '../model/types.js';
import type { ResolvedBaseline, ResolvedTerritory } from '../model/resolvedScenario.js';
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
export const BASELINE_KEYS = ['swing', 'swingModel', 'shifts', 'margins', 'turnout'] as const;

/**
 * Two-party margin of A over B, pp: 100 × (a − b) / (a + b); 0 when both are 0.
 *
 * @example
 * twoPartyMargin(55, 45) // => 10
 */
export function twoPartyMargin(a: number, b: number): number {
  const two = a + b;
  return two > 0 ? (100 * (a - b)) / two : 0;
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
 * 2. replaced by its `margins` entry where it has one (polls or a forecast);
 * 3. plus its `shifts` entry, capped at ±100.
 * The territory's two-party total is kept, times (1 + `turnout`), and split so its margin is m; other
 * votes are scaled by (1 + `turnout`). A `sd` in a margins entry becomes the territory's `territorySD`.
 * Territories the baseline does not move keep their votes exactly.
 *
 * @param territories Resolved territories with the result's votes (not modified).
 * @param sides [ours, theirs]; margins are toward `sides[0]`.
 * @param spec The scenario's `baseline` block (unknown shape is checked), or undefined for a replay.
 * @param options Result label, file name for messages, margins source.
 * @returns New territories and the {@link ResolvedBaseline} record (every territory's expected margin).
 * @throws {InputError} at `baseline.<key>` for unknown keys, numbers out of range, unknown territory ids,
 *   a national margin pushed to ±100, or a turnout above a territory's eligible voters.
 * @example
 * const t = [{ id: 'A', name: 'A', weight: 1, region: 'r', votes: { D: 480, R: 520 }, other: 0, eligible: 0 }];
 * applyBaseline(t, ['D', 'R'], { swing: 2 }, { resultLabel: '2024 result' }).baseline.margins // => { A: -2 }
 */
export function applyBaseline(
  territories: readonly ResolvedTerritory[],
  sides: readonly [Side, Side],
  spec: unknown,
  options: ApplyBaselineOptions,
): { territories: ResolvedTerritory[]; baseline: ResolvedBaseline } {
  const fail = (at: string, expected: string, found: unknown): never => {
    throw new InputError({ file: options.file, at, expected, found: describeValue(found) });
  };
  const number = (value: unknown, at: string, min: number, max: number, what: string): number => {
    if (typeof value !== 'number' || !Number.isFinite(value) || value < min || value > max) fail(at, `${what} between ${min} and ${max}`, value);
    return value as number;
  };
  const object = (value: unknown, at: string): Record<string, unknown> => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(at, 'an object', value);
    return value as Record<string, unknown>;
  };
  const raw = spec === undefined ? {} : object(spec, 'baseline');
  for (const key of Object.keys(raw)) {
    if (!(BASELINE_KEYS as readonly string[]).includes(key)) fail(`baseline.${key}`, `one of the keys ${BASELINE_KEYS.join(', ')}`, key);
  }
  const [a, b] = sides;
  const ids = new Map(territories.map((t, i) => [t.id, i]));
  const checkId = (id: string, at: string): void => {
    if (!ids.has(id)) fail(at, 'the id of a territory of the race', id);
  };
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
      checkId(id, scenarioKeyPath('baseline.shifts', id));
      shifts.set(id, number(pp, scenarioKeyPath('baseline.shifts', id), -200, 200, 'a shift in pp'));
    }
  }
  const given = new Map<string, { margin: number; sd?: number }>();
  let marginsSource = options.marginsSource ?? 'inline';
  if (raw.margins !== undefined) {
    let margins = object(raw.margins, 'baseline.margins');
    if ('file' in margins && typeof margins.file === 'string') {
      // The Node-side loader reads {file} and adds its rows as `entries`.
      if (margins.entries === undefined) fail('baseline.margins', 'inline margins, or {file} read by the scenario loader (loadScenario)', margins);
      marginsSource = margins.file;
      margins = object(margins.entries, 'baseline.margins');
    }
    for (const [id, entry] of Object.entries(margins)) {
      // Margins may come from a file: an unknown id is named only when shaped like a territory id.
      const at = keyPath('baseline.margins', id);
      if (!ids.has(id)) throw new InputError({ file: options.file, at, expected: 'the id of a territory of the race', found: describeKey(id) });
      if (typeof entry === 'number') given.set(id, { margin: number(entry, at, -100, 100, 'a margin in pp') });
      else {
        const e = object(entry, at);
        for (const key of Object.keys(e)) if (key !== 'margin' && key !== 'sd') fail(`${at}.${key}`, 'one of the keys margin, sd', key);
        const margin = number(e.margin, `${at}.margin`, -100, 100, 'a margin in pp');
        given.set(id, e.sd === undefined ? { margin } : { margin, sd: number(e.sd, `${at}.sd`, 0, 100, 'a standard deviation in pp') });
      }
    }
  }

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
  const nationalResultMargin = twoPartyMargin(nationalA, nationalB);

  // Proportional swing: the common odds factor k that moves the national margin by `swing`.
  let k = 1;
  if (swingModel === 'proportional' && swing !== 0) {
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
    k = Math.exp((lo + hi) / 2);
  }

  const margins: Record<string, number> = {};
  let expectedA = 0;
  let expectedB = 0;
  const out = territories.map((t) => {
    const va = t.votes[a] ?? 0;
    const vb = t.votes[b] ?? 0;
    const two = va + vb;
    const entry = given.get(t.id);
    const shift = shifts.get(t.id) ?? 0;
    const moves = swing !== 0 || entry !== undefined || shift !== 0 || turnout !== 0;
    if (!moves) {
      setOwn(margins, t.id, getOwn(resultMargins, t.id)!);
      if (t.parent === undefined) {
        expectedA += va;
        expectedB += vb;
      }
      return { ...t, votes: { ...t.votes } };
    }
    if (two <= 0 && (entry !== undefined || shift !== 0)) {
      fail(entry ? `baseline.margins.${t.id}` : `baseline.shifts.${t.id}`, `a territory with two-party votes (${t.id} has none for ${a} or ${b})`, entry?.margin ?? shift);
    }
    let m: number;
    if (entry !== undefined) m = entry.margin;
    else if (swingModel === 'proportional') m = two > 0 ? 200 * scaledShare(va / two, k) - 100 : 0;
    else m = Math.max(-100, Math.min(100, getOwn(resultMargins, t.id)! + swing));
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
    setOwn(margins, t.id, two > 0 ? m : 0);
    if (t.parent === undefined) {
      expectedA += newA;
      expectedB += newB;
    }
    const territory: ResolvedTerritory = { ...t, votes, other };
    if (entry?.sd !== undefined) territory.territorySD = entry.sd;
    return territory;
  });
  const givenIds = [...given.keys()];
  const baseline: ResolvedBaseline = {
    forecast: swing !== 0 || turnout !== 0 || givenIds.length > 0 || [...shifts.values()].some((s) => s !== 0),
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
  };
  return { territories: out, baseline };
}
