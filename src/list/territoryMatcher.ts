/**
 * Maps one cell of a supporter list (a state, a département, a postcode or ZIP code, a `State/Zip`
 * cell) to a result-unit id, or to the reason it cannot be placed. Matching ignores case, accents,
 * dots, hyphens, apostrophes and extra spaces, so `côtes-d'armor`, `COTES D ARMOR` and `Côtes d’Armor`
 * all give `22`, and `N.C.` gives `NC`.
 *
 * Browser-safe: US ZIP codes are looked up in the `zipcodes` package's table (ZIP → state, from the US
 * Census Bureau's ZCTA gazetteer and USPS data, BSD licence), kept in src/list/zipStates.json by
 * scripts/data/build_lookup_tables.mjs.
 */
import zipStates from './zipStates.json' with { type: 'json' };
import { isShownCell } from '../errors.js';
import { FR_ABROAD_LABELS, FR_DEPARTEMENTS, FR_MINISTRY_CODES, US_DOTTED_ABBREVIATIONS, US_STATES } from './territoryNames.js';

/**
 * Why a row could not be placed in a territory (the `unrecognised` reasons; `missing-column` is set by
 * the reader for a row with fewer fields than the territory column's position):
 * - `unknown-place`: shaped like a place name or code, but not one of the country's territories;
 * - `unknown-postcode`: five digits (or four that lost their leading zero) that are no postcode or ZIP
 *   code of the country's territories;
 * - `outside-territories`: a real ZIP code of a US territory that votes for no elector (PR, GU, VI, AS,
 *   MP) or a military post, or a French postcode of Monaco;
 * - `email`, `phone`, `text`: an e-mail address, a phone number or free text: personal data or the wrong
 *   column, counted and never printed.
 */
export type UnrecognisedReason = 'unknown-place' | 'unknown-postcode' | 'outside-territories' | 'email' | 'phone' | 'text' | 'missing-column';

/** Result of matching one value: a unit id (and how it was found), an empty cell, or the reason there is none. */
export type TerritoryMatch =
  | { id: string; via?: 'zip' | 'restored-zero' }
  | { reason: 'empty' }
  | { reason: Exclude<UnrecognisedReason, 'missing-column'> };

/** Country whose territories a list is matched against. */
export type ListCountry = 'us' | 'fr';

/** Saint-Martin and Saint-Barthélemy: one unit (`ZX`) in the Ministry's 2012 results and data/fr_departements.csv. */
const FR_SAINT_MARTIN_BARTHELEMY = 'ZX';

/**
 * Normalises a name for matching: accents stripped (Unicode NFD), upper case, every run of
 * non-letters and non-digits turned into one space, trimmed.
 *
 * @example
 * normaliseName("Côtes-d’Armor") // => 'COTES D ARMOR'
 */
export function normaliseName(value: string): string {
  return value
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * The département of a French postcode (5 digits). The first two digits are the département in
 * metropolitan France; Corsica's `20xxx` split at 20200 (`200xx`–`201xx` Corse-du-Sud 2A, `202xx`
 * and above Haute-Corse 2B); overseas postcodes take three digits (`971xx` → 971), with Saint-Barthélemy
 * (97133) and Saint-Martin (97150) as their own unit; `98xxx` is Monaco (not France) except
 * Wallis-et-Futuna 986, Polynésie 987 and Nouvelle-Calédonie 988. Source: La Poste postcode
 * allocation as reflected in the INSEE code officiel géographique.
 *
 * @param postcode five ASCII digits
 * @returns the département code, or undefined when the postcode does not belong to one
 * @example
 * departementOfPostcode('20137') // => '2A'
 */
export function departementOfPostcode(postcode: string): string | undefined {
  const two = postcode.slice(0, 2);
  if (two === '00') return undefined;
  if (two === '20') return Number(postcode) < 20200 ? '2A' : '2B';
  if (two === '97') {
    if (postcode === '97133' || postcode === '97150') return FR_SAINT_MARTIN_BARTHELEMY;
    const three = postcode.slice(0, 3);
    return three in FR_DEPARTEMENTS ? three : undefined;
  }
  if (two === '98') {
    const three = postcode.slice(0, 3);
    return three === '986' || three === '987' || three === '988' ? three : undefined;
  }
  if (two === '96' || two === '99') return undefined;
  return two in FR_DEPARTEMENTS ? two : undefined;
}

