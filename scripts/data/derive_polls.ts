/**
 * Derives the project's poll tables in data/polls/ from the upstream poll files, and the small
 * excerpts of the upstream layouts the reader's tests use (test/fixtures/polls/).
 *
 * Upstream (data/SOURCES.md, "Polls", gives the same provenance):
 * - The Economist, github.com/TheEconomist/us-potus-model, commit b89e602 (2020-10-15), MIT licence
 *   (© The Economist, A. Gelman, M. Heidemanns): `data/all_polls_2008.csv`, `data/all_polls_2012.csv`
 *   and `data/all_polls.csv` (2016, HuffPost Pollster's layout).
 * - FiveThirtyEight, github.com/fivethirtyeight/data, `pollster-ratings/2023/raw-polls.csv` (commit
 *   fcf572c; the file last changed in fea5d9e, 2024-01-25), CC BY 4.0; codebook
 *   `pollster-ratings/README_PRE2024.md`.
 * The project's reference copies of them (../shared/reference/polls/, named as in UPSTREAM below) are
 * these files byte for byte, except the raw-polls copy, which holds the rows up to 2016 with CRLF line
 * ends; either form of the raw-polls file is accepted (the rows after 2016 are left out here). Every
 * input is checked against the git blob id of the version cited, so a table is never derived from
 * another version in silence.
 *
 * What is kept, and why: the layouts stay the upstream ones (src/polls/parsePollFile.ts reads them
 * unchanged), with only the columns the project reads and only the rows the product uses; every kept
 * cell is written as upstream wrote it (values and dates unchanged, in the upstream order of columns
 * and rows). Rows left out:
 * - the Economist's files: sub-population rows (`population` such as `Likely Voters - Democrat`), which
 *   are never a topline (the reader leaves them out), and polls that ended after election day, which
 *   no forecast can use (a forecast is made as of a day on or before the election; 2008 has 11);
 * - the raw-polls record: presidential primaries (`type_simple` `Pres-P`), which neither the forecast
 *   (general elections) nor the error calibration (scripts/data/fit_poll_error.ts leaves them out of
 *   its tables too) reads, and rows after 2016.
 * Each left-out row is counted under its reason and printed; a kept row that lacks a value the reader
 * needs (a unit, a date, both candidates' numbers) stops the script.
 *
 * The excerpts keep the upstream bytes (header and a few dozen whole lines, with the byte-order mark
 * and line ends of the source), so the reader is still tested on what people download: sub-population
 * rows, several questions of one poll, primaries and other races.
 *
 * Writes LF-terminated UTF-8 CSV (RFC 4180 quoting where a cell needs it); the same inputs give the
 * same bytes. Dev tool, run by hand, never at run time or in tests:
 *   node --import tsx scripts/data/derive_polls.ts <folder of the upstream files>
 * e.g. node --import tsx scripts/data/derive_polls.ts ../shared/reference/polls
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Papa from 'papaparse';
import { parseDelimited } from '../../src/io/parseDelimited.js';
import { parsePollDate, usElectionDay } from '../../src/polls/pollDates.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const source = process.argv[2];
if (!source) {
  console.error('usage: node --import tsx scripts/data/derive_polls.ts <folder of the upstream poll files>');
  process.exit(2);
}

/** Upstream files under the names the reference folder gives them, with the git blob ids accepted. */
const UPSTREAM = {
  2008: { name: 'economist_polls_2008.csv', blobs: { e2b51404b3ee97daa43602c9393560d2090c2acf: 'us-potus-model b89e602:data/all_polls_2008.csv' } },
  2012: { name: 'economist_polls_2012.csv', blobs: { b1b1faf555d9ec467f69c385e4d3ebcf2a08d96d: 'us-potus-model b89e602:data/all_polls_2012.csv' } },
  2016: { name: 'economist_polls_2016.csv', blobs: { '002a832315fdd39ed822fbdb2ff14947d623eb30': 'us-potus-model b89e602:data/all_polls.csv' } },
  raw: {
    name: 'fivethirtyeight_raw_polls_1998-2016.csv',
    blobs: {
      '3c5a9d31aca4898502abc645bf22820131f66954': 'fivethirtyeight/data fcf572c:pollster-ratings/2023/raw-polls.csv',
      '0bf468c04214705cc6d6c7adb226a5b96c662886': 'its rows up to 2016, CRLF line ends (the project\'s reference copy)',
    } as Record<string, string>,
  },
} as const;

