/**
 * The human-readable summary `campaign-lab run` prints when `--json` is not given.
 */
import type { RunSummary } from '../sim/summarizeRun.js';
import { wilsonInterval } from '../analysis/winProbability.js';
import { formatCount, formatPp, formatShare } from '../briefing/formatNumber.js';
import { isContested } from '../briefing/territoriesCsv.js';
import type { RunAssumptions } from '../analysis/answerAssumptions.js';

/**
 * A probability from `simulations` draws with its 95 % Wilson interval: `61.2% (95% interval 60.9–61.5%)`.
 *
 * @param p share of draws, 0–1
 * @param simulations number of draws
 * @example
 * formatProbability(1, 200) // => '100.0% (95% interval 98.1–100.0%)'
 */
function formatProbability(p: number, simulations: number): string {
  const { low, high } = wilsonInterval(Math.round(p * simulations), simulations);
  return `${formatShare(p)} (95% interval ${(low * 100).toFixed(1)}–${formatShare(high)})`;
}

/**
 * Headline figures, tipping points and the ten closest territories. P(win) carries its 95 % Wilson
 * interval (Monte Carlo error of this many draws) and, when computed, the assumptions interval (5th–95th
 * percentiles over joint draws of the mechanisms' priors) of P(win) and of each campaign's votes; under the electoral college the weights are said to
 * be electoral votes pledged by the unit winners, and the popular vote is named as the two-party vote.
 *
 * @example
 * // scenarios/florida-2000.yaml, 200 simulations, no uncertainty, no campaigns:
 * formatRunSummary(summary).split('\n')[0] // => 'Florida 2000 with a Kerry-sized Democratic list: US 2000, electoral-college, 200 simulations (seed 2000)'
 * formatRunSummary(summary).split('\n')[2] // => 'P(D wins) 0.0% (95% interval 0.0–1.9%)   P(R wins) 100.0% (95% interval 98.1–100.0%)   P(tie) 0.00%'
 */
export function formatRunSummary(summary: RunSummary, assumptions?: RunAssumptions): string {
  const [a, b] = summary.sides;
  const s = summary.scenario;
  const n = summary.simulations;
  const lines = [
    `${summary.name}: ${s.race ? s.race.file : s.baseline?.polls ? `${s.country.toUpperCase()} ${s.baseline.polls.electionDay.slice(0, 4)} (from polls)` : `${s.country.toUpperCase()}${s.year > 0 ? ` ${s.year}` : ''}`}${s.round ? ` round ${s.round}` : ''}, ${summary.rule}, ${formatCount(n)} simulations (seed ${summary.seed})`,
    '',
    `P(${a} wins) ${formatProbability(summary.pWin[a], n)}   P(${b} wins) ${formatProbability(summary.pWin[b], n)}   P(tie) ${formatShare(summary.pTie, 2)}`,
    `  (the 95% interval is Monte Carlo error: where P(win) would settle with more simulations of this model, not the uncertainty of the election)`,
  ];
  if (summary.threshold > 1) {
    const weight = summary.rule === 'electoral-college' ? 'electoral votes (pledged by the winner of each unit)' : 'seats';
    lines.push(`Expected ${weight}: ${a} ${summary.expectedWeight[a].toFixed(1)}, ${b} ${summary.expectedWeight[b].toFixed(1)} (${summary.threshold} to win)`);
    lines.push(`The winner of the national two-party vote loses the ${summary.rule === 'electoral-college' ? 'electoral votes' : 'seats'} in ${formatShare(summary.pSplit)} of simulations`);
  }
  lines.push(`Campaign effects, mean net margin votes over the other side (turnout + persuasion + relay + indirect = total):`);
  for (const side of [a, b]) {
    const e = summary.effects[side];
    lines.push(`  ${side}: ${formatCount(e.turnout)} + ${formatCount(e.persuasion)} + ${formatCount(e.relay)} + ${formatCount(e.indirect)} = ${formatCount(e.total)}`);
  }
  if (assumptions) lines.push(...assumptionLines(assumptions, [a, b]));
  const tipping = summary.tippingPoint.slice(0, 5);
  if (tipping.length > 0 && summary.threshold > 1) {
    lines.push(`Tipping point (share of simulations; units ordered by simulated margin over all votes cast, as published tables do): ${tipping.map((t) => `${t.id} ${formatShare(t.frequency)}`).join(', ')}`);
    const bias = summary.electoralCollegeBias?.meanPp;
    if (bias !== undefined && Number.isFinite(bias)) {
      lines.push(`${summary.rule === 'seats' ? 'Seat bias' : 'Electoral-college bias'} (tipping-point margin − national margin, over all votes cast, mean): ${Math.abs(bias).toFixed(1) === '0.0' ? 'none' : `${Math.abs(bias).toFixed(1)} pp toward ${bias > 0 ? a : b}`}`);
    }
  }
  lines.push('', `Closest territories (mean two-party margin ${a} − ${b}, P(${a} wins)):`);
  // Uncontested units (0–0, or one side absent) are not close races: left out.
  const baseline = new Map(summary.scenario.territories.map((t) => [t.id, t.votes]));
  const closest = summary.territories.filter((t) => isContested(baseline.get(t.id) ?? {}, [a, b])).sort((x, y) => Math.abs(x.meanMargin) - Math.abs(y.meanMargin)).slice(0, 10);
  for (const t of closest) {
    lines.push(`  ${t.id.padEnd(6)} ${t.name.slice(0, 26).padEnd(26)} ${formatPp(t.meanMargin).padStart(10)}  ${formatShare(t.pWin[a]).padStart(6)}`);
  }
  lines.push('', 'Assumptions and their sources: summary.json (with --out DIR) or --json.');
  return `${lines.join('\n')}\n`;
}

/**
 * The assumptions interval of a run in words: each side's P(win) and campaign total, 5th–95th percentiles.
 *
 * @example
 * assumptionLines(assumptions, ['D', 'R'])[1] // => '  P(D wins) 35.1–37.0%   P(R wins) 63.0–64.9%'
 */
function assumptionLines(x: RunAssumptions, sides: readonly [string, string]): string[] {
  const range = (i: { low: number; high: number }) => `${formatCount(i.low)} to ${formatCount(i.high)}`;
  return [
    `Assumptions interval (5th-95th percentiles over ${x.draws} joint draws of every mechanism's prior, ${formatCount(x.simulations)} simulations each; not Monte Carlo error):`,
    `  ${sides.map((s) => `P(${s} wins) ${shareRange(x.pWin[s]!.low, x.pWin[s]!.high)}`).join('   ')}`,
    `  campaign total votes: ${sides.map((s) => `${s} ${range(x.votes[s]!.total)}`).join(', ')} (relay: ${sides.map((s) => `${s} ${range(x.votes[s]!.relay)}`).join(', ')})`,
  ];
}

/**
 * A range of shares in %, with as many decimals (1 to 3) as it takes for its ends to differ, so a narrow
 * interval does not print as one number twice.
 *
 * @example
 * shareRange(0.35661, 0.35742) // => '35.66–35.74%'
 */
export function shareRange(low: number, high: number): string {
  let digits = 1;
  while (digits < 3 && (low * 100).toFixed(digits) === (high * 100).toFixed(digits) && low !== high) digits++;
  return `${(low * 100).toFixed(digits)}–${(high * 100).toFixed(digits)}%`;
}
