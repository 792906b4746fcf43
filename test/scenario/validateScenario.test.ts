import { test } from 'node:test';
import assert from 'node:assert/strict';
import { describeSchema, findSchemaProblems, validateScenario } from '../../src/scenario/validateScenario.js';
import type { JsonSchema } from '../../src/scenario/schemaTypes.js';
import { InputError } from '../../src/errors.js';

const schema: JsonSchema = {
  $ref: '#/definitions/Root',
  definitions: {
    Root: {
      type: 'object',
      properties: { share: { type: 'number', minimum: 0, maximum: 1 }, mode: { type: 'string', enum: ['fast', 'slow'] }, pick: { $ref: '#/definitions/Pick' }, list: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 2 } },
      required: ['share'],
      additionalProperties: false,
    },
    Pick: { anyOf: [{ type: 'string', const: 'auto' }, { type: 'object', properties: { counts: { type: 'object', additionalProperties: { type: 'number' } } }, required: ['counts'], additionalProperties: false }] },
  },
};

test('findSchemaProblems reports each problem with its key path, in document order', () => {
  const problems = findSchemaProblems({ share: 2, mode: 'fats', extra: 1, list: [1, 'a'] }, schema);
  assert.deepEqual(
    problems.map((p) => [p.path.join('.'), p.expected, p.found, p.hint]),
    [
      ['share', 'a number from 0 to 1', '2', undefined],
      ['mode', 'one of "fast", "slow"', '"fats"', 'did you mean "fast"?'],
      ['extra', 'one of the keys share, mode, pick, list', 'an unknown key', undefined],
      ['list.1', 'a number', '"a"', undefined],
    ],
  );
});

test('anyOf: the branch whose shape matched explains the problem; otherwise every alternative is listed', () => {
  assert.deepEqual(findSchemaProblems({ share: 0, pick: { counts: { FL: 'x' } } }, schema).map((p) => [p.path.join('.'), p.expected]), [['pick.counts.FL', 'a number']]);
  assert.deepEqual(findSchemaProblems({ share: 0, pick: 'manual' }, schema).map((p) => p.expected), ['"auto" or an object with key counts']);
  assert.equal(describeSchema({ type: 'number', exclusiveMinimum: 2, maximum: 10 }, schema), 'a number > 2 and ≤ 10');
});

test('validateScenario throws an InputError on the first problem and counts the others', () => {
  assert.throws(
    () => validateScenario({ name: 'x', country: 'us', year: 2016, rule: 'electoral-college', sides: ['D'], simulations: 0, seed: 1 }, 'a.yaml'),
    (e: unknown) => e instanceof InputError && e.message === 'a.yaml: sides must be a list of 2 items, got a list of 1 item (1 more problem after this one)',
  );
});

test('validateScenario is the one validator: integers where the types say so, and the rules a schema cannot say', () => {
  const base = { name: 'x', country: 'us', year: 2016, rule: 'electoral-college', sides: ['D', 'R'], simulations: 10, seed: 1 };
  assert.throws(() => validateScenario({ ...base, simulations: 2.5 }, 'a.yaml'), /a\.yaml: simulations must be an integer from 1 to 100000000, got 2\.5/);
  assert.throws(() => validateScenario({ ...base, threads: 1.5 }, 'a.yaml'), /threads must be an integer/);
  assert.throws(() => validateScenario({ ...base, sides: ['D', 'D'] }, 'a.yaml'), /sides must be two different side codes/);
  assert.throws(() => validateScenario({ ...base, rule: 'seats', threshold: 270 }, 'a.yaml'), /threshold must be absent unless rule is "electoral-college" \(use seatsToWin\)/);
  assert.throws(() => validateScenario({ ...base, name: '' }, 'a.yaml'), /name must be a non-empty string/);
  assert.throws(() => validateScenario({ ...base, campaigns: { D: { listSize: 5, allocation: { shares: { PA: 0 } } } } }, 'a.yaml'), /campaigns\.D\.allocation\.shares must be at least one positive share/);
  assert.throws(() => validateScenario({ ...base, campaigns: { D: { allocation: { counts: { PA: 6e8, WI: 6e8 } } } } }, 'a.yaml'), /counts adding up to at most 1,000,000,000 people/);
  assert.equal(validateScenario({ ...base, campaigns: { D: { allocation: { counts: { PA: 5 } } } } }, 'a.yaml').campaigns?.D?.listSize, undefined);
});

test('MAX_LIST_SIZE is the schema\'s listSize maximum', async () => {
  const { MAX_LIST_SIZE } = await import('../../src/scenario/checkScenarioRules.js');
  const { scenarioSchema } = await import('../../src/scenario/schema.js');
  const campaign = (scenarioSchema.definitions as Record<string, { properties: Record<string, { maximum?: number }> }>).CampaignSpec;
  assert.equal(campaign.properties.listSize.maximum, MAX_LIST_SIZE);
});

test('a misspelt required key is shown as the misspelling with its "did you mean", not as the key missing', () => {
  const scenario = { name: 'x', country: 'us', year: 2016, rule: 'electoral-college', sides: ['D', 'R'], simulatons: 100, seed: 1 };
  assert.throws(() => validateScenario(scenario, 'a.yaml'), (e: unknown) => e instanceof InputError && /^a\.yaml: simulatons must be one of the keys .*, got an unknown key \(did you mean "simulations"\?; 1 more problem after this one\)$/.test(e.message));
  // A missing key with no misspelling beside it is still reported as missing.
  const { simulatons: _typo, ...missing } = scenario;
  assert.throws(() => validateScenario(missing, 'a.yaml'), /a\.yaml: simulations must be an integer from 1 to 100000000, got nothing \(the key is required\)$/);
});
