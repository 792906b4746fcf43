/**
 * `campaign-lab results`: prints a published result (US presidential by state and district, French
 * presidential by département) from the project's data/.
 */
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { formatCount, formatShare } from '../formatNumber.js';
import { loadResults } from '../../data/loadResults.js';
import type { ElectionResults } from '../../model/types.js';

/**
 * A plain-text table of a result: one line per unit, then the totals.
 *
 * @example
 * formatResults(loadResults({ country: 'us', year: 2000 })).split('\n')[0] // => 'US 2000: D vs R'
 */
export function formatResults(results: ElectionResults): string {
  const [a, b] = results.sides;
  const lines = [
    `${results.country.toUpperCase()} ${results.year}${results.round ? `, round ${results.round}` : ''}: ${a} vs ${b}`,
    `${'unit'.padEnd(6)} ${'name'.padEnd(28)} ${'weight'.padStart(6)} ${a.padStart(12)} ${b.padStart(12)} ${'other'.padStart(11)}  winner`,
  ];
  for (const u of results.units) {
    lines.push(
      `${u.id.padEnd(6)} ${u.name.slice(0, 28).padEnd(28)} ${String(u.weight).padStart(6)} ${formatCount(u.votes[a] ?? 0).padStart(12)} ${formatCount(u.votes[b] ?? 0).padStart(12)} ${formatCount(u.votes.other ?? 0).padStart(11)}  ${u.winner}`,
    );
  }
  const pv = results.popularVote;
  lines.push(
    '',
    `Popular vote: ${a} ${formatCount(pv[a])} (${formatShare(pv[a] / pv.total)}), ${b} ${formatCount(pv[b])} (${formatShare(pv[b] / pv.total)}), total ${formatCount(pv.total)}`,
  );
  if (Object.values(results.weightTotals).some((w) => w > 0)) lines.push(`Weight won: ${a} ${results.weightTotals[a]}, ${b} ${results.weightTotals[b]}`);
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
    else context.stdout.write(formatResults(results));
  },
};
