/**
 * A sweep sealed for sharding: every sweep and shard carries a fingerprint (SHA-256 of the resolved base
 * scenario, seed, simulations, varied key and range, and version) and a digest of its points, so merging
 * refuses shards of different sweeps, naming both files, and shards whose content was changed or is
 * malformed, naming the file and key. Node-only (node:crypto); the sweep itself is src/scenario/sweep.ts.
 */
import { createHash } from 'node:crypto';
import { InputError, describeValue } from '../errors.js';
import type { Scenario } from '../scenario/types.js';
import { MAX_SWEEP_STEPS, runSweep, sweepValues, type SweepOptions, type SweepPoint, type SweepRun, type SweepSpec } from '../scenario/sweep.js';

/** A sweep (or one shard of it) as `campaign-lab sweep` writes it. */
export interface SweepResult extends SweepRun {
  /** SHA-256 (hex) of the resolved base scenario, seed, simulations, key, from, to, steps and version. */
  fingerprint: string;
  /** SHA-256 (hex) of the points as JSON: a shard edited after it was written no longer matches. */
  digest: string;
}

/**
 * Runs a sweep ({@link runSweep}) and seals it with its fingerprint and the digest of its points.
 *
 * @param scenario Base scenario (file shape).
 * @param spec Key, range, steps and optional shard.
 * @param options Results, parameters (as for resolveScenario), an optional runner and progress callback.
 * @returns The sweep's points in index order, with the base resolved scenario, fingerprint and digest.
 * @throws {InputError} for a bad key path, range, steps or shard, or a value the scenario rejects.
 * @example
 * (await sweep(scenario, { key: 'campaigns.D.listSize', from: 0, to: 2e7, steps: 5 }, { results, parameters })).fingerprint.length // => 64
 */
export async function sweep(scenario: Scenario, spec: SweepSpec, options: SweepOptions): Promise<SweepResult> {
  const run = await runSweep(scenario, spec, options);
  return { ...run, fingerprint: sweepFingerprint(run), digest: pointsDigest(run.points) };
}

/**
 * The fingerprint of a sweep: SHA-256 of the canonical JSON of what makes two shards parts of one sweep.
 *
 * @example
 * sweepFingerprint(shard) === sweepFingerprint(otherShardOfTheSameSweep) // => true
 */
function sweepFingerprint(s: Pick<SweepResult, 'scenario' | 'seed' | 'simulations' | 'key' | 'from' | 'to' | 'steps' | 'version'>): string {
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
