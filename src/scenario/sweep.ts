/**
 * Sweeps: one scenario key varied over a range, every point run with the same seed (common random
 * numbers), so differences between points are not Monte Carlo noise. Sweeps can be split in shards that
 * run anywhere (a Slurm array, Kubernetes Jobs, GNU parallel) and merge exactly.
 *
 * Every sweep and shard carries a fingerprint (SHA-256 of the resolved base scenario, seed,
 * simulations, varied key and range, and version) and a digest of its points: merging refuses shards
 * of different sweeps, naming both files, and shards whose content was changed or is malformed,
 * naming the file and key. Node-only (node:crypto).
 */
import { createHash } from 'node:crypto';
import type { Scenario } from './types.js';
import type { ResolvedScenario } from './types.js';
import { resolveScenario, type ResolveInputs } from './resolveScenario.js';
import { setPath } from './setPath.js';
import { prepareModel } from '../sim/prepareModel.js';
import { simulate } from '../sim/simulate.js';
import { summarizeRun, type RunSummary } from '../sim/summarizeRun.js';
import type { SimulationResult } from '../sim/types.js';
import { VERSION } from '../sim/version.js';
import { InputError, describeValue } from '../errors.js';
import { pairedWinDifference } from '../analysis/pairedWinDifference.js';

/** What to vary. */
export interface SweepSpec {
  /** Dotted key path into the scenario file (`campaigns.D.listSize`). */
  key: string;
  from: number;
  to: number;
  /** Number of points, from `from` to `to` inclusive (1 runs `from` only). */
  steps: number;
  /** Run only the points of one shard: points i with i mod count = index (index 0-based). */
  shard?: { index: number; count: number };
}

/**
 * Change in P(first side wins outright) from the previous point of a sweep, paired draw by draw (the
 * same seed at both points), with its standard error and 95 % interval ({@link pairedWinDifference}).
 */
export interface SweepChange {
  /** Value of the previous point. */
  from: number;
  /** P(win here) − P(win at the previous point), share 0–1. */
  difference: number;
  /** Standard error of the paired difference: SD of the per-draw differences / sqrt(n). */
  standardError: number;
  /** 95 % interval of the difference (±1.96 SE; ±3/n when no draw changes). */
  low: number;
  high: number;
  /** Draws the first side wins here and not at the previous point, and the reverse. */
  gained: number;
  lost: number;
}

/** One point of a sweep: the value set and the run summary without the resolved scenario. */
export interface SweepPoint {
  index: number;
  value: number;
  summary: Omit<RunSummary, 'scenario'>;
  /** Paired change from the previous point (absent at the first point). */
  change?: SweepChange;
}

/** A sweep (or one shard of it). */
export interface SweepResult {
  key: string;
  from: number;
  to: number;
  steps: number;
  seed: number;
  simulations: number;
  /** Present on a shard; absent on a whole or merged sweep. */
  shard?: { index: number; count: number };
  /** The resolved scenario at the first point of the whole sweep (the base of every point). */
  scenario: ResolvedScenario;
  points: SweepPoint[];
  version: string;
  /** SHA-256 (hex) of the resolved base scenario, seed, simulations, key, from, to, steps and version. */
  fingerprint: string;
  /** SHA-256 (hex) of the points as JSON: a shard edited after it was written no longer matches. */
  digest: string;
}

/** Most points of one sweep: a point's summary is about 30 KB of JSON, so 5,000 make 150 MB (US). */
export const MAX_SWEEP_STEPS = 5000;

/**
 * The fingerprint of a sweep: SHA-256 of the canonical JSON of what makes two shards parts of one sweep.
 *
 * @example
 * sweepFingerprint(shard) === sweepFingerprint(otherShardOfTheSameSweep) // => true
 */
export function sweepFingerprint(s: Pick<SweepResult, 'scenario' | 'seed' | 'simulations' | 'key' | 'from' | 'to' | 'steps' | 'version'>): string {
  const document = { scenario: s.scenario, seed: s.seed, simulations: s.simulations, vary: { key: s.key, from: s.from, to: s.to, steps: s.steps }, version: s.version };
  return createHash('sha256').update(canonicalJson(document)).digest('hex');
}

