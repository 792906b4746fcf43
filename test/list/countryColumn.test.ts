import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countryCode, findCountryColumn, isCountryHeader, OWN_COUNTRY_CODES } from '../../src/list/countryColumn.js';

test('isCountryHeader recognises the country columns exports use, not a phone prefix, a birthplace or a county', () => {
  // NationBuilder, HubSpot, Action Network, Salesforce, Mailchimp and French CRMs.
  for (const h of ['country', 'Country', 'country_code', 'primary_country_code', 'primary_country', 'Country/Region', 'Pays', 'Code pays', 'code_pays', 'MailingCountry', 'MailingCountryCode', 'can2_country', 'Address - Country', 'COUNTRY CODE ISO']) {
    assert.equal(isCountryHeader(h), true, h);
  }
  for (const h of ['phone_country_code', 'Mobile Country Code', 'Country of birth', 'Pays de naissance', 'Nationalité', 'county', 'County Name', 'state', 'Région']) {
    assert.equal(isCountryHeader(h), false, h);
  }
});

test('findCountryColumn prefers the column of codes, then the main address', () => {
  assert.equal(findCountryColumn(['first_name', 'primary_zip', 'primary_country', 'primary_country_code']), 3);
  assert.equal(findCountryColumn(['Email', 'billing_country', 'mailing_country']), 2);
  assert.equal(findCountryColumn(['Email', 'State', 'phone_country_code']), -1);
});

test('countryCode reads a country by ISO code (alpha-2, alpha-3) and by its English or French name, whatever the case, accents and dots', () => {
  // Expected codes: ISO 3166-1.
  const cases: [string, string | undefined][] = [
    ['US', 'US'], ['us', 'US'], ['USA', 'US'], ['U.S.A.', 'US'], ['U.S.', 'US'], ['United States', 'US'], ['United States of America', 'US'], ['États-Unis', 'US'], ['Etats-Unis', 'US'],
    ['FR', 'FR'], ['FRA', 'FR'], ['France', 'FR'], ['Belgique', 'BE'], ['Belgium', 'BE'], ['Suisse', 'CH'], ['Switzerland', 'CH'],
    ['Georgia', 'GE'], ['Géorgie', 'GE'], ['UK', 'GB'], ['United Kingdom', 'GB'], ['Côte d’Ivoire', 'CI'], ['Guadeloupe', 'GP'],
    ['', undefined], ['  ', undefined], ['Narnia', undefined], ['Seán Flores', undefined], ['ada@example.org', undefined],
  ];
  for (const [value, code] of cases) assert.equal(countryCode(value), code, value);
});

test('the list\'s own country includes its overseas territories, which its races count (France) or report as outside (US)', () => {
  assert.ok(OWN_COUNTRY_CODES.fr.includes('GP') && OWN_COUNTRY_CODES.fr.includes('NC') && !OWN_COUNTRY_CODES.fr.includes('MC'));
  assert.ok(OWN_COUNTRY_CODES.us.includes('PR') && !OWN_COUNTRY_CODES.us.includes('CA'));
});
