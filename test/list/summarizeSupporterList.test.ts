import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { countsToJsonText, summarizeSupporterList, likelyCause } from '../../src/list/summarizeSupporterList.js';
import { createTerritoryMatcher } from '../../src/list/territoryMatcher.js';
import { FR_DEPARTEMENTS, FR_MINISTRY_CODES, US_STATES } from '../../src/list/territoryNames.js';
import { InputError } from '../../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'cl-list-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

test('summarizeSupporterList puts every row in one bucket and the buckets add up', async () => {
  const path = file('us.csv', 'name,state,phone\nA,FL,1\nB,florida,2\nC,,3\nD,Narnia,4\nE\nF,tx,6\nG,g@example.org,7\nH,+1 215 555 0199,8\nI,00601,9\n\n');
  const r = await summarizeSupporterList(path, { country: 'us', territoryColumn: 'STATE' });
  assert.equal(r.territoryColumn, 'state');
  assert.deepEqual([r.format, r.encoding, r.separator], ['csv', 'utf-8', ',']);
  assert.deepEqual([r.rows, r.placed, r.empty, r.filtered, r.unrecognised], [9, 3, 1, 0, 5]);
  assert.deepEqual(r.unrecognisedByReason, { email: 1, 'missing-column': 1, 'outside-territories': 1, phone: 1, text: 0, 'unknown-place': 1, 'unknown-postcode': 0 });
  assert.equal(r.rows, r.placed + r.empty + r.filtered + r.unrecognised);
  assert.deepEqual(r.counts, { FL: 2, TX: 1 });
  // Fewer than half placed: a warning, and no unrecognised value is listed (the column may not be a territory column).
  assert.match(r.warnings[0], /^only 33% of the rows \(3 of 9\) were placed in a territory/);
  assert.deepEqual(r.unrecognisedValues, []);
});

test('summarizeSupporterList lists distinct unrecognised values shaped like a place and shared by 3 rows, never an e-mail, a phone or a value typed once', async () => {
  const rows = ['state', ...Array(12).fill('PA'), 'Ontario', 'Narnia', 'Ontario', 'Narnia', 'Narnia', 'Ontario', 'Ontario', 'Ada Lovelace', 'ada@example.org', 'ada@example.org', 'ada@example.org', '+33 6 12 34 56 78'];
  const r = await summarizeSupporterList(file('values.csv', `${rows.join('\n')}\n`), { country: 'us', territoryColumn: 'state' });
  // Values shared by 3 rows or more; a value typed once (a name in the wrong field) is counted only.
  assert.deepEqual(r.unrecognisedValues, [{ value: 'Ontario', rows: 4 }, { value: 'Narnia', rows: 3 }]);
  // A person's name in the territory column is free text, not an unknown place (so never listed).
  assert.deepEqual([r.unrecognisedByReason['unknown-place'], r.unrecognisedByReason.text, r.unrecognisedByReason.email], [7, 1, 3]);
  assert.equal(r.warnings.length, 0);
  assert.ok(!countsToJsonText(r).includes('ada@'));
});

test('summarizeSupporterList filters rows by a country column (a Mailchimp "au"/"wa" row is not Washington)', async () => {
  const text = 'Email Address,Region,Country\na@x.org,pa,US\nb@x.org,wa,AU\nc@x.org,WA,us\nd@x.org,nsw,au\ne@x.org,tx,\n';
  const all = await summarizeSupporterList(file('mc.csv', text), { country: 'us', territoryColumn: 'region' });
  assert.deepEqual(all.counts, { PA: 1, TX: 1, WA: 2 });
  assert.match(all.warnings.join(), /2 rows name another country than US in column "Country".*--country-column "Country" --country-value US/);
  const us = await summarizeSupporterList(file('mc.csv', text), { country: 'us', territoryColumn: 'region', countryColumn: 'country', countryValues: ['US', 'U.S.A.'] });
  assert.deepEqual(us.counts, { PA: 1, WA: 1 });
  assert.deepEqual([us.rows, us.placed, us.filtered], [5, 2, 3]);
  assert.deepEqual(us.countryFilter, { column: 'Country', values: ['US', 'U.S.A.'] });
});

test('summarizeSupporterList reads a French semicolon CSV with BOM, CRLF, quoted fields, Z codes and stripped zeros', async () => {
  const text = '\uFEFFnom;code postal;ville\r\n"Dupont; Jean";75011;Paris\r\n"Martin ""Jo""";20200;"Bastia\r\nHaute-Corse"\r\nX;34000;Montpellier\r\nY;1000;Bourg\r\nZ;ZA;\r\n';
  const r = await summarizeSupporterList(file('fr.csv', text), { country: 'fr', territoryColumn: 'code postal' });
  assert.deepEqual([r.separator, r.encoding], [';', 'utf-8-bom']);
  assert.deepEqual(r.counts, { '01': 1, '2B': 1, '34': 1, '75': 1, '971': 1 });
  assert.equal(r.restoredLeadingZeros, 1);
  assert.equal(r.rows, 5);
});

test('countsToJsonText writes counts in code-unit order, overseas codes after metropolitan ones', async () => {
  const r = await summarizeSupporterList(file('order.csv', 'dep\n988\nZZ\n2B\n01\n971\n75\n'), { country: 'fr', territoryColumn: 'dep' });
  const text = countsToJsonText(r);
  const keys = [...text.slice(text.indexOf('"counts"')).matchAll(/^ {4}"([^"]+)":/gm)].map((m) => m[1]);
  assert.deepEqual(keys, ['01', '2B', '75', '971', '988', 'ZZ']);
  assert.deepEqual(JSON.parse(text).counts, r.counts);
  // JSON.stringify would have put the integer-like keys first.
  assert.notDeepEqual(Object.keys(JSON.parse(JSON.stringify(r)).counts), keys);
});

