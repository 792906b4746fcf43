import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTerritoryMatcher, departementOfPostcode, normaliseName } from '../../src/list/territoryMatcher.js';

test('normaliseName drops accents, case and punctuation', () => {
  assert.equal(normaliseName("  Côtes-d’Armor "), 'COTES D ARMOR');
});

test('createTerritoryMatcher(us) takes codes and names in any case', () => {
  const m = createTerritoryMatcher('us');
  assert.deepEqual(m('fl'), { id: 'FL' });
  assert.deepEqual(m('New  Hampshire'), { id: 'NH' });
  assert.deepEqual(m('Washington, D.C.'), { id: 'DC' });
  assert.deepEqual(m('district of columbia'), { id: 'DC' });
  assert.deepEqual(m(''), { reason: 'empty' });
  assert.deepEqual(m('Ontario'), { reason: 'unrecognised' });
});

test('createTerritoryMatcher(fr) takes codes, names and postcodes', () => {
  const m = createTerritoryMatcher('fr');
  assert.deepEqual(m('1'), { id: '01' });
  assert.deepEqual(m('2a'), { id: '2A' });
  assert.deepEqual(m('Hérault'), { id: '34' });
  assert.deepEqual(m('Réunion'), { id: '974' });
  assert.deepEqual(m("Val-d'Oise"), { id: '95' });
  assert.deepEqual(m('75011'), { id: '75' });
  assert.deepEqual(m('98000'), { reason: 'unrecognised' }); // Monaco
});

test('departementOfPostcode splits Corsica at 20200 and reads overseas on three digits', () => {
  assert.equal(departementOfPostcode('20000'), '2A'); // Ajaccio
  assert.equal(departementOfPostcode('20169'), '2A'); // Bonifacio
  assert.equal(departementOfPostcode('20200'), '2B'); // Bastia
  assert.equal(departementOfPostcode('20250'), '2B'); // Corte
  assert.equal(departementOfPostcode('97400'), '974'); // Saint-Denis de La Réunion
  assert.equal(departementOfPostcode('97133'), 'ZX'); // Saint-Barthélemy
  assert.equal(departementOfPostcode('98800'), '988'); // Nouméa
  assert.equal(departementOfPostcode('01000'), '01'); // Bourg-en-Bresse
});
