/**
 * Sets a value at a dotted key path inside a plain object, for sweeps and `--set key=value`.
 */
import { InputError, describeValue } from '../errors.js';

/**
 * Returns a copy of `object` with `value` stored at the dotted key path, creating intermediate objects
 * that are missing. The input is not modified (objects along the path are copied), so a sweep can derive
 * every point from one base scenario. Numeric segments index arrays (`sides.0`).
 *
 * @param object A plain JSON-like object (a scenario).
 * @param path Dotted key path, e.g. `campaigns.D.listSize`.
 * @param value The value to store.
 * @returns The updated copy.
 * @throws {InputError} when the path is empty, has an empty segment, or passes through a value that is
 *   neither an object nor an array (e.g. `seed.x` when `seed` is a number).
 * @example
 * setPath({ campaigns: { D: { listSize: 1 } } }, 'campaigns.D.listSize', 5) // => { campaigns: { D: { listSize: 5 } } }
 */
export function setPath<T extends object>(object: T, path: string, value: unknown): T {
  const segments = path.split('.');
  if (path.length === 0 || segments.some((s) => s.length === 0)) {
    throw new InputError({ at: 'key path', expected: 'dot-separated keys such as campaigns.D.listSize', found: describeValue(path) });
  }
  return assign(object, segments, 0, value, path) as T;
}

function assign(node: unknown, segments: string[], index: number, value: unknown, path: string): unknown {
  if (index === segments.length) return value;
  const key = segments[index];
  if (node === undefined || node === null) node = {};
  if (typeof node !== 'object') {
    throw new InputError({
      at: segments.slice(0, index).join('.'),
      expected: `an object to hold "${key}" (setting ${path})`,
      found: describeValue(node),
    });
  }
  if (Array.isArray(node)) {
    const position = Number(key);
    if (!Number.isInteger(position) || position < 0) {
      throw new InputError({ at: segments.slice(0, index + 1).join('.'), expected: 'an array index', found: describeValue(key) });
    }
    const copy = node.slice();
    copy[position] = assign(copy[position], segments, index + 1, value, path);
    return copy;
  }
  const record = node as Record<string, unknown>;
  return { ...record, [key]: assign(record[key], segments, index + 1, value, path) };
}
