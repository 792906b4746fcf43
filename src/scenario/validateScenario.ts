/**
 * Validates a parsed scenario file against the JSON Schema generated from the `Scenario` type, with
 * messages that name the key path, what was expected and what was found, and "did you mean" for
 * unknown keys. Browser-safe: no file access.
 */
import { InputError, describeCell, describeValue, isShownCell } from '../errors.js';
import type { InputErrorDetails } from '../errors.js';
import { didYouMean } from './didYouMean.js';
import { scenarioSchema } from './schema.js';
import type { JsonSchema } from './schemaTypes.js';
import type { Scenario } from './types.js';
import { checkScenarioRules } from './checkScenarioRules.js';

/** One problem found by {@link findSchemaProblems}: key path (`campaigns.D.listSize`), expected, found. */
export interface SchemaProblem {
  path: string[];
  expected: string;
  found: string;
  hint?: string;
}

/**
 * Walks `value` against `schema` and lists every problem, in document order. Understands `$ref` to
 * `#/definitions/…`, `type`, `enum`, `const`, `anyOf`, `properties`, `required`,
 * `additionalProperties`, `items`, `minItems`/`maxItems`, `minimum`/`maximum` and their exclusive forms.
 * Time is linear in the size of `value`; with `limit` the walk stops once that many problems are found
 * (a file of 100,000 unknown keys is then refused as fast as one of a hundred).
 *
 * @param root the schema holding `definitions` that `$ref`s point into
 * @param limit most problems to collect
 * @example
 * findSchemaProblems({ a: 'x' }, { type: 'object', properties: { a: { type: 'number' } }, additionalProperties: false })
 * // => [{ path: ['a'], expected: 'a number', found: '"x"' }]
 */
export function findSchemaProblems(value: unknown, schema: JsonSchema, root: JsonSchema = schema, limit = Number.POSITIVE_INFINITY): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  walk(value, schema, root, [], problems, limit);
  return problems.slice(0, limit);
}

/** What a problem of a required key that is absent says was found. */
const MISSING = 'nothing (the key is required)';

/**
 * Checks a parsed scenario file against the scenario schema and returns it typed.
 *
 * @param value the parsed file (YAML or JSON), with any top-level `$schema` key
 * @param file file name for messages
 * @throws InputError naming the first problem's key path, what was expected and what was found
 * @example
 * validateScenario({ name: 'x', country: 'us', year: 2016, rule: 'electoral-college', sides: ['D', 'R'],
 *   simulations: 10, seed: 1, campains: {} }, 'a.yaml')
 * // throws InputError: a.yaml: campains must be a known key of the scenario, got an unknown key (did you mean "campaigns"?)
 */
export function validateScenario(value: unknown, file?: string): Scenario {
  const problems = findSchemaProblems(value, scenarioSchema, scenarioSchema, 100);
  if (problems.length > 0) throw new InputError(problemDetails(problemToShow(problems), file, problems.length - 1, problems.length >= 100));
  checkScenarioRules(value as Record<string, unknown>, file);
  const scenario = { ...(value as Record<string, unknown>) };
  delete scenario.$schema;
  return scenario as unknown as Scenario;
}

/**
 * The problem a message shows first: a misspelt required key is found twice (the key missing, and an unknown
 * key whose "did you mean" names it), and the misspelling explains the other, so it comes first; otherwise
 * the first problem found.
 *
 * @param problems At least one problem, in the order found.
 * @example
 * problemToShow([{ path: ['simulations'], expected: '…', found: 'nothing (the key is required)' }, { path: ['simulatons'], expected: '…', found: 'an unknown key', hint: 'did you mean "simulations"?' }]).path // => ['simulatons']
 */
export function problemToShow(problems: readonly SchemaProblem[]): SchemaProblem {
  const misspelt = problems.find((p) => p.found === 'an unknown key' && p.hint !== undefined && problems.some((q) => q.found === MISSING && p.hint === `did you mean "${q.path[q.path.length - 1]}"?`));
  return misspelt ?? problems[0]!;
}

/**
 * InputError details of a problem; `more` other problems are mentioned in the hint.
 *
 * @example
 * problemDetails({ path: ['year'], expected: 'a number', found: '"x"' }, 'a.yaml') // => { file: 'a.yaml', at: 'year', expected: 'a number', found: '"x"', hint: undefined }
 */
export function problemDetails(problem: SchemaProblem, file: string | undefined, more = 0, atLeast = false): InputErrorDetails {
  const hints = [problem.hint, more > 0 ? `${atLeast ? 'at least ' : ''}${more} more problem${more > 1 ? 's' : ''} after this one` : undefined].filter(Boolean);
  return {
    file,
    at: problem.path.length > 0 ? problem.path.map(shownKey).join('.') : 'the top level',
    expected: problem.expected,
    found: problem.found,
    hint: hints.length > 0 ? hints.join('; ') : undefined,
  };
}

