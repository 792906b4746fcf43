import { InputError, describeValue } from '../errors.js';

/**
 * Parses a command-line amount (money, a count, a share): a finite number, `_` allowed as a digit
 * separator, not negative and, unless `allowZero`, not 0.
 *
 * @param name Option name without the dashes, for the error (`budget` → `--budget`).
 * @param text The option's text.
 * @param allowZero Whether 0 is accepted.
 * @returns The number.
 * @throws {InputError} "--<name> must be a non-negative amount" (or "a positive amount"), with what was found.
 * @example
 * parseAmount('budget', '20_000_000', true) // => 20000000
 */
export function parseAmount(name: string, text: unknown, allowZero: boolean): number {
  const n = Number(String(text).replace(/_/g, ''));
  if (String(text).trim() === '' || !Number.isFinite(n) || n < 0 || (!allowZero && n === 0)) {
    throw new InputError({ at: `--${name}`, expected: allowZero ? 'a non-negative amount' : 'a positive amount', found: describeValue(text) });
  }
  return n;
}
