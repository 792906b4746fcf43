/**
 * Two-party margin in percentage points.
 *
 * @param votesA side A's votes
 * @param votesB side B's votes
 * @returns 100 × (A − B) / (A + B), pp; 0 when both are 0
 * @example
 * twoPartyMarginPp(2912790, 2912253) // => 0.00921... (Florida 2000, Bush − Gore)
 */
export function twoPartyMarginPp(votesA: number, votesB: number): number {
  const total = votesA + votesB;
  return total > 0 ? (100 * (votesA - votesB)) / total : 0;
}