test('summarizeSupporterList reads Latin-1, UTF-16 "Unicode Text" (tabs) and windows-1252 through the same libraries as the race reader', async () => {
  const fr = 'nom;département\nAda;Hérault\nBo;Côtes-d’Armor\nCy;Français établis hors de France\n';
  const cases: [string, Buffer, string, string][] = [
    ['latin1.csv', iconv.encode(fr.replace('’', "'"), 'latin1'), 'iso-8859-1', ';'],
    ['cp1252.csv', iconv.encode(fr, 'windows-1252'), 'windows-1252', ';'],
    ['unicode.txt', iconv.encode(`\ufeff${fr.replace(/;/g, '\t').replace(/\n/g, '\r\n')}`, 'utf-16le'), 'utf-16le', '\t'],
  ];
  for (const [name, bytes, encoding, separator] of cases) {
    const r = await summarizeSupporterList(file(name, bytes), { country: 'fr', territoryColumn: 'Département' });
    assert.deepEqual(r.counts, { '22': 1, '34': 1, ZZ: 1 }, name);
    assert.deepEqual([r.separator, r.rows], [separator, 3], name);
    // chardet may call Latin-1 bytes Windows-1252 (a superset of its printable part): both decode them alike.
    const accepted = encoding === 'utf-16le' ? [encoding] : ['iso-8859-1', 'windows-1252'];
    assert.ok(accepted.includes(r.encoding!), `${name}: ${r.encoding}`);
  }
});

test('summarizeSupporterList exits with the likely cause when nothing is placed, and refuses a header alone', async () => {
  const cases: [string, string, 'us' | 'fr', string, RegExp][] = [
    ['header.csv', 'name,state\n', 'us', 'state', /header\.csv must be data rows after the header, got only a header/],
    ['wrongcountry.csv', 'name,state\nA,Florida\nB,Texas\nC,Ohio\n', 'fr', 'state', /none of 3 rows placed \(most values are US states: is --country fr the right country\?\)/],
    ['emails.csv', 'name,email\nA,a@x.org\nB,b@x.org\n', 'us', 'email', /none of 2 rows placed \(the column holds e-mail addresses, phone numbers or free text/],
    ['blank.csv', 'name,state\nA,\nB, \n', 'us', 'state', /the column is empty in most rows/],
    ['zips.csv', 'name,cp\nA,00000\nB,00001\n', 'fr', 'cp', /numbers that are no French postcode/],
    ['nocol.csv', 'a,b\n1,2\n', 'us', 'state', /nocol\.csv: line 1 \(header\) must be a column named "state" \(--territory-column\), got columns "a", "b"/],
    ['empty.csv', '', 'us', 'state', /empty\.csv must be a CSV or \.xlsx file with a header line, got an empty file/],
  ];
  for (const [name, content, country, column, message] of cases) {
    await assert.rejects(summarizeSupporterList(file(name, content), { country, territoryColumn: column }), (e: unknown) => {
      assert.ok(e instanceof InputError, name);
      assert.match((e as Error).message, message, name);
      return true;
    });
  }
});

test('summarizeSupporterList warns when a ZIP column is read as French postcodes', async () => {
  const r = await summarizeSupporterList(file('zip-as-fr.csv', 'name,ZIP Code\nA,19103\nB,33101\n'), { country: 'fr', territoryColumn: 'zip code' });
  assert.deepEqual(r.counts, { '19': 1, '33': 1 }); // numbers alone are valid French postcodes
  assert.deepEqual(r.warnings, ['column "ZIP Code" is named like US ZIP codes, read here as French postcodes: is --country fr the right country?']);
  const us = await summarizeSupporterList(file('zip-as-us.csv', 'name,ZIP Code\nA,19103\n'), { country: 'us', territoryColumn: 'zip code' });
  assert.deepEqual([us.counts, us.warnings], [{ PA: 1 }, []]);
});

test('likelyCause names a filter that keeps too few rows', () => {
  const byReason = { email: 0, 'missing-column': 0, 'outside-territories': 0, phone: 0, text: 0, 'unknown-place': 0, 'unknown-postcode': 0 };
  const cause = likelyCause({ rows: 10, placed: 1, empty: 0, filtered: 9, unrecognisedByReason: byReason, otherCountryRows: 0, country: 'us', countryFilter: { column: 'Country', values: ['US'] } });
  assert.equal(cause, '--country-value kept only 1 of 10 rows: check the values of column "Country"');
});

test('every territory the matcher can return is a unit id of data/ (us_units.csv, fr_departements.csv)', () => {
  const root = new URL('../../data/', import.meta.url);
  const idsOf = (name: string) => new Set(readFileSync(new URL(name, root), 'utf8').trim().split('\n').slice(1).map((l) => l.split(',')[0]));
  const us = idsOf('us_units.csv');
  const fr = idsOf('fr_departements.csv');
  const usMatch = createTerritoryMatcher('us');
  for (const code of Object.keys(US_STATES)) assert.ok(us.has((usMatch(code) as { id: string }).id), code);
  for (let zip = 501; zip < 99999; zip += 97) {
    const m = usMatch(String(zip).padStart(5, '0'));
    if ('id' in m) assert.ok(us.has(m.id), String(zip));
  }
  const frMatch = createTerritoryMatcher('fr');
  for (const code of [...Object.keys(FR_DEPARTEMENTS), ...Object.keys(FR_MINISTRY_CODES)]) assert.ok(fr.has((frMatch(code) as { id: string }).id), code);
  for (let p = 1000; p < 99000; p += 37) {
    const m = frMatch(String(p).padStart(5, '0'));
    if ('id' in m) assert.ok(fr.has(m.id), String(p));
  }
});
