/**
 * Which of a race's two sides a side is, as the sign the engine's per-draw outcomes and margins use:
 * +1 for the first side ("ours", side A), −1 for the second (side B).
 */
import { InputError } from '../errors.js';
import type { Side } from './types.js';

/**
 * The sign of `side` among `sides`: 1 for the first, −1 for the second.
 *
 * @param sides the race's two sides, ours first
 * @param side the side asked about
 * @throws {InputError} `side must be one of D, R, got "X"` when it is neither
 * @example
 * sideSign(['D', 'R'], 'R') // => -1
 */
export function sideSign(sides: readonly [Side, Side] | readonly Side[], side: Side): 1 | -1 {
  if (side === sides[0]) return 1;
  if (side === sides[1]) return -1;
  throw new InputError({ at: 'side', expected: `one of ${sides.join(', ')}`, found: JSON.stringify(side) });
}