/**
 * A key of a path as a message shows it: the key itself when shaped like a name, otherwise a
 * description (`(a 40-character key)`), since a file given as a scenario may be a list export whose
 * keys are names or e-mail addresses.
 */
function shownKey(key: string): string {
  return isShownCell(key) || /^[\w$-]+$/.test(key) && key.length <= 40 ? key : `(a ${[...key].length}-character key, not shown)`;
}

function resolveRef(schema: JsonSchema, root: JsonSchema): JsonSchema {
  let node = schema;
  const seen = new Set<string>();
  while (node.$ref) {
    const ref = node.$ref;
    if (seen.has(ref) || !ref.startsWith('#/definitions/')) break;
    seen.add(ref);
    const target = root.definitions?.[decodeURIComponent(ref.slice('#/definitions/'.length))];
    if (!target) break;
    // Keep the referring node's own constraints (description, default) over the target's.
    const { $ref: _unused, ...own } = node;
    node = { ...target, ...own, $ref: target.$ref };
    if (!target.$ref) delete node.$ref;
  }
  return node;
}

function typeOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function typeMatches(value: unknown, type: string): boolean {
  const actual = typeOf(value);
  if (type === 'number') return (actual === 'number' || actual === 'integer') && Number.isFinite(value as number);
  if (type === 'integer') return actual === 'integer';
  return actual === type;
}

/**
 * What a schema expects, in plain words (`a number from 0 to 1`, `one of "us", "fr"`).
 *
 * @example
 * describeSchema({ type: 'number', minimum: 0, maximum: 1 }, {}) // => 'a number from 0 to 1'
 */
export function describeSchema(schema: JsonSchema, root: JsonSchema): string {
  const s = resolveRef(schema, root);
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.length === 1 ? JSON.stringify(s.enum[0]) : `one of ${s.enum.map((e) => JSON.stringify(e)).join(', ')}`;
  if (s.anyOf) return s.anyOf.map((b) => describeSchema(b, root)).join(' or ');
  const types = Array.isArray(s.type) ? s.type : s.type ? [s.type] : [];
  return types.map((t) => describeType(t, s)).join(' or ') || 'any value';
}

function describeType(type: string, s: JsonSchema): string {
  if (type === 'number' || type === 'integer') {
    const noun = type === 'integer' ? 'an integer' : 'a number';
    const low = s.minimum ?? s.exclusiveMinimum;
    const high = s.maximum ?? s.exclusiveMaximum;
    if (low !== undefined && high !== undefined && s.exclusiveMinimum === undefined && s.exclusiveMaximum === undefined) {
      return `${noun} from ${low} to ${high}`;
    }
    const parts: string[] = [];
    if (s.minimum !== undefined) parts.push(`≥ ${s.minimum}`);
    if (s.exclusiveMinimum !== undefined) parts.push(`> ${s.exclusiveMinimum}`);
    if (s.maximum !== undefined) parts.push(`≤ ${s.maximum}`);
    if (s.exclusiveMaximum !== undefined) parts.push(`< ${s.exclusiveMaximum}`);
    return parts.length > 0 ? `${noun} ${parts.join(' and ')}` : noun;
  }
  if (type === 'object') {
    const keys = Object.keys(s.properties ?? {}).filter((k) => k !== '$schema');
    if (keys.length === 0) return 'an object (a map of names to values)';
    return `an object with ${keys.length === 1 ? 'key' : 'keys'} ${keys.join(', ')}`;
  }
  if (type === 'array') {
    if (s.minItems !== undefined && s.minItems === s.maxItems) return `a list of ${s.minItems} items`;
    return 'a list';
  }
  if (type === 'string') return 'a text';
  if (type === 'boolean') return 'true or false';
  return type;
}

function describeFound(value: unknown): string {
  const type = typeOf(value);
  if (type === 'object') {
    const keys = Object.keys(value as object);
    if (keys.length === 0) return 'an object with keys (none)';
    const shown = keys.slice(0, 12).map(shownKey);
    return `an object with keys ${shown.join(', ')}${keys.length > 12 ? ` and ${keys.length - 12} more` : ''}`;
  }
  if (type === 'array') return `a list of ${(value as unknown[]).length} item${(value as unknown[]).length === 1 ? '' : 's'}`;
  return typeof value === 'string' ? describeCell(value) : describeValue(value);
}

