import type { MultiCandidateRace } from '../../src/race/multiCandidateRace.js';

/** The riding CPC lost by the fewest votes in 2011, and that gap (for the campaign tests of test/race and test/cli). */
export function closestLoss(race: MultiCandidateRace): { u: number; gap: number } {
  let best = { u: -1, gap: Infinity };
  for (let u = 0; u < race.unitStart.length - 1; u++) {
    let ours = 0;
    let top = 0;
    for (let s = race.unitStart[u]!; s < race.unitStart[u + 1]!; s++) {
      if (race.slotParty[s] === 0) ours = race.votes[s]!;
      else top = Math.max(top, race.votes[s]!);
    }
    if (ours > 0 && top > ours && top - ours < best.gap) best = { u, gap: top - ours };
  }
  return best;
}
