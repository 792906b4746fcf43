/**
 * The human-readable summary `campaign-lab run` prints when `--json` is not given.
 */
import type { RunSummary } from '../sim/summarizeRun.js';
import { formatCount, formatPp, formatShare } from './formatNumber.js';

/**
 * Headline figures, tipping points and the ten closest territories.
 *
 * @example
 * formatRunSummary(summary).split('\n')[0] // => 'Florida 2000 with a larger Democratic list: US 2000, electoral-college, 100,000 simulations (seed 2000)'
 */
export function formatRunSummary(summary: RunSummary): string {
  const [a, b] = summary.sides;
  const s = summary.scenario;
  const lines = [
    `${summary.name}: ${s.race ? s.race.file : `${s.country.toUpperCase()} ${s.year}`}${s.round ? ` round ${s.round}` : ''}, ${summary.rule}, ${formatCount(summary.simulations)} simulations (seed ${summary.seed})`,
    '',
    `P(${a} wins) ${formatShare(summary.pWin[a])} ± ${formatShare(1.96 * summary.standardError[a], 2)}   P(${b} wins) ${formatShare(summary.pWin[b])}   P(tie) ${formatShare(summary.pTie, 2)}`,
  ];
  if (summary.threshold > 1) {
    lines.push(`Expected weight: ${a} ${summary.expectedWeight[a].toFixed(1)}, ${b} ${summary.expectedWeight[b].toFixed(1)} (${summary.threshold} to win)`);
    lines.push(`Popular-vote winner loses the weight in ${formatShare(summary.pSplit)} of simulations`);
  }
  lines.push(`Campaigns add on average: ${a} ${formatCount(summary.expectedExtraVotes[a])} votes, ${b} ${formatCount(summary.expectedExtraVotes[b])} votes`);
  const tipping = Object.entries(summary.tippingPoint).slice(0, 5);
  if (tipping.length > 0 && summary.threshold > 1) lines.push(`Tipping point: ${tipping.map(([id, p]) => `${id} ${formatShare(p)}`).join(', ')}`);
  lines.push('', `Closest territories (mean margin ${a} − ${b}, P(${a} wins)):`);
  const closest = summary.territories.slice().sort((x, y) => Math.abs(x.meanMargin) - Math.abs(y.meanMargin)).slice(0, 10);
  for (const t of closest) {
    lines.push(`  ${t.id.padEnd(6)} ${t.name.slice(0, 26).padEnd(26)} ${formatPp(t.meanMargin).padStart(10)}  ${formatShare(t.pWin[a]).padStart(6)}`);
  }
  lines.push('', 'Assumptions and their sources: summary.json (with --out DIR) or --json.');
  return `${lines.join('\n')}\n`;
}
