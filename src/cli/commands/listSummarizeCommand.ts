/**
 * `campaign-lab list summarize`: counts a supporter-list CSV per territory, keeping nothing else.
 */
import { resolve } from 'node:path';
import { InputError } from '../../errors.js';
import type { Command } from '../CliContext.js';
import { printJson, toJsonText } from '../printJson.js';
import { ProgressBar } from '../ProgressBar.js';
import { writeFileAtomic } from '../writeFileAtomic.js';
import { summarizeSupporterList } from '../../list/summarizeSupporterList.js';
import type { SupporterListCounts } from '../../list/summarizeSupporterList.js';
import type { ListCountry } from '../../list/territoryMatcher.js';

/**
 * Human-readable lines for a counts document (no field values: there are none in it).
 *
 * @example
 * formatListCounts(counts).split('\n')[0] // => '3 rows read from column "state" (separator ","); 2 placed in 1 territories.'
 */
export function formatListCounts(counts: SupporterListCounts): string {
  const top = Object.entries(counts.counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10);
  const lines = [
    `${counts.rows} rows read from column "${counts.territoryColumn}" (separator "${counts.separator}"); ${counts.placed} placed in ${Object.keys(counts.counts).length} territories.`,
    `Not placed: ${counts.unplaced.empty} empty, ${counts.unplaced.unrecognised} unrecognised, ${counts.unplaced['missing-column']} with too few columns.`,
    'Largest territories:',
    ...top.map(([id, n]) => `  ${id.padEnd(8)} ${String(n).padStart(12)}`),
  ];
  return `${lines.join('\n')}\n`;
}

/** The `list summarize` command. */
export const listSummarizeCommand: Command = {
  name: 'list summarize',
  summary: 'Count a supporter-list CSV per territory; keep only the counts.',
  details: [
    'Streams the CSV (any size; BOM, CRLF, "," or ";", quoted fields) and maps the territory column to result units:',
    'US: USPS codes or state names; France: département codes, names or 5-digit postcodes.',
    'Only counts per territory and counts of rows not placed (by reason) are written: never a name, e-mail or phone.',
    'Use the counts in a scenario: campaigns: { D: { allocation: { file: counts.json } } }',
    '',
    'Example: campaign-lab list summarize supporters.csv --country us --territory-column state --out counts.json',
  ].join('\n'),
  spec: {
    positionals: [{ name: 'file', description: 'the supporter-list CSV file' }],
    options: {
      country: { type: 'string', required: true, choices: ['us', 'fr'], valueName: 'us|fr', description: 'Country whose territories the list is matched to.' },
      'territory-column': { type: 'string', required: true, valueName: 'NAME', description: 'Header of the column with the state, département or postcode.' },
      out: { type: 'string', valueName: 'FILE', description: 'Write the counts as JSON to FILE (atomically).' },
      json: { type: 'flag', description: 'Print the counts as one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const country = args.options.country as ListCountry;
    const column = args.options['territory-column'] as string;
    const file = args.positionals.file as string;
    const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'reading list' });
    let counts: SupporterListCounts;
    try {
      counts = await summarizeSupporterList(resolve(context.cwd, file), {
        country,
        territoryColumn: column,
        signal: context.signal,
        onProgress: (done, total) => bar.update(done, total),
      });
    } catch (error) {
      // Name the file as the user typed it, not its absolute path.
      if (error instanceof InputError && error.details.file) throw new InputError({ ...error.details, file });
      throw error;
    } finally {
      bar.finish();
    }
    const out = args.options.out as string | undefined;
    // Never over the list itself, nor over a folder; a read-only place is exit 2 (writeFileAtomic).
    if (out) await writeFileAtomic(resolve(context.cwd, out), toJsonText(counts), context.signal, { shownPath: `--out ${out}`, inputs: [resolve(context.cwd, file)] });
    if (args.options.json) printJson(context.stdout, counts);
    else context.stdout.write(formatListCounts(counts) + (out ? `Counts written to ${out}\n` : ''));
  },
};
