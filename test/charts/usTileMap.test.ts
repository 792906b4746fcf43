import { test } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/errors.js';
import { usTileMap, usTileRects } from '../../src/charts/usTileMap.js';
import { snakeUnits2016, normalCdf } from '../fixtures/chartInputs.js';
import { MEDSL_2016, ILLUSTRATION } from '../fixtures/chartSources.js';
import { assertMatchesSnapshot } from './snapshot.js';

test('usTileRects has one tile per state and DC plus the five ME/NE districts, none overlapping', () => {
  const rects = usTileRects();
  assert.equal(rects.filter((r) => !r.district).length, 51);
  assert.deepEqual(rects.filter((r) => r.district).map((r) => r.id), ['ME-1', 'ME-2', 'NE-1', 'NE-2', 'NE-3']);
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const [p, q] = [rects[i], rects[j]];
      const overlap = p.x < q.x2 && q.x < p.x2 && p.y < q.y2 && q.y < p.y2;
      assert.ok(!overlap, `${p.id} overlaps ${q.id}`);
    }
  }
});

test('usTileMap rejects probabilities outside 0–1 for the pWin measure', () => {
  assert.throws(() => usTileMap({ sides: ['D', 'R'], measure: 'pWin', units: [{ id: 'WI', value: 1.2 }] }, { title: 'T', sources: ['S'] }), InputError);
});

test('usTileMap(2016 margins) matches its golden spec and SVG', async () => {
  const spec = usTileMap(
    { sides: ['D', 'R'], measure: 'margin', units: snakeUnits2016().map((u) => ({ id: u.id, value: u.margin })) },
    { title: 'The 2016 map, one tile per state', subtitle: 'Two-party margin; Maine and Nebraska districts in the small tiles', sources: [MEDSL_2016] },
  );
  await assertMatchesSnapshot('usTileMap', spec);
});

test('usTileMap(P(win), French, colour-blind) matches its golden spec and SVG', async () => {
  const spec = usTileMap(
    { sides: ['D', 'R'], measure: 'pWin', units: snakeUnits2016().map((u) => ({ id: u.id, value: normalCdf(u.margin / 5) })) },
    { title: 'Probabilité de victoire démocrate par État', sources: [MEDSL_2016, ILLUSTRATION], locale: 'fr', palette: 'colourblind' },
  );
  await assertMatchesSnapshot('usTileMap-pwin-fr', spec);
});
