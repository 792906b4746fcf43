/**
 * Reads a scenario file (YAML or JSON), applies `--set key=value` overrides, validates it against the
 * schema generated from the `Scenario` type, and replaces `allocation: {file: counts.json}` by the
 * counts that `campaign-lab list summarize` wrote. Every problem becomes an {@link InputError} naming
 * the file, the key path (and its line when the file has it), what was expected and what was found.
 *
 * Node-only (file reading); {@link parseScenarioText} is the browser-safe part.
 */
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { LineCounter, isMap, isScalar, isSeq, parseDocument, parse as parseYaml } from 'yaml';
import type { Document } from 'yaml';
import { InputError, describeCell, describeColumns, describeKey, describeValue, isShownCell, keyPath } from '../errors.js';
import { parseJsonText } from '../data/parseJsonText.js';
import { readInputBytes, readInputText } from '../node/readInputFile.js';
import type { ElectionResults } from '../model/types.js';
import { setPath } from './setPath.js';
import { checkRaceKeys, findSchemaProblems, problemDetails } from './validateScenario.js';
import { scenarioSchema } from './schema.js';
import type { MarginEntry, Scenario } from './types.js';
import { LOW_PLACED_SHARE } from '../list/lowPlacedShare.js';

/** Options of {@link parseScenarioText} and {@link loadScenario}. */
export interface ScenarioLoadOptions {
  /** `key=value` overrides (`campaigns.D.listSize=3000000`); values are read as YAML scalars. */
  overrides?: readonly string[];
  /** Told about a counts file that placed few of its list's rows (fewer than half). */
  onWarning?: (message: string) => void;
  /**
   * The scenario path as the user wrote it, for messages (loadScenario only); a counts file is then
   * named as written when absolute, else joined to this path's folder. Defaults to the path read.
   */
  displayPath?: string;
}

/** Where {@link loadScenario} keeps a race file's parsed results on the scenario's `race` object (not JSON). */
const LOADED_RACE = Symbol('campaign-lab loaded race');

/** A race file as read: the results and the format it was read as. */
export interface LoadedRace {
  results: ElectionResults;
  format: string;
}

/**
 * The parsed race file {@link loadScenario} attached to a scenario with `race`, if any. The results ride
 * on the `race` object under a symbol, so copies made by spreading (overrides, list-size sweeps) keep
 * them and JSON output does not show them.
 *
 * @example
 * loadedRace(await loadScenario('scenarios/pennsylvania-2024-counties.yaml'))?.results.units.length // => 67
 */
export function loadedRace(scenario: Scenario): LoadedRace | undefined {
  const race = scenario.race as (Scenario['race'] & { [LOADED_RACE]?: LoadedRace }) | undefined;
  return race?.[LOADED_RACE];
}

/**
 * Returns a copy of the scenario whose `race` carries already parsed results (for callers that read
 * the race themselves, such as notebooks).
 *
 * @example
 * loadedRace(withLoadedRace(scenario, { results, format: 'table' }))?.format // => 'table'
 */
export function withLoadedRace(scenario: Scenario, loaded: LoadedRace): Scenario {
  if (!scenario.race) throw new InputError({ at: 'race', expected: 'a scenario with race', found: 'none' });
  return { ...scenario, race: Object.assign({ ...scenario.race }, { [LOADED_RACE]: loaded }) };
}

/** Largest scenario file read, bytes: scenarios are hand-written; anything bigger is a wrong file. */
export const MAX_SCENARIO_BYTES = 16 * 1024 * 1024;
/** Largest list a scenario accepts (the schema's `listSize` maximum), people. */
const MAX_LIST_SIZE = 1e9;
/** Largest counts file read, bytes: one count per territory is a few kilobytes. */
export const MAX_COUNTS_BYTES = 16 * 1024 * 1024;

