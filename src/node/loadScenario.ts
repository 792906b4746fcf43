/**
 * Reads a scenario file (YAML or JSON), applies `--set key=value` overrides, validates it against the
 * schema generated from the `Scenario` type, and replaces `allocation: {file: counts.json}` by the
 * counts that `campaign-lab list summarize` wrote. Every problem becomes an {@link InputError} naming
 * the file, the key path (and its line when the file has it), what was expected and what was found.
 *
 * Node-only (file reading); {@link parseScenarioText} is the browser-safe part.
 */
import { dirname, resolve } from 'node:path';
import { InputError, describeCell, describeColumns, describeKey, describeValue, isShownCell, keyPath } from '../errors.js';
import { parseJsonText } from '../data/parseJsonText.js';
import { besideScenario, readInputBytes, readInputText } from './readInputFile.js';
import { loadedRace, parseScenarioText, withLoadedRace, type ScenarioLoadOptions } from '../scenario/parseScenarioText.js';
import type { MarginEntry, Scenario } from '../scenario/types.js';
import { withMultiCandidateRace } from '../scenario/multiCandidateScenario.js';
import { MAX_LIST_SIZE } from '../scenario/checkScenarioRules.js';
import { LOW_PLACED_SHARE } from '../list/lowPlacedShare.js';

/** Largest scenario file read, bytes: scenarios are hand-written; anything bigger is a wrong file. */
const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;
/** Largest counts file read, bytes: one count per territory is a few kilobytes. */
const MAX_COUNTS_BYTES = 16 * 1024 * 1024;

/**
 * Reads, parses and validates a scenario file, then reads the files it names, each relative to the
 * scenario file: the `race` file (table, MEDSL or Ministry; see readRaceFile), a
 * `baseline.margins: {file}` CSV into its entries, a `baseline.polls: {file}` poll file into its
 * aggregated `forecast` (src/node/loadPollsBaseline.ts), and any `allocation: {file: …}` counts file into
 * `allocation: {counts}`.
 *
 * @param path scenario file (`.yaml`, `.yml` or `.json`)
 * @throws InputError when a file cannot be read or is invalid
 * @example
 * (await loadScenario('scenarios/florida-2000.yaml')).year // => 2000
 */
export async function loadScenario(path: string, options: ScenarioLoadOptions = {}): Promise<Scenario> {
  const shown = options.displayPath ?? path;
  const text = await readInputText(path, { expected: 'a scenario file (YAML or JSON)', maxBytes: MAX_SCENARIO_BYTES, shownPath: shown });
  return readScenarioFiles(parseScenarioText(text, shown, options), path, { ...options, displayPath: shown });
}

/**
 * Reads the files a validated scenario names, each relative to the scenario file's folder: the `race`
 * file, a `baseline.margins: {file}` CSV, a `baseline.polls: {file}` poll file and any `allocation: {file}`
 * counts file (see {@link loadScenario}).
 *
 * @param scenario a validated scenario (parseScenarioText, validateScenario)
 * @param path the scenario file's path (its folder is where relative file names are read)
 * @param options `displayPath` names the scenario in messages; `onWarning` for a counts file that placed few rows
 * @throws InputError when a named file cannot be read or is invalid
 * @example
 * (await readScenarioFiles(validateScenario(object), 'scenarios/x.yaml')).campaigns?.D?.allocation // => { counts: {…} } for a counts file
 */
export async function readScenarioFiles(scenario: Scenario, path: string, options: Pick<ScenarioLoadOptions, 'displayPath' | 'onWarning'> = {}): Promise<Scenario> {
  const shown = options.displayPath ?? path;
  // A bundled race, or a table of three or more candidates: every candidate kept, run by the K-candidate engine.
  const multi = scenario.race ? await (await import('./loadMultiCandidateScenario.js')).readMultiCandidateRace(scenario, path, shown) : undefined;
  // Our candidate's list counts file is read as for two sides (issue 20 section 5).
  if (multi) return readCampaignCounts(withMultiCandidateRace(scenario, multi), path, shown, options.onWarning);
  if (scenario.race) {
    const { format, year, round, weights } = scenario.race;
    const file = scenario.race.file!;
    // The race readers (exceljs among them) load only when a scenario names a race file.
    const { readRaceFile } = await import('./readRaceFile.js');
    // Messages name the file where the user can find it; its source (charts, summary.json, the
    // briefing) names it as the scenario writes it, never by an absolute path (the user's folders).
    const results = await readRaceFile(besideScenario(path, file), {
      shownPath: besideScenario(shown, file),
      sourceName: file,
      ...(format !== undefined ? { format } : {}),
      ...(year !== undefined ? { year } : {}),
      ...(round !== undefined ? { round } : {}),
      ...(weights !== undefined ? { weights } : {}),
      sides: scenario.sides,
    });
    scenario = withLoadedRace(scenario, { results, format: results.format });
  }
  const margins = scenario.baseline?.margins;
  if (margins && 'file' in margins && typeof margins.file === 'string') {
    const entries = await readMarginsFile(besideScenario(path, margins.file), besideScenario(shown, margins.file));
    scenario = { ...scenario, baseline: { ...scenario.baseline, margins: { file: margins.file, entries } as never } };
  }
  const polls = scenario.baseline?.polls;
  if (polls && typeof polls.file === 'string') {
    // The aggregation loads only when a scenario names a poll file.
    const { pollsBaseline } = await import('./loadPollsBaseline.js');
    const read = await pollsBaseline(scenario, loadedRace(scenario)?.results, { path: besideScenario(path, polls.file), shown: besideScenario(shown, polls.file), scenarioFile: shown });
    scenario = { ...scenario, baseline: { ...scenario.baseline, polls: { ...read, forecast: { ...read.forecast!, file: polls.file } } } };
  }
  return readCampaignCounts(scenario, path, shown, options.onWarning);
}