/**
 * USPS state code of a 5-digit US ZIP code, from the `zipcodes` package's table (src/list/zipStates.json,
 * built by scripts/data/build_lookup_tables.mjs); `undefined` when the package knows no such ZIP code.
 *
 * @example
 * stateOfZip('19103') // => 'PA'
 * stateOfZip('00601') // => 'PR'
 */
export function stateOfZip(zip: string): string | undefined {
  if (!/^\d{5}$/.test(zip)) return undefined;
  const letter = zipStates.alphabet.indexOf(zipStates.zips[Number(zip)]!);
  return letter < 0 ? undefined : zipStates.states[letter];
}

/** Seven or more digits with only phone punctuation: a phone number's shape. */
const PHONE = /^\+?[\d\s().\-/]{7,}$/;

/**
 * Why a value that matched nothing is unrecognised: the shape decides whether it may be shown.
 *
 * @example
 * unrecognisedShape('ada@example.org') // => 'email'
 * unrecognisedShape('Ontario') // => 'unknown-place'
 */
export function unrecognisedShape(value: string): 'unknown-place' | 'email' | 'phone' | 'text' {
  const text = value.trim();
  if (text.includes('@')) return 'email';
  if (PHONE.test(text) && (text.match(/\d/g)?.length ?? 0) >= 7) return 'phone';
  return isShownCell(text) ? 'unknown-place' : 'text';
}

/**
 * Places that are real but elect no one in the country's races: US territories without electors and
 * military post codes (USPS codes and names); Monaco for France.
 */
const US_OUTSIDE_NAMES = ['PR', 'Puerto Rico', 'GU', 'Guam', 'VI', 'Virgin Islands', 'U.S. Virgin Islands', 'US Virgin Islands', 'AS', 'American Samoa', 'MP', 'Northern Mariana Islands', 'AA', 'AE', 'AP'];
const FR_OUTSIDE_NAMES = ['Monaco'];

/**
 * Builds a matcher for one country. The returned function is pure and fast (one map lookup per
 * value, a cache of values already seen), for lists of millions of rows.
 *
 * US accepts USPS codes (`fl`, `FL`), state names (`Florida`), dotted abbreviations (`N.C.`, `Mass.`),
 * `Washington DC`/`D.C.`, ZIP codes (`19103`, `19103-1234`, and `2134` whose leading zero a spreadsheet
 * dropped) and a state with a ZIP code in one cell (`PA 19103`, `Philadelphia, PA 19103`: the state decides).
 * France accepts département codes (`1`, `01`, `2a`, `971`), the Ministry's letter codes (`ZA` … `ZZ`),
 * names (`Hérault`, `La Réunion` or `Réunion`, `Français établis hors de France`) and postcodes (`34000`
 * → `34`; `1000` → `01000` → `01` when the leading zero was lost).
 *
 * @example
 * createTerritoryMatcher('fr')('20200') // => { id: '2B' }
 * createTerritoryMatcher('us')('PA 19103') // => { id: 'PA' }
 * createTerritoryMatcher('us')('  ') // => { reason: 'empty' }
 */
