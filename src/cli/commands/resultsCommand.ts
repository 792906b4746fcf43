/**
 * `campaign-lab results`: prints a published result (US presidential by state and district, French
 * presidential by département) from the project's data/, or a race read from the user's own file.
 */
import type { Command } from '../CliContext.js';
import { printJson } from '../printJson.js';
import { formatCount, formatShare } from '../../briefing/formatNumber.js';
import { loadResults } from '../../node/data/loadResults.js';
import { readRaceFile } from '../../node/readRaceFile.js';
import { InputError, describeValue } from '../../errors.js';
import type { ElectionResults } from '../../model/types.js';
import type { RaceFileOptions, RaceFileResults, RaceFormat } from '../../data/race/raceTypes.js';
import type { ElectoralVotesCast } from '../../data/electoralVotesCast.js';
import { loadElectoralVotesCast } from '../../node/data/loadElectoralVotesCast.js';
import { tippingPoint } from '../../analysis/tippingPoint.js';
import { encodingInWords } from '../../io/decodeText.js';

/**
 * A plain-text table of a result: one line per unit, then the totals. Popular-vote shares name their
 * denominator (all votes cast, and the two-party share beside it); US electoral votes are labelled
 * pledged (the unit winners') and, when `cast` is given, as cast by the electors. With weights, the
 * tipping point and the electoral-college (or seat) bias follow, on margins over all votes cast, the
 * convention of the published tables (2012: Colorado, 1.51 pp).
 *
 * @param results a published result
 * @param cast US only: the electoral votes cast by the electors that year (loadElectoralVotesCast)
 * @example
 * formatResults(loadResults({ country: 'us', year: 2000 })).split('\n')[0] // => 'US 2000: D vs R'
 * // with loadElectoralVotesCast(2016), the 2016 text ends with:
 * // 'Electoral votes (EV) pledged (to the winner of each state and district): D 232, R 306 of 538'
 * // 'Electoral votes cast by the electors: D 227, R 304, others 7 (faithless) of 538'
 */
