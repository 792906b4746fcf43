/**
 * The live engine's errors in the page's language (src/briefing/liveErrors.ts): the errors the controls
 * can raise, produced by the engine itself (the schema's range, a list larger than a territory's
 * eligible voters), in French and in English; an unknown phrase is kept as the engine wrote it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { liveErrorText } from '../../src/briefing/liveErrors.js';
import { catalogueWords } from '../../src/briefing/messages.js';
import { InputError } from '../../src/errors.js';
import { validateScenario } from '../../src/scenario/validateScenario.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { projectRoot } from '../cli/cliHarness.js';

const labels: Record<string, string> = { 'campaigns.RN.listSize': 'Taille du fichier de RN (personnes)', 'campaigns.RN.channels.door.coverage': 'RN : porte-à-porte, part du fichier ciblée' };
const labelOf = (key: string) => labels[key];
const french = catalogueWords('fr');
const english = [...catalogueWords('en')].filter((w) => !french.has(w));
const englishIn = (text: string) => (text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => english.includes(w));

/** The details of the InputError the schema raises for a scenario (the engine's own words). */
function schemaError(scenario: unknown): InputError {
  try {
    validateScenario(scenario as never, 'briefing');
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('no error');
}

test('a value outside the schema range, as the engine raises it, reads in French and in English', () => {
  const scenario = parse(readFileSync(join(projectRoot, 'scenarios', 'france-2027.yaml'), 'utf8')) as { campaigns: { RN: { channels: { door: Record<string, unknown> } } } };
  scenario.campaigns.RN.channels.door.coverage = 2;
  const error = schemaError(scenario);
  assert.equal(error.details.at, 'campaigns.RN.channels.door.coverage');
  const fr = liveErrorText(error.details, error.message, 'fr', labelOf);
  assert.deepEqual(fr, { text: 'RN : porte-à-porte, part du fichier ciblée\u00a0: il faut un nombre de 0 à 1\u00a0; valeur donnée\u00a0: 2' });
  assert.deepEqual(englishIn(fr.text), []);
  assert.deepEqual(liveErrorText(error.details, error.message, 'en', () => "RN: door knocking, share of the list targeted"), { text: "RN: door knocking, share of the list targeted must be a number from 0 to 1, got 2" });
});

test('a list larger than a territory, a negative size and more problems: French words, French numbers', () => {
  const cap = { at: 'campaigns.RN.allocation.01', expected: "at most the 438,250 eligible voters of Ain (a list cannot hold more of a territory's voters than it has)", found: '8,731,794 supporters' };
  const fr = liveErrorText(cap, 'English message', 'fr', labelOf);
  assert.equal(fr.text, "Taille du fichier de RN (personnes)\u00a0: il faut au plus les 438\u202f250 inscrits du territoire Ain (une liste ne peut pas compter plus d'électeurs d'un territoire qu'il n'en a)\u00a0; valeur donnée\u00a0: 8\u202f731\u202f794 soutiens");
  assert.equal(fr.untranslated, undefined);
  assert.deepEqual(englishIn(fr.text), []);
  const negative = liveErrorText({ at: 'campaigns.RN.listSize', expected: 'a number from 0 to 1000000000', found: '-5', hint: '2 more problems after this one' }, 'x', 'fr', labelOf);
  assert.equal(negative.text, 'Taille du fichier de RN (personnes)\u00a0: il faut un nombre de 0 à 1\u202f000\u202f000\u202f000\u00a0; valeur donnée\u00a0: \u22125 (et 2 autres problèmes après celui-ci)');
});

test('a phrase the page does not know is kept as the engine wrote it, after a sentence in the page language', () => {
  const shown = liveErrorText({ at: 'campaigns.RN.listSize', expected: 'a finite number', found: 'NaN' }, 'briefing: campaigns.RN.listSize must be a finite number, got NaN', 'fr', labelOf);
  assert.deepEqual(shown, { text: "le moteur s'est arrêté\u00a0; son message, en anglais", untranslated: 'briefing: campaigns.RN.listSize must be a finite number, got NaN' });
  assert.equal(liveErrorText(undefined, 'out of memory', 'fr', labelOf).untranslated, 'out of memory');
});
