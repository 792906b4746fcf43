import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadScenario } from '../../src/node/loadScenario.js';
import { parseScenarioText } from '../../src/scenario/parseScenarioText.js';
import { InputError } from '../../src/errors.js';
import { resolveScenario } from '../../src/scenario/resolveScenario.js';
import { loadResults } from '../../src/node/data/loadResults.js';
import { loadParameters } from '../../src/node/data/loadParameters.js';

const inputs = { results: loadResults({ country: 'us', year: 2016 }), parameters: loadParameters() };

const VALID = {
  name: 'property test',
  country: 'us',
  year: 2016,
  rule: 'electoral-college',
  sides: ['D', 'R'],
  simulations: 1000,
  seed: 1,
  uncertainty: { national: 2, regional: 1.5, territory: 2.5, tails: 6 },
  campaigns: { D: { listSize: 2000000, allocation: 'proportional', channels: { email: {}, door: { coverage: 0.1 } }, volunteers: 0.05 }, R: { listSize: 5000000 } },
};

/**
 * The loader's contract: a Scenario or an InputError with a one-line message naming the file (or the
 * --set option at fault); nothing else. Accepted scenarios then go through resolveScenario's semantic
 * checks against the 2016 results, under the same contract.
 */
function acceptsOrInputError(text: string, file: string, overrides: string[] = []): void {
  try {
    const scenario = parseScenarioText(text, file, { overrides });
    resolveScenario(scenario, { ...inputs, file });
  } catch (error) {
    assert.ok(error instanceof InputError, `not an InputError: ${(error as Error)?.stack ?? String(error)}`);
    assert.ok(!error.message.includes('\n'), `multi-line message: ${error.message}`);
    assert.ok(error.message.startsWith(file) || error.message.startsWith('--set'), `message names neither the file nor --set: ${error.message}`);
    assert.match(error.message, / must be .+/);
  }
}

test('parseScenarioText reads the DESIGN.md §5 example, in YAML and in JSON', () => {
  assert.deepEqual(parseScenarioText(stringify(VALID), 'a.yaml'), VALID);
  assert.deepEqual(parseScenarioText(JSON.stringify({ $schema: './scenario.schema.json', ...VALID }), 'a.json'), VALID);
});

test('--set overrides read values as YAML scalars and reach any key', () => {
  const s = parseScenarioText(stringify(VALID), 'a.yaml', { overrides: ['campaigns.D.listSize=3e6', 'sides=[R, D]', 'description=a test'] });
  assert.equal(s.campaigns?.D.listSize, 3000000);
  assert.deepEqual(s.sides, ['R', 'D']);
  assert.equal(s.description, 'a test');
});

test('loadScenario replaces allocation {file} by the counts list summarize wrote', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cl-scenario-'));
  writeFileSync(join(dir, 'counts.json'), JSON.stringify({ kind: 'supporter-list-counts', country: 'us', counts: { FL: 120, PA: 80 } }));
  const scenario = { ...VALID, campaigns: { D: { allocation: { file: 'counts.json' } } } };
  writeFileSync(join(dir, 's.yaml'), stringify(scenario));
  const loaded = await loadScenario(join(dir, 's.yaml'));
  assert.deepEqual(loaded.campaigns?.D.allocation, { counts: { FL: 120, PA: 80 } });
});

test('property: random JSON values as scenario files are accepted or rejected with an InputError', () => {
  fc.assert(
    fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom('x.yaml', 'x.json'), (value, file) => {
      acceptsOrInputError(file.endsWith('.json') ? JSON.stringify(value) : stringify(value), file);
    }),
    { numRuns: 500 },
  );
});

/** A mutation of the valid scenario: one key path set to a random value, removed, or renamed. */
const paths = ['name', 'country', 'year', 'rule', 'sides', 'sides.0', 'simulations', 'seed', 'uncertainty', 'uncertainty.tails', 'uncertainty.national',
  'campaigns', 'campaigns.D', 'campaigns.D.listSize', 'campaigns.D.allocation', 'campaigns.D.channels', 'campaigns.D.channels.door', 'campaigns.D.channels.door.coverage',
  'campaigns.D.channels.door.effect', 'campaigns.D.volunteers', 'campaigns.R', 'firstRound', 'threads', 'salience'];

function mutate(base: unknown, path: string[], action: 'set' | 'delete' | 'rename', value: unknown): unknown {
  if (path.length === 0) return value;
  if (base === null || typeof base !== 'object') return base;
  const copy: Record<string, unknown> = Array.isArray(base) ? ([...base] as unknown as Record<string, unknown>) : { ...(base as Record<string, unknown>) };
  const [key, ...rest] = path;
  if (rest.length === 0) {
    if (action === 'delete') delete copy[key];
    else if (action === 'rename') {
      copy[`${key}x`] = copy[key];
      delete copy[key];
    } else copy[key] = value;
    return copy;
  }
  copy[key] = mutate(copy[key], rest, action, value);
  return copy;
}

test('property: mutated scenarios are accepted or rejected with an InputError naming the file', () => {
  const anyValue = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.double(), fc.constantFrom(-1, 0, 1.5, 1e12, 'proportional', { central: 1, low: 2, high: 0 }, { shares: { FL: -1 } }, { file: 42 }));
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.constantFrom(...paths), fc.constantFrom('set', 'delete', 'rename') as fc.Arbitrary<'set' | 'delete' | 'rename'>, anyValue), { minLength: 1, maxLength: 4 }),
      fc.constantFrom('m.yaml', 'm.json'),
      (mutations, file) => {
        let scenario: unknown = VALID;
        for (const [path, action, value] of mutations) scenario = mutate(scenario, path.split('.'), action, value);
        acceptsOrInputError(file.endsWith('.json') ? JSON.stringify(scenario) : stringify(scenario), file);
      },
    ),
    { numRuns: 500 },
  );
});

test('property: random text and random --set overrides never escape as another exception', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 200 }), fc.array(fc.string({ maxLength: 30 }), { maxLength: 3 }), (text, overrides) => {
      acceptsOrInputError(text, 'r.yaml');
      acceptsOrInputError(stringify(VALID), 'r.yaml', overrides);
    }),
    { numRuns: 500 },
  );
});
