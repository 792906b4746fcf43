import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadScenario } from '../../src/node/loadScenario.js';
import { resolveLoadedScenario } from '../../src/node/prepareScenario.js';
import { loadedMultiCandidateRace } from '../../src/scenario/multiCandidateScenario.js';

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

test('every scenario passes the schema and resolves against its baseline results (multi-candidate races: their race read whole)', async () => {
  for (const f of files) {
    const scenario = await loadScenario(join(dir, f));
    const multi = loadedMultiCandidateRace(scenario);
    if (multi) {
      assert.ok(multi.race.partyCount >= 3 && multi.race.units.ids.length > 100, f);
      continue;
    }
    const { resolved } = resolveLoadedScenario(scenario, f);
    assert.equal(resolved.sides.length, 2, f);
    assert.ok(resolved.territories.length > 50, `${f}: ${resolved.territories.length} territories`);
  }
});

test('the race-ahead scenarios: Pennsylvania by county (67 counties, popular vote) and France 2027 swung to a 52–48 runoff', async () => {
  const pa = resolveLoadedScenario(await loadScenario(join(dir, 'pennsylvania-2024-counties.yaml')), 'pennsylvania-2024-counties.yaml').resolved;
  assert.equal(pa.territories.length, 67);
  assert.equal(pa.rule, 'popular-vote');
  assert.deepEqual(pa.race, { file: '../data/races/pennsylvania-2024-counties.csv', format: 'table' });
  const allocated = Object.values(pa.campaigns.D.allocation);
  assert.equal(allocated.length, 67);
  assert.ok(Math.abs(allocated.reduce((s, n) => s + n, 0) - 342304) < 1e-6);
  const fr = resolveLoadedScenario(await loadScenario(join(dir, 'france-2027.yaml')), 'france-2027.yaml').resolved;
  // 2022 runoff: 18,768,639 vs 13,288,686 is +17.09 pp; swung −13.1 pp, the runoff is 52–48 (+4 pp).
  assert.ok(Math.abs(fr.baseline!.nationalResultMargin - 17.094) < 0.001);
  assert.ok(Math.abs(fr.baseline!.nationalMargin - 3.994) < 0.001, String(fr.baseline!.nationalMargin));
  assert.equal(fr.baseline!.swingModel, 'proportional');
});
