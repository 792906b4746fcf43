import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { countsToJsonText, summarizeSupporterList, likelyCause } from '../../src/node/summarizeSupporterList.js';
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

test('summarizeSupporterList lists only unrecognised values shaped like a code or within a typo of a territory, shared by 3 rows; never a name', async () => {
  const rows = ['state', ...Array(30).fill('PA'), ...Array(4).fill('Pensylvania'), ...Array(3).fill('PQ'), ...Array(4).fill('Seán Flores'), ...Array(3).fill('Amanda Torres'), ...Array(4).fill('Ontario'), 'Virginiaa', 'Ada Lovelace', 'ada@example.org', 'ada@example.org', 'ada@example.org', '+33 6 12 34 56 78'];
  const r = await summarizeSupporterList(file('values.csv', `${rows.join('\n')}\n`), { country: 'us', territoryColumn: 'state' });
  // A typo of a state and a code, shared by 3 rows or more; names are counted by reason only, however often
  // typed, and so is a real place that is no territory's name (Ontario); a value typed once is never shown.
  assert.deepEqual(r.unrecognisedValues, [{ value: 'Pensylvania', rows: 4 }, { value: 'PQ', rows: 3 }]);
  // A person's name is free text (counted under `text`), never an unknown place.
  assert.deepEqual([r.unrecognisedByReason['unknown-place'], r.unrecognisedByReason.text, r.unrecognisedByReason.email, r.unrecognisedByReason.phone], [12, 8, 3, 1]);
  assert.equal(r.warnings.length, 0);
  for (const secret of ['ada@', 'Seán', 'Flores', 'Amanda', 'Torres', 'Lovelace', 'Ontario']) assert.ok(!countsToJsonText(r).includes(secret), secret);
});

