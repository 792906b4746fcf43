/**
 * `campaign-lab results`: prints a published result (US presidential by state and district, French
 * presidential by département) from the project's data/.
 */
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { formatCount, formatShare } from '../formatNumber.js';
import { loadResults } from '../../data/loadResults.js';
import type { ElectionResults } from '../../model/types.js';
import type { ElectoralVotesCast } from '../../data/electoralVotesCast.js';
import { loadElectoralVotesCast } from '../../data/loadElectoralVotesCast.js';

/**
 * A plain-text table of a result: one line per unit, then the totals. Popular-vote shares name their
 * denominator (all votes cast, and the two-party share beside it); US electoral votes are labelled
 * pledged (the unit winners') and, when `cast` is given, as cast by the electors.
 *
 * @param results a published result
 * @param cast US only: the electoral votes cast by the electors that year (loadElectoralVotesCast)
 * @example
 * formatResults(loadResults({ country: 'us', year: 2000 })).split('\n')[0] // => 'US 2000: D vs R'
 * // with loadElectoralVotesCast(2016), the 2016 text ends with:
 * // 'Electoral votes (EV) pledged (to the winner of each state and district): D 232, R 306 of 538'
 * // 'Electoral votes cast by the electors: D 227, R 304, others 7 (faithless) of 538'
 */
export function formatResults(results: ElectionResults, cast?: ElectoralVotesCast): string {
  const [a, b] = results.sides;
  const lines = [
    `${results.country.toUpperCase()} ${results.year}${results.round ? `, round ${results.round}` : ''}: ${a} vs ${b}`,
    `${'unit'.padEnd(6)} ${'name'.padEnd(28)} ${(results.country === 'us' ? 'EV' : 'weight').padStart(6)} ${a.padStart(12)} ${b.padStart(12)} ${'other'.padStart(11)}  winner`,
  ];
  for (const u of results.units) {
    lines.push(
      `${u.id.padEnd(6)} ${u.name.slice(0, 28).padEnd(28)} ${String(u.weight).padStart(6)} ${formatCount(u.votes[a] ?? 0).padStart(12)} ${formatCount(u.votes[b] ?? 0).padStart(12)} ${formatCount(u.votes.other ?? 0).padStart(11)}  ${u.winner}`,
    );
  }
  const pv = results.popularVote;
  const counted = results.country === 'fr' ? 'valid votes cast' : 'all votes cast';
  const rest = pv.total - pv[a] - pv[b];
  lines.push(
    '',
    `Popular vote, share of ${counted} (${formatCount(pv.total)}): ${a} ${formatCount(pv[a])} (${formatShare(pv[a] / pv.total)}), ${b} ${formatCount(pv[b])} (${formatShare(pv[b] / pv.total)})` +
      (rest > 0 ? `, others ${formatCount(rest)} (${formatShare(rest / pv.total)})` : ''),
  );
  if (rest > 0) lines.push(`Two-party share (${a} + ${b} = ${formatCount(pv[a] + pv[b])}): ${a} ${formatShare(pv[a] / (pv[a] + pv[b]), 2)}, ${b} ${formatShare(pv[b] / (pv[a] + pv[b]), 2)}`);
  const totalWeight = results.units.reduce((s, u) => s + u.weight, 0);
  if (totalWeight > 0) {
    const what = results.country === 'us' ? 'Electoral votes (EV) pledged (to the winner of each state and district)' : 'Seats won';
    lines.push(`${what}: ${a} ${results.weightTotals[a]}, ${b} ${results.weightTotals[b]} of ${totalWeight}`);
  }
  if (cast) {
    const others = [cast.other > 0 ? `, others ${cast.other} (faithless)` : '', cast.notCast > 0 ? `, ${cast.notCast} not cast` : ''].join('');
    lines.push(`Electoral votes cast by the electors: ${a} ${cast[a as 'D' | 'R']}, ${b} ${cast[b as 'D' | 'R']}${others} of ${cast.total}`);
  }
  lines.push(`Source: ${results.source}`);
  return `${lines.join('\n')}\n`;
}

/** The `results` command. */
export const resultsCommand: Command = {
  name: 'results',
  summary: 'Print a published election result by territory.',
  details: 'US presidential elections 2000–2024 by state, DC and Maine/Nebraska district; French presidential 2007 and 2012 by département.\n\nExample: campaign-lab results --country us --year 2000 --json',
  spec: {
    positionals: [],
    options: {
      country: { type: 'string', required: true, choices: ['us', 'fr'], valueName: 'us|fr', description: 'Country of the election.' },
      year: { type: 'integer', required: true, valueName: 'Y', description: 'Election year.' },
      round: { type: 'integer', minimum: 1, valueName: 'R', description: 'France: round 1 or 2 (default 2).' },
      json: { type: 'flag', description: 'Print one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const results = loadResults({
      country: args.options.country as 'us' | 'fr',
      year: args.options.year as number,
      ...(args.options.round === undefined ? {} : { round: args.options.round as number }),
    });
    if (args.options.json) printJson(context.stdout, results);
    else context.stdout.write(formatResults(results, results.country === 'us' ? loadElectoralVotesCast(results.year) : undefined));
  },
};
