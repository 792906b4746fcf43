/**
 * The country column of a supporter list: which header holds each row's country, under the names CRM
 * and mailing-list exports give it, and which country a cell names, by code or by name.
 *
 * Why: a list's territory column alone cannot tell Brussels 1000 from Bourg-en-Bresse 01000 (a postcode
 * that lost its leading zero), nor Georgia the country from Georgia the state. The country column can, if
 * it is found (`country`, `country_code`, NationBuilder's `primary_country_code`, HubSpot's
 * `Country/Region`, `Pays`, `Code pays`, Salesforce's `MailingCountry`…) and its values are read by name
 * and code (`US`, `USA`, `United States`, `États-Unis`).
 *
 * Country codes and names: ISO 3166-1 alpha-2 and alpha-3 codes with their English and French names and
 * usual aliases from the `i18n-iso-countries` package (MIT; its table is kept in src/list/countryCodes.json
 * by scripts/data/build_lookup_tables.mjs), and the Unicode CLDR region names that Intl.DisplayNames
 * gives (`États-Unis`). Browser-safe.
 */
import countryCodes from './countryCodes.json' with { type: 'json' };
import { normaliseName } from './territoryMatcher.js';
import type { ListCountry } from './territoryMatcher.js';

/** Words of a header that name a country column (after splitting `MailingCountryCode` into words). */
const COUNTRY_WORDS = new Set(['COUNTRY', 'PAYS']);
/** Words that make a country header something else: a phone prefix, a birthplace, a citizenship. */
const NOT_RESIDENCE_WORDS = new Set(['PHONE', 'MOBILE', 'CALLING', 'DIAL', 'DIALING', 'BIRTH', 'NAISSANCE', 'NATIONALITY', 'NATIONALITE', 'CITIZENSHIP', 'INDICATIF']);
/** Words that mark the preferred column when a list has several (codes read cleanest; the main address next). */
const PREFERRED_WORDS: Record<string, number> = { CODE: 2, ISO: 2, PRIMARY: 1, ADDRESS: 1, MAILING: 1, HOME: 1, BILLING: 0 };

/** A header in words: camelCase split, accents and punctuation dropped, upper case (`MailingCountryCode` -> `MAILING COUNTRY CODE`). */
export function headerWords(header: string): string[] {
  const split = header.replace(/([a-z])([A-Z])/g, '$1 $2');
  const key = normaliseName(split);
  return key === '' ? [] : key.split(' ');
}

/**
 * Whether a header names each row's country of residence: one of its words is `country` or `pays`
 * (`country`, `country_code`, `primary_country_code`, `Country/Region`, `Pays`, `Code pays`,
 * `MailingCountry`, `can2_country`), and none makes it a phone prefix, a birthplace or a citizenship.
 *
 * @example
 * isCountryHeader('Country/Region') // => true
 * isCountryHeader('phone_country_code') // => false
 * isCountryHeader('county') // => false
 */
export function isCountryHeader(header: string): boolean {
  const words = headerWords(header);
  // `PAYSDELALOIRE`-like run-ons are not split; a glued `primarycountrycode` is.
  const glued = words.length === 1 && /COUNTRY/.test(words[0]!) ? ['COUNTRY'] : [];
  return [...words, ...glued].some((w) => COUNTRY_WORDS.has(w)) && !words.some((w) => NOT_RESIDENCE_WORDS.has(w));
}

/**
 * The index of the list's country column, or -1: among the headers {@link isCountryHeader} accepts, the
 * one holding codes first (`primary_country_code` before `primary_country`), then the main address's.
 *
 * @example
 * findCountryColumn(['first_name', 'primary_zip', 'primary_country', 'primary_country_code']) // => 3
 */
export function findCountryColumn(header: readonly string[]): number {
  let best = -1;
  let bestScore = -1;
  header.forEach((h, i) => {
    if (!isCountryHeader(h)) return;
    const score = headerWords(h).reduce((s, w) => s + (PREFERRED_WORDS[w] ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  return best;
}

let byName: Map<string, string> | undefined;

/** Every name and code of every country, normalised, to its alpha-2 code (built once). */
function countryNames(): Map<string, string> {
  if (byName) return byName;
  const map = new Map<string, string>();
  const add = (name: string, code: string) => {
    const key = normaliseName(name);
    if (key === '') return;
    if (!map.has(key)) map.set(key, code);
    // `U.S.A.` and `U S A` read as `USA`.
    if (/^([A-Z] )+[A-Z]$/.test(key) && !map.has(key.replace(/ /g, ''))) map.set(key.replace(/ /g, ''), code);
  };
  const display = ['en', 'fr'].map((locale) => new Intl.DisplayNames([locale], { type: 'region', fallback: 'none' }));
  for (const [alpha2, alpha3, english, french] of countryCodes.countries as [string, string, string[], string[]][]) {
    map.set(alpha2, alpha2);
    map.set(alpha3, alpha2);
    for (const name of [...english, ...french]) add(name, alpha2);
    for (const names of display) {
      const name = names.of(alpha2);
      if (name) add(name, alpha2);
    }
  }
  // Names the sources leave out but exports use.
  for (const [name, code] of [['Etats Unis', 'US'], ['Etats Unis d Amerique', 'US'], ['America', 'US'], ['Republique francaise', 'FR'], ['Holland', 'NL'], ['England', 'GB'], ['Scotland', 'GB'], ['Wales', 'GB'], ['Northern Ireland', 'GB'], ['Deutschland', 'DE'], ['Espana', 'ES'], ['Italia', 'IT'], ['Schweiz', 'CH'], ['Svizzera', 'CH'], ['Belgie', 'BE'], ['Nederland', 'NL']] as const) add(name, code);
  byName = map;
  return map;
}

/**
 * The ISO 3166-1 alpha-2 code of a country cell, by code (`US`, `USA`, `fr`) or by name in English or
 * French (`United States`, `U.S.A.`, `États-Unis`, `Belgique`, `Georgia` = GE); undefined for an empty
 * cell or a value that names no country.
 *
 * @example
 * countryCode('United States') // => 'US'
 * countryCode('Georgia') // => 'GE'
 * countryCode('Suisse') // => 'CH'
 */
export function countryCode(value: string): string | undefined {
  const key = normaliseName(value);
  if (key === '') return undefined;
  return countryNames().get(key) ?? countryNames().get(key.replace(/ /g, ''));
}

/**
 * Country codes that count as the list's own country: the US with its territories (whose rows the matcher
 * then reports as outside the territories that vote for electors); France with its overseas
 * départements and collectivités, which are territories of its races (Guadeloupe `GP` … Nouvelle-Calédonie `NC`).
 */
export const OWN_COUNTRY_CODES: Readonly<Record<ListCountry, readonly string[]>> = {
  us: ['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'UM'],
  fr: ['FR', 'GP', 'MQ', 'GF', 'RE', 'YT', 'PM', 'BL', 'MF', 'WF', 'PF', 'NC'],
};