function formatResults(results: ElectionResults, cast?: ElectoralVotesCast): string {
  const [a, b] = results.sides;
  const lines = [
    `${results.country.toUpperCase()}${results.year > 0 ? ` ${results.year}` : ''}${results.round ? `, round ${results.round}` : ''}: ${a} vs ${b}`,
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
  if (totalWeight > 0) lines.push(tippingLine(results));
  if (cast) {
    const others = [cast.other > 0 ? `, others ${cast.other} (faithless)` : '', cast.notCast > 0 ? `, ${cast.notCast} not cast` : ''].join('');
    lines.push(`Electoral votes cast by the electors: ${a} ${cast[a as 'D' | 'R']}, ${b} ${cast[b as 'D' | 'R']}${others} of ${cast.total}`);
  }
  lines.push(`Source: ${results.source}`);
  return `${lines.join('\n')}\n`;
}

/** The tipping point of a weighted result and its bias, in words (margins over all votes cast). */
function tippingLine(results: ElectionResults): string {
  const bias = results.country === 'us' && results.units.reduce((s, u) => s + u.weight, 0) === 538 ? 'electoral-college bias' : 'bias of the weights';
  try {
    const t = tippingPoint(results);
    const loser = results.sides[0] === t.winner ? results.sides[1] : results.sides[0];
    const signed = (x: number) => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(2)}`;
    return `Tipping point (units ordered by the winner's margin over all votes cast, as published tables do): ${t.id} ${t.name}, ${t.winner} ${signed(t.marginPp)} pp there against ${signed(t.nationalMarginPp)} pp nationally: ${bias} ${Math.abs(t.biasPp).toFixed(2)} pp toward ${t.biasPp >= 0 ? t.winner : loser}`;
  } catch (error) {
    if (error instanceof InputError) return `Tipping point: none (neither side has a majority of the weight)`;
    throw error;
  }
}


/**
 * How a race file was read, in words: format, encoding, delimiter, then each column and what it was
 * read as, then the notes (rows skipped, round inferred, ballots not counted).
 *
 * @example
 * formatRaceFileReading(race, 'pa.csv').split('\n')[0] // => 'Read pa.csv as table (UTF-8, delimiter ",")'
 */
function formatRaceFileReading(race: RaceFileResults, path: string): string {
  const how = race.encoding ? `${encodingInWords(race.encoding)}, delimiter ${race.delimiter === '\t' ? 'tab' : JSON.stringify(race.delimiter)}${race.delimiter !== ',' ? ', decimal comma' : ''}` : 'workbook, first sheet';
  const width = Math.min(28, Math.max(...race.columns.map((c) => c.column.length)));
  const lines = [`Read ${path} as ${race.format} (${how})`, 'Columns:'];
  for (const c of race.columns) {
    if (c.column.length > width) lines.push(`  ${c.column}`, `  ${''.padEnd(width)}  ${c.readAs}`);
    else lines.push(`  ${c.column.padEnd(width)}  ${c.readAs}`);
  }
  if (race.notes.length > 0) {
    lines.push('Notes:');
    for (const n of race.notes) lines.push(`  ${n}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Reads `--weights`: `electoral-votes`, `0`, or a column name. */
function weightsOption(value: unknown): RaceFileOptions['weights'] | undefined {
  if (value === undefined) return undefined;
  return value === '0' ? 0 : String(value);
}

/** Reads `--sides A,B`. */
function sidesOption(value: unknown): [string, string] | undefined {
  if (value === undefined) return undefined;
  const parts = String(value).split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) throw new InputError({ at: '--sides', expected: 'two sides separated by a comma (D,R)', found: describeValue(value) });
  return [parts[0]!, parts[1]!];
}

/** The `results` command. */
export const resultsCommand: Command = {
  name: 'results',
  summary: 'Print a published election result, or a race from your own file, by territory.',
  details: [
    'US presidential elections 2000–2024 by state, DC and Maine/Nebraska district; French presidential 2007, 2012 and 2022 by département.',
    'With unit weights, the text names the tipping point and the electoral-college bias on margins over all votes',
    'cast, as published tables give them (2012: Colorado, 1.51 pp).',
    '',
    'With --file, reads your own results file instead: the project table (id,name,weight,<side>…[,other][,region][,eligible]),',
    "(a column named like a total, such as total_votes or Exprimés, is the total, checked against the sum),",
    "a MIT Election Lab president-by-state file (--year picks the year), or the Ministère de l'Intérieur's",
    '"résultats par niveau" file (.txt, .csv or .xlsx). Encoding (UTF-8, UTF-16 with or without BOM, Latin-1/',
    'Windows-1252) and delimiter (, ; tab) are detected, a workbook by its content, not its name; in text mode the',
    'output says which column was read as what. Only a regular file of at most 32 MB is read (a folder, /dev/zero',
    'or a FIFO is refused before reading); a workbook at most 4,000,000 cells, each part inflating at most 100 times',
    'its compressed size (ZIP bombs are refused, pictures never inflated, nothing written to disk).',
    '',
    'Examples: campaign-lab results --country us --year 2000 --json',
    '          campaign-lab results --country fr --year 2022 --round 2',
    '          campaign-lab results --file resultats-par-niveau-dpt-t2-france-entiere.xlsx',
    '          campaign-lab results --file 1976-2020-president.csv --year 2020 --json',
  ].join('\n'),
  spec: {
    positionals: [],
    options: {
      country: { type: 'string', choices: ['us', 'fr'], valueName: 'us|fr', description: 'Country of a bundled election (with --year; default us).' },
      year: { type: 'integer', valueName: 'Y', description: 'Election year (bundled data; with --file: picks the year of a MEDSL file, else recorded).' },
      round: { type: 'integer', minimum: 1, valueName: 'R', description: 'France: round 1 or 2 (default 2; with --file, read from the file name or the number of candidates).' },
      file: { type: 'string', valueName: 'PATH', description: 'Read the race from this file instead of the bundled data.' },
      format: { type: 'string', choices: ['auto', 'table', 'medsl', 'fr-ministere'], valueName: 'auto|table|medsl|fr-ministere', description: 'Layout of --file (default auto: detected from the header).' },
      weights: { type: 'string', valueName: 'electoral-votes|0|COLUMN', description: 'Unit weights for --file (default: the weight column; electoral votes for MEDSL; 0 for French files).' },
      sides: { type: 'string', valueName: 'A,B', description: 'The two sides of --file, ours first (side columns, D,R, or French surnames).' },
      json: { type: 'flag', description: 'Print one JSON document on stdout.' },
    },
  },
  async run(args, context) {
    const o = args.options;
    if (o.file !== undefined) {
      if (o.country !== undefined) throw new InputError({ at: '--country', expected: 'absent with --file (the file holds the race)', found: describeValue(o.country) });
      const weights = weightsOption(o.weights);
      const sides = sidesOption(o.sides);
      const path = String(o.file);
      const race = await readRaceFile(path, {
        cwd: context.cwd,
        ...(o.format === undefined ? {} : { format: o.format as RaceFormat | 'auto' }),
        ...(o.year === undefined ? {} : { year: o.year as number }),
        ...(o.round === undefined ? {} : { round: o.round as number }),
        ...(weights === undefined ? {} : { weights }),
        ...(sides === undefined ? {} : { sides }),
      });
      if (o.json) printJson(context.stdout, race);
      else context.stdout.write(`${formatRaceFileReading(race, path)}\n${formatResults(race)}`);
      return;
    }
    for (const name of ['format', 'weights', 'sides'] as const) {
      if (o[name] !== undefined) throw new InputError({ at: `--${name}`, expected: 'used only with --file', found: describeValue(o[name]) });
    }
    if (o.year === undefined) throw new InputError({ at: '--year', expected: 'an election year', found: 'nothing' });
    const results = loadResults({
      country: (o.country as 'us' | 'fr' | undefined) ?? 'us',
      year: o.year as number,
      ...(o.round === undefined ? {} : { round: o.round as number }),
    });
    if (o.json) printJson(context.stdout, results);
    else context.stdout.write(formatResults(results, results.country === 'us' ? loadElectoralVotesCast(results.year) : undefined));
  },
};
