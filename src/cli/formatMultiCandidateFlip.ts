/**
 * The text of `campaign-lab flip` on a multi-candidate race (src/analysis/multiCandidateFlip.ts): what the
 * party needs to qualify, to win the race, the tipping point, and the cheapest units it does not hold.
 */
import type { MultiCandidateFlip, UnitFlip } from '../analysis/multiCandidateFlip.js';
import { formatCount, formatPp } from '../briefing/formatNumber.js';

/** Units listed in the text (the JSON has every one). */
const LISTED_UNITS = 10;

/** Units of the race's cheapest set named in the text. */
const LISTED_SET = 30;

/** `N vote(s)`. */
function votes(n: number): string {
  return `${formatCount(n)} vote${n === 1 ? '' : 's'}`;
}

/** The cheapest `LISTED_UNITS` units by `cost` that are not yet reached (cost > 0), one line each. */
function cheapest(units: readonly UnitFlip[], cost: (u: UnitFlip) => number, what: string, leader: boolean): string {
  const open = units.filter((u) => cost(u) > 0).sort((a, b) => cost(a) - cost(b));
  if (open.length === 0) return '';
  const lines = open.slice(0, LISTED_UNITS).map((u) => `  ${u.id} ${u.name}: ${votes(cost(u))}${leader && u.leader ? ` (best other: ${u.leader.party} ${formatCount(u.leader.votes)})` : ''}\n`);
  return `Cheapest units to ${what} (${Math.min(LISTED_UNITS, open.length)} of ${open.length}; --json lists every unit):\n${lines.join('')}`;
}

/** The race-level lines of weighted rules. */
function raceLines(flip: MultiCandidateFlip): string {
  const race = flip.race;
  if (race === undefined) return '';
  const by = flip.rule === 'two-round-legislative' ? 'elected in round 1' : 'leading';
  const seatWord = flip.rule === 'electoral-college' ? 'electoral votes' : 'seats';
  if (race === null) return `${flip.party} cannot reach a majority by ${by === 'leading' ? 'leading' : 'round-1 elections'}: it stands in too few units.\n`;
  let text = `${flip.party} holds ${race.held} ${race.held === 1 ? seatWord.replace(/s$/, '') : seatWord} ${by} on the file's votes; ${race.seatsToWin} win the race.\n`;
  const shown = race.units.slice(0, LISTED_SET).join(', ') + (race.units.length > LISTED_SET ? `, … (${race.units.length - LISTED_SET} more in --json)` : '');
  text += race.votes === 0
    ? `It already holds a majority.\n`
    : `To win the race: ${votes(race.votes)} in ${race.units.length} unit${race.units.length === 1 ? '' : 's'} (the cheapest set, exact): ${shown}.\n`;
  if (flip.rule === 'two-round-legislative') text += 'Round-1 elections only: a seat won in round 2 depends on transfers (see `campaign-lab run`).\n';
  const tip = flip.tippingPoint;
  if (tip) text += `Tipping point (the unit that completes the majority, units taken by ${flip.party}'s margin): ${tip.id} ${tip.name}, margin ${formatPp(tip.margin * 100)}, ${tip.toLead === 0 ? 'held' : `${votes(tip.toLead)} to lead`}.\n`;
  return text;
}

/**
 * The text answer.
 *
 * @example
 * formatMultiCandidateFlip(multiCandidateFlip(france2022, { rule: 'two-round', party: 'LFI' })).split('\n')[1]
 * // => 'To qualify for round 2: 421,309 votes (to pass RN, 8,133,828 national votes).'
 */
export function formatMultiCandidateFlip(flip: MultiCandidateFlip): string {
  let text = `${flip.party}${flip.name !== flip.party ? ` (${flip.name})` : ''}, ${flip.rule}: the fewest new votes for ${flip.party} on the race file's votes (no uncertainty).\n`;
  if (flip.qualify) {
    text += flip.qualify.votes === 0
      ? `${flip.party} qualifies for round 2 (ahead of ${flip.qualify.second.party} by ${votes(flip.totals[flip.party]! - flip.qualify.second.votes)}).\n`
      : `To qualify for round 2: ${votes(flip.qualify.votes)} (to pass ${flip.qualify.second.party}, ${formatCount(flip.qualify.second.votes)} national votes).\n`;
  }
  if (flip.national) {
    text += flip.national.votes === 0
      ? `${flip.party} leads the national vote.\n`
      : `To lead the national vote: ${votes(flip.national.votes)} (to pass ${flip.national.leader.party}, ${formatCount(flip.national.leader.votes)}).\n`;
  }
  text += raceLines(flip);
  const led = flip.units.filter((u) => u.toLead === 0).length;
  text += `${flip.party} leads in ${led} of the ${flip.units.length} units where it stands${flip.notStanding > 0 ? ` (it has no candidate in ${flip.notStanding})` : ''}.\n`;
  if (flip.rule === 'two-round-legislative') text += cheapest(flip.units, (u) => u.toQualify!, 'qualify for round 2 (12.5 % of inscrits or the top two)', false);
  text += cheapest(flip.units, (u) => u.toLead, 'lead (pass the best other candidate)', true);
  return text;
}