/**
 * SHA-256 (hex) of the points as JSON (`JSON.stringify(points)`), hashed point by point: the same bytes
 * without one string of the whole sweep in memory.
 */
function pointsDigest(points: readonly SweepPoint[]): string {
  const hash = createHash('sha256').update('[');
  points.forEach((point, i) => hash.update(i === 0 ? JSON.stringify(point) : `,${JSON.stringify(point)}`));
  return hash.update(']').digest('hex');
}

/** JSON with object keys sorted at every level (typed arrays as arrays), so equal values hash equal. */
function canonicalJson(value: unknown): string {
  if (ArrayBuffer.isView(value) && !(value instanceof DataView)) return canonicalJson(Array.from(value as unknown as ArrayLike<number>));
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => (value as Record<string, unknown>)[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Runs one resolved scenario; the default runs {@link simulate} in this thread. The sweep asks it to keep
 * each draw's outcome (`keep.outcome`) to pair consecutive points.
 */
export type SweepRunner = (
  resolved: ResolvedScenario,
  options: { simulations: number; seed: number; keep: { outcome: true } },
) => SimulationResult | Promise<SimulationResult>;

/** Inputs of a sweep: what resolveScenario needs, plus an optional runner (e.g. simulateParallel). */
export interface SweepOptions extends ResolveInputs {
  runner?: SweepRunner;
  /** Called after each point with points done and points to do in this shard. */
  onPoint?: (done: number, total: number) => void;
}

/**
 * Values of a sweep: from + (to − from) × i / (steps − 1), i = 0..steps − 1.
 *
 * @example
 * sweepValues({ key: 'k', from: 0, to: 1e6, steps: 5 }) // => [0, 250000, 500000, 750000, 1000000]
 */
export function sweepValues(spec: SweepSpec): number[] {
  checkSpec(spec);
  if (spec.steps === 1) return [spec.from];
  return Array.from({ length: spec.steps }, (_, i) => spec.from + ((spec.to - spec.from) * i) / (spec.steps - 1));
}

function checkSpec(spec: SweepSpec): void {
  if (typeof spec.key !== 'string' || spec.key.length === 0) throw new InputError({ at: 'vary', expected: 'a key path', found: describeValue(spec.key) });
  for (const k of ['from', 'to'] as const) {
    if (typeof spec[k] !== 'number' || !Number.isFinite(spec[k])) throw new InputError({ at: `vary.${k}`, expected: 'a finite number', found: describeValue(spec[k]) });
  }
  if (!Number.isInteger(spec.steps) || spec.steps < 1 || spec.steps > MAX_SWEEP_STEPS) {
    throw new InputError({ at: 'vary.steps', expected: `an integer between 1 and ${MAX_SWEEP_STEPS} (the points of one sweep are kept in memory)`, found: describeValue(spec.steps) });
  }
  if (spec.shard) {
    const { index, count } = spec.shard;
    if (!Number.isInteger(count) || count < 1 || !Number.isInteger(index) || index < 0 || index >= count) {
      throw new InputError({ at: 'shard', expected: 'k/n with 0 <= k < n (0-based index)', found: `${describeValue(index)}/${describeValue(count)}` });
    }
  }
}

/**
 * Runs a sweep: for each value, sets the key in the scenario (setPath), resolves it and runs it with the
 * scenario's seed and simulations, so every point uses the same random numbers. Each point after the
 * first carries the paired change in P(first side wins) from the previous point with its standard
 * error; a shard also runs the previous point of each of its points that another shard holds, so the
 * merged shards equal the whole sweep.
 *
 * @param scenario Base scenario (file shape).
 * @param spec Key, range, steps and optional shard.
 * @param options Results, parameters (as for resolveScenario), an optional runner and progress callback.
 * @returns The sweep's points in index order, with the base resolved scenario.
 * @throws {InputError} for a bad key path, range, steps or shard, or a value the scenario rejects
 *   (the message names the key path).
 * @example
 * (await sweep(scenario, { key: 'campaigns.D.listSize', from: 0, to: 2e7, steps: 5 }, { results, parameters })).points.length // => 5
 */
export async function sweep(scenario: Scenario, spec: SweepSpec, options: SweepOptions): Promise<SweepResult> {
  const values = sweepValues(spec);
  const runner: SweepRunner = options.runner ?? ((resolved, o) => simulate(prepareModel(resolved), o));
  const base = resolveScenario(setPath(scenario, spec.key, values[0]), options);
  const indices = values.map((_, i) => i).filter((i) => !spec.shard || i % spec.shard.count === spec.shard.index);
  const points: SweepPoint[] = [];
  const run = async (index: number) => {
    const resolved = index === 0 ? base : resolveScenario(setPath(scenario, spec.key, values[index]), options);
    return { resolved, result: await runner(resolved, { simulations: resolved.simulations, seed: resolved.seed, keep: { outcome: true } }) };
  };
  let previous: { index: number; result: SimulationResult } | undefined;
  for (const index of indices) {
    const { resolved, result } = await run(index);
    const { scenario: _omit, ...summary } = summarizeRun(result, resolved);
    void _omit;
    const point: SweepPoint = { index, value: values[index], summary };
    if (index > 0) {
      const before = previous?.index === index - 1 ? previous.result : (await run(index - 1)).result;
      const { gained, lost, difference, standardError, low, high } = pairedWinDifference(before, result, 1);
      point.change = { from: values[index - 1], difference, standardError, low, high, gained, lost };
    }
    points.push(point);
    previous = { index, result };
    options.onPoint?.(points.length, indices.length);
  }
  const identity = { key: spec.key, from: spec.from, to: spec.to, steps: spec.steps, seed: base.seed, simulations: base.simulations, scenario: base, version: VERSION };
  return {
    key: spec.key,
    from: spec.from,
    to: spec.to,
    steps: spec.steps,
    seed: base.seed,
    simulations: base.simulations,
    ...(spec.shard ? { shard: { index: spec.shard.index, count: spec.shard.count } } : {}),
    scenario: base,
    points,
    version: VERSION,
    fingerprint: sweepFingerprint(identity),
    digest: pointsDigest(points),
  };
}

/**
 * Checks that a parsed shard file is a sweep or shard this program wrote, unchanged: every field of
 * the right type and range, each point's index in the shard and its value the one the range gives,
 * P(win) and P(tie) between 0 and 1, the fingerprint matching the shard's own scenario and range, and
 * the digest matching its points.
 *
 * @param value the parsed JSON
 * @param file the shard file, named in messages
 * @throws InputError naming the file and the key at fault (`points.3.summary.pWin.D`)
 * @example
 * checkSweepShard({ points: null }, 'a.json') // throws InputError: a.json: key must be a key path (a non-empty text), got nothing
 */
export function checkSweepShard(value: unknown, file: string): SweepResult {
  /** Words for what was found (`a list`), where the value itself would say too much or too little. */
  const words = (text: string) => ({ words: text });
  const fail = (at: string, expected: string, found: unknown): never => {
    const shown = found !== null && typeof found === 'object' && 'words' in found ? (found as { words: string }).words : describeValue(found);
    throw new InputError({ file, at, expected, found: shown });
  };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('the top level', 'a sweep or shard written by campaign-lab sweep --out', value === null ? null : Array.isArray(value) ? words('a list') : value);
  const d = value as Record<string, unknown>;
  if (typeof d.key !== 'string' || d.key === '') fail('key', 'a key path (a non-empty text)', d.key);
  for (const k of ['from', 'to'] as const) if (typeof d[k] !== 'number' || !Number.isFinite(d[k])) fail(k, 'a finite number', d[k]);
  if (!Number.isInteger(d.steps) || (d.steps as number) < 1 || (d.steps as number) > MAX_SWEEP_STEPS) fail('steps', `an integer from 1 to ${MAX_SWEEP_STEPS}`, d.steps);
  if (typeof d.seed !== 'number' || !Number.isFinite(d.seed)) fail('seed', 'a finite number', d.seed);
  if (!Number.isInteger(d.simulations) || (d.simulations as number) < 1) fail('simulations', 'a positive integer', d.simulations);
  if (typeof d.version !== 'string') fail('version', 'a version text', d.version);
  if (d.scenario === null || typeof d.scenario !== 'object' || Array.isArray(d.scenario)) fail('scenario', 'the resolved scenario (an object)', d.scenario === null ? null : words('another value'));
  const sides = (d.scenario as { sides?: unknown }).sides;
  if (!Array.isArray(sides) || sides.length !== 2 || !sides.every((x) => typeof x === 'string')) fail('scenario.sides', 'a list of two side codes', sides);
  let count = 1;
  let shardIndex = 0;
  if (d.shard !== undefined) {
    const sh = d.shard as Record<string, unknown> | null;
    if (sh === null || typeof sh !== 'object') fail('shard', 'an object {index, count}', sh);
    const sd = sh as Record<string, unknown>;
    if (!Number.isInteger(sd.count) || (sd.count as number) < 1 || (sd.count as number) > (d.steps as number)) fail('shard.count', `an integer from 1 to ${d.steps as number}`, sd.count);
    if (!Number.isInteger(sd.index) || (sd.index as number) < 0 || (sd.index as number) >= (sd.count as number)) fail('shard.index', `an integer from 0 to ${(sd.count as number) - 1}`, sd.index);
    count = sd.count as number;
    shardIndex = sd.index as number;
  }
  if (!Array.isArray(d.points)) fail('points', 'a list of points', d.points === null ? null : words('another value'));
  const values = sweepValues({ key: d.key as string, from: d.from as number, to: d.to as number, steps: d.steps as number });
  const points = d.points as unknown[];
  const expectedLength = values.filter((_, i) => i % count === shardIndex).length;
  if (points.length !== expectedLength) fail('points', `${expectedLength} points (every ${count === 1 ? '' : `${count}th `}point of ${d.steps as number}${count === 1 ? '' : ` from ${shardIndex}`})`, words(`${points.length} points`));
  points.forEach((point, n) => {
    const at = `points.${n}`;
    if (point === null || typeof point !== 'object' || Array.isArray(point)) fail(at, 'a point {index, value, summary}', point === null ? null : words('another value'));
    const p = point as Record<string, unknown>;
    const index = shardIndex + n * count;
    if (p.index !== index) fail(`${at}.index`, String(index), p.index);
    if (p.value !== values[index]) fail(`${at}.value`, `${values[index]} (point ${index} of the range)`, p.value);
    const summary = p.summary as Record<string, unknown> | null;
    if (summary === null || typeof summary !== 'object' || Array.isArray(summary)) fail(`${at}.summary`, 'a run summary (an object)', summary === null ? null : words('another value'));
    const sm = summary as Record<string, unknown>;
    if (typeof sm.pTie !== 'number' || !(sm.pTie >= 0 && sm.pTie <= 1)) fail(`${at}.summary.pTie`, 'a probability from 0 to 1', sm.pTie);
    for (const field of ['pWin', 'standardError', 'expectedWeight'] as const) {
      const record = sm[field] as Record<string, unknown> | null;
      if (record === null || typeof record !== 'object') fail(`${at}.summary.${field}`, 'an object with a value per side', record);
      for (const side of sides as string[]) {
        const v = (record as Record<string, unknown>)[side];
        const ok = typeof v === 'number' && Number.isFinite(v) && v >= 0 && (field !== 'pWin' || v <= 1) && (field !== 'standardError' || v <= 0.5);
        if (!ok) fail(`${at}.summary.${field}.${side}`, field === 'pWin' ? 'a probability from 0 to 1' : field === 'standardError' ? 'a standard error from 0 to 0.5' : 'a non-negative number', v);
      }
    }
  });
  const result = d as unknown as SweepResult;
  if (typeof d.fingerprint !== 'string' || d.fingerprint !== sweepFingerprint(result)) {
    fail('fingerprint', "the fingerprint of the shard's own scenario, seed, simulations, range and version (the file was changed after sweep wrote it)", typeof d.fingerprint === 'string' ? words('one that does not match') : d.fingerprint);
  }
  if (typeof d.digest !== 'string' || d.digest !== pointsDigest(result.points)) {
    fail('digest', 'the digest of the points (the points were changed after sweep wrote them)', typeof d.digest === 'string' ? words('one that does not match') : d.digest);
  }
  return result;
}

/**
 * Merges the shards of one sweep into the whole sweep, exactly as an unsharded run would give it.
 *
 * @param parts Every shard of one sweep (any order), e.g. parsed from the JSON files of a batch job
 *   (check each with {@link checkSweepShard} first).
 * @param files The shards' file names, in `parts` order, for messages.
 * @returns The merged sweep (no `shard` field), points in index order.
 * @throws {InputError} when the parts are not the shards of one sweep (different fingerprint, key,
 *   range, seed, simulations, version or shard count: the message names both files), a shard is
 *   missing or repeated, or a point is missing.
 * @example
 * JSON.stringify(mergeSweepShards([shard0, shard1])) === JSON.stringify(wholeSweep) // => true
 */
export function mergeSweepShards(parts: SweepResult[], files?: readonly string[]): SweepResult {
  if (parts.length === 0) throw new InputError({ at: 'shards', expected: 'at least one shard', found: '[]' });
  const name = (i: number) => files?.[i] ?? `shards.${i}`;
  const first = parts[0];
  const count = first.shard?.count ?? 1;
  const seen = new Map<number, number>();
  for (const [i, part] of parts.entries()) {
    for (const field of ['key', 'from', 'to', 'steps', 'seed', 'simulations', 'version', 'fingerprint'] as const) {
      if (part[field] !== first[field]) {
        const what = field === 'fingerprint' ? 'the same resolved scenario as' : `${describeValue(first[field])} as in`;
        throw new InputError({
          file: files ? name(i) : undefined,
          at: files ? field : `shards.${i}.${field}`,
          expected: `${what} ${files ? name(0) : 'the first shard'} (shards of one sweep share scenario, seed, simulations, --vary and version)`,
          found: field === 'fingerprint' ? 'another scenario (a different fingerprint)' : describeValue(part[field]),
        });
      }
    }
    const shardCount = part.shard?.count ?? 1;
    const index = part.shard?.index ?? 0;
    if (shardCount !== count) throw new InputError({ file: files ? name(i) : undefined, at: files ? 'shard.count' : `shards.${i}.shard.count`, expected: `${count} as in ${files ? name(0) : 'the first shard'}`, found: String(shardCount) });
    const before = seen.get(index);
    // Shards are numbered from 1 in messages, as --shard k/n numbers them.
    if (before !== undefined) throw new InputError({ file: files ? name(i) : undefined, at: files ? 'shard.index' : `shards.${i}.shard.index`, expected: `each shard once${files ? ` (shard ${index + 1}/${count} is also ${name(before)})` : ''}`, found: `shard ${index + 1}/${count} again` });
    seen.set(index, i);
  }
  for (let k = 0; k < count; k++) {
    if (!seen.has(k)) throw new InputError({ at: 'shards', expected: `all ${count} shards`, found: `shard ${k + 1}/${count} (--shard ${k + 1}/${count}) missing` });
  }
  const points = parts.flatMap((p) => p.points).sort((a, b) => a.index - b.index);
  points.forEach((p, i) => {
    if (p.index !== i) throw new InputError({ at: 'shards.points', expected: `point ${i}`, found: `point ${p.index}` });
  });
  if (points.length !== first.steps) throw new InputError({ at: 'shards.points', expected: `${first.steps} points`, found: String(points.length) });
  const base = parts.find((p) => (p.shard?.index ?? 0) === 0)!;
  return {
    key: first.key,
    from: first.from,
    to: first.to,
    steps: first.steps,
    seed: first.seed,
    simulations: first.simulations,
    scenario: base.scenario,
    points,
    version: first.version,
    fingerprint: first.fingerprint,
    digest: pointsDigest(points),
  };
}
