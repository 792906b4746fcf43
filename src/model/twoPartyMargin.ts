/**
 * The two-party margin, the one formula every layer uses for it (baselines, the model's expected margins,
 * tipping points, allocation, reports, backtests).
 */

/**
 * Two-party margin of A over B in percentage points: 100 × (A − B) / (A + B); 0 when both are 0.
 *
 * @param votesA side A's votes
 * @param votesB side B's votes
 * @returns the margin, pp toward A
 * @example
 * twoPartyMargin(2912790, 2912253) // => 0.00921... (Florida 2000, Bush − Gore)
 * twoPartyMargin(55, 45) // => 10
 */
export function twoPartyMargin(votesA: number, votesB: number): number {
  const total = votesA + votesB;
  return total > 0 ? (100 * (votesA - votesB)) / total : 0;
}
