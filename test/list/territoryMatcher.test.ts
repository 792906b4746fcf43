import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTerritoryMatcher, departementOfPostcode, normaliseName, stateOfZip, unrecognisedShape } from '../../src/list/territoryMatcher.js';

test('normaliseName drops accents, case and punctuation', () => {
  assert.equal(normaliseName("  Côtes-d’Armor "), 'COTES D ARMOR');
  assert.equal(normaliseName('N.C.'), 'N C');
});

test('createTerritoryMatcher(us) takes codes and names in any case', () => {
  const m = createTerritoryMatcher('us');
  assert.deepEqual(m('fl'), { id: 'FL' });
  assert.deepEqual(m('New  Hampshire'), { id: 'NH' });
  assert.deepEqual(m('Washington, D.C.'), { id: 'DC' });
  assert.deepEqual(m('district of columbia'), { id: 'DC' });
  assert.deepEqual(m(''), { reason: 'empty' });
  assert.deepEqual(m('Ontario'), { reason: 'unknown-place' });
});

test('createTerritoryMatcher(us) takes hand-typed dotted abbreviations (GPO Style Manual / AP)', () => {
  const m = createTerritoryMatcher('us');
  const cases: Record<string, string> = { 'N.C.': 'NC', 'Mass.': 'MA', 'N.H.': 'NH', 'Calif.': 'CA', 'W. Va.': 'WV', 'Pa.': 'PA', 'Wis.': 'WI', 'N. Dak.': 'ND', 'D.C.': 'DC', 'Tenn.': 'TN' };
  for (const [text, id] of Object.entries(cases)) assert.deepEqual(m(text), { id }, text);
});

test('createTerritoryMatcher(us) places ZIP codes, ZIP+4, ZIPs that lost their leading zero, and State/Zip cells', () => {
  const m = createTerritoryMatcher('us');
  assert.deepEqual(m('19103'), { id: 'PA', via: 'zip' }); // Philadelphia
  assert.deepEqual(m('19103-1234'), { id: 'PA', via: 'zip' });
  assert.deepEqual(m('2134'), { id: 'MA', via: 'restored-zero' }); // Allston 02134, read as a number
  assert.deepEqual(m('PA 19103'), { id: 'PA' });
  assert.deepEqual(m('Philadelphia, PA 19103-1234'), { id: 'PA' });
  assert.deepEqual(m('New York 10001'), { id: 'NY' });
  assert.deepEqual(m('Springfield ZZ 62701'), { id: 'IL', via: 'zip' }); // the state part is no state: the ZIP decides
  assert.deepEqual(m('00601'), { reason: 'outside-territories' }); // Adjuntas, Puerto Rico: no electors
  assert.deepEqual(m('00000'), { reason: 'unknown-postcode' });
  assert.equal(stateOfZip('20001'), 'DC');
});

test('createTerritoryMatcher(fr) takes codes, names and postcodes', () => {
  const m = createTerritoryMatcher('fr');
  assert.deepEqual(m('1'), { id: '01' });
  assert.deepEqual(m('2a'), { id: '2A' });
  assert.deepEqual(m('Hérault'), { id: '34' });
  assert.deepEqual(m('Réunion'), { id: '974' });
  assert.deepEqual(m("Val-d'Oise"), { id: '95' });
  assert.deepEqual(m('75011'), { id: '75' });
  assert.deepEqual(m('75011 Paris'), { id: '75' });
  assert.deepEqual(m('98000'), { reason: 'outside-territories' }); // Monaco
});

test("createTerritoryMatcher(fr) takes the Ministry's Z codes and its label of the French abroad", () => {
  const m = createTerritoryMatcher('fr');
  const z: Record<string, string> = { ZA: '971', ZB: '972', ZC: '973', ZD: '974', ZM: '976', ZN: '988', ZP: '987', ZS: '975', ZW: '986', ZX: 'ZX', ZZ: 'ZZ', zz: 'ZZ' };
  for (const [code, id] of Object.entries(z)) assert.deepEqual(m(code), { id }, code);
  assert.deepEqual(m('Français établis hors de France'), { id: 'ZZ' });
  assert.deepEqual(m('FRANCAIS ETABLIS HORS DE FRANCE'), { id: 'ZZ' });
});

test('createTerritoryMatcher(fr) restores the leading zero a spreadsheet dropped from a postcode', () => {
  const m = createTerritoryMatcher('fr');
  assert.deepEqual(m('1000'), { id: '01', via: 'restored-zero' }); // Bourg-en-Bresse 01000
  assert.deepEqual(m('6000'), { id: '06', via: 'restored-zero' }); // Nice 06000
  assert.deepEqual(m('0100'), { reason: 'unknown-postcode' });
});

test('unrecognisedShape never calls an e-mail, a phone number or free text a place', () => {
  assert.equal(unrecognisedShape('jo.smith@example.org'), 'email');
  assert.equal(unrecognisedShape('+1 (215) 555-0199'), 'phone');
  assert.equal(unrecognisedShape('06 12 34 56 78'), 'phone');
  assert.equal(unrecognisedShape('please call me after six, I live near the old mill'), 'text');
  assert.equal(unrecognisedShape('Ontario'), 'unknown-place');
  const m = createTerritoryMatcher('us');
  assert.deepEqual(m('jo.smith@example.org'), { reason: 'email' });
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
