/**
 * Parses the sweep options: `--vary key=from:to:steps` and `--shard k/n`.
 */
import { InputError, describeValue } from '../errors.js';
import { MAX_SWEEP_STEPS } from '../scenario/sweep.js';

/** A parsed `--vary`. */
export interface VarySpec {
  key: string;
  from: number;
  to: number;
  steps: number;
}

/**
 * Reads `key=from:to:steps`; numbers may use `e` notation or `_` separators.
 *
 * @throws InputError naming `--vary` with the expected form
 * @example
 * parseVary('campaigns.D.listSize=0:2e7:5') // => { key: 'campaigns.D.listSize', from: 0, to: 20000000, steps: 5 }
 */
export function parseVary(text: string): VarySpec {
  const match = /^([^=\s]+)=([^:]+):([^:]+):([^:]+)$/.exec(text.trim());
  const number = (s: string) => (/^[-+]?[\d_.]+(e[-+]?\d+)?$/i.test(s.trim()) ? Number(s.trim().replace(/_/g, '')) : NaN);
  const expected = 'key=from:to:steps, such as campaigns.D.listSize=0:20000000:11';
  if (!match) throw new InputError({ at: '--vary', expected, found: describeValue(text) });
  const [from, to, steps] = [number(match[2]), number(match[3]), number(match[4])];
  if (!Number.isFinite(from) || !Number.isFinite(to)) throw new InputError({ at: '--vary', expected: `${expected} (from and to numbers)`, found: describeValue(text) });
  if (!Number.isInteger(steps) || steps < 1 || steps > MAX_SWEEP_STEPS) {
    throw new InputError({ at: '--vary', expected: `a number of steps from 1 to ${MAX_SWEEP_STEPS} after the last colon (the points are kept in memory)`, found: describeValue(match[4]) });
  }
  return { key: match[1], from, to, steps };
}

/**
 * Reads `--shard k/n` (1-based: shard 1 of 4 … 4 of 4, as test runners count) and returns the engine's
 * 0-based index with the count.
 *
 * @example
 * parseShard('2/4') // => { index: 1, count: 4 }
 */
export function parseShard(text: string): { index: number; count: number } {
  const match = /^(\d+)\/(\d+)$/.exec(text.trim());
  const k = match ? Number(match[1]) : NaN;
  const n = match ? Number(match[2]) : NaN;
  if (!match || n < 1 || k < 1 || k > n) throw new InputError({ at: '--shard', expected: 'k/n with 1 ≤ k ≤ n, such as 2/4', found: describeValue(text) });
  return { index: k - 1, count: n };
}
