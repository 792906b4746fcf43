/**
 * Decision rules (DESIGN.md §3): what it takes to win a race.
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
 * majority of units.
 *
 * @param rule Rule name.
 * @param weights Unit weights (electoral votes or seats).
 * @returns Whether the rule is weighted, the total weight and the winning threshold.
 * @example
 * ruleThresholds('electoral-college', [538]) // => { weighted: true, totalWeight: 538, threshold: 270 }
 */
export function ruleThresholds(rule: RuleName, weights: ArrayLike<number>): RuleThresholds {
  if (rule === 'popular-vote' || rule === 'two-round') return { weighted: false, totalWeight: 1, threshold: 1 };
  let total = 0;
  for (let i = 0; i < weights.length; i++) total += unitWeight(rule, weights[i]);
  return { weighted: true, totalWeight: total, threshold: Math.floor(total / 2) + 1 };
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
