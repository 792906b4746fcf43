/**
 * `campaign-lab flip`: the fewest votes that would have changed a US presidential winner, exactly
 * (knapsack over electoral votes), by mobilising new voters or converting the winner's.
 */
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { formatCount } from '../formatNumber.js';
import { loadResults } from '../../data/loadResults.js';
import { votesToFlip } from '../../analysis/votesToFlip.js';
import type { FlipMode, FlipTarget, VotesToFlip } from '../../analysis/votesToFlip.js';

/**
 * One paragraph describing a votes-to-flip answer, in electoral votes as pledged by the unit winners.
 *
 * @example
 * formatFlip(votesToFlip(results2000))
 * // => '2000: R won a majority of the pledged electoral votes. D needed 538 new voters to win a majority of the electoral votes, in FL (the winner\'s margins there summed to 537 votes).\nElectoral votes are pledged (each state or district to its winner), not as cast by the electors.\n'
 */
export function formatFlip(flip: VotesToFlip): string {
  const how = flip.mode === 'mobilise' ? 'new voters' : 'voters switching sides';
  const to =
    flip.target === 'win'
      ? 'win a majority of the electoral votes'
      : flip.target === 'tie'
        ? `deny ${flip.winner} a majority of the electoral votes (${flip.loser} at least half)`
        : 'tie exactly in electoral votes (269–269)';
  return (
    `${flip.year}: ${flip.winner} won a majority of the pledged electoral votes. ${flip.loser} needed ${formatCount(flip.votes)} ${how} to ${to}, ` +
    `in ${flip.units.join(', ')} (the winner's margins there summed to ${formatCount(flip.marginSum)} votes).\n` +
    'Electoral votes are pledged (each state or district to its winner), not as cast by the electors.\n'
  );
}

/** The `flip` command. */
export const flipCommand: Command = {
  name: 'flip',
  summary: 'Fewest votes that would have changed a US presidential winner.',
  details:
    "Exact search (knapsack over electoral votes) over the units the winner carried.\n" +
    'mobilise: margin + 1 new voters per unit; convert: floor(margin / 2) + 1 switched voters per unit.\n' +
    'win: the loser reaches 270; tie: the winner is denied a majority (the loser reaches at least 269);\n' +
    'exact-tie: 269–269. Electoral votes are pledged (to each unit\'s winner), not as cast.\n\n' +
    'Example: campaign-lab flip --year 2000 --json',
  spec: {
    positionals: [],
    options: {
      year: { type: 'integer', required: true, valueName: 'Y', description: 'Election year (US, 2000–2024).' },
      country: { type: 'string', choices: ['us'], valueName: 'us', description: 'Country (only the US has weighted units; default us).' },
      mode: { type: 'string', choices: ['mobilise', 'convert'], valueName: 'mobilise|convert', description: 'How the loser gains votes (default mobilise).' },
      target: { type: 'string', choices: ['win', 'tie', 'exact-tie'], valueName: 'win|tie|exact-tie', description: 'Win, deny the winner a majority (tie), or 269–269 (exact-tie); default win.' },
      json: { type: 'flag', description: 'Print one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const results = loadResults({ country: 'us', year: args.options.year as number });
    const flip = votesToFlip(results, {
      mode: (args.options.mode as FlipMode | undefined) ?? 'mobilise',
      target: (args.options.target as FlipTarget | undefined) ?? 'win',
    });
    if (args.options.json) printJson(context.stdout, flip);
    else context.stdout.write(formatFlip(flip));
  },
};