function walk(value: unknown, schemaIn: JsonSchema, root: JsonSchema, path: string[], out: SchemaProblem[], limit = Number.POSITIVE_INFINITY): void {
  if (out.length >= limit) return;
  const schema = resolveRef(schemaIn, root);
  if (schema.anyOf) {
    walkAnyOf(value, schema, root, path, out, limit);
    return;
  }
  if (schema.const !== undefined && value !== schema.const) {
    out.push({ path, expected: JSON.stringify(schema.const), found: describeFound(value) });
    return;
  }
  if (schema.enum && !schema.enum.includes(value as never)) {
    const hint = typeof value === 'string' ? didYouMean(value, schema.enum.map(String)) : undefined;
    out.push({ path, expected: describeSchema(schema, root), found: describeFound(value), hint: hint ? `did you mean "${hint}"?` : undefined });
    return;
  }
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  if (types.length > 0 && !types.some((t) => typeMatches(value, t))) {
    out.push({ path, expected: describeSchema(schema, root), found: describeFound(value) });
    return;
  }
  if (typeof value === 'number') {
    const tooLow =
      (schema.minimum !== undefined && value < schema.minimum) ||
      (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum);
    const tooHigh =
      (schema.maximum !== undefined && value > schema.maximum) ||
      (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum);
    if (tooLow || tooHigh) out.push({ path, expected: describeSchema(schema, root), found: describeValue(value) });
    return;
  }
  if (Array.isArray(value)) walkArray(value, schema, root, path, out, limit);
  else if (value !== null && typeof value === 'object') walkObject(value as Record<string, unknown>, schema, root, path, out, limit);
}

/** An array's size, then each item against `items` (one schema, or one per position). */
function walkArray(value: unknown[], schema: JsonSchema, root: JsonSchema, path: string[], out: SchemaProblem[], limit: number): void {
  if ((schema.minItems !== undefined && value.length < schema.minItems) || (schema.maxItems !== undefined && value.length > schema.maxItems)) {
    out.push({ path, expected: describeSchema(schema, root), found: describeFound(value) });
    return;
  }
  for (let i = 0; i < value.length && out.length < limit; i += 1) {
    const itemSchema = Array.isArray(schema.items) ? schema.items[i] : schema.items;
    if (itemSchema) walk(value[i], itemSchema, root, [...path, String(i)], out, limit);
  }
}

/** An object's required keys, then each own key: its name, its known property, or the extra keys' rule. */
function walkObject(record: Record<string, unknown>, schema: JsonSchema, root: JsonSchema, path: string[], out: SchemaProblem[], limit: number): void {
  const properties = schema.properties ?? {};
  for (const key of schema.required ?? []) {
    if (!(key in record) || record[key] === undefined) {
      out.push({ path: [...path, key], expected: describeSchema(properties[key] ?? {}, root), found: MISSING });
    }
  }
  for (const key in record) {
    if (out.length >= limit) return;
    if (!Object.prototype.hasOwnProperty.call(record, key)) continue;
    const item = record[key];
    if (item === undefined) continue;
    if (schema.propertyNames) {
      const keyProblems: SchemaProblem[] = [];
      walk(key, schema.propertyNames, root, [...path, key], keyProblems);
      if (keyProblems.length > 0) {
        out.push({ path: [...path, key], expected: `a key that is ${describeSchema(schema.propertyNames, root)}`, found: describeCell(key) });
        continue;
      }
    }
    const propertySchema = properties[key];
    if (propertySchema) {
      walk(item, propertySchema, root, [...path, key], out, limit);
    } else if (schema.additionalProperties === false) {
      const known = Object.keys(properties).filter((k) => k !== '$schema');
      const suggestion = key.length <= 64 ? didYouMean(key, known) : undefined;
      out.push({
        path: [...path, key],
        expected: `one of the keys ${known.join(', ')}`,
        found: 'an unknown key',
        hint: suggestion ? `did you mean "${suggestion}"?` : undefined,
      });
    } else if (schema.additionalProperties && typeof schema.additionalProperties === 'object') {
      walk(item, schema.additionalProperties, root, [...path, key], out, limit);
    }
  }
}

/**
 * anyOf: accepted when one branch has no problem. Otherwise the branch that went deepest into the
 * value (the one whose shape matched, failing further down) explains the problem; when no branch got
 * past the value itself, the message lists every alternative.
 */
function walkAnyOf(value: unknown, schema: JsonSchema, root: JsonSchema, path: string[], out: SchemaProblem[], limit = Number.POSITIVE_INFINITY): void {
  let best: SchemaProblem[] | undefined;
  let bestDepth = -1;
  for (const branch of schema.anyOf ?? []) {
    const problems: SchemaProblem[] = [];
    walk(value, branch, root, path, problems, limit);
    if (problems.length === 0) return;
    const depth = Math.max(...problems.map((p) => p.path.length));
    if (depth > bestDepth) {
      best = problems;
      bestDepth = depth;
    }
  }
  if (best && bestDepth > path.length) {
    out.push(...best);
    return;
  }
  out.push({ path, expected: describeSchema(schema, root), found: describeFound(value) });
}