test('summarizeSupporterList filters rows by a country column (a Mailchimp "au"/"wa" row is not Washington), keeping empty country cells', async () => {
  const text = 'Email Address,Region,Country\na@x.org,pa,US\nb@x.org,wa,AU\nc@x.org,WA,us\nd@x.org,nsw,au\ne@x.org,tx,\n';
  // The column named Country filters by itself: AU rows are never placed.
  const auto = await summarizeSupporterList(file('mc.csv', text), { country: 'us', territoryColumn: 'region' });
  assert.deepEqual(auto.counts, { PA: 1, TX: 1, WA: 1 });
  assert.deepEqual([auto.rows, auto.placed, auto.filtered, auto.emptyCountry], [5, 3, 2, 1]);
  assert.deepEqual(auto.filteredByCountry, { AU: 2 });
  assert.equal(auto.countryFilter?.automatic, true);
  assert.deepEqual(auto.warnings, []);
  const us = await summarizeSupporterList(file('mc.csv', text), { country: 'us', territoryColumn: 'region', countryColumn: 'country', countryValues: ['U.S.A.'] });
  assert.deepEqual(us.counts, { PA: 1, TX: 1, WA: 1 });
  assert.deepEqual([us.rows, us.placed, us.filtered, us.emptyCountry], [5, 3, 2, 1]);
  assert.deepEqual(us.countryFilter, { column: 'Country', values: ['US'] });
  // --country-column none: no filter at all, the AU rows are read as US rows (wa = Washington).
  const none = await summarizeSupporterList(file('mc.csv', text), { country: 'us', territoryColumn: 'region', countryColumn: 'none' });
  assert.deepEqual([none.counts, none.filtered, none.countryFilter], [{ PA: 1, TX: 1, WA: 2 }, 0, undefined]);
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
  const automatic = likelyCause({ rows: 10, placed: 1, empty: 0, filtered: 9, unrecognisedByReason: byReason, otherCountryRows: 0, country: 'us', countryFilter: { column: 'Country', values: ['US'], automatic: true } });
  assert.equal(automatic, 'column "Country" names another country than US in 9 of 10 rows: is --country us right? (--country-column NAME picks the country column, --country-column none uses none)');
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

const lists = new URL('../fixtures/lists/', import.meta.url);
const fixture = (name: string) => fileURLToPath(new URL(name, lists));

test('a NationBuilder export of a French campaign: Brussels, Ixelles, Liège, Charleroi and Geneva are never placed in France', async () => {
  // test/fixtures/lists/nationbuilder-fr.csv (made-up people): 14 French supporters (two with an empty
  // primary_country_code; Bourg-en-Bresse 1000, Nice 6000 and Digne 4000 lost their leading zero) and 5
  // abroad: Bruxelles 1000, Ixelles 1050, Liège 4000, Charleroi 6000 (BE) and Genève 1201 (CH).
  const auto = await summarizeSupporterList(fixture('nationbuilder-fr.csv'), { country: 'fr', territoryColumn: 'primary_zip' });
  assert.deepEqual(auto.countryFilter, { column: 'primary_country_code', values: ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC'], automatic: true });
  assert.deepEqual([auto.rows, auto.placed, auto.filtered, auto.emptyCountry, auto.restoredLeadingZeros], [19, 14, 5, 2, 3]);
  assert.deepEqual(auto.filteredByCountry, { BE: 4, CH: 1 });
  // One each: the foreign 4-digit postcodes added nothing to Ain (01), Alpes-de-Haute-Provence (04) or Alpes-Maritimes (06).
  assert.deepEqual(auto.counts, { '01': 1, '04': 1, '06': 1, '13': 1, '2B': 1, '31': 1, '33': 1, '34': 1, '35': 1, '44': 1, '59': 1, '67': 1, '69': 1, '75': 1 });
  assert.ok(auto.notes.includes('5 rows of other countries left out by column "primary_country_code" (BE 4, CH 1); choose the column and countries with --country-column NAME --country-value V, or --country-column none'));
  assert.ok(auto.notes.includes('2 rows have an empty cell in column "primary_country_code": kept and read as FR rows'));
  assert.ok(auto.notes.includes('3 postcodes had lost their leading zero (a spreadsheet read them as numbers: 1000 for 01000) and were restored; none of another country (column "primary_country_code"), 1 with an empty country cell'));
  // The filter given by hand: the same, the two French supporters with an empty cell kept (not 12 of 14).
  const given = await summarizeSupporterList(fixture('nationbuilder-fr.csv'), { country: 'fr', territoryColumn: 'primary_zip', countryColumn: 'primary_country_code', countryValues: ['FR'] });
  assert.deepEqual([given.placed, given.filtered, given.emptyCountry], [14, 5, 2]);
  assert.deepEqual(given.counts, auto.counts);
  // By name, in the other column: France (and the value names no code: Belgique is BE).
  const byName = await summarizeSupporterList(fixture('nationbuilder-fr.csv'), { country: 'fr', territoryColumn: 'primary_zip', countryColumn: 'primary_country', countryValues: ['France'] });
  assert.deepEqual([byName.placed, byName.filtered, byName.filteredByCountry], [14, 5, { BE: 4, CH: 1 }]);
});

test('an Action Network export: --country-value US keeps "United States" and "US" rows and the six with an empty country cell', async () => {
  // test/fixtures/lists/actionnetwork-us.csv (made-up people): 30 US supporters, can2_country "United
  // States", "US" or empty (6), and 4 abroad (CA 2, GB, AU). The old advice, --country-value US, read no
  // "United States" row and exited 2.
  const r = await summarizeSupporterList(fixture('actionnetwork-us.csv'), { country: 'us', territoryColumn: 'can2_state_abbreviated', countryColumn: 'can2_country', countryValues: ['US'] });
  assert.deepEqual([r.rows, r.placed, r.filtered, r.emptyCountry], [34, 30, 4, 6]);
  assert.deepEqual(r.filteredByCountry, { CA: 2, AU: 1, GB: 1 });
  assert.equal(Object.values(r.counts).reduce((s, n) => s + n, 0), 30);
  // Found by its name too (can2_country), and the ZIP column read through its other name (zip).
  const auto = await summarizeSupporterList(fixture('actionnetwork-us.csv'), { country: 'us', territoryColumn: 'zip' });
  assert.equal(auto.territoryColumn, 'zip_code');
  assert.deepEqual([auto.placed, auto.filtered, auto.emptyCountry, auto.restoredLeadingZeros], [30, 4, 6, 3]);
  assert.deepEqual(auto.counts, r.counts);
});

test('a HubSpot export: Georgia the country (Country/Region) is never counted in Georgia the state', async () => {
  // test/fixtures/lists/hubspot-us.csv (made-up people): 18 US contacts (6 in Georgia, 3 with an empty
  // Country/Region), and 4 in Georgia the country, three of whom typed "Georgia" into State/Region.
  const r = await summarizeSupporterList(fixture('hubspot-us.csv'), { country: 'us', territoryColumn: 'State/Region' });
  assert.deepEqual(r.countryFilter?.column, 'Country/Region');
  assert.deepEqual([r.rows, r.placed, r.filtered, r.emptyCountry], [22, 18, 4, 3]);
  assert.deepEqual(r.filteredByCountry, { GE: 4 });
  assert.equal(r.counts.GA, 6);
  const named = await summarizeSupporterList(fixture('hubspot-us.csv'), { country: 'us', territoryColumn: 'state/region', countryColumn: 'country/region', countryValues: ['United States of America'] });
  assert.deepEqual([named.placed, named.counts.GA], [18, 6]);
});

test('a territory column is found by its name without case, accents or punctuation, and by its other usual names', async () => {
  const rows = '\nAda,34\nBo,2A\nCy,971\n';
  // [header in the file, --territory-column, whether the output says the one stood for the other]
  const cases: [string, string, boolean][] = [
    ['Département', 'Departement', false], ['departement', 'DÉPARTEMENT', false], ['Code département', 'code_departement', false],
    ['dept', 'Departement', true], ['code_departement', 'Departement', true], ['DEP', 'dept', true], ['numDepartement', 'departement', true],
  ];
  for (const [header, asked, said] of cases) {
    const r = await summarizeSupporterList(file('dep.csv', `nom,${header}${rows}`), { country: 'fr', territoryColumn: asked });
    assert.equal(r.territoryColumn, header, `${asked} -> ${header}`);
    assert.deepEqual(r.counts, { '2A': 1, '34': 1, '971': 1 });
    assert.equal(r.notes.includes(`column ${JSON.stringify(header)} read for --territory-column ${JSON.stringify(asked)}`), said, `${asked} -> ${header}`);
  }
  await assert.rejects(summarizeSupporterList(file('dep.csv', `nom,region${rows}`), { country: 'fr', territoryColumn: 'Departement' }), /must be a column named "Departement" \(--territory-column\), got columns "nom", "region"/);
});
