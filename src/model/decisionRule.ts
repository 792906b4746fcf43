/**
 * Decision rules: what it takes to win a race (electoral-college, seats, popular-vote, two-round).
 */
import type { RuleName } from './types.js';

/** Thresholds of a rule for a given set of unit weights. */
export interface RuleThresholds {
  /** True when units carry weight (electoral votes, seats); false for national-vote rules. */
  weighted: boolean;
  /** Total weight over units (electoral-college, seats); 1 for national-vote rules. */
  totalWeight: number;
  /** Weight needed to win outright: more than half (270 of 538); 1 for national-vote rules. */
  threshold: number;
}

/**
 * Thresholds of a rule. `electoral-college` and `seats` need more than half of the total weight
 * (270 of 538; an even split such as 269–269 is a tie, never a win); `popular-vote` and `two-round`
 * are decided by the sign of the national two-party margin (the runoff between the two finalists).
 * For `seats`, a unit with weight 0 counts as one seat, so a table without seat counts is decided by a
 * majority of units. Any integer weights work: with 67 units of one seat each, 34 win and 33.5 cannot
 * tie; with an even total, exactly half is a tie. A scenario's `threshold` (electoral-college) or
 * `seatsToWin` (seats) replaces the majority; it must exceed half the total, so at most one side reaches
 * it, and neither reaching it is a tie (no winner).
 *
 * @param rule Rule name.
 * @param weights Unit weights (electoral votes or seats), non-negative integers.
 * @param threshold Weight needed to win, when the scenario sets one (ignored by national-vote rules).
 * @returns Whether the rule is weighted, the total weight and the winning threshold.
 * @throws {RangeError} when `threshold` is not an integer above half the total weight and at most the total.
 * @example
 * ruleThresholds('electoral-college', [538]) // => { weighted: true, totalWeight: 538, threshold: 270 }
 * ruleThresholds('seats', [0, 0, 0, 0, 0], 4) // => { weighted: true, totalWeight: 5, threshold: 4 }
 */
export function ruleThresholds(rule: RuleName, weights: ArrayLike<number>, threshold?: number): RuleThresholds {
  if (rule === 'popular-vote' || rule === 'two-round') return { weighted: false, totalWeight: 1, threshold: 1 };
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += unitWeight(rule, weights[i]);
  if (threshold === undefined) return { weighted: true, totalWeight: total, threshold: Math.floor(total / 2) + 1 };
  if (!Number.isInteger(threshold) || threshold * 2 <= total || threshold > total) {
    throw new RangeError(`threshold must be an integer above half of the total weight ${total} and at most ${total}, got ${threshold}`);
  }
  return { weighted: true, totalWeight: total, threshold };
}

/**
 * Weight a unit carries under a rule: its weight, except that `seats` counts a weight-0 unit as one seat
 * and national-vote rules give every unit weight 0 (the national sum decides).
 *
 * @example
 * unitWeight('seats', 0) // => 1
 */
export function unitWeight(rule: RuleName, weight: number): number {
  if (rule === 'popular-vote' || rule === 'two-round') return 0;
  if (rule === 'seats' && weight === 0) return 1;
  return weight;
}

/** What a weighted rule's weight counts, in words: electoral votes, seats, or a plain weight. */
export type WeightUnit = 'electoral votes' | 'seats' | 'weight';

/**
 * The unit a rule's weight is counted in, for charts and cards: `electoral-college` weights are
 * electoral votes, `seats` weights are seats (a weight-0 unit is one seat), any other rule's a weight.
 *
 * @example
 * weightUnit('seats') // => 'seats'
 */
export function weightUnit(rule: RuleName): WeightUnit {
  return rule === 'electoral-college' ? 'electoral votes' : rule === 'seats' ? 'seats' : 'weight';
}