/** The scenario with each `allocation: {file}` replaced by the counts of the file. */
async function readCampaignCounts(scenario: Scenario, path: string, shown: string, onWarning: ((message: string) => void) | undefined): Promise<Scenario> {
  if (!scenario.campaigns) return scenario;
  const campaigns: Scenario['campaigns'] = {};
  for (const [side, campaign] of Object.entries(scenario.campaigns)) {
    const allocation = campaign.allocation;
    if (allocation && typeof allocation === 'object' && 'file' in allocation) {
      const countsPath = resolve(dirname(path), allocation.file);
      // Name the counts file as the user can find it: an absolute path as written, a relative one
      // joined to the scenario's folder.
      const shownPath = besideScenario(shown, allocation.file);
      const counts = await readCountsFile(countsPath, shownPath, allocation.file, scenario.country ?? scenario.race?.country, `campaigns.${side}.allocation.file`, shown, onWarning);
      campaigns[side] = { ...campaign, allocation: { counts } };
    } else {
      campaigns[side] = campaign;
    }
  }
  return { ...scenario, campaigns };
}


/**
 * Reads a whole text file, bounded to 16 MB, turning file-system errors into InputErrors; refuses
 * directories, devices and FIFOs before reading (see readInputText).
 *
 * @example
 * await readTextFile('missing.yaml', 'a scenario file') // throws InputError: missing.yaml must be a readable file: a scenario file, got no such file
 */
export async function readTextFile(path: string, expected: string): Promise<string> {
  return readInputText(path, { expected, maxBytes: MAX_SCENARIO_BYTES });
}

/**
 * Reads supporter counts: the JSON written by `campaign-lab list summarize` (`{kind:
 * 'supporter-list-counts', country, counts}`) or a plain object of counts per territory id.
 */
async function readCountsFile(path: string, shownPath: string, written: string, country: string | undefined, at: string, scenarioFile: string, onWarning?: (message: string) => void): Promise<Record<string, number>> {
  let text: string;
  try {
    text = await readInputText(path, { expected: 'a counts file written by campaign-lab list summarize', maxBytes: MAX_COUNTS_BYTES, shownPath });
  } catch (error) {
    if (error instanceof InputError) {
      throw new InputError({ ...error.details, file: scenarioFile, at, expected: `a readable counts file (${written})` });
    }
    throw error;
  }
  // A counts file may really be a list export: every value found in it is rendered by describeCell.
  const document = parseJsonText(text, shownPath) as Record<string, unknown> | null;
  if (document === null || typeof document !== 'object' || Array.isArray(document)) {
    throw new InputError({ file: shownPath, expected: 'an object of supporter counts (written by campaign-lab list summarize)', found: describeCell(document) });
  }
  if (country !== undefined && 'country' in document && document.country !== country) {
    throw new InputError({ file: shownPath, at: 'country', expected: `${JSON.stringify(country)} (the scenario's country)`, found: describeCell(document.country) });
  }
  // list summarize records how many of the list's rows it placed: a list mostly left out adds few votes.
  const { rows, placed } = document as { rows?: unknown; placed?: unknown };
  if (typeof rows === 'number' && typeof placed === 'number' && rows > 0 && placed / rows < LOW_PLACED_SHARE) {
    onWarning?.(`${written}: only ${placed} of the list's ${rows} rows were placed in a territory; ${at.replace(/\.file$/, '')} counts only those`);
  }
  const counts = ('counts' in document ? document.counts : document) as Record<string, unknown>;
  if (counts === null || typeof counts !== 'object' || Array.isArray(counts)) {
    throw new InputError({ file: shownPath, at: 'counts', expected: 'an object of counts per territory id', found: describeCell(counts) });
  }
  const out = new Map<string, number>(); // keys from the file: `__proto__` is a key like any other
  let total = 0;
  for (const [id, n] of Object.entries(counts)) {
    if (!isShownCell(id) && !/^[\w.-]{1,64}$/.test(id)) {
      // Not shaped like a territory id or name: a list export's keys (names, e-mails) are never shown.
      throw new InputError({ file: shownPath, at: 'counts', expected: 'keys that are territory ids (USPS codes, département codes)', found: `a key that is ${describeCell(id)}` });
    }
    const key = keyPath('counts', id);
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new InputError({ file: shownPath, at: key, expected: 'a non-negative integer', found: describeCell(n) });
    }
    out.set(id, n);
    total += n;
  }
  if (total > MAX_LIST_SIZE) {
    throw new InputError({ file: shownPath, at: 'counts', expected: `counts adding up to at most ${MAX_LIST_SIZE.toLocaleString('en-US')} people (the largest list size)`, found: `counts adding up to ${total}` });
  }
  return Object.fromEntries(out);
}

