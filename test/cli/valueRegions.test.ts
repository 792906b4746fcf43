/**
 * `value --by region` on a French race groups by the regions in force since 2016 (loi n° 2015-29;
 * data/fr_departements.csv `region_2016`): Marne (51) is in Grand Est, not Champagne-Ardenne; the
 * former 1982–2015 regions are asked for by name (`--by region-1982`), and only for a French race.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot, runMain } from './cliHarness.js';
import { prepareScenario } from '../../src/node/prepareScenario.js';
import { supporterGroups } from '../../src/analysis/listValueOnSharedDraws.js';
import { currentFrenchRegions } from '../../src/data/frenchRegions.js';

const france = join(projectRoot, 'scenarios', 'france-2027.yaml');
const table = { file: 'fr_departements.csv', text: readFileSync(join(projectRoot, 'data', 'fr_departements.csv'), 'utf8') };

test('the current regions: 13 metropolitan regions over the 96 metropolitan départements, Marne in Grand Est', () => {
  const regions = currentFrenchRegions(table);
  assert.equal(regions.size, 107);
  assert.equal(regions.get('51'), 'Grand Est');
  assert.equal(regions.get('80'), 'Hauts-de-France');
  assert.equal(regions.get('2B'), 'Corse');
  const metropolitan = [...regions].filter(([id]) => /^(\d\d|2[AB])$/.test(id));
  assert.equal(metropolitan.length, 96);
  assert.equal(new Set(metropolitan.map(([, r]) => r)).size, 13);
  // The law joins whole former regions: each 1982–2015 region falls in exactly one current region.
  const former = new Map<string, Set<string>>();
  for (const line of table.text.trim().split(/\r?\n/).slice(1)) {
    const [id, , old] = line.split(',');
    former.set(old!, (former.get(old!) ?? new Set()).add(regions.get(id!)!));
  }
  assert.deepEqual([...former].filter(([, now]) => now.size !== 1).map(([old]) => old), []);
  assert.deepEqual([...former.get('Alsace')!, ...former.get('Champagne-Ardenne')!, ...former.get('Lorraine')!], ['Grand Est', 'Grand Est', 'Grand Est']);
  assert.deepEqual([...former.get('Midi-Pyrénées')!, ...former.get('Languedoc-Roussillon')!], ['Occitanie', 'Occitanie']);
  assert.throws(() => currentFrenchRegions({ file: 'x.csv', text: 'id,name,region,region_2016\n51,Marne,Champagne-Ardenne,\n' }), /x\.csv: line 2.*region_2016/);
});

test('supporterGroups puts Marne in Grand Est with the current regions, in Champagne-Ardenne with the former ones', async () => {
  const { resolved } = await prepareScenario(france, { cwd: projectRoot });
  const groupOf = (groups: ReturnType<typeof supporterGroups>, id: string) => groups.find((g) => id in g.extra)?.name;
  const current = supporterGroups(resolved, 'RN', 1e5, 'region', currentFrenchRegions(table));
  assert.equal(groupOf(current, '51'), 'Grand Est');
  assert.deepEqual(Object.keys(current.find((g) => g.name === 'Grand Est')!.extra).sort(), ['08', '10', '51', '52', '54', '55', '57', '67', '68', '88']);
  assert.equal(groupOf(supporterGroups(resolved, 'RN', 1e5, 'region'), '51'), 'Champagne-Ardenne');
});

test('value --by region names the current regions; --by region-1982 the former; not on a US race', async () => {
  const current = await runMain(['value', france, '--side', 'RN', '--add', '1e5', '--by', 'region', '--sims', '200', '--json']);
  assert.equal(current.code, 0, current.stderr);
  const names = (JSON.parse(current.stdout) as { territories: { name: string }[] }).territories.map((t) => t.name);
  assert.ok(names.includes('Grand Est') && names.includes('Occitanie') && !names.includes('Champagne-Ardenne'), names.join(', '));
  assert.equal(names.length, 20);
  const former = await runMain(['value', france, '--side', 'RN', '--add', '1e5', '--by', 'region-1982', '--sims', '200']);
  assert.equal(former.code, 0, former.stderr);
  assert.match(former.stdout, /in each region \(1982-2015\)/);
  assert.match(former.stdout, /Champagne-Ardenne/);
  const us = await runMain(['value', join(projectRoot, 'scenarios', 'default.yaml'), '--side', 'D', '--add', '1e5', '--by', 'region-1982', '--sims', '200']);
  assert.equal(us.code, 2);
  assert.match(us.stderr, /--by must be territory or region \(region-1982 names the former French regions, for a French race\), got "region-1982"/);
});