export function createTerritoryMatcher(country: ListCountry): (value: string) => TerritoryMatch {
  const byKey = country === 'us' ? usKeys() : frKeys();
  const outside = new Set((country === 'us' ? US_OUTSIDE_NAMES : FR_OUTSIDE_NAMES).map(normaliseName));
  const cache = new Map<string, TerritoryMatch>();
  const empty: TerritoryMatch = { reason: 'empty' };
  const byPostcode = (digits: string): TerritoryMatch => {
    const restored = digits.length === 4;
    const code = restored ? `0${digits}` : digits;
    if (country === 'us') {
      const state = stateOfZip(code);
      if (state === undefined) return { reason: 'unknown-postcode' };
      if (!(state in US_STATES)) return { reason: 'outside-territories' };
      return { id: state, via: restored ? 'restored-zero' : 'zip' };
    }
    if (restored && digits[0] === '0') return { reason: 'unknown-postcode' };
    const id = departementOfPostcode(code);
    if (id !== undefined) return restored ? { id, via: 'restored-zero' } : { id };
    return { reason: code.startsWith('98') ? 'outside-territories' : 'unknown-postcode' };
  };
  const match = (value: string): TerritoryMatch => {
    const key = normaliseName(value);
    if (key === '') return empty;
    const id = byKey.get(key);
    if (id !== undefined) return { id };
    if (outside.has(key)) return { reason: 'outside-territories' };
    // A postcode or ZIP code: five digits (ZIP+4 `19103-1234` too), or four that lost a leading zero.
    const postcode = /^(\d{4,5})(?: (\d{4}))?$/.exec(key);
    if (postcode && (postcode[2] === undefined || country === 'us')) return byPostcode(postcode[1]);
    // A state or département with a postcode in one cell (`PA 19103`, `Philadelphia, PA 19103-1234`, `75011 Paris`).
    const combined = /^(?:(.*?) )?([A-Z][A-Z ]*?) (\d{5})(?: \d{4})?$/.exec(key) ?? /^(\d{5}) ([A-Z][A-Z ]*)$/.exec(key);
    if (combined) {
      const [place, digits] = /^\d/.test(combined[1] ?? '') ? [combined[2], combined[1]] : [combined[2], combined[3]];
      const named = byKey.get(place) ?? (combined[1] !== undefined && !/^\d/.test(combined[1]) ? byKey.get(`${combined[1]} ${place}`) : undefined);
      if (named !== undefined) return { id: named };
      return byPostcode(digits);
    }
    const shape = unrecognisedShape(value);
    return { reason: shape };
  };
  return (value: string): TerritoryMatch => {
    const cached = cache.get(value);
    if (cached) return cached;
    const result = match(value);
    // Bound the cache: a list of free-text values must not grow memory without limit. The key is
    // copied: `value` may be a slice of a large chunk of the file, which the key would keep alive.
    if (cache.size < 50_000 && value.length <= 64) cache.set(copyString(value), result);
    return result;
  };
}

function usKeys(): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const [code, name] of Object.entries(US_STATES)) {
    byKey.set(code, code);
    byKey.set(normaliseName(name), code);
  }
  for (const [abbreviation, code] of Object.entries(US_DOTTED_ABBREVIATIONS)) byKey.set(abbreviation, code);
  for (const alias of ['WASHINGTON DC', 'WASHINGTON D C', 'WASH D C', 'D C']) byKey.set(alias, 'DC');
  return byKey;
}

function frKeys(): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const [code, name] of Object.entries(FR_DEPARTEMENTS)) {
    byKey.set(normaliseName(code), code);
    const key = normaliseName(name);
    byKey.set(key, code);
    const withoutArticle = key.replace(/^(LA|LE|LES) /, '');
    if (withoutArticle !== key) byKey.set(withoutArticle, code);
  }
  for (let d = 1; d <= 9; d += 1) byKey.set(String(d), `0${d}`);
  for (const [code, id] of Object.entries(FR_MINISTRY_CODES)) byKey.set(code, id);
  for (const label of FR_ABROAD_LABELS) byKey.set(normaliseName(label), 'ZZ');
  byKey.set('CORSE DU SUD', '2A');
  byKey.set('977', FR_SAINT_MARTIN_BARTHELEMY);
  byKey.set('978', FR_SAINT_MARTIN_BARTHELEMY);
  byKey.set('SAINT MARTIN', FR_SAINT_MARTIN_BARTHELEMY);
  byKey.set('SAINT BARTHELEMY', FR_SAINT_MARTIN_BARTHELEMY);
  byKey.set('SAINT MARTIN SAINT BARTHELEMY', FR_SAINT_MARTIN_BARTHELEMY);
  return byKey;
}

/**
 * A flat copy of a string that shares no memory with the string it was sliced from. Joined in one go:
 * adding characters one by one leaves a chain of string pieces, about 700 bytes for a 30-character key.
 */
function copyString(value: string): string {
  return value.split('').join('');
}
