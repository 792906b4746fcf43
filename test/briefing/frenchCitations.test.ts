/**
 * French forms of the citations a French briefing prints (data/SOURCES.md, "French forms of the
 * citations"): every citation of data/parameters.json that has a `note` has a `noteFr`; a `source`
 * that says more than names has a `sourceFr`; the French forms show no English word of the message
 * catalogue outside the titles they mark `*…*`; the page renders those titles as `<cite lang="en">`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../cli/cliHarness.js';
import { loadParameters } from '../../src/node/data/loadParameters.js';
import { CONVENTION_CITATIONS } from '../../src/scenario/defaults.js';
import { catalogueWords, citationText } from '../../src/briefing/messages.js';
import { citeMarks } from '../../src/briefing/html.js';
import type { Citation } from '../../src/model/types.js';

/** Every citation object under a JSON value, with its key path. */
function citationsIn(value: unknown, at: string, out: Array<[string, Citation]> = []): Array<[string, Citation]> {
  if (Array.isArray(value)) value.forEach((v, i) => citationsIn(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    if (typeof o.source === 'string' && typeof o.confidence === 'string') out.push([at, o as unknown as Citation]);
    for (const [k, v] of Object.entries(o)) citationsIn(v, at ? `${at}.${k}` : k, out);
  }
  return out;
}

const raw = JSON.parse(readFileSync(join(projectRoot, 'data', 'parameters.json'), 'utf8')) as unknown;
const cited = citationsIn(raw, '');
const conventions: Array<[string, Citation]> = Object.entries(CONVENTION_CITATIONS).map(([k, v]) => [k, typeof v === 'function' ? v('Ministère de l\'Intérieur') : v]);
/** English words of the catalogue that its French side does not use, less words French shares ("bureau de vote", "messages aux amis", "point"). */
const french = catalogueWords('fr');
const sameInFrench = new Set(['national', 'net', 'point', 'vote', 'messages']);
const english = new Set([...catalogueWords('en')].filter((w) => !french.has(w) && !sameInFrench.has(w)));
const englishIn = (text: string): string[] => (text.replace(/\*[^*]+\*/g, ' ').toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? []).filter((w) => english.has(w));

test('every citation of data/parameters.json and every convention with a note has a French note', () => {
  assert.ok(cited.length >= 50, `${cited.length} citations`);
  const missing = [...cited, ...conventions].filter(([, c]) => c.note !== undefined && !c.noteFr).map(([at]) => at);
  assert.deepEqual(missing, []);
});

test('a source with words beyond names has a French form; a source without one is names only', () => {
  // Names only: authors, year, journal abbreviations, volume and pages ("Kalla & Broockman 2018 APSR 112(1):148-166").
  const prose = [...cited, ...conventions].filter(([, c]) => c.sourceFr === undefined && /\b[a-z]{3,}\b/.test(c.source)).map(([at, c]) => `${at}: ${c.source}`);
  assert.deepEqual(prose, []);
});

test('the French forms show no English word of the catalogue outside their marked titles', () => {
  const found = [...cited, ...conventions].flatMap(([at, c]) => [c.sourceFr, c.noteFr].filter((t): t is string => !!t).flatMap((t) => englishIn(t).map((w) => `${at}: ${w}`)));
  assert.deepEqual(found, []);
  // The check can fail: an English note is caught.
  const caught = englishIn('Share of addresses going stale per year.');
  assert.ok(caught.includes('stale') && caught.includes('addresses'), caught.join(' '));
  assert.deepEqual(englishIn('Green & Gerber 2019, *Get Out the Vote* (4e éd.)'), []);
});

test('the loader keeps the French forms, and the page marks titles as English', () => {
  const door = loadParameters().channels.door.persuasion.france;
  assert.ok(door?.citation.noteFr?.startsWith('Calcul\u00a0: le porte-à-porte explique environ 1/4'));
  const sms = loadParameters().channels.sms.turnoutEffect.lowSalience.citation;
  assert.equal(citationText(sms, 'fr').split('. ')[0], 'Green & Gerber 2019, *Get Out the Vote* (4e éd., Brookings), méta-analyses des expériences de terrain (rappels par SMS\u00a0: 0,3 à 1\u00a0pt)');
  assert.match(citeMarks(citationText(sms, 'fr')), /^Green &amp; Gerber 2019, <cite lang="en">Get Out the Vote<\/cite> \(4e éd\./);
  // No French source: the reference is names, marked English as a whole; English pages are unchanged.
  assert.equal(citationText({ source: 'Pons 2018 AER', confidence: 'L', note: 'No turnout effect.', noteFr: 'Aucun effet sur la participation.' }, 'fr'), '*Pons 2018 AER*. Aucun effet sur la participation.');
  assert.equal(citationText(sms, 'en'), `${sms.source}${sms.note ? `. ${sms.note}` : ''}`);
});
