/**
 * Number formats of the command line's human-readable output (English, thousands with commas), so
 * output does not depend on the machine's locale.
 */

/**
 * 1234567 → `1,234,567`.
 *
 * @example
 * formatCount(2912790) // => '2,912,790'
 */
export function formatCount(value: number): string {
  const rounded = Math.round(value);
  return (rounded === 0 ? 0 : rounded).toLocaleString('en-US');
}

/**
 * 0.4567 → `45.7%`.
 *
 * @example
 * formatShare(0.4567) // => '45.7%'
 */
export function formatShare(value: number, digits = 1): string {
  return `${(value * 100).toFixed(digits)}%`;
}

/**
 * 2.345 → `+2.3 pp`.
 *
 * @example
 * formatPp(2.345) // => '+2.3 pp'
 */
export function formatPp(value: number, digits = 1): string {
  return `${value >= 0 ? '+' : ''}${value.toFixed(digits)} pp`;
}
