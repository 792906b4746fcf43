import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/scenario/loadScenario.js';
import { resolveLoadedScenario } from '../../src/cli/prepareScenario.js';

const dir = fileURLToPath(new URL('../../scenarios/', import.meta.url));
const files = readdirSync(dir).filter((f) => /\.(ya?ml|json)$/.test(f) && f !== 'scenario.schema.json');

test('scenarios/ holds the worked examples the issue names', () => {
  for (const name of ['default.yaml', 'florida-2000.yaml', 'blue-wall-2016.yaml', 'us-2020.yaml', 'france-2012.yaml']) assert.ok(files.includes(name), name);
});

test('every scenario names the schema for editors on its first line', () => {
  for (const f of files) {
    const first = readFileSync(join(dir, f), 'utf8').split('\n')[0];
    assert.equal(first, '# yaml-language-server: $schema=./scenario.schema.json', f);
  }
});

test('every scenario passes the schema and resolves against its baseline results', async () => {
  for (const f of files) {
    const scenario = await loadScenario(join(dir, f));
    const { resolved } = resolveLoadedScenario(scenario, f);
    assert.equal(resolved.sides.length, 2, f);
    assert.ok(resolved.territories.length > 50, `${f}: ${resolved.territories.length} territories`);
  }
});
