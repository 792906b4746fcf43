#!/usr/bin/env node
// Writes the two lookup tables the supporter-list reader uses, from packages kept as development
// dependencies, so the published package carries a few hundred kilobytes of data instead of the
// packages (zipcodes 5 MB, i18n-iso-countries 0.8 MB, us-atlas 2 MB) and src/list/ stays browser-safe:
// - src/list/zipStates.json: the USPS state of every 5-digit US ZIP code the `zipcodes` package 8.0.0
//   knows (Dav Glass, BSD licence; from the US Census Bureau's ZIP Code Tabulation Areas and USPS data),
//   as one text of 100,000 characters, character i standing for ZIP code i (`.` when unknown), its
//   place in `alphabet` indexing `states`.
// - src/list/countryCodes.json: every ISO 3166-1 country of the `i18n-iso-countries` package 7.14.0
//   (MIT): alpha-2, alpha-3, and all its English and French names, in the package's order.
// - src/charts/usStatesTopology.json: the states of the `us-atlas` package 3.0.1 (states-10m.json: US
//   Census Bureau cartographic boundary files, 1:10,000,000, packaged by Mike Bostock, ISC licence), as is.
// Run: node scripts/data/build_lookup_tables.mjs (then commit the three files).
import { copyFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);

const { codes } = require('zipcodes/lib/codes.js');
const states = [...new Set(Object.values(codes).filter((c) => c.country === 'US').map((c) => c.state))].sort();
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
if (states.length > ALPHABET.length) throw new Error('too many states for one letter each');
const chars = new Array(100000).fill('.');
for (const [zip, entry] of Object.entries(codes)) {
  if (!/^\d{5}$/.test(zip) || entry.country !== 'US') continue;
  chars[Number(zip)] = ALPHABET[states.indexOf(entry.state)];
}
writeFileSync(join(root, 'src', 'list', 'zipStates.json'), `${JSON.stringify({ source: 'zipcodes 8.0.0 (npm), US ZIP codes to USPS state; built by scripts/data/build_lookup_tables.mjs', alphabet: ALPHABET, states, zips: chars.join('') })}\n`);

const countries = require('i18n-iso-countries');
countries.registerLocale(require('i18n-iso-countries/langs/en.json'));
countries.registerLocale(require('i18n-iso-countries/langs/fr.json'));
const rows = Object.entries(countries.getAlpha2Codes()).map(([alpha2, alpha3]) => [
  alpha2,
  alpha3,
  countries.getName(alpha2, 'en', { select: 'all' }) ?? [],
  countries.getName(alpha2, 'fr', { select: 'all' }) ?? [],
]);
writeFileSync(join(root, 'src', 'list', 'countryCodes.json'), `${JSON.stringify({ source: 'i18n-iso-countries 7.14.0 (npm), ISO 3166-1 codes with English and French names; built by scripts/data/build_lookup_tables.mjs', countries: rows })}\n`);
copyFileSync(require.resolve('us-atlas/states-10m.json'), join(root, 'src', 'charts', 'usStatesTopology.json'));
console.log(`zipStates.json: ${chars.filter((c) => c !== '.').length} ZIP codes in ${states.length} states; countryCodes.json: ${rows.length} countries`);
