import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, runMain } from './cliHarness.js';

test('campaign-lab schema prints the committed scenarios/scenario.schema.json, one JSON document', async () => {
  const r = await runMain(['schema']);
  assert.equal(r.code, 0);
  const committed = JSON.parse(readFileSync(join(projectRoot, 'scenarios/scenario.schema.json'), 'utf8'));
  assert.deepEqual(JSON.parse(r.stdout), committed);
  assert.equal(committed.definitions.Scenario.additionalProperties, false);
  // country + year, or race instead: which of them is required is checked after the schema (checkRaceKeys).
  assert.deepEqual(committed.definitions.Scenario.required.slice().sort(), ['name', 'rule', 'seed', 'sides', 'simulations']);
});