/** Columns kept, in upstream order: the Economist's files (the reader's `economist` layout). */
const ECONOMIST_COLUMNS: Record<2008 | 2012 | 2016, string[]> = {
  2008: ['state', 'pollster', 'number.of.observations', 'start.date', 'end.date', 'obama', 'mccain', 'mode', 'population'],
  2012: ['state', 'pollster', 'number.of.observations', 'start.date', 'end.date', 'obama', 'romney', 'mode', 'population'],
  2016: ['state', 'pollster', 'start.date', 'end.date', 'entry.date.time..et.', 'number.of.observations', 'population', 'mode', 'trump', 'clinton'],
};
/**
 * Columns kept of the raw-polls record: what the reader's `fivethirtyeight-raw` layout reads (poll id,
 * year, unit, race type, pollster, method, date, sample size, both candidates' names, parties and
 * percents) and what the error calibration's tables read (race id, election date, both candidates'
 * results).
 */
const RAW_COLUMNS = ['poll_id', 'race_id', 'year', 'location', 'type_simple', 'pollster', 'methodology', 'polldate', 'samplesize', 'cand1_name', 'cand1_party', 'cand1_pct', 'cand2_name', 'cand2_party', 'cand2_pct', 'electiondate', 'cand1_actual', 'cand2_actual'];
const RAW_RACE_TYPES = new Set(['Pres-G', 'Sen-G', 'Gov-G', 'House-G']);

const fail = (message: string): never => {
  console.error(`derive_polls: ${message}`);
  process.exit(1);
};

/** Git's blob id of a file's bytes (sha1 of `blob <length>\0<bytes>`), so a version can be checked against its repository. */
function gitBlobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Reads an upstream file and checks it is a version cited. */
function readUpstream(spec: { name: string; blobs: Record<string, string> }): { text: string; bytes: Buffer; version: string } {
  const path = join(source!, spec.name);
  if (!existsSync(path)) fail(`${path} must be the upstream file ${spec.name}, got no such file`);
  const bytes = readFileSync(path);
  const blob = gitBlobId(bytes);
  const version = spec.blobs[blob] ?? fail(`${path} must be a version cited in data/SOURCES.md (git blob ${Object.keys(spec.blobs).join(' or ')}), got blob ${blob}`);
  return { text: bytes.toString('utf8'), bytes, version };
}

interface Derived {
  file: string;
  rows: number;
  leftOut: Record<string, number>;
}

/** Keeps `columns` of the rows `keep` accepts (it returns a reason to leave a row out, or undefined); writes `out`. */
function derive(text: string, file: string, columns: string[], out: string, keep: (cell: (name: string) => string, line: number) => string | undefined): Derived {
  const table = parseDelimited(text, { file, delimiter: ',' });
  const index = columns.map((name) => {
    const i = table.header.indexOf(name);
    return i >= 0 ? i : fail(`${file}: line 1 must have a column ${JSON.stringify(name)}, got ${table.header.join(', ')}`);
  });
  const rows: string[][] = [];
  const leftOut: Record<string, number> = {};
  for (const { line, cells } of table.records) {
    if (cells.length !== table.header.length) fail(`${file}: line ${line} must have ${table.header.length} cells, got ${cells.length}`);
    const cell = (name: string) => cells[table.header.indexOf(name)];
    const reason = keep(cell, line);
    if (reason !== undefined) {
      leftOut[reason] = (leftOut[reason] ?? 0) + 1;
      continue;
    }
    rows.push(index.map((i) => cells[i]));
  }
  const csv = `${Papa.unparse({ fields: columns, data: rows }, { newline: '\n' })}\n`;
  // The table read back must be what was kept, cell for cell.
  const back = parseDelimited(csv, { file: out, delimiter: ',' });
  if (back.header.join('\u0000') !== columns.join('\u0000') || back.records.length !== rows.length || back.records.some((r, k) => r.cells.join('\u0000') !== rows[k].join('\u0000'))) fail(`${out}: the written table does not read back as the rows kept`);
  if (rows.length + Object.values(leftOut).reduce((s, n) => s + n, 0) !== table.records.length) fail(`${file}: rows kept and left out must add up to the ${table.records.length} rows read`);
  writeFileSync(join(root, out), csv);
  return { file: out, rows: rows.length, leftOut };
}

/** A cell that must hold a value the reader needs. */
function required(file: string, line: number, name: string, value: string, check: (v: string) => boolean, expected: string): string {
  if (!check(value)) fail(`${file}: line ${line}, column ${name} must be ${expected}, got ${JSON.stringify(value)}`);
  return value;
}
const isNumber = (v: string) => v.trim() !== '' && Number.isFinite(Number(v));
const isDate = (v: string) => parsePollDate(v) !== undefined;

