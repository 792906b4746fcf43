/**
 * Plain-JSON view of a simulation result (typed arrays become arrays), for files, `--json` and tests.
 */
import type { SimulationResult } from './types.js';

/** A SimulationResult with every typed array replaced by a plain number array. */
export type SimulationResultJson = {
  [K in keyof SimulationResult]: SimulationResult[K] extends ArrayLike<number> ? number[] : unknown;
};

/**
 * Converts a result to plain JSON: typed arrays to arrays (recursively, including `meanExtraVotes`
 * and kept draws), everything else as is. Two runs with the same seed give identical text from
 * `JSON.stringify(resultToJson(r))`.
 *
 * @param result A simulation result.
 * @returns A JSON-safe copy.
 * @example
 * JSON.stringify(resultToJson(result)).length > 0 // => true
 */
export function resultToJson(result: SimulationResult): Record<string, unknown> {
  return convert(result) as Record<string, unknown>;
}

function convert(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
  if (Array.isArray(value)) return value.map(convert);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = convert(v);
    return out;
  }
  return value;
}
