/**
 * territories.csv of a report: one row per territory with its baseline and simulated figures.
 */
import { twoPartyMargin } from '../model/twoPartyMargin.js';
import type { RunSummary } from '../sim/summarizeRun.js';

/**
 * One CSV field (RFC 4180), safe to open in a spreadsheet: a number is written as a number; a text that
 * starts with `=`, `+`, `-`, `@`, a tab or a carriage return (and is not a plain number) is prefixed with
 * a single quote, so Excel, LibreOffice and Google Sheets show it as text instead of evaluating it as a
 * formula (OWASP, "CSV Injection"); a text holding a separator, a quote or a line break, or so prefixed,
 * is quoted.
 *
 * @example
 * csvField('Val-d\'Oise, 95') // => '"Val-d\'Oise, 95"'
 * csvField('=HYPERLINK("http://x")') // => '"\'=HYPERLINK(""http://x"")"'
 * csvField(-5.26) // => '-5.26'
 */
function csvField(value: string | number): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  let quote = /[",\r\n]/.test(text);
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) {
    text = `'${text}`;
    quote = true;
  }
  return quote ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A header cell: always quoted (a side named `Harris, Kamala` stays one column), neutralised as
 * {@link csvField} does.
 *
 * @example
 * csvHeaderField('baseline_votes_Harris, Kamala') // => '"baseline_votes_Harris, Kamala"'
 */
function csvHeaderField(name: string): string {
  const field = csvField(name);
  return field.startsWith('"') ? field : `"${field}"`;
}

/**
 * Baseline two-party margin of side A in pp: 100 × (A − B) / (A + B); 0 when both are 0.
 *
 * @example
 * baselineMarginPp({ D: 2912253, R: 2912790 }, ['D', 'R']) // => -0.00922 (Florida 2000, rounded)
 */
export function baselineMarginPp(votes: Record<string, number>, sides: [string, string]): number {
  const a = votes[sides[0]] ?? 0;
  const b = votes[sides[1]] ?? 0;
  return twoPartyMargin(a, b);
}

/**
 * True when both sides have votes in a territory: a unit where both have none (0–0) or one side is
 * absent is uncontested, and has no place among the closest territories (its margin of 0 or ±100 pp says
 * nothing of how close the race is there).
 *
 * @example
 * isContested({ D: 0, R: 0 }, ['D', 'R']) // => false
 */
export function isContested(votes: Record<string, number>, sides: [string, string]): boolean {
  return (votes[sides[0]] ?? 0) > 0 && (votes[sides[1]] ?? 0) > 0;
}

/**
 * Builds territories.csv: id, name, weight, baseline votes and margin, simulated mean and SD of the
 * margin (pp), P(win) per side, tipping-point frequency and, per side, `<side>_campaign_net_margin_votes`:
 * the mean number of votes by which that side's campaign moves the margin in its favour (turnout,
 * relays and persuasion together, averaged over the simulations). It is negative where the campaign
 * costs its side votes on balance: a volunteer's relay contacts lean as their territory does, so in a
 * territory the other side carries (Alabama for D) relays turn out more of the other side's voters;
 * and the e-mail effect prior reaches below zero.
 *
 * Ids, names and side names come from the user's race file: every text cell is neutralised against
 * formula injection and every header cell is quoted ({@link csvField}, {@link csvHeaderField}).
 *
 * @example
 * territoriesCsv(summary).split('\n')[0]
 * // => '"id","name","weight","baseline_votes_D","baseline_votes_R","baseline_margin_pp","mean_margin_pp","sd_margin_pp","p_win_D","p_win_R","tipping_point","D_campaign_net_margin_votes","R_campaign_net_margin_votes"'
 */
export function territoriesCsv(summary: RunSummary): string {
  const [a, b] = summary.sides;
  const baseline = new Map(summary.scenario.territories.map((t) => [t.id, t]));
  const header = ['id', 'name', 'weight', `baseline_votes_${a}`, `baseline_votes_${b}`, 'baseline_margin_pp', 'mean_margin_pp', 'sd_margin_pp', `p_win_${a}`, `p_win_${b}`, 'tipping_point', `${a}_campaign_net_margin_votes`, `${b}_campaign_net_margin_votes`];
  const lines = [header.map(csvHeaderField).join(',')];
  for (const t of summary.territories) {
    const base = baseline.get(t.id);
    const votes = base?.votes ?? {};
    lines.push(
      [
        t.id,
        t.name,
        t.weight,
        votes[a] ?? '',
        votes[b] ?? '',
        base ? round(baselineMarginPp(votes, [a, b]), 4) : '',
        round(t.meanMargin, 4),
        round(t.sdMargin, 4),
        round(t.pWin[a], 6),
        round(t.pWin[b], 6),
        round(t.tippingPoint, 6),
        round(t.extraVotes[a], 1),
        round(t.extraVotes[b], 1),
      ]
        .map((v) => csvField(v as string | number))
        .join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