const written: Derived[] = [];
const versions: string[] = [];
const economist: Record<number, string> = {};
for (const year of [2008, 2012, 2016] as const) {
  const spec = UPSTREAM[year];
  const { text, version } = readUpstream(spec);
  versions.push(`${spec.name}: ${version}`);
  economist[year] = text;
  const columns = ECONOMIST_COLUMNS[year];
  const [d, r] = year === 2016 ? ['clinton', 'trump'] : ['obama', year === 2008 ? 'mccain' : 'romney'];
  const electionDay = usElectionDay(year);
  written.push(
    derive(text, spec.name, columns, `data/polls/us-president-${year}-polls.csv`, (cell, line) => {
      if (/ - /.test(cell('population'))) return 'sub-population (not a topline)';
      required(spec.name, line, 'state', cell('state'), (v) => v.trim() !== '', 'a state code or -- (national)');
      required(spec.name, line, 'start.date', cell('start.date'), isDate, 'a date');
      const end = parsePollDate(required(spec.name, line, 'end.date', cell('end.date'), isDate, 'a date'))!;
      required(spec.name, line, d, cell(d), isNumber, 'a number');
      required(spec.name, line, r, cell(r), isNumber, 'a number');
      if (end > electionDay) return 'ended after election day';
      return undefined;
    }),
  );
}
{
  const spec = UPSTREAM.raw;
  const { text, version } = readUpstream(spec);
  versions.push(`${spec.name}: ${version}`);
  written.push(
    derive(text, spec.name, RAW_COLUMNS, 'data/polls/poll-record-1998-2016.csv', (cell, line) => {
      if (Number(cell('year')) > 2016) return 'after 2016';
      const type = cell('type_simple');
      if (type === 'Pres-P') return 'presidential primary';
      if (!RAW_RACE_TYPES.has(type)) fail(`${spec.name}: line ${line}, column type_simple must be one of Pres-G, Sen-G, Gov-G, House-G or Pres-P, got ${JSON.stringify(type)}`);
      required(spec.name, line, 'location', cell('location'), (v) => v.trim() !== '', 'a unit');
      required(spec.name, line, 'polldate', cell('polldate'), isDate, 'a date');
      required(spec.name, line, 'electiondate', cell('electiondate'), isDate, 'a date');
      for (const name of ['cand1_pct', 'cand2_pct', 'cand1_actual', 'cand2_actual']) required(spec.name, line, name, cell(name), isNumber, 'a number');
      return undefined;
    }),
  );

  // --- Excerpts of the upstream layouts, byte for byte, for the reader's tests -------------------
  // `eol`: the line end written (default the source's own).
  const excerpt = (name: string, text: string, pick: (line: string, n: number) => boolean, description: string, eol?: string) => {
    const sourceEol = text.includes('\r\n') ? '\r\n' : '\n';
    const lines = text.split(sourceEol);
    eol ??= sourceEol;
    const last = lines.at(-1) === '' ? lines.pop() : undefined;
    const kept = lines.filter((l, i) => i === 0 || pick(l, i + 1));
    if (kept.some((l) => /[\r\n]/.test(l))) fail(`${name}: a line kept holds a line break of another style`);
    const out = `test/fixtures/polls/${name}`;
    writeFileSync(join(root, out), kept.join(eol) + (last === '' ? eol : ''));
    console.log(`${out}: header and ${kept.length - 1} lines (${description})`);
  };
  excerpt('economist-2008-excerpt.csv', economist[2008], (_, n) => n <= 21 || (n >= 1006 && n <= 1016) || [1272, 1275, 1324].includes(n), 'lines 2–21, state polls; 1006–1016, national polls of the final days; 1272, 1275 and the last line, 1324, national polls after the election (1272 without a sample size)');
  excerpt('economist-2016-excerpt.csv', economist[2016], (_, n) => n <= 41, 'lines 2–41: national polls of 2–7 November 2016, with their sub-population rows and several questions per poll');
  // Raw polls: the first 4 rows of the file (1998), the first 4 of each race type in 2016 and 2012's first 4
  // presidential rows, and every 2016 row of Maine's and Nebraska's districts.
  const header = text.split(/\r?\n/)[0].split(',');
  const [cYear, cType, cLoc] = ['year', 'type_simple', 'location'].map((c) => header.indexOf(c));
  const seen = new Map<string, number>();
  excerpt(
    'raw-polls-excerpt.csv',
    text,
    (l, n) => {
      if (n <= 5) return true;
      const cells = Papa.parse<string[]>(l).data[0] ?? [];
      const [year, type] = [cells[cYear], cells[cType]];
      if (year === '2016' && type === 'Pres-G' && ['M1', 'M2', 'N2'].includes(cells[cLoc])) return true;
      if (!(year === '2016' || (year === '2012' && type === 'Pres-G'))) return false;
      const key = `${year} ${type}`;
      const count = seen.get(key) ?? 0;
      seen.set(key, count + 1);
      return count < 4;
    },
    'the first 4 rows (1998), the first 4 rows of each race type of 2016 and of 2012\'s presidential general election, every 2016 row of M1, M2, N2; LF line ends, as upstream',
    '\n',
  );
}
for (const d of written) console.log(`${d.file}: ${d.rows} rows; left out: ${Object.entries(d.leftOut).map(([r, n]) => `${n} ${r}`).join(', ') || 'none'}`);
for (const v of versions) console.log(`input ${v}`);
