/**
 * Scenario text to a validated scenario object: YAML 1.2 or JSON, `key=value` overrides, the JSON Schema
 * generated from the `Scenario` type, each problem an {@link InputError} naming the file, the key path
 * (and its line), what was expected and what was found. Browser-safe: src/node/loadScenario.ts reads
 * the file and the files it names.
 */
import { LineCounter, isMap, isScalar, isSeq, parseDocument, parse as parseYaml } from 'yaml';
import type { Document } from 'yaml';
import { InputError, describeCell, describeKey, describeValue } from '../errors.js';
import { parseJsonText } from '../data/parseJsonText.js';
import type { ElectionResults } from '../model/types.js';
import { setPath } from './setPath.js';
import { findSchemaProblems, problemDetails, problemToShow } from './validateScenario.js';
import { checkScenarioRules } from './checkScenarioRules.js';
import { scenarioSchema } from './schema.js';
import type { Scenario } from './types.js';

/** Options of {@link parseScenarioText} and {@link loadScenario}. */
export interface ScenarioLoadOptions {
  /** `key=value` overrides (`campaigns.D.listSize=3000000`); values are read as YAML scalars. */
  overrides?: readonly string[];
  /** Key path → value, set after `overrides` (`{'campaigns.D.listSize': 3e6}`), as the one-call API takes them. */
  set?: Readonly<Record<string, unknown>>;
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
  for (const [key, value] of Object.entries(options.set ?? {})) scenario = setPath(scenario, key, value);
  // At most 100 problems are collected: the message reports the first and counts the rest.
  const problems = findSchemaProblems(scenario, scenarioSchema, scenarioSchema, PROBLEM_LIMIT);
  if (problems.length > 0) {
    const shown = problemToShow(problems);
    const details = problemDetails(shown, file, problems.length - 1, problems.length >= PROBLEM_LIMIT);
    const problemPath = shown.path.join('.');
    const keys = [...(options.overrides ?? []).map((o) => o.slice(0, o.indexOf('=')).trim()), ...Object.keys(options.set ?? {})];
    const fromOverride = keys.some((key) => problemPath === key || problemPath.startsWith(`${key}.`));
    const line = fromOverride ? undefined : lineOf(doc ?? parseDocument(text, { lineCounter, uniqueKeys: false }), lineCounter, shown.path);
    if (fromOverride) details.at = `${details.at} (set by --set)`;
    else if (line !== undefined) details.at = `${details.at} (line ${line})`;
    throw new InputError(details);
  }
  checkScenarioRules(scenario, file);
  const result = { ...scenario };
  delete result.$schema;
  return result as unknown as Scenario;
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