/**
 * Reads expected margins: CSV (`,` `;` or tab; any of the encodings decodeText detects) with header
 * `id,margin[,sd]`, margins and SDs in pp (decimal comma accepted with `;` or tab), or
 * `id,margin_share[,sd]` with margins as shares of the two-party vote (−0.075, read as −7.5 pp). A file of
 * `margin` values all within ±1 is refused later, by applyBaseline, as shares read as pp. Every row must name
 * a distinct id and give a margin from −100 to 100; an `sd` cell may be empty.
 *
 * @param path file to read
 * @param shown the path as messages show it
 * @returns `{margin, sd?}` per territory id
 * @throws InputError naming the file, line and column of a missing header column, a duplicate id or a
 *   bad number
 * @example
 * await readMarginsFile('polls.csv', 'polls.csv') // => { PA: { margin: 1.5 }, WI: { margin: 2, sd: 4 } }
 */
async function readMarginsFile(path: string, shown: string): Promise<Record<string, MarginEntry>> {
  const bytes = await readInputBytes(path, { expected: 'a readable margins file (CSV id,margin[,sd])', maxBytes: MAX_SCENARIO_BYTES, shownPath: shown });
  // The CSV and encoding libraries load only when a scenario names a margins file.
  const [{ decodeText }, { parseDelimited, parseNumberCell }] = await Promise.all([import('../io/decodeText.js'), import('../io/parseDelimited.js')]);
  const table = parseDelimited(decodeText(bytes).text, { file: shown });
  const header = table.header.map((h) => h.toLowerCase());
  const column = (name: string, required: boolean): number => {
    const i = header.indexOf(name);
    if (i < 0 && required) throw new InputError({ file: shown, at: 'line 1', expected: `a header with columns id, margin and optionally sd`, found: describeColumns(table.header) });
    return i;
  };
  const idColumn = column('id', true);
  // A margin_share column holds margins as shares of the two-party vote (−0.075), read as pp (−7.5).
  const shareColumn = header.indexOf('margin_share');
  const marginColumn = shareColumn >= 0 ? shareColumn : column('margin', true);
  const marginScale = shareColumn >= 0 ? 100 : 1;
  const sdColumn = column('sd', false);
  const decimalComma = table.delimiter !== ',';
  const out = new Map<string, MarginEntry>(); // keys from the file: `__proto__` is a key like any other
  for (const { line, cells } of table.records) {
    const id = (cells[idColumn] ?? '').trim();
    if (id === '') throw new InputError({ file: shown, at: `line ${line}, column id`, expected: 'a territory id', found: 'an empty cell' });
    if (out.has(id)) throw new InputError({ file: shown, at: `line ${line}, column id`, expected: 'each territory id once', found: describeKey(id) });
    const number = (index: number, name: string, min: number, max: number): number => {
      const cell = cells[index] ?? '';
      const value = parseNumberCell(cell, { decimalComma });
      if (value === undefined || value < min || value > max) {
        throw new InputError({ file: shown, at: `line ${line}, column ${name}`, expected: name === 'margin_share' ? `a share of the two-party vote from ${min} to ${max}` : `a number of pp from ${min} to ${max}`, found: describeCell(cell) });
      }
      return value;
    };
    const margin = shareColumn >= 0 ? marginScale * number(marginColumn, 'margin_share', -1, 1) : number(marginColumn, 'margin', -100, 100);
    const sdCell = sdColumn >= 0 ? (cells[sdColumn] ?? '').trim() : '';
    out.set(id, sdCell === '' ? { margin } : { margin, sd: number(sdColumn, 'sd', 0, 100) });
  }
  if (out.size === 0) throw new InputError({ file: shown, expected: 'at least one row of margins', found: 'a header only' });
  return Object.fromEntries(out);
}
