import { test } from 'node:test';
import assert from 'node:assert/strict';
import { yearFromFileName, roundFromFileName } from '../../../src/data/race/parseFrMinistere.js';

test('yearFromFileName reads a year standing alone in a Ministry file name, and nothing from other digits', () => {
  assert.equal(yearFromFileName('data/fr_presidentielle_2022_departements_t2.csv'), 2022);
  assert.equal(yearFromFileName('/x/2017/resultats-par-niveau-dpt-t1-france-entiere.xlsx'), undefined);
  assert.equal(yearFromFileName('resultats-par-niveau-dpt-t2-france-entiere.xlsx'), undefined);
  assert.equal(yearFromFileName('export_120221.csv'), undefined);
  assert.equal(roundFromFileName('fr_presidentielle_2022_departements_t2.csv'), 2);
});
