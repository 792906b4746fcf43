/**
 * `campaign-lab list summarize`: counts a supporter list per territory, keeping nothing else.
 */
import { resolve } from 'node:path';
import { InputError, describeValue, escapeControlCharacters } from '../../errors.js';
import type { Command } from '../CliContext.js';
import { ProgressBar } from '../ProgressBar.js';
import { writeFileAtomic } from '../../node/writeFileAtomic.js';
import { countsToJsonText, summarizeSupporterList } from '../../node/summarizeSupporterList.js';
import type { SupporterListCounts } from '../../node/summarizeSupporterList.js';
import type { ListCountry } from '../../list/territoryMatcher.js';

/**
 * Human-readable lines for a counts document: every bucket, so the rows add up, and what the reading
 * decided (no field values: the only values shown are unrecognised ones shaped like a code or within a
 * typo of a territory name, and ISO country codes).
 *
 * @example
 * formatListCounts(counts).split('\n')[0] // => '3 rows read from column "state" (csv, utf-8, ","): 2 placed in 2 territories, 0 empty, 0 filtered, 1 unrecognised.'
 */
function formatListCounts(counts: SupporterListCounts): string {
  const top = Object.entries(counts.counts)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, 10);
  const how = counts.format === 'xlsx' ? 'xlsx' : `csv, ${counts.encoding}, ${JSON.stringify(counts.separator)}`;
  const reasons = Object.entries(counts.unrecognisedByReason).filter(([, n]) => n > 0);
  const lines = [
    `${counts.rows} rows read from column "${counts.territoryColumn}" (${how}): ${counts.placed} placed in ${Object.keys(counts.counts).length} ${Object.keys(counts.counts).length === 1 ? 'territory' : 'territories'}, ${counts.empty} empty, ${counts.filtered} filtered, ${counts.unrecognised} unrecognised.`,
  ];
  if (counts.countryFilter && !counts.countryFilter.automatic) {
    const left = Object.entries(counts.filteredByCountry).map(([code, n]) => `${code} ${n}`).join(', ');
    lines.push(`Filter: column "${counts.countryFilter.column}" names ${counts.countryFilter.values.map((v) => JSON.stringify(v)).join(', ')} or is empty (matched by code and name; ${counts.filtered} rows left out${left ? `: ${left}` : ''}).`);
  }
  if (reasons.length > 0) lines.push(`Unrecognised by reason: ${reasons.map(([r, n]) => `${r} ${n}`).join(', ')}.`);
  if (counts.placedByZip > 0) lines.push(`${counts.placedByZip} rows placed by ZIP code.`);
  for (const note of counts.notes) lines.push(`${note.charAt(0).toUpperCase()}${note.slice(1)}.`);
  if (counts.unrecognisedValues.length > 0) {
    lines.push(`Most frequent unrecognised values: ${counts.unrecognisedValues.map((v) => `${JSON.stringify(v.value)} (${v.rows})`).join(', ')}.`);
  }
  lines.push('Largest territories:', ...top.map(([id, n]) => `  ${id.padEnd(8)} ${String(n).padStart(12)}`));
  return `${lines.join('\n')}\n`;
}

/** The `list summarize` command. */
export const listSummarizeCommand: Command = {
  name: 'list summarize',
  summary: 'Count a supporter list (CSV or .xlsx) per territory; keep only the counts.',
  details: [
    'Streams the file (any size; CSV in UTF-8 with or without BOM, Latin-1 or UTF-16 such as Excel\'s "Unicode Text",',
    'with or without BOM; ",", ";" or tab; quoted fields; or an .xlsx workbook\'s first sheet, read without writing',
    'anything to disk, its shared strings at most 128 MB, no part inflating more than 100 times: ZIP bombs are refused)',
    'and maps the territory column to result units:',
    'US: USPS codes, state names, dotted abbreviations (N.C., Mass.), ZIP codes, or "PA 19103" cells;',
    'France: département codes, the Ministry\'s Z codes (ZA…ZZ), names, and postcodes (1000 is read as 01000).',
    'Every row lands in one bucket, printed: placed, empty, filtered (another country) or unrecognised by reason.',
    'Fewer than half the rows placed: a warning; none placed: exit 2 with the likely cause.',
    'Country: a column named like one (country, country_code, primary_country_code, Country/Region, Pays, Code pays…)',
    'filters by itself: a row of another country (by code or name: US, USA, United States; Georgia is the country) is',
    'never placed, so Brussels 1000 is not read as 01000 (Ain); an empty country cell is kept and counted.',
    '--country-column NAME --country-value V picks the column and the countries; --country-column none uses none.',
    'Column names ignore case, accents and punctuation; Departement also finds dept or code_departement, zip finds',
    'primary_zip. Restored leading zeros (1000 -> 01000) are counted and reported.',
    'Only counts are written, never a name, e-mail or phone; an unrecognised value is shown only when it is shaped like',
    'a code (FL, 75001, 2A) or within a typo of a territory name (Pensylvania), and shared by at least 3 rows.',
    'Use the counts in a scenario: campaigns: { D: { allocation: { file: counts.json } } }',
    '',
    'Examples:',
    '  campaign-lab list summarize supporters.csv --country us --territory-column state --out counts.json',
    '  campaign-lab list summarize mailchimp.csv --country us --territory-column Region --country-column Country --country-value US',
  ].join('\n'),
  spec: {
    positionals: [{ name: 'file', description: 'the supporter list (CSV or .xlsx)' }],
    options: {
      country: { type: 'string', required: true, valueName: 'us|fr', description: 'Country whose territories the list is matched to (any case).' },
      'territory-column': { type: 'string', required: true, valueName: 'NAME', description: 'Header of the column with the state, département, postcode or ZIP code.' },
      'country-column': { type: 'string', valueName: 'NAME|none', description: 'Column with each row\'s country (default: the one named like a country column); none: no country filter.' },
      'country-value': { type: 'string', multiple: true, valueName: 'V', description: 'A country of --country-column to keep, by code or name (US also keeps USA, United States); repeat for several.' },
      out: { type: 'string', valueName: 'FILE', description: 'Write the counts as JSON to FILE (atomically).' },
      json: { type: 'flag', description: 'Print the counts as one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const country = String(args.options.country).trim().toLowerCase();
    if (country !== 'us' && country !== 'fr') throw new InputError({ at: '--country', expected: 'us or fr', found: describeValue(args.options.country) });
    const column = args.options['territory-column'] as string;
    const file = args.positionals.file as string;
    const bar = new ProgressBar({ sink: context.stderr, enabled: context.stderrIsTTY, label: 'reading list' });
    let counts: SupporterListCounts;
    try {
      counts = await summarizeSupporterList(resolve(context.cwd, file), {
        country: country as ListCountry,
        territoryColumn: column,
        countryColumn: args.options['country-column'] as string | undefined,
        countryValues: args.options['country-value'] as string[] | undefined,
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
    for (const warning of counts.warnings) context.stderr.write(`campaign-lab: warning: ${escapeControlCharacters(`${file}: ${warning}`)}\n`);
    const out = args.options.out as string | undefined;
    // Never over the list itself, nor over a folder; a read-only place is exit 2 (writeFileAtomic).
    if (out) await writeFileAtomic(resolve(context.cwd, out), countsToJsonText(counts), context.signal, { shownPath: `--out ${out}`, inputs: [resolve(context.cwd, file)] });
    if (args.options.json) context.stdout.write(countsToJsonText(counts));
    else context.stdout.write(formatListCounts(counts) + (out ? `Counts written to ${out}\n` : ''));
  },
};
