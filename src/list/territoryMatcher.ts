/**
 * Maps one cell of a supporter list (a state, a département, a postcode) to a result-unit id, or to
 * the reason it cannot be placed. Matching ignores case, accents, hyphens, apostrophes and extra
 * spaces, so `côtes-d'armor`, `COTES D ARMOR` and `Côtes d’Armor` all give `22`.
 */
import { FR_DEPARTEMENTS, US_STATES } from './territoryNames.js';

/** Why a row could not be placed in a territory. */
export type UnplacedReason = 'empty' | 'unrecognised' | 'missing-column';

/** Result of matching one value: a unit id, or the reason there is none. */
export type TerritoryMatch = { id: string } | { reason: UnplacedReason };

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
 * Builds a matcher for one country. The returned function is pure and fast (one map lookup per
 * value, a cache of values already seen), for lists of millions of rows.
 *
 * US accepts USPS codes (`fl`, `FL`), state names (`Florida`) and `Washington DC`/`D.C.`.
 * France accepts département codes (`1`, `01`, `2a`, `971`), names (`Hérault`, `La Réunion` or
 * `Réunion`) and 5-digit postcodes (`34000` → `34`).
 *
 * @example
 * createTerritoryMatcher('fr')('20200') // => { id: '2B' }
 * createTerritoryMatcher('us')('  ') // => { reason: 'empty' }
 */
export function createTerritoryMatcher(country: ListCountry): (value: string) => TerritoryMatch {
  const byKey = new Map<string, string>();
  if (country === 'us') {
    for (const [code, name] of Object.entries(US_STATES)) {
      byKey.set(code, code);
      byKey.set(normaliseName(name), code);
    }
    for (const alias of ['WASHINGTON DC', 'WASHINGTON D C', 'D C']) byKey.set(alias, 'DC');
  } else {
    for (const [code, name] of Object.entries(FR_DEPARTEMENTS)) {
      byKey.set(normaliseName(code), code);
      const key = normaliseName(name);
      byKey.set(key, code);
      const withoutArticle = key.replace(/^(LA|LE|LES) /, '');
      if (withoutArticle !== key) byKey.set(withoutArticle, code);
    }
    for (let d = 1; d <= 9; d += 1) byKey.set(String(d), `0${d}`);
    byKey.set('CORSE DU SUD', '2A');
    byKey.set('977', FR_SAINT_MARTIN_BARTHELEMY);
    byKey.set('978', FR_SAINT_MARTIN_BARTHELEMY);
    byKey.set('SAINT MARTIN', FR_SAINT_MARTIN_BARTHELEMY);
    byKey.set('SAINT BARTHELEMY', FR_SAINT_MARTIN_BARTHELEMY);
  }
  const cache = new Map<string, TerritoryMatch>();
  const empty: TerritoryMatch = { reason: 'empty' };
  const unrecognised: TerritoryMatch = { reason: 'unrecognised' };
  return (value: string): TerritoryMatch => {
    const cached = cache.get(value);
    if (cached) return cached;
    let match: TerritoryMatch;
    const key = normaliseName(value);
    if (key === '') match = empty;
    else {
      let id = byKey.get(key);
      if (id === undefined && country === 'fr' && /^\d{5}$/.test(key)) id = departementOfPostcode(key);
      match = id === undefined ? unrecognised : { id };
    }
    // Bound the cache: a list of free-text values must not grow memory without limit. The key is
    // copied: `value` is usually a slice of a large chunk of the file, which the key would keep alive.
    if (cache.size < 10_000 && value.length <= 64) cache.set(copyString(value), match);
    return match;
  };
}

/** A flat copy of a string that shares no memory with the string it was sliced from. */
function copyString(value: string): string {
  let copy = '';
  for (let i = 0; i < value.length; i += 1) copy += value[i];
  return copy;
}
