import { test } from 'node:test';
import assert from 'node:assert/strict';
import { franceTileMap } from '../../src/charts/franceTileMap.js';
import { FRANCE_CODE_ALIASES, FRANCE_TILES } from '../../src/charts/franceDepartements.js';
import { FR_2012_T2, margin2012 } from '../fixtures/fr2012Results.js';
import { INTERIEUR_2012 } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

test('FRANCE_TILES has 96 metropolitan départements and 11 overseas or abroad units, each in its own cell', () => {
  assert.equal(FRANCE_TILES.filter((t) => !t.overseas).length, 96);
  assert.equal(FRANCE_TILES.filter((t) => t.overseas).length, 11);
  const cells = new Set(FRANCE_TILES.map((t) => `${t.col},${t.row}`));
  assert.equal(cells.size, FRANCE_TILES.length);
  assert.equal(new Set(FRANCE_TILES.map((t) => t.id)).size, FRANCE_TILES.length);
});

test('every one of the 107 units of the 2012 Ministry results lands on a distinct tile', () => {
  const ids = new Set(FRANCE_TILES.map((t) => t.id));
  const placed = FR_2012_T2.map(([code]) => FRANCE_CODE_ALIASES[code] ?? code);
  for (const id of placed) assert.ok(ids.has(id), id);
  assert.equal(new Set(placed).size, 107);
});

test('franceTileMap(2012 second round) matches its golden spec and SVG', async () => {
  const spec = franceTileMap(
    { sides: ['PS', 'UMP'], measure: 'margin', units: FR_2012_T2.map(([id, h, s]) => ({ id, value: margin2012(h, s) })) },
    { title: 'Second tour 2012 : Hollande en tête à Paris et dans le Sud-Ouest', subtitle: 'Écart Hollande − Sarkozy par département, en points', sources: [INTERIEUR_2012], locale: 'fr' },
  );
  await assertMatchesSnapshot('franceTileMap', spec);
});