/**
 * Parses and validates scenario text. Browser-safe.
 *
 * @param text file content (YAML 1.2 or JSON)
 * @param file name used in messages; `.json` selects the JSON parser
 * @throws InputError on a syntax error (with line and column), an empty file, a bad override, or a
 *   schema problem (with key path and line)
 * @example
 * parseScenarioText('name: x\ncountry: us\nyear: 2016\nrule: electoral-college\nsides: [D, R]\nsimulations: 10\nseed: 1\n',
 *   'a.yaml', { overrides: ['seed=7'] }).seed // => 7
 */
export function parseScenarioText(text: string, file: string, options: ScenarioLoadOptions = {}): Scenario {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError({ file, expected: 'a scenario (a YAML or JSON object)', found: 'an empty file' });
  const lineCounter = new LineCounter();
  let parsed: unknown;
  let doc: Document | undefined;
  if (/\.json$/i.test(file)) {
    parsed = parseJsonText(text, file);
  } else {
    // uniqueKeys off: the yaml package checks each key against every earlier one (quadratic: 50,000
    // keys took 46 s); duplicateKeyLine does the same check in one pass.
    doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: false });
    const duplicate = doc.errors.length === 0 ? duplicateKey(doc, lineCounter) : undefined;
    if (duplicate) throw new InputError({ file, at: `line ${duplicate.line}, column ${duplicate.col}`, expected: 'valid YAML', found: 'Map keys must be unique' });
    const error = doc.errors[0];
    if (error) {
      const position = error.linePos?.[0];
      throw new InputError({
        file,
        at: position ? `line ${position.line}, column ${position.col}` : undefined,
        expected: 'valid YAML',
        found: shortYamlMessage(error.message),
      });
    }
    try {
      parsed = doc.toJS({ maxAliasCount: 1000 });
    } catch (error) {
      throw new InputError({ file, expected: 'valid YAML', found: shortYamlMessage((error as Error).message) });
    }
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new InputError({
      file,
      at: 'the top level',
      expected: 'an object of scenario keys (name, country, year, ...)',
      // The file may be something else entirely (a list export): describe, never echo, its content.
      found: typeof parsed === 'string' ? `a text of ${[...parsed].length} characters (not shown)` : describeCell(parsed),
    });
  }
  let scenario = parsed as Record<string, unknown>;
  for (const override of options.overrides ?? []) scenario = applyOverride(scenario, override, file);
  // At most 100 problems are collected: the message reports the first and counts the rest.
  const problems = findSchemaProblems(scenario, scenarioSchema, scenarioSchema, PROBLEM_LIMIT);
  if (problems.length > 0) {
    const details = problemDetails(problems[0], file, problems.length - 1, problems.length >= PROBLEM_LIMIT);
    const problemPath = problems[0].path.join('.');
    const fromOverride = (options.overrides ?? []).some((o) => {
      const key = o.slice(0, o.indexOf('=')).trim();
      return problemPath === key || problemPath.startsWith(`${key}.`);
    });
    const line = fromOverride ? undefined : lineOf(doc ?? parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter, problems[0].path);
    if (fromOverride) details.at = `${details.at} (set by --set)`;
    else if (line !== undefined) details.at = `${details.at} (line ${line})`;
    throw new InputError(details);
  }
  checkRaceKeys(scenario, file);
  const result = { ...scenario };
  delete result.$schema;
  return result as unknown as Scenario;
}

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
  let scenario = parseScenarioText(text, shown, options);
  if (scenario.race) {
    const { file, format, year, round, weights } = scenario.race;
    // The race readers (exceljs among them) load only when a scenario names a race file.
    const { readRaceFile } = await import('../node/readRaceFile.js');
    const results = await readRaceFile(besideScenario(path, file), {
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
    const { pollsBaseline } = await import('../node/loadPollsBaseline.js');
    const read = await pollsBaseline(scenario, loadedRace(scenario)?.results, { path: besideScenario(path, polls.file), shown: besideScenario(shown, polls.file), scenarioFile: shown });
    scenario = { ...scenario, baseline: { ...scenario.baseline, polls: { ...read, forecast: { ...read.forecast!, file: polls.file } } } };
  }
  if (!scenario.campaigns) return scenario;
  const campaigns: Scenario['campaigns'] = {};
  for (const [side, campaign] of Object.entries(scenario.campaigns)) {
    const allocation = campaign.allocation;
    if (allocation && typeof allocation === 'object' && 'file' in allocation) {
      const countsPath = resolve(dirname(path), allocation.file);
      // Name the counts file as the user can find it: an absolute path as written, a relative one
      // joined to the scenario's folder.
      const shownPath = isAbsolute(allocation.file) ? allocation.file : join(dirname(shown), allocation.file);
      const counts = await readCountsFile(countsPath, shownPath, allocation.file, scenario.country ?? scenario.race?.country, `campaigns.${side}.allocation.file`, shown, options.onWarning);
      campaigns[side] = { ...campaign, allocation: { counts } };
    } else {
      campaigns[side] = campaign;
    }
  }
  return { ...scenario, campaigns };
}

/** A file named in a scenario: absolute as written, else relative to the scenario file's folder. */
function besideScenario(scenarioPath: string, file: string): string {
  return isAbsolute(file) ? file : join(dirname(scenarioPath), file);
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
export async function readMarginsFile(path: string, shown: string): Promise<Record<string, MarginEntry>> {
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

/** Applies one `key=value` override; the value is read as YAML (`3000000`, `true`, `[R, D]`, `abc`). */
function applyOverride(scenario: Record<string, unknown>, override: string, file: string): Record<string, unknown> {
  const eq = override.indexOf('=');
  if (eq <= 0) {
    throw new InputError({ at: '--set', expected: 'key=value, such as campaigns.D.listSize=3000000', found: describeValue(override) });
  }
  const key = override.slice(0, eq).trim();
  let value: unknown;
  try {
    value = parseYaml(override.slice(eq + 1));
  } catch {
    throw new InputError({ at: `--set ${key}`, expected: 'a YAML value', found: describeValue(override.slice(eq + 1)) });
  }
  try {
    return setPath(scenario, key, value);
  } catch (error) {
    if (error instanceof InputError) throw new InputError({ ...error.details, file, at: `--set ${key}: ${error.details.at ?? ''}`.replace(/: $/, '') });
    throw error;
  }
}

/** First line of a YAML parser message, without the code excerpt it appends. */
function shortYamlMessage(message: string): string {
  if (/call stack/i.test(message)) return 'lists or maps nested too deep';
  const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  return first.length > 100 ? `${first.slice(0, 97)}...` : first;
}

/** Most schema problems collected before validation stops. */
const PROBLEM_LIMIT = 100;

/**
 * First key given twice in one mapping, with its line and column; one pass over the document with a
 * set per mapping (linear in the number of keys).
 */
function duplicateKey(doc: Document, lineCounter: LineCounter): { line: number; col: number } | undefined {
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        const name = isScalar(key) ? String(key.value) : key === null || key === undefined ? '' : String(key);
        if (seen.has(name)) {
          const range = (key as { range?: [number, number, number] } | null)?.range;
          return range ? lineCounter.linePos(range[0]) : { line: 1, col: 1 };
        }
        seen.add(name);
        stack.push(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) stack.push(item);
    }
  }
  return undefined;
}

/** Line (1-based) of the node at `path` in the document, when it exists there (overrides may not). */
function lineOf(doc: Document, lineCounter: LineCounter, path: string[]): number | undefined {
  try {
    for (let n = path.length; n >= 1; n -= 1) {
      const node = doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
      if (node && typeof node === 'object' && node.range) return lineCounter.linePos(node.range[0]).line;
      // A key without a value node: find the pair's key instead.
      const parent = n > 1 ? (doc.getIn(path.slice(0, n - 1), true) as unknown) : doc.contents;
      const items = (parent as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null)?.items;
      const pair = items?.find((item) => item.key && String(item.key.value) === path[n - 1]);
      if (pair?.key?.range) return lineCounter.linePos(pair.key.range[0]).line;
    }
  } catch {
    return undefined;
  }
  return undefined;
}
