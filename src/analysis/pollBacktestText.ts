/**
 * The poll backtest as text for the command line: one row per forecast day (state Brier, log score,
 * 90 % coverage, national P(win) and margin) and the published scores of the same year beside them.
 * Pure; numbers in English format whatever the machine's locale.
 */
import type { PollBacktestResult } from './pollBacktest.js';

/** Published state Brier scores of final forecasts by year and forecaster (data/poll-backtest-published.json). */
export type PublishedScores = Record<string, Record<string, number>>;

const pp = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}`;

/**
 * Formats a poll backtest.
 *
 * @param result pollBacktest's result
 * @param context the side codes, the file's layout and poll count, and the published scores
 * @returns lines of text ending in a newline
 * @example
 * formatPollBacktest(result, { sides: ['D', 'R'], published: { 2016: { Economist: 0.0508 } } }).split('\n')[0]
 * // => 'Poll forecast of 2016 from us-president-2016-polls.csv, error model without-2016 (fitted on 2000, 2004, 2008, 2012)'
 */
export function formatPollBacktest(result: PollBacktestResult, context: { sides: readonly [string, string]; published?: PublishedScores; polls?: string }): string {
  const [a] = context.sides;
  const lines = [
    `Poll forecast of ${result.year} from ${result.file.split(/[\\/]/).pop()}${context.polls ? ` (${context.polls})` : ''}, error model ${result.errorModel.id} (fitted on ${result.errorModel.years.join(', ')})`,
    `${'as of'.padEnd(10)} ${'days'.padStart(5)} ${'polls'.padStart(6)} ${'state Brier'.padStart(11)} ${'log score'.padStart(10)} ${'90% cover'.padStart(9)} ${`P(${a} wins)`.padStart(11)}  national margin, 90 % interval -> result`,
  ];
  for (const r of result.rows) {
    const m = r.nationalMargin;
    lines.push(
      `${r.asOf.padEnd(10)} ${String(r.daysToElection).padStart(5)} ${String(r.pollsUsed).padStart(6)} ${r.brier.toFixed(4).padStart(11)} ${r.logScore.toFixed(4).padStart(10)} ${`${(100 * r.coverage90).toFixed(1)}%`.padStart(9)} ${(r.nationalPWin === undefined ? '-' : `${(100 * r.nationalPWin).toFixed(1)}%`).padStart(11)}  ${pp(m.forecast)} (${pp(m.low)} to ${pp(m.high)}) -> ${pp(m.actual)}`,
    );
  }
  const f = result.rows[0]?.fundamentals;
  if (f) {
    lines.push(`Fundamentals: ${f.model}, ${a} ${pp(f.margin)} pp; on ${result.rows[0].asOf} the polls said ${pp(f.pollsMargin)}, weight ${f.weight.toFixed(2)}, every state moved ${pp(f.shift)} pp.`);
  } else lines.push('Fundamentals: none (the polls alone).');
  const units = result.rows[0]?.units ?? 0;
  lines.push(`State Brier and log score: unweighted means over ${units} units (the 50 states and DC); coverage: results inside the 90 % interval of the margin.`);
  const published = context.published?.[String(result.year)];
  if (published) {
    lines.push(`Published state Brier of the final forecast, ${result.year}: ${Object.entries(published).map(([who, s]) => `${who} ${s.toFixed(4)}`).join(', ')}`);
  }
  return `${lines.join('\n')}\n`;
}
