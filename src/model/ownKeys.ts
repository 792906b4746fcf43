/**
 * Records keyed by what a user's file names (territory ids, side and candidate names) read and write only
 * their own keys, so `constructor`, `toString`, `hasOwnProperty` or `__proto__` is a key like any other:
 * a plain `record[key] = value` with `__proto__` changes the record's prototype instead, and a plain
 * `record[key]` of a key not set returns Object.prototype's member.
 */

/**
 * Sets an own, enumerable property (never the prototype, even for `__proto__`).
 *
 * @example
 * const r: Record<string, number> = {}; setOwn(r, '__proto__', 3); Object.keys(r) // => ['__proto__']
 */
export function setOwn<T>(record: Record<string, T>, key: string, value: T): void {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * The value of an own property, or undefined (never a member of Object.prototype).
 *
 * @example
 * getOwn({}, 'constructor') // => undefined
 */
export function getOwn<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * Adds `amount` to an own numeric property (0 when absent).
 *
 * @example
 * const r: Record<string, number> = {}; addOwn(r, 'toString', 2); addOwn(r, 'toString', 3); r.toString // => 5
 */
export function addOwn(record: Record<string, number>, key: string, amount: number): void {
  setOwn(record, key, (getOwn(record, key) ?? 0) + amount);
}
